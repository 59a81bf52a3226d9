/**
 * The durable outbox against a fake LRS: order, batching, retries with
 * backoff, 409/400 handling, keepalive flush, and no loss or duplicate across
 * lost responses, reloads and closed tabs.
 */
import { describe, expect, it } from 'vitest';
import { KEEPALIVE_BUDGET, MAX_BATCH, makeKV, makeOutbox, type OutboxOptions } from '../../src/player/transport/xapi-outbox.js';
import type { Statement } from '../../src/player/transport/xapi-statements.js';
import { FakeEnv, FakeLrs, MemoryStorage } from './helpers/fake-env.js';

let n = 0;
function st(extra = ''): Statement {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    actor: { mbox: 'mailto:a@example.org' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
    object: { objectType: 'Activity', id: 'https://example.org/a/' + n + extra },
    context: { registration: '7d1e4d5a-3f0b-4c59-9a0e-2b6f8c1d9e21', language: 'id', contextActivities: { category: [] } },
    timestamp: new Date(Date.UTC(2026, 0, 1) + n).toISOString(),
  };
}

function setup(lrs = new FakeLrs(), storage = new MemoryStorage()) {
  const env = new FakeEnv(lrs, {}, storage);
  let changes = 0;
  let idle = 0;
  const options: OutboxOptions = {
    key: 'ir-xapi:c:r:q',
    endpoint: lrs.base,
    headers: { Authorization: 'Basic x', 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
    echo: 'tenant=banten',
    kv: makeKV(storage),
    fetch: lrs.fetch,
    timers: env.timers,
    random: () => 0.5,
    onChange: () => changes++,
    onIdle: () => idle++,
  };
  const box = makeOutbox(options);
  return { lrs, env, box, options, storage, changes: () => changes, idle: () => idle };
}

const ids = (l: Statement[]) => l.map((s) => s.id);

describe('outbox', () => {
  it('stores before sending, sends in order, empties storage once delivered', async () => {
    const { lrs, env, box, storage, idle } = setup();
    const a = [st(), st(), st()];
    box.push(a.slice(0, 1));
    expect(JSON.parse(storage.getItem('ir-xapi:c:r:q')!)).toEqual(a.slice(0, 1));
    box.push(a.slice(1));
    await env.settle();
    expect(ids(lrs.statements)).toEqual(ids(a));
    expect(storage.getItem('ir-xapi:c:r:q')).toBeNull();
    expect(box.pending()).toBe(0);
    expect(idle()).toBeGreaterThan(0);
    // One request at a time: the first alone, then the two that queued meanwhile.
    expect(lrs.requests.map((r) => JSON.parse(r.body!).length)).toEqual([1, 2]);
    expect(lrs.requests[0]!.url.search).toBe('?tenant=banten');
    expect(lrs.requests[0]!.headers.Authorization).toBe('Basic x');
    expect(lrs.requests[0]!.keepalive).toBe(true);
  });

  it(`batches at most ${MAX_BATCH} statements per POST`, async () => {
    const { lrs, env, box } = setup();
    lrs.fail = () => 'network';
    const many = Array.from({ length: 120 }, () => st());
    box.push(many);
    await env.settle();
    lrs.fail = null;
    box.kick();
    await env.settle();
    const sizes = lrs.requests.filter((r) => r.body).map((r) => JSON.parse(r.body!).length);
    expect(sizes.slice(1)).toEqual([50, 50, 20]);
    expect(ids(lrs.statements)).toEqual(ids(many));
  });

  it('retries with exponential backoff, reports failing with the pending count, recovers', async () => {
    const { lrs, env, box } = setup();
    lrs.fail = () => 'network';
    box.push([st(), st()]);
    await env.settle();
    expect(box.failing()).toBe('network error');
    expect(box.pending()).toBe(2);
    const times: number[] = [];
    lrs.fail = () => {
      times.push(env.clock);
      return 503;
    };
    const t0 = env.clock;
    await env.advance(1000 * (1 + 2 + 4 + 8 + 16 + 30 + 30));
    expect(times.map((t) => t - t0)).toEqual([1000, 3000, 7000, 15000, 31000, 61000, 91000]);
    expect(box.failing()).toBe('HTTP 503');
    lrs.fail = null;
    await env.advance(30000);
    expect(box.failing()).toBeNull();
    expect(lrs.statements).toHaveLength(2);
  });

  it('retries at once when the browser is back online', async () => {
    const { lrs, env, box } = setup();
    lrs.fail = () => 'network';
    box.push([st()]);
    await env.advance(5000);
    lrs.fail = null;
    box.kick();
    await env.settle();
    expect(lrs.statements).toHaveLength(1);
    expect(env.pendingTimers()).toBe(0);
  });

  it('a lost response: the resend creates no duplicate', async () => {
    const { lrs, env, options } = setup();
    let lose = true;
    const real = lrs.fetch;
    lrs.fetch = async (url, init) => {
      const res = await real(url, init);
      if (lose) {
        lose = false;
        throw new TypeError('connection reset'); // stored by the LRS, answer lost
      }
      return res;
    };
    const box2 = makeOutbox({ ...options, fetch: lrs.fetch });
    const a = [st(), st()];
    box2.push(a);
    await env.advance(2000);
    expect(ids(lrs.statements)).toEqual(ids(a));
    expect(box2.pending()).toBe(0);
    expect(lrs.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('409 on a batch: statement by statement with PUT; 409 for an id the LRS holds counts as delivered', async () => {
    const { lrs, env, box } = setup();
    const a = [st(), st(), st()];
    // The LRS holds a[0] with a different body (e.g. its own normalisation) → 409 for the batch.
    lrs.statements.push({ ...a[0]!, timestamp: '2020-01-01T00:00:00.000Z' });
    box.push(a);
    await env.settle();
    expect(lrs.requests.map((r) => r.method)).toEqual(['POST', 'PUT', 'PUT', 'PUT']);
    expect(lrs.requests[1]!.url.searchParams.get('statementId')).toBe(a[0]!.id);
    expect(lrs.requests[1]!.url.searchParams.get('tenant')).toBe('banten');
    expect(ids(lrs.statements)).toEqual(ids(a));
    expect(box.pending()).toBe(0);
  });

  it('400 for one statement: it is set aside (kept, logged) and the others go through', async () => {
    const { lrs, env, box, storage } = setup();
    const a = [st(), st(), st()];
    lrs.invalid.add(a[1]!.id);
    const err = console.error;
    const logged: unknown[] = [];
    console.error = (...x: unknown[]) => logged.push(x);
    try {
      box.push(a);
      await env.settle();
    } finally {
      console.error = err;
    }
    expect(ids(lrs.statements)).toEqual([a[0]!.id, a[2]!.id]);
    expect(JSON.parse(storage.getItem('ir-xapi:c:r:q:rejected:' + a[1]!.id)!)).toEqual(a[1]);
    expect(box.pending()).toBe(0);
    expect(logged).toHaveLength(1);
  });

  it('401 keeps everything and keeps retrying (credentials may be renewed by a relaunch)', async () => {
    const { lrs, env, box } = setup();
    lrs.fail = () => 401;
    box.push([st()]);
    await env.advance(10000);
    expect(box.failing()).toBe('HTTP 401');
    expect(box.pending()).toBe(1);
    expect(lrs.statements).toHaveLength(0);
  });

  it('survives a reload: a new outbox on the same storage sends what was left, once', async () => {
    const storage = new MemoryStorage();
    const first = setup(new FakeLrs(), storage);
    first.lrs.fail = () => 'network';
    const a = [st(), st(), st()];
    first.box.push(a);
    await first.env.settle();
    expect(first.lrs.statements).toHaveLength(0);
    // Reload: a new page, a new outbox, the same localStorage.
    const lrs = new FakeLrs();
    const second = setup(lrs, storage);
    const b = [st()];
    second.box.push(b);
    await second.env.settle();
    expect(ids(lrs.statements)).toEqual(ids([...a, ...b]));
    expect(storage.getItem('ir-xapi:c:r:q')).toBeNull();
  });

  it('flush(): what is not in flight leaves in one keepalive request, within the budget', async () => {
    const { lrs, env, options } = setup();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const real = lrs.fetch;
    let calls = 0;
    lrs.fetch = async (url, init) => {
      if (calls++ === 0) await gate; // the first request hangs while the page goes away
      return real(url, init);
    };
    const box2 = makeOutbox({ ...options, fetch: lrs.fetch });
    const a = [st(), st()];
    box2.push(a.slice(0, 1)); // in flight
    box2.push(a.slice(1));
    const big = Array.from({ length: 200 }, () => st('/' + 'x'.repeat(400)));
    box2.push(big);
    box2.flush();
    await env.settle();
    const second = lrs.requests[0]!; // the flush reached the LRS first
    const sent = JSON.parse(second.body!) as Statement[];
    expect(second.keepalive).toBe(true);
    expect(sent[0]!.id).toBe(a[1]!.id); // not the one in flight
    expect(second.body!.length).toBeLessThanOrEqual(KEEPALIVE_BUDGET);
    expect(sent.length).toBeLessThan(201);
    release();
    await env.advance(60000);
    // Everything arrives, once.
    expect(new Set(ids(lrs.statements)).size).toBe(lrs.statements.length);
    expect(lrs.statements).toHaveLength(202);
  });

  it('works without localStorage (blocked in the LMS frame): memory only', async () => {
    const lrs = new FakeLrs();
    const throwing = {
      getItem(): string | null {
        throw new Error('SecurityError');
      },
      setItem(): void {
        throw new Error('SecurityError');
      },
      removeItem(): void {
        throw new Error('SecurityError');
      },
    };
    const env = new FakeEnv(lrs);
    lrs.fail = () => 'network';
    const box = makeOutbox({
      key: 'k',
      endpoint: lrs.base,
      headers: {},
      echo: '',
      kv: makeKV(throwing),
      fetch: lrs.fetch,
      timers: env.timers,
      random: () => 0.5,
      onChange: () => {},
    });
    box.push([st(), st()]);
    await env.settle();
    expect(box.pending()).toBe(2);
    lrs.fail = null;
    box.kick();
    await env.settle();
    expect(lrs.statements).toHaveLength(2);
  });
});
