import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Scorm12API } from 'scorm-again/scorm12';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { findScorm12Api, type ApiWindow } from '../../src/player/transport/api-finder.js';
import { cmiTime, cmiTimespan, firstSpelling, letter, scorm12Transport, type Scorm12Api } from '../../src/player/transport/scorm12.js';
import type { LearningEvent, Snapshot, Transport, TransportHealth } from '../../src/player/transport/types.js';
import { createEngine } from '../../src/player/engine.js';
import { indexCourse } from '../../src/shared/progress.js';

const sample = JSON.parse(readFileSync(new URL('../fixtures/runtime/sample-course.json', import.meta.url), 'utf8')) as RuntimeCourse;
const course: RuntimeCourse = { ...sample, target: 'scorm12' };

/** A fake LMS: a flat data model, a call log, and failures on demand. */
class FakeApi implements Scorm12Api {
  data: Record<string, string> = {};
  calls: string[] = [];
  error = '0';
  /** Return an error code to make a call fail. */
  failSet: (element: string, value: string) => string | null = () => null;
  failCommit: () => string | null = () => null;
  constructor(initial: Record<string, string> = {}) {
    this.data = { 'cmi.core.entry': 'ab-initio', 'cmi.core.lesson_status': 'not attempted', 'cmi.core.lesson_mode': 'normal', 'cmi.interactions._count': '0', 'cmi.objectives._count': '0', 'cmi.suspend_data': '', 'cmi.core.lesson_location': '', ...initial };
  }
  LMSInitialize(p: '') { this.calls.push(`LMSInitialize(${p})`); this.error = '0'; return 'true'; }
  LMSFinish(p: '') { this.calls.push(`LMSFinish(${p})`); this.error = '0'; return 'true'; }
  LMSGetValue(el: string) {
    this.calls.push(`get ${el}`);
    this.error = el in this.data ? '0' : '401';
    return this.data[el] ?? '';
  }
  LMSSetValue(el: string, v: string) {
    this.calls.push(`set ${el}=${v}`);
    const code = this.failSet(el, v);
    if (code) { this.error = code; return 'false'; }
    this.error = '0';
    this.data[el] = v;
    const m = /^cmi\.(interactions|objectives)\.(\d+)\.id$/.exec(el);
    if (m) this.data[`cmi.${m[1]}._count`] = String(Math.max(Number(this.data[`cmi.${m[1]}._count`] ?? 0), Number(m[2]) + 1));
    return 'true';
  }
  LMSCommit(p: '') {
    this.calls.push(`LMSCommit(${p})`);
    const code = this.failCommit();
    this.error = code ?? '0';
    return code ? 'false' : 'true';
  }
  LMSGetLastError() { return this.error; }
  LMSGetErrorString(code: string) { return { '0': 'No error', '101': 'General exception', '401': 'Not implemented', '405': 'Incorrect data type' }[code] ?? 'Unknown'; }
  sets() { return this.calls.filter((c) => c.startsWith('set ')); }
}

const result0 = { score: 0, earned: 0, possible: 8, complete: false, status: 'incomplete' as const, dimensions: [{ id: 'gratifikasi', score: 0, status: 'incomplete' as const }] };
const snap = (over: Partial<Snapshot> = {}): Snapshot => ({ state: '1.ABCD.xyz', location: 'l:pengantar/p1', result: result0, ...over });
const answered = (over: Partial<Extract<LearningEvent, { type: 'question-answered' }>> = {}): LearningEvent => ({
  type: 'question-answered', at: new Date(2024, 0, 2, 13, 5, 9).getTime(), lesson: 'pengantar', question: 'q-amplop', response: [1], correct: true, first: true, latencyMs: 5234, ...over,
});

/** Retries the transport schedules, run by the test instead of a clock. */
type Timers = Array<{ f: () => void; ms: number }>;

function started(api: Scorm12Api, now = () => 1_000_000, timers: Timers = []): { t: Transport; health: TransportHealth[] } {
  const t = scorm12Transport(course, api, now, (f, ms) => timers.push({ f, ms }));
  const health: TransportHealth[] = [];
  t.onHealth((h) => health.push(h));
  return { t, health };
}

describe('SCORM 1.2 formats', () => {
  it('CMITimespan HHHH:MM:SS.SS, CMITime HH:MM:SS, choice letters', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00.00');
    expect(cmiTimespan(5234)).toBe('0000:00:05.23');
    expect(cmiTimespan(3_723_456)).toBe('0001:02:03.46');
    expect(cmiTimespan(1e12)).toBe('9999:59:59.99');
    expect(cmiTime(new Date(2024, 0, 2, 7, 5, 9).getTime())).toBe('07:05:09');
    expect([0, 1, 2, 25].map(letter)).toEqual(['a', 'b', 'c', 'z']);
  });
});

describe('API discovery (RTE: parents up to 7, then opener)', () => {
  const api = new FakeApi();
  const chain = (depth: number, top: ApiWindow): ApiWindow => {
    let w = top;
    for (let i = 0; i < depth; i++) {
      const child: ApiWindow = { parent: w };
      w = child;
    }
    return w;
  };
  it('finds the API on a parent within 7 levels, not beyond', () => {
    const lms: ApiWindow = { API: api };
    lms.parent = lms;
    expect(findScorm12Api(chain(7, lms))).toBe(api);
    expect(findScorm12Api(chain(8, lms))).toBeNull();
  });
  it('falls back to the opener and its parents, then top.opener; skips cross-origin windows', () => {
    const lms: ApiWindow = { API: api };
    const popup: ApiWindow = { opener: chain(2, lms) };
    popup.parent = popup;
    expect(findScorm12Api(popup)).toBe(api);
    const top: ApiWindow = { opener: lms };
    top.parent = top;
    const frame: ApiWindow = { parent: top, top, opener: null };
    expect(findScorm12Api(frame)).toBe(api);
    const hostile = Object.defineProperty({} as ApiWindow, 'API', { get() { throw new Error('SecurityError'); } });
    hostile.parent = { API: api };
    expect(findScorm12Api(hostile)).toBe(api);
    expect(findScorm12Api({ API: { LMSInitialize: 1 } })).toBeNull();
  });
});

describe('scorm12Transport', () => {
  it('on first entry: LMSInitialize once, reads the state, sets incomplete and commits', async () => {
    const api = new FakeApi();
    const { t } = started(api);
    expect(await t.start()).toEqual({ state: null, location: null });
    expect(api.calls.filter((c) => c.startsWith('LMSInitialize'))).toHaveLength(1);
    for (const el of ['cmi.core.entry', 'cmi.core.lesson_location', 'cmi.suspend_data', 'cmi.interactions._count']) expect(api.calls).toContain(`get ${el}`);
    expect(api.data['cmi.core.lesson_status']).toBe('incomplete');
    expect(api.calls.at(-1)).toBe('LMSCommit()');
  });

  it('on resume: returns suspend_data and lesson_location, keeps the status, appends interactions after _count', async () => {
    const api = new FakeApi({ 'cmi.core.entry': 'resume', 'cmi.core.lesson_status': 'incomplete', 'cmi.suspend_data': '1.XXXX.abc', 'cmi.core.lesson_location': 's:amplop-loket/lapor', 'cmi.interactions._count': '3' });
    const { t } = started(api);
    expect(await t.start()).toEqual({ state: '1.XXXX.abc', location: 's:amplop-loket/lapor' });
    expect(api.sets()).toEqual([]);
    t.record(answered());
    t.save(snap());
    expect(api.data['cmi.interactions.3.id']).toBe('q-amplop');
    expect(api.data['cmi.interactions.0.id']).toBeUndefined();
  });

  it('never sets a finished attempt back to incomplete', async () => {
    const api = new FakeApi({ 'cmi.core.entry': '', 'cmi.core.lesson_status': 'passed', 'cmi.suspend_data': '' });
    await started(api).t.start();
    expect(api.data['cmi.core.lesson_status']).toBe('passed');
  });

  it('writes a question answer as a choice interaction', async () => {
    const api = new FakeApi();
    const { t } = started(api);
    await t.start();
    t.record(answered({ question: 'q-tanda', response: [0, 3], correct: false, first: false }));
    t.save(snap());
    const i = 'cmi.interactions.0.';
    expect(api.sets().filter((c) => c.startsWith('set cmi.interactions'))).toEqual([
      `set ${i}id=q-tanda`,
      `set ${i}time=13:05:09`,
      `set ${i}type=choice`,
      `set ${i}student_response=a,d`,
      `set ${i}correct_responses.0.pattern=a,c`,
      `set ${i}result=wrong`,
      `set ${i}weighting=2`,
      `set ${i}latency=0000:00:05.23`,
    ]);
  });

  it('writes a scenario choice as `<scenario>.<scene>` with the good choices as pattern, weighting 0', async () => {
    const api = new FakeApi();
    const { t } = started(api);
    await t.start();
    t.record({ type: 'scenario-choice', at: Date.now(), scenario: 'amplop-loket', scene: 'mulai', choiceIndex: 1, quality: 'neutral', latencyMs: 800 });
    t.record({ type: 'scenario-choice', at: Date.now(), scenario: 'amplop-loket', scene: 'lapor', choiceIndex: 1, quality: 'bad', latencyMs: 800 });
    t.save(snap());
    expect(api.data).toMatchObject({
      'cmi.interactions.0.id': 'amplop-loket.mulai',
      'cmi.interactions.0.student_response': 'b',
      'cmi.interactions.0.correct_responses.0.pattern': 'a',
      'cmi.interactions.0.result': 'neutral',
      'cmi.interactions.0.weighting': '0',
      'cmi.interactions.1.id': 'amplop-loket.lapor',
      'cmi.interactions.1.result': 'wrong',
    });
  });

  it('saves location, state, exit=suspend and objectives; score and final status only once complete', async () => {
    const api = new FakeApi();
    const { t } = started(api);
    await t.start();
    t.save(snap());
    expect(api.data).toMatchObject({
      'cmi.core.lesson_location': 'l:pengantar/p1',
      'cmi.suspend_data': '1.ABCD.xyz',
      'cmi.core.exit': 'suspend',
      'cmi.core.lesson_status': 'incomplete',
      'cmi.objectives.0.id': 'gratifikasi',
      'cmi.objectives.0.score.raw': '0',
      'cmi.objectives.0.score.min': '0',
      'cmi.objectives.0.score.max': '100',
      'cmi.objectives.0.status': 'incomplete',
    });
    expect(api.data['cmi.core.score.raw']).toBeUndefined();
    const before = api.calls.length;
    t.save(snap());
    expect(api.calls.length).toBe(before); // nothing changed: nothing sent, nothing committed
    t.save(snap({ result: { ...result0, score: 75, earned: 6, complete: true, status: 'passed', dimensions: [{ id: 'gratifikasi', score: 60, status: 'failed' }] } }));
    expect(api.data).toMatchObject({
      'cmi.core.score.raw': '75', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100',
      'cmi.core.lesson_status': 'passed', 'cmi.core.exit': '',
      'cmi.objectives.0.score.raw': '60', 'cmi.objectives.0.status': 'failed',
    });
    expect(api.calls.at(-1)).toBe('LMSCommit()');
  });

  it('does not report a raw score for a course with nothing to score', async () => {
    const api = new FakeApi();
    const { t } = started(api);
    await t.start();
    t.save(snap({ result: { score: 0, earned: 0, possible: 0, complete: true, status: 'completed', dimensions: [] } }));
    expect(api.data['cmi.core.lesson_status']).toBe('completed');
    expect(api.data['cmi.core.score.raw']).toBeUndefined();
  });

  it('finishes once: session time, commit, LMSFinish', async () => {
    const api = new FakeApi();
    let clock = 1_000_000;
    const { t } = started(api, () => clock);
    await t.start();
    clock += 3_723_450;
    t.finish(snap());
    t.finish(snap());
    t.save(snap({ location: 'r:results' }));
    expect(api.data['cmi.core.session_time']).toBe('0001:02:03.45');
    expect(api.calls.filter((c) => c.startsWith('LMSFinish'))).toHaveLength(1);
    expect(api.calls.slice(-2)).toEqual(['LMSCommit()', 'LMSFinish()']);
    expect(api.data['cmi.core.lesson_location']).toBe('l:pengantar/p1');
  });

  it('a failing LMS: reports failing, keeps the writes, retries them in order, reports ok once they land', async () => {
    const api = new FakeApi();
    const { t, health } = started(api);
    await t.start();
    let down = true;
    api.failSet = (el) => (down && (el.startsWith('cmi.interactions.1') || el === 'cmi.suspend_data') ? '101' : null);
    t.record(answered({ question: 'q-tujuh', response: [1] }));
    t.record(answered({ question: 'q-batas', response: [2] }));
    t.record(answered({ question: 'q-amplop', response: [0], correct: false }));
    t.save(snap({ state: 'S1' }));
    expect(health.at(-1)).toMatchObject({ kind: 'failing' });
    expect((health.at(-1) as { detail: string }).detail).toContain('101 General exception');
    // Interaction 0 landed; 1 failed, so 2 waits behind it.
    expect(api.data['cmi.interactions.0.id']).toBe('q-tujuh');
    expect(api.data['cmi.interactions.2.id']).toBeUndefined();
    t.save(snap({ state: 'S2' }));
    expect(health.at(-1)).toMatchObject({ kind: 'failing' });
    down = false;
    t.save(snap({ state: 'S3' }));
    expect(health.at(-1)).toEqual({ kind: 'ok' });
    expect(api.data).toMatchObject({
      'cmi.interactions.1.id': 'q-batas', 'cmi.interactions.1.result': 'correct',
      'cmi.interactions.2.id': 'q-amplop', 'cmi.interactions.2.result': 'wrong', 'cmi.interactions.2.student_response': 'a',
      'cmi.suspend_data': 'S3',
    });
    // The stale S1/S2 were superseded, never sent after S3.
    expect(api.sets().filter((c) => c.startsWith('set cmi.suspend_data')).at(-1)).toBe('set cmi.suspend_data=S3');
  });

  it('retries on its own while the learner does nothing, backing off, until the LMS takes everything', async () => {
    const api = new FakeApi();
    const timers: Timers = [];
    const { t, health } = started(api, undefined, timers);
    await t.start();
    api.failCommit = () => '101';
    t.record(answered());
    t.save(snap({ state: 'S1' }));
    expect(health.at(-1)).toMatchObject({ kind: 'failing' });
    expect(timers.map((x) => x.ms)).toEqual([5000]);
    // Still down when the first retry runs: one more, twice as late; never two at once.
    t.save(snap({ state: 'S1' }));
    expect(timers).toHaveLength(1);
    timers.shift()!.f();
    expect(timers.map((x) => x.ms)).toEqual([10000]);
    api.failCommit = () => null;
    timers.shift()!.f();
    expect(health.at(-1)).toEqual({ kind: 'ok' });
    expect(api.calls.at(-1)).toBe('LMSCommit()');
    expect(api.data['cmi.interactions.0.id']).toBe('q-amplop');
    expect(timers).toEqual([]);
    // The next outage starts again from the short wait.
    api.failCommit = () => '101';
    t.save(snap({ state: 'S2' }));
    expect(timers.map((x) => x.ms)).toEqual([5000]);
  });

  it('schedules nothing after LMSFinish', async () => {
    const api = new FakeApi();
    const timers: Timers = [];
    const { t } = started(api, undefined, timers);
    await t.start();
    api.failCommit = () => '101';
    t.finish(snap());
    const pending = timers.length;
    timers.forEach((x) => x.f());
    expect(api.calls.filter((c) => c.startsWith('LMSCommit')).length).toBe(1 + 1);
    expect(pending).toBeLessThanOrEqual(1);
  });

  it('a failing commit is reported and retried on the next save', async () => {
    const api = new FakeApi();
    const { t, health } = started(api);
    await t.start();
    api.failCommit = () => '101';
    t.save(snap());
    expect(health.at(-1)).toMatchObject({ kind: 'failing', pending: 1 });
    api.failCommit = () => null;
    t.save(snap());
    expect(api.calls.at(-1)).toBe('LMSCommit()');
    expect(health.at(-1)).toEqual({ kind: 'ok' });
  });

  it('drops what the LMS cannot store (401/405) instead of blocking; a strict LMS gets `_` for `.` in ids', async () => {
    const api = new FakeApi();
    const { t, health } = started(api);
    await t.start();
    api.failSet = (el, v) => (el.startsWith('cmi.objectives') ? '401' : el.endsWith('.id') && v.includes('.') ? '405' : null);
    t.record({ type: 'scenario-choice', at: Date.now(), scenario: 'amplop-loket', scene: 'mulai', choiceIndex: 0, quality: 'good', latencyMs: 1 });
    t.save(snap());
    expect(health.filter((h) => h.kind === 'failing')).toEqual([]);
    expect(api.data['cmi.interactions.0.id']).toBe('amplop-loket_mulai');
    expect(api.data['cmi.interactions.0.result']).toBe('correct');
    expect(api.data['cmi.suspend_data']).toBe('1.ABCD.xyz');
  });

  it('copes with adapters that return numbers or booleans, and treats "false" with error 0 as a failure', async () => {
    const api = new FakeApi({ 'cmi.suspend_data': 'kept', 'cmi.core.entry': 'resume', 'cmi.core.lesson_status': 'incomplete' });
    const loose = Object.assign(Object.create(api) as FakeApi, {
      LMSGetLastError: () => Number(api.error),
      LMSInitialize: (p: '') => (api.LMSInitialize(p), true),
    });
    const { t, health } = started(loose);
    expect(await t.start()).toMatchObject({ state: 'kept' });
    api.failSet = (el) => (el === 'cmi.core.lesson_location' ? '0' : null);
    t.save(snap());
    expect(health.at(-1)).toMatchObject({ kind: 'failing' });
    api.failSet = () => null;
    t.save(snap());
    expect(health.at(-1)).toEqual({ kind: 'ok' });
    expect(api.data['cmi.core.lesson_location']).toBe('l:pengantar/p1');
  });

  it('in review mode writes nothing', async () => {
    const api = new FakeApi({ 'cmi.core.lesson_mode': 'review', 'cmi.core.lesson_status': 'passed', 'cmi.suspend_data': 'x' });
    const { t } = started(api);
    await t.start();
    t.record(answered());
    t.save(snap());
    t.finish(snap());
    expect(api.sets()).toEqual([]);
    expect(api.calls.at(-1)).toBe('LMSFinish()');
  });
});

describe('the engine with scorm-again as the LMS', () => {
  const ix = indexCourse(course);
  const q = (id: string) => ix.questions.findIndex((x) => x.question.id === id);

  it('records a whole course and resumes it exactly', async () => {
    const lms = new Scorm12API({ logLevel: 5 });
    let clock = Date.UTC(2024, 5, 1, 2, 0, 0);
    const now = () => (clock += 1000);
    const t1 = scorm12Transport(course, lms as unknown as Scorm12Api, now);
    const events: LearningEvent[] = [];
    const spy: Transport = { ...t1, name: 'scorm12', start: () => t1.start(), record: (e) => { events.push(e); t1.record(e); }, save: (s) => t1.save(s), finish: (s) => t1.finish(s), onHealth: (l) => t1.onHealth(l) };
    const e1 = createEngine(course, spy, await spy.start(), now);
    e1.enter();
    expect(lms.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    e1.go(1);
    expect(e1.answer(q('q-tujuh'), [0])).toBe(false); // first answer wrong
    expect(e1.answer(q('q-tujuh'), [1])).toBe(true); // retry right: does not count
    e1.go(2);
    e1.answer(q('q-amplop'), [1]);
    e1.go(ix.scenarioStop[0]!);
    e1.choose(0, 1); // neutral → lapor
    e1.finish();
    const saved = lms.renderCMIToJSONObject() as { cmi: { suspend_data: string; core: { lesson_location: string; exit: string } } };
    expect(saved.cmi.core.lesson_location).toBe('s:amplop-loket/lapor');
    expect(saved.cmi.core.exit).toBe('suspend');
    expect(events.map((e) => e.type)).toEqual(['page-viewed', 'page-viewed', 'question-answered', 'question-answered', 'page-viewed', 'lesson-completed', 'question-answered', 'scenario-choice']);

    // Relaunch: a new session of the same attempt.
    const lms2 = new Scorm12API({ logLevel: 5 });
    lms2.loadFromJSON({ ...saved.cmi, core: { ...saved.cmi.core, entry: 'resume' } } as never);
    const t2 = scorm12Transport(course, lms2 as unknown as Scorm12Api, now);
    const e2 = createEngine(course, t2, await t2.start(), now);
    expect(e2.resumed).toBe(true);
    expect(e2.at).toBe(ix.scenarioStop[0]);
    expect(e2.scene(0).id).toBe('lapor');
    expect(e2.progress.questions[q('q-tujuh')]).toEqual({ first: false, last: [1] });
    e2.enter();
    e2.choose(0, 0); // good → dilaporkan (ending 60)
    for (let at = 0; at < ix.pages.length; at++) e2.go(ix.pageStop[at]!);
    e2.answer(q('q-tanda'), [0, 2]);
    e2.answer(q('q-batas'), [2]);
    expect(e2.result.complete).toBe(true);
    // earned: 0 + 2 + 2 + 1 + 1.2 = 6.2 of 8 → 78 ≥ 70
    expect(e2.result).toMatchObject({ score: 78, status: 'passed' });
    e2.finish();
    const cmi = (lms2.renderCMIToJSONObject() as { cmi: Record<string, any> }).cmi;
    expect(cmi.core).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '78', min: '0', max: '100' } });
    expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d\d?)?$/);
    const ids = Object.values(cmi.interactions as Record<string, { id: string; result: string }>).map((i) => `${i.id}:${i.result}`);
    expect(ids).toEqual([
      'q-tujuh:wrong', 'q-tujuh:correct', 'q-amplop:correct', 'amplop-loket.mulai:neutral',
      'amplop-loket.lapor:correct', 'q-tanda:correct', 'q-batas:correct',
    ]);
    const objectives = Object.values(cmi.objectives as Record<string, { id: string; status: string; score: { raw: string } }>).map((o) => `${o.id}:${o.score.raw}:${o.status}`);
    // suap 2/2, pemerasan 0/1, gratifikasi (2 + 1 + 1.2)/5 = 84
    expect(objectives).toEqual(['suap:100:passed', 'pemerasan:0:failed', 'gratifikasi:84:passed']);
  });
});

describe('the final records (docs/lms-compatibility.md): score first spelt, status alone, then the score, each committed', () => {
  const done = { ...result0, score: 75, earned: 6, complete: true, status: 'passed' as const };
  /** The final protocol's calls for a score of 75, passed. */
  const PROTOCOL = ['set cmi.core.score.raw=75.0', 'LMSCommit()', 'set cmi.core.lesson_status=passed', 'LMSCommit()', 'set cmi.core.score.raw=75', 'LMSCommit()'];
  /** The calls from the first write of the final block on: sets and commits only. */
  const tail = (api: FakeApi, from: number) => api.calls.slice(from).filter((c) => c.startsWith('set ') || c.startsWith('LMS'));

  it('firstSpelling: the same decimal, spelt differently', () => {
    expect(['85', '0', '100', '78.5'].map(firstSpelling)).toEqual(['85.0', '0.0', '100.0', '78.50']);
    for (const v of ['85', '0', '100', '78.5']) expect(Number(firstSpelling(v))).toBe(Number(v));
  });

  it('on the save that completes the course: three commits, in this order', async () => {
    const api = new FakeApi();
    const { t } = started(api);
    await t.start();
    t.save(snap());
    const from = api.calls.length;
    t.save(snap({ location: 'r:results', result: done }));
    expect(tail(api, from)).toEqual([
      'set cmi.core.lesson_location=r:results',
      'set cmi.core.exit=',
      'set cmi.core.score.min=0',
      'set cmi.core.score.max=100',
      ...PROTOCOL,
    ]);
    expect(api.data).toMatchObject({ 'cmi.core.score.raw': '75', 'cmi.core.lesson_status': 'passed', 'cmi.core.exit': '' });
    const n = api.calls.length;
    t.save(snap({ location: 'r:results', result: done }));
    expect(api.calls.length, 'nothing new: nothing sent').toBe(n);
  });

  it('when the learner leaves at the moment of completion: the same three commits before session_time and LMSFinish', async () => {
    const api = new FakeApi();
    const { t } = started(api);
    await t.start();
    const from = api.calls.length;
    t.finish(snap({ result: done }));
    const calls = tail(api, from);
    expect(calls.slice(calls.indexOf(PROTOCOL[0]!))).toEqual([
      ...PROTOCOL,
      expect.stringMatching(/^set cmi\.core\.session_time=/),
      'LMSCommit()',
      'LMSFinish()',
    ]);
  });

  it('a refused write before the status holds the status and the score back, and they follow it in order once it lands', async () => {
    const api = new FakeApi();
    const { t, health } = started(api);
    await t.start();
    api.failSet = (el, v) => (el === 'cmi.core.score.raw' && v === '75.0' ? '101' : null);
    const from = api.calls.length;
    t.save(snap({ result: done }));
    expect(health.at(-1)).toMatchObject({ kind: 'failing' });
    expect(api.data['cmi.core.lesson_status'], 'the status waits for the score').toBe('incomplete');
    expect(api.data['cmi.core.score.raw']).toBeUndefined();
    api.failSet = () => null;
    t.save(snap({ result: done }));
    expect(health.at(-1)).toEqual({ kind: 'ok' });
    const sets = tail(api, from).filter((c) => /score\.raw|lesson_status|LMSCommit/.test(c));
    expect(sets.slice(sets.lastIndexOf(PROTOCOL[0]!))).toEqual(PROTOCOL);
  });

  it('a refused write of anything else (an interaction here) does not hold the final records back', async () => {
    const api = new FakeApi();
    const { t, health } = started(api);
    await t.start();
    api.failSet = (el) => (el.startsWith('cmi.interactions.') ? '101' : null);
    t.record(answered());
    t.save(snap({ result: done }));
    expect(health.at(-1)).toMatchObject({ kind: 'failing' });
    expect(api.data).toMatchObject({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '75' });
    expect(api.data['cmi.interactions.0.id'], 'the interaction is still to come').toBeUndefined();
  });

  it('a refused commit before the status holds it back too', async () => {
    const api = new FakeApi();
    const { t } = started(api);
    await t.start();
    api.failCommit = () => '101';
    t.save(snap({ result: done }));
    expect(api.sets().filter((c) => c.includes('lesson_status=passed') || c.endsWith('score.raw=75'))).toEqual([]);
    api.failCommit = () => null;
    t.save(snap({ result: done }));
    expect(api.data).toMatchObject({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '75' });
  });

  it('a relaunch of a finished attempt writes no score or status again', async () => {
    const api = new FakeApi({ 'cmi.core.entry': '', 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '75', 'cmi.suspend_data': '1.ABCD.xyz' });
    const { t } = started(api);
    await t.start();
    t.save(snap({ result: done }));
    expect(api.sets().filter((c) => /core\.score\.raw|lesson_status/.test(c))).toEqual([]);
  });
});
