import { Diagnostics, type At } from '../core/diagnostics.js';
import type { Markdown, Question, QuestionChoice, QuestionType } from '../core/model.js';
import { parseAttributes } from './attributes.js';
import { joinLines, type Line } from './blocks.js';
import { fillInChoices, numericChoices } from './question-answers.js';
import { CHOICE, readTaskItems, reportDuplicates, type TaskItem } from './question-items.js';
import { splitOutcome, type Outcome } from './question-outcome.js';
import { checkMatching, checkSteps, MATCH_ITEM, readMatching, readSteps, STEP } from './question-pairs.js';

export interface QuestionBlock {
  attrs: string | null;
  attrsColumn: number;
  open: Line;
  lines: Line[];
}

export const QUESTION_TYPES: readonly QuestionType[] = ['choice', 'true-false', 'fill-in', 'numeric', 'matching', 'sequencing'];
const FILL_IN_FLAGS = ['case', 'spaces', 'diacritics'] as const;

/** Where a type's list starts: the first line of this form. */
const LIST_START: Record<QuestionType, (text: string) => boolean> = {
  'choice': (t) => CHOICE.test(t),
  'true-false': (t) => CHOICE.test(t),
  'fill-in': (t) => CHOICE.test(t),
  'numeric': (t) => CHOICE.test(t),
  // A pair has an arrow, so a bullet list in the prompt stays prompt.
  'matching': (t) => MATCH_ITEM.test(t) && t.includes('->'),
  'sequencing': (t) => STEP.test(t),
};

/**
 * Reads a `::: question {type=…}` block: the prompt, then the list of the
 * type (task list, pairs or steps), then optional outcome feedback
 * `> [x] …` / `> [ ] …`. `fallbackId` is used when the author gives no `#id`.
 * Returns null when the list cannot make a question of its type.
 */
export function parseQuestion(block: QuestionBlock, file: string, fallbackId: string, diags: Diagnostics): Question | null {
  const openAt: At = { file, line: block.open.line, column: 1 };
  const attrAt: At = { ...openAt, column: block.attrsColumn || 1 };
  const type = typeOf(block, file, diags);
  if (!type) return null;
  const attrs = block.attrs === null
    ? { id: null, values: new Map<string, string>(), flags: new Set<string>() }
    : parseAttributes(block.attrs, { file, line: block.open.line, column: block.attrsColumn }, ['points', 'dimension', 'type'], type === 'fill-in' ? FILL_IN_FLAGS : [], diags);

  let points = 1;
  const rawPoints = attrs.values.get('points');
  if (rawPoints !== undefined) {
    points = Number(rawPoints);
    if (!/^\d+(\.\d+)?$/.test(rawPoints) || points > 1000) {
      diags.report('IR206', attrAt, `points must be a number from 0 to 1000, not \`${rawPoints}\``);
      points = 1;
    }
  }

  const listStart = block.lines.findIndex((l) => !l.code && LIST_START[type](l.text));
  const { lines, outcome } = splitOutcome(block.lines, Math.max(listStart, 0), file, diags);
  const promptLines = listStart < 0 ? lines : lines.slice(0, listStart);
  const listLines = listStart < 0 ? [] : lines.slice(listStart);
  if (!joinLines(promptLines).trim()) diags.report('IR216', openAt, 'this question has no prompt before its choices');
  const prompt: Markdown = { text: joinLines(promptLines), at: { file, line: promptLines[0]?.line ?? block.open.line + 1, column: 1 } };

  const q: Question = {
    id: attrs.id ?? fallbackId,
    at: openAt,
    type,
    prompt,
    points,
    dimension: attrs.values.get('dimension') ?? null,
    dimensionAt: attrAt,
    choices: [],
  };
  if (outcome) q.outcome = outcome;
  const ok = readList(q, listLines, attrs.flags, file, diags);
  return ok ? q : null;
}

/** The `type=` value, before the other attributes: which ones are allowed depends on it. */
function typeOf(block: QuestionBlock, file: string, diags: Diagnostics): QuestionType | null {
  if (block.attrs === null) return 'choice';
  const quiet = new Diagnostics();
  const raw = parseAttributes(block.attrs, { file, line: block.open.line, column: block.attrsColumn }, ['type'], [], quiet).values.get('type');
  if (raw === undefined) return 'choice';
  if ((QUESTION_TYPES as readonly string[]).includes(raw)) return raw as QuestionType;
  const column = block.attrsColumn + 1 + Math.max(block.attrs.indexOf('type='), 0);
  diags.report('IR240', { file, line: block.open.line, column }, `unknown question type \`${raw}\``, `Use one of: ${QUESTION_TYPES.join(', ')}.`);
  return null;
}

function readList(q: Question, lines: Line[], flags: Set<string>, file: string, diags: Diagnostics): boolean {
  switch (q.type) {
    case 'matching': {
      const m = readMatching(lines, file, diags);
      if (!checkMatching(m, q.at, diags)) return false;
      Object.assign(q, m);
      warnNoOutcome(q, diags);
      return true;
    }
    case 'sequencing': {
      q.choices = readSteps(lines, file, diags);
      if (!checkSteps(q.choices, q.at, diags)) return false;
      warnNoOutcome(q, diags);
      return true;
    }
    case 'fill-in': {
      const norm = { case: flags.has('case'), spaces: flags.has('spaces'), diacritics: flags.has('diacritics') };
      q.norm = norm;
      q.choices = fillInChoices(readTaskItems(lines, file, diags), norm, diags);
      return hasItems(q, 1, diags) && feedbackWarnings(q.choices, q.outcome, diags);
    }
    case 'numeric':
      q.choices = numericChoices(readTaskItems(lines, file, diags), diags);
      return hasItems(q, 1, diags) && feedbackWarnings(q.choices, q.outcome, diags);
    case 'true-false':
      q.choices = trueFalse(readTaskItems(lines, file, diags), q.at, diags);
      return q.choices.length === 2 && feedbackWarnings(q.choices, q.outcome, diags);
    case 'choice':
      q.choices = readTaskItems(lines, file, diags);
      return checkChoices(q, diags);
  }
}

function hasItems(q: Question, min: number, diags: Diagnostics): boolean {
  if (q.choices.length >= min) return true;
  diags.report('IR242', q.at, `this ${q.type} question lists no answers: write accepted ones as \`- [x] …\``);
  return false;
}

function trueFalse(items: TaskItem[], at: At, diags: Diagnostics): QuestionChoice[] {
  if (items.length !== 2) {
    diags.report('IR241', at, `a true-false question has exactly 2 items (true, then false), not ${items.length}`);
    return [];
  }
  const right = items.filter((c) => c.correct).length;
  if (right !== 1) {
    diags.report('IR241', at, `exactly one of the two items is marked \`[x]\`, not ${right}`);
    return [];
  }
  reportDuplicates(items.map((c) => c.label), 'choice', diags);
  return items;
}

function checkChoices(q: Question, diags: Diagnostics): boolean {
  const choices = q.choices;
  if (choices.length < 2) {
    diags.report('IR204', q.at, `this question has ${choices.length} choice${choices.length === 1 ? '' : 's'}; it needs at least 2`);
    return false;
  }
  if (choices.length > 26) {
    diags.report('IR221', q.at, `this question has ${choices.length} choices; at most 26`);
    return false;
  }
  if (!choices.some((c) => c.correct)) diags.report('IR205', q.at, 'no choice is marked correct with `[x]`');
  reportDuplicates(choices.map((c) => c.label), 'choice', diags);
  return feedbackWarnings(choices, q.outcome, diags);
}

/** Feedback per item, unless the question has outcome feedback: one of them is what makes a check teach. */
function feedbackWarnings(choices: QuestionChoice[], outcome: Outcome | undefined, diags: Diagnostics): true {
  if (outcome) return true;
  for (const c of choices) if (!c.feedback) diags.report('IR219', c.label.at, 'this choice has no feedback', 'Add a nested `  > feedback` line under the choice.');
  return true;
}

function warnNoOutcome(q: Question, diags: Diagnostics): void {
  if (!q.outcome) diags.report('IR219', q.at, `this ${q.type} question has no feedback`, 'Add outcome feedback after the list: `> [x] …` (right) and `> [ ] …` (wrong).');
}
