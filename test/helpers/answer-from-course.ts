/**
 * Issue 12's screens played from the runtime course, whatever the pool holds
 * (test/e2e/course-1.2.e2e.test.ts): a drawn question is recognised by its
 * prompt and answered right or wrong through its own controls (radios or
 * checkboxes, the labelled text box, one select per source, the "Naik"
 * buttons), the answer chosen from the course's data and checked first with
 * src/shared/answers.ts, so a pool that changes keeps the plays honest; a
 * survey is answered with the points asked for.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { isRight, matchFillIn, matchNumeric } from '../../src/shared/answers.js';
import { percent } from '../../src/shared/scoring.js';
import type { RuntimeQuestion, RuntimeSurvey, RuntimeTest } from '../../src/shared/runtime-types.js';
import { ASSESS_STRINGS, format as f } from '../../src/shared/ui-strings.js';
import { expectFocused } from './browser.js';

export type Scope = Page | FrameLocator;
const A = ASSESS_STRINGS.id;

/** One drawn question as the learner answered it. */
export interface Answered {
  q: RuntimeQuestion;
  right: boolean;
}

const norm = (t: string) => t.replace(/\s+/g, ' ').trim();

/** The pool question whose prompt the legend shows (the longest that fits: one prompt may start another). */
export function identify(test: RuntimeTest, legend: string): RuntimeQuestion {
  const text = norm(legend);
  const fits = test.questions.filter((q) => text.includes(norm(q.promptText)));
  expect(fits.length, `a pool question for "${text}"`).toBeGreaterThan(0);
  return fits.sort((a, b) => b.promptText.length - a.promptText.length)[0]!;
}

/** The right or a wrong answer to `q` (ASSESS.md §3) and, for a text box, what to type. */
export function plan(q: RuntimeQuestion, right: boolean): { answer: number[]; text?: string } {
  const correct = q.choices.map((c, i) => (c.correct ? i : -1)).filter((i) => i >= 0);
  const wrongItem = q.choices.findIndex((c) => !c.correct && !c.other);
  let out: { answer: number[]; text?: string };
  switch (q.type || 'choice') {
    case 'fill-in': {
      const text = right ? q.choices[correct[0]!]!.text : wrongItem >= 0 ? q.choices[wrongItem]!.text : 'bukan jawaban';
      out = { answer: [matchFillIn(q, text)], text };
      break;
    }
    case 'numeric': {
      const ranges = q.choices.filter((c) => c.range).map((c) => c.range!);
      const value = right ? q.choices[correct[0]!]!.range![0] : wrongItem >= 0 ? q.choices[wrongItem]!.range![0] : Math.max(...ranges.map((r) => r[1])) + 1000;
      // The learner types a decimal comma, as in Indonesian.
      const text = String(value).replace('.', ',');
      out = { answer: [matchNumeric(q, text)], text };
      break;
    }
    case 'matching': {
      const m = q.targets!.length;
      out = { answer: q.match!.map((t) => (right ? t : (t + 1) % m)) };
      break;
    }
    case 'sequencing':
      // Wrong: the order the player shows, never the right one (src/player/assess/controls.ts).
      out = { answer: right ? q.choices.map((_, i) => i) : [] };
      break;
    default: {
      const firstWrong = q.choices.findIndex((c) => !c.correct);
      out = { answer: right ? correct : q.multiple && correct.length > 1 ? [correct[0]!] : [firstWrong] };
    }
  }
  if (out.answer.length) expect(isRight(q, out.answer), `${q.id}: planned ${right ? 'right' : 'wrong'} ${JSON.stringify(out)}`).toBe(right);
  return out;
}

/** Answers `q` in its fieldset `g` through its controls. */
export async function answerQuestion(g: Locator, q: RuntimeQuestion, right: boolean): Promise<void> {
  const { answer, text } = plan(q, right);
  const type = q.type || 'choice';
  if (type === 'fill-in' || type === 'numeric') {
    await g.getByLabel(A.yourAnswer, { exact: true }).fill(text!);
  } else if (type === 'matching') {
    const lists = g.getByRole('combobox');
    expect(await lists.count()).toBe(q.choices.length);
    for (const [i, t] of answer.entries()) await lists.nth(i).selectOption({ label: q.targets![t]!.text });
  } else if (type === 'sequencing') {
    if (!right) return;
    const up = (i: number) => f(A.upName, q.choices[i]!.text);
    const order = async () => {
      const names = await g.locator('li button:first-of-type').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
      return names.map((n) => q.choices.findIndex((_, i) => up(i) === n));
    };
    for (let target = 0; target < q.choices.length; target++) {
      let at = (await order()).indexOf(target);
      expect(at, `step ${target} of ${q.id} shown`).toBeGreaterThanOrEqual(0);
      for (; at > target; at--) await g.getByRole('button', { name: up(target), exact: true }).click();
    }
    expect(await order()).toEqual(answer);
  } else {
    const role = q.multiple ? 'checkbox' : 'radio';
    const boxes = g.getByRole(role);
    expect(await boxes.count()).toBe(q.choices.length);
    for (const i of answer) await boxes.nth(i).check();
  }
}

/** The group of slot `i` of `n` in an open attempt ("Soal i dari n …"). */
export const slotGroup = (scope: Scope, i: number, n: number): Locator =>
  scope.getByRole('group', { name: new RegExp('^' + f(A.questionOf, i + 1, n) + '\\b') });

/** The drawn questions of the open attempt, in order. */
export async function drawnQuestions(scope: Scope, test: RuntimeTest): Promise<RuntimeQuestion[]> {
  const legends = await scope.locator('.ir-test fieldset > legend').allInnerTexts();
  return legends.map((l) => identify(test, l));
}

/**
 * Answers the open attempt's slots from `from` on: slot i right when
 * `right(q, i)`; then, unless `submit` is false, sends them (every slot
 * answered, so no confirmation) and waits for the result's heading.
 */
export async function answerAttempt(scope: Scope, test: RuntimeTest, right: (q: RuntimeQuestion, slot: number) => boolean, opts: { from?: number; to?: number; submit?: boolean } = {}): Promise<Answered[]> {
  const drawn = await drawnQuestions(scope, test);
  const out: Answered[] = drawn.map((q, i) => ({ q, right: right(q, i) }));
  for (let i = opts.from ?? 0; i < (opts.to ?? drawn.length); i++) await answerQuestion(slotGroup(scope, i, drawn.length), drawn[i]!, out[i]!.right);
  if (opts.submit !== false) await submitAttempt(scope, test);
  return out;
}

export async function submitAttempt(scope: Scope, test: RuntimeTest): Promise<void> {
  await scope.getByRole('button', { name: A.submit, exact: true }).click();
  await expectFocused(scope.getByRole('heading', { level: 2, name: test.title, exact: true }));
}

/** An attempt's score and per-dimension scores as src/shared/scoring.ts computes them (right over drawn). */
export function attemptScore(list: Answered[]): { score: number; byDimension: Map<string, number> } {
  const dims = new Map<string, [number, number]>();
  for (const { q, right } of list) {
    const d = dims.get(q.dimension ?? '') ?? [0, 0];
    dims.set(q.dimension ?? '', [d[0] + (right ? 1 : 0), d[1] + 1]);
  }
  const right = list.filter((x) => x.right).length;
  return { score: percent(100 * right, list.length), byDimension: new Map([...dims].map(([d, [r, t]]) => [d, percent(100 * r, t)])) };
}

/** Answers every item of `survey` with `points[i]` (1..scale) and sends it. */
export async function answerSurvey(scope: Scope, survey: RuntimeSurvey, points: (item: number) => number): Promise<void> {
  const labels = A.likert[survey.scale]!;
  const form = scope.locator('form.ir-survey').filter({ has: scope.getByRole('group', { name: survey.items[0]!.text, exact: true }) });
  for (const [i, item] of survey.items.entries()) {
    await form.getByRole('group', { name: item.text, exact: true }).getByRole('radio', { name: labels[points(i) - 1], exact: true }).check();
  }
  await form.getByRole('button', { name: A.send, exact: true }).click();
  await expectFocused(form.getByText(A.surveyThanks));
}

/** The rows of the table after the heading `head` (a test's result, the results screen), each as its cells' texts. */
export async function tableAfter(scope: Scope, head: string): Promise<string[][]> {
  const table = scope.locator(`h3:text-is("${head}") ~ .ir-table table`).first();
  await expect.poll(() => table.count(), { timeout: 15_000 }).toBe(1);
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => (c as HTMLElement).innerText.trim())));
}
