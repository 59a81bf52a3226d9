/**
 * SPEC §3, scoring and completion, as one pure function of the course and the
 * learner's progress.
 *
 * - A question earns its points iff its first submitted answer is exactly the
 *   set of correct choices (`QuestionProgress.first`).
 * - A scenario earns points × ending score / 100 for its first completed play.
 * - score = round(100 × earned / possible), halves rounding up. A course (or
 *   dimension) with nothing to score (possible = 0) scores 0.
 * - complete = every lesson page viewed, every question answered, every
 *   scenario played to an ending.
 * - status: `incomplete` until complete; then without a passing score
 *   `completed`; with one `passed` iff score ≥ passing score, else `failed` —
 *   except that a course with nothing to score cannot be failed: it is
 *   `passed` once complete (its score stays 0; the SCORM transport therefore
 *   does not report a raw score for it, so an LMS mastery-score rule cannot
 *   turn it into `failed`).
 * - Per dimension (only those some item uses, in course order): the same ratio
 *   over the questions and scenarios tagged with it; `incomplete` until all of
 *   them are done, then the same status rule.
 *
 * The result types live here, not in the player, because shared code must
 * not import the player; src/player/transport/types.ts re-exports them.
 */
import type { RuntimeCourse } from './runtime-types.js';
import { indexCourse, type Progress } from './progress.js';

export type CourseStatus = 'incomplete' | 'completed' | 'passed' | 'failed';

export interface DimensionResult {
  id: string;
  /** 0–100: earned so far over everything the dimension's items can earn. */
  score: number;
  /** `incomplete` until every item tagged with it is done. */
  status: CourseStatus;
}

export interface CourseResult {
  /** 0–100: round(100 × earned / possible), counting what is earned so far. */
  score: number;
  earned: number;
  possible: number;
  complete: boolean;
  status: CourseStatus;
  dimensions: DimensionResult[];
  /** Issue 12: the rule that applied (course.yml `scoring`). */
  rule?: 'final-test';
  /** Issue 12: the pre-test's score per dimension (the baseline), once it is submitted. */
  pre?: Array<{ id: string; score: number }>;
  /** Issue 12: the attitude shift per dimension, mean(post) − mean(pre) on the Likert points, once both surveys are answered. */
  shift?: Array<{ id: string; shift: number }>;
}

/** A question or scenario: what it is worth, what it has earned (× 100, so integer for integer points), whether it is done. */
interface Item {
  dimension: string | null;
  points: number;
  earned100: number;
  done: boolean;
}

function items(course: RuntimeCourse, progress: Progress): Item[] {
  const ix = indexCourse(course);
  const out: Item[] = ix.questions.map(({ question: q }, i) => {
    const first = progress.questions[i] ? progress.questions[i]!.first : null;
    return { dimension: q.dimension, points: q.points, earned100: first ? q.points * 100 : 0, done: first !== null };
  });
  ix.scenarios.forEach(({ scenario: s }, i) => {
    const at = progress.scenarios[i] ? progress.scenarios[i]!.ending : null;
    const ending = at === null ? null : s.scenes[at]!.ending;
    out.push({ dimension: s.dimension, points: s.points, earned100: ending ? s.points * ending.score : 0, done: at !== null });
  });
  return out;
}

/** round(100 × earned / possible) with halves up; 0 when nothing is possible. */
export function percent(earned100: number, possible: number): number {
  if (!(possible > 0)) return 0;
  // 100 × (earned100 / 100) / possible = earned100 / possible; integer-exact half-up rounding.
  return Math.min(100, Math.max(0, Math.floor((2 * earned100 + possible) / (2 * possible))));
}

function status(complete: boolean, score: number, possible: number, passingScore: number | null): CourseStatus {
  if (!complete) return 'incomplete';
  if (passingScore === null) return 'completed';
  if (possible <= 0) return 'passed';
  return score >= passingScore ? 'passed' : 'failed';
}

function total(list: Item[]): { earned100: number; possible: number; done: boolean } {
  let earned100 = 0;
  let possible = 0;
  let done = true;
  for (const item of list) {
    earned100 += item.earned100;
    possible += item.points;
    done = done && item.done;
  }
  return { earned100, possible, done };
}

export function computeResult(course: RuntimeCourse, progress: Progress): CourseResult {
  const all = items(course, progress);
  const sum = total(all);
  const complete = sum.done && progress.pages.length === indexCourse(course).pages.length && progress.pages.every(Boolean);
  const score = percent(sum.earned100, sum.possible);
  const dimensions: DimensionResult[] = [];
  for (const d of course.dimensions) {
    const tagged = all.filter((item) => item.dimension === d.id);
    if (tagged.length === 0) continue;
    const t = total(tagged);
    const s = percent(t.earned100, t.possible);
    dimensions.push({ id: d.id, score: s, status: status(t.done, s, t.possible, course.passingScore) });
  }
  return {
    score,
    earned: sum.earned100 / 100,
    possible: sum.possible,
    complete,
    status: status(complete, score, sum.possible, course.passingScore),
    dimensions,
  };
}
