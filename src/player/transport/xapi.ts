/**
 * The xAPI (Tin Can) transport: reads the launch, turns learning events into
 * statements (xapi-statements.ts), keeps them in a durable outbox until the LRS
 * has them (xapi-outbox.ts), and keeps progress in the State API with a local
 * mirror (xapi-state.ts). Without an LRS in the launch it is standalone and
 * records nothing.
 *
 * A session: initialized (+ resumed when saved progress was restored) … then
 * suspended (when the course is not complete) and terminated. A session that
 * ended without pagehide (crash, killed tab) is closed on the next launch with
 * the suspended/terminated it missed, stamped with its last activity's time.
 */
import type { RuntimeCourse } from '../../shared/runtime-types.js';
import type { LearningEvent, Restored, Snapshot, Transport, TransportHealth } from './types.js';
import { parseLaunch } from './xapi-launch.js';
import { Outbox, makeKV, type FetchLike, type KV, type Timers } from './xapi-outbox.js';
import { StateSync } from './xapi-state.js';
import {
  eventStatements,
  sessionStatement,
  type SessionContext,
  type SessionVerb,
  type Statement,
} from './xapi-statements.js';

/** Everything the transport takes from the browser, injectable for tests. */
export interface XapiEnv {
  /** `location.search` and `location.href`. */
  search: string;
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  fetch: FetchLike | null;
  timers: Timers;
  now(): number;
  random(): number;
  /** 16 random bytes. */
  bytes(): Uint8Array;
  /** Subscribes to window/document events: 'online', 'hidden' (visibilitychange to hidden). */
  on(event: 'online' | 'hidden', fn: () => void): void;
}

export function browserEnv(): XapiEnv {
  const w = window;
  let storage: XapiEnv['storage'] = null;
  try {
    storage = w.localStorage;
  } catch {
    /* blocked in this frame */
  }
  return {
    search: w.location.search,
    href: w.location.href,
    storage,
    fetch: typeof w.fetch === 'function' ? (url, init) => w.fetch(url, init) : null,
    timers: { set: (fn, ms) => w.setTimeout(fn, ms), clear: (h) => w.clearTimeout(h as number) },
    now: () => Date.now(),
    random: () => Math.random(),
    bytes: () => w.crypto.getRandomValues(new Uint8Array(16)),
    on(event, fn) {
      if (event === 'online') w.addEventListener('online', fn);
      else
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'hidden') fn();
        });
    },
  };
}

/** RFC 4122 version 4 UUID from 16 random bytes. */
export function uuid4(b: Uint8Array): string {
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let h = '';
  for (let i = 0; i < 16; i++) {
    h += (b[i]! + 0x100).toString(16).slice(1);
    if (i === 3 || i === 5 || i === 7 || i === 9) h += '-';
  }
  return h;
}

/** How long start() waits for the State API before resuming from the local copy. */
export const STATE_TIMEOUT_MS = 5000;

interface SessionMark {
  /** Session start and last activity (ms). */
  t0: number;
  t: number;
  /** The course was complete. */
  c: boolean;
}

function standalone(): Transport {
  return {
    name: 'xapi',
    start: () => Promise.resolve({ state: null, location: null }),
    record() {},
    save() {},
    finish() {},
    onHealth(fn) {
      fn({ kind: 'standalone' });
    },
  };
}

export function makeXapiTransport(course: RuntimeCourse, env: XapiEnv = browserEnv()): Transport {
  const parsed = parseLaunch(env.search, env.href);
  if (!parsed.ok || !course.iri || !env.fetch) {
    if (typeof console !== 'undefined') {
      console.info('xAPI: standalone, nothing is recorded (' + (parsed.ok ? 'no fetch or course iri' : parsed.reason) + ')');
    }
    return standalone();
  }
  const launch = parsed.launch;
  const kv: KV = makeKV(env.storage);
  const uuid = (): string => uuid4(env.bytes());

  // Without a registration from the LMS, one is made and kept per learner,
  // course and LRS, so relaunches in this browser continue the same attempt.
  let registration = launch.registration;
  if (!registration) {
    const rk = 'ir-xapi:reg:' + course.id + ':' + launch.endpoint + ':' + JSON.stringify(launch.actor);
    registration = kv.get(rk) || uuid();
    kv.set(rk, registration);
  }
  const courseId = launch.activityId || course.iri;
  const ctx: SessionContext = {
    course,
    iri: course.iri,
    courseId,
    actor: launch.actor,
    registration,
    grouping: launch.grouping,
    platform: launch.platform,
  };
  const key = 'ir-xapi:' + course.id + ':' + registration;
  const headers: Record<string, string> = {
    'X-Experience-API-Version': '1.0.3',
    'Content-Type': 'application/json',
  };
  if (launch.auth) headers.Authorization = launch.auth;

  const listeners: ((h: TransportHealth) => void)[] = [];
  let health: TransportHealth = { kind: 'ok' };
  const report = (): void => {
    const failing = outbox.failing;
    const next: TransportHealth = failing
      ? { kind: 'failing', pending: outbox.pending(), detail: failing }
      : { kind: 'ok' };
    if (JSON.stringify(next) === JSON.stringify(health)) return;
    health = next;
    for (const fn of listeners) fn(health);
  };

  const state = new StateSync({
    endpoint: launch.endpoint,
    headers,
    echo: launch.echo,
    activityId: courseId,
    agent: launch.actor,
    registration,
    kv,
    key: key + ':p',
    fetch: env.fetch,
    timers: env.timers,
  });
  const outbox = new Outbox({
    key: key + ':q',
    endpoint: launch.endpoint,
    headers,
    echo: launch.echo,
    kv,
    fetch: env.fetch,
    timers: env.timers,
    random: env.random,
    onChange: report,
    onIdle: () => void state.push(false, true),
  });

  // Timestamps strictly increase, so statements sort the way they happened
  // (xAPI Profiles: statements of a pattern are ordered by timestamp).
  let last = 0;
  const stamp = (list: Statement[], at: number): Statement[] => {
    for (const s of list) {
      last = Math.max(at, last + 1);
      s.timestamp = new Date(last).toISOString();
    }
    return list;
  };
  const session = (v: SessionVerb, at: number, ms?: number): Statement =>
    stamp([sessionStatement(ctx, v, at, uuid(), ms)], at)[0]!;

  const markKey = key + ':s';
  let mark: SessionMark | null = null;
  let open = false;
  let complete = false;
  const writeMark = (): void => {
    if (mark) kv.set(markKey, JSON.stringify(mark));
  };

  /** initialized (+ resumed) for a new session. */
  const begin = (resumed: boolean): void => {
    const t0 = env.now();
    mark = { t0, t: t0, c: complete };
    open = true;
    writeMark();
    const list = [session('initialized', t0)];
    if (resumed) list.push(session('resumed', t0));
    outbox.push(list);
  };

  /** suspended (unless complete) + terminated, closing the open session. */
  const end = (at: number, m: SessionMark): Statement[] => {
    const list: Statement[] = [];
    if (!m.c) list.push(session('suspended', at, at - m.t0));
    list.push(session('terminated', at, at - m.t0));
    return list;
  };

  env.on('online', () => outbox.kick());
  env.on('hidden', () => {
    outbox.flush();
    void state.push(true, false);
  });

  return {
    name: 'xapi',

    async start(): Promise<Restored> {
      // A previous session that never said goodbye (crash, killed tab).
      try {
        const old = JSON.parse(kv.get(markKey) || 'null') as SessionMark | null;
        if (old && typeof old.t === 'number') {
          outbox.push(end(old.t, old));
          last = Math.max(last, old.t);
        }
      } catch {
        /* unreadable: nothing to close */
      }
      const t0 = env.now();
      mark = { t0, t: t0, c: false };
      open = true;
      writeMark();
      outbox.push([session('initialized', t0)]);
      const doc = await state.load(STATE_TIMEOUT_MS);
      if (doc && doc.state) {
        outbox.push([session('resumed', env.now())]);
        return { state: doc.state, location: doc.location };
      }
      return { state: null, location: null };
    },

    record(ev: LearningEvent): void {
      // Back from the back/forward cache after finish(): a new session.
      if (!open) begin(true);
      if (ev.type === 'course-completed') complete = true;
      let list: Statement[];
      try {
        list = eventStatements(ctx, ev, uuid);
      } catch (e) {
        if (typeof console !== 'undefined') console.error('xAPI: cannot record', ev.type, e);
        return;
      }
      outbox.push(stamp(list, ev.at));
      if (mark) {
        mark.t = last;
        mark.c = complete;
        writeMark();
      }
    },

    save(snapshot: Snapshot): void {
      if (snapshot.result.complete) complete = true;
      state.save({ state: snapshot.state, location: snapshot.location, at: env.now() });
      if (mark && mark.c !== complete) {
        mark.c = complete;
        writeMark();
      }
      outbox.pump();
      if (!outbox.pending() && !outbox.failing) void state.push(false, false);
    },

    finish(snapshot: Snapshot): void {
      if (!open || !mark) return;
      if (snapshot.result.complete) complete = true;
      state.save({ state: snapshot.state, location: snapshot.location, at: env.now() });
      mark.c = complete;
      const now = Math.max(env.now(), last);
      const list = end(now, mark);
      open = false;
      mark = null;
      kv.del(markKey);
      outbox.push(list);
      outbox.flush();
      void state.push(true, false);
    },

    onHealth(fn: (h: TransportHealth) => void): void {
      listeners.push(fn);
      fn(health);
    },
  };
}
