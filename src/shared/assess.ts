/**
 * Issue 12's part of the shared core (typed questions, surveys, tests) as one
 * object, `x`, that the base functions of state-core.ts, progress.ts and the
 * engine call only for a course that has them. Why an object handed around
 * rather than imports: the player's first page must not carry this code (its
 * bundle is at the 40 KB budget), so the player gets it from player-assess.js
 * (`window.irAssess`, src/player/entry-assess.ts), loaded before the engine
 * starts on a course that needs it. Node code imports state-codec.ts and
 * scoring.ts, which use it directly.
 */
import type { RuntimeCourse, RuntimeQuestion } from './runtime-types.js';
import { emptyAssess, type CourseIndex, type Progress } from './progress.js';
import { answerCount, fromCode, isRight, toCode } from './answers.js';
import { assessHash, assessRadices, assessRead, assessValues } from './state-core.js';
import { computeResult, type CourseResult } from './scoring.js';

export interface AssessCore {
  /** answers.ts */
  count(q: RuntimeQuestion): number;
  toCode(q: RuntimeQuestion, a: number[]): number;
  fromCode(q: RuntimeQuestion, code: number): number[];
  isRight(q: RuntimeQuestion, a: number[]): boolean;
  /** What `structureHash` adds for the course's typed questions, surveys and tests ('' when it has none). */
  hash(course: Pick<RuntimeCourse, 'units'>): string;
  /** The state fields of the surveys and tests, after the location: radices, values, and reading them back from field `f`. */
  radices(ix: CourseIndex, out: number[]): void;
  values(ix: CourseIndex, p: Progress, out: number[]): void;
  read(ix: CourseIndex, values: number[], f: number, p: Progress): void;
  /** The surveys' and tests' part of an empty progress. */
  empty(ix: CourseIndex, p: Progress): void;
  /** The course result under either rule. */
  result(course: RuntimeCourse, p: Progress): CourseResult;
}

export const assess: AssessCore = {
  count: answerCount,
  toCode,
  fromCode,
  isRight,
  hash: assessHash,
  radices: assessRadices,
  values: assessValues,
  read: assessRead,
  empty: emptyAssess,
  result: computeResult,
};
