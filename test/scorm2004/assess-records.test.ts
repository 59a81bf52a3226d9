/**
 * Issue 12's records in SCORM 2004 4th Edition (RTE 4.2.9, 4.2.17), against
 * scorm-again's Scorm2004API, which checks each learner_response and pattern
 * against the interaction's type: typed questions with their descriptions,
 * test questions per attempt, survey items as likert, test attempts, the
 * pre-test baseline and the scoring rule as objectives.
 */
import { describe, expect, it } from 'vitest';
import { Scorm2004API } from 'scorm-again/scorm2004';
import { scorm2004Transport, type Scorm2004Api } from '../../src/player/transport/scorm2004.js';
import type { LearningEvent, Snapshot } from '../../src/player/transport/types.js';
import type { PackageTarget, RuntimeQuestion } from '../../src/shared/runtime-types.js';
import { answerEvent, assessCourse, cmiList, fillIn, matching, numeric, sequencing, trueFalse, type TestRef } from '../helpers/assess-course.js';

const course = assessCourse('scorm2004');
const AT = Date.UTC(2024, 0, 2, 13, 5, 9);
type Cmi = Record<string, any>;
const list = cmiList;
const answer = (q: RuntimeQuestion, response: number[], correct: boolean, typed?: string, test?: TestRef): LearningEvent => answerEvent(course.target as PackageTarget, AT, q, response, correct, typed, test);

/** The transport on scorm-again, every refused SetValue kept. */
async function lms() {
  const api = new Scorm2004API({ logLevel: 5 });
  const refused: string[] = [];
  const logged: Scorm2004Api = {
    Initialize: (p) => api.Initialize(p),
    Terminate: (p) => api.Terminate(p),
    GetValue: (e) => api.GetValue(e),
    SetValue: (e, v) => {
      const r = api.SetValue(e, v);
      if (String(r) !== 'true') refused.push(`${e}=${v} → ${api.GetLastError()}`);
      return r;
    },
    Commit: (p) => api.Commit(p),
    GetLastError: () => api.GetLastError(),
    GetErrorString: (c) => api.GetErrorString(c),
  };
  const t = scorm2004Transport(course, logged, () => AT, () => 0);
  await t.start();
  return { t, refused, cmi: (): Cmi => (api.renderCMIToJSONObject() as { cmi: Cmi }).cmi };
}

const result = (over: Partial<Snapshot['result']> = {}): Snapshot['result'] => ({ score: 0, earned: 0, possible: 5, complete: false, status: 'incomplete', dimensions: [], ...over });

describe('SCORM 2004 records of issue 12', () => {
  it('each typed question: its type, description, learner_response and patterns in RTE 4.2.9 formats, all accepted', async () => {
    const { t, cmi, refused } = await lms();
    t.record(answer(trueFalse, [1], true));
    t.record(answer(fillIn, [1], true, 'komisi pemberantasan korupsi'));
    t.record(answer(numeric, [0], true, '30'));
    t.record(answer(matching, [0, 1, 2], true));
    t.record(answer(sequencing, [2, 1, 0], false));
    // A number that is no number: no learner_response (real(10,7) has no empty value), the rest recorded.
    t.record(answer(numeric, [3], false, 'tiga puluh'));
    t.save({ state: 'x', location: 'l:asesmen/p1', result: result() });
    expect(refused).toEqual([]);
    const got = list(cmi().interactions).map((i) => ({ id: i.id, type: i.type, description: i.description, response: i.learner_response, patterns: list(i.correct_responses).map((p) => p.pattern), result: i.result }));
    expect(got).toEqual([
      { id: 'tf', type: 'true-false', description: '{lang=id-ID}Hadiah kecil boleh diterima.', response: 'false', patterns: ['false'], result: 'correct' },
      {
        id: 'fi',
        type: 'fill-in',
        description: '{lang=id-ID}Lembaga yang menerima laporan gratifikasi?',
        response: 'komisi pemberantasan korupsi',
        patterns: ['{case_matters=true}KPK', '{case_matters=true}Komisi Pemberantasan Korupsi'],
        result: 'correct',
      },
      { id: 'nu', type: 'numeric', description: '{lang=id-ID}Dalam berapa hari kerja gratifikasi dilaporkan?', response: '30', patterns: ['30[:]30'], result: 'correct' },
      { id: 'ma', type: 'matching', description: '{lang=id-ID}Pasangkan istilah dengan artinya.', response: '1[.]a[,]2[.]b[,]3[.]c', patterns: ['1[.]a[,]2[.]b[,]3[.]c'], result: 'correct' },
      { id: 'se', type: 'sequencing', description: '{lang=id-ID}Urutkan langkahnya.', response: 'c[,]b[,]a', patterns: ['a[,]b[,]c'], result: 'incorrect' },
      { id: 'nu', type: 'numeric', description: '{lang=id-ID}Dalam berapa hari kerja gratifikasi dilaporkan?', response: '', patterns: ['30[:]30'], result: 'incorrect' },
    ]);
  });

  it('test questions per attempt, survey items as likert with the item as description', async () => {
    const { t, cmi, refused } = await lms();
    // An attempt resumed from the saved state: no text, the response spelt from the answer.
    t.record({ ...answer(matching, [1, 0, 2], false, undefined, { id: 'tes-akhir', role: 'final', attempt: 2 }), text: undefined });
    t.record({ type: 'question-answered', at: AT, lesson: '', question: 'pc', response: [1], correct: false, first: true, latencyMs: 10, test: { id: 'tes-awal', role: 'pre', attempt: 1 } });
    t.record({ type: 'survey-answered', at: AT, lesson: 'asesmen', survey: 'sikap-awal', item: 's1', dimension: 'gratifikasi', value: 5, phase: 'pre' });
    t.save({ state: 'x', location: 'x', result: result() });
    expect(refused).toEqual([]);
    const got = list(cmi().interactions).map((i) => [i.id, i.type, i.description, i.learner_response, list(i.correct_responses).map((p) => p.pattern).join('|'), i.result, i.weighting, i.latency]);
    expect(got).toEqual([
      ['tes-akhir.2.b-ma', 'matching', '{lang=id-ID}Pasangkan istilah dengan artinya.', '1[.]b[,]2[.]a[,]3[.]c', '1[.]a[,]2[.]b[,]3[.]c', 'incorrect', '1', 'PT5.23S'],
      ['tes-awal.1.pc', 'choice', '{lang=id-ID}Mana yang suap?', 'b', 'a', 'incorrect', '1', 'PT0.01S'],
      ['sikap-awal.s1', 'likert', '{lang=id-ID}Saya akan menolak hadiah dari pemohon layanan.', '5', '', 'neutral', '0', ''],
    ]);
  });

  it('test attempts, the pre-test baseline and the rule as objectives with both statuses', async () => {
    const { t, cmi, refused } = await lms();
    t.record({ type: 'test-submitted', at: AT, test: 'tes-awal', role: 'pre', attempt: 1, score: 40, passed: null, dimensions: [{ id: 'suap', score: 50 }], durationMs: 60000 });
    t.record({ type: 'test-submitted', at: AT, test: 'tes-akhir', role: 'final', attempt: 1, score: 60, passed: false, dimensions: [{ id: 'suap', score: 60 }], durationMs: 60000 });
    t.save({ state: 'x', location: 'x', result: result({ rule: 'final-test' }) });
    expect(refused).toEqual([]);
    const got = list(cmi().objectives).map((o) => [o.id, o.score.scaled, o.score.raw, o.completion_status, o.success_status]);
    expect(got).toEqual([
      ['tes-awal', '0.4', '40', 'completed', 'unknown'],
      ['pre.suap', '0.5', '50', 'completed', 'unknown'],
      ['tes-akhir', '0.6', '60', 'completed', 'failed'],
      ['rule.final-test', '', '', 'completed', 'unknown'],
    ]);
  });
});
