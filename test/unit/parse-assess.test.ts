/**
 * Issue 12 in the compiler: question types, surveys, pools, tests and
 * `scoring:` from the author's files to the runtime course each package
 * carries (the golden fixtures assess-* pin whole courses; these pin rules).
 */
import { describe, expect, it } from 'vitest';
import { codes, compileFiles } from '../helpers/compile.js';
import { courseSkeleton, readPackageCourse } from '../../src/shared/course-split.js';
import { normalizeAnswer, parseNumericValue } from '../../src/parse/question-answers.js';
import { withRecords } from '../../src/render/apply-records.js';
import type { RuntimeLesson, RuntimeQuestion, RuntimeSurvey, RuntimeTest } from '../../src/shared/runtime-types.js';

const lesson = (body: string, title = 'Latihan') => `---\ntitle: ${title}\n---\n${body}`;
const question = (attrs: string, body: string) => `::: question {${attrs}}\n${body}:::\n`;
const CHOICE = 'Pilih.\n\n- [x] A\n  > a\n- [ ] B\n  > b\n';
const pool = (body: string, id = 'bank') => `---\nid: ${id}\n---\n${body}`;
const POOL = pool(
  question('#p1 dimension=gratifikasi', CHOICE) +
    question('#p2 type=true-false dimension=suap', 'Benar?\n\n- [x] Benar\n  > ya\n- [ ] Salah\n  > tidak\n') +
    question('#p3 type=numeric dimension=suap points=5', 'Berapa?\n\n- [x] 30\n  > ya\n- [ ] *\n  > tidak\n'),
);
const test = (fm: string, body = 'Pengantar tes.\n') => `---\n${fm}\n---\n${body}`;

function blocks(r: ReturnType<typeof compileFiles>) {
  return r.runtime!.units.flatMap((u) => (u.kind === 'lesson' ? u.pages.flatMap((p) => p.blocks) : []));
}
const questions = (r: ReturnType<typeof compileFiles>) => blocks(r).flatMap((b) => (b.kind === 'question' ? [b.question] : [])) as RuntimeQuestion[];
const surveys = (r: ReturnType<typeof compileFiles>) => blocks(r).flatMap((b) => (b.kind === 'survey' ? [b.survey] : [])) as RuntimeSurvey[];
const tests = (r: ReturnType<typeof compileFiles>) => r.runtime!.units.filter((u): u is RuntimeTest => u.kind === 'test');

describe('question types', () => {
  it('leaves a choice question exactly as before: no type, no new fields', () => {
    const r = compileFiles({ 'lessons/a.md': lesson(question('#q', CHOICE)) });
    expect(codes(r)).toEqual([]);
    expect(Object.keys(questions(r)[0]!).sort()).toEqual(['choices', 'dimension', 'id', 'multiple', 'points', 'promptHtml', 'promptText']);
    expect((r.runtime!.units[0] as RuntimeLesson).assess).toBeUndefined();
  });

  it('reads numbers with a decimal comma or point, and inclusive ranges', () => {
    expect(parseNumericValue('30')).toEqual([30, 30]);
    expect(parseNumericValue('2,5')).toEqual([2.5, 2.5]);
    expect(parseNumericValue(' -1.5 .. 2,25 ')).toEqual([-1.5, 2.25]);
    expect(parseNumericValue('1.000.000')).toBeNull();
    expect(parseNumericValue('30%')).toBeNull();
  });

  it('compares fill-in answers by the flags: case, spaces and diacritics are ignored unless named', () => {
    const none = { case: false, spaces: false, diacritics: false };
    expect(normalizeAnswer('  Komisi   Pemberantasan  ', none)).toBe('komisi pemberantasan');
    expect(normalizeAnswer('Pérdana', none)).toBe('perdana');
    expect(normalizeAnswer(' Pérdana ', { case: true, spaces: true, diacritics: true })).toBe(' Pérdana '.normalize('NFD'));
  });

  it('renders a fill-in with its flags, its catch-all last, and outcome feedback; the lesson loads player-assess.js', () => {
    const body = 'Siapa?\n\n- [ ] *\n  > lain\n- [x] KPK\n- [ ] Polisi\n  > bukan\n> [x] Benar.\n> [ ] Salah.\n';
    const r = compileFiles({ 'lessons/a.md': lesson(question('#q type=fill-in case diacritics', body)) });
    expect(codes(r)).toEqual([]);
    const q = questions(r)[0]!;
    expect(q).toMatchObject({ type: 'fill-in', norm: 'cd', multiple: false, outcome: { right: '<p>Benar.</p>\n', wrong: '<p>Salah.</p>\n' } });
    expect(q.choices.map((c) => [c.text, c.correct, c.other ?? false])).toEqual([['KPK', true, false], ['Polisi', false, false], ['*', false, true]]);
    expect((r.runtime!.units[0] as RuntimeLesson).assess).toBe(1);
  });

  it('numeric choices carry their range; matching its targets (a repeated target once, distractors kept) and match', () => {
    const r = compileFiles({
      'lessons/a.md': lesson(
        question('#n type=numeric', 'Berapa?\n\n- [x] 25..35\n  > ya\n- [ ] 2,5\n  > bukan\n') +
          question('#m type=matching', 'Pasangkan.\n\n- - a -> X\n- b -> Y\n- c -> x\n- -> Z\n> [x] ya\n> [ ] tidak\n'),
      ),
      // xAPI: SCORM 1.2 records a numeric range in part (a warning of its own).
    }, ['xapi']);
    expect(codes(r)).toEqual([]);
    const [n, m] = questions(r);
    expect(n!.choices.map((c) => c.range)).toEqual([[25, 35], [2.5, 2.5]]);
    expect(m!.choices.map((c) => c.text)).toEqual(['- a', 'b', 'c']);
    expect(m!.targets!.map((t) => t.text)).toEqual(['X', 'Y', 'Z']);
    expect(m!.match).toEqual([0, 1, 0]);
  });

  it('keeps sequencing steps in the written (correct) order, whatever the list numbers say', () => {
    const r = compileFiles({ 'lessons/a.md': lesson(question('#s type=sequencing', 'Urutkan.\n\n3. Satu\n1. Dua\n2. Tiga\n> [x] ya\n> [ ] tidak\n')) });
    expect(codes(r)).toEqual([]);
    expect(questions(r)[0]!.choices.map((c) => c.text)).toEqual(['Satu', 'Dua', 'Tiga']);
  });

  it('reports each malformed form at its line and column', () => {
    const r = compileFiles({
      'lessons/a.md': lesson(
        question('#a type=true-false', 'Benar?\n\n- [x] Benar\n  > ya\n') +
          question('#b type=numeric', 'Berapa?\n\n- [x] 3..1\n  > ya\n') +
          question('#c type=matching', 'Pasangkan.\n\n- a -> X\n- b => Y\n> [x] ya\n> [ ] tidak\n'),
      ),
    });
    expect(codes(r)).toEqual(['IR241 lessons/a.md:4:1', 'IR244 lessons/a.md:13:7', 'IR247 lessons/a.md:16:1', 'IR246 lessons/a.md:20:3']);
  });
});

describe('surveys', () => {
  it('reads scale, phase, item ids (with a fallback) and dimensions; its dimensions count as used', () => {
    const body = '::: survey {#awal phase=pre scale=4}\nSetuju?\n\n- Saya menolak. {#tolak dimension=pemerasan}\n- Saya melapor. {dimension=gratifikasi}\n:::\n';
    const r = compileFiles({ 'lessons/a.md': lesson(body) });
    expect(codes(r)).toEqual([]);
    const s = surveys(r)[0]!;
    expect(s).toMatchObject({ id: 'awal', scale: 4, phase: 'pre', promptText: 'Setuju?' });
    expect(s.items.map((i) => [i.id, i.text, i.dimension])).toEqual([['tolak', 'Saya menolak.', 'pemerasan'], ['awal-2', 'Saya melapor.', 'gratifikasi']]);
    expect(r.runtime!.dimensions.map((d) => d.id)).toEqual(['pemerasan', 'gratifikasi']);
    expect((r.runtime!.units[0] as RuntimeLesson).assess).toBe(1);
  });

  it('gives a survey without an id one from its lesson, with a scale of 5 and no phase', () => {
    const r = compileFiles({ 'lessons/sikap.md': lesson('::: survey\nSetuju?\n\n- Saya menolak. {dimension=suap}\n:::\n') });
    const s = surveys(r)[0]!;
    expect(s.id).toBe('sikap-s1');
    expect(s.scale).toBe(5);
    expect('phase' in s).toBe(false);
  });

  it('reads a statement over several lines, its attributes on its last line or on its first', () => {
    const body = '::: survey {#s}\nSetuju?\n\n- Saya menolak\n  hadiah. {#a dimension=suap}\n- Saya melapor {#b dimension=pemerasan}\n  pungli.\n:::\n';
    const r = compileFiles({ 'lessons/a.md': lesson(body) });
    expect(codes(r)).toEqual([]);
    expect(surveys(r)[0]!.items.map((i) => [i.id, i.text, i.dimension])).toEqual([['a', 'Saya menolak hadiah.', 'suap'], ['b', 'Saya melapor pungli.', 'pemerasan']]);
  });

  it('cannot be placed in a scenario', () => {
    const scenario = '---\ntitle: S\n---\n## Awal {#awal}\n::: survey\nSetuju?\n\n- Ya. {dimension=suap}\n:::\n\n- [Akhiri](#akhir)\n\n## Akhir {#akhir ending=pass}\nSelesai.\n';
    expect(codes(compileFiles({ 'scenarios/s.md': scenario }))).toContain('IR203 scenarios/s.md:5:5');
  });
});

describe('pools and tests', () => {
  const course = (extra: string) => `id: uji\ntitle: Kursus Uji\nversion: 1.0.0\niri: https://example.go.id/xapi/course/uji\n${extra}`;

  it('orders a pre-test first and a final test last without an outline; each test carries its pool, every question worth 1', () => {
    const r = compileFiles({
      'course.yml': course('passing_score: 75\n'),
      'lessons/a.md': lesson(question('#q', CHOICE)),
      'pools/bank.md': POOL,
      'tests/akhir.md': test('title: Akhir\nrole: final\npool: bank\ndraw: 2\nattempts: 3'),
      'tests/pra.md': test('title: Pra\nrole: pre\npool: bank\nper_dimension: 1'),
    });
    expect(codes(r)).toEqual([]);
    expect(r.runtime!.units.map((u) => u.id)).toEqual(['pra', 'a', 'akhir']);
    const [pra, akhir] = tests(r);
    expect(pra).toMatchObject({ role: 'pre', pool: 'bank', draw: 1, perDimension: true, passingScore: null, attempts: 1, introHtml: '<p>Pengantar tes.</p>\n' });
    // The course's pass mark stands in for the final test's own.
    expect(akhir).toMatchObject({ role: 'final', draw: 2, passingScore: 75, attempts: 3 });
    expect('perDimension' in akhir!).toBe(false);
    expect(akhir!.questions.map((q) => [q.id, q.points, q.type ?? 'choice'])).toEqual([['p1', 1, 'choice'], ['p2', 1, 'true-false'], ['p3', 1, 'numeric']]);
    // Two tests of one pool hold their own objects.
    expect(akhir!.questions[0]).not.toBe(pra!.questions[0]);
    expect(r.runtime!.dimensions.map((d) => d.id)).toEqual(['suap', 'gratifikasi']);
    expect(r.runtime!.scoring).toBeUndefined();
  });

  it('says `scoring: final-test` in the runtime course', () => {
    const r = compileFiles({
      'course.yml': course('scoring: final-test\n'),
      'lessons/a.md': lesson(question('#q', CHOICE)),
      'pools/bank.md': POOL,
      'tests/akhir.md': test('title: Akhir\nrole: final\npool: bank\ndraw: 3\npassing_score: 80'),
    });
    expect(codes(r)).toEqual([]);
    expect(r.runtime!.scoring).toBe('final-test');
  });

  it('keeps a test question\'s text, HTML and rec out of course.js, and joins them back from the unit file', () => {
    const r = compileFiles({
      'lessons/a.md': lesson(question('#m type=matching', 'Pasangkan.\n\n- a -> X\n- b -> Y\n> [x] ya\n> [ ] tidak\n')),
      'pools/bank.md': POOL,
      'tests/akhir.md': test('title: Akhir\nrole: final\npool: bank\ndraw: 3\npassing_score: 80'),
    }, ['scorm12']);
    expect(codes(r)).toEqual([]);
    const a = r.artifacts[0]!;
    const text = (f: string) => (a.files.has(f) ? new TextDecoder().decode(a.files.get(f)) : null);
    const courseJs = text('course.js')!;
    expect(courseJs).not.toContain('Berapa?');
    expect(courseJs).not.toContain('"Berapa?"');
    const skeleton = courseSkeleton({ ...r.runtime!, target: 'scorm12' });
    const t = skeleton.units.find((u) => u.kind === 'test') as RuntimeTest;
    expect(t.questions[2]).toEqual({ id: 'p3', dimension: 'suap', multiple: false, points: 1, type: 'numeric', choices: [{}, {}] });
    const joined = readPackageCourse(text)!;
    expect(joined.units).toEqual(withRecords({ ...r.runtime!, target: 'scorm12' }).units);
  });
});
