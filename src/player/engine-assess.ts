/**
 * The engine's issue 12 methods (ASSESS.md §7): surveys and tests. Only the
 * full engine has them (src/shared/lite.d.ts): player-assess.js, not the first
 * page.
 */
import { isRight } from '../shared/answers';
import { attemptsOf, slotCounts } from '../shared/progress';
import { percent, testPassed, testScore } from '../shared/scoring';
import type { AssessMethods, Engine, EventBody } from './engine';

/** A number in [0, 1): the platform's cryptographic generator where there is one (so learners sitting together draw differently), else Math.random. */
function platformRandom(): number {
  const c = typeof crypto !== 'undefined' ? crypto : null;
  return c && c.getRandomValues ? c.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32 : Math.random();
}

/** `n` of `list`, at random, in random order (a partial Fisher–Yates shuffle of a copy). */
function pick(list: number[], n: number, random: () => number): number[] {
  const a = list.slice();
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (a.length - i));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a.slice(0, n);
}

/**
 * The methods, given the engine (ix, progress, save), `emit`, `changed`
 * (recomputes the result, course-completed once complete, saves), the clock,
 * and `random` in [0, 1) for the draw.
 */
export function assessMethods(engine: Engine, emit: (e: EventBody) => void, changed: () => void, now: () => number, random = platformRandom): AssessMethods {
  const { ix, progress } = engine;
  const save = () => engine.save();
  const start = now();
  /** Per test, per slot, the response text given with the answer (lost on a resume: the UI gives it again). */
  const texts: Array<Array<string | undefined>> = [];
  const answeredAt: number[][] = [];
  const started: number[] = [];
  const tp = (t: number) => progress.tests![t]!;

  const canStart = (t: number) => {
    const p = tp(t);
    const { test } = ix.tests[t]!;
    return !p.open && (p.attempts === 0 || (test.role === 'final' && p.attempts < attemptsOf(test) && !testPassed(test, p)));
  };

  return {
    canStart,
    surveyAnswer(v, values) {
      const { survey, lesson } = ix.surveys[v]!;
      progress.surveys![v] = survey.items.map((_, i) => values[i] || 0);
      survey.items.forEach((item, i) => {
        emit({ type: 'survey-answered', lesson: lesson.id, survey: survey.id, item: item.id, dimension: item.dimension, value: values[i] || 0, phase: survey.phase || null });
      });
      changed();
    },
    testStart(t) {
      if (!canStart(t)) return;
      const { test, buckets } = ix.tests[t]!;
      const pool = test.questions.map((_, i) => i);
      const counts = slotCounts(test, buckets);
      const drawn = test.perDimension
        ? pick(
            ([] as number[]).concat(...buckets.map((b, n) => pick(pool.filter((i) => (test.questions[i]!.dimension || '') === b), counts[n]!, random))),
            counts.reduce((a, b) => a + b, 0),
            random,
          )
        : pick(pool, counts[0]!, random);
      const p = tp(t);
      p.open = true;
      p.drawn = drawn;
      p.answers = [];
      texts[t] = [];
      answeredAt[t] = [];
      started[t] = now();
      save();
    },
    testAnswer(t, slot, answer, text) {
      const p = tp(t);
      if (!p.open || slot >= p.drawn.length) return;
      p.answers[slot] = answer.slice();
      (texts[t] = texts[t] || [])[slot] = text;
      (answeredAt[t] = answeredAt[t] || [])[slot] = now();
      save();
    },
    testSubmit(t) {
      const p = tp(t);
      if (!p.open) return;
      const { test, buckets } = ix.tests[t]!;
      const right = buckets.map(() => 0);
      const total = buckets.map(() => 0);
      const attempt = p.attempts + 1;
      const from = started[t] || start;
      const ref = { id: test.id, role: test.role, attempt };
      p.drawn.forEach((qi, slot) => {
        const q = test.questions[qi]!;
        const response = p.answers[slot] || [];
        const correct = response.length > 0 && isRight(q, response);
        const b = buckets.indexOf(q.dimension || '');
        right[b]! += correct ? 1 : 0;
        total[b]!++;
        const at = (answeredAt[t] && answeredAt[t]![slot]) || now();
        emit({ type: 'question-answered', lesson: test.id, question: q.id, response, correct, first: true, latencyMs: Math.max(0, at - from), text: texts[t] && texts[t]![slot], test: ref });
      });
      p.attempts = attempt;
      p.open = false;
      p.right = right;
      p.total = total;
      const score = testScore(p);
      emit({
        type: 'test-submitted',
        test: test.id,
        role: test.role,
        attempt,
        score,
        passed: test.role === 'pre' ? null : testPassed(test, p),
        dimensions: buckets.map((id, b) => ({ id, score: percent(100 * right[b]!, total[b]!) })).filter((d, b) => d.id && total[b]),
        durationMs: now() - from,
      });
      changed();
    },
  };
}
