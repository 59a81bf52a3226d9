/**
 * What makes an xAPI statement a cmi5 one (AICC cmi5 specification, quartz;
 * § numbers below are its sections). Pure: statements in, statements out.
 *
 * - §7.1.3: "cmi5 defined" statements carry the cmi5 category activity and the
 *   LMS's context template; "cmi5 allowed" ones (the course's own: pages,
 *   answers, scene choices, lessons, scenarios) carry the template but not
 *   that category.
 * - §10.2.1: the template is the base of every statement's context; what the
 *   AU adds never overwrites a value of the template's.
 */
import type { Activity, Statement } from './xapi-statements.js';

const CMI5 = 'https://w3id.org/xapi/cmi5/context/';
/** §9.6.2.1: the category activity of a cmi5 defined statement. */
export const CATEGORY_CMI5 = CMI5 + 'categories/cmi5';
/** §9.6.2.2: on defined statements whose result has `success` or `completion`, and on no others. */
export const CATEGORY_MOVEON = CMI5 + 'categories/moveon';
/** §9.6.3.1: the LMS's session id, which arrives in the context template. */
export const EXT_SESSION_ID = CMI5 + 'extensions/sessionid';
/** §9.6.3.2: the LMS's masteryScore, on a passed or failed judged by it. */
export const EXT_MASTERY_SCORE = CMI5 + 'extensions/masteryscore';

type Json = Record<string, unknown>;

/**
 * §10.2.1: the statement's context rebuilt on a copy of `template`: the
 * template's values stay; the AU's are added where the template has none;
 * context activity lists are joined (the template's first, an id once).
 */
export function withTemplate(s: Statement, template: Json): Statement {
  const c = JSON.parse(JSON.stringify(template)) as Json;
  const ours = s.context as unknown as Json;
  for (const k in ours) {
    const mine = ours[k] as Json;
    if (k === 'contextActivities' || k === 'extensions') {
      const into = (c[k] || (c[k] = {})) as Json;
      for (const n in mine) {
        if (k === 'extensions') {
          if (!(n in into)) into[n] = mine[n];
          continue;
        }
        // xAPI allows a single activity where a list is meant.
        const list = ([] as Activity[]).concat((into[n] as Activity[]) || []);
        for (const a of mine[n] as Activity[]) if (!list.some((x) => x.id === a.id)) list.push(a);
        into[n] = list;
      }
    } else if (!(k in c)) c[k] = mine;
  }
  s.context = c as unknown as Statement['context'];
  return s;
}

/** §7.1.3, §9.6.2: makes `s` cmi5 defined: the cmi5 category, and moveOn's when its result has success or completion. */
export function defined(s: Statement): Statement {
  const ca = s.context.contextActivities;
  const r = s.result;
  const add = [CATEGORY_CMI5].concat(r && (r.success !== undefined || r.completion !== undefined) ? [CATEGORY_MOVEON] : []);
  ca.category = (ca.category || []).concat(add.map((id) => ({ objectType: 'Activity', id })));
  return s;
}

/**
 * The cmi5 defined completed and passed/failed of the course, from the
 * statements the xAPI target makes of its completion (completed, then
 * passed/failed, both with the score and the dimension results):
 * - §9.5.1: only passed and failed may carry a score; a course with nothing
 *   to score passes without one (SPEC §3), as no score can then contradict
 *   the masteryScore (§9.3.4);
 * - §9.6.3.2: passed/failed judged by the LMS's masteryScore say so.
 */
export function satisfaction(list: Statement[], scored: boolean, mastery: number | null): Statement[] {
  return list.map((s, i) => {
    if (!i || !scored) delete s.result!.score;
    if (i && mastery !== null) {
      const ext = (s.context.extensions = s.context.extensions || {});
      if (!(EXT_MASTERY_SCORE in ext)) ext[EXT_MASTERY_SCORE] = mastery;
    }
    return defined(s);
  });
}
