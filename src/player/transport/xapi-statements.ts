/**
 * Pure statement builders: (session context, learning event, time, ids) →
 * xAPI 1.0.3 statements following the integrity-ranger xAPI Profile
 * (profile/integrity-ranger.jsonld, docs/xapi.md). No DOM, no clock, no
 * randomness of their own: the caller passes timestamps and an id generator,
 * so the same input always gives the same statements.
 */
import type { RuntimeCourse } from '../../shared/runtime-types.js';
import { indexCourse } from '../../shared/progress.js';
import type { LearningEvent } from './types.js';
import type { AssessRecorder } from './xapi-assess.js';
import {
  ADL,
  EXT_CHOICE_QUALITY,
  EXT_COUNTS_FOR_SCORE,
  EXT_DIMENSION,
  EXT_DIMENSION_RESULTS,
  EXT_ENDING,
  EXT_ATTITUDE_SHIFT,
  EXT_SCORING_RULE,
  PROFILE_VERSION,
  TYPE_COURSE,
  TYPE_PROFILE,
  choiceLetter,
  courseActivity,
  lessonActivity,
  pageActivity,
  questionActivity,
  sceneActivity,
  scenarioActivity,
  type ActivityInfo,
} from '../../shared/activity-ids.js';

export type LangMap = Record<string, string>;

export interface Agent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: { homePage: string; name: string };
}

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: {
    type: string;
    name?: LangMap;
    description?: LangMap;
    /** `choice`, or a typed question's or survey item's type (issue 12, xapi-assess.ts). */
    interactionType?: string;
    correctResponsesPattern?: string[];
    choices?: Component[];
    scale?: Component[];
    source?: Component[];
    target?: Component[];
  };
}

export interface Component {
  id: string;
  description: LangMap;
}

export interface Score {
  scaled: number;
  raw: number;
  min: number;
  max: number;
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: { id: string; display: LangMap };
  object: Activity;
  result?: {
    score?: Score;
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    extensions?: Record<string, unknown>;
  };
  context: {
    registration: string;
    language: string;
    platform?: string;
    contextActivities: { parent?: Activity[]; grouping?: Activity[]; category: Activity[] };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

/** What stays the same for every statement of a launch. */
export interface SessionContext {
  course: RuntimeCourse;
  /** course.iri: base of every child activity id. */
  iri: string;
  /** The course activity id: the launch's activity_id, else the course iri. */
  courseId: string;
  actor: Agent;
  registration: string;
  /** The launch's `grouping` activity, if the LMS gave one. */
  grouping: string | null;
  /** The launch's `activity_platform`, if any. */
  platform: string | null;
  /** Last touch to every statement built (cmi5: the LMS's context template). */
  adapt?: (s: Statement) => Statement;
}

export type VerbName =
  | 'initialized'
  | 'resumed'
  | 'suspended'
  | 'terminated'
  | 'experienced'
  | 'completed'
  | 'answered'
  | 'passed'
  | 'failed';

export function verb(name: VerbName): Statement['verb'] {
  return { id: ADL + 'verbs/' + name, display: { 'en-US': name } };
}

/** ISO 8601 duration, 0.01 s precision as xAPI recommends: `PT1H2M3.45S`. */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round((ms || 0) / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor(cs / 6000) % 60;
  return 'PT' + (h ? h + 'H' : '') + (m ? m + 'M' : '') + (cs % 6000) / 100 + 'S';
}

/** A 0–100 score as xAPI wants it: raw, min 0, max 100, scaled = raw / 100. */
export function score(raw: number): Score {
  const r = Math.min(100, Math.max(0, Math.round(raw)));
  return { scaled: r / 100, raw: r, min: 0, max: 100 };
}

/** A context activity: id and type only (the type is what profile templates match on). */
function ref(id: string, type?: string): Activity {
  return type ? { objectType: 'Activity', id, definition: { type } } : { objectType: 'Activity', id };
}

export type SessionVerb = 'initialized' | 'resumed' | 'suspended' | 'terminated';

export interface Builder {
  /** initialized / resumed / suspended / terminated, about the course; `sessionMs` for suspended and terminated. */
  session(v: SessionVerb, at: number, id: string, sessionMs?: number): Statement;
  /** The statements one learning event produces, in order. Throws on ids the course does not have. */
  event(ev: LearningEvent, nextId: () => string): Statement[];
  /** One statement (for player-assess.js's records, xapi-assess.ts, which build on the same context). */
  statement: StatementFn;
  /** An activity as a statement's object, with its definition. */
  object(a: ActivityInfo): Activity;
}

export type StatementFn = (
  id: string,
  at: number,
  verbName: VerbName,
  obj: Activity,
  parent?: Activity[] | null,
  inGroup?: Activity[] | null,
  result?: Statement['result'],
  dimension?: string | null,
) => Statement;

export function statementBuilder(ctx: SessionContext): Builder {
  const { course, iri, courseId, actor, registration, grouping, platform, adapt } = ctx;
  const language = course.language;
  const lang = (text: string): LangMap => ({ [language]: text });
  const courseRef = [ref(courseId, TYPE_COURSE)];
  const category = [ref(PROFILE_VERSION, TYPE_PROFILE)];

  /** The full activity object, with its definition, as a statement's object. */
  const object = (a: ActivityInfo): Activity => {
    const def: NonNullable<Activity['definition']> = { type: a.type, name: lang(a.name), description: lang(a.description) };
    const i = a.interaction;
    if (i) {
      def.interactionType = 'choice';
      if (i.correct) def.correctResponsesPattern = i.correct;
      def.choices = i.choices.map((c) => ({ id: c.id, description: lang(c.text) }));
    }
    return { objectType: 'Activity', id: a.id, definition: def };
  };
  const courseObject = (): Activity => object({ ...courseActivity(course, iri), id: courseId });
  const ix = indexCourse(course);
  /** The item of `list` that `test` accepts; throws (naming `what`) when the course has none. */
  const find = <T>(list: T[], test: (x: T) => boolean, what: string): T => {
    for (const x of list) if (test(x)) return x;
    throw new Error(what);
  };
  /** A parent: the activity's id and type. */
  const parentOf = (a: ActivityInfo): Activity[] => [ref(a.id, a.type)];
  const scenarioOf = (id: string) => find(ix.scenarios, (x) => x.scenario.id === id, 'scenario ' + id).scenario;

  const statement: StatementFn = (id, at, verbName, obj, parent, inGroup, result, dimension) => {
    const ca = {} as Statement['context']['contextActivities'];
    const groups = (inGroup || []).concat(grouping ? [ref(grouping)] : []);
    if (parent) ca.parent = parent;
    if (groups.length) ca.grouping = groups;
    ca.category = category;
    const context: Statement['context'] = { registration, language, contextActivities: ca };
    if (platform) context.platform = platform;
    if (dimension) context.extensions = { [EXT_DIMENSION]: dimension };
    const s: Statement = { id, actor, verb: verb(verbName), object: obj, context, timestamp: new Date(at).toISOString() };
    if (result) s.result = result;
    return adapt ? adapt(s) : s;
  };

  return {
    statement,
    object,
    session: (v, at, id, ms) => statement(id, at, v, courseObject(), null, null, ms === undefined ? undefined : { duration: isoDuration(ms) }),

    event(ev, nextId) {
      // Issue 12's typed questions, surveys and tests are recorded by player-assess.js, which loads with every
      // unit that holds one (xapi-assess.ts): the first page's bundle carries none of that code.
      const more = (globalThis as { irRec?: AssessRecorder }).irRec;
      const done = more && more(ctx, ev, nextId);
      if (done) return done;
      const out: Statement[] = [];
      const add = (...a: [VerbName, Activity, (Activity[] | null)?, (Activity[] | null)?, Statement['result']?, (string | null)?]): void => {
        out.push(statement(nextId(), ev.at, ...a));
      };
      if (ev.type === 'page-viewed') {
        const { lesson, page } = find(ix.pages, (p) => p.lesson.id === ev.lesson && p.page.id === ev.page, 'page ' + ev.page);
        add('experienced', object(pageActivity(iri, lesson, page)), parentOf(lessonActivity(iri, lesson)), courseRef);
      } else if (ev.type === 'lesson-completed') {
        add('completed', object(lessonActivity(iri, find(ix.lessons, (l) => l.lesson.id === ev.lesson, 'lesson ' + ev.lesson).lesson)), courseRef, null, {
          completion: true,
          duration: isoDuration(ev.durationMs),
        });
      } else if (ev.type === 'question-answered') {
        const { question, lesson } = find(ix.questions, (x) => x.question.id === ev.question, 'question ' + ev.question);
        add('answered', object(questionActivity(iri, question)), parentOf(lessonActivity(iri, lesson)), courseRef, {
          response: ev.response.map(choiceLetter).join('[,]'),
          success: ev.correct,
          score: score(ev.correct ? 100 : 0),
          duration: isoDuration(ev.latencyMs),
          extensions: { [EXT_COUNTS_FOR_SCORE]: ev.first },
        }, question.dimension);
      } else if (ev.type === 'scenario-choice') {
        const sc = scenarioOf(ev.scenario);
        const scene = find(sc.scenes, (x) => x.id === ev.scene, 'scene ' + ev.scene);
        const result: NonNullable<Statement['result']> = {
          response: choiceLetter(ev.choiceIndex),
          duration: isoDuration(ev.latencyMs),
          extensions: { [EXT_CHOICE_QUALITY]: ev.quality, [EXT_COUNTS_FOR_SCORE]: false },
        };
        // A neutral choice is neither right nor wrong: no success, no score.
        if (ev.quality !== 'neutral') {
          result.success = ev.quality === 'good';
          result.score = score(result.success ? 100 : 0);
        }
        add('answered', object(sceneActivity(iri, sc, scene)), parentOf(scenarioActivity(iri, sc)), courseRef, result, sc.dimension);
      } else {
        // scenario-ended and course-completed: completed, then passed/failed. (Issue 12's survey and test
        // events never get here: player-assess.js has recorded them, see the start of `event`.)
        const end = ev as Extract<LearningEvent, { type: 'scenario-ended' | 'course-completed' }>;
        const sc = end.type === 'scenario-ended' ? scenarioOf(end.scenario) : null;
        const status = end.type === 'scenario-ended' ? (end.outcome === 'pass' ? 'passed' : 'failed') : end.result.status;
        const obj = sc ? object(scenarioActivity(iri, sc)) : courseObject();
        const sco = score(end.type === 'scenario-ended' ? end.score : end.result.score);
        const duration = isoDuration(end.durationMs);
        const extensions: Record<string, unknown> = {};
        if (end.type === 'scenario-ended') {
          extensions[EXT_ENDING] = end.scene;
          extensions[EXT_COUNTS_FOR_SCORE] = end.first;
        } else {
          const dims: Record<string, { score: number; status: string }> = {};
          for (const d of end.result.dimensions) dims[d.id] = { score: d.score, status: d.status };
          extensions[EXT_DIMENSION_RESULTS] = dims;
          // Issue 12: which rule scored the course, and the attitude shift. Here, not in player-assess.js: the
          // course may complete in a session that never loads it (the last page read after the tests).
          if (!globalThis.IR_LITE) {
            const { rule, shift } = end.result;
            if (rule) extensions[EXT_SCORING_RULE] = rule;
            if (shift) {
              const by: Record<string, number> = {};
              for (const d of shift) by[d.id] = d.shift;
              extensions[EXT_ATTITUDE_SHIFT] = by;
            }
          }
        }
        const parent = sc && courseRef;
        const dim = sc && sc.dimension;
        add('completed', obj, parent, null, { completion: true, score: sco, duration, extensions }, dim);
        if (status === 'passed' || status === 'failed') {
          add(status, obj, parent, null, { success: status === 'passed', score: sco, duration, extensions }, dim);
        }
      }
      return out;
    },
  };
}

/** One statement of the session lifecycle (see Builder.session). */
export function sessionStatement(ctx: SessionContext, v: SessionVerb, at: number, id: string, sessionMs?: number): Statement {
  return statementBuilder(ctx).session(v, at, id, sessionMs);
}

/** The statements one learning event produces (see Builder.event). */
export function eventStatements(ctx: SessionContext, ev: LearningEvent, nextId: () => string): Statement[] {
  return statementBuilder(ctx).event(ev, nextId);
}
