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

/**
 * What a new version of a course should make of a state of an old one
 * (issue 10), from ids alone: written apart from src/render/state-layout.ts
 * to check it. The location is left to the tests.
 */
export function carriedOver(oldC: RuntimeCourse, p: Progress, newC: RuntimeCourse): Omit<Progress, 'at'> {
  const o = indexCourse(oldC);
  const n = indexCourse(newC);
  const pages = n.pages.map((ref) => {
    const i = o.pages.findIndex((x) => x.lesson.id === ref.lesson.id && x.page.id === ref.page.id);
    return i >= 0 && p.pages[i]!;
  });
  const questions = n.questions.map(({ question }) => {
    const i = o.questions.findIndex((x) => x.question.id === question.id);
    const same = i >= 0 && JSON.stringify(o.questions[i]!.question.choices.map((c) => [c.text, c.correct])) === JSON.stringify(question.choices.map((c) => [c.text, c.correct]));
    return same ? p.questions[i]! : { first: null, last: [] };
  });
  const scenarios = n.scenarios.map(({ scenario, start }) => {
    const i = o.scenarios.findIndex((x) => x.scenario.id === scenario.id);
    if (i < 0) return { ending: null, scene: start };
    const old = o.scenarios[i]!.scenario;
    const sp = p.scenarios[i]!;
    const at = (idx: number | null) => (idx === null ? -1 : scenario.scenes.findIndex((s) => s.id === old.scenes[idx]!.id));
    const e = at(sp.ending);
    return { ending: e >= 0 && scenario.scenes[e]!.ending ? e : null, scene: at(sp.scene) >= 0 ? at(sp.scene) : start };
  });
  // The old versions these tests update from have no surveys or tests: a new version's start empty,
  // as a state reads back (a zero per bucket, where emptyProgress leaves the lists empty).
  const { surveys } = emptyProgress(newC);
  const tests = n.tests.map(({ buckets }) => ({ attempts: 0, open: false, drawn: [], answers: [], right: buckets.map(() => 0), total: buckets.map(() => 0) }));
  return { pages, questions, scenarios, ...(surveys ? { surveys } : {}), ...(tests.length ? { tests } : {}) };
}
