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
 * the suspended/terminated it missed, stamped just after its last statement.
 * After pagehide, a page back from the back/forward cache starts a new session
 * (initialized, resumed) before its next statement.
 */
import type { RuntimeCourse } from '../../shared/runtime-types.js';
import type { Restored, Snapshot, Transport, TransportHealth } from './types.js';
import { standaloneTransport } from './standalone.js';
import { parseLaunch } from './xapi-launch.js';
import { makeKV, makeOutbox, timed, type FetchLike, type Timers } from './xapi-outbox.js';
import { makeStateSync } from './xapi-state.js';
import { statementBuilder, type SessionVerb, type Statement } from './xapi-statements.js';
import type { MediaHost } from './xapi-media-host.js';

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
  /** 'online': the browser is back online; 'hidden': the page was hidden (it may be killed without pagehide). */
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
    search: location.search,
    href: location.href,
    storage,
    fetch: w.fetch ? (url, init) => w.fetch(url, init) : null,
    timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) },
    now: Date.now,
    random: Math.random,
    bytes: () => crypto.getRandomValues(new Uint8Array(16)),
    on(event, fn) {
      if (event === 'online') w.addEventListener(event, fn);
      else document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && fn());
    },
  };
}

/** RFC 4122 version 4 UUID from 16 random bytes. */
export function uuid4(b: Uint8Array): string {
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  let h = '';
  for (let i = 0; i < 16; i++) h += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + (b[i]! + 256).toString(16).slice(1);
  return h;
}

/** How long start() waits for the State API before resuming from the local copy. */
export const STATE_TIMEOUT_MS = 5000;

interface SessionMark {
  /** Session start and its last statement's time (ms). */
  t0: number;
  t: number;
  /** The course was complete. */
  c: boolean;
}

export function makeXapiTransport(course: RuntimeCourse, env: XapiEnv = browserEnv()): Transport {
  const parsed = parseLaunch(env.search, env.href);
  if (!parsed.ok || !course.iri || !env.fetch) {
    console.info('xAPI: no LRS, nothing is recorded (' + (parsed.ok ? 'no course iri' : parsed.reason) + ')');
    return standaloneTransport();
  }
  const launch = parsed.launch;
  const kv = makeKV(env.storage);
  const uuid = (): string => uuid4(env.bytes());

  // Without a registration from the LMS, one is made and kept per learner,
  // course and LRS, so relaunches in this browser continue the same attempt.
  let registration = launch.registration;
  if (!registration) {
    const rk = 'ir-xapi:reg:' + course.id + ':' + launch.endpoint + ':' + JSON.stringify(launch.actor);
    kv.set(rk, (registration = kv.get(rk) || uuid()));
  }
  const courseId = launch.activityId || course.iri;
  const ctx = {
    course,
    iri: course.iri,
    courseId,
    actor: launch.actor,
    registration,
    grouping: launch.grouping,
    platform: launch.platform,
  };
  const build = statementBuilder(ctx);
  const key = 'ir-xapi:' + course.id + ':' + registration;
  const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
  if (launch.auth) headers.Authorization = launch.auth;
  // Statements and the State API alike: a request left unanswered is given up on (and retried).
  const common = { endpoint: launch.endpoint, headers, echo: launch.echo, kv, fetch: timed(env.fetch, env.timers), timers: env.timers };

  const listeners: ((h: TransportHealth) => void)[] = [];
  let health: TransportHealth = { kind: 'ok' };
  const report = (): void => {
    const failing = outbox.failing();
    const next: TransportHealth = failing ? { kind: 'failing', pending: outbox.pending(), detail: failing } : { kind: 'ok' };
    if (JSON.stringify(next) !== JSON.stringify(health)) {
      health = next;
      for (const fn of listeners) fn(health);
    }
  };
  const state = makeStateSync({ ...common, activityId: courseId, agent: launch.actor, registration, key: key + ':p' });
  const outbox = makeOutbox({ ...common, key: key + ':q', random: env.random, onChange: report, onIdle: () => state.push(false, true) });

  // Timestamps strictly increase, so statements sort the way they happened
  // (xAPI Profiles: statements of a pattern are ordered by timestamp).
  let last = 0;
  const stamp = (list: Statement[], at: number): Statement[] => {
    for (const s of list) s.timestamp = new Date((last = Math.max(at, last + 1))).toISOString();
    return list;
  };
  const session = (v: SessionVerb, at: number, ms?: number): Statement => stamp([build.session(v, at, uuid(), ms)], at)[0]!;

  // The open session, kept in storage so that the next launch can close it if this page dies.
  const markKey = key + ':s';
  let mark: SessionMark | null = null;
  let complete = false;
  const keepMark = (): void => {
    if (mark) kv.set(markKey, JSON.stringify(mark));
  };
  const begin = (resumed: boolean): void => {
    const t0 = env.now();
    mark = { t0, t: t0, c: complete };
    keepMark();
    outbox.push(resumed ? [session('initialized', t0), session('resumed', t0)] : [session('initialized', t0)]);
  };
  /** suspended (unless complete) + terminated. */
  const end = (at: number, m: SessionMark): Statement[] =>
    (m.c ? [] : [session('suspended', at, at - m.t0)]).concat(session('terminated', at, at - m.t0));
  const keep = (s: Snapshot): void => {
    if (s.result.complete) complete = true;
    state.save({ state: s.state, location: s.location, at: env.now() });
  };

  /** Queues statements of the open session (opening one if the page came back from the back/forward cache). */
  const send = (list: Statement[], at: number): void => {
    if (!mark) begin(true);
    outbox.push(stamp(list, at));
    mark!.t = last;
    mark!.c = complete;
    keepMark();
  };
  // For player-media.js, which the unit files with media load (src/shared/media.ts).
  const host: MediaHost = { ctx, uuid, now: env.now, send };
  if (typeof window == 'object') (window as unknown as { irHost: MediaHost }).irHost = host;

  env.on('online', outbox.kick);
  env.on('hidden', () => {
    outbox.flush();
    state.push(true, false);
  });

  return {
    name: 'xapi',

    start(): Promise<Restored> {
      // A previous session that never said goodbye (crash, killed tab).
      try {
        const old = JSON.parse(kv.get(markKey) || '0') as SessionMark;
        if (old && old.t > 0) {
          last = old.t;
          outbox.push(end(old.t, old));
        }
      } catch {
        /* unreadable: nothing to close */
      }
      begin(false);
      return state.load(STATE_TIMEOUT_MS).then((doc) => {
        if (!doc || !doc.state) return { state: null, location: null };
        outbox.push([session('resumed', env.now())]);
        return { state: doc.state, location: doc.location };
      });
    },

    record(ev) {
      if (ev.type === 'course-completed') complete = true;
      let list: Statement[];
      try {
        list = build.event(ev, uuid);
      } catch (e) {
        console.error('xAPI: cannot record', ev, e);
        return;
      }
      send(list, ev.at);
    },

    save(snapshot) {
      keep(snapshot);
      if (mark && mark.c !== complete) {
        mark.c = complete;
        keepMark();
      }
      if (outbox.pending() || outbox.failing()) outbox.pump();
      else state.push(false, false);
    },

    finish(snapshot) {
      if (host.end) host.end();
      if (!mark) return;
      keep(snapshot);
      mark.c = complete;
      const list = end(Math.max(env.now(), last), mark);
      mark = null;
      kv.del(markKey);
      outbox.push(list);
      outbox.flush();
      state.push(true, false);
    },

    onHealth(fn) {
      listeners.push(fn);
      fn(health);
    },
  };
}
