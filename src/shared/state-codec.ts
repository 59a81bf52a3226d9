/**
 * The state codec (src/shared/state-core.ts, where the format is described)
 * with issue 12's assessment code bound, for Node: the compiler's proofs,
 * `check`, `report`, the tests. The player's engine calls state-core.ts itself
 * with what player-assess.js brings.
 */
import type { RuntimeCourse } from './runtime-types.js';
import type { CourseIndex, Progress } from './progress.js';
import { assess } from './assess.js';
import * as core from './state-core.js';

export { STATE_VERSION, fnv24, stateLength, type ReadState } from './state-core.js';

export const radices = (ix: CourseIndex): number[] => core.radices(ix, assess);
export const structureHash = (course: Pick<RuntimeCourse, 'id' | 'units'>): string => core.structureHash(course, assess);
export const worstCaseStateLength = (course: Pick<RuntimeCourse, 'units'>): number => core.worstCaseStateLength(course, assess);
export const encodeState = (course: RuntimeCourse, progress: Progress): string => core.encodeState(course, progress, assess);
export const readState = (course: RuntimeCourse, s: unknown): core.ReadState | null => core.readState(course, s, assess);
export const decodeState = (course: RuntimeCourse, s: unknown): Progress | null => core.decodeState(course, s, assess);
