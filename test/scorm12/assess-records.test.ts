/**
 * Issue 12's records in SCORM 1.2 (RTE 1.2 §3.4.4), against scorm-again's
 * Scorm12API: each typed question as its own interaction type with its
 * response and pattern, test questions per attempt, survey items as likert,
 * test attempts and the pre-test baseline as objectives, and the scoring rule.
 */
import { describe, expect, it } from 'vitest';
import { Scorm12API } from 'scorm-again/scorm12';
import { scorm12Transport, type Scorm12Api } from '../../src/player/transport/scorm12.js';
import type { LearningEvent, Snapshot } from '../../src/player/transport/types.js';
import type { PackageTarget, RuntimeQuestion } from '../../src/shared/runtime-types.js';
import { answerEvent, assessCourse, cmiList, fillIn, matching, numeric, sequencing, trueFalse, type TestRef } from '../helpers/assess-course.js';

const course = assessCourse('scorm12');
const AT = new Date(2024, 0, 2, 13, 5, 9).getTime();
type Cmi = Record<string, any>;
const list = cmiList;
const answer = (q: RuntimeQuestion, response: number[], correct: boolean, typed?: string, test?: TestRef): LearningEvent => answerEvent(course.target as PackageTarget, AT, q, response, correct, typed, test);

async function lms() {
  const api = new Scorm12API({ logLevel: 5 });
  const t = scorm12Transport(course, api as unknown as Scorm12Api, () => AT);
  await t.start();
  const cmi = (): Cmi => (api.renderCMIToJSONObject() as { cmi: Cmi }).cmi;
  return { t, cmi };
}

const result = (over: Partial<Snapshot['result']> = {}): Snapshot['result'] => ({ score: 0, earned: 0, possible: 5, complete: false, status: 'incomplete', dimensions: [], ...over });

describe('SCORM 1.2 records of issue 12', () => {
  it('each typed question: its type, response and every pattern in RTE 1.2 formats, within 255 characters', async () => {
    const { t, cmi } = await lms();
    t.record(answer(trueFalse, [0], false));
    t.record(answer(fillIn, [0], true, ' kpk '));
    t.record(answer(numeric, [1], true, '2,5'));
    t.record(answer(matching, [1, 0, 3], false));
    t.record(answer(sequencing, [0, 1, 2], true));
    t.save({ state: 'x', location: 'l:asesmen/p1', result: result() });
    const got = list(cmi().interactions).map((i) => ({ id: i.id, type: i.type, response: i.student_response, patterns: list(i.correct_responses).map((p) => p.pattern), result: i.result }));
    expect(got).toEqual([
      { id: 'tf', type: 'true-false', response: 't', patterns: ['f'], result: 'wrong' },
      { id: 'fi', type: 'fill-in', response: 'kpk', patterns: ['KPK', 'Komisi Pemberantasan Korupsi'], result: 'correct' },
      // RTE 1.2 has no range: the exact value only.
      { id: 'nu', type: 'numeric', response: '2.5', patterns: ['30'], result: 'correct' },
      { id: 'ma', type: 'matching', response: '1.b,2.a,3.d', patterns: ['1.a,2.b,3.c'], result: 'wrong' },
      { id: 'se', type: 'sequencing', response: 'a,b,c', patterns: ['a,b,c'], result: 'correct' },
    ]);
    for (const i of list(cmi().interactions)) {
      expect(i.student_response.length).toBeLessThanOrEqual(255);
      for (const p of list(i.correct_responses)) expect(p.pattern.length).toBeLessThanOrEqual(255);
    }
  });

  it('a test question: id <testId>.<attempt>.<questionId>, weighting 1; a choice question of the pool in letters', async () => {
    const { t, cmi } = await lms();
    t.record(answer(fillIn, [3], false, 'Kejaksaan', { id: 'tes-akhir', role: 'final', attempt: 2 }));
    // An attempt resumed from the saved state: no text, the response spelt from the answer.
    t.record({ ...answer(trueFalse, [1], true, undefined, { id: 'tes-awal', role: 'pre', attempt: 1 }), text: undefined });
    t.record({ type: 'question-answered', at: AT, lesson: '', question: 'pc', response: [0], correct: true, first: true, latencyMs: 10, test: { id: 'tes-akhir', role: 'final', attempt: 1 } });
    t.save({ state: 'x', location: 'x', result: result() });
    const got = list(cmi().interactions).map((i) => [i.id, i.type, i.student_response, list(i.correct_responses).map((p) => p.pattern).join('|'), i.result, i.weighting]);
    expect(got).toEqual([
      ['tes-akhir.2.b-fi', 'fill-in', 'Kejaksaan', 'KPK|Komisi Pemberantasan Korupsi', 'wrong', '1'],
      ['tes-awal.1.b-tf', 'true-false', 'f', 'f', 'correct', '1'],
      ['tes-akhir.1.pc', 'choice', 'a', 'a', 'correct', '1'],
    ]);
  });

  it('a survey item: likert <surveyId>.<itemId>, the point as one digit, neutral, no pattern and no latency', async () => {
    const { t, cmi } = await lms();
    t.record({ type: 'survey-answered', at: AT, lesson: 'asesmen', survey: 'sikap-awal', item: 's2', dimension: 'pemerasan', value: 4, phase: 'pre' });
    t.save({ state: 'x', location: 'x', result: result() });
    const [i] = list(cmi().interactions);
    expect(i).toMatchObject({ id: 'sikap-awal.s2', type: 'likert', student_response: '4', result: 'neutral', weighting: '0', latency: '' });
    expect(list(i!.correct_responses)).toEqual([]);
  });

  it('test attempts as objectives: the pre-test and its baseline pre.<dimension>, the final test with its status; rule.final-test', async () => {
    const { t, cmi } = await lms();
    t.record({ type: 'test-submitted', at: AT, test: 'tes-awal', role: 'pre', attempt: 1, score: 40, passed: null, dimensions: [{ id: 'suap', score: 50 }, { id: 'gratifikasi', score: 0 }], durationMs: 60000 });
    t.record({ type: 'test-submitted', at: AT, test: 'tes-akhir', role: 'final', attempt: 1, score: 60, passed: false, dimensions: [{ id: 'suap', score: 60 }], durationMs: 60000 });
    t.save({ state: 'x', location: 'x', result: result({ rule: 'final-test' }) });
    t.record({ type: 'test-submitted', at: AT, test: 'tes-akhir', role: 'final', attempt: 2, score: 80, passed: true, dimensions: [{ id: 'suap', score: 100 }], durationMs: 60000 });
    t.save({ state: 'x', location: 'x', result: result({ rule: 'final-test', dimensions: [{ id: 'suap', score: 100, status: 'passed' }] }) });
    const got = list(cmi().objectives).map((o) => [o.id, o.score.raw, o.status]);
    expect(got).toEqual([
      ['tes-awal', '40', 'completed'],
      ['pre.suap', '50', 'completed'],
      ['pre.gratifikasi', '0', 'completed'],
      // The last submitted attempt counts: the same objective, updated.
      ['tes-akhir', '80', 'passed'],
      ['rule.final-test', '', 'completed'],
      ['suap', '100', 'passed'],
    ]);
  });

  it('a course scored as SPEC §3 has no rule objective', async () => {
    const { t, cmi } = await lms();
    t.save({ state: 'x', location: 'x', result: result({ dimensions: [{ id: 'suap', score: 10, status: 'incomplete' }] }) });
    expect(list(cmi().objectives).map((o) => o.id)).toEqual(['suap']);
  });
});
