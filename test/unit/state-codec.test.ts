import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuntimeCourse, RuntimeLesson, RuntimeScenario } from '../../src/shared/runtime-types.js';
import { emptyProgress, indexCourse, type Progress } from '../../src/shared/progress.js';
import { decodeState, encodeState, worstCaseStateLength } from '../../src/shared/state-codec.js';
import { mulberry32 } from '../helpers/rng.js';
import { randomProgress } from '../helpers/progress.js';

const sample = JSON.parse(readFileSync(new URL('../fixtures/runtime/sample-course.json', import.meta.url), 'utf8')) as RuntimeCourse;

/** The state with every field at its largest value. */
function maximalProgress(course: RuntimeCourse): Progress {
  const ix = indexCourse(course);
  const p = emptyProgress(course);
  p.pages = p.pages.map(() => true);
  p.questions = ix.questions.map(({ question }) => ({
    first: true,
    last: question.multiple ? question.choices.map((_, i) => i) : [question.choices.length - 1],
  }));
  p.scenarios = ix.scenarios.map(({ scenario, endings }) => ({ ending: endings[endings.length - 1]!, scene: scenario.scenes.length - 1 }));
  p.at = ix.stops.length - 1;
  return p;
}

/** A synthetic course: `pages` pages over 10 lessons, `questions` questions, `scenarios` scenarios. */
function bigCourse(pages: number, questions: number, scenarios: number, choices = 4): RuntimeCourse {
  const lessons: RuntimeLesson[] = [];
  let q = 0;
  for (let l = 0; l < 10; l++) {
    const lesson: RuntimeLesson = { kind: 'lesson', id: `lesson-${l}`, title: `L${l}`, duration: null, objectives: [], pages: [] };
    for (let i = 0; i < pages / 10; i++) {
      const blocks: RuntimeLesson['pages'][number]['blocks'] = [{ kind: 'html', html: '<p>x</p>' }];
      if (q < questions && i % Math.max(1, Math.floor(pages / questions)) === 0) {
        const multiple = q % 3 === 0;
        blocks.push({
          kind: 'question',
          question: {
            id: `q-${q++}`,
            promptHtml: '<p>?</p>',
            promptText: '?',
            multiple,
            points: 1,
            dimension: null,
            choices: Array.from({ length: choices }, (_, c) => ({ text: `c${c}`, html: `c${c}`, correct: multiple ? c < 2 : c === 0, feedbackHtml: null })),
          },
        });
      }
      lesson.pages.push({ id: `p${i}`, title: `P${i}`, blocks });
    }
    lessons.push(lesson);
  }
  const scen: RuntimeScenario[] = Array.from({ length: scenarios }, (_, s) => ({
    kind: 'scenario',
    id: `s-${s}`,
    title: `S${s}`,
    introHtml: '',
    points: 1,
    dimension: null,
    start: 'a',
    scenes: [
      { id: 'a', title: 'A', html: '', choices: [{ text: 'x', html: 'x', target: 'b', quality: 'good', feedbackHtml: null }, { text: 'y', html: 'y', target: 'c', quality: 'bad', feedbackHtml: null }], ending: null },
      ...Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, title: 'M', html: '', choices: [{ text: 'x', html: 'x', target: 'b', quality: 'neutral' as const, feedbackHtml: null }], ending: null })),
      { id: 'b', title: 'B', html: '', choices: [], ending: { outcome: 'pass', score: 100 } },
      { id: 'c', title: 'C', html: '', choices: [], ending: { outcome: 'fail', score: 0 } },
    ],
  }));
  return { ...sample, id: 'big', units: [...lessons, ...scen], dimensions: [] };
}

describe('state codec', () => {
  it('round-trips the empty and the maximal state', () => {
    for (const p of [emptyProgress(sample), maximalProgress(sample)]) {
      const s = encodeState(sample, p);
      expect(s).toMatch(/^1\.[A-Za-z0-9_-]{4}\.[A-Za-z0-9_-]*$/);
      expect(decodeState(sample, s)).toEqual(p);
    }
  });

  it('round-trips random reachable states exactly (seeded)', () => {
    const r = mulberry32(42);
    for (let i = 0; i < 500; i++) {
      const p = randomProgress(sample, r);
      expect(decodeState(sample, encodeState(sample, p))).toEqual(p);
    }
  });

  it('round-trips a question whose first answer was wrong and last answer right, and the reverse', () => {
    const ix = indexCourse(sample);
    const multi = ix.questions.findIndex((q) => q.question.multiple);
    const p = emptyProgress(sample);
    p.questions[0] = { first: false, last: [1] };
    p.questions[multi] = { first: true, last: [0, 3] };
    const back = decodeState(sample, encodeState(sample, p))!;
    expect(back.questions[0]).toEqual({ first: false, last: [1] });
    expect(back.questions[multi]).toEqual({ first: true, last: [0, 3] });
  });

  it('the worst case is the length of the maximal state and bounds every random state', () => {
    const worst = worstCaseStateLength(sample);
    expect(encodeState(sample, maximalProgress(sample)).length).toBe(worst);
    const r = mulberry32(7);
    for (let i = 0; i < 300; i++) expect(encodeState(sample, randomProgress(sample, r)).length).toBeLessThanOrEqual(worst);
  });

  it('fits a 1,000-page course with 300 questions and 20 scenarios well inside 4096', () => {
    const big = bigCourse(1000, 300, 20);
    const ix = indexCourse(big);
    expect(ix.pages.length).toBe(1000);
    expect(ix.questions.length).toBe(300);
    const worst = worstCaseStateLength(big);
    expect(worst).toBeLessThan(1000);
    expect(encodeState(big, maximalProgress(big)).length).toBe(worst);
    const r = mulberry32(1000);
    for (let i = 0; i < 50; i++) {
      const p = randomProgress(big, r);
      const s = encodeState(big, p);
      expect(s.length).toBeLessThanOrEqual(worst);
      expect(decodeState(big, s)).toEqual(p);
    }
  });

  it('returns null for garbage, never throws', () => {
    const good = encodeState(sample, maximalProgress(sample));
    const r = mulberry32(3);
    const garbage: unknown[] = [
      null, undefined, '', ' ', 'null', '{}', '1', '1..', '1.AAAA.', '2' + good.slice(1), good + 'A', good.slice(0, -1),
      good.replace(/.$/, '!'), good.replace('.', ':'), 42, {}, [], 'a'.repeat(5000), '1.' + good.slice(2).replace(/^..../, 'ZZZZ'),
    ];
    for (let i = 0; i < 300; i++) {
      const chars = Array.from({ length: good.length }, (_, j) => (j < 7 ? good[j] : 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[Math.floor(r() * 64)]));
      garbage.push(chars.join(''));
    }
    let decodedSome = 0;
    for (const g of garbage) {
      const out = decodeState(sample, g);
      if (out !== null) {
        decodedSome++;
        // Whatever decodes is a well-formed state of this course and re-encodes identically.
        expect(encodeState(sample, out)).toBe(g);
      }
    }
    for (const g of garbage.slice(0, 19)) expect(decodeState(sample, g)).toBeNull();
    expect(decodedSome).toBeLessThan(300);
  });

  it('rejects a state saved by a structurally different course (version mismatch)', () => {
    const s = encodeState(sample, maximalProgress(sample));
    const changed = JSON.parse(JSON.stringify(sample)) as RuntimeCourse;
    const lesson = changed.units[0] as RuntimeLesson;
    lesson.pages.push({ id: 'new', title: 'New', blocks: [] });
    expect(decodeState(changed, s)).toBeNull();
    const reworded = JSON.parse(JSON.stringify(sample)) as RuntimeCourse;
    (reworded.units[0] as RuntimeLesson).pages[0]!.title = 'Judul baru';
    expect(decodeState(reworded, s)).toEqual(maximalProgress(sample));
  });
});
