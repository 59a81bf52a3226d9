/**
 * Markdown nested too deeply makes the Markdown parser recurse once per level:
 * a few thousand `>` or `- ` overflow its stack, and a few hundred nested lists
 * or emphasis spans take seconds to minutes (the work grows with the square or
 * cube of the depth). No reader can follow such text anyway, so it is refused
 * before the parser sees it, with a position the author can go to.
 */
import { fencedLines } from '../core/source.js';

/** Lists and blockquotes nested deeper than this are refused. */
export const MAX_BLOCK_NESTING = 32;
/** Emphasis (`*`, `_`) left open this many levels deep within one paragraph is refused. */
export const MAX_INLINE_NESTING = 64;

export interface DeepNesting {
  /** 0-based line within the text, 1-based column. */
  lineIndex: number;
  column: number;
  kind: 'block' | 'inline';
  limit: number;
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const WS = /\s/;
const PUNCT = /[\p{P}\p{S}]/u;

/**
 * Finds the first place where `text` nests deeper than the limits, or null.
 * Linear in the length of the text. It over-estimates rather than under-
 * estimates: the depth of a line's containers is at most its `>` and list
 * markers plus half its indentation, since every nested list item is indented
 * at least two columns more than its parent and every blockquote level needs
 * its own `>`.
 */
export function findDeepNesting(text: string): DeepNesting | null {
  const lines = text.split('\n');
  const code = fencedLines(lines);
  let open = 0;
  for (let li = 0; li < lines.length; li++) {
    if (code[li]) continue;
    const line = lines[li]!;
    if (line.trim() === '') {
      open = 0;
      continue;
    }
    const block = blockDepth(line);
    if (block) return { lineIndex: li, column: block, kind: 'block', limit: MAX_BLOCK_NESTING };
    const inline = emphasisDepth(line, open);
    if (typeof inline === 'object') return { lineIndex: li, column: inline.column, kind: 'inline', limit: MAX_INLINE_NESTING };
    open = inline;
  }
  return null;
}

/** The 1-based column where the line's container prefix goes past the limit, or 0. */
function blockDepth(line: string): number {
  if (THEMATIC_BREAK.test(line)) return 0;
  let ws = 0;
  let markers = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ') ws += 1;
    else if (c === '\t') ws += 4;
    else if (c === '>') markers++;
    else if ((c === '-' || c === '*' || c === '+') && isBlank(line[i + 1])) markers++;
    else {
      let j = i;
      while (j < line.length && j - i < 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j === i || (line[j] !== '.' && line[j] !== ')') || !isBlank(line[j + 1])) break;
      markers++;
      i = j;
    }
    if (markers > 0 && markers + Math.floor(ws / 2) > MAX_BLOCK_NESTING) return i + 1;
    i++;
  }
  return 0;
}

function isBlank(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t';
}

/**
 * Tracks how many emphasis levels are open, CommonMark-style: a delimiter run
 * opens when left-flanking, closes when right-flanking. Returns the new count,
 * or the column where it goes past the limit.
 */
function emphasisDepth(line: string, open: number): number | { column: number } {
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c !== '*' && c !== '_') {
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && line[j] === c) j++;
    const prev = i === 0 ? ' ' : line[i - 1]!;
    const next = j === line.length ? ' ' : line[j]!;
    const prevWs = WS.test(prev);
    const nextWs = WS.test(next);
    const prevPunct = PUNCT.test(prev);
    const nextPunct = PUNCT.test(next);
    const left = !nextWs && (!nextPunct || prevWs || prevPunct);
    const right = !prevWs && (!prevPunct || nextWs || nextPunct);
    const canOpen = c === '*' ? left : left && (!right || prevPunct);
    const canClose = c === '*' ? right : right && (!left || nextPunct);
    const weight = Math.ceil((j - i) / 2);
    if (canClose && (open > 0 || !canOpen)) {
      open = Math.max(0, open - weight);
    } else if (canOpen) {
      open += weight;
      if (open > MAX_INLINE_NESTING) return { column: i + 1 };
    }
    i = j;
  }
  return open;
}
