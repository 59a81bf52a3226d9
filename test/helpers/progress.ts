/** Learner progress for codec tests. */
import { emptyProgress, indexCourse, type Progress } from '../../src/shared/progress.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';

/** A random but valid (reachable) progress state. */
export function randomProgress(course: RuntimeCourse, r: () => number): Progress {
  const ix = indexCourse(course);
  const p = emptyProgress(course);
  p.pages = p.pages.map(() => r() < 0.5);
  p.questions = ix.questions.map(({ question }) => {
    if (r() < 0.3) return { first: null, last: [] };
    const k = question.choices.length;
    let last: number[];
    if (question.multiple) {
      last = [];
      for (let i = 0; i < k; i++) if (r() < 0.5) last.push(i);
      if (!last.length) last = [Math.floor(r() * k)];
    } else {
      last = [Math.floor(r() * k)];
    }
    return { first: r() < 0.5, last };
  });
  p.scenarios = ix.scenarios.map(({ scenario, endings }) => ({
    ending: r() < 0.4 ? null : endings[Math.floor(r() * endings.length)]!,
    scene: Math.floor(r() * scenario.scenes.length),
  }));
  p.at = Math.floor(r() * ix.stops.length);
  return p;
}
