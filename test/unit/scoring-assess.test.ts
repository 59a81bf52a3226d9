/**
 * Scoring with issue 12 (ASSESS.md §4, docs/scoring.md): both rules with
 * figures computed by hand, completion with surveys and tests, the pre-test
 * baseline and the attitude shift.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyProgress, indexCourse, type Progress } from '../../src/shared/progress.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { computeResult, simpleResult } from '../../src/shared/scoring.js';
import { mulberry32 } from '../helpers/rng.js';
import { randomProgress } from '../helpers/progress.js';
import { assessCourse } from '../helpers/assess-engine-course.js';

/**
 * assessCourse: 7 lesson questions of 1 point (no dimension), a pre-test and
 * a final test (1 question per dimension: suap, gratifikasi, pemerasan; 2
 * attempts, passing 80), a pre-survey (s1 suap, s2 s3 gratifikasi) and a
 * post-survey (t1 suap, t2 gratifikasi). Course passing score 80.
 */
function learner(c: RuntimeCourse, lessonRight: number): Progress {
  const ix = indexCourse(c);
  const p = emptyProgress(c);
  p.pages = p.pages.map(() => true);
  p.questions = ix.questions.map((_, i) => ({ first: i < lessonRight, last: [0] }));
  p.surveys = [[2, 3, 4], [0, 0]];
  return p;
}
const attempt = (attempts: number, right: number[], total = [1, 1, 1]) => ({ attempts, open: false, drawn: [0, 1, 2], answers: [[0], [0], [0]], right, total });

describe('scoring: all (the default)', () => {
  const c = assessCourse();

  it('the final test is one more item worth what it draws: 5 of 7 and 2 of 3 make 7 of 10 = 70', () => {
    const p = learner(c, 5);
    p.tests = [attempt(1, [1, 0, 0]), attempt(1, [1, 1, 0])];
    const r = computeResult(c, p);
    expect([r.earned, r.possible, r.score]).toEqual([7, 10, 70]);
    expect(r.rule).toBeUndefined();
    // The test's buckets tag its points; the lesson questions have no dimension.
    expect(r.dimensions).toEqual([
      { id: 'suap', score: 100, status: 'incomplete' },
      { id: 'gratifikasi', score: 100, status: 'incomplete' },
      { id: 'pemerasan', score: 0, status: 'incomplete' },
    ]);
    // 2 of 3 = 67 < 80 with an attempt left: not done; the post-survey is not answered either.
    expect([r.complete, r.status]).toEqual([false, 'incomplete']);
  });

  it('before the final test is submitted it counts for what an attempt draws, earning nothing yet', () => {
    const p = learner(c, 7);
    p.tests = [attempt(1, [1, 0, 0]), { attempts: 0, open: true, drawn: [0, 1, 2], answers: [], right: [], total: [] }];
    const r = computeResult(c, p);
    expect([r.earned, r.possible, r.score]).toEqual([7, 10, 70]);
    expect(r.dimensions.map((d) => [d.id, d.score, d.status])).toEqual([
      ['suap', 0, 'incomplete'],
      ['gratifikasi', 0, 'incomplete'],
      ['pemerasan', 0, 'incomplete'],
    ]);
  });

  it('complete once every survey is answered, the pre-test submitted and the final test out of attempts: 6 of 7 and 1 of 3 = 70, failed', () => {
    const p = learner(c, 6);
    p.surveys = [[2, 3, 4], [4, 5]];
    p.tests = [attempt(1, [1, 0, 0]), attempt(2, [0, 1, 0])];
    const r = computeResult(c, p);
    expect([r.earned, r.possible, r.score, r.complete, r.status]).toEqual([7, 10, 70, true, 'failed']);
    expect(r.dimensions.map((d) => d.status)).toEqual(['failed', 'passed', 'failed']);
  });

  it('each missing part keeps it incomplete: a page, a survey item, the pre-test, a failed final test with attempts left', () => {
    const done = () => {
      const p = learner(c, 7);
      p.surveys = [[2, 3, 4], [4, 5]];
      p.tests = [attempt(1, [1, 0, 0]), attempt(1, [1, 1, 1])];
      return p;
    };
    const full = computeResult(c, done());
    expect([full.earned, full.possible, full.score, full.complete, full.status]).toEqual([10, 10, 100, true, 'passed']);
    const breaks: Array<(p: Progress) => void> = [
      (p) => void (p.pages[0] = false),
      (p) => void (p.surveys![1]![1] = 0),
      (p) => void (p.surveys![0]![0] = 0),
      (p) => void (p.tests![0] = { ...p.tests![0]!, attempts: 0 }),
      (p) => void (p.tests![1] = attempt(1, [1, 1, 0])),
      (p) => void (p.questions[3] = { first: null, last: [] }),
    ];
    for (const f of breaks) {
      const p = done();
      f(p);
      expect(computeResult(c, p).complete).toBe(false);
    }
  });
});

describe('scoring: final-test', () => {
  const c = assessCourse({ scoring: 'final-test' });

  it('the course score is the final test score; knowledge checks are formative: 2 of 3 = 67 whatever the lesson', () => {
    for (const lessonRight of [0, 7]) {
      const p = learner(c, lessonRight);
      p.surveys = [[2, 3, 4], [4, 5]];
      p.tests = [attempt(1, [1, 0, 0]), attempt(2, [1, 1, 0])];
      const r = computeResult(c, p);
      expect(r.rule).toBe('final-test');
      expect([r.earned, r.possible, r.score, r.complete, r.status]).toEqual([2, 3, 67, true, 'failed']);
      expect(r.dimensions).toEqual([
        { id: 'suap', score: 100, status: 'passed' },
        { id: 'gratifikasi', score: 100, status: 'passed' },
        { id: 'pemerasan', score: 0, status: 'failed' },
      ]);
    }
  });

  it('passed against the final test own passing score (which defaults to the course one)', () => {
    const own = assessCourse({ scoring: 'final-test' });
    (own.units[2] as { passingScore: number }).passingScore = 60;
    const p = learner(own, 0);
    p.surveys = [[2, 3, 4], [4, 5]];
    p.tests = [attempt(1, [1, 0, 0]), attempt(1, [1, 1, 0])];
    const r = computeResult(own, p);
    expect([r.score, r.complete, r.status]).toEqual([67, true, 'passed']);
  });

  it('lesson questions still have to be answered for completion', () => {
    const p = learner(c, 7);
    p.surveys = [[2, 3, 4], [4, 5]];
    p.tests = [attempt(1, [1, 0, 0]), attempt(1, [1, 1, 1])];
    expect(computeResult(c, p).status).toBe('passed');
    p.questions[0] = { first: null, last: [] };
    expect(computeResult(c, p).status).toBe('incomplete');
  });
});

describe('baseline and attitude shift', () => {
  const c = assessCourse();

  it('pre: the pre-test per dimension once it is submitted', () => {
    const p = learner(c, 0);
    expect(computeResult(c, p).pre).toBeUndefined();
    p.tests = [attempt(1, [1, 0, 1], [1, 1, 1]), attempt(0, [], [])];
    expect(computeResult(c, p).pre).toEqual([
      { id: 'suap', score: 100 },
      { id: 'gratifikasi', score: 0 },
      { id: 'pemerasan', score: 100 },
    ]);
    // In course order, whatever order the pool first uses its dimensions in (its buckets, the state's order).
    const reordered = { ...c, dimensions: [c.dimensions[2]!, c.dimensions[0]!, c.dimensions[1]!] };
    expect(indexCourse(reordered).tests[0]!.buckets).toEqual(['suap', 'gratifikasi', 'pemerasan']);
    expect(computeResult(reordered, p).pre!.map((d) => d.id)).toEqual(['pemerasan', 'suap', 'gratifikasi']);
  });

  it('shift: mean(post) − mean(pre) per dimension once both surveys are answered: suap 4 − 2 = 2, gratifikasi 5 − (3 + 4)/2 = 1.5', () => {
    const p = learner(c, 0);
    expect(computeResult(c, p).shift).toBeUndefined();
    p.surveys = [[2, 3, 4], [4, 0]];
    expect(computeResult(c, p).shift).toBeUndefined();
    p.surveys = [[2, 3, 4], [4, 5]];
    expect(computeResult(c, p).shift).toEqual([
      { id: 'suap', shift: 2 },
      { id: 'gratifikasi', shift: 1.5 },
    ]);
    p.surveys = [[5, 5, 4], [1, 2]];
    expect(computeResult(c, p).shift).toEqual([
      { id: 'suap', shift: -4 },
      { id: 'gratifikasi', shift: -2.5 },
    ]);
  });
});

describe('a course without surveys and tests', () => {
  it('computeResult is simpleResult, the first page bundle’s, for any progress (seeded)', () => {
    const sample = JSON.parse(readFileSync(new URL('../fixtures/runtime/sample-course.json', import.meta.url), 'utf8')) as RuntimeCourse;
    const r = mulberry32(5);
    for (let i = 0; i < 200; i++) {
      const p = randomProgress(sample, r);
      const full = computeResult(sample, p);
      expect(full).toEqual(simpleResult(sample, p));
      expect(Object.keys(full)).toEqual(['score', 'earned', 'possible', 'complete', 'status', 'dimensions']);
    }
  });
});
