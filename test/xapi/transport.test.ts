/**
 * The xAPI transport as the player uses it (real engine, fake browser and LRS):
 * standalone without an LRS, sessions, resume from the State API and from the
 * browser, LRSs without a State API, crash recovery, the back/forward cache,
 * health reports.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeXapiTransport, uuid4 } from '../../src/player/transport/xapi.js';
import type { TransportHealth } from '../../src/player/transport/types.js';
import { STATE_PROGRESS } from '../../src/shared/activity-ids.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { ACTOR, FakeEnv, FakeLrs, MemoryStorage, REGISTRATION, launchQuery } from './helpers/fake-env.js';
import { checker, llWarnings, play, startEngine } from './helpers/play.js';
import { label } from './helpers/xapi-model.js';

const course = JSON.parse(readFileSync('test/fixtures/runtime/sample-course.json', 'utf8')) as RuntimeCourse;

/** The transport of `c` in `env`, with the health reports it gives. */
function connect(env: FakeEnv, c: RuntimeCourse = course) {
  const transport = makeXapiTransport(c, env);
  const health: TransportHealth[] = [];
  transport.onHealth((h) => health.push(h));
  return { transport, health };
}

/** A launch by an LMS that gives `lrs` (none: standalone), with `extra` launch parameters. */
function launch(lrs: FakeLrs | null, extra: Record<string, string> = {}, storage = new MemoryStorage()) {
  const env = new FakeEnv(lrs, lrs ? launchQuery(lrs, extra) : {}, storage);
  return { env, storage, ...connect(env) };
}

describe('xAPI transport', () => {
  it('without endpoint: standalone, nothing recorded, nothing stored', async () => {
    const { env, transport, health, storage } = launch(null);
    expect(health).toEqual([{ kind: 'standalone' }]);
    expect(await transport.start()).toEqual({ state: null, location: null });
    const engine = await startEngine(course, transport, env);
    await play(engine, env, { stops: 3 });
    engine.finish();
    expect(storage.data.size).toBe(0);
  });

  it('endpoint but no actor: standalone too', () => {
    const { health } = connect(new FakeEnv(new FakeLrs(), { endpoint: 'https://lrs.example.org/xapi/' }));
    expect(health).toEqual([{ kind: 'standalone' }]);
  });

  it('a course without iri: standalone', () => {
    const lrs = new FakeLrs();
    const { health } = connect(new FakeEnv(lrs, launchQuery(lrs)), { ...course, iri: null });
    expect(health).toEqual([{ kind: 'standalone' }]);
  });

  it('relaunch resumes from the State API: initialized then resumed, same place', async () => {
    const lrs = new FakeLrs();
    const one = launch(lrs);
    const e1 = await startEngine(course, one.transport, one.env);
    await play(e1, one.env, { stops: 4 });
    const where = e1.snapshot().location;
    e1.finish();
    await one.env.advance(1000);
    expect(lrs.states.size).toBe(1);
    const [key, doc] = [...lrs.states][0]!;
    expect(key).toBe(['https://example.org/xapi/integrity-ranger', JSON.stringify(ACTOR), STATE_PROGRESS, REGISTRATION].join('|'));
    expect(JSON.parse(doc)).toMatchObject({ location: where, state: expect.any(String), at: expect.any(Number) });
    expect(lrs.statements.slice(-2).map(label)).toEqual(['suspended course', 'terminated course']);
    const before = lrs.statements.length;

    // Another browser: empty localStorage, same registration.
    const two = launch(lrs);
    const restored = await two.transport.start();
    expect(restored.location).toBe(where);
    await two.env.settle();
    expect(lrs.statements.slice(before).map(label)).toEqual(['initialized course', 'resumed course']);
    const e2 = await startEngine(course, two.transport, two.env);
    expect(e2.snapshot().location).toBe(where);
  });

  it('an LRS without State API: progress resumes from the browser copy, statements unaffected', async () => {
    const lrs = new FakeLrs();
    lrs.stateApi = false;
    const storage = new MemoryStorage();
    const one = launch(lrs, {}, storage);
    const e1 = await startEngine(course, one.transport, one.env);
    await play(e1, one.env, { stops: 4 });
    const where = e1.snapshot().location;
    e1.finish();
    await one.env.advance(1000);
    const puts = lrs.requests.filter((r) => r.method === 'PUT' && r.url.pathname.endsWith('/activities/state'));
    expect(puts).toHaveLength(1); // tried once, then off for this launch
    const two = launch(lrs, {}, storage);
    expect((await two.transport.start()).location).toBe(where);
    expect(two.health.at(-1)).toEqual({ kind: 'ok' });
  });

  it('State API unreachable while statements work (no CORS on that route): off, local copy', async () => {
    const lrs = new FakeLrs();
    lrs.fail = (r) => (r.url.pathname.endsWith('/activities/state') ? 'network' : null);
    const storage = new MemoryStorage();
    const one = launch(lrs, {}, storage);
    const e1 = await startEngine(course, one.transport, one.env);
    await play(e1, one.env, { stops: 5 });
    const stateCalls = lrs.requests.filter((r) => r.url.pathname.endsWith('/activities/state')).length;
    expect(stateCalls).toBeLessThanOrEqual(3); // GET at start, a PUT or two until it is known to be off
    expect(one.health.every((h) => h.kind === 'ok')).toBe(true);
    const where = e1.snapshot().location;
    e1.finish();
    await one.env.advance(1000);
    const two = launch(lrs, {}, storage);
    expect((await two.transport.start()).location).toBe(where);
  });

  it('the newer of the LRS and the browser copy wins', async () => {
    const lrs = new FakeLrs();
    const storage = new MemoryStorage();
    const one = launch(lrs, {}, storage);
    const e1 = await startEngine(course, one.transport, one.env);
    await play(e1, one.env, { stops: 2 });
    await one.env.advance(100);
    // The LRS goes away; the learner moves on; the last saves stay local.
    lrs.fail = () => 'network';
    one.env.clock += 5000;
    e1.go(e1.at + 1);
    const where = e1.snapshot().location;
    e1.finish();
    await one.env.advance(100);
    lrs.fail = null;
    const two = launch(lrs, {}, storage);
    two.env.clock = one.env.clock + 60000;
    expect((await two.transport.start()).location).toBe(where);
  });

  it('network down: health failing with the pending count, then ok; nothing lost or doubled', async () => {
    const lrs = new FakeLrs();
    const { env, transport, health } = launch(lrs);
    const engine = await startEngine(course, transport, env);
    await env.settle();
    lrs.fail = () => 'network';
    await play(engine, env, { stops: 3 });
    const failing = health.filter((h) => h.kind === 'failing');
    expect(failing.length).toBeGreaterThan(0);
    const last = failing.at(-1) as Extract<TransportHealth, { kind: 'failing' }>;
    expect(last.pending).toBeGreaterThan(2);
    expect(last.detail).toBe('network error');
    lrs.fail = null;
    env.emit('online');
    await env.settle();
    expect(health.at(-1)).toEqual({ kind: 'ok' });
    engine.finish();
    await env.advance(1000);
    const ids = lrs.statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(lrs.statements.map(label).slice(0, 2)).toEqual(['initialized course', 'experienced lesson/pengantar/page/p1']);
    expect(lrs.statements.map(label).slice(-2)).toEqual(['suspended course', 'terminated course']);
  });

  it('a tab closed without pagehide: the next launch closes that session first', async () => {
    const lrs = new FakeLrs();
    const storage = new MemoryStorage();
    const one = launch(lrs, {}, storage);
    const e1 = await startEngine(course, one.transport, one.env);
    await play(e1, one.env, { stops: 2 });
    await one.env.settle();
    const lastAt = Date.parse(lrs.statements.at(-1)!.timestamp);
    // No finish(): the browser crashed.
    const two = launch(lrs, {}, storage);
    two.env.clock = one.env.clock + 3600000;
    await two.transport.start();
    await two.env.settle();
    const labels = lrs.statements.map(label);
    const i = labels.lastIndexOf('suspended course');
    expect(labels.slice(i)).toEqual(['suspended course', 'terminated course', 'initialized course', 'resumed course']);
    const suspended = lrs.statements[i]!;
    expect(Date.parse(suspended.timestamp)).toBe(lastAt + 1);
    expect(suspended.result!.duration).toMatch(/^PT/);
    // Once the second session ends too, the registration follows the profile's pattern.
    two.transport.finish({ state: '', location: '', result: { score: 0, earned: 0, possible: 1, complete: false, status: 'incomplete', dimensions: [] } });
    await two.env.advance(1000);
    const pattern = checker().checkPattern(lrs.statements);
    expect(pattern.ok, pattern.trace).toBe(true);
  });

  it('back from the back/forward cache after pagehide: a new session before the next statement', async () => {
    const lrs = new FakeLrs();
    const { env, transport } = launch(lrs);
    const engine = await startEngine(course, transport, env);
    await play(engine, env, { stops: 2 });
    transport.finish(engine.snapshot());
    env.clock += 10000;
    engine.go(engine.at + 1); // the engine keeps going after bfcache restore
    await env.advance(1000);
    const labels = lrs.statements.map(label);
    const i = labels.indexOf('terminated course');
    expect(labels.slice(i, i + 4)).toEqual(['terminated course', 'initialized course', 'resumed course', 'experienced lesson/pengantar/page/gratifikasi']);
    engine.finish(); // no-op: the engine finishes once
    transport.finish(engine.snapshot());
    await env.advance(1000);
    const pattern = checker().checkPattern(lrs.statements);
    expect(pattern.ok, pattern.trace).toBe(true);
  });

  it('no registration in the launch: one is made, kept, and reused by the next launch', async () => {
    const lrs = new FakeLrs();
    const storage = new MemoryStorage();
    const a = launch(lrs, { registration: '' }, storage);
    await a.transport.start();
    await a.env.settle();
    const reg = lrs.statements[0]!.context.registration;
    expect(reg).toMatch(/^[0-9a-f-]{36}$/);
    expect(reg).not.toBe(REGISTRATION);
    const b = launch(lrs, { registration: '' }, storage);
    await b.transport.start();
    await b.env.settle();
    expect(lrs.statements.at(-1)!.context.registration).toBe(reg);
  });

  it('launch extras reach every request; the course id is the launch activity_id', async () => {
    const lrs = new FakeLrs();
    const { env, transport } = launch(lrs, { activity_id: 'https://lms.example.org/xapi/activity/99', tenant: 'banten' });
    const engine = await startEngine(course, transport, env);
    await play(engine, env, { stops: 2 });
    engine.finish();
    await env.advance(1000);
    expect(lrs.requests.every((r) => r.url.searchParams.get('tenant') === 'banten')).toBe(true);
    expect(lrs.statements[0]!.object.id).toBe('https://lms.example.org/xapi/activity/99');
    const page = lrs.statements.find((s) => s.verb.id.endsWith('experienced'))!;
    expect(page.object.id.startsWith(course.iri + '/lesson/')).toBe(true);
    expect(page.context.contextActivities.grouping![0]!.id).toBe('https://lms.example.org/xapi/activity/99');
    for (const s of lrs.statements) expect(llWarnings(s)).toEqual([]);
  });

  it('no credentials are ever stored', async () => {
    const lrs = new FakeLrs();
    const { env, transport, storage } = launch(lrs);
    lrs.fail = () => 'network';
    const engine = await startEngine(course, transport, env);
    await play(engine, env, { stops: 3 });
    engine.finish();
    const all = [...storage.data.values()].join('\n');
    expect(all).not.toContain('a2V5OnNlY3JldA');
    expect(all).not.toContain('Authorization');
  });

  it('uuid4: RFC 4122 version 4', () => {
    expect(uuid4(new Uint8Array(16).fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuid4(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
  });
});
