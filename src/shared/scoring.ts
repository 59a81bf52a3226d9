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
 * Issue 12 (docs/scoring.md has both rules with examples):
 * - `scoring: all` (the default, the rules above): each final test is one
 *   more item, worth the questions an attempt draws (each counts 1), earning
 *   its right answers, tagged per drawn question's dimension (its buckets).
 * - `scoring: final-test`: the course score and the dimensions are the final
 *   test's alone; knowledge checks and scenarios are formative; the status
 *   compares it with the final test's passing score (by default the course's).
 * - Either rule: complete also needs every survey submitted, the pre-test
 *   submitted, and the final test passed or out of attempts. Pre-tests and
 *   surveys never count; the pre-test gives `pre`, the surveys `shift`.
 * `simpleResult` is the rule without issue 12, all the first page's player
 * carries (src/shared/lite.d.ts); `computeResult` is the same for a course
 * without surveys and tests.
 *
 * The result types live here, not in the player, because shared code must
 * not import the player; src/player/transport/types.ts re-exports them.
 */
import type { RuntimeCourse, RuntimeTest } from './runtime-types.js';
import { indexCourse, type CourseIndex, type Progress, type TestProgress } from './progress.js';
import { attemptsOf, slotCounts } from './progress.js';

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

/**
 * SPEC §3 for a course without surveys and tests (all the player's first page
 * carries); `computeResult` gives it other items, completeness and passing score.
 */
export function simpleResult(
  course: RuntimeCourse,
  progress: Progress,
  all = items(course, progress),
  complete = total(all).done && progress.pages.length === indexCourse(course).pages.length && progress.pages.every(Boolean),
  passingScore = course.passingScore,
): CourseResult {
  const sum = total(all);
  const score = percent(sum.earned100, sum.possible);
  const dimensions: DimensionResult[] = [];
  for (const d of course.dimensions) {
    const tagged = all.filter((item) => item.dimension === d.id);
    if (tagged.length === 0) continue;
    const t = total(tagged);
    const s = percent(t.earned100, t.possible);
    dimensions.push({ id: d.id, score: s, status: status(t.done, s, t.possible, passingScore) });
  }
  return {
    score,
    earned: sum.earned100 / 100,
    possible: sum.possible,
    complete,
    status: status(complete, score, sum.possible, passingScore),
    dimensions,
  };
}

const add = (list: number[]) => list.reduce((a, b) => a + b, 0);

/** A test attempt's score: round(100 × right / drawn) over the attempt that counts. */
export function testScore(tp: TestProgress): number {
  return percent(100 * add(tp.right), add(tp.total));
}

/** Whether the attempt that counts passed (a test without a passing score passes once submitted). */
export function testPassed(test: RuntimeTest, tp: TestProgress): boolean {
  return tp.attempts > 0 && (test.passingScore === null || testScore(tp) >= test.passingScore);
}

/** Done for completion: a pre-test once submitted; a final test once passed or out of attempts. */
export function testDone(test: RuntimeTest, tp: TestProgress | undefined): boolean {
  return !!tp && tp.attempts > 0 && (test.role === 'pre' || testPassed(test, tp) || tp.attempts >= attemptsOf(test));
}

/**
 * A final test as items: once submitted, one per bucket (right of drawn);
 * before that, what an attempt will draw, with no dimension, and its
 * dimensions at 0 points so that they show as incomplete.
 */
function testItems(ix: CourseIndex, t: number, progress: Progress): Item[] {
  const { test, buckets } = ix.tests[t]!;
  const tp = progress.tests && progress.tests[t];
  const done = testDone(test, tp);
  if (tp && tp.attempts) return buckets.map((b, i) => ({ dimension: b || null, points: tp.total[i] || 0, earned100: 100 * (tp.right[i] || 0), done }));
  const planned: Item = { dimension: null, points: add(slotCounts(test, buckets)), earned100: 0, done };
  return [planned, ...buckets.filter(Boolean).map((b) => ({ dimension: b, points: 0, earned100: 0, done }))];
}

/** Per dimension, mean(post) − mean(pre) of the survey points, once every item of both phases is answered; two decimals. */
function attitudeShift(course: RuntimeCourse, ix: CourseIndex, progress: Progress): Array<{ id: string; shift: number }> | undefined {
  const points: Record<string, Record<string, number[]>> = { pre: {}, post: {} };
  let answered = true;
  const order = course.dimensions.map((d) => d.id);
  ix.surveys.forEach(({ survey }, v) => {
    const phase = survey.phase && points[survey.phase];
    if (!phase) return;
    survey.items.forEach((item, i) => {
      const value = (progress.surveys && progress.surveys[v] && progress.surveys[v]![i]) || 0;
      answered = answered && value > 0;
      (phase[item.dimension] = phase[item.dimension] || []).push(value);
      if (order.indexOf(item.dimension) < 0) order.push(item.dimension);
    });
  });
  const mean = (list: number[]) => add(list) / list.length;
  const shift = order.filter((d) => points.pre![d] && points.post![d]).map((id) => ({ id, shift: Math.round(100 * (mean(points.post![id]!) - mean(points.pre![id]!))) / 100 }));
  return answered && shift.length ? shift : undefined;
}

/** The course result under either rule (see the top of this file). */
export function computeResult(course: RuntimeCourse, progress: Progress): CourseResult {
  const ix = indexCourse(course);
  if (!(ix.tests.length + ix.surveys.length)) return simpleResult(course, progress);
  const lesson = items(course, progress);
  const finals = ix.tests.map((ref, t) => (ref.test.role === 'final' ? t : -1)).filter((t) => t >= 0);
  const tested = ([] as Item[]).concat(...finals.map((t) => testItems(ix, t, progress)));
  const complete =
    simpleResult(course, progress, lesson).complete &&
    ix.surveys.every(({ survey }, v) => survey.items.every((_, i) => ((progress.surveys && progress.surveys[v]) || [])[i]! > 0)) &&
    ix.tests.every(({ test }, t) => testDone(test, progress.tests && progress.tests[t]));
  const rule = course.scoring === 'final-test' && finals.length > 0;
  const result = rule
    ? simpleResult(course, progress, tested, complete, ix.tests[finals[0]!]!.test.passingScore)
    : simpleResult(course, progress, lesson.concat(tested), complete);
  if (rule) result.rule = 'final-test';
  const pre = ix.tests.findIndex((ref) => ref.test.role === 'pre');
  const pp = pre >= 0 && progress.tests ? progress.tests[pre] : undefined;
  if (pp && pp.attempts) {
    // Buckets are in pool order (which the state's hash covers); results are in course order, as `dimensions`.
    const rank = (id: string) => (course.dimensions.findIndex((d) => d.id === id) + 1 || 1e9);
    result.pre = ix.tests[pre]!.buckets
      .map((id, b) => ({ id, score: percent(100 * (pp.right[b] || 0), pp.total[b] || 0) }))
      .filter((d) => d.id)
      .sort((a, b) => rank(a.id) - rank(b.id));
  }
  const shift = attitudeShift(course, ix, progress);
  if (shift) result.shift = shift;
  return result;
}
