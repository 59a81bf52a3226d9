/**
 * Progress in the xAPI State API (activities/state, stateId = the profile's
 * progress document IRI, with the registration), mirrored in localStorage.
 *
 * - load(): the LRS document and the local copy, whichever was saved last
 *   (a save that never reached the LRS is newer locally).
 * - save(): always local at once; push() PUTs the latest copy to the LRS
 *   (the transport calls it when the statement queue is empty).
 * - An LRS without a State API (404/405/501 on PUT, or a request that fails
 *   while statements to the same endpoint succeed, e.g. no CORS on that
 *   route) turns the LRS copy off for this launch: progress then lives in
 *   localStorage only.
 */
import type { FetchLike, KV } from './xapi-outbox.js';
import type { Agent } from './xapi-statements.js';
import { STATE_PROGRESS } from '../../shared/activity-ids.js';

export interface ProgressDoc {
  state: string | null;
  location: string | null;
  /** When it was saved (ms since the epoch). */
  at: number;
}

export interface StateOptions {
  endpoint: string;
  headers: Record<string, string>;
  echo: string;
  activityId: string;
  agent: Agent;
  registration: string;
  kv: KV;
  /** localStorage key of the local copy. */
  key: string;
  fetch: FetchLike;
  timers: { set(fn: () => void, ms: number): unknown };
}

export interface StateSync {
  /** The newest saved progress, waiting at most `timeoutMs` for the LRS. */
  load(timeoutMs: number): Promise<ProgressDoc | null>;
  save(doc: ProgressDoc): void;
  /**
   * PUTs the local copy if it changed since. `statementsOk`: the statements
   * endpoint has just answered, so a network-level failure here is this
   * route's fault, not the network's.
   */
  push(keepalive: boolean, statementsOk: boolean): void;
}

function parseDoc(text: string | null): ProgressDoc | null {
  try {
    const d = JSON.parse(text || '');
    if (d && typeof d.at === 'number') return { state: d.state || null, location: d.location || null, at: d.at };
  } catch {
    /* not ours */
  }
  return null;
}

/** The State API URL of one document of the learner's, the activity's and the registration's. */
export function stateUrl(o: Pick<StateOptions, 'endpoint' | 'activityId' | 'agent' | 'registration' | 'echo'>, stateId: string): string {
  const e = encodeURIComponent;
  return (
    o.endpoint +
    'activities/state?activityId=' +
    e(o.activityId) +
    '&agent=' +
    e(JSON.stringify(o.agent)) +
    '&stateId=' +
    e(stateId) +
    '&registration=' +
    e(o.registration) +
    (o.echo ? '&' + o.echo : '')
  );
}

export function makeStateSync(o: StateOptions): StateSync {
  const { kv, key, headers, fetch } = o;
  /** 'off': this LRS keeps no state for us; progress stays local. */
  let api: 'unknown' | 'on' | 'off' = 'unknown';
  let dirty = false;
  let busy = false;
  const url = stateUrl(o, STATE_PROGRESS);
  const gone = (st: number): boolean => st === 404 || st === 405 || st === 501;

  const sync: StateSync = {
    load(timeoutMs) {
      const local = parseDoc(kv.get(key));
      return Promise.race([
        fetch(url, { method: 'GET', headers: headers }).then((r) => {
          if (r.status === 200) {
            api = 'on';
            return r.text().then(parseDoc);
          }
          // 404: no document yet, or no State API at all; the first save tells.
          if (r.status !== 404 && gone(r.status)) api = 'off';
          return null;
        }),
        new Promise<null>((resolve) => o.timers.set(() => resolve(null), timeoutMs)),
      ])
        .then(null, () => null) // offline, or no CORS on this route: the local copy
        .then((remote) => {
          if (remote && (!local || remote.at >= local.at)) {
            kv.set(key, JSON.stringify(remote));
            return remote;
          }
          return local;
        });
    },
    save(doc) {
      kv.set(key, JSON.stringify(doc));
      dirty = true;
    },
    push(keepalive, statementsOk) {
      const doc = kv.get(key);
      if (!dirty || busy || api === 'off' || !doc) return;
      dirty = false;
      busy = !keepalive;
      fetch(url, { method: 'PUT', headers: headers, body: doc, keepalive }).then(
        (r) => {
          busy = false;
          if (r.status > 199 && r.status < 300) {
            api = 'on';
            // Saved again meanwhile: send the newer copy too.
            if (dirty && !keepalive) sync.push(false, true);
          } else if (gone(r.status)) api = 'off';
          else dirty = true;
        },
        () => {
          busy = false;
          if (statementsOk && api !== 'on') api = 'off';
          else dirty = true;
        },
      );
    },
  };
  return sync;
}
