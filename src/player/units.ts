/**
 * Loads from the package what the learner needs when they first need it:
 * each unit's HTML (src/shared/course-split.ts), and, as if they were two
 * units more, the results screen (player-results.js, src/player/results.ts)
 * and, before a course with typed questions, surveys or tests starts, their
 * screens and engine (player-assess.js, src/shared/assess-files.ts). A
 * script element, not fetch(): a package opened from file:// may load
 * scripts beside it but not fetch them.
 */
import { ASSESS_SCRIPT } from '../shared/assess-files';
import { joinUnit, RESULTS_SCRIPT, unitFile } from '../shared/course-split';
import type { RuntimeCourse, RuntimeUnit } from '../shared/runtime-types';

export interface UnitLoader {
  /** Whether unit `n` (or, for n = the number of units, the results script, and one more, the assessment script) is there; -1 is nothing to load. */
  loaded(n: number): boolean;
  /** Calls `then(true)` once it is there (at once if it is), `then(false)` if its file did not load. */
  load(n: number, then?: (ok: boolean) => void): void;
}

export function unitLoader(course: RuntimeCourse): UnitLoader {
  const w = window as unknown as Record<string, unknown> & { irUnit: (n: number, unit: RuntimeUnit) => void };
  const count = course.units.length;
  const done: boolean[] = [];
  /** The callbacks of each unit being loaded. */
  const waiting: Array<Array<(ok: boolean) => void> | 0> = [];
  const settle = (n: number, ok: boolean) => {
    const list = waiting[n] || [];
    waiting[n] = 0;
    list.forEach((f) => f(ok));
  };
  w.irUnit = (n, unit) => {
    if (!done[n] && n < count) settle(n, (done[n] = joinUnit(course.units[n]!, unit)));
  };
  const loaded = (n: number) => n < 0 || !!done[n] || (n >= count && !!w[n > count ? 'irAssess' : 'irResults']);
  return {
    loaded,
    load(n, then = () => {}) {
      if (loaded(n)) return then(true);
      const was = waiting[n];
      waiting[n] = (was || []).concat(then);
      if (was) return;
      const el = document.createElement('script');
      el.src = n < count ? unitFile(n) : n > count ? ASSESS_SCRIPT : RESULTS_SCRIPT;
      // Missing or cut off: the next request tries again.
      el.onerror = el.onload = () => {
        if (!done[n]) settle(n, (done[n] = loaded(n)));
        el.remove();
      };
      document.head.appendChild(el);
    },
  };
}
