/**
 * A learner's answer to a question of any type, as `number[]` (ASSESS.md §3):
 * - choice: the chosen indexes, ascending; true-false: [0] true, [1] false;
 * - fill-in / numeric: [the matched item] (the `other` item, or `choices.length`
 *   when nothing listed matched and there is no `other` item);
 * - matching: per source, the index of the target chosen;
 * - sequencing: the step indexes in the learner's order.
 *
 * Each question type has A possible answers (`answerCount`), and each answer
 * one code in [0, A) (`toCode` / `fromCode`), so the state codec stores any
 * answer in a field of known radix. A choice question's code is what the codec
 * has always written (the choice, or the chosen set as a bitmask minus one), so
 * existing states read the same.
 *
 * The player's first page carries only `choiceRight`; the rest loads with
 * player-assess.js (see src/shared/assess.ts).
 */
import type { RuntimeQuestion } from './runtime-types.js';

/** A choice (or true-false) answer is exactly the set of correct choices (SPEC §3). */
export function choiceRight(q: RuntimeQuestion, a: number[]): boolean {
  return a.length > 0 && q.choices.every((c, i) => c.correct === a.indexOf(i) >= 0);
}

function factorial(n: number): number {
  return n > 1 ? n * factorial(n - 1) : 1;
}

/** How many different answers the question has (A). */
export function answerCount(q: RuntimeQuestion): number {
  const k = q.choices.length;
  switch (q.type) {
    case 'true-false':
      return 2;
    case 'fill-in':
    case 'numeric':
      return k + 1;
    case 'matching':
      return q.targets!.length ** k;
    case 'sequencing':
      return factorial(k);
    default:
      return q.multiple ? 2 ** k - 1 : k;
  }
}

/** The answer's code in [0, answerCount(q)); an answer that is not one of the question's gives a code out of that range, or NaN. */
export function toCode(q: RuntimeQuestion, a: number[]): number {
  const k = q.choices.length;
  let code = 0;
  if (q.type === 'matching') {
    // Mixed radix, source 0 the most significant digit.
    if (a.length !== k) return NaN;
    for (const t of a) code = code * q.targets!.length + (t >= 0 && t < q.targets!.length ? t : NaN);
  } else if (q.type === 'sequencing') {
    // Lehmer code: per position, how many of the steps after it come before it in the correct order.
    if (a.length !== k || new Set(a).size !== k) return NaN;
    a.forEach((s, i) => {
      code = code * (k - i) + a.slice(i + 1).filter((t) => t < s).length;
      if (!(s >= 0 && s < k)) code = NaN;
    });
  } else if (q.multiple && !q.type) {
    code = -1;
    for (const c of a) code += 2 ** c;
  } else code = a.length === 1 ? a[0]! : NaN;
  return code;
}

/** The answer of a code made by `toCode` (the inverse on [0, answerCount(q))). */
export function fromCode(q: RuntimeQuestion, code: number): number[] {
  const k = q.choices.length;
  const a: number[] = [];
  if (q.type === 'matching') {
    const m = q.targets!.length;
    for (let i = 0; i < k; i++, code = Math.floor(code / m)) a.unshift(code % m);
  } else if (q.type === 'sequencing') {
    const digits: number[] = [];
    for (let i = 1; i <= k; i++) {
      digits.unshift(code % i);
      code = Math.floor(code / i);
    }
    const left = q.choices.map((_, i) => i);
    for (const d of digits) a.push(left.splice(d, 1)[0]!);
  } else if (q.multiple && !q.type) {
    for (let c = 0; c < k; c++) if (Math.floor((code + 1) / 2 ** c) % 2) a.push(c);
  } else a.push(code);
  return a;
}

/** Whether the answer is right: the exact set of correct choices, an accepted item, every pair, the correct order. */
export function isRight(q: RuntimeQuestion, a: number[]): boolean {
  const k = q.choices.length;
  switch (q.type) {
    case 'fill-in':
    case 'numeric':
      return a.length === 1 && !!q.choices[a[0]!] && q.choices[a[0]!]!.correct;
    case 'matching':
      return a.length === k && q.match!.every((t, i) => a[i] === t);
    case 'sequencing':
      return a.length === k && a.every((s, i) => s === i);
    default:
      return choiceRight(q, a);
  }
}

/** The item for an answer nothing listed matched: the `*` item, else `choices.length`. */
function otherIndex(q: RuntimeQuestion): number {
  const i = q.choices.findIndex((c) => c.other);
  return i < 0 ? q.choices.length : i;
}

/** The first listed item (not `*`) that `hit` accepts, else the other index. */
function firstListed(q: RuntimeQuestion, hit: (c: RuntimeQuestion['choices'][number]) => boolean): number {
  const i = q.choices.findIndex((c) => !c.other && hit(c));
  return i < 0 ? otherIndex(q) : i;
}

/**
 * Fill-in: the item the typed text matches. By default case, spaces (trimmed,
 * runs collapsed) and diacritics (NFD, combining marks stripped) do not
 * matter; each letter of `q.norm` (`c`, `s`, `d`) makes one of them matter.
 */
export function matchFillIn(q: RuntimeQuestion, typed: string): number {
  const keep = q.norm || '';
  const norm = (s: string) => {
    s = s.normalize('NFD');
    if (keep.indexOf('d') < 0) s = s.replace(/[\u0300-\u036f]/g, '');
    if (keep.indexOf('s') < 0) s = s.trim().replace(/\s+/g, ' ');
    return keep.indexOf('c') < 0 ? s.toLowerCase() : s;
  };
  const t = norm(typed);
  return firstListed(q, (c) => norm(c.text) === t);
}

/**
 * Numeric: the item whose range holds the typed number. `2,5` and `2.5` are
 * the same number; thousands separators and anything else that is not one
 * number give the other index.
 */
export function matchNumeric(q: RuntimeQuestion, typed: string): number {
  const s = typed.trim().replace(',', '.');
  const v = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
  return firstListed(q, (c) => !!c.range && v >= c.range[0] && v <= c.range[1]);
}
