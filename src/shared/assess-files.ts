/**
 * Issue 12: player-assess.js (src/player/entry-assess.ts), the screens of
 * typed questions, surveys and tests. A package carries it, and the full
 * player.js with their engine (src/shared/lite.d.ts), only when its course
 * needs them; the player loads it with the units that hold them
 * (src/player/units.ts).
 */
import { indexCourse } from './progress.js';
import type { RuntimeBlock, RuntimeCourse } from './runtime-types.js';

export const ASSESS_SCRIPT = 'player-assess.js';

/** A page's blocks hold a survey or a typed question: its screens are player-assess.js's. */
export function blocksNeedAssess(blocks: RuntimeBlock[]): boolean {
  return blocks.some((b) => b.kind === 'survey' || (b.kind === 'question' && !!b.question.type));
}

/** A test, a survey or a typed question: the lighter player.js cannot play the course. */
export function courseNeedsAssess(course: Pick<RuntimeCourse, 'units'>): boolean {
  const ix = indexCourse(course);
  return ix.tests.length + ix.surveys.length > 0 || ix.questions.some((q) => !!q.question.type);
}
