/**
 * From what a learner typed to the answer the state keeps (ASSESS.md §3): the
 * index of the author's item it matches, the `*` item's index when none
 * does, or `choices.length` when the question has no `*` item.
 */
import type { RuntimeQuestion } from '../../shared/runtime-types';

/** Fill-in comparison: what the author's `norm` letters do not name is ignored (c: case, s: spaces, d: diacritics). */
export function normalise(text: string, norm = ''): string {
  let t = text;
  if (norm.indexOf('s') < 0) t = t.trim().replace(/\s+/g, ' ');
  if (norm.indexOf('d') < 0) t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (norm.indexOf('c') < 0) t = t.toLowerCase();
  return t;
}

/** A number as a learner may write it: `2,5` or `2.5`, a sign, spaces around. NaN when it is not one. */
export function readNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

const otherIndex = (q: RuntimeQuestion): number => {
  const i = q.choices.findIndex((c) => c.other);
  return i < 0 ? q.choices.length : i;
};

/** The item a typed answer is: fill-in by its normalised text, numeric by the first range holding the value. */
export function typedIndex(q: RuntimeQuestion, text: string): number {
  const n = q.type === 'numeric' ? readNumber(text) : 0;
  const want = normalise(text, q.norm);
  const i = q.choices.findIndex((c) =>
    !c.other && (q.type === 'numeric' ? !!c.range && n >= c.range[0] && n <= c.range[1] : normalise(c.text, q.norm) === want));
  return i < 0 ? otherIndex(q) : i;
}
