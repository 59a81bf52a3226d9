import type { At, Diagnostics } from '../core/diagnostics.js';
import type { Markdown, Question, QuestionChoice } from '../core/model.js';
import { parseAttributes } from './attributes.js';
import { INDENTED, QUOTE, joinLines, quoteColumn, type Line } from './blocks.js';

// Any one or two characters in the brackets, so `[v]`, `[✓]` or `[]` are read as choices too, and
// reported as a marker to fix (IR215) rather than swallowed into the prompt.
const CHOICE = /^[-*+][ \t]+\[([^\]]{0,2})\](?:[ \t]+(.*))?$/;

export interface QuestionBlock {
  attrs: string | null;
  attrsColumn: number;
  open: Line;
  lines: Line[];
}

/**
 * Reads a `::: question` block: the prompt, then a task list whose `[x]`
 * items are correct, each with optional feedback as a nested blockquote.
 * `fallbackId` is used when the author gives no `#id`.
 */
export function parseQuestion(block: QuestionBlock, file: string, fallbackId: string, diags: Diagnostics): Question | null {
  const openAt: At = { file, line: block.open.line, column: 1 };
  const attrs = block.attrs === null
    ? { id: null, values: new Map<string, string>(), flags: new Set<string>() }
    : parseAttributes(block.attrs, { file, line: block.open.line, column: block.attrsColumn }, ['points', 'dimension'], [], diags);

  let points = 1;
  const rawPoints = attrs.values.get('points');
  if (rawPoints !== undefined) {
    points = Number(rawPoints);
    if (!/^\d+(\.\d+)?$/.test(rawPoints) || points > 1000) {
      diags.report('IR206', { ...openAt, column: block.attrsColumn || 1 }, `points must be a number from 0 to 1000, not \`${rawPoints}\``);
      points = 1;
    }
  }

  const firstChoice = block.lines.findIndex((l) => !l.code && CHOICE.test(l.text));
  const promptLines = firstChoice < 0 ? block.lines : block.lines.slice(0, firstChoice);
  const promptText = joinLines(promptLines).trim();
  if (!promptText) diags.report('IR216', openAt, 'this question has no prompt before its choices');
  const prompt: Markdown = { text: joinLines(promptLines), at: { file, line: promptLines[0]?.line ?? block.open.line + 1, column: 1 } };

  const choices: QuestionChoice[] = [];
  let current: { label: Line; extra: Line[]; feedback: Line[]; correct: boolean } | null = null;
  const finish = () => {
    if (!current) return;
    const m = CHOICE.exec(current.label.text)!;
    // Continuation lines stay lines, as written: positions inside a label spanning lines stay right.
    const labelSource = [m[2] ?? '', ...current.extra.map((l) => l.text)].join('\n').trimEnd();
    if (!labelSource.trim()) diags.report('IR215', { file, line: current.label.line, column: 1 }, 'this choice has no text');
    const feedbackText = current.feedback.map((l) => QUOTE.exec(l.text)?.[1] ?? l.text.trim()).join('\n').trim();
    choices.push({
      label: { text: labelSource, at: { file, line: current.label.line, column: current.label.text.indexOf(']') + 3 } },
      correct: current.correct,
      feedback: feedbackText ? { text: feedbackText, at: { file, line: current.feedback[0]!.line, column: quoteColumn(current.feedback[0]!.text) } } : null,
    });
    current = null;
  };
  for (const l of firstChoice < 0 ? [] : block.lines.slice(firstChoice)) {
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

  if (choices.length < 2) {
    diags.report('IR204', openAt, `this question has ${choices.length} choice${choices.length === 1 ? '' : 's'}; it needs at least 2`);
    return null;
  }
  if (choices.length > 26) {
    diags.report('IR221', openAt, `this question has ${choices.length} choices; at most 26`);
    return null;
  }
  if (!choices.some((c) => c.correct)) diags.report('IR205', openAt, 'no choice is marked correct with `[x]`');
  const seen = new Map<string, number>();
  for (const c of choices) {
    const flat = c.label.text.replace(/\s+/g, ' ');
    const key = flat.toLowerCase();
    if (seen.has(key)) diags.report('IR218', c.label.at, `choice \`${flat}\` appears twice in this question (also line ${seen.get(key)})`);
    else seen.set(key, c.label.at.line);
    if (!c.feedback) diags.report('IR219', c.label.at, 'this choice has no feedback', 'Add a nested `  > feedback` line under the choice.');
  }

  return {
    id: attrs.id ?? fallbackId,
    at: openAt,
    type: 'choice',
    prompt,
    points,
    dimension: attrs.values.get('dimension') ?? null,
    dimensionAt: { ...openAt, column: block.attrsColumn || 1 },
    choices,
  };
}
