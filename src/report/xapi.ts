/**
 * xAPI statements (docs/xapi.md) into record events: answered questions and
 * scene choices, scenario endings, course completion; everything else about
 * the course marks the attempt as seen. The learner is the actor's one
 * identifier; the attempt is the registration.
 */
import { EXT_COUNTS_FOR_SCORE, EXT_ENDING } from '../shared/activity-ids.js';
import type { Aggregator } from './aggregate.js';
import { responseMask } from './course-map.js';
import type { RecordAt, Who } from './types.js';

const ANSWERED = 'http://adlnet.gov/expapi/verbs/answered';
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
/** xAPI 1.0.3 Data §2.4.8: voiding. */
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

interface Agentish {
  mbox?: unknown;
  mbox_sha1sum?: unknown;
  openid?: unknown;
  account?: { homePage?: unknown; name?: unknown };
  member?: unknown;
}

interface StatementLike {
  actor?: Agentish;
  verb?: { id?: unknown };
  object?: { id?: unknown; objectType?: unknown; definition?: { correctResponsesPattern?: unknown } };
  result?: { response?: unknown; score?: { raw?: unknown }; extensions?: Record<string, unknown> };
  context?: {
    registration?: unknown;
    platform?: unknown;
    team?: { name?: unknown };
    extensions?: Record<string, unknown>;
    contextActivities?: { grouping?: { id?: unknown }[] };
  };
  timestamp?: unknown;
  stored?: unknown;
}

/** The actor's identifier as one string (xAPI: exactly one of mbox, mbox_sha1sum, openid, account). */
export function actorKey(actor: Agentish | undefined): string | null {
  if (!actor || typeof actor !== 'object') return null;
  if (typeof actor.mbox === 'string') return actor.mbox;
  if (typeof actor.mbox_sha1sum === 'string') return 'sha1:' + actor.mbox_sha1sum;
  if (typeof actor.openid === 'string') return actor.openid;
  const a = actor.account;
  if (a && typeof a.name === 'string') return `${typeof a.homePage === 'string' ? a.homePage : ''}|${a.name}`;
  return null;
}

/** The `--group-by` field of a statement: a context extension IRI, or `platform`, `grouping`, `homePage`, `team`. */
export function groupValue(s: StatementLike, field: string, courseIds: Set<string>): string | null {
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  if (field === 'platform') return text(s.context?.platform);
  if (field === 'team') return text(s.context?.team?.name);
  if (field === 'homePage') return text(s.actor?.account?.homePage);
  if (field === 'grouping') {
    for (const g of s.context?.contextActivities?.grouping ?? []) {
      const id = text(g?.id);
      if (id && !courseIds.has(id)) return id;
    }
    return null;
  }
  return text(s.context?.extensions?.[field]);
}

/** One statement into the aggregator. */
export function readStatement(value: unknown, at: RecordAt, agg: Aggregator, groupBy: string | null): void {
  agg.record();
  const s = value as StatementLike;
  if (!s || typeof s !== 'object' || Array.isArray(s)) return agg.skip(at, 'not a statement object');
  const learner = actorKey(s.actor);
  const objectId = typeof s.object?.id === 'string' ? s.object.id : null;
  const verb = typeof s.verb?.id === 'string' ? s.verb.id : null;
  if (!learner || !objectId || !verb) return agg.skip(at, !learner ? 'a statement without an actor identifier' : 'a statement without verb or object id');
  // A voiding statement's object is the statement it voids, not an activity; the voided one was read as it came.
  if (verb === VOIDED) return agg.skip(at, 'a voiding statement (export without voided statements, as the Statements API gives them)');
  const { map } = agg;
  const target = map.byActivity.get(objectId);
  if (!target) return agg.unknownRecord(at, objectId);
  const when = typeof s.timestamp === 'string' ? s.timestamp : typeof s.stored === 'string' ? s.stored : '';
  const who: Who = {
    learner,
    attempt: typeof s.context?.registration === 'string' ? s.context.registration : '',
    order: when,
    group: groupBy ? groupValue(s, groupBy, map.courseIds) : undefined,
    tellsCompletion: true,
  };
  const ext = s.result?.extensions ?? {};
  const first = typeof ext[EXT_COUNTS_FOR_SCORE] === 'boolean' ? (ext[EXT_COUNTS_FOR_SCORE] as boolean) : undefined;
  const response = typeof s.result?.response === 'string' ? s.result.response : null;
  if (verb === ANSWERED && target.kind === 'question') {
    const mask = response === null ? null : responseMask(response, target.q.question.choices.length);
    if (mask === null) return agg.skip(at, `${target.q.question.id}: response \`${response}\``);
    const pattern = s.object?.definition?.correctResponsesPattern;
    const correctPattern = Array.isArray(pattern) && typeof pattern[0] === 'string' ? pattern[0] : undefined;
    return agg.add({ ...who, kind: 'answer', question: target.q.index, mask, ...(first === undefined ? {} : { first }), ...(correctPattern === undefined ? {} : { correctPattern }) }, at);
  }
  if (verb === ANSWERED && target.kind === 'scene') {
    const count = target.s.scenario.scenes[target.scene]!.choices.length;
    const mask = response === null ? null : responseMask(response, count);
    if (mask === null || mask & (mask - 1)) return agg.skip(at, `${objectId}: response \`${response}\``);
    return agg.add({ ...who, kind: 'choice', scenario: target.s.index, scene: target.scene, choice: 31 - Math.clz32(mask), at: when }, at);
  }
  if (verb === COMPLETED && target.kind === 'scenario') {
    const ending = typeof ext[EXT_ENDING] === 'string' ? target.s.scenes.get(ext[EXT_ENDING] as string) : undefined;
    if (ending !== undefined && target.s.scenario.scenes[ending]!.ending) {
      return agg.add({ ...who, kind: 'ending', scenario: target.s.index, scene: ending, ...(first === undefined ? {} : { first }) }, at);
    }
  }
  if (verb === COMPLETED && target.kind === 'course') {
    const raw = s.result?.score?.raw;
    return agg.add({ ...who, kind: 'course-completed', score: typeof raw === 'number' ? raw : null }, at);
  }
  agg.add({ ...who, kind: 'seen' }, at);
}
