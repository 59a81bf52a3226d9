/**
 * Matching (`- source -> target`) and sequencing (`1. step`, in the correct
 * order) questions: plain lists, no `[ ]` markers, feedback per outcome only.
 */
import type { Diagnostics } from '../core/diagnostics.js';
import type { Markdown, QuestionChoice } from '../core/model.js';
import { INDENTED, QUOTE, type Line } from './blocks.js';
import { reportDuplicates } from './question-items.js';

export const MATCH_ITEM = /^[-*+][ \t]+(.*)$/;
export const STEP = /^\d{1,9}[.)][ \t]+(.*)$/;
/** 2–8: enough to be a task, few enough to answer with one select per source (and to keep the state small). */
export const MIN_ITEMS = 2;
export const MAX_ITEMS = 8;
/** SCORM 1.2 names targets with the letters a–z. */
const MAX_TARGETS = 26;

const SEPARATOR = '->';

/** An item's text from the column `from` (0-based) on, positioned where it starts. */
function piece(l: Line, from: number, to: number, file: string): Markdown {
  const raw = l.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  return { text: raw.trim(), at: { file, line: l.line, column: from + lead + 1 } };
}

export interface Matching {
  choices: QuestionChoice[];
  targets: Markdown[];
  match: number[];
}

export function readMatching(lines: Line[], file: string, diags: Diagnostics): Matching {
  const choices: QuestionChoice[] = [];
  const targets: Markdown[] = [];
  const match: number[] = [];
  const targetKey = (t: string) => t.replace(/\s+/g, ' ').toLowerCase();
  const keys: string[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const m = l.code ? null : MATCH_ITEM.exec(l.text);
    if (!m) {
      const hint = INDENTED.test(l.text) && QUOTE.test(l.text) ? 'A matching question has outcome feedback only: `> [x] …` and `> [ ] …` after the list.' : 'Write each pair as `- source -> target`, and the prompt before the list.';
      diags.report('IR250', { file, line: l.line, column: 1 }, 'this line is not a pair of the matching question', hint);
      continue;
    }
    const start = l.text.length - m[1]!.length;
    if (/^\[[^\]]{0,2}\]/.test(m[1]!)) {
      diags.report('IR250', { file, line: l.line, column: start + 1 }, 'a matching pair takes no `[ ]` marker', 'Write `- source -> target`; the target given is the right one.');
      continue;
    }
    const sep = l.text.indexOf(SEPARATOR, start);
    if (sep < 0) {
      diags.report('IR246', { file, line: l.line, column: start + 1 }, 'this pair has no `->` between its source and its target', 'Write `- source -> target`, or `- -> target` for a target that matches no source.');
      continue;
    }
    const source = piece(l, start, sep, file);
    const target = piece(l, sep + SEPARATOR.length, l.text.length, file);
    if (!target.text) {
      diags.report('IR246', { file, line: l.line, column: sep + 1 }, 'this pair has no target after `->`');
      continue;
    }
    const key = targetKey(target.text);
    let t = keys.indexOf(key);
    if (t < 0) {
      t = keys.push(key) - 1;
      targets.push(target);
    }
    // `- -> target`: a distractor, a target that matches no source.
    if (!source.text) continue;
    choices.push({ label: source, correct: false, feedback: null });
    match.push(t);
  }
  return { choices, targets, match };
}

export function checkMatching(q: Matching, at: Markdown['at'], diags: Diagnostics): boolean {
  if (q.choices.length < MIN_ITEMS || q.choices.length > MAX_ITEMS) {
    diags.report('IR247', at, `this matching question has ${q.choices.length} pair${q.choices.length === 1 ? '' : 's'}; it needs ${MIN_ITEMS} to ${MAX_ITEMS}`);
    return false;
  }
  if (q.targets.length > MAX_TARGETS) {
    diags.report('IR247', at, `this matching question has ${q.targets.length} targets; at most ${MAX_TARGETS}`);
    return false;
  }
  reportDuplicates(q.choices.map((c) => c.label), 'source', diags);
  return true;
}

export function readSteps(lines: Line[], file: string, diags: Diagnostics): QuestionChoice[] {
  const steps: { first: Line; extra: Line[]; text: string }[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const m = l.code ? null : STEP.exec(l.text);
    if (m) {
      if (!m[1]!.trim()) diags.report('IR250', { file, line: l.line, column: 1 }, 'this step has no text');
      else steps.push({ first: l, extra: [], text: m[1]! });
    } else if (steps.length && INDENTED.test(l.text) && !QUOTE.test(l.text)) {
      steps[steps.length - 1]!.extra.push(l);
    } else {
      const hint = QUOTE.test(l.text) ? 'A sequencing question has outcome feedback only: `> [x] …` and `> [ ] …` after the list.' : 'Write the steps as an ordered list `1. …`, `2. …` in the correct order, and the prompt before it.';
      diags.report('IR250', { file, line: l.line, column: 1 }, 'this line is not a step of the sequencing question', hint);
    }
  }
  return steps.map((s) => ({
    label: { text: [s.text, ...s.extra.map((l) => l.text)].join('\n').trimEnd(), at: { file, line: s.first.line, column: s.first.text.length - s.text.length + 1 } },
    correct: false,
    feedback: null,
  }));
}

export function checkSteps(steps: QuestionChoice[], at: Markdown['at'], diags: Diagnostics): boolean {
  if (steps.length < MIN_ITEMS || steps.length > MAX_ITEMS) {
    diags.report('IR248', at, `this sequencing question has ${steps.length} step${steps.length === 1 ? '' : 's'}; it needs ${MIN_ITEMS} to ${MAX_ITEMS}`);
    return false;
  }
  reportDuplicates(steps.map((s) => s.label), 'step', diags);
  return true;
}
