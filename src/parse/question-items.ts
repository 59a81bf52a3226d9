import type { Diagnostics } from '../core/diagnostics.js';
import type { Markdown } from '../core/model.js';
import { INDENTED, QUOTE, quoteColumn, type Line } from './blocks.js';

// Any one or two characters in the brackets, so `[v]`, `[✓]` or `[]` are read as choices too, and
// reported as a marker to fix (IR215) rather than swallowed into the prompt.
export const CHOICE = /^[-*+][ \t]+\[([^\]]{0,2})\](?:[ \t]+(.*))?$/;

/** One task-list item `- [x] label` with its `  > feedback`, as written. */
export interface TaskItem {
  label: Markdown;
  correct: boolean;
  feedback: Markdown | null;
}

/**
 * Reads the task list of a question (choice, true-false, fill-in, numeric):
 * each item with its continuation lines and nested `> feedback`. Lines that
 * belong to no item are reported (IR215).
 */
export function readTaskItems(lines: Line[], file: string, diags: Diagnostics): TaskItem[] {
  const items: TaskItem[] = [];
  let current: { label: Line; extra: Line[]; feedback: Line[]; correct: boolean } | null = null;
  const finish = () => {
    if (!current) return;
    const m = CHOICE.exec(current.label.text)!;
    // Continuation lines stay lines, as written: positions inside a label spanning lines stay right.
    const labelSource = [m[2] ?? '', ...current.extra.map((l) => l.text)].join('\n').trimEnd();
    if (!labelSource.trim()) diags.report('IR215', { file, line: current.label.line, column: 1 }, 'this choice has no text');
    items.push({
      label: { text: labelSource, at: { file, line: current.label.line, column: current.label.text.indexOf(']') + 3 } },
      correct: current.correct,
      feedback: feedbackOf(current.feedback, file),
    });
    current = null;
  };
  for (const l of lines) {
    const m = l.code ? null : CHOICE.exec(l.text);
    if (m) {
      finish();
      if (!/^[ xX]$/.test(m[1]!)) {
        diags.report('IR215', { file, line: l.line, column: l.text.indexOf('[') + 1 }, `\`[${m[1]}]\` is not a choice marker`, 'Mark a correct choice `- [x]` and any other `- [ ]` (a space between the brackets).');
      }
      current = { label: l, extra: [], feedback: [], correct: m[1]!.trim() !== '' };
    } else if (l.text.trim() === '') {
      // Inside feedback a blank line is kept, so the feedback's lines stay contiguous and positions right.
      if (current && current.feedback.length > 0) current.feedback.push(l);
      continue;
    } else if (current && !INDENTED.test(l.text) && QUOTE.test(l.text)) {
      // Feedback indented less than two spaces: said once here, and still taken as the choice's feedback (no IR219 too).
      diags.report('IR215', { file, line: l.line, column: 1 }, 'this feedback is not indented under its choice', 'Feedback is a `> ` line indented at least two spaces under its choice.');
      current.feedback.push(l);
    } else if (current && INDENTED.test(l.text)) {
      if (QUOTE.test(l.text) || current.feedback.length > 0) current.feedback.push(l);
      else current.extra.push(l);
    } else {
      diags.report('IR215', { file, line: l.line, column: 1 }, 'text after the choices is not part of any choice', 'Indent feedback under its choice by two spaces, `  > feedback`, and put the prompt before the first choice.');
    }
  }
  finish();
  return items;
}

/** The `> …` lines of a feedback as Markdown positioned at the first one's text; null when there is none. */
export function feedbackOf(lines: Line[], file: string): Markdown | null {
  const text = lines.map((l) => QUOTE.exec(l.text)?.[1] ?? l.text.trim()).join('\n').trim();
  return text ? { text, at: { file, line: lines[0]!.line, column: quoteColumn(lines[0]!.text) } } : null;
}

/** Labels compared the way a learner reads them: whitespace runs as one space, case ignored. */
export function reportDuplicates(labels: Markdown[], what: string, diags: Diagnostics, key: (flat: string) => string = (s) => s.toLowerCase()): void {
  const seen = new Map<string, number>();
  for (const label of labels) {
    const flat = label.text.replace(/\s+/g, ' ').trim();
    const k = key(flat);
    if (seen.has(k)) diags.report('IR218', label.at, `${what} \`${flat}\` appears twice in this question (also line ${seen.get(k)})`);
    else seen.set(k, label.at.line);
  }
}
