import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuntimeCourse, RuntimeQuestion } from '../../src/shared/runtime-types.js';
import { emptyProgress, indexCourse, type Progress } from '../../src/shared/progress.js';
import { computeResult, percent } from '../../src/shared/scoring.js';

const sample = JSON.parse(readFileSync(new URL('../fixtures/runtime/sample-course.json', import.meta.url), 'utf8')) as RuntimeCourse;
// The sample course: q-tujuh 1 pt (pemerasan), q-amplop 2 pt (gratifikasi), q-tanda 2 pt (suap, multiple),
// q-batas 1 pt (gratifikasi); scenario amplop-loket 2 pt (gratifikasi), endings menolak 100, dilaporkan 60, simpan 0.
// Possible: 8 points. Passing score 70.

const ix = indexCourse(sample);
const qi = (id: string) => ix.questions.findIndex((q) => q.question.id === id);
const scene = (id: string) => ix.scenarios[0]!.scenario.scenes.findIndex((s) => s.id === id);

function progress(answers: Record<string, [boolean, number[]]>, ending: string | null, allPages = true): Progress {
  const p = emptyProgress(sample);
  p.pages = p.pages.map(() => allPages);
  for (const [id, [first, last]] of Object.entries(answers)) p.questions[qi(id)] = { first, last };
  if (ending) p.scenarios[0] = { ending: scene(ending), scene: scene(ending) };
  return p;
}

const allRight = { 'q-tujuh': [true, [1]], 'q-amplop': [true, [1]], 'q-tanda': [true, [0, 2]], 'q-batas': [true, [2]] } as Record<string, [boolean, number[]]>;

function course(questions: Array<Partial<RuntimeQuestion>>, passingScore: number | null = null): RuntimeCourse {
  return {
    ...sample,
    passingScore,
    dimensions: [{ id: 'suap', label: 'Suap' }],
    units: [{
      kind: 'lesson', id: 'l', title: 'L', duration: null, objectives: [],
      pages: questions.map((q, i) => ({
        id: `p${i}`, title: `P${i}`,
        blocks: [{ kind: 'question' as const, question: {
          id: `q${i}`, promptHtml: '', promptText: '', multiple: false, points: 1, dimension: null,
          choices: [{ text: 'a', html: 'a', correct: true, feedbackHtml: null }, { text: 'b', html: 'b', correct: false, feedbackHtml: null }],
          ...q,
        } }],
      })),
    }],
  };
}

function answerAll(c: RuntimeCourse, firsts: boolean[]): Progress {
  const p = emptyProgress(c);
  p.pages = p.pages.map(() => true);
  p.questions = firsts.map((first) => ({ first, last: [first ? 0 : 1] }));
  return p;
}

describe('computeResult (SPEC §3)', () => {
  it('starts at 0, incomplete, with every used dimension incomplete', () => {
    const r = computeResult(sample, emptyProgress(sample));
    expect(r).toEqual({
      score: 0, earned: 0, possible: 8, complete: false, status: 'incomplete',
      dimensions: [
        { id: 'suap', score: 0, status: 'incomplete' },
        { id: 'pemerasan', score: 0, status: 'incomplete' },
        { id: 'gratifikasi', score: 0, status: 'incomplete' },
      ],
    });
  });

  it('everything right and the best ending: 100, passed', () => {
    const r = computeResult(sample, progress(allRight, 'menolak'));
    expect(r.score).toBe(100);
    expect(r.earned).toBe(8);
    expect(r.complete).toBe(true);
    expect(r.status).toBe('passed');
    expect(r.dimensions.every((d) => d.score === 100 && d.status === 'passed')).toBe(true);
  });

  it('a mixed run: 5.2 of 8 → 65, failed; dimensions by their own ratio', () => {
    // q-amplop's first answer was wrong (later corrected: does not count); scenario ended at 60.
    const r = computeResult(sample, progress({ ...allRight, 'q-amplop': [false, [1]] }, 'dilaporkan'));
    expect(r.earned).toBeCloseTo(5.2, 10);
    expect(r.score).toBe(65);
    expect(r.status).toBe('failed');
    expect(r.dimensions).toEqual([
      { id: 'suap', score: 100, status: 'passed' },
      { id: 'pemerasan', score: 100, status: 'passed' },
      // q-amplop 0/2 + q-batas 1/1 + scenario 1.2/2 = 2.2/5
      { id: 'gratifikasi', score: 44, status: 'failed' },
    ]);
  });

  it('the first answer counts: wrong first, right later earns nothing; right first, wrong later keeps it', () => {
    const wrongThenRight = computeResult(sample, progress({ 'q-tujuh': [false, [1]] }, null));
    const rightThenWrong = computeResult(sample, progress({ 'q-tujuh': [true, [0]] }, null));
    expect(wrongThenRight.earned).toBe(0);
    expect(rightThenWrong.earned).toBe(1);
    expect(rightThenWrong.score).toBe(13); // 1/8 = 12.5 → 13 (halves round up)
  });

  it('is incomplete until every page is viewed, every question answered and the scenario ended', () => {
    expect(computeResult(sample, progress(allRight, 'menolak', false)).complete).toBe(false);
    expect(computeResult(sample, progress(allRight, null)).complete).toBe(false);
    const { 'q-batas': _, ...three } = allRight;
    const r = computeResult(sample, progress(three, 'menolak'));
    expect(r.complete).toBe(false);
    expect(r.status).toBe('incomplete');
    // Score counts what is earned so far over everything possible: 7/8.
    expect(r.score).toBe(88);
    // Dimensions whose items are all done get a status; gratifikasi is still waiting for q-batas.
    expect(r.dimensions.map((d) => d.status)).toEqual(['passed', 'passed', 'incomplete']);
  });

  it('rounds as round(100 × earned / possible): 2/3 → 67, 1/3 → 33, 1/8 → 13, 5/8 → 63', () => {
    expect(computeResult(course([{}, {}, {}]), answerAll(course([{}, {}, {}]), [true, true, false])).score).toBe(67);
    expect(computeResult(course([{}, {}, {}]), answerAll(course([{}, {}, {}]), [true, false, false])).score).toBe(33);
    expect(percent(100, 8)).toBe(13);
    expect(percent(500, 8)).toBe(63);
    expect(percent(0, 0)).toBe(0);
  });

  it('weights by points: 3 of 4 points with a 3-point question → 75', () => {
    const c = course([{ points: 3 }, {}]);
    expect(computeResult(c, answerAll(c, [true, false])).score).toBe(75);
  });

  it('passed iff score ≥ passing score, on the boundary too', () => {
    const c = course([{}, {}, {}, {}], 75);
    expect(computeResult(c, answerAll(c, [true, true, true, false])).status).toBe('passed');
    expect(computeResult(c, answerAll(c, [true, true, false, false])).status).toBe('failed');
  });

  it('without a passing score a complete course is completed, and so are its dimensions', () => {
    const c = course([{ dimension: 'suap' }, {}], null);
    const r = computeResult(c, answerAll(c, [false, false]));
    expect(r.status).toBe('completed');
    expect(r.dimensions).toEqual([{ id: 'suap', score: 0, status: 'completed' }]);
  });

  it('a course with nothing to score: 0, complete when viewed; completed, or passed with a passing score', () => {
    const pagesOnly = (passingScore: number | null): RuntimeCourse => ({ ...course([], passingScore), units: [{ kind: 'lesson', id: 'l', title: 'L', duration: null, objectives: [], pages: [{ id: 'p1', title: 'P', blocks: [] }] }] });
    const seen = (c: RuntimeCourse) => ({ ...emptyProgress(c), pages: [true] });
    expect(computeResult(pagesOnly(null), emptyProgress(pagesOnly(null)))).toMatchObject({ score: 0, complete: false, status: 'incomplete', dimensions: [] });
    expect(computeResult(pagesOnly(null), seen(pagesOnly(null)))).toMatchObject({ score: 0, possible: 0, complete: true, status: 'completed' });
    expect(computeResult(pagesOnly(80), seen(pagesOnly(80)))).toMatchObject({ score: 0, complete: true, status: 'passed' });
  });

  it('reports only dimensions some item uses, in course order', () => {
    const c = { ...course([{ dimension: 'gratifikasi' }]), dimensions: [{ id: 'suap', label: 'S' }, { id: 'gratifikasi', label: 'G' }] };
    expect(computeResult(c, answerAll(c, [true])).dimensions).toEqual([{ id: 'gratifikasi', score: 100, status: 'completed' }]);
  });
});
