/**
 * Fill-in and numeric questions: the task list lists answers, not choices.
 * `- [x]` accepted, `- [ ]` a known wrong one with its own feedback, `- [ ] *`
 * any other answer (the catch-all, kept last).
 */
import type { Diagnostics } from '../core/diagnostics.js';
import type { QuestionChoice } from '../core/model.js';
import type { TaskItem } from './question-items.js';
import { reportDuplicates } from './question-items.js';

/** What a learner may type into a fill-in (and so the longest accepted answer); SCORM 1.2 keeps 255. */
export const MAX_FILL_IN = 250;

export interface FillInNorm {
  case: boolean;
  spaces: boolean;
  diacritics: boolean;
}

/** The answer as compared: the same rule the player applies to what the learner types (src/shared/answers.ts). */
export function normalizeAnswer(text: string, norm: FillInNorm): string {
  let s = text;
  if (!norm.spaces) s = s.trim().replace(/\s+/g, ' ');
  if (!norm.case) s = s.toLowerCase();
  if (!norm.diacritics) s = s.normalize('NFD').replace(/\p{M}/gu, '');
  return s;
}

/** The items as answers, the catch-all moved last; null when the list cannot be a question of this kind. */
function answers(items: TaskItem[], diags: Diagnostics, type: 'fill-in' | 'numeric'): QuestionChoice[] {
  const listed: QuestionChoice[] = [];
  let other: QuestionChoice | null = null;
  for (const it of items) {
    if (it.label.text.trim() !== '*') {
      listed.push({ label: it.label, correct: it.correct, feedback: it.feedback });
      continue;
    }
    if (it.correct) diags.report('IR245', it.label.at, '`*` (any other answer) is marked correct', 'Write the catch-all as `- [ ] *`: any answer not listed is wrong.');
    else if (other) diags.report('IR245', it.label.at, `a second \`*\` item (the first is line ${other.label.at.line})`);
    else other = { label: it.label, correct: false, feedback: it.feedback, other: true };
  }
  if (!listed.some((c) => c.correct) && items.length > 0) {
    diags.report('IR242', items[0]!.label.at, `this ${type} question has no accepted answer \`- [x] …\``);
  }
  return other ? [...listed, other] : listed;
}

export function fillInChoices(items: TaskItem[], norm: FillInNorm, diags: Diagnostics): QuestionChoice[] {
  const choices = answers(items, diags, 'fill-in');
  for (const c of choices) {
    if (!c.other && c.label.text.length > MAX_FILL_IN) {
      diags.report('IR243', c.label.at, `this answer is ${c.label.text.length} characters; a fill-in answer may be at most ${MAX_FILL_IN}`);
    }
  }
  reportDuplicates(choices.filter((c) => !c.other).map((c) => c.label), 'answer', diags, (flat) => normalizeAnswer(flat, norm));
  return choices;
}

// A decimal comma or point, no digit grouping: `1.000` would mean a thousand to an Indonesian reader and 1 to others.
const NUMBER = '-?\\d+(?:[.,]\\d+)?';
const VALUE = new RegExp(`^(${NUMBER})(?:[ \\t]*\\.\\.[ \\t]*(${NUMBER}))?$`);

/** `30`, `2,5`, `25..35` (inclusive) as a range; null when it cannot be read. */
export function parseNumericValue(text: string): [number, number] | null {
  const m = VALUE.exec(text.trim());
  if (!m) return null;
  const min = Number(m[1]!.replace(',', '.'));
  const max = m[2] === undefined ? min : Number(m[2].replace(',', '.'));
  return [min, max];
}

export function numericChoices(items: TaskItem[], diags: Diagnostics): QuestionChoice[] {
  const choices = answers(items, diags, 'numeric');
  for (const c of choices) {
    if (c.other) continue;
    const range = parseNumericValue(c.label.text);
    if (!range) {
      diags.report('IR244', c.label.at, `cannot read \`${c.label.text.trim()}\` as a number or a range`, 'Write a number (`30`, `2,5` or `2.5`, no thousands separator) or an inclusive range `25..35`.');
    } else if (range[0] > range[1]) {
      diags.report('IR244', c.label.at, `the range \`${c.label.text.trim()}\` starts above its end`, 'Write the smaller value first: `25..35`.');
    } else {
      c.range = range;
    }
  }
  return choices;
}
