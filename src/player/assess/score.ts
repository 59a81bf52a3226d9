/**
 * A test's score and status as the learner sees them, from the attempt that
 * counts (the last submitted; ASSESS.md §3–4): shared by the test screen
 * (player-assess.js) and the results screen (player-results.js).
 */
import type { TestProgress } from '../../shared/progress';
import type { RuntimeTest } from '../../shared/runtime-types';
import { percent } from '../../shared/scoring';

const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);

/** 0–100: right answers over drawn questions, every bucket together. */
export const testScore = (tp: TestProgress): number => percent(100 * sum(tp.right), sum(tp.total));

/** The final test's pass mark: its own, else the course's; null when there is none (a pre-test, or a course without one). */
export const passMark = (test: RuntimeTest, coursePassing: number | null): number | null =>
  test.role === 'pre' ? null : test.passingScore !== null ? test.passingScore : coursePassing;

/** Submitted and, for a final test, passed (or without a pass mark). */
export const testPassed = (test: RuntimeTest, tp: TestProgress, coursePassing: number | null): boolean => {
  const pass = passMark(test, coursePassing);
  return tp.attempts > 0 && (pass === null || testScore(tp) >= pass);
};

/** Done for completion: submitted and no attempt open, and passed or out of attempts. */
export const testDone = (test: RuntimeTest, tp: TestProgress, coursePassing: number | null): boolean =>
  tp.attempts > 0 && !tp.open && (tp.attempts >= test.attempts || testPassed(test, tp, coursePassing));
