/**
 * The compiler gives each package's runtime course the records of its own
 * target (src/render/apply-records.ts): every typed lesson question, every
 * test question and every survey, and nothing to an untyped choice question.
 * records.ts is replaced by one that names the target, so the test sees
 * where each record went whatever the records helper makes of them.
 */
import { describe, expect, it, vi } from 'vitest';
import type { RuntimeLesson, RuntimeQuestion, RuntimeSurvey, RuntimeTest } from '../../src/shared/runtime-types.js';
import { readPackageCourse } from '../../src/shared/course-split.js';
import { codes, compileFiles } from '../helpers/compile.js';

vi.mock('../../src/render/records.js', () => ({
  questionRecord: (q: RuntimeQuestion, target: string) => (q.type ? { type: `${target}:${q.type}`, correct: [q.id] } : undefined),
  surveyRecord: (s: RuntimeSurvey, target: string) => ({ type: `${target}:likert`, correct: [s.id] }),
  // A sequencing question cannot be recorded in SCORM 1.2 here, and xAPI warns about a true-false one.
  recordProblems: (q: RuntimeQuestion, target: string) => [
    ...(q.type === 'sequencing' && target === 'scorm12' ? [{ code: 'IR243', message: `${q.id}: not in ${target}` }] : []),
    ...(q.type === 'true-false' && target === 'xapi' ? [{ code: 'IR219', message: `${q.id}: in part in ${target}` }] : []),
  ],
}));

const files = {
  'lessons/a.md': '---\ntitle: A\n---\n::: question {#pilih}\nPilih.\n\n- [x] A\n  > a\n- [ ] B\n  > b\n:::\n\n::: question {#bs type=true-false}\nBenar?\n\n- [x] Benar\n  > ya\n- [ ] Salah\n  > tidak\n:::\n\n::: survey {#sikap}\nSetuju?\n\n- Ya. {dimension=suap}\n:::\n',
  'pools/bank.md': '---\nid: bank\n---\n::: question {#p1 dimension=suap}\nPilih.\n\n- [x] A\n  > a\n- [ ] B\n  > b\n:::\n\n::: question {#p2 type=sequencing dimension=suap}\nUrutkan.\n\n1. Satu\n2. Dua\n> [x] ya\n> [ ] tidak\n:::\n',
  'tests/akhir.md': '---\ntitle: Akhir\nrole: final\npool: bank\ndraw: 2\npassing_score: 80\n---\nMulai.\n',
};

describe('records per target', () => {
  it('each package carries its own target\'s records; the shared rendered course carries none', () => {
    const r = compileFiles(files, ['scorm2004', 'xapi']);
    expect(r.ok, r.diagnostics.map((d) => d.message).join('\n')).toBe(true);
    for (const a of r.artifacts) {
      const course = readPackageCourse((f) => (a.files.has(f) ? new TextDecoder().decode(a.files.get(f)) : null))!;
      const lesson = course.units[0] as RuntimeLesson;
      const [choice, tf, survey] = lesson.pages[0]!.blocks;
      expect(choice!.kind === 'question' && choice.question.rec).toBeUndefined();
      expect(tf!.kind === 'question' && tf.question.rec).toEqual({ type: `${a.target}:true-false`, correct: ['bs'] });
      expect(survey!.kind === 'survey' && survey.survey.rec).toEqual({ type: `${a.target}:likert`, correct: ['sikap'] });
      const test = course.units[1] as RuntimeTest;
      expect(test.questions.map((q) => q.rec?.type)).toEqual([undefined, `${a.target}:sequencing`]);
    }
    const shared = r.runtime!.units[1] as RuntimeTest;
    expect(shared.questions[1]!.rec).toBeUndefined();
  });

  it('reports what a target cannot record at the question, once however many tests draw it; an error stops the build', () => {
    const twoTests = { ...files, 'tests/pra.md': '---\ntitle: Pra\nrole: pre\npool: bank\ndraw: 2\n---\nMulai.\n' };
    const xapi = compileFiles(twoTests, ['xapi']);
    expect(xapi.ok).toBe(true);
    expect(codes(xapi)).toEqual(['IR219 lessons/a.md:13:1']);
    const both = compileFiles(twoTests, ['scorm12', 'xapi']);
    expect(both.ok).toBe(false);
    expect(both.artifacts).toEqual([]);
    expect(both.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'IR219 lessons/a.md:13:1 bs: in part in xapi',
      'IR243 pools/bank.md:13:1 p2: not in scorm12',
    ]);
  });
});
