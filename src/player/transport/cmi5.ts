/**
 * The cmi5 transport: the player as a cmi5 Assignable Unit (AICC cmi5
 * specification, quartz; § numbers below are its sections).
 *
 * - §8.1: the launch URL gives `endpoint`, `fetch`, `actor`, `registration`
 *   and `activityId`; without them the package plays standalone.
 * - §8.2: one POST to `fetch` gives the session's auth token (or an error
 *   object, `error-code`/`error-text`); every xAPI request then carries it as
 *   `Authorization: Basic <token>`.
 * - §10: `LMS.LaunchData` (State API) gives the contextTemplate, launchMode,
 *   masteryScore, moveOn and returnURL; §11: the learner preferences are read
 *   too (the course has one language and no audio, so they change nothing).
 * - §9.3, §7.1: initialized (once ready), the course's own statements as
 *   "cmi5 allowed" ones, completed and passed/failed (Normal mode only,
 *   §10.2.2), terminated last. The engine reports the course complete once per
 *   registration: progress restored as complete does not complete it again.
 * - passed/failed follow the LMS's masteryScore when it gives one (§10.2.4):
 *   the course's passing score becomes masteryScore × 100 for this launch, so
 *   the results page, the score and the statements agree.
 * - Statements go through the xAPI target's durable outbox; progress through
 *   its State API sync (both reused as they are). A token is good for one
 *   session only (§8.2.1), and the LMS refuses statements for a session once
 *   it has ended (§9.3.6, §9.3.8): what an earlier session left unsent is set
 *   aside (`<key>:q:ended`), not sent in this one.
 * - Browse and Review (§10.2.2) record nothing satisfaction-related: no
 *   completed/passed/failed, and the progress of the session is not saved
 *   (a later Normal launch then completes the course for real).
 * - §10.2.6: with a returnURL the player shows an exit button; it sends
 *   terminated and, once the LMS has it (or after EXIT_WAIT_MS), goes there.
 */
import type { RuntimeCourse } from '../../shared/runtime-types.js';
import type { Restored, Snapshot, Transport, TransportHealth } from './types.js';
import { standaloneTransport } from './standalone.js';
import { browserEnv, STATE_TIMEOUT_MS, uuid4, type XapiEnv } from './xapi.js';
import { makeKV, makeOutbox, timed, type Outbox } from './xapi-outbox.js';
import { makeStateSync, stateUrl } from './xapi-state.js';
import { statementBuilder, type Agent, type Builder, type Statement } from './xapi-statements.js';
import { defined, satisfaction, withTemplate } from './cmi5-statements.js';

export interface Cmi5Launch {
  /** Absolute, ends with `/`. */
  endpoint: string;
  fetch: string;
  actor: Agent;
  registration: string;
  activityId: string;
}

/** §10.2: the LMS.LaunchData document, as far as the AU reads it. */
export interface LaunchData {
  contextTemplate: Record<string, unknown>;
  launchMode: string;
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
  /** The spelling of the AICC's 2016 sample documents; §10.2.6 says returnURL. */
  returnUrl?: string;
}

export interface Cmi5Env extends XapiEnv {
  /** Sends the window (or frame) to `url`. */
  go(url: string): void;
}

export function cmi5BrowserEnv(): Cmi5Env {
  return { ...browserEnv(), go: (url) => location.assign(url) };
}

/**
 * §10: the stateId of the LMS's launch data. §11's learner preferences (language, audio) are
 * not read: the course has one language and no audio, so they would change nothing, and every
 * byte of the player counts on a slow network.
 */
export const LAUNCH_DATA = 'LMS.LaunchData';
/** How long the exit button waits for the LMS to take terminated before going to returnURL anyway. */
export const EXIT_WAIT_MS = 3000;

const UUID = /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i;

/** §8.1: the five launch parameters, in any order, URL-encoded; every one is required. */
export function parseCmi5Launch(search: string, base: string): { ok: true; launch: Cmi5Launch } | { ok: false; reason: string } {
  const q = new URLSearchParams(search);
  const url = (k: string): string => {
    try {
      const u = new URL(q.get(k)!, base).href;
      return q.get(k) && /^https?:/.test(u) ? u : '';
    } catch {
      return '';
    }
  };
  const endpoint = url('endpoint');
  const fetch = url('fetch');
  const registration = q.get('registration') || '';
  const activityId = q.get('activityId') || '';
  let actor: Agent | null = null;
  try {
    actor = JSON.parse(q.get('actor') || '');
  } catch {
    /* refused below */
  }
  const acc = actor && actor.account;
  const bad = !endpoint
    ? 'endpoint'
    : !fetch
      ? 'fetch'
      : // §9.2: the actor is an Agent with an account.
        !acc || !acc.homePage || !acc.name
        ? 'actor'
        : !UUID.test(registration)
          ? 'registration'
          : !/^[a-z][\w+.-]*:\S/i.test(activityId)
            ? 'activityId'
            : '';
  if (bad) return { ok: false, reason: 'no usable ' + bad };
  return { ok: true, launch: { endpoint: endpoint.replace(/\/?$/, '/'), fetch, actor: actor!, registration, activityId } };
}

export function makeCmi5Transport(course: RuntimeCourse, env: Cmi5Env = cmi5BrowserEnv()): Transport {
  const parsed = parseCmi5Launch(env.search, env.href);
  if (!parsed.ok || !course.iri || !env.fetch) {
    console.info('cmi5: nothing is recorded (' + (parsed.ok ? 'no course iri' : parsed.reason) + ')');
    return standaloneTransport();
  }
  const launch = parsed.launch;
  const fetch = timed(env.fetch, env.timers);
  const kv = makeKV(env.storage);
  const uuid = (): string => uuid4(env.bytes());
  const key = 'ir-cmi5:' + course.id + ':' + launch.registration;
  // The token joins these once fetched (§8.2.1).
  const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
  const where = { endpoint: launch.endpoint, activityId: launch.activityId, agent: launch.actor, registration: launch.registration, echo: '' };
  const state = makeStateSync({ ...where, headers, kv, key: key + ':p', fetch, timers: env.timers });

  const listeners: ((h: TransportHealth) => void)[] = [];
  let health: TransportHealth = { kind: 'ok' };
  const tell = (h: TransportHealth): void => {
    if (JSON.stringify(h) === JSON.stringify(health)) return;
    health = h;
    for (const fn of listeners) fn(h);
  };

  /** Set once the session has begun (token and launch data in hand); null: nothing is recorded. */
  let box: Outbox | null = null;
  let build: Builder;
  /** launchMode Normal: satisfaction is recorded (§10.2.2). */
  let normal = false;
  let mastery: number | null = null;
  let t0 = 0;
  let last = 0;
  let ended = false;
  let leaving = '';

  // Timestamps strictly increase: §9.3 orders a session's statements by timestamp.
  const push = (list: Statement[], at: number): void => {
    for (const s of list) s.timestamp = new Date((last = Math.max(at, last + 1))).toISOString();
    box!.push(list);
  };
  const away = (): void => {
    if (leaving) env.go(leaving);
    leaving = '';
  };
  const idle = (): void => {
    if (leaving) away();
    else if (normal) state.push(false, true);
  };
  const report = (): void => {
    const failing = box!.failing();
    tell(failing ? { kind: 'failing', pending: box!.pending(), detail: failing } : { kind: 'ok' });
  };
  const keep = (s: Snapshot): void => state.save({ state: s.state, location: s.location, at: env.now() });
  const get = (url: string): Promise<string> => fetch(url, { method: 'GET', headers }).then((r) => (r.status === 200 ? r.text() : ''));

  /** The session begins: the outbox of this session, initialized. */
  const begin = (ld: LaunchData): void => {
    const template = ld.contextTemplate;
    normal = ld.launchMode === 'Normal';
    const m = ld.masteryScore;
    if (typeof m === 'number' && m >= 0 && m <= 1) {
      mastery = m;
      course.passingScore = Math.round(m * 10000) / 100;
    }
    build = statementBuilder({
      course,
      iri: course.iri!,
      // §9.4: the object of every defined statement is the AU, by the LMS's activityId.
      courseId: launch.activityId,
      actor: launch.actor,
      registration: launch.registration,
      grouping: null,
      platform: null,
      adapt: (s) => withTemplate(s, template),
    });
    const qk = key + ':q';
    const left = kv.get(qk);
    if (left) {
      kv.set(qk + ':ended', left);
      kv.del(qk);
      console.warn('cmi5: statements of an ended session set aside');
    }
    box = makeOutbox({ ...where, headers, kv, fetch, timers: env.timers, key: qk, random: env.random, onChange: report, onIdle: idle });
    t0 = env.now();
    push([defined(build.session('initialized', t0, uuid()))], t0);
    const returnTo = ld.returnURL || ld.returnUrl;
    if (returnTo) {
      transport.exit = () => {
        leaving = returnTo;
        env.timers.set(away, EXIT_WAIT_MS);
        if (!box!.pending()) away();
      };
    }
    env.on('online', box.kick);
    env.on('hidden', () => {
      box!.flush();
      if (normal) state.push(true, false);
    });
  };

  const none: Restored = { state: null, location: null };
  const transport: Transport = {
    name: 'cmi5',

    start(): Promise<Restored> {
      const fail = (why: unknown): Restored => {
        console.error('cmi5: ' + why + '; nothing is recorded');
        tell({ kind: 'standalone' });
        return none;
      };
      return fetch(launch.fetch, { method: 'POST', headers: {} })
        .then((r) => r.text())
        .then((text) => {
          const answer = JSON.parse(text) as Record<string, string>;
          const token = answer['auth-token'];
          if (!token) return fail('the LMS gave no token: ' + answer['error-code'] + ' ' + answer['error-text']);
          headers.Authorization = 'Basic ' + token;
          return get(stateUrl(where, LAUNCH_DATA)).then((doc) => {
            const ld = JSON.parse(doc || '0') as LaunchData | 0;
            if (!ld || !ld.contextTemplate) return fail('no ' + LAUNCH_DATA);
            begin(ld);
            return state.load(STATE_TIMEOUT_MS).then((p) => p || none);
          });
        })
        .then(null, fail);
    },

    record(ev) {
      if (!box || ended) return;
      let list: Statement[];
      try {
        if (ev.type !== 'course-completed') list = build.event(ev, uuid);
        else if (normal) list = satisfaction(build.event(ev, uuid), ev.result.possible > 0, mastery);
        else return;
      } catch (e) {
        console.error('cmi5: cannot record', ev, e);
        return;
      }
      push(list, ev.at);
    },

    save(s) {
      if (!box || ended || !normal) return;
      keep(s);
      if (box.pending() || box.failing()) box.pump();
      else state.push(false, false);
    },

    finish(s) {
      if (!box || ended) return;
      if (normal) keep(s);
      ended = true;
      const at = Math.max(env.now(), last);
      push([defined(build.session('terminated', at, uuid(), at - t0))], at);
      box.flush();
      if (normal) state.push(true, false);
    },

    onHealth(fn) {
      listeners.push(fn);
      fn(health);
    },
  };
  return transport;
}
