import type { Diagnostics } from '../core/diagnostics.js';
import { fencedLines } from '../core/source.js';

export interface Line {
  text: string;
  /** 1-based line in the author's file. */
  line: number;
  /** Inside a fenced code block: never structure. */
  code: boolean;
}

export interface Section {
  heading: { text: string; line: number; column: number } | null;
  lines: Line[];
}

export type Segment =
  | { kind: 'markdown'; lines: Line[] }
  | { kind: 'block'; name: string; attrs: string | null; attrsColumn: number; open: Line; lines: Line[] };

// `(.*)` then trim, not `(.*?)[ \t]*$`: the lazy form backtracks quadratically on a long run of spaces.
const H2 = /^##(?!#)(?:[ \t]+(.*))?$/;
const OPEN = /^:::[ \t]*([A-Za-z][\w-]*)[ \t]*(\{[^{}]*\})?[ \t]*$/;
const CLOSE = /^:::[ \t]*$/;
/** Nested under a list item: a choice's continuation and feedback lines. */
export const INDENTED = /^(?: {2,}|\t)/;
/** A `> blockquote` line, the form of a choice's feedback; group 1 is its text. */
export const QUOTE = /^\s*>[ \t]?(.*)$/;

/** Lines with fenced code marked, so `##` or `:::` inside code stays code. */
export function toLines(body: string, firstLine: number): Line[] {
  const texts = body.split('\n');
  const code = fencedLines(texts);
  return texts.map((text, i) => ({ text, line: firstLine + i, code: code[i]! }));
}

/** Splits at every `## heading`; the first section holds what comes before the first heading. */
export function splitSections(lines: Line[]): Section[] {
  const sections: Section[] = [{ heading: null, lines: [] }];
  for (const l of lines) {
    const m = l.code ? null : H2.exec(l.text);
    if (m) sections.push({ heading: { text: (m[1] ?? '').trim(), line: l.line, column: m[1]?.trim() ? l.text.indexOf(m[1]) + 1 : 3 }, lines: [] });
    else sections[sections.length - 1]!.lines.push(l);
  }
  return sections;
}

/** Splits a section into Markdown runs and `::: name {attrs}` … `:::` blocks. */
export function splitBlocks(lines: Line[], file: string, diags: Diagnostics): Segment[] {
  const segments: Segment[] = [];
  let current: Extract<Segment, { kind: 'block' }> | null = null;
  let run: Line[] = [];
  const flush = () => {
    if (run.some((l) => l.text.trim() !== '')) segments.push({ kind: 'markdown', lines: run });
    run = [];
  };
  for (const l of lines) {
    if (!l.code && current && CLOSE.test(l.text)) {
      segments.push(current);
      current = null;
      continue;
    }
    const open = l.code ? null : OPEN.exec(l.text);
    if (open) {
      if (current) {
        diags.report('IR211', { file, line: l.line, column: 1 }, `\`::: ${open[1]}\` opened inside \`::: ${current.name}\` (line ${current.open.line})`);
        // Kept as a blank line: the lines of a segment must stay contiguous for positions to be right.
        current.lines.push({ ...l, text: '' });
        continue;
      }
      flush();
      const attrs = open[2] ? open[2].slice(1, -1) : null;
      current = { kind: 'block', name: open[1]!, attrs, attrsColumn: open[2] ? l.text.indexOf('{') + 1 : 0, open: l, lines: [] };
      continue;
    }
    if (!l.code && !current && CLOSE.test(l.text)) {
      diags.report('IR202', { file, line: l.line, column: 1 }, '`:::` closes no open block', 'Remove the stray `:::` or open a block before it.');
      run.push({ ...l, text: '' });
      continue;
    }
    if (current) current.lines.push(l);
    else run.push(l);
  }
  if (current) {
    diags.report('IR202', { file, line: current.open.line, column: 1 }, `\`::: ${current.name}\` is never closed`);
    segments.push(current);
  }
  flush();
  return segments;
}

export function joinLines(lines: Line[]): string {
  return lines.map((l) => l.text).join('\n');
}

/** Column where a `> feedback` line's text starts, so positions inside it point at the author's text. */
export function quoteColumn(line: string): number {
  const m = QUOTE.exec(line);
  return m ? line.length - m[1]!.trimStart().length + 1 : 1;
}
