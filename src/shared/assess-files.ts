/**
 * Issue 12: player-assess.js (src/player/entry-assess.ts), the code of typed
 * questions, surveys and tests. A package carries it only when its course
 * needs it, and the player loads it with the units that do.
 */
import type { RuntimeCourse, RuntimeLesson, RuntimeUnit } from './runtime-types.js';

export const ASSESS_SCRIPT = 'player-assess.js';

/** A test, or a lesson the compiler marked (`assess: 1`: a typed question or a survey on one of its pages). */
export const needsAssess = (unit: RuntimeUnit | undefined): unknown => unit && (unit.kind === 'test' || (unit as RuntimeLesson).assess);

export const courseNeedsAssess = (course: Pick<RuntimeCourse, 'units'>): boolean => course.units.some((u) => !!needsAssess(u));
