/**
 * The engine's issue 12 methods (ASSESS.md §7): typed lesson answers, surveys,
 * the test draw (random, per dimension, kept in the state), attempts (a
 * failed final test retaken, then passed), the pre-test, resume mid-test.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngine, needsAssess, type Engine } from '../../src/player/engine.js';
import type { LearningEvent } from '../../src/player/transport/types.js';
import { isRight } from '../../src/shared/answers.js';
import { decodeState, worstCaseStateLength } from '../../src/shared/state-codec.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { mulberry32 } from '../helpers/rng.js';
import { assessCourse } from '../helpers/assess-engine-course.js';
import { recorder } from '../helpers/recorder.js';

const none = { state: null, location: null };
let clock = 1000;
const now = () => (clock += 10);

function start(c: RuntimeCourse, seed = 1, restored: { state: string | null; location: string | null } = none) {
  const t = recorder();
  const engine = createEngine(c, t, restored, now, mulberry32(seed));
  engine.enter();
  return { t, engine };
}

/** Answers every drawn slot of test `ti`: right, or wrong (another answer than the right one). */
function answerAll(engine: Engine, ti: number, right: (slot: number) => boolean) {
  const test = engine.ix.tests[ti]!.test;
  engine.progress.tests![ti]!.drawn.forEach((q, slot) => {
    const a = right(slot) ? [0] : [1];
    expect(isRight(test.questions[q]!, a)).toBe(right(slot));
    engine.testAnswer(ti, slot, a, right(slot) ? 'a' : 'b');
  });
}

const of = <T extends LearningEvent['type']>(events: LearningEvent[], type: T) => events.filter((e): e is Extract<LearningEvent, { type: T }> => e.type === type);

afterEach(() => vi.restoreAllMocks());

describe('engine: lesson questions of any type and surveys', () => {
  it('a typed answer keeps its order, is checked by its type, and carries its text for the records', () => {
    const { t, engine } = start(assessCourse());
    const seq = engine.ix.questions.findIndex((q) => q.question.type === 'sequencing');
    expect(engine.answer(seq, [1, 0, 2, 3], 'b,a,c,d')).toBe(false);
    expect(engine.answer(seq, [0, 1, 2, 3], 'a,b,c,d')).toBe(true);
    const answered = of(t.events, 'question-answered');
    expect(answered.map((e) => [e.question, e.response, e.correct, e.first, e.text])).toEqual([
      ['urut', [1, 0, 2, 3], false, true, 'b,a,c,d'],
      ['urut', [0, 1, 2, 3], true, false, 'a,b,c,d'],
    ]);
    expect(engine.progress.questions[seq]).toEqual({ first: false, last: [0, 1, 2, 3] });
    const c = assessCourse();
    expect(decodeState(c, t.saved.at(-1)!.state)!.questions[seq]).toEqual({ first: false, last: [0, 1, 2, 3] });
  });

  it('surveyAnswer keeps the points and emits survey-answered per item', () => {
    const { t, engine } = start(assessCourse());
    engine.surveyAnswer(0, [2, 3, 4]);
    expect(engine.progress.surveys).toEqual([[2, 3, 4], [0, 0]]);
    expect(of(t.events, 'survey-answered').map(({ at: _at, ...e }) => e)).toEqual([
      { type: 'survey-answered', lesson: 'pembuka', survey: 'sikap-awal', item: 's1', dimension: 'suap', value: 2, phase: 'pre' },
      { type: 'survey-answered', lesson: 'pembuka', survey: 'sikap-awal', item: 's2', dimension: 'gratifikasi', value: 3, phase: 'pre' },
      { type: 'survey-answered', lesson: 'pembuka', survey: 'sikap-awal', item: 's3', dimension: 'gratifikasi', value: 4, phase: 'pre' },
    ]);
    expect(t.saved.at(-1)!.state.length).toBe(worstCaseStateLength(assessCourse()));
  });

  it('the first page engine (IR_LITE) refuses a course that needs the full one, and runs any other', () => {
    const plain = assessCourse();
    plain.units = plain.units.filter((u) => u.kind === 'lesson').map((u) => ({ ...u, pages: u.pages.slice(1, 2).map((pg) => ({ ...pg, blocks: pg.blocks.slice(0, 2) })) }));
    const typed = JSON.parse(JSON.stringify(plain)) as RuntimeCourse;
    const q = (typed.units[0] as { pages: Array<{ blocks: Array<{ question: { type?: string } }> }> }).pages[0]!.blocks[1]!.question;
    q.type = 'true-false';
    const surveyOnly = { ...assessCourse(), units: assessCourse().units.slice(0, 1).map((u) => ({ ...u, pages: (u as { pages: unknown[] }).pages.slice(0, 1) })) } as RuntimeCourse;
    const testOnly = { ...assessCourse(), units: assessCourse().units.slice(1, 2) };
    expect([assessCourse(), plain, typed, surveyOnly, testOnly].map(needsAssess)).toEqual([true, false, true, true, true]);
    globalThis.IR_LITE = true;
    try {
      expect(() => createEngine(assessCourse(), recorder(), none, now)).toThrow('player-assess.js');
      for (const c of [typed, surveyOnly, testOnly]) expect(() => createEngine(c, recorder(), none, now)).toThrow('player-assess.js');
      const t = recorder();
      const lite = createEngine(plain, t, none, now);
      lite.enter();
      expect(lite.answer(0, [1])).toBe(true);
      expect('testStart' in lite).toBe(false);
      expect(decodeState(plain, t.saved.at(-1)!.state)!.questions[0]).toEqual({ first: true, last: [1] });
    } finally {
      globalThis.IR_LITE = undefined;
    }
  });
});

describe('engine: tests', () => {
  it('the draw: N distinct of the pool, or N from each dimension with per_dimension; a new draw per attempt', () => {
    const { engine } = start(assessCourse(), 7);
    engine.testStart(0);
    const pre = engine.progress.tests![0]!.drawn;
    expect(pre).toHaveLength(3);
    expect(new Set(pre).size).toBe(3);
    engine.testStart(1);
    const fin = engine.progress.tests![1]!.drawn;
    const pool = engine.ix.tests[1]!.test.questions;
    expect(fin.map((q) => pool[q]!.dimension).sort()).toEqual(['gratifikasi', 'pemerasan', 'suap']);
    // Different learners (seeds) draw differently.
    const draws = new Set([1, 2, 3, 4, 5, 6].map((seed) => {
      const e = start(assessCourse(), seed).engine;
      e.testStart(0);
      return e.progress.tests![0]!.drawn.join();
    }));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('draws with crypto.getRandomValues when no random is given', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const engine = createEngine(assessCourse(), recorder(), none, now);
    engine.testStart(0);
    expect(spy).toHaveBeenCalled();
    expect(new Set(engine.progress.tests![0]!.drawn).size).toBe(3);
  });

  it('a final test failed, retaken and passed: question-answered per slot with its test, then test-submitted; no retake after a pass', () => {
    const c = assessCourse();
    const { t, engine } = start(c, 3);
    expect(engine.canStart(1)).toBe(true);
    engine.testStart(1);
    const first = engine.progress.tests![1]!.drawn.slice();
    expect(engine.canStart(1)).toBe(false);
    expect(of(t.events, 'question-answered')).toEqual([]);
    answerAll(engine, 1, (slot) => slot === 0);
    expect(of(t.events, 'question-answered')).toEqual([]);
    engine.testSubmit(1);
    const pool = engine.ix.tests[1]!.test.questions;
    const answered = of(t.events, 'question-answered');
    expect(answered.map((e) => [e.question, e.correct, e.first, e.text, e.test])).toEqual(
      first.map((q, slot) => [pool[q]!.id, slot === 0, true, slot === 0 ? 'a' : 'b', { id: 'tes-akhir', role: 'final', attempt: 1 }]),
    );
    const submitted = of(t.events, 'test-submitted');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ test: 'tes-akhir', role: 'final', attempt: 1, score: 33, passed: false });
    expect(submitted[0]!.dimensions.map((d) => d.score).sort()).toEqual([0, 0, 100]);
    expect(t.events.indexOf(submitted[0]!)).toBeGreaterThan(t.events.indexOf(answered.at(-1)!));
    expect(engine.progress.tests![1]).toMatchObject({ attempts: 1, open: false });

    // Failed with an attempt left: a retake, a new draw.
    expect(engine.canStart(1)).toBe(true);
    engine.testStart(1);
    answerAll(engine, 1, () => true);
    engine.testSubmit(1);
    const second = of(t.events, 'test-submitted')[1]!;
    expect(second).toMatchObject({ attempt: 2, score: 100, passed: true });
    expect(of(t.events, 'question-answered').slice(3).every((e) => e.test!.attempt === 2 && e.correct)).toBe(true);
    expect(engine.canStart(1)).toBe(false);
    engine.testStart(1);
    expect(engine.progress.tests![1]).toMatchObject({ attempts: 2, open: false });
    expect(engine.result.dimensions.map((d) => d.score)).toEqual([100, 100, 100]);
  });

  it('out of attempts after two failures: no third; the test is done (failed)', () => {
    const { engine } = start(assessCourse(), 4);
    for (let i = 0; i < 2; i++) {
      engine.testStart(1);
      answerAll(engine, 1, () => false);
      engine.testSubmit(1);
    }
    expect(engine.canStart(1)).toBe(false);
    engine.testStart(1);
    expect(engine.progress.tests![1]).toMatchObject({ attempts: 2, open: false });
  });

  it('the pre-test: one attempt, ungraded (passed null)', () => {
    const { t, engine } = start(assessCourse(), 5);
    engine.testStart(0);
    answerAll(engine, 0, () => true);
    engine.testSubmit(0);
    expect(of(t.events, 'test-submitted')[0]).toMatchObject({ test: 'tes-awal', role: 'pre', attempt: 1, score: 100, passed: null });
    expect(engine.canStart(0)).toBe(false);
    engine.testStart(0);
    expect(engine.progress.tests![0]!.open).toBe(false);
    expect(engine.result.pre).toBeDefined();
  });

  it('submitting or answering with no open attempt does nothing', () => {
    const { t, engine } = start(assessCourse(), 6);
    engine.testAnswer(1, 0, [0]);
    engine.testSubmit(1);
    expect(engine.progress.tests![1]).toEqual({ attempts: 0, open: false, drawn: [], answers: [], right: [], total: [] });
    expect(of(t.events, 'test-submitted')).toEqual([]);
  });

  it('leaving mid-test and resuming: the same drawn questions and answers return, the attempt goes on', () => {
    const c = assessCourse();
    const { t, engine } = start(c, 8);
    engine.go(engine.ix.testStop[1]!);
    engine.testStart(1);
    engine.testAnswer(1, 0, [1]);
    engine.testAnswer(1, 2, [0]);
    const drawn = engine.progress.tests![1]!.drawn.slice();
    const last = t.saved.at(-1)!;
    expect(last.location).toBe('t:tes-akhir');

    const again = start(assessCourse(), 99, { state: last.state, location: last.location });
    const e2 = again.engine;
    expect(e2.resumed).toBe(true);
    expect(e2.at).toBe(e2.ix.testStop[1]);
    expect(e2.progress.tests![1]).toMatchObject({ open: true, drawn, answers: [[1], [], [0]] });
    expect(e2.canStart(1)).toBe(false);
    e2.testStart(1);
    expect(e2.progress.tests![1]!.drawn).toEqual(drawn);
    e2.testAnswer(1, 1, [0]);
    e2.testSubmit(1);
    const submitted = of(again.t.events, 'test-submitted')[0]!;
    expect(submitted.attempt).toBe(1);
    const byId = Object.fromEntries(of(again.t.events, 'question-answered').map((e) => [e.question, e.response]));
    expect(drawn.map((q) => byId[e2.ix.tests[1]!.test.questions[q]!.id])).toEqual([[1], [0], [0]]);

    // Only the location survived: the test stop by its id.
    const located = start(assessCourse(), 1, { state: null, location: 't:tes-akhir' }).engine;
    expect(located.at).toBe(located.ix.testStop[1]);
  });

  it('the whole course done: course-completed once, with the result of the rule', () => {
    const c = assessCourse({ scoring: 'final-test' });
    const { t, engine } = start(c, 9);
    for (let s = 0; s < engine.ix.stops.length - 1; s++) engine.go(s);
    engine.ix.questions.forEach((q, i) => engine.answer(i, q.question.type === 'sequencing' ? [0, 1, 2, 3] : q.question.type === 'matching' ? [0, 1, 2] : [0]));
    engine.surveyAnswer(0, [2, 2, 2]);
    engine.surveyAnswer(1, [4, 4]);
    engine.testStart(0);
    answerAll(engine, 0, () => false);
    engine.testSubmit(0);
    expect(of(t.events, 'course-completed')).toEqual([]);
    engine.testStart(1);
    answerAll(engine, 1, () => true);
    engine.testSubmit(1);
    const done = of(t.events, 'course-completed');
    expect(done).toHaveLength(1);
    expect(done[0]!.result).toMatchObject({ rule: 'final-test', score: 100, status: 'passed', complete: true });
    // Every dimension of the pre-test's pool, drawn or not; all answered wrong.
    expect(done[0]!.result.pre).toEqual([
      { id: 'suap', score: 0 },
      { id: 'gratifikasi', score: 0 },
      { id: 'pemerasan', score: 0 },
    ]);
    expect(done[0]!.result.shift).toEqual([
      { id: 'suap', shift: 2 },
      { id: 'gratifikasi', shift: 2 },
    ]);
  });
});
