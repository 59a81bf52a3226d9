/**
 * Progress in the xAPI State API (activities/state, stateId = the profile's
 * progress document IRI, with the registration), mirrored in localStorage.
 *
 * - load(): the LRS document and the local copy, whichever was saved last
 *   (a save that never reached the LRS is newer locally).
 * - save(): always local at once; the LRS copy is PUT when the statement queue
 *   is empty, the latest one only.
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

function parseDoc(text: string | null): ProgressDoc | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text);
    if (d && typeof d === 'object' && typeof d.at === 'number') {
      return {
        state: typeof d.state === 'string' ? d.state : null,
        location: typeof d.location === 'string' ? d.location : null,
        at: d.at,
      };
    }
  } catch {
    /* not ours */
  }
  return null;
}

export class StateSync {
  /** 'off': this LRS keeps no state for us; progress stays local. */
  api: 'unknown' | 'on' | 'off' = 'unknown';
  private dirty = false;
  private busy = false;

  constructor(private o: StateOptions) {}

  private url(): string {
    const o = this.o;
    return (
      o.endpoint +
      'activities/state?activityId=' +
      encodeURIComponent(o.activityId) +
      '&agent=' +
      encodeURIComponent(JSON.stringify(o.agent)) +
      '&stateId=' +
      encodeURIComponent(STATE_PROGRESS) +
      '&registration=' +
      encodeURIComponent(o.registration) +
      (o.echo ? '&' + o.echo : '')
    );
  }

  local(): ProgressDoc | null {
    return parseDoc(this.o.kv.get(this.o.key));
  }

  /** The newest saved progress, waiting at most `timeoutMs` for the LRS. */
  async load(timeoutMs: number): Promise<ProgressDoc | null> {
    const local = this.local();
    let remote: ProgressDoc | null = null;
    try {
      const res = await Promise.race([
        this.o.fetch(this.url(), { method: 'GET', headers: this.o.headers }),
        new Promise<null>((resolve) => this.o.timers.set(() => resolve(null), timeoutMs)),
      ]);
      if (res && res.status === 200) {
        this.api = 'on';
        remote = parseDoc(await res.text());
      } else if (res && res.status === 404) {
        // No document yet, or no State API at all: the first save tells.
      } else if (res && (res.status === 405 || res.status === 501)) this.api = 'off';
    } catch {
      /* offline, or no CORS on this route: local copy for now */
    }
    if (remote && (!local || remote.at >= local.at)) {
      this.o.kv.set(this.o.key, JSON.stringify(remote));
      return remote;
    }
    return local;
  }

  save(doc: ProgressDoc): void {
    this.o.kv.set(this.o.key, JSON.stringify(doc));
    this.dirty = true;
  }

  /**
   * PUTs the latest local copy if it changed. `statementsOk` says the
   * statements endpoint has just answered, so a network-level failure here is
   * this route's fault, not the network's.
   */
  push(keepalive: boolean, statementsOk: boolean): Promise<void> {
    if (!this.dirty || this.busy || this.api === 'off') return Promise.resolve();
    const doc = this.o.kv.get(this.o.key);
    if (!doc) return Promise.resolve();
    this.dirty = false;
    this.busy = !keepalive;
    return this.o.fetch(this.url(), { method: 'PUT', headers: this.o.headers, body: doc, keepalive }).then(
      (res): Promise<void> | void => {
        this.busy = false;
        if (res.status >= 200 && res.status < 300) {
          this.api = 'on';
          // Saved again meanwhile: send the newer copy too.
          if (this.dirty && !keepalive) return this.push(false, true);
        } else if (res.status === 404 || res.status === 405 || res.status === 501) this.api = 'off';
        else this.dirty = true;
      },
      () => {
        this.busy = false;
        if (statementsOk && this.api !== 'on') this.api = 'off';
        else this.dirty = true;
      },
    );
  }
}
