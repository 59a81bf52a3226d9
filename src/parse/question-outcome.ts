import type { Diagnostics } from '../core/diagnostics.js';
import type { Markdown } from '../core/model.js';
import { QUOTE, quoteColumn, type Line } from './blocks.js';

/** `> [x] shown when right` / `> [ ] shown when wrong`, not indented: a question's outcome feedback. */
const OUTCOME = /^ ?>[ \t]?\[([^\]]{0,2})\](?:[ \t]+(.*))?$/;

export interface Outcome {
  right: Markdown | null;
  wrong: Markdown | null;
}

/**
 * Splits the outcome feedback off the end of a question's lines: from the
 * first outcome line on, everything belongs to it. Returns the lines before
 * it and the outcome (null when the question has none).
 */
export function splitOutcome(lines: Line[], from: number, file: string, diags: Diagnostics): { lines: Line[]; outcome: Outcome | null } {
  const start = lines.findIndex((l, i) => i >= from && !l.code && OUTCOME.test(l.text));
  if (start < 0) return { lines, outcome: null };
  const outcome: Outcome = { right: null, wrong: null };
  let current: { right: boolean; lines: Line[]; first: Line; text: string; column: number } | null = null;
  const finish = () => {
    if (!current) return;
    const text = [current.text, ...current.lines.map((l) => QUOTE.exec(l.text)?.[1] ?? '')].join('\n').trim();
    const key = current.right ? 'right' : 'wrong';
    const at = { file, line: current.first.line, column: current.column };
    if (!text) diags.report('IR249', at, `this outcome feedback has no text`);
    else if (outcome[key]) diags.report('IR249', at, `a second \`> [${current.right ? 'x' : ' '}]\` outcome feedback (the first is line ${outcome[key]!.at.line})`, 'Write one `> [x]` (shown when the answer is right) and one `> [ ]` (shown when it is wrong).');
    else outcome[key] = { text, at };
    current = null;
  };
  for (const l of lines.slice(start)) {
    const m = l.code ? null : OUTCOME.exec(l.text);
    if (m) {
      finish();
      if (!/^[ xX]$/.test(m[1]!)) {
        diags.report('IR249', { file, line: l.line, column: l.text.indexOf('[') + 1 }, `\`[${m[1]}]\` is not an outcome marker`, 'Write `> [x]` for the feedback shown when the answer is right, `> [ ]` for when it is wrong.');
      }
      const text = m[2] ?? '';
      current = { right: m[1]!.trim() !== '', lines: [], first: l, text, column: text ? l.text.length - text.length + 1 : quoteColumn(l.text) };
    } else if (l.text.trim() === '') {
      if (current) current.lines.push(l);
    } else if (current && QUOTE.test(l.text)) {
      current.lines.push(l);
    } else {
      diags.report('IR249', { file, line: l.line, column: 1 }, 'text after the outcome feedback', 'Outcome feedback `> [x]` / `> [ ]` comes last in the question, after the list.');
    }
  }
  finish();
  return { lines: lines.slice(0, start), outcome };
}
