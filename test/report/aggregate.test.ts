/**
 * The aggregator's rules on events made by hand against course 1.0.0: a
 * replayed scenario counts its first play only; a play resumed mid-way keeps
 * its path; the xAPI counts-for-score mark wins over arrival order; the
 * point-biserial is Pearson's r of the 0/1 item and the rest score.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Aggregator, courseMap, type CourseMap } from '../../src/report/index.js';
import { loadReportCourse } from '../../src/report/node-report.js';
import { PointBiserial } from '../../src/report/stats.js';
import { COURSE_100 } from './helpers.js';

let map: CourseMap;
const at = { source: 'test', line: 1 };

beforeAll(async () => {
  map = courseMap((await loadReportCourse(COURSE_100)).course!);
});

const who = (learner: string, attempt = '1') => ({ learner, attempt, order: attempt.padStart(10, '0') });

function choose(agg: Aggregator, learner: string, scenario: string, picks: [scene: string, letter: string][]): void {
  const s = map.scenarios.find((x) => x.scenario.id === scenario)!;
  for (const [scene, letter] of picks) agg.add({ ...who(learner), kind: 'choice', scenario: s.index, scene: s.scenes.get(scene)!, choice: letter.charCodeAt(0) - 97 }, at);
}

describe('Aggregator', () => {
  it('a replay counts as a replay; the first play\'s path and ending are the ones reported', () => {
    const agg = new Aggregator(map);
    // First play to the fail ending, then a replay to the pass ending (the scene ids of the real export).
    choose(agg, 'a', 'amplop-loket-samsat', [['mulai', 'b'], ['terima', 'b']]);
    choose(agg, 'a', 'amplop-loket-samsat', [['mulai', 'a'], ['tolak', 'a'], ['lapor', 'a']]);
    const s = agg.finish().scenarios.find((x) => x.id === 'amplop-loket-samsat')!;
    expect(s.n).toBe(1);
    expect(s.replays).toBe(1);
    expect(s.paths).toEqual([{ path: 'mulai → terima → jadi-suap', count: 1 }]);
    expect(s.endings.filter((e) => e.count).map((e) => e.scene)).toEqual(['jadi-suap']);
  });

  it('a play resumed mid-way (no start scene recorded again) continues its path', () => {
    const agg = new Aggregator(map);
    choose(agg, 'b', 'amplop-loket-samsat', [['mulai', 'a']]);
    choose(agg, 'b', 'amplop-loket-samsat', [['tolak', 'a'], ['lapor', 'a']]);
    const s = agg.finish().scenarios.find((x) => x.id === 'amplop-loket-samsat')!;
    expect(s.paths).toEqual([{ path: 'mulai → tolak → lapor → loket-bersih', count: 1 }]);
    expect(s.replays).toBe(0);
  });

  it('the answer marked counts-for-score is the first one, whatever order the records come in', () => {
    const agg = new Aggregator(map);
    const q = map.questions[0]!;
    const wrong = q.question.choices.findIndex((c) => !c.correct);
    agg.add({ ...who('c'), kind: 'answer', question: q.index, mask: q.correctMask, first: false }, at);
    agg.add({ ...who('c'), kind: 'answer', question: q.index, mask: 1 << wrong, first: true }, at);
    const item = agg.finish().items[0]!;
    expect(item).toMatchObject({ n: 1, p: 0 });
    expect(item.choices[wrong]!.count).toBe(1);
  });

  it('point-biserial: Pearson r of a 0/1 item with a score, null when either does not vary', () => {
    const xs = [1, 0, 1, 1, 0, 0, 1] as const;
    const ys = [8, 3, 6, 9, 4, 5, 7];
    const pb = new PointBiserial();
    xs.forEach((x, i) => pb.add(x, ys[i]!));
    const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(xs);
    const my = mean(ys);
    const cov = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
    const r = cov / Math.sqrt(xs.reduce((a, x) => a + (x - mx) ** 2, 0) * ys.reduce((a, y) => a + (y - my) ** 2, 0));
    expect(pb.r).toBeCloseTo(r, 12);
    expect(r).toBeGreaterThan(0.8);
    const flat = new PointBiserial();
    flat.add(1, 3);
    flat.add(1, 5);
    expect(flat.r).toBeNull();
  });
});
