/**
 * Issue 12's xAPI statements (xapi-assess.ts, bundled in player-assess.js):
 * typed questions with the definition made at build time, questions drawn
 * in a test, survey items, test attempts and the scoring rule, each checked
 * with @learninglocker/xapi-validation and in its exact shape. Without
 * player-assess.js the first page's builder records a lesson's choice
 * question as before, and nothing of issue 12.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installAssessRecords } from '../../src/player/transport/xapi-assess.js';
import { questionRecord } from '../../src/render/records.js';
import { statementBuilder, type SessionContext, type Statement } from '../../src/player/transport/xapi-statements.js';
import type { LearningEvent } from '../../src/player/transport/types.js';
import { EXT, TYPE, activityId } from '../../src/shared/activity-ids.js';
import type { RuntimeQuestion } from '../../src/shared/runtime-types.js';
import type { CourseResult } from '../../src/shared/scoring.js';
import { LIKERT, answerEvent, assessCourse, fillIn, matching, numeric, sequencing, trueFalse, type TestRef } from '../helpers/assess-course.js';
import { ACTOR, REGISTRATION } from './helpers/fake-env.js';
import { checker, llWarnings } from './helpers/play.js';

const course = assessCourse('xapi');
const iri = course.iri!;
const AT = Date.UTC(2024, 0, 2, 13, 5, 9);
const ctx: SessionContext = { course, iri, courseId: iri, actor: ACTOR as Statement['actor'], registration: REGISTRATION, grouping: null, platform: null };
let n = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

const profile = checker();

/** The event's statements, each valid xAPI (@learninglocker/xapi-validation) and following exactly one template of the project's profile. */
function statements(ev: LearningEvent): Statement[] {
  const list = statementBuilder(ctx).event(ev, nextId);
  for (const s of list) {
    expect(llWarnings(s), JSON.stringify(s)).toEqual([]);
    expect(profile.checkStatement(s).errors, JSON.stringify(s)).toEqual([]);
  }
  return list;
}

const answer = (q: RuntimeQuestion, response: number[], correct: boolean, typed?: string, test?: TestRef): LearningEvent => answerEvent('xapi', AT, q, response, correct, typed, test);

const lang = (t: string) => ({ 'id-ID': t });
const ref = (id: string, type: string) => ({ objectType: 'Activity', id, definition: { type } });
const courseRef = ref(iri, TYPE.course);

afterEach(() => {
  delete (globalThis as { irRec?: unknown }).irRec;
});

describe('without player-assess.js', () => {
  it('a choice question in a lesson is recorded as before; an issue 12 event cannot be', () => {
    const list = statementBuilder(ctx).event({ type: 'question-answered', at: AT, lesson: 'pengantar', question: 'q-amplop', response: [1], correct: true, first: true, latencyMs: 1 }, nextId);
    expect(list[0]!.object.definition!.interactionType).toBe('choice');
    expect(() => statementBuilder(ctx).event({ type: 'survey-answered', at: AT, lesson: 'asesmen', survey: 'sikap-awal', item: 's1', dimension: 'gratifikasi', value: 3, phase: 'pre' }, nextId)).toThrow();
  });
});

describe('with player-assess.js', () => {
  it('typed questions: answered, the definition of rec.def, the response as the assess module spelt it', () => {
    installAssessRecords();
    const events: Array<[RuntimeQuestion, number[], boolean, string?]> = [
      [trueFalse, [0], false],
      [fillIn, [0], true, ' KPK'],
      [numeric, [1], true, '3,25'],
      [matching, [1, 0, 3], false],
      [sequencing, [0, 1, 2], true],
    ];
    const got = events.map(([q, a, right, typed]) => statements(answer(q, a, right, typed))[0]!);
    expect(got.map((s) => s.result!.response)).toEqual(['true', 'KPK', '3.25', '1[.]b[,]2[.]a[,]3[.]d', 'a[,]b[,]c']);
    const [tf, fi, nu, ma, se] = got;
    expect(tf).toMatchObject({
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: {
        id: activityId.question(iri, 'tf'),
        definition: { type: TYPE.interaction, name: lang('Hadiah kecil boleh diterima.'), description: lang('Hadiah kecil boleh diterima.'), interactionType: 'true-false', correctResponsesPattern: ['false'] },
      },
      result: { success: false, score: { raw: 0 }, duration: 'PT5.23S', extensions: { [EXT.countsForScore]: true } },
      context: { contextActivities: { parent: [ref(activityId.lesson(iri, 'asesmen'), TYPE.module)], grouping: [courseRef] }, extensions: { [EXT.dimension]: 'gratifikasi' } },
    });
    expect(tf!.object.definition!.choices).toBeUndefined();
    expect(fi!.object.definition).toMatchObject({ interactionType: 'fill-in', correctResponsesPattern: ['{case_matters=true}KPK', '{case_matters=true}Komisi Pemberantasan Korupsi'] });
    expect(nu!.object.definition).toMatchObject({ interactionType: 'numeric', correctResponsesPattern: ['30', '2.5[:]3.5'] });
    expect(ma!.object.definition!.source!.map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(ma!.object.definition!.target!.map((c) => c.description)).toEqual(['Memberi agar', 'Hadiah', 'Pungutan', 'Pengalih'].map(lang));
    expect(se!.object.definition).toMatchObject({ interactionType: 'sequencing', choices: [{ id: 'a', description: lang('Tolak') }, { id: 'b', description: lang('Catat') }, { id: 'c', description: lang('Lapor') }] });
    expect(fi!.context.extensions).toBeUndefined();
  });

  it('a question drawn in a test: part of the test, which the context names with role and attempt', () => {
    installAssessRecords();
    // An attempt resumed from the saved state: no text, the response spelt from the answer (a value of the range matched).
    const [s] = statements({ ...answer(numeric, [2], false, '7', { id: 'tes-akhir', role: 'final', attempt: 2 }), text: undefined });
    expect(s).toMatchObject({
      object: { id: activityId.question(iri, 'b-nu'), definition: { interactionType: 'numeric' } },
      result: { response: '7', success: false },
      context: {
        contextActivities: { parent: [ref(activityId.test(iri, 'tes-akhir'), TYPE.assessment)], grouping: [courseRef] },
        extensions: { [EXT.test]: { id: 'tes-akhir', role: 'final', attempt: 2 }, [EXT.dimension]: 'gratifikasi' },
      },
    });
    // A choice question of the pool keeps its choice definition, and the letters.
    const [c] = statements({ type: 'question-answered', at: AT, lesson: '', question: 'pc', response: [0], correct: true, first: true, latencyMs: 9, test: { id: 'tes-awal', role: 'pre', attempt: 1 } });
    expect(c).toMatchObject({ object: { definition: { interactionType: 'choice', correctResponsesPattern: ['a'] } }, result: { response: 'a' }, context: { extensions: { [EXT.test]: { role: 'pre' } } } });
  });

  it('a survey item: answered a likert interaction with its scale; the point, no success, no score; dimension and phase', () => {
    installAssessRecords();
    const [s] = statements({ type: 'survey-answered', at: AT, lesson: 'asesmen', survey: 'sikap-awal', item: 's2', dimension: 'pemerasan', value: 4, phase: 'pre' });
    expect(s!.object).toEqual({
      objectType: 'Activity',
      id: activityId.surveyItem(iri, 'sikap-awal', 's2'),
      definition: {
        type: TYPE.interaction,
        name: lang('Saya akan melaporkan pungli yang saya lihat.'),
        description: lang('Seberapa setuju Anda? Saya akan melaporkan pungli yang saya lihat.'),
        interactionType: 'likert',
        scale: LIKERT.map((l, i) => ({ id: String(i + 1), description: lang(l) })),
      },
    });
    expect(s!.result).toEqual({ response: '4' });
    expect(s!.context.extensions).toEqual({ [EXT.surveyPhase]: 'pre', [EXT.dimension]: 'pemerasan' });
    expect(s!.context.contextActivities.parent).toEqual([ref(activityId.survey(iri, 'sikap-awal'), TYPE.survey)]);
    const [noPhase] = statements({ type: 'survey-answered', at: AT, lesson: 'asesmen', survey: 'sikap-awal', item: 's1', dimension: 'gratifikasi', value: 1, phase: null });
    expect(noPhase!.context.extensions).toEqual({ [EXT.dimension]: 'gratifikasi' });
  });

  it('a test attempt: completed with the score per dimension; a final test also passed/failed; the pre-test only completed', () => {
    installAssessRecords();
    const pre = statements({ type: 'test-submitted', at: AT, test: 'tes-awal', role: 'pre', attempt: 1, score: 40, passed: null, dimensions: [{ id: 'suap', score: 50 }], durationMs: 61000 });
    expect(pre.map((s) => s.verb.display['en-US'])).toEqual(['completed']);
    expect(pre[0]).toMatchObject({
      object: { id: activityId.test(iri, 'tes-awal'), definition: { type: TYPE.assessment, name: lang('Tes Awal'), description: lang('Jawab semua soal.') } },
      result: { completion: true, score: { raw: 40, scaled: 0.4 }, duration: 'PT1M1S', extensions: { [EXT.dimensionResults]: { suap: { score: 50 } } } },
      context: { contextActivities: { parent: [courseRef] }, extensions: { [EXT.test]: { id: 'tes-awal', role: 'pre', attempt: 1 } } },
    });
    const final = statements({ type: 'test-submitted', at: AT, test: 'tes-akhir', role: 'final', attempt: 2, score: 80, passed: true, dimensions: [{ id: 'suap', score: 100 }], durationMs: 1000 });
    expect(final.map((s) => s.verb.display['en-US'])).toEqual(['completed', 'passed']);
    expect(final[1]).toMatchObject({ result: { success: true, score: { raw: 80 } }, context: { extensions: { [EXT.test]: { id: 'tes-akhir', role: 'final', attempt: 2 } } } });
    expect(final[1]!.result!.completion).toBeUndefined();
    const failed = statements({ type: 'test-submitted', at: AT, test: 'tes-akhir', role: 'final', attempt: 1, score: 60, passed: false, dimensions: [], durationMs: 1000 });
    expect(failed.map((s) => s.verb.display['en-US'])).toEqual(['completed', 'failed']);
  });

  it('the course under scoring: final-test says so on completed and passed; SPEC §3 scoring says nothing new', () => {
    installAssessRecords();
    const result: CourseResult = { score: 80, earned: 4, possible: 5, complete: true, status: 'passed', dimensions: [{ id: 'suap', score: 100, status: 'passed' }], rule: 'final-test' };
    const list = statements({ type: 'course-completed', at: AT, result, durationMs: 5000 });
    expect(list.map((s) => [s.verb.display['en-US'], s.result!.extensions![EXT.scoringRule]])).toEqual([['completed', 'final-test'], ['passed', 'final-test']]);
    expect(list[0]!.result!.extensions![EXT.dimensionResults]).toEqual({ suap: { score: 100, status: 'passed' } });
    const plain = statements({ type: 'course-completed', at: AT, result: { ...result, rule: undefined }, durationMs: 5000 });
    expect(plain.map((s) => s.result!.extensions![EXT.scoringRule])).toEqual([undefined, undefined]);
    expect(plain[0]!.result!.extensions![EXT.attitudeShift]).toBeUndefined();
    // The attitude shift per dimension, once both surveys are answered.
    const shifted = statements({ type: 'course-completed', at: AT, result: { ...result, rule: undefined, shift: [{ id: 'gratifikasi', shift: 1.5 }, { id: 'pemerasan', shift: -0.5 }] }, durationMs: 5000 });
    expect(shifted.map((s) => s.result!.extensions![EXT.attitudeShift])).toEqual([{ gratifikasi: 1.5, pemerasan: -0.5 }, { gratifikasi: 1.5, pemerasan: -0.5 }]);
    expect(shifted[0]!.result!.extensions![EXT.scoringRule]).toBeUndefined();
  });
});

describe('a session with issue 12 statements', () => {
  it('follows the profile\'s primary pattern', () => {
    installAssessRecords();
    const b = statementBuilder(ctx);
    const test = { id: 'tes-akhir', role: 'final' as const, attempt: 1 };
    const result: CourseResult = { score: 100, earned: 1, possible: 1, complete: true, status: 'passed', dimensions: [], rule: 'final-test' };
    const list = [
      b.session('initialized', AT, nextId()),
      ...statements({ type: 'survey-answered', at: AT, lesson: 'asesmen', survey: 'sikap-awal', item: 's1', dimension: 'gratifikasi', value: 3, phase: 'pre' }),
      ...statements(answer(fillIn, [0], true, 'KPK')),
      ...statements(answer(trueFalse, [1], true, undefined, test)),
      ...statements({ type: 'test-submitted', at: AT, test: 'tes-akhir', role: 'final', attempt: 1, score: 100, passed: true, dimensions: [{ id: 'gratifikasi', score: 100 }], durationMs: 1000 }),
      ...statements({ type: 'course-completed', at: AT, result, durationMs: 5000 }),
      b.session('terminated', AT, nextId(), 6000),
    ];
    list.forEach((s, i) => (s.timestamp = new Date(AT + i).toISOString()));
    const p = profile.checkPattern(list);
    expect(p.ok, p.trace).toBe(true);
  });
});

describe('a record built without the course language', () => {
  it('still describes the components in the course\'s language, in statements and in tincan.xml', async () => {
    installAssessRecords();
    const c = assessCourse('xapi');
    const lesson = c.units.find((u) => u.kind === 'lesson' && u.id === 'asesmen')!;
    const block = lesson.kind === 'lesson' ? lesson.pages[0]!.blocks.find((b) => b.kind === 'question' && b.question.id === 'ma') : undefined;
    if (!block || block.kind !== 'question') throw new Error('no matching question');
    block.question.rec = questionRecord(matching, 'xapi');
    expect((block.question.rec!.def!.source as Array<{ description: object }>)[0]!.description).toEqual({ und: 'Suap' });
    const [s] = statementBuilder({ ...ctx, course: c }).event(answer(matching, [0, 1, 2], true), nextId);
    expect(s!.object.definition!.source![0]).toEqual({ id: '1', description: lang('Suap') });
    expect(llWarnings(s)).toEqual([]);
    const { tincanXml } = await import('../../src/targets/xapi/tincan.js');
    expect(tincanXml(c)).not.toContain('lang="und"');
  });
});
