/**
 * How a typed question's responses are spelt in each target's records (issue
 * 12): the compiler uses these for the correct-response patterns it puts in
 * `rec` (src/render/records.ts), and player-assess.js for the learner's
 * response it hands the engine as `text`, so that a pattern and a response of
 * the same question always use the same identifiers and delimiters. The
 * transports in the first page's bundle only copy the strings.
 *
 * Citations:
 * - "RTE 1.2" is the SCORM Version 1.2 Run-Time Environment (ADL, 2001),
 *   §3.4.4 cmi.interactions.n.student_response and
 *   cmi.interactions.n.correct_responses.n.pattern, whose format depends on
 *   cmi.interactions.n.type (CMIFeedback: CMIString255).
 * - "RTE 2004" is the SCORM 2004 4th Edition Run-Time Environment 1.1 (ADL,
 *   2009), §4.2.9.1 correct_responses.n.pattern and §4.2.9.2 learner_response.
 * - "xAPI" is xAPI 1.0.3, Data.md §2.4.4.1 (Interaction Activities, Response
 *   Patterns): the same delimiters as RTE 2004 for result.response and
 *   correctResponsesPattern.
 */
import type { RuntimeQuestion, TargetId } from './runtime-types.js';

/** Choice ids in interactions: `a`, `b`, … `z`; the same letters SCORM 1.2 records, since IR221 allows at most 26 choices (`aa`, `ab` … past that). */
export function choiceLetter(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** RTE 1.2 spells lists and pairs with bare `,` and `.`; RTE 2004 and xAPI with the bracketed `[,]`, `[.]`. */
const v12 = (target: TargetId): boolean => target === 'scorm12';

/** RTE 1.2 §3.4.4, RTE 2004 §4.2.9.2, xAPI: members of a choice, sequencing or matching response. */
export const list = (target: TargetId, items: string[]): string => items.join(v12(target) ? ',' : '[,]');

/** RTE 1.2 §3.4.4 (matching `1.a`), RTE 2004 §4.2.9.1 and xAPI (`1[.]a`): one source–target pair. */
export const pair = (target: TargetId, source: string, tgt: string): string => source + (v12(target) ? '.' : '[.]') + tgt;

/** A matching source's id: `1`…`9`, single characters as RTE 1.2 requires (the parser allows at most 8 pairs). */
export const sourceId = (i: number): string => String(i + 1);

/** RTE 1.2 §3.4.4 true-false: `t` / `f` (it also allows `0`/`1`); RTE 2004 §4.2.9.2 and xAPI: `true` / `false`. */
export const truth = (target: TargetId, value: boolean): string => (v12(target) ? (value ? 't' : 'f') : String(value));

/**
 * A number as RTE 1.2's CMIDecimal, RTE 2004's real(10,7) and xAPI's numeric
 * response read it: digits and a decimal point, never an exponent (`1e-7`).
 */
export function decimal(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(18).replace(/\.?0+$/, '') : s;
}

/** The learner's number, typed with a decimal comma or point (`2,5` = 2.5); NaN when it is not one. */
export function parseNumber(typed: string): number {
  const t = typed.trim().replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

/** ASSESS §1: a fill-in answer has at most 250 characters, which fits RTE 1.2's 255 and RTE 2004's localized string (SPM 250). */
export const FILL_IN_MAX = 250;

/**
 * A fill-in text as one member of an RTE 2004 / xAPI bag of strings: `[,]`
 * inside it would split it in two, and a leading `{` would read as a
 * `{lang=…}`-style delimiter (RTE 2004 §4.2.9.1, xAPI Response Patterns), so
 * both are broken up. RTE 1.2's fill-in is free text ("spaces are
 * significant") and is kept as it is.
 */
export function fillText(target: TargetId, text: string): string {
  const t = text.slice(0, FILL_IN_MAX);
  return v12(target) ? t : t.replace(/^\{+/, '').split('[,]').join('[ ,]');
}

/**
 * The learner's answer (ASSESS §3's encoding) in the target's response
 * format, for `cmi.interactions.n.student_response` (RTE 1.2),
 * `learner_response` (RTE 2004) or `result.response` (xAPI):
 * - true-false: `t`/`f` (1.2), `true`/`false`;
 * - fill-in: what the learner typed (`typed`), trimmed; without it (an
 *   answer restored from the saved state) the listed answer it matched, or
 *   nothing for "any other answer";
 * - numeric: the number typed, with a decimal point; without it, the lower
 *   bound of the range it matched (a value of that range);
 * - matching: `1.a,2.b` (1.2) / `1[.]a[,]2[.]b`, sources left unmatched omitted;
 * - sequencing and choice: the steps' / choices' letters in the learner's
 *   order, `a,b` (1.2) / `a[,]b`.
 */
export function responseText(target: TargetId, q: RuntimeQuestion, answer: number[], typed?: string): string {
  const item = q.choices[answer[0]!];
  if (q.type === 'true-false') return truth(target, answer[0] === 0);
  if (q.type === 'fill-in') return fillText(target, typed !== undefined ? typed.trim() : item && !item.other ? item.text : '');
  if (q.type === 'numeric') {
    const n = typed !== undefined ? parseNumber(typed) : item && item.range && !item.other ? item.range[0] : NaN;
    return isNaN(n) ? '' : decimal(n);
  }
  if (q.type === 'matching') {
    const m = q.targets ? q.targets.length : 0;
    const pairs: string[] = [];
    answer.forEach((t, i) => t >= 0 && t < m && pairs.push(pair(target, sourceId(i), choiceLetter(t))));
    return list(target, pairs);
  }
  return list(target, answer.map(choiceLetter));
}

/** A Likert point (1…scale) as RTE 1.2's single character, RTE 2004's short_identifier_type and the xAPI `scale` id. */
export const likertId = (value: number): string => String(value);
