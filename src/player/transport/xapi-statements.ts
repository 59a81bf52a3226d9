/**
 * Pure statement builders: (session context, learning event, time, ids) →
 * xAPI 1.0.3 statements following the integrity-ranger xAPI Profile
 * (profile/integrity-ranger.jsonld, docs/xapi.md). No DOM, no clock, no
 * randomness of their own: the caller passes timestamps and an id generator,
 * so the same input always gives the same statements.
 */
import type { RuntimeCourse, RuntimeLesson, RuntimeScenario } from '../../shared/runtime-types.js';
import type { CourseResult, LearningEvent } from './types.js';
import {
  ADL,
  EXT,
  PROFILE_VERSION,
  TYPE,
  activityId,
  choiceLetter,
  courseActivity,
  lessonActivity,
  pageActivity,
  questionsOf,
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
    interactionType?: 'choice';
    correctResponsesPattern?: string[];
    choices?: { id: string; description: LangMap }[];
  };
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

/** Indonesian display names next to the ADL ones, for LRS reports read in Indonesian. */
const VERB_ID_DISPLAY: Record<VerbName, string> = {
  initialized: 'memulai',
  resumed: 'melanjutkan',
  suspended: 'menjeda',
  terminated: 'mengakhiri',
  experienced: 'membaca',
  completed: 'menyelesaikan',
  answered: 'menjawab',
  passed: 'lulus',
  failed: 'tidak lulus',
};

export function verb(name: VerbName): Statement['verb'] {
  return { id: ADL + 'verbs/' + name, display: { 'en-US': name, 'id-ID': VERB_ID_DISPLAY[name] } };
}

/** ISO 8601 duration, 0.01 s precision as xAPI recommends: `PT1H2M3.45S`. */
export function isoDuration(ms: number): string {
  let cs = Math.max(0, Math.round((ms || 0) / 10));
  const h = Math.floor(cs / 360000);
  cs -= h * 360000;
  const m = Math.floor(cs / 6000);
  cs -= m * 6000;
  return 'PT' + (h ? h + 'H' : '') + (m ? m + 'M' : '') + cs / 100 + 'S';
}

/** A 0–100 score as xAPI wants it: raw, min 0, max 100, scaled = raw / 100. */
export function score(raw: number): Score {
  const r = Math.min(100, Math.max(0, Math.round(raw)));
  return { scaled: r / 100, raw: r, min: 0, max: 100 };
}

function lang(ctx: SessionContext, text: string): LangMap {
  return { [ctx.course.language]: text };
}

/** The full activity object, with its definition, as a statement's object. */
export function activityObject(ctx: SessionContext, a: ActivityInfo): Activity {
  const def: NonNullable<Activity['definition']> = {
    type: a.type,
    name: lang(ctx, a.name),
    description: lang(ctx, a.description),
  };
  if (a.interaction) {
    def.interactionType = 'choice';
    if (a.interaction.correct) def.correctResponsesPattern = a.interaction.correct;
    def.choices = a.interaction.choices.map((c) => ({ id: c.id, description: lang(ctx, c.text) }));
  }
  return { objectType: 'Activity', id: a.id, definition: def };
}

/** A context activity: id and type only (the type is what profile templates match on). */
function ref(id: string, type: string): Activity {
  return { objectType: 'Activity', id, definition: { type } };
}

function courseObject(ctx: SessionContext): Activity {
  const a = courseActivity(ctx.course, ctx.iri);
  a.id = ctx.courseId;
  return activityObject(ctx, a);
}

function courseRef(ctx: SessionContext): Activity {
  return ref(ctx.courseId, TYPE.course);
}

function findLesson(ctx: SessionContext, id: string): RuntimeLesson {
  for (const u of ctx.course.units) if (u.kind === 'lesson' && u.id === id) return u;
  throw new Error('unknown lesson ' + id);
}

function findScenario(ctx: SessionContext, id: string): RuntimeScenario {
  for (const u of ctx.course.units) if (u.kind === 'scenario' && u.id === id) return u;
  throw new Error('unknown scenario ' + id);
}

interface Parts {
  verb: VerbName;
  object: Activity;
  parent?: Activity[];
  grouping?: Activity[];
  result?: Statement['result'];
  dimension?: string | null;
}

function statement(ctx: SessionContext, p: Parts, at: number, id: string): Statement {
  const grouping = (p.grouping || []).slice();
  if (ctx.grouping) grouping.push({ objectType: 'Activity', id: ctx.grouping });
  const ca = {} as Statement['context']['contextActivities'];
  if (p.parent) ca.parent = p.parent;
  if (grouping.length) ca.grouping = grouping;
  ca.category = [ref(PROFILE_VERSION, TYPE.profile)];
  const context: Statement['context'] = {
    registration: ctx.registration,
    language: ctx.course.language,
    contextActivities: ca,
  };
  if (ctx.platform) context.platform = ctx.platform;
  if (p.dimension) context.extensions = { [EXT.dimension]: p.dimension };
  const s: Statement = {
    id,
    actor: ctx.actor,
    verb: verb(p.verb),
    object: p.object,
    context,
    timestamp: new Date(at).toISOString(),
  };
  if (p.result) s.result = p.result;
  return s;
}

export type SessionVerb = 'initialized' | 'resumed' | 'suspended' | 'terminated';

/** initialized / resumed / suspended / terminated, about the course. `sessionMs` for suspended and terminated. */
export function sessionStatement(
  ctx: SessionContext,
  v: SessionVerb,
  at: number,
  id: string,
  sessionMs?: number,
): Statement {
  const p: Parts = { verb: v, object: courseObject(ctx) };
  if (sessionMs !== undefined) p.result = { duration: isoDuration(sessionMs) };
  return statement(ctx, p, at, id);
}

function dimensionResults(result: CourseResult): Record<string, { score: number; status: string }> {
  const out: Record<string, { score: number; status: string }> = {};
  for (const d of result.dimensions) out[d.id] = { score: d.score, status: d.status };
  return out;
}

/** The statements one learning event produces, in order. */
export function eventStatements(ctx: SessionContext, ev: LearningEvent, nextId: () => string): Statement[] {
  const iri = ctx.iri;
  const at = ev.at;
  const out: Statement[] = [];
  const add = (p: Parts): void => {
    out.push(statement(ctx, p, at, nextId()));
  };
  switch (ev.type) {
    case 'page-viewed': {
      const lesson = findLesson(ctx, ev.lesson);
      const page = lesson.pages.find((pg) => pg.id === ev.page);
      if (!page) throw new Error('unknown page ' + ev.page);
      add({
        verb: 'experienced',
        object: activityObject(ctx, pageActivity(iri, lesson, page)),
        parent: [ref(activityId.lesson(iri, lesson.id), TYPE.module)],
        grouping: [courseRef(ctx)],
      });
      break;
    }
    case 'lesson-completed': {
      const lesson = findLesson(ctx, ev.lesson);
      add({
        verb: 'completed',
        object: activityObject(ctx, lessonActivity(iri, lesson)),
        parent: [courseRef(ctx)],
        result: { completion: true, duration: isoDuration(ev.durationMs) },
      });
      break;
    }
    case 'question-answered': {
      const found = questionsOf(ctx.course).find((x) => x.question.id === ev.question);
      if (!found) throw new Error('unknown question ' + ev.question);
      const q = found.question;
      add({
        verb: 'answered',
        object: activityObject(ctx, questionActivity(iri, q)),
        parent: [ref(activityId.lesson(iri, found.lesson.id), TYPE.module)],
        grouping: [courseRef(ctx)],
        dimension: q.dimension,
        result: {
          response: ev.response.map(choiceLetter).join('[,]'),
          success: ev.correct,
          score: score(ev.correct ? 100 : 0),
          duration: isoDuration(ev.latencyMs),
          extensions: { [EXT.countsForScore]: ev.first },
        },
      });
      break;
    }
    case 'scenario-choice': {
      const s = findScenario(ctx, ev.scenario);
      const scene = s.scenes.find((x) => x.id === ev.scene);
      if (!scene) throw new Error('unknown scene ' + ev.scene);
      const result: NonNullable<Statement['result']> = {
        response: choiceLetter(ev.choiceIndex),
        duration: isoDuration(ev.latencyMs),
        extensions: { [EXT.choiceQuality]: ev.quality, [EXT.countsForScore]: false },
      };
      // A neutral choice is neither right nor wrong: no success, no score.
      if (ev.quality !== 'neutral') {
        result.success = ev.quality === 'good';
        result.score = score(result.success ? 100 : 0);
      }
      add({
        verb: 'answered',
        object: activityObject(ctx, sceneActivity(iri, s, scene)),
        parent: [ref(activityId.scenario(iri, s.id), TYPE.simulation)],
        grouping: [courseRef(ctx)],
        dimension: s.dimension,
        result,
      });
      break;
    }
    case 'scenario-ended': {
      const s = findScenario(ctx, ev.scenario);
      const object = activityObject(ctx, scenarioActivity(iri, s));
      const ext = { [EXT.ending]: ev.scene, [EXT.countsForScore]: ev.first };
      const common = { object, parent: [courseRef(ctx)], dimension: s.dimension };
      const sc = score(ev.score);
      const duration = isoDuration(ev.durationMs);
      add({ ...common, verb: 'completed', result: { completion: true, score: sc, duration, extensions: ext } });
      add({
        ...common,
        verb: ev.outcome === 'pass' ? 'passed' : 'failed',
        result: { success: ev.outcome === 'pass', score: sc, duration, extensions: ext },
      });
      break;
    }
    case 'course-completed': {
      const r = ev.result;
      const object = courseObject(ctx);
      const sc = score(r.score);
      const duration = isoDuration(ev.durationMs);
      const ext = { [EXT.dimensionResults]: dimensionResults(r) };
      add({ verb: 'completed', object, result: { completion: true, score: sc, duration, extensions: ext } });
      if (r.status === 'passed' || r.status === 'failed') {
        add({
          verb: r.status,
          object,
          result: { success: r.status === 'passed', score: sc, duration, extensions: ext },
        });
      }
      break;
    }
  }
  return out;
}
