/**
 * The core on a course the compiler made (test/fixtures/assess-all): the
 * skeleton the first page gets (course.js) sizes, hashes and reads the state
 * exactly as the whole course does, and a learner plays every question type,
 * the surveys, the pre-test and a final test failed then passed, leaving in
 * the middle of it and resuming from the skeleton.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, needsAssess, type Engine } from '../../src/player/engine.js';
import { matchFillIn, matchNumeric } from '../../src/shared/answers.js';
import { courseSkeleton, joinUnit } from '../../src/shared/course-split.js';
import { indexCourse } from '../../src/shared/progress.js';
import type { RuntimeCourse, RuntimeQuestion } from '../../src/shared/runtime-types.js';
import { decodeState, radices, structureHash, worstCaseStateLength } from '../../src/shared/state-codec.js';
import { compileFolder } from '../helpers/compile.js';
import { mulberry32 } from '../helpers/rng.js';
import { recorder } from '../helpers/recorder.js';

async function compiled(): Promise<RuntimeCourse> {
  const r = await compileFolder('test/fixtures/assess-all/content', ['scorm12']);
  expect(r.ok).toBe(true);
  return { ...r.runtime!, target: 'scorm12' } as RuntimeCourse;
}

/** The right answer of any question, and a wrong one. */
function answerOf(q: RuntimeQuestion, right: boolean): number[] {
  const n = q.choices.length;
  switch (q.type) {
    case 'matching':
      return right ? q.match!.slice() : q.match!.map((t) => (t + 1) % q.targets!.length);
    case 'sequencing':
      return q.choices.map((_, i) => (right ? i : n - 1 - i));
    case 'fill-in':
    case 'numeric': {
      const i = q.choices.findIndex((c) => c.correct === right && !c.other);
      return [i >= 0 ? i : n];
    }
    default:
      return right ? q.choices.flatMap((c, i) => (c.correct ? [i] : [])) : [q.choices.findIndex((c) => !c.correct)];
  }
}

function takeTest(engine: Engine, t: number, right: boolean) {
  engine.testStart(t);
  const { test } = engine.ix.tests[t]!;
  engine.progress.tests![t]!.drawn.forEach((q, slot) => engine.testAnswer(t, slot, answerOf(test.questions[q]!, right)));
  engine.testSubmit(t);
}

describe('a compiled course with every part', () => {
  it('its skeleton (course.js) has the same state layout and hash as the whole course', async () => {
    const course = await compiled();
    const skeleton = courseSkeleton(course);
    expect(needsAssess(skeleton)).toBe(true);
    expect(structureHash(skeleton)).toBe(structureHash(course));
    expect(radices(indexCourse(skeleton))).toEqual(radices(indexCourse(course)));
    expect(worstCaseStateLength(skeleton)).toBe(worstCaseStateLength(course));
  });

  it('the matchers find the authored items: fill-in variants, numeric values, the catch-all', async () => {
    const course = await compiled();
    const q = (id: string) => indexCourse(course).questions.find((x) => x.question.id === id)!.question;
    expect(['kpk', ' Komisi  Pemberantasan Korupsi ', 'Polri'].map((t) => matchFillIn(q('nama-lembaga'), t))).toEqual([0, 1, 2]);
    expect(['30', '7', '7,0', '31'].map((t) => matchNumeric(q('batas-lapor'), t))).toEqual([0, 1, 1, 2]);
    const pool = (indexCourse(course).tests[0]!.test.questions);
    const saber = pool.find((x) => x.id === 'b4')!;
    // `case` on the block: case matters, spaces still do not.
    expect(['Saber  Pungli', 'saber pungli'].map((t) => matchFillIn(saber, t))).toEqual([0, 1]);
    const persen = pool.find((x) => x.id === 'b3')!;
    expect(['0', '0,5', '100', '-1'].map((t) => matchNumeric(persen, t))).toEqual([0, 1, 1, 2]);
  });

  it('a learner plays it all, leaves in the middle of the final test, resumes from the skeleton and passes on the second attempt', async () => {
    const course = await compiled();
    const t = recorder();
    const engine = createEngine(course, t, { state: null, location: null }, () => 1000, mulberry32(21));
    engine.enter();
    const ix = engine.ix;
    takeTest(engine, 0, false);
    for (let s = 0; s < ix.stops.length - 1; s++) engine.go(s);
    ix.questions.forEach((ref, i) => expect(engine.answer(i, answerOf(ref.question, true))).toBe(true));
    engine.surveyAnswer(0, [2, 3]);
    engine.surveyAnswer(1, [4, 4]);
    takeTest(engine, 1, false);
    expect(engine.result).toMatchObject({ rule: 'final-test', complete: false, score: 0 });

    // The retake: drawn, half answered, and the learner leaves.
    engine.go(ix.testStop[1]!);
    engine.testStart(1);
    const drawn = engine.progress.tests![1]!.drawn.slice();
    const pool = ix.tests[1]!.test.questions;
    engine.testAnswer(1, 0, answerOf(pool[drawn[0]!]!, true));
    const saved = t.saved.at(-1)!;
    expect(saved.location).toBe('t:tes-akhir');

    // The next launch gets course.js: the skeleton, whose test questions have no answers until the test's unit file is joined.
    const skeleton = courseSkeleton(course);
    const again = recorder();
    const resumed = createEngine(skeleton, again, { state: saved.state, location: saved.location }, () => 2000, mulberry32(1));
    expect(resumed.at).toBe(resumed.ix.testStop[1]);
    expect(resumed.progress.tests![1]).toMatchObject({ attempts: 1, open: true, drawn });
    const n = course.units.findIndex((u) => u.kind === 'test' && u.id === 'tes-akhir');
    expect(joinUnit(skeleton.units[n]!, JSON.parse(JSON.stringify(course.units[n])))).toBe(true);
    const full = resumed.ix.tests[1]!.test.questions;
    drawn.forEach((q, slot) => slot > 0 && resumed.testAnswer(1, slot, answerOf(full[q]!, true)));
    resumed.testSubmit(1);
    const submitted = again.events.filter((e) => e.type === 'test-submitted');
    expect(submitted).toMatchObject([{ test: 'tes-akhir', attempt: 2, score: 100, passed: true }]);
    expect(resumed.result).toMatchObject({ rule: 'final-test', complete: true, status: 'passed', score: 100 });
    expect(resumed.result.pre!.map((d) => d.score)).toEqual([0, 0]);
    expect(resumed.result.shift).toEqual([
      { id: 'gratifikasi', shift: 2 },
      { id: 'pungli', shift: 1 },
    ]);
    expect(again.events.filter((e) => e.type === 'course-completed')).toHaveLength(1);
    expect(decodeState(course, again.saved.at(-1)!.state)!.tests![1]).toMatchObject({ attempts: 2, open: false });
  });
});
