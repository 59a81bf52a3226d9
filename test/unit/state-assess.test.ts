/**
 * The state codec with issue 12's parts: typed questions (radix 1 + 2A),
 * surveys and tests (ASSESS.md §3). Round trips, the structure hash of
 * courses without them unchanged, and the worst case proven against SCORM
 * 1.2's limit exactly.
 */
import { describe, expect, it } from 'vitest';
import { answerCount, fromCode } from '../../src/shared/answers.js';
import { emptyProgress, indexCourse, type Progress } from '../../src/shared/progress.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { decodeState, encodeState, fnv24, radices, structureHash, worstCaseStateLength } from '../../src/shared/state-codec.js';
import { slotCounts } from '../../src/shared/progress.js';
import { scorm12 } from '../../src/targets/scorm12/index.js';
import { compileFolder } from '../helpers/compile.js';
import { mulberry32 } from '../helpers/rng.js';
import { assessCourse, course, everyType, lesson, pool, question, survey, testUnit } from '../helpers/assess-engine-course.js';

/** A random state of any course of this tool, issue 12's parts included. */
function randomState(c: RuntimeCourse, r: () => number): Progress {
  const ix = indexCourse(c);
  const int = (n: number) => Math.floor(r() * n);
  const p = emptyProgress(c);
  p.pages = p.pages.map(() => r() < 0.5);
  p.questions = ix.questions.map(({ question: q }) => (r() < 0.3 ? { first: null, last: [] } : { first: r() < 0.5, last: fromCode(q, int(answerCount(q))) }));
  p.scenarios = ix.scenarios.map(({ scenario, endings }) => ({ ending: r() < 0.4 ? null : endings[int(endings.length)]!, scene: int(scenario.scenes.length) }));
  p.at = int(ix.stops.length);
  if (ix.surveys.length) p.surveys = ix.surveys.map(({ survey: s }) => s.items.map(() => int(s.scale + 1)));
  if (ix.tests.length) {
    p.tests = ix.tests.map(({ test, buckets }) => {
      const attempts = int(test.attempts + 1);
      const open = r() < 0.5;
      const slots = slotCounts(test, buckets).reduce((a, b) => a + b, 0);
      const drawn = attempts || open ? Array.from({ length: slots }, () => int(test.questions.length)) : [];
      const answers = drawn.map((q) => (r() < 0.3 ? [] : fromCode(test.questions[q]!, int(answerCount(test.questions[q]!)))));
      return { attempts, open, drawn, answers, right: buckets.map(() => int(test.draw + 1)), total: buckets.map(() => int(test.draw + 1)) };
    });
  }
  return p;
}

/** The hash as the codec made it before issue 12 (main at 64148d8): a course without its parts must keep it. */
function hashBeforeIssue12(c: RuntimeCourse): string {
  let text = c.id;
  for (const unit of c.units) {
    if (unit.kind === 'lesson') {
      text += '|L' + unit.id + ':' + unit.pages.length;
      for (const page of unit.pages) for (const b of page.blocks) if (b.kind === 'question') text += '|Q' + b.question.id + ':' + b.question.choices.length + (b.question.multiple ? 'm' : 's');
    } else if (unit.kind === 'scenario') {
      text += '|S' + unit.id;
      for (const scene of unit.scenes) text += '|' + scene.id + ':' + scene.choices.length + (scene.ending ? 'e' : '');
    }
  }
  return fnv24(text);
}

describe('state codec: typed questions, surveys, tests', () => {
  it('round-trips random states of a course with every part (seeded), each at the worst-case length', () => {
    const c = assessCourse();
    const worst = worstCaseStateLength(c);
    const r = mulberry32(12);
    for (let i = 0; i < 400; i++) {
      const p = randomState(c, r);
      const s = encodeState(c, p);
      expect(s.length).toBe(worst);
      expect(decodeState(c, s)).toEqual(p);
    }
  });

  it('typed questions take radix 1 + 2A, surveys scale + 1 per item, tests the fields of ASSESS.md §3, after the location', () => {
    const c = assessCourse();
    const ix = indexCourse(c);
    const rs = radices(ix);
    const q0 = ix.pages.length;
    expect(rs.slice(q0, q0 + ix.questions.length)).toEqual([7, 31, 5, 11, 9, 129, 49]);
    const loc = q0 + ix.questions.length;
    expect(rs[loc]).toBe(ix.stops.length);
    const surveys = [6, 6, 6, 6, 6];
    // pre-test: 1 attempt, draw 3 of 9, answers radix 1 + 3; buckets suap, gratifikasi, pemerasan.
    const pre = [2, 2, 9, 9, 9, 4, 4, 4, 4, 4, 4, 4, 4, 4];
    // final: 2 attempts, 1 per dimension = 3 slots.
    const fin = [3, 2, 9, 9, 9, 4, 4, 4, 2, 2, 2, 2, 2, 2];
    expect(rs.slice(loc + 1)).toEqual([...surveys, ...pre, ...fin]);
  });

  it('a course without surveys and tests has no such fields in its progress', () => {
    const c = course([lesson('l', [{ id: 'p', title: 'P', blocks: everyType().map((question) => ({ kind: 'question' as const, question })) }])]);
    const p = emptyProgress(c);
    expect(Object.keys(p).sort()).toEqual(['at', 'pages', 'questions', 'scenarios']);
    expect(Object.keys(decodeState(c, encodeState(c, p))!).sort()).toEqual(['at', 'pages', 'questions', 'scenarios']);
  });

  it('the structure hash of a course without typed questions, surveys and tests is what it was (the default course too)', async () => {
    const plain = course([lesson('l', [{ id: 'p', title: 'P', blocks: everyType().slice(0, 2).map((question) => ({ kind: 'question' as const, question })) }])]);
    expect(structureHash(plain)).toBe(hashBeforeIssue12(plain));
    const r = await compileFolder('content', ['scorm12']);
    const content = { ...r.runtime!, target: 'scorm12' } as RuntimeCourse;
    // Once content/ has issue 12's parts, the same holds of it without them.
    const without: RuntimeCourse = {
      ...content,
      units: content.units
        .filter((u) => u.kind !== 'test')
        .map((u) => (u.kind === 'lesson' ? { ...u, pages: u.pages.map((pg) => ({ ...pg, blocks: pg.blocks.filter((b) => b.kind === 'html' || (b.kind === 'question' && !b.question.type)) })) } : u)),
    };
    expect(structureHash(without)).toBe(hashBeforeIssue12(without));
  }, 60_000);

  it('the hash changes with what the layout depends on: a type, the targets, a survey item, a test draw, attempts, a pool question dimension', () => {
    const base = assessCourse();
    const h = structureHash(base);
    const edit = (f: (c: RuntimeCourse) => void) => {
      const c = JSON.parse(JSON.stringify(base)) as RuntimeCourse;
      f(c);
      return structureHash(c);
    };
    const lessonOf = (c: RuntimeCourse, n: number) => c.units[n] as ReturnType<typeof lesson>;
    const testOf = (c: RuntimeCourse, n: number) => c.units[n] as ReturnType<typeof testUnit>;
    const changed = [
      edit((c) => {
        // Text is not structure.
        const b = lessonOf(c, 0).pages[1]!.blocks[2]!;
        if (b.kind === 'question') b.question.choices[0]!.text = 'Betul';
        testOf(c, 2).title = 'Tes';
      }),
      edit((c) => {
        const b = lessonOf(c, 0).pages[1]!.blocks[2]!;
        if (b.kind === 'question') b.question.type = 'fill-in';
      }),
      edit((c) => {
        const b = lessonOf(c, 0).pages[1]!.blocks[5]!;
        if (b.kind === 'question') b.question.targets!.push({ text: 'x', html: 'x' });
      }),
      edit((c) => {
        const b = lessonOf(c, 3).pages[0]!.blocks[0]!;
        if (b.kind === 'survey') b.survey.items.push({ id: 't3', text: '', html: '', dimension: 'suap' });
      }),
      edit((c) => void (testOf(c, 2).draw = 2)),
      edit((c) => void (testOf(c, 2).attempts = 3)),
      edit((c) => void (testOf(c, 2).questions[0]!.dimension = 'pemerasan')),
    ];
    expect(changed[0]).toBe(h);
    for (const x of changed.slice(1)) expect(x).not.toBe(h);
  });

  it('a test attempt never drawn reads back with no drawn questions; an answer code the drawn question does not have reads as none', () => {
    const c = assessCourse();
    const p = emptyProgress(c);
    p.tests![1] = { attempts: 0, open: true, drawn: [0, 4, 8], answers: [[0], [], [1]], right: [0, 0, 0], total: [0, 0, 0] };
    const back = decodeState(c, encodeState(c, p))!;
    expect(back.tests![1]).toEqual(p.tests![1]);
    expect(back.tests![0]).toEqual({ attempts: 0, open: false, drawn: [], answers: [], right: [0, 0, 0], total: [0, 0, 0] });
  });
});

describe('the worst case covers pools, surveys and tests: SCORM 1.2 exactly at 4096, IR502 at one more', () => {
  const steps = ['tolak', 'catat', 'foto', 'simpan', 'lapor', 'serahkan', 'terima', 'arsip'];
  const bank = [
    ...pool(990, ['suap', 'gratifikasi']),
    ...everyType('b-').map((q) => ({ ...q, dimension: 'pemerasan' })),
    { ...question('b-urut8', steps.map((t) => [t, false] as [string, boolean])), type: 'sequencing' as const },
  ];
  /** A course whose state is mostly a final test drawing `draw` of a 998-question pool (3 attempts), with a survey and `pages` pages. */
  function sized(draw: number, pages: number, items = 2): RuntimeCourse {
    const likert = survey('s', 'pre', Array.from({ length: items }, (_, i) => [`i${i}`, 'suap'] as [string, string]), 7);
    return course([
      lesson('l', Array.from({ length: pages }, (_, i) => ({ id: `p${i}`, title: `P${i}`, blocks: i ? [] : [{ kind: 'survey' as const, survey: likert }] }))),
      testUnit('akhir', 'final', bank, draw, { attempts: 3 }),
    ]);
  }

  it('a test drawing hundreds of questions fills the state; the proof is exact, and one page or one survey item more is IR502', () => {
    let draw = 1;
    while (worstCaseStateLength(sized(draw + 1, 1)) <= 4096) draw++;
    let pages = 1;
    while (worstCaseStateLength(sized(draw, pages + 1)) <= 4096) pages++;
    const fits = sized(draw, pages);
    expect(worstCaseStateLength(fits)).toBe(4096);
    // Every slot: a pool index (radix 998) and an answer whose radix is set by the pool's largest answer count (8! orders).
    const rs = radices(indexCourse(fits));
    expect(rs.filter((r) => r === 998)).toHaveLength(draw);
    expect(rs.filter((r) => r === 40321)).toHaveLength(draw);
    expect(draw).toBeGreaterThan(800);
    const r = mulberry32(4096);
    for (let i = 0; i < 5; i++) {
      const p = randomState(fits, r);
      const s = encodeState(fits, p);
      expect(s.length).toBe(4096);
      expect(decodeState(fits, s)).toEqual(p);
    }
    expect(scorm12.check(fits, true)).toEqual([]);
    const ir502 = [{ code: 'IR502', message: 'progress data could reach 4097 characters; SCORM 1.2 keeps at most 4096' }];
    expect(scorm12.check(sized(draw, pages + 1), true)).toEqual(ir502);
    expect(scorm12.check(sized(draw, pages, 3), true)).toEqual(ir502);
  });
});
