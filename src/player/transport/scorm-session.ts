/**
 * The part of a SCORM transport that does not depend on the data model: one
 * ordered queue of SetValue writes against an LMS's API object, commits,
 * retries and the player's health signal. The SCORM 2004 transport runs on
 * it; SCORM 1.2's (scorm12.ts) predates it and keeps its own copy of these
 * rules while its commit protocol is being changed for Moodle 4.3 (issue 10).
 *
 * - A write the LMS refuses for a passing reason stays queued and is retried,
 *   in order, on the next flush and on a timer (5 s, doubling, at most a
 *   minute), and the player is told (`health: failing`) until everything has
 *   been accepted and committed.
 * - A write refused for a reason retrying cannot fix (`permanent` codes) is
 *   dropped with a console warning, so one unsupported element cannot block
 *   the rest.
 * - Writes of a collection (interactions, objectives) wait behind a refused
 *   earlier write of the same or an earlier member, so the LMS never sees an
 *   element before the `id` it depends on.
 * - Writes carry a phase. Phase 1 goes only after phase 0 has been accepted
 *   and committed, in a commit of its own: the transport puts the score
 *   there, so that an LMS that credits completion when it stores a score
 *   sees the final status already stored (see scorm2004.ts).
 * - Nothing is written in review mode.
 */
import type { TransportHealth } from './types';

/** An API object's calls, bound to the run-time's names (LMSSetValue or SetValue, …). */
export interface ScormCalls {
  initialize(): unknown;
  terminate(): unknown;
  getValue(element: string): unknown;
  setValue(element: string, value: string): unknown;
  commit(): unknown;
  lastError(): unknown;
  errorString(code: string): unknown;
}

export interface ScormRules {
  /** The run-time's names for the calls, for messages: `Initialize`, `SetValue`, `Commit`, `Terminate`. */
  names: { initialize: string; setValue: string; commit: string; terminate: string };
  /** Error codes after which retrying the same write cannot succeed. */
  permanent: readonly string[];
  /** The code Initialize fails with when the session is already open (a SCO reloaded within it): treated as success. */
  alreadyInitialized: string;
}

export type Phase = 0 | 1;

export interface WriteOptions {
  /** A member of a collection ('i' interactions, journaled: always appended; 'o' objectives) and its index. */
  list?: 'i' | 'o';
  n?: number;
  phase?: Phase;
}

interface Write extends WriteOptions {
  element: string;
  value: string;
  phase: Phase;
}

export interface ScormSession {
  /** Opens the session once; true when it is open. */
  initialize(): boolean;
  /** GetValue, or '' when the LMS reports an error (an element it does not keep). */
  get(element: string): string;
  /** Queues a write; an unchanged or superseded value of a non-journal element is not sent twice. */
  set(element: string, value: string, options?: WriteOptions): void;
  /** Sends what is queued, phase by phase, committing after each. */
  flush(): void;
  /** Flushes, then ends the session; nothing is written after. */
  terminate(): void;
  /** In review mode nothing is queued. */
  review: boolean;
  readonly finished: boolean;
  onHealth(listener: (health: TransportHealth) => void): void;
}

const RETRY_FIRST_MS = 5000;
const RETRY_MAX_MS = 60000;

const ok = (v: unknown) => v === true || String(v) === 'true';

export function scormSession(api: ScormCalls, rules: ScormRules, later: (f: () => void, ms: number) => unknown): ScormSession {
  const { names } = rules;
  let queue: Write[] = [];
  /** What the LMS has accepted per element, so unchanged values are not sent again. */
  const accepted: Record<string, string> = {};
  let uncommitted = false;
  let initialized = false;
  let finished = false;
  let health: TransportHealth = { kind: 'ok' };
  let retrying = false;
  let retryMs = RETRY_FIRST_MS;
  const listeners: Array<(h: TransportHealth) => void> = [];

  const call = (f: () => unknown): unknown => {
    try {
      return f();
    } catch {
      return false;
    }
  };
  const lastError = () => {
    const e = call(() => api.lastError());
    return e === false || e == null ? '' : String(e);
  };
  /** The error behind a call that returned "false": never '0'/'' (that would read as success). */
  const failure = () => {
    const e = lastError();
    return e === '0' || e === '' ? '101' : e;
  };
  const describe = (code: string) => {
    const text = call(() => api.errorString(code));
    return text ? `${code} ${String(text)}` : code;
  };
  const initialize = () => initialized || (initialized = ok(call(() => api.initialize())) || lastError() === rules.alreadyInitialized);
  const setHealth = (h: TransportHealth) => {
    const same = h.kind === health.kind && (h.kind !== 'failing' || (health.kind === 'failing' && h.pending === health.pending && h.detail === health.detail));
    health = h;
    if (!same) for (const l of listeners) l(h);
  };
  // A learner who stops clicking while the LMS is down still gets their work saved once it recovers.
  const fail = (detail: string) => {
    setHealth({ kind: 'failing', pending: queue.length + (uncommitted ? 1 : 0), detail });
    if (retrying || finished) return;
    retrying = true;
    later(() => {
      retrying = false;
      if (!finished) flush();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  /** Sends the queued writes of one phase in order, then commits; returns the first passing problem, or ''. */
  const send = (phase: Phase): string => {
    let problem = '';
    const blocked: { i?: number; o?: number } = {};
    const rest: Write[] = [];
    for (const w of queue) {
      const wait = w.list && blocked[w.list];
      if (w.phase !== phase || (wait !== undefined && w.n! >= wait)) {
        rest.push(w);
        continue;
      }
      const code = ok(call(() => api.setValue(w.element, w.value))) ? '0' : failure();
      if (code === '0') {
        if (w.list !== 'i') accepted[w.element] = w.value;
        uncommitted = true;
        continue;
      }
      if (rules.permanent.indexOf(code) >= 0) {
        warn(`${names.setValue}("${w.element}") refused: ${describe(code)}; not retried`);
        continue;
      }
      problem = problem || `${names.setValue}("${w.element}") → ${describe(code)}`;
      rest.push(w);
      if (w.list && !(blocked[w.list]! <= w.n!)) blocked[w.list] = w.n;
    }
    queue = rest;
    if (uncommitted) {
      if (ok(call(() => api.commit()))) uncommitted = false;
      else problem = problem || `${names.commit} → ${describe(failure())}`;
    }
    return problem;
  };

  const flush = (): void => {
    if (!initialize()) return fail(`${names.initialize} → ${describe(failure())}`);
    // Phase 1 waits until phase 0 has been accepted and committed.
    const problem = send(0) || (queue.some((w) => w.phase === 1) ? send(1) : '');
    if (problem) return fail(problem);
    retryMs = RETRY_FIRST_MS;
    setHealth({ kind: 'ok' });
  };

  const session: ScormSession = {
    review: false,
    get finished() {
      return finished;
    },
    initialize,
    get(element) {
      const v = call(() => api.getValue(element));
      const code = lastError();
      return (code === '0' || code === '') && v != null ? String(v) : '';
    },
    set(element, value, options = {}) {
      if (session.review || finished) return;
      if (options.list !== 'i') {
        const queued = queue.find((w) => w.element === element);
        if (queued) return void (queued.value = value);
        if (accepted[element] === value) return;
      }
      queue.push({ ...options, element, value, phase: options.phase || 0 });
    },
    flush,
    terminate() {
      if (finished) return;
      flush();
      finished = true;
      if (initialized && !ok(call(() => api.terminate()))) fail(`${names.terminate} → ${describe(failure())}`);
    },
    onHealth(listener) {
      listeners.push(listener);
      if (health.kind !== 'ok') listener(health);
    },
  };
  return session;
}

function warn(message: string): void {
  if (typeof console !== 'undefined') console.warn('[integrity-ranger] ' + message);
}
