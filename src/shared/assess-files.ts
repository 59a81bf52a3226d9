/**
 * Issue 12: player-assess.js (src/player/entry-assess.ts), the screens of
 * typed questions, surveys and tests and the full engine they need. A
 * package carries it only when its course needs it, and the player loads it
 * before it starts such a course (src/player/main.ts).
 */
import { indexCourse } from './progress.js';
import type { RuntimeCourse } from './runtime-types.js';

export const ASSESS_SCRIPT = 'player-assess.js';

/** A test, a survey or a typed question: the first page's engine cannot play the course alone. */
export function courseNeedsAssess(course: Pick<RuntimeCourse, 'units'>): boolean {
  const ix = indexCourse(course);
  return ix.tests.length + ix.surveys.length > 0 || ix.questions.some((q) => !!q.question.type);
}
