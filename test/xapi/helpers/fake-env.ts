/**
 * A browser stand-in for the xAPI transport in node: localStorage, timers and
 * clock under the test's control, and a small in-memory LRS behind `fetch`
 * (statements with the xAPI id rules, an optional State API) that can be made
 * to fail.
 */
import { randomBytes } from 'node:crypto';
import type { XapiEnv } from '../../../src/player/transport/xapi.js';
import type { FetchLike } from '../../../src/player/transport/xapi-outbox.js';
import type { Statement } from '../../../src/player/transport/xapi-statements.js';

export class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.has(k) ? this.data.get(k)! : null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, String(v));
  }
  removeItem(k: string): void {
    this.data.delete(k);
  }
}

export interface Request {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  keepalive?: boolean;
}

/** What the fake LRS answers instead of the normal response (status), or 'network' (fetch rejects). */
export type Failure = number | 'network';

export class FakeLrs {
  statements: Statement[] = [];
  states = new Map<string, string>();
  requests: Request[] = [];
  /** Without it, activities/state answers 404 like an LRS with no State API route. */
  stateApi = true;
  /** Consulted for every request; return a Failure to fail it. */
  fail: ((r: Request) => Failure | null) | null = null;
  /** Statement ids the LRS refuses as invalid (400). */
  invalid = new Set<string>();

  constructor(readonly base = 'https://lrs.example.org/xapi/') {}

  fetch: FetchLike = async (url, init) => {
    const r: Request = { method: init.method, url: new URL(url), headers: init.headers, body: init.body, keepalive: init.keepalive };
    this.requests.push(r);
    const f = this.fail && this.fail(r);
    if (f === 'network') throw new TypeError('Failed to fetch');
    const reply = (status: number, body = '') => ({ status, ok: status >= 200 && status < 300, text: async () => body });
    if (f) return reply(f);
    if (!url.startsWith(this.base)) return reply(404);
    const path = r.url.pathname.slice(new URL(this.base).pathname.length);
    if (path === 'statements' && r.method === 'POST') {
      const list = JSON.parse(r.body!) as Statement[];
      const ids = new Set<string>();
      for (const s of list) {
        if (ids.has(s.id) || this.invalid.has(s.id)) return reply(400);
        ids.add(s.id);
        const old = this.statements.find((x) => x.id === s.id);
        if (old && JSON.stringify(old) !== JSON.stringify(s)) return reply(409);
      }
      for (const s of list) if (!this.statements.some((x) => x.id === s.id)) this.statements.push(s);
      return reply(200, JSON.stringify(list.map((s) => s.id)));
    }
    if (path === 'statements' && r.method === 'PUT') {
      const s = JSON.parse(r.body!) as Statement;
      if (s.id !== r.url.searchParams.get('statementId') || this.invalid.has(s.id)) return reply(400);
      const old = this.statements.find((x) => x.id === s.id);
      if (old) return reply(JSON.stringify(old) === JSON.stringify(s) ? 204 : 409);
      this.statements.push(s);
      return reply(204);
    }
    if (path === 'activities/state') {
      if (!this.stateApi) return reply(404);
      const q = r.url.searchParams;
      const key = [q.get('activityId'), q.get('agent'), q.get('stateId'), q.get('registration')].join('|');
      if (r.method === 'GET') return this.states.has(key) ? reply(200, this.states.get(key)) : reply(404);
      if (r.method === 'PUT') {
        this.states.set(key, r.body!);
        return reply(204);
      }
    }
    return reply(404);
  };
}

interface Timer {
  at: number;
  fn: () => void;
  id: number;
}

export class FakeEnv implements XapiEnv {
  search: string;
  href: string;
  storage: MemoryStorage;
  fetch: FetchLike | null;
  clock = Date.UTC(2026, 0, 15, 2, 0, 0);
  private timerList: Timer[] = [];
  private nextId = 1;
  private handlers: Record<string, (() => void)[]> = {};

  constructor(
    readonly lrs: FakeLrs | null,
    query: Record<string, string> = {},
    storage = new MemoryStorage(),
  ) {
    this.search = '?' + new URLSearchParams(query).toString();
    this.href = 'https://lms.example.org/content/course/index.html' + this.search;
    this.storage = storage;
    this.fetch = lrs ? lrs.fetch : null;
  }

  timers = {
    set: (fn: () => void, ms: number): unknown => {
      const t = { at: this.clock + ms, fn, id: this.nextId++ };
      this.timerList.push(t);
      return t.id;
    },
    clear: (h: unknown): void => {
      this.timerList = this.timerList.filter((t) => t.id !== h);
    },
  };

  now = (): number => this.clock;
  random = (): number => 0.5;
  bytes = (): Uint8Array => new Uint8Array(randomBytes(16));

  on(event: 'online' | 'hidden', fn: () => void): void {
    (this.handlers[event] ||= []).push(fn);
  }
  emit(event: 'online' | 'hidden'): void {
    for (const fn of this.handlers[event] || []) fn();
  }

  pendingTimers(): number {
    return this.timerList.length;
  }

  /** Lets promises settle (fetches are async). */
  async settle(): Promise<void> {
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  }

  /** Moves the clock on, running timers as they fall due, letting requests settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.clock + ms;
    await this.settle();
    for (;;) {
      this.timerList.sort((a, b) => a.at - b.at);
      const t = this.timerList[0];
      if (!t || t.at > end) break;
      this.timerList.shift();
      this.clock = Math.max(this.clock, t.at);
      t.fn();
      await this.settle();
    }
    this.clock = end;
    await this.settle();
  }
}

export const ACTOR = { objectType: 'Agent', name: 'Siti Rahma', account: { homePage: 'https://lms.bantenprov.go.id', name: '198706152010012003' } };
export const REGISTRATION = '7d1e4d5a-3f0b-4c59-9a0e-2b6f8c1d9e21';

/** Launch parameters as an LMS would give them. */
export function launchQuery(lrs: FakeLrs, extra: Record<string, string> = {}): Record<string, string> {
  return {
    endpoint: lrs.base,
    auth: 'Basic ' + Buffer.from('key:secret').toString('base64'),
    actor: JSON.stringify(ACTOR),
    registration: REGISTRATION,
    activity_id: 'https://example.org/xapi/integrity-ranger',
    ...extra,
  };
}
