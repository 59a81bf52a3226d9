/**
 * The learner's side of test/courses/assess-play for the browser plays
 * (test/e2e/assess*.e2e.test.ts): each pool question answered right or wrong
 * through its own controls, found by the start of its prompt.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ASSESS_STRINGS, format as f } from '../../src/shared/ui-strings.js';

const A = ASSESS_STRINGS.id;

type Answer = (g: Locator) => Promise<void>;
const radio = (name: string): Answer => (g) => g.getByRole('radio', { name, exact: true }).check();
const typeIn = (text: string): Answer => (g) => g.getByLabel(A.yourAnswer, { exact: true }).fill(text);

/** By the start of the prompt: the question's id in the pool and how to answer it. */
export const POOL: Record<string, { id: string; right: Answer; wrong: Answer }> = {
  'Bank G1': { id: 'b-gr1', right: radio('Menolak dan menjelaskan aturannya'), wrong: radio('Menerima karena urusan sudah selesai') },
  'Bank G2': { id: 'b-gr2', right: radio('Salah'), wrong: radio('Benar') },
  'Bank S1': { id: 'b-sp1', right: typeIn('5'), wrong: typeIn('4') },
  // Spaces and case do not matter by default.
  'Bank S2': { id: 'b-sp2', right: typeIn(' Suap '), wrong: typeIn('gratifikasi') },
  'Bank P1': { id: 'b-pl1', right: radio('Pungutan liar'), wrong: radio('Biaya administrasi') },
  'Bank P2': { id: 'b-pl2', right: radio('Benar'), wrong: radio('Salah') },
};

/** The group (fieldset) of the attempt's question `n` (1-based) of `count`. */
export const slot = (scope: FrameLocator | Page, n: number, count: number): Locator =>
  scope.getByRole('group', { name: new RegExp('^' + f(A.questionOf, n, count)) });

/** The drawn questions on screen, in order: the pool key of each. */
export async function drawn(scope: FrameLocator | Page): Promise<string[]> {
  const legends = await scope.locator('.ir-test fieldset legend').allInnerTexts();
  return legends.map((t) => Object.keys(POOL).find((k) => t.includes(k + ':'))!);
}

/** Answers every drawn question of the open attempt, right or wrong; returns the keys. */
export async function answerAll(scope: FrameLocator | Page, how: 'right' | 'wrong'): Promise<string[]> {
  const keys = await drawn(scope);
  expect(keys.every(Boolean), `every drawn question is from the pool: ${keys}`).toBe(true);
  for (const [i, key] of keys.entries()) await POOL[key]![how](slot(scope, i + 1, keys.length));
  return keys;
}

/** Submits the open attempt and waits for its result, whose heading (the test's title) takes the focus. */
export async function submit(scope: FrameLocator | Page, title: string): Promise<void> {
  await scope.getByRole('button', { name: A.submit, exact: true }).click();
  await expect.poll(() => scope.getByRole('heading', { level: 2, name: title, exact: true }).evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)).toBe(true);
}
