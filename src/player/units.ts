/**
 * Loads each unit's HTML from the package when the learner first needs it
 * (src/shared/course-split.ts). A script element, not fetch(): a package
 * opened from file:// may load scripts beside it but not fetch them.
 */
import { joinUnit, unitFile } from '../shared/course-split';
import type { RuntimeCourse, RuntimeUnit } from '../shared/runtime-types';

export interface UnitLoader {
  loaded(n: number): boolean;
  /** Calls `then(true)` once unit `n` is there (at once if it is, or for -1, no unit), `then(false)` if its file did not load. */
  load(n: number, then?: (ok: boolean) => void): void;
}

export function unitLoader(course: RuntimeCourse): UnitLoader {
  const done: boolean[] = [];
  /** The callbacks of each unit being loaded. */
  const waiting: Array<Array<(ok: boolean) => void> | 0> = [];
  const settle = (n: number, ok: boolean) => {
    const w = waiting[n] || [];
    waiting[n] = 0;
    w.forEach((f) => f(ok));
  };
  (window as unknown as { irUnit: (n: number, unit: RuntimeUnit) => void }).irUnit = (n, unit) => {
    if (!done[n] && course.units[n]) settle(n, (done[n] = joinUnit(course.units[n]!, unit)));
  };
  return {
    loaded: (n) => !!done[n],
    load(n, then = () => {}) {
      if (n < 0 || done[n]) return then(true);
      const w = waiting[n];
      waiting[n] = (w || []).concat(then);
      if (w) return;
      const el = document.createElement('script');
      el.src = unitFile(n);
      // Missing or cut off: the next request tries again.
      el.onerror = el.onload = () => {
        if (!done[n]) settle(n, false);
        el.remove();
      };
      document.head.appendChild(el);
    },
  };
}
