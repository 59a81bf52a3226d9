/**
 * Saved progress carried over to a new version of the course (issue 10):
 * course 1.0.0 as released, and a "1.1" made from it here that adds, removes,
 * renames and changes pages, questions, scenes and scenarios. What a state of
 * 1.0.0 becomes in 1.1 is checked against an oracle written here from the ids
 * alone, independently of the plan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyProgress, indexCourse, type Progress } from '../../src/shared/progress.js';
import type { RuntimeCourse, RuntimeLesson, RuntimeScenario, StatePlan } from '../../src/shared/runtime-types.js';
import { decodeState, encodeState, readState, structureHash, worstCaseStateLength } from '../../src/shared/state-codec.js';
import { layoutOf, layoutYaml, planFor, provePlan, skeletonOf } from '../../src/render/state-layout.js';
import { compileFolder } from '../helpers/compile.js';
import { createEngine } from '../../src/player/engine.js';
import type { Restored, Transport } from '../../src/player/transport/types.js';
import { mulberry32 } from '../helpers/rng.js';
import { carriedOver, randomProgress } from '../helpers/progress.js';

let v10: RuntimeCourse;
let v11: RuntimeCourse;

const lessons = (c: RuntimeCourse) => c.units.filter((u): u is RuntimeLesson => u.kind === 'lesson');
const scenarios = (c: RuntimeCourse) => c.units.filter((u): u is RuntimeScenario => u.kind === 'scenario');
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** 1.1: what a real update does, each kind of change at least once. */
function update(old: RuntimeCourse): RuntimeCourse {
  const c = clone(old);
  c.version = '1.1.0';
  const [l0, l1] = lessons(c);
  // A new page after the opening page, with a new question.
  const q0 = l0!.pages.flatMap((p) => p.blocks).find((b) => b.kind === 'question')!;
  const newQuestion = clone(q0);
  if (newQuestion.kind === 'question') newQuestion.question.id = 'q-baru';
  l0!.pages.splice(1, 0, { id: 'halaman-baru', title: 'Halaman baru', blocks: [{ kind: 'html', html: '<p>baru</p>' }, newQuestion] });
  // A heading renamed (its page id changes), and the first question's choices reworded.
  l0!.pages[3]!.id = 'judul-baru';
  if (q0.kind === 'question') q0.question.choices[0]!.text += ' (diperbarui)';
  // The last page of the second lesson removed, with its questions.
  l1!.pages.pop();
  const [s0, s1] = scenarios(c);
  // A scene of the first scenario removed (an ending), which shifts the others.
  const gone = s0!.scenes.findIndex((s) => s.ending && s.id !== s0!.scenes.find((x) => x.ending)!.id);
  s0!.scenes.splice(gone, 1);
  // The second scenario removed, a new one added at the end.
  c.units.splice(c.units.indexOf(s1!), 1);
  c.units.push({ ...clone(s1!), id: 'skenario-baru' });
  return c;
}

function withPlan(course: RuntimeCourse, old: RuntimeCourse): { course: RuntimeCourse; plan: StatePlan } {
  const plan = planFor(layoutOf(old), course);
  return { course: { ...course, previous: [plan] }, plan };
}

beforeAll(async () => {
  const r = await compileFolder('test/courses/integrity-ranger-1.0.0', ['scorm12']);
  expect(r.ok).toBe(true);
  v10 = { ...r.runtime!, target: 'scorm12' };
  v11 = update(v10);
});

describe('state layouts', () => {
  it('describe exactly what the codec encodes: a skeleton hashes and sizes as the course', () => {
    for (const c of [v10, v11]) {
      const skeleton = skeletonOf(layoutOf(c));
      expect(structureHash(skeleton)).toBe(structureHash(c));
      expect(layoutOf(c).hash).toBe(structureHash(c));
      expect(worstCaseStateLength(skeleton)).toBe(worstCaseStateLength(c));
    }
    expect(structureHash(v11)).not.toBe(structureHash(v10));
  });

  it('are written as YAML that names every id', () => {
    const yaml = layoutYaml(layoutOf(v10));
    for (const u of v10.units) expect(yaml).toContain(JSON.stringify(u.id));
    expect(yaml).toMatch(/^hash: "[A-Za-z0-9_-]{4}"$/m);
  });
});

describe('a state of 1.0.0 read by 1.1', () => {
  it('without a plan: refused (null), never misread', () => {
    const s = encodeState(v10, randomProgress(v10, mulberry32(1)));
    expect(readState(v11, s)).toBeNull();
  });

  it('keeps what still applies, by id, and drops the rest (pages, answers, endings, scene positions)', () => {
    const { course, plan } = withPlan(v11, v10);
    expect(provePlan(plan, layoutOf(v10), v11)).toEqual([]);
    const r = mulberry32(7);
    const seen = { page: 0, droppedPage: 0, answer: 0, droppedAnswer: 0, ending: 0, droppedEnding: 0, scene: 0 };
    for (let i = 0; i < 200; i++) {
      const p = randomProgress(v10, r);
      const read = readState(course, encodeState(v10, p));
      expect(read?.updated).toBe(true);
      const { at, ...kept } = read!.progress;
      const want = carriedOver(v10, p, v11);
      expect(kept).toEqual(want);
      // The result is a state of 1.1: it re-encodes at 1.1's length and reads back the same.
      const again = encodeState(course, read!.progress);
      expect(again.length).toBe(worstCaseStateLength(v11));
      expect(readState(course, again)).toEqual({ progress: read!.progress, updated: false });
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(indexCourse(v11).stops.length);
      seen.page += want.pages.filter(Boolean).length;
      seen.answer += want.questions.filter((q) => q.first !== null).length;
      seen.droppedAnswer += p.questions.filter((q) => q.first !== null).length - want.questions.filter((q) => q.first !== null).length;
      seen.ending += want.scenarios.filter((s) => s.ending !== null).length;
      seen.droppedEnding += p.scenarios.filter((s) => s.ending !== null).length - want.scenarios.filter((s) => s.ending !== null).length;
      seen.droppedPage += p.pages.filter(Boolean).length - want.pages.filter(Boolean).length;
    }
    // Every kind was both kept and dropped somewhere in the sample.
    for (const [k, n] of Object.entries(seen)) if (k !== 'scene') expect(n, k).toBeGreaterThan(0);
  });

  it('drops the answer of a question whose choices changed, keeps one whose choices did not', () => {
    const { course } = withPlan(v11, v10);
    const o = indexCourse(v10);
    const p = emptyProgress(v10);
    p.questions = o.questions.map(() => ({ first: true, last: [0] }));
    const read = readState(course, encodeState(v10, p))!.progress;
    const n = indexCourse(v11);
    const byId = (id: string) => read.questions[n.questions.findIndex((q) => q.question.id === id)]!;
    expect(byId(o.questions[0]!.question.id), 'choices reworded').toEqual({ first: null, last: [] });
    expect(byId(o.questions[1]!.question.id), 'choices unchanged').toEqual({ first: true, last: [0] });
    expect(byId('q-baru'), 'new question').toEqual({ first: null, last: [] });
  });

  it('puts the learner on the same page or scenario by id, else just after the last earlier stop that survives', () => {
    const { course } = withPlan(v11, v10);
    const o = indexCourse(v10);
    const n = indexCourse(v11);
    const at = (oldAt: number) => {
      const p = emptyProgress(v10);
      p.at = oldAt;
      return readState(course, encodeState(v10, p))!.progress.at;
    };
    const pageStop = (ix: typeof o, lesson: string, page: string) => ix.pageStop[ix.pages.findIndex((x) => x.lesson.id === lesson && x.page.id === page)]!;
    const [l0, l1] = lessons(v10);
    // Same page, even though a page was inserted before it.
    expect(at(pageStop(o, l0!.id, l0!.pages[1]!.id))).toBe(pageStop(n, l0!.id, l0!.pages[1]!.id));
    expect(n.pageStop.indexOf(at(o.pageStop[1]!))).toBe(2);
    // Renamed page: after the page before it, which is where the renamed one now is.
    expect(at(pageStop(o, l0!.id, l0!.pages[2]!.id))).toBe(pageStop(n, l0!.id, 'judul-baru'));
    // Removed last page of lesson 2: the stop after lesson 2's new last page (the next unit).
    const removed = l1!.pages[l1!.pages.length - 1]!;
    expect(at(pageStop(o, l1!.id, removed.id))).toBe(pageStop(n, l1!.id, l1!.pages[l1!.pages.length - 2]!.id) + 1);
    // A scenario that survives; one that was removed: the stop after the one before it.
    const [s0, s1] = scenarios(v10);
    const scenarioStop = (ix: typeof o, id: string) => ix.scenarioStop[ix.scenarios.findIndex((x) => x.scenario.id === id)]!;
    expect(at(scenarioStop(o, s0!.id))).toBe(scenarioStop(n, s0!.id));
    expect(at(scenarioStop(o, s1!.id))).toBe(scenarioStop(n, s0!.id) + 1);
    // The results stay the results; the first page stays the first.
    expect(at(o.stops.length - 1)).toBe(n.stops.length - 1);
    expect(at(0)).toBe(0);
  });

  it('falls back to the first stop when nothing before the learner survives', () => {
    const c = clone(v11);
    const l0 = lessons(c)[0]!;
    l0.id = 'pelajaran-baru';
    const plan = planFor(layoutOf(v10), c);
    const p = emptyProgress(v10);
    p.at = 2;
    expect(readState({ ...c, previous: [plan] }, encodeState(v10, p))!.progress.at).toBe(0);
  });

  it('refuses cleanly what the plan cannot read: another hash, another length, a value out of range, trailing bits', () => {
    const { course } = withPlan(v11, v10);
    const good = encodeState(v10, randomProgress(v10, mulberry32(3)));
    const [v, hash, payload] = good.split('.') as [string, string, string];
    const bad = [
      `${v}.${hash === 'AAAA' ? 'AAAB' : 'AAAA'}.${payload}`,
      `${v}.${hash}.${payload}A`,
      `${v}.${hash}.${payload.slice(0, -1)}`,
      `2.${hash}.${payload}`,
      `${v}.${hash}.${payload.slice(0, -1)}!`,
      `${v}.${hash}.${payload.replace(/^./, '_')}.x`,
      `${v}.${hash}.${'_'.repeat(payload.length)}`,
    ];
    for (const s of bad) expect(readState(course, s), s).toBeNull();
    expect(decodeState(course, good)).not.toBeNull();
  });
});

describe('provePlan', () => {
  it('refuses a plan that sends a field to another kind, twice to one field, with the wrong radix or table', () => {
    const plan = planFor(layoutOf(v10), v11);
    const layout = layoutOf(v10);
    const o = indexCourse(v10);
    const firstQuestion = o.pages.length;
    const broken = (edit: (f: StatePlan['fields']) => void) => {
      const p = clone(plan);
      edit(p.fields);
      return provePlan(p, layout, v11);
    };
    expect(provePlan(plan, layout, v11)).toEqual([]);
    // A page flag into a question.
    expect(broken((f) => (f[0] = [2, indexCourse(v11).pages.length]))).toEqual([expect.stringMatching(/goes to a question field/), expect.stringMatching(/copied into field \d+ of radix \d+, not 2/)]);
    // Two pages into one.
    expect(broken((f) => (f[1] = [2, f[0]![1]]))).toEqual([expect.stringMatching(/which another field fills too/)]);
    // Read with a radix the old version did not write.
    expect(broken((f) => (f[firstQuestion]![0] += 2)).join()).toMatch(/is read with radix/);
    // A location table that leaves the course.
    expect(broken((f) => ((f[f.length - 1] as [number, number, number[]])[2][0] = 999))).toEqual([expect.stringMatching(/its table does not map/)]);
    // Missing fields.
    expect(broken((f) => f.pop())).toEqual([expect.stringMatching(/fields, the layout/)]);
  });
});

describe('the engine on relaunch', () => {
  const quiet: Transport = { name: 'standalone', start: () => Promise.resolve({ state: null, location: null }), record() {}, save() {}, finish() {}, onHealth() {} };
  const engine = (course: RuntimeCourse, restored: Restored) => createEngine(course, quiet, restored, () => 0);

  it('says which notice: updated (kept what applies), lost (refused, nothing read), or none', () => {
    const { course } = withPlan(v11, v10);
    const p = randomProgress(v10, mulberry32(11));
    p.at = indexCourse(v10).pageStop[1]!;
    const updated = engine(course, { state: encodeState(v10, p), location: null });
    expect([updated.update, updated.resumed]).toEqual(['updated', true]);
    expect(updated.progress.pages).toEqual(carriedOver(v10, p, v11).pages);
    expect(updated.at).toBe(indexCourse(v11).pageStop[2]);

    const same = engine(course, { state: encodeState(course, updated.progress), location: null });
    expect([same.update, same.resumed]).toEqual([null, true]);

    // Refused: nothing of it is read; the LMS's location (ids) still places the learner.
    const lost = engine(course, { state: encodeState(v10, p).replace(/^1\.[^.]+/, '1.AAAA'), location: 'l:' + lessons(v11)[0]!.id + '/judul-baru' });
    expect(lost.update).toBe('lost');
    expect(lost.progress.pages.filter(Boolean)).toEqual([]);
    expect(lost.progress.questions.every((q) => q.first === null)).toBe(true);
    expect(lost.at).toBe(indexCourse(v11).pageStop[3]);

    const none = engine(course, { state: null, location: null });
    expect([none.update, none.resumed, none.at]).toEqual([null, false, 0]);
  });
});
