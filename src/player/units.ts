/**
 * Loads from the package what the learner needs when they first need it:
 * each unit's HTML (src/shared/course-split.ts); as if it were one unit more,
 * the results screen (player-results.js, src/player/results.ts); and, with
 * a page that holds a typed question or a survey and with a test, their
 * screens (player-assess.js, src/shared/assess-files.ts): the first time the
 * learner is on one, never ahead. A script element,
 * not fetch(): a package opened from file:// may load scripts beside it but
 * not fetch them.
 */
import { ASSESS_SCRIPT } from '../shared/assess-files';
import { joinUnit, RESULTS_SCRIPT, unitFile } from '../shared/course-split';
import type { RuntimeCourse, RuntimeUnit } from '../shared/runtime-types';

export interface UnitLoader {
  /** Whether unit `n` (for n = the number of units, the results script) is there, and with `assess` player-assess.js too; -1 is nothing to load. */
  loaded(n: number, assess?: boolean): boolean;
  /** Calls `then(true)` once it is there (at once if it is), `then(false)` if a file did not load. */
  load(n: number, then?: (ok: boolean) => void, assess?: boolean): void;
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
  // Past the units: the results script, and one more (the full player only: src/shared/lite.d.ts), player-assess.js.
  const has = (n: number) => n < 0 || !!done[n] || (n >= count && !!w[!globalThis.IR_LITE && n > count ? 'irAssess' : 'irResults']);
  const one = (n: number, then: (ok: boolean) => void) => {
    if (has(n)) return then(true);
    const was = waiting[n];
    waiting[n] = (was || []).concat(then);
    if (was) return;
    const el = document.createElement('script');
    el.src = n < count ? unitFile(n) : !globalThis.IR_LITE && n > count ? ASSESS_SCRIPT : RESULTS_SCRIPT;
    // Missing or cut off: the next request tries again.
    el.onerror = el.onload = () => {
      if (!done[n]) settle(n, (done[n] = has(n)));
      el.remove();
    };
    document.head.appendChild(el);
  };
  return {
    // The lighter player.js never plays a course that has them (src/shared/lite.d.ts): it leaves this out.
    loaded: (n, assess) => has(n) && (globalThis.IR_LITE || !assess || has(count + 1)),
    load(n, then = () => {}, assess) {
      if (globalThis.IR_LITE || !assess) return one(n, then);
      // Both files at once; told once, when both have answered.
      let left = 2;
      let ok = true;
      const both = (x: boolean) => {
        ok = ok && x;
        if (!--left) then(ok);
      };
      one(count + 1, both);
      one(n, both);
    },
  };
}
