/**
 * The SCORM 2004 transport against scorm-again's Scorm2004API (a run-time
 * that checks every value's type, range and dependencies the way a strict
 * LMS does), wrapped so that every call is logged; and against failures on
 * demand for the queue's retry rules.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Scorm2004API } from 'scorm-again/scorm2004';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { findScorm2004Api, type ApiWindow } from '../../src/player/transport/api-finder.js';
import { isoDuration, isoTime, localized, scorm2004Transport, type Scorm2004Api } from '../../src/player/transport/scorm2004.js';
import type { LearningEvent, Snapshot, Transport, TransportHealth } from '../../src/player/transport/types.js';
import { createEngine } from '../../src/player/engine.js';
import { indexCourse } from '../../src/shared/progress.js';

const sample = JSON.parse(readFileSync(new URL('../fixtures/runtime/sample-course.json', import.meta.url), 'utf8')) as RuntimeCourse;
const course: RuntimeCourse = { ...sample, target: 'scorm2004' };
const ix = indexCourse(course);
const q = (id: string) => ix.questions.findIndex((x) => x.question.id === id);

type Cmi = Record<string, any>;

/** scorm-again's run-time, every call logged as `fn(args) → result [error]`; `fail` makes a call fail with a code. */
class LoggedLms implements Scorm2004Api {
  readonly lms: InstanceType<typeof Scorm2004API>;
  log: string[] = [];
  fail: (fn: string, element?: string) => string | null = () => null;
  private forced: string | null = null;
  constructor(saved?: Cmi) {
    this.lms = new Scorm2004API({ logLevel: 5 });
    if (saved) this.lms.loadFromJSON(saved as never);
  }
  private run(fn: string, args: string[], f: () => unknown): unknown {
    const code = this.fail(fn, args[0]);
    this.forced = code;
    const r = code ? 'false' : f();
    this.log.push(`${fn}(${args.join(', ')}) → ${String(r)}${this.GetLastError() !== '0' ? ' [' + this.GetLastError() + ']' : ''}`);
    return r;
  }
  Initialize(p: '') { return this.run('Initialize', [], () => this.lms.Initialize(p)); }
  Terminate(p: '') { return this.run('Terminate', [], () => this.lms.Terminate(p)); }
  GetValue(e: string) { return this.run('GetValue', [e], () => this.lms.GetValue(e)); }
  SetValue(e: string, v: string) { return this.run('SetValue', [e, v], () => this.lms.SetValue(e, v)); }
  Commit(p: '') { return this.run('Commit', [], () => this.lms.Commit(p)); }
  GetLastError() { return this.forced ?? String(this.lms.GetLastError()); }
  GetErrorString(c: string) { return String(this.lms.GetErrorString(c)); }
  cmi(): Cmi { return (this.lms.renderCMIToJSONObject() as { cmi: Cmi }).cmi; }
  /** The SetValue and Commit calls, in order. */
  writes(): string[] { return this.log.filter((l) => /^(SetValue|Commit|Terminate)/.test(l)); }
}

const list = (c: unknown): Cmi[] => (c && typeof c === 'object' ? Object.keys(c).filter((k) => /^\d+$/.test(k)).sort((a, b) => +a - +b).map((k) => (c as Record<string, Cmi>)[k]!) : []);

function transport(api: Scorm2004Api, now = () => 1_000_000, timers: Array<{ f: () => void; ms: number }> = []): { t: Transport; health: TransportHealth[] } {
  const t = scorm2004Transport(course, api, now, (f, ms) => timers.push({ f, ms }));
  const health: TransportHealth[] = [];
  t.onHealth((h) => health.push(h));
  return { t, health };
}

const result0 = { score: 0, earned: 0, possible: 8, complete: false, status: 'incomplete' as const, dimensions: [{ id: 'gratifikasi', score: 0, status: 'incomplete' as const }] };
const snap = (over: Partial<Snapshot> = {}): Snapshot => ({ state: '1.ABCD.xyz', location: 'l:pengantar/p1', result: result0, ...over });
const passed: Snapshot['result'] = { score: 78, earned: 6.2, possible: 8, complete: true, status: 'passed', dimensions: [{ id: 'gratifikasi', score: 84, status: 'passed' }] };

afterEach(() => vi.restoreAllMocks());

describe('SCORM 2004 formats (RTE §4.1)', () => {
  it('timeinterval as ISO 8601 durations, time in UTC, localized descriptions', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(5234)).toBe('PT5.23S');
    expect(isoDuration(3_723_456)).toBe('PT1H2M3.46S');
    expect(isoDuration(120_000)).toBe('PT2M');
    expect(isoTime(Date.UTC(2024, 0, 2, 7, 5, 9, 250))).toBe('2024-01-02T07:05:09.25Z');
    expect(localized('Apa yang Anda lakukan?', 'id-ID')).toBe('{lang=id-ID}Apa yang Anda lakukan?');
    expect(localized('{x} ' + 'a'.repeat(300), 'en')).toBe('{lang=en}x} ' + 'a'.repeat(247));
  });

  it('every format is one scorm-again accepts', () => {
    const api = new LoggedLms();
    api.Initialize('');
    api.SetValue('cmi.interactions.0.id', 'q-amplop');
    api.SetValue('cmi.interactions.0.type', 'choice');
    for (const [el, v] of [
      ['timestamp', isoTime(Date.UTC(2026, 11, 6, 18, 0, 0, 5))],
      ['latency', isoDuration(3_723_456)],
      ['description', localized('{Kotak} saran', 'id-ID')],
      ['learner_response', 'a[,]c'],
      ['correct_responses.0.pattern', 'b'],
      ['result', 'incorrect'],
    ]) {
      expect(api.SetValue(`cmi.interactions.0.${el}`, v!), `${el}=${v}`).toBe('true');
    }
    expect(api.SetValue('cmi.session_time', 'PT0S')).toBe('true');
  });
});

describe('API discovery (API_1484_11: parents up to 7, then opener)', () => {
  const api = new LoggedLms();
  it('finds API_1484_11 and not a SCORM 1.2 API', () => {
    const lms: ApiWindow = { API_1484_11: api, API: { LMSInitialize() {}, LMSSetValue() {} } };
    lms.parent = lms;
    let w: ApiWindow = lms;
    for (let i = 0; i < 7; i++) w = { parent: w };
    expect(findScorm2004Api(w)).toBe(api);
    expect(findScorm2004Api({ parent: w })).toBeNull();
    expect(findScorm2004Api({ API: lms.API })).toBeNull();
    const popup: ApiWindow = { opener: lms };
    popup.parent = popup;
    expect(findScorm2004Api(popup)).toBe(api);
  });
});

describe('scorm2004Transport', () => {
  it('on first entry: Initialize once, completion_status incomplete and a commit; success_status left alone', async () => {
    const api = new LoggedLms();
    const { t } = transport(api);
    expect(await t.start()).toEqual({ state: null, location: null });
    expect(api.log.filter((l) => l.startsWith('Initialize'))).toHaveLength(1);
    expect(api.writes()).toEqual(['SetValue(cmi.completion_status, incomplete) → true', 'Commit() → true']);
    expect(api.cmi().success_status).toBe('unknown');
  });

  it('records an answer as a 2004 interaction: [,] responses, description, incorrect, ISO latency and timestamp', async () => {
    const api = new LoggedLms();
    const { t } = transport(api);
    await t.start();
    const at = Date.UTC(2024, 0, 2, 13, 5, 9);
    t.record({ type: 'question-answered', at, lesson: 'pengantar', question: 'q-tanda', response: [0, 1], correct: false, first: true, latencyMs: 5234 });
    t.record({ type: 'scenario-choice', at, scenario: 'amplop-loket', scene: 'mulai', choiceIndex: 1, quality: 'neutral', latencyMs: 1000 });
    t.save(snap());
    const [qi, si] = list(api.cmi().interactions);
    const tanda = ix.questions[q('q-tanda')]!.question;
    expect(qi).toMatchObject({
      id: 'q-tanda', type: 'choice', timestamp: '2024-01-02T13:05:09.00Z', weighting: String(tanda.points), learner_response: 'a[,]b', result: 'incorrect', latency: 'PT5.23S',
      description: `{lang=id-ID}${tanda.promptText}`.slice(0, 260),
    });
    const correct = tanda.choices.map((c, i) => (c.correct ? 'abcdefgh'[i] : '')).filter(Boolean).join('[,]');
    expect(list(qi!.correct_responses)[0]).toMatchObject({ pattern: correct });
    expect(si).toMatchObject({ id: 'amplop-loket.mulai', learner_response: 'b', result: 'neutral', weighting: '0', latency: 'PT1S' });
    expect(si!.description).toMatch(/^\{lang=id-ID\}.+: .+/);
    // No write refused (a GetValue of an element never set is 403 by RTE §3.1.7, and harmless).
    expect(api.writes().filter((l) => / \[\d+\]$/.test(l))).toEqual([]);
  });

  it('keeps location and suspend_data, exit suspend, objectives with completion and no verdict while incomplete', async () => {
    const api = new LoggedLms();
    const { t } = transport(api);
    await t.start();
    t.save(snap());
    const cmi = api.cmi();
    expect(cmi).toMatchObject({ location: 'l:pengantar/p1', suspend_data: '1.ABCD.xyz', completion_status: 'incomplete', success_status: 'unknown' });
    expect(list(cmi.objectives)[0]).toMatchObject({ id: 'gratifikasi', completion_status: 'incomplete', success_status: 'unknown', score: { scaled: '0', raw: '0', min: '0', max: '100' } });
    expect(api.writes()).toContain('SetValue(cmi.exit, suspend) → true');
    expect(api.writes().some((w) => w.includes('cmi.score.'))).toBe(false);
  });

  it('commits the final statuses first, then the score in a commit of its own, then Terminate', async () => {
    const api = new LoggedLms();
    const { t } = transport(api);
    await t.start();
    api.log = [];
    t.finish(snap({ result: passed }));
    const w = api.writes();
    const commits = w.map((l, i) => (l.startsWith('Commit') ? i : -1)).filter((i) => i >= 0);
    expect(commits).toHaveLength(2);
    const first = w.slice(0, commits[0]);
    const second = w.slice(commits[0]! + 1, commits[1]);
    expect(first).toContain('SetValue(cmi.completion_status, completed) → true');
    expect(first).toContain('SetValue(cmi.success_status, passed) → true');
    expect(first.some((l) => l.includes('cmi.score.'))).toBe(false);
    expect(second).toEqual([
      'SetValue(cmi.score.scaled, 0.78) → true',
      'SetValue(cmi.score.min, 0) → true',
      'SetValue(cmi.score.max, 100) → true',
      'SetValue(cmi.score.raw, 78) → true',
    ]);
    expect(w.at(-1)).toBe('Terminate() → true');
    expect(api.cmi()).toMatchObject({ exit: 'normal', completion_status: 'completed', success_status: 'passed' });
    expect(list(api.cmi().objectives)[0]).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { scaled: '0.84' } });
    expect(api.cmi().session_time).toMatch(/^PT/);
  });

  it('holds the score back while the status commit fails, and sends it after, on the retry', async () => {
    const api = new LoggedLms();
    const timers: Array<{ f: () => void; ms: number }> = [];
    const { t, health } = transport(api, () => 1_000_000, timers);
    await t.start();
    let down = true;
    api.fail = (fn) => (down && fn === 'Commit' ? '391' : null);
    t.save(snap({ result: passed }));
    expect(api.writes().some((l) => l.includes('cmi.score.'))).toBe(false);
    expect(health.at(-1)).toMatchObject({ kind: 'failing', detail: expect.stringContaining('Commit → 391') });
    down = false;
    timers.shift()!.f();
    const w = api.writes();
    const lastStatusCommit = w.lastIndexOf('Commit() → true', w.findIndex((l) => l.includes('cmi.score.')));
    expect(lastStatusCommit).toBeGreaterThan(0);
    expect(w.slice(lastStatusCommit + 1)).toEqual([
      'SetValue(cmi.score.scaled, 0.78) → true', 'SetValue(cmi.score.min, 0) → true', 'SetValue(cmi.score.max, 100) → true', 'SetValue(cmi.score.raw, 78) → true', 'Commit() → true',
    ]);
    expect(health.at(-1)).toEqual({ kind: 'ok' });
  });

  it('a nothing-to-score course: completed and passed, no score at all', async () => {
    const api = new LoggedLms();
    const { t } = transport(api);
    await t.start();
    t.finish(snap({ result: { score: 0, earned: 0, possible: 0, complete: true, status: 'passed', dimensions: [] } }));
    expect(api.cmi()).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { raw: '', scaled: '' } });
  });

  it('without passing_score: completed, and success_status stays unknown', async () => {
    const api = new LoggedLms();
    const { t } = transport(api);
    await t.start();
    t.finish(snap({ result: { ...passed, status: 'completed', dimensions: [{ id: 'gratifikasi', score: 84, status: 'completed' }] } }));
    expect(api.cmi()).toMatchObject({ completion_status: 'completed', success_status: 'unknown', score: { raw: '78' } });
    expect(list(api.cmi().objectives)[0]).toMatchObject({ completion_status: 'completed', success_status: 'unknown' });
  });

  it('drops a write the LMS refuses for good (406) with a warning, and keeps the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = new LoggedLms();
    const { t, health } = transport(api);
    await t.start();
    api.fail = (fn, el) => (fn === 'SetValue' && el === 'cmi.location' ? '406' : null);
    t.save(snap());
    expect(api.cmi().suspend_data).toBe('1.ABCD.xyz');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('SetValue("cmi.location") refused: 406'));
    expect(health).toEqual([]);
  });

  it('in review mode writes nothing', async () => {
    const api = new LoggedLms({ mode: 'review', completion_status: 'completed', suspend_data: 'x' } as Cmi);
    const { t } = transport(api);
    await t.start();
    t.record({ type: 'scenario-choice', at: 0, scenario: 'amplop-loket', scene: 'mulai', choiceIndex: 0, quality: 'good', latencyMs: 1 });
    t.save(snap());
    t.finish(snap({ result: passed }));
    expect(api.writes()).toEqual(['Terminate() → true']);
  });
});

describe('the engine with scorm-again as the LMS', () => {
  it('records a whole course and resumes it exactly, with the 1.2 target\'s results', async () => {
    let clock = Date.UTC(2024, 5, 1, 2, 0, 0);
    const now = () => (clock += 1000);
    const lms1 = new LoggedLms();
    const t1 = scorm2004Transport(course, lms1, now);
    const events: LearningEvent[] = [];
    const spy: Transport = { ...t1, start: () => t1.start(), record: (e) => { events.push(e); t1.record(e); }, save: (s) => t1.save(s), finish: (s) => t1.finish(s), onHealth: (l) => t1.onHealth(l) };
    const e1 = createEngine(course, spy, await spy.start(), now);
    e1.enter();
    e1.go(1);
    expect(e1.answer(q('q-tujuh'), [0])).toBe(false);
    expect(e1.answer(q('q-tujuh'), [1])).toBe(true);
    e1.go(2);
    e1.answer(q('q-amplop'), [1]);
    e1.go(ix.scenarioStop[0]!);
    e1.choose(0, 1); // neutral → lapor
    e1.finish();
    const saved = lms1.cmi();
    expect(saved).toMatchObject({ location: 's:amplop-loket/lapor', exit: 'suspend', completion_status: 'incomplete' });

    // Relaunch: what an LMS keeps, with cmi.entry resume after an exit of suspend (RTE 4.2.7).
    const lms2 = new LoggedLms({ ...saved, entry: 'resume', exit: '', session_time: '' });
    const t2 = scorm2004Transport(course, lms2, now);
    const e2 = createEngine(course, t2, await t2.start(), now);
    expect(e2.resumed).toBe(true);
    expect(e2.at).toBe(ix.scenarioStop[0]);
    expect(e2.progress.questions[q('q-tujuh')]).toEqual({ first: false, last: [1] });
    e2.enter();
    e2.choose(0, 0); // good → dilaporkan (ending 60)
    for (let at = 0; at < ix.pages.length; at++) e2.go(ix.pageStop[at]!);
    e2.answer(q('q-tanda'), [0, 2]);
    e2.answer(q('q-batas'), [2]);
    expect(e2.result).toMatchObject({ complete: true, score: 78, status: 'passed' });
    e2.finish();
    const cmi = lms2.cmi();
    expect(cmi).toMatchObject({ completion_status: 'completed', success_status: 'passed', exit: 'normal', score: { scaled: '0.78', raw: '78', min: '0', max: '100' } });
    expect(list(cmi.interactions).map((i) => `${i.id}:${i.result}`)).toEqual([
      'q-tujuh:incorrect', 'q-tujuh:correct', 'q-amplop:correct', 'amplop-loket.mulai:neutral',
      'amplop-loket.lapor:correct', 'q-tanda:correct', 'q-batas:correct',
    ]);
    // The same objectives as the 1.2 target: suap 2/2, pemerasan 0/1, gratifikasi (2 + 1 + 1.2)/5 = 84.
    expect(list(cmi.objectives).map((o) => `${o.id}:${o.score.raw}:${o.score.scaled}:${o.completion_status}:${o.success_status}`)).toEqual([
      'suap:100:1:completed:passed', 'pemerasan:0:0:completed:failed', 'gratifikasi:84:0.84:completed:passed',
    ]);
    expect([...lms1.log, ...lms2.log].filter((l) => / \[\d+\]$/.test(l) && !l.startsWith('GetValue'))).toEqual([]);
  });
});

/**
 * A model of how Moodle stores a SCORM 2004 commit (mod/scorm/locallib.php
 * scorm_insert_track(), called per posted element): after storing
 * `cmi.score.raw`, or a `cmi.completion_status` / `cmi.success_status` of
 * completed/passed, it recomputes grade and activity completion from what is
 * stored at that moment. Moodle 4.3.0 (MDL-46279) tests the status value
 * stored *before* the update, so the model takes the worst case: there, a
 * status store never triggers; only a score.raw store does. The order in
 * which Moodle posts the elements of one commit is its own, so every order is
 * tried. Completion is "credited" when a recomputation sees the final status
 * the activity requires.
 */
function moodleCredits(commits: Array<Array<[string, string]>>, requires: 'completed' | 'passed', v430: boolean): boolean {
  const permutations = <T>(xs: T[]): T[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
  const watched = ['cmi.score.raw', 'cmi.completion_status', 'cmi.success_status'];
  // Only the elements that matter to the triggers; every order of them in each commit.
  const orders = commits.map((c) => permutations(c.filter(([e]) => watched.includes(e))));
  const runs = orders.reduce<Array<Array<[string, string]>>>((acc, os) => acc.flatMap((a) => os.map((o) => [...a, ...o])), [[]]);
  return runs.every((run) => {
    const stored: Record<string, string> = {};
    let credited = false;
    for (const [e, v] of run) {
      const before = stored[e];
      stored[e] = v;
      const statusTrigger = e !== 'cmi.score.raw' && ['completed', 'passed'].includes(v4(v, before));
      if (e === 'cmi.score.raw' || statusTrigger) {
        credited ||= requires === 'passed' ? stored['cmi.success_status'] === 'passed' : stored['cmi.completion_status'] === 'completed';
      }
    }
    return credited;
    function v4(value: string, old: string | undefined): string {
      return v430 ? (old === undefined ? '' : old) : value;
    }
  });
}

/** The commits an API log shows: the SetValues before each Commit (or Terminate). */
function commitsOf(log: string[]): Array<Array<[string, string]>> {
  const out: Array<Array<[string, string]>> = [[]];
  for (const l of log) {
    const m = /^SetValue\(([^,]+), (.*)\) → true$/.exec(l);
    if (m) out[out.length - 1]!.push([m[1]!, m[2]!]);
    else if (/^(Commit|Terminate)\(\) → true/.test(l)) out.push([]);
  }
  return out.filter((c) => c.length);
}

describe('the final commits under a model of Moodle’s scorm_insert_track', () => {
  it('credit completion on Moodle 4.3.0 and the others, for "passed" and for "completed"; one commit would not on 4.3.0', async () => {
    const api = new LoggedLms();
    const { t } = transport(api);
    await t.start();
    t.save(snap());
    t.finish(snap({ result: passed }));
    const commits = commitsOf(api.log);
    for (const v430 of [true, false]) {
      for (const requires of ['passed', 'completed'] as const) expect(moodleCredits(commits, requires, v430), `${requires}, 4.3.0: ${v430}`).toBe(true);
    }
    // The same writes with the score in the statuses' commit: some order Moodle may post them in loses the credit on 4.3.0.
    const merged = [...commits.slice(0, -2), [...commits.at(-2)!, ...commits.at(-1)!]];
    expect(moodleCredits(merged, 'passed', true)).toBe(false);
    expect(moodleCredits(merged, 'passed', false)).toBe(true);
  });
});

