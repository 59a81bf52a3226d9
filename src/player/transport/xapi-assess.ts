/**
 * The xAPI and cmi5 statements of issue 12 (ASSESS §6): typed questions,
 * questions drawn in a test, survey items and test attempts. This code is
 * bundled into player-assess.js, which loads with every unit that holds a
 * typed question, a survey or a test (src/player/units.ts); `installAssessRecords` lets the first
 * page's statement builder hand it those events (xapi-statements.ts), so the
 * first page carries none of it. In cmi5 all of these are "cmi5 allowed"
 * statements (cmi5 §7.1.3): the builder's context template is applied, the
 * cmi5 category never.
 *
 * - A typed question: `answered`, the definition made for the target at build
 *   time (`rec.def`: interactionType, components, correctResponsesPattern;
 *   xAPI 1.0.3 Data.md §2.4.4.1), `result.response` as the assess module spelt
 *   it (src/shared/record-formats.ts).
 * - A question drawn in a test: its parent is the test activity, and the
 *   context extension `…/extensions/test` says `{ id, role, attempt }`.
 * - A survey item: `answered` a likert interaction (scale in its definition),
 *   part of the survey (its parent), the point as the response; no success,
 *   no score; its dimension and, when it has one, the survey's phase
 *   (`…/extensions/survey-phase`) in the context.
 * - A test attempt: `completed` with the score and the score per dimension
 *   (`…/extensions/dimension-results`), then `passed`/`failed` for a final
 *   test; with the test extension, whose `role: 'pre'` marks the baseline.
 * The course's completed and passed/failed carry the scoring rule and the
 * attitude shift; player.js makes them (xapi-statements.ts), as the course can
 * complete in a session that never loads this script.
 */
import type { LearningEvent } from './types.js';
import { statementBuilder, isoDuration, score, type Activity, type SessionContext, type Statement } from './xapi-statements.js';
import {
  EXT_COUNTS_FOR_SCORE,
  EXT_DIMENSION_RESULTS,
  EXT_SURVEY_PHASE,
  EXT_TEST,
  TYPE_COURSE,
  anyQuestionActivity,
  choiceLetter,
  lessonActivity,
  surveyActivity,
  surveyItemActivity,
  testActivity,
  type ActivityInfo,
} from '../../shared/activity-ids.js';
import { indexCourse } from '../../shared/progress.js';
import { responseText } from '../../shared/record-formats.js';

export type AssessRecorder = (ctx: SessionContext, ev: LearningEvent, nextId: () => string) => Statement[] | null | undefined;

/** The item of `list` that `test` accepts; throws (naming `what`) when there is none. */
function find<T>(list: T[], test: (x: T) => boolean, what: string): T {
  for (const x of list) if (test(x)) return x;
  throw new Error(what);
}

type Components = Record<string, Array<{ id: string; description: Record<string, string> }>>;

/**
 * `def` with each component's description keyed by `language`, whatever
 * language the build gave it (a LanguageMap must use the statement's).
 */
export function inLanguage(def: Record<string, unknown> | undefined, language: string): Record<string, unknown> | undefined {
  if (!def) return def;
  const out: Record<string, unknown> = { ...def };
  for (const k of ['choices', 'scale', 'source', 'target', 'steps']) {
    const list = (def as Components)[k];
    if (list) out[k] = list.map((c) => ({ id: c.id, description: { [language]: Object.values(c.description)[0] ?? c.id } }));
  }
  return out;
}

/**
 * The statements of an issue 12 event, or null for an event the first
 * page's builder records itself (a choice question in a lesson, pages,
 * scenarios, the course).
 */
export function assessStatements(ctx: SessionContext, ev: LearningEvent, nextId: () => string): Statement[] | null {
  const { course, iri, courseId } = ctx;
  const ix = indexCourse(course);
  const b = statementBuilder(ctx);
  const courseRef: Activity[] = [{ objectType: 'Activity', id: courseId, definition: { type: TYPE_COURSE } }];
  const parentOf = (a: ActivityInfo): Activity[] => [{ objectType: 'Activity', id: a.id, definition: { type: a.type } }];
  /** The activity as an object, its target-made definition (`def`) laid over the builder's, its components described in the course's language. */
  const object = (a: ActivityInfo): Activity => {
    const o = b.object(a);
    Object.assign(o.definition!, inLanguage(a.def, course.language));
    return o;
  };
  /** The context extensions of issue 12, under the cmi5 template's own values (cmi5 §10.2.1: the template wins). */
  const withContext = (s: Statement, ext: Record<string, unknown> | null): Statement => {
    if (ext) s.context.extensions = { ...ext, ...s.context.extensions };
    return s;
  };

  if (ev.type === 'question-answered') {
    const t = ev.test;
    const what = 'question ' + ev.question;
    let parent: Activity[];
    let q;
    if (t) {
      const test = find(ix.tests, (x) => x.test.id === t.id, 'test ' + t.id).test;
      q = find(test.questions, (x) => x.id === ev.question, what);
      parent = parentOf(testActivity(iri, test));
    } else {
      const ref = find(ix.questions, (x) => x.question.id === ev.question, what);
      q = ref.question;
      // A choice question in a lesson: the first page's builder records it, as before issue 12.
      if (!q.rec) return null;
      parent = parentOf(lessonActivity(iri, ref.lesson));
    }
    const result: NonNullable<Statement['result']> = {
      // A choice question in a test has no `rec`: its response is its choices' letters, as in a lesson.
      // Without `text` (an attempt resumed from the saved state), the response is spelt from the answer.
      response: q.rec ? (ev.text !== undefined ? ev.text : responseText(course.target, q, ev.response)) : ev.response.map(choiceLetter).join('[,]'),
      success: ev.correct,
      score: score(ev.correct ? 100 : 0),
      duration: isoDuration(ev.latencyMs),
      extensions: { [EXT_COUNTS_FOR_SCORE]: ev.first },
    };
    const s = b.statement(nextId(), ev.at, 'answered', object(anyQuestionActivity(iri, q)), parent, courseRef, result, q.dimension);
    return [withContext(s, t ? { [EXT_TEST]: { id: t.id, role: t.role, attempt: t.attempt } } : null)];
  }
  if (ev.type === 'survey-answered') {
    const { survey } = find(ix.surveys, (x) => x.survey.id === ev.survey, 'survey ' + ev.survey);
    const item = find(survey.items, (x) => x.id === ev.item, 'item ' + ev.item);
    const s = b.statement(nextId(), ev.at, 'answered', object(surveyItemActivity(iri, survey, item)), parentOf(surveyActivity(iri, survey)), courseRef, { response: String(ev.value) }, ev.dimension);
    return [withContext(s, ev.phase ? { [EXT_SURVEY_PHASE]: ev.phase } : null)];
  }
  if (ev.type === 'test-submitted') {
    const test = find(ix.tests, (x) => x.test.id === ev.test, 'test ' + ev.test).test;
    const obj = object(testActivity(iri, test));
    const dims: Record<string, { score: number }> = {};
    for (const d of ev.dimensions) dims[d.id] = { score: d.score };
    const base = { score: score(ev.score), duration: isoDuration(ev.durationMs), extensions: { [EXT_DIMENSION_RESULTS]: dims } };
    const ext = { [EXT_TEST]: { id: ev.test, role: ev.role, attempt: ev.attempt } };
    const out = [withContext(b.statement(nextId(), ev.at, 'completed', obj, courseRef, null, { completion: true, ...base }), ext)];
    // A pre-test is ungraded (`passed` null): completed only.
    if (ev.passed !== null) out.push(withContext(b.statement(nextId(), ev.at, ev.passed ? 'passed' : 'failed', obj, courseRef, null, { success: ev.passed, ...base }), ext));
    return out;
  }
  return null;
}

/** Called by player-assess.js's entry: from then on the xapi and cmi5 transports record issue 12's events here. */
export function installAssessRecords(): void {
  (globalThis as { irRec?: AssessRecorder }).irRec = assessStatements;
}
