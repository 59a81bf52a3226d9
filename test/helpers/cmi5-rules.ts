/**
 * The cmi5 rules an LMS checks on the statements of one registration of one
 * AU (AICC cmi5 specification, quartz; § numbers are its sections), written
 * for the tests from the specification's text, independently of the player.
 * `cmi5Problems` returns every broken rule, as readable lines; none is good.
 *
 * It knows what the LMS itself launched with: the AU's activityId, the
 * publisher id, and per session its launchMode, masteryScore and the
 * contextTemplate it wrote to LMS.LaunchData.
 */
import type { Statement } from '../../src/player/transport/xapi-statements.js';

const CMI5 = 'https://w3id.org/xapi/cmi5/context/';
export const CMI5_CATEGORY = CMI5 + 'categories/cmi5';
export const MOVEON_CATEGORY = CMI5 + 'categories/moveon';
export const SESSION_EXT = CMI5 + 'extensions/sessionid';
export const MASTERY_EXT = CMI5 + 'extensions/masteryscore';
const VERB = 'http://adlnet.gov/expapi/verbs/';
/** §9.3: the verbs of cmi5 defined statements an AU may send (launched, abandoned, waived and satisfied are the LMS's). */
const AU_VERBS = ['initialized', 'completed', 'passed', 'failed', 'terminated'];

export interface Cmi5Session {
  id: string;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  contextTemplate: { contextActivities: { grouping: { id: string }[] }; extensions: Record<string, unknown> };
}

export interface Cmi5Launches {
  activityId: string;
  registration: string;
  sessions: Cmi5Session[];
}

type Any = Statement & { context: Statement['context'] & { contextActivities: Record<string, { id: string }[] | undefined> } };

const verbOf = (s: Statement): string => s.verb.id.replace(VERB, '');
const categories = (s: Any): string[] => (s.context.contextActivities.category || []).map((a) => a.id);
export const isDefined = (s: Statement): boolean => categories(s as Any).includes(CMI5_CATEGORY);

/** Every cmi5 rule the statements break; `list` is the registration's statements (the LMS's launched included), any order. */
export function cmi5Problems(list: Statement[], lms: Cmi5Launches): string[] {
  const out: string[] = [];
  const sorted = list.slice().sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  const name = (s: Statement, i: number) => `#${i} ${verbOf(s)} ${s.object.id}`;
  const au = sorted.filter((s) => verbOf(s) !== 'launched');

  // Per statement.
  sorted.forEach((raw, i) => {
    const s = raw as Any;
    const at = name(s, i);
    if (s.context.registration !== lms.registration) out.push(`${at}: registration ${s.context.registration}`);
    if (!s.actor.account || s.actor.objectType !== 'Agent') out.push(`${at}: the actor is not an Agent with an account (§9.2)`);
    const sid = s.context.extensions?.[SESSION_EXT];
    const session = lms.sessions.find((x) => x.id === sid);
    if (!session) {
      out.push(`${at}: no session id of the LMS's in the context (§9.6.3.1)`);
      return;
    }
    // §10.2.1: the template's values, unchanged.
    for (const g of session.contextTemplate.contextActivities.grouping) {
      if (!(s.context.contextActivities.grouping || []).some((a) => a.id === g.id)) out.push(`${at}: the template's grouping ${g.id} is missing (§9.6.2.3, §10.2.1)`);
    }
    for (const [k, v] of Object.entries(session.contextTemplate.extensions)) {
      if (JSON.stringify(s.context.extensions?.[k]) !== JSON.stringify(v)) out.push(`${at}: the template's extension ${k} is missing or changed (§10.2.1)`);
    }
    const cats = categories(s);
    const v = verbOf(s);
    if (v === 'launched') return;
    if (!isDefined(s)) {
      if (cats.includes(MOVEON_CATEGORY)) out.push(`${at}: an allowed statement with the moveOn category (§9.6.2.2)`);
      return;
    }
    if (!AU_VERBS.includes(v)) out.push(`${at}: ${v} is not a verb of an AU's cmi5 defined statement (§9.3)`);
    if (s.object.id !== lms.activityId) out.push(`${at}: the object is not the AU's activityId (§9.4)`);
    const r = s.result || {};
    if (r.score !== undefined && v !== 'passed' && v !== 'failed') out.push(`${at}: a score (§9.5.1)`);
    const success = v === 'passed' ? true : v === 'failed' ? false : undefined;
    if (r.success !== success) out.push(`${at}: success ${r.success} (§9.5.2)`);
    if (r.completion !== (v === 'completed' ? true : undefined)) out.push(`${at}: completion ${r.completion} (§9.5.3)`);
    if (v !== 'initialized' && !/^P/.test(r.duration || '')) out.push(`${at}: no duration (§9.5.4.1)`);
    const moveOn = r.success !== undefined || r.completion !== undefined;
    if (cats.includes(MOVEON_CATEGORY) !== moveOn) out.push(`${at}: moveOn category ${moveOn ? 'missing' : 'where it must not be'} (§9.6.2.2)`);
    if (session.launchMode !== 'Normal' && v !== 'initialized' && v !== 'terminated') out.push(`${at}: ${v} in ${session.launchMode} mode (§10.2.2)`);
    if (session.masteryScore !== undefined && (v === 'passed' || v === 'failed')) {
      const scaled = r.score?.scaled;
      if (scaled !== undefined && (v === 'passed' ? scaled < session.masteryScore : scaled >= session.masteryScore)) {
        out.push(`${at}: scaled ${scaled} against masteryScore ${session.masteryScore} (§9.3.4, §9.3.5)`);
      }
      if (s.context.extensions?.[MASTERY_EXT] !== session.masteryScore) out.push(`${at}: no masteryScore extension (§9.6.3.2)`);
    }
  });

  // Per session: initialized first, terminated last, no defined verb twice, one of passed/failed (§9.3, §7.1).
  for (const session of lms.sessions) {
    const all = sorted.filter((s) => s.context.extensions?.[SESSION_EXT] === session.id);
    const mine = au.filter((s) => all.includes(s));
    const launched = all.filter((s) => verbOf(s) === 'launched');
    if (launched.length !== 1) out.push(`session ${session.id}: ${launched.length} launched statements (§9.3.1)`);
    if (!mine.length) continue;
    if (launched[0] && launched[0].timestamp > mine[0]!.timestamp) out.push(`session ${session.id}: a statement before launched`);
    if (verbOf(mine[0]!) !== 'initialized' || !isDefined(mine[0]!)) out.push(`session ${session.id}: the first statement is ${verbOf(mine[0]!)}, not initialized (§9.3.2)`);
    const lastOne = mine[mine.length - 1]!;
    if (verbOf(lastOne) !== 'terminated' || !isDefined(lastOne)) out.push(`session ${session.id}: the last statement is ${verbOf(lastOne)}, not terminated (§9.3.8)`);
    const defined = mine.filter(isDefined).map(verbOf);
    const twice = defined.filter((v, i) => defined.indexOf(v) !== i);
    if (twice.length) out.push(`session ${session.id}: ${twice.join(', ')} twice (§9.3)`);
    if (defined.includes('passed') && defined.includes('failed')) out.push(`session ${session.id}: both passed and failed (§9.3)`);
  }

  // Per registration: completed and passed at most once, no failed after passed (§9.3).
  const defined = au.filter(isDefined).map(verbOf);
  for (const v of ['completed', 'passed']) {
    const n = defined.filter((x) => x === v).length;
    if (n > 1) out.push(`registration: ${n} ${v} statements (§9.3)`);
  }
  const passedAt = defined.indexOf('passed');
  if (passedAt >= 0 && defined.indexOf('failed', passedAt) > passedAt) out.push('registration: failed after passed (§9.3)');
  return out;
}
