/**
 * The durable, ordered statement outbox.
 *
 * - A statement is written to storage (localStorage, one key per registration
 *   and course) before any attempt to send it, and removed only once the LRS
 *   has accepted it. Its id is a UUID made once, so sending it again after a
 *   lost response, a reload or a closed tab cannot create a duplicate.
 * - Statements leave in the order they were recorded: one request at a time,
 *   each a POST of the oldest statements (at most MAX_BATCH of them,
 *   MAX_BYTES of JSON).
 * - A refused batch (400/409/413) is retried statement by statement with
 *   PUT ?statementId=; 2xx and 409 (the LRS already holds that id) count as
 *   delivered; a statement the LRS rejects as invalid (400/413) is moved aside
 *   (kept under `<key>:rejected:<id>`, logged) so that it cannot block the others.
 * - Network errors, requests unanswered for REQUEST_TIMEOUT_MS (see `timed`),
 *   401/403/404/429/5xx: retried with exponential backoff
 *   (1 s doubling to 30 s, ±20 % jitter), at once when the browser comes back
 *   online (`kick`).
 * - `flush()` (pagehide, tab hidden) sends what is not already on its way in
 *   one `keepalive` request that outlives the page. Every POST is keepalive
 *   too, so the one in flight when the page goes also arrives.
 *
 * Written as closures rather than classes: the player's size budget is small
 * and minifiers cannot shorten property names.
 */
import type { Statement } from './xapi-statements.js';

/** localStorage, or an in-memory stand-in when it is missing, full or forbidden. */
export interface KV {
  get(key: string): string | null;
  set(key: string, value: string): void;
  del(key: string): void;
}

export function makeKV(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null): KV {
  const mem: Record<string, string> = {};
  return {
    get(k) {
      try {
        if (storage) return storage.getItem(k);
      } catch {
        /* fall back to memory */
      }
      return k in mem ? mem[k]! : null;
    },
    set(k, v) {
      mem[k] = v;
      try {
        if (storage) storage.setItem(k, v);
      } catch {
        /* quota or security error: memory keeps it for this page */
      }
    },
    del(k) {
      delete mem[k];
      try {
        if (storage) storage.removeItem(k);
      } catch {
        /* ignore */
      }
    },
  };
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; keepalive?: boolean; signal?: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

export interface OutboxOptions {
  /** Storage key of the queue. */
  key: string;
  /** Ends with `/`. */
  endpoint: string;
  headers: Record<string, string>;
  /** Launch parameters echoed on every request (`a=1&b=2`), or ''. */
  echo: string;
  kv: KV;
  fetch: FetchLike;
  timers: Timers;
  random: () => number;
  /** Called whenever `pending()` or `failing()` may have changed. */
  onChange: () => void;
  /** Called when the queue has just been emptied by a successful send (e.g. to save state). */
  onIdle?: () => void;
}

export interface Outbox {
  /** Why the last attempt failed, while none has succeeded since; null when fine. */
  failing(): string | null;
  pending(): number;
  /** Stores statements at the end of the queue, then tries to send. */
  push(list: Statement[]): void;
  /** Sends the next batch unless a request is in flight or a retry is scheduled. */
  pump(): void;
  /** Retry now (the browser is back online). */
  kick(): void;
  /** The page is going away: one keepalive request with what is not in flight. */
  flush(): void;
}

export const MAX_BATCH = 50;
export const MAX_BYTES = 24000;
/** Browsers allow 64 KiB of keepalive bodies in flight per page; some is left for the state PUT. */
export const KEEPALIVE_BUDGET = 56000;
/** How long one request to the LRS may go unanswered before it counts as failed (and is retried). */
export const REQUEST_TIMEOUT_MS = 30000;

/**
 * `fetch` that gives up on a request after REQUEST_TIMEOUT_MS, aborting it: a
 * connection the LRS never answers must not hold the queue (one request at a
 * time) forever with the learner never told. A statement the LRS did take
 * before the request was given up on is sent again; its id keeps the LRS from
 * storing it twice.
 */
export function timed(fetch: FetchLike, timers: Timers): FetchLike {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const ctl = typeof AbortController == 'function' ? new AbortController() : null;
      const t = timers.set(() => {
        if (ctl) ctl.abort();
        reject(new Error('timeout'));
      }, REQUEST_TIMEOUT_MS);
      if (ctl) init.signal = ctl.signal;
      fetch(url, init).then(
        (r) => {
          timers.clear(t);
          resolve(r);
        },
        (e) => {
          timers.clear(t);
          reject(e);
        },
      );
    });
}

const ok = (status: number): boolean => status > 199 && status < 300;
const size = (s: Statement): number => JSON.stringify(s).length + 1;

export function makeOutbox(o: OutboxOptions): Outbox {
  const { key, kv, timers, onChange } = o;
  let failing: string | null = null;
  let fails = 0;
  let busy = 0;
  let timer: unknown = null;
  /** Ids in flight, and the bytes of keepalive bodies in flight. */
  const inflight: Record<string, number> = {};
  let inflightBytes = 0;

  const load = (): Statement[] => {
    try {
      const v = JSON.parse(kv.get(key) || '[]');
      return Array.isArray(v) ? v : [];
    } catch {
      return [];
    }
  };
  const store = (q: Statement[]): void => {
    if (q.length) kv.set(key, JSON.stringify(q));
    else kv.del(key);
  };
  // Re-reads storage, so that what another tab added meanwhile survives.
  const ack = (ids: string[]): void => store(load().filter((s) => ids.indexOf(s.id) < 0));
  const url = (path: string): string => o.endpoint + path + (o.echo ? (path.indexOf('?') < 0 ? '?' : '&') + o.echo : '');
  const request = (method: string, path: string, body: string, keepalive: boolean): Promise<number> =>
    o.fetch(url(path), { method, headers: o.headers, body, keepalive }).then((r) => r.status);
  const clearTimer = (): void => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };

  /** Sends `batch`; true when each statement is delivered or set aside, else why not. */
  const send = (batch: Statement[], keepalive: boolean): Promise<true | string> => {
    const body = JSON.stringify(batch);
    const ids = batch.map((s) => s.id);
    for (const id of ids) inflight[id] = 1;
    if (keepalive) inflightBytes += body.length;
    const one = (i: number): Promise<true | string> => {
      const s = batch[i];
      if (!s) return Promise.resolve(true);
      return request('PUT', 'statements?statementId=' + encodeURIComponent(s.id), JSON.stringify(s), false).then((st) => {
        if (ok(st) || st === 409) ack([s.id]);
        else if (st === 400 || st === 413) {
          // Invalid for this LRS: it would block the queue forever. Kept aside for an administrator.
          kv.set(key + ':rejected:' + s.id, JSON.stringify(s));
          ack([s.id]);
          console.error('xAPI: the LRS refused statement ' + s.id + ' (HTTP ' + st + ')');
        } else return 'HTTP ' + st;
        return one(i + 1);
      });
    };
    return request('POST', 'statements', body, keepalive)
      .then((st) => {
        if (ok(st)) {
          ack(ids);
          return true as const;
        }
        // One of them is refused: find which, a statement at a time.
        return st === 400 || st === 409 || st === 413 ? one(0) : 'HTTP ' + st;
      })
      .then(null, () => 'network error')
      .then((r) => {
        for (const id of ids) delete inflight[id];
        if (keepalive) inflightBytes -= body.length;
        return r;
      });
  };

  const done = (r: true | string): void => {
    busy--;
    if (r === true) {
      fails = 0;
      failing = null;
      onChange();
      if (load().length) box.pump();
      else if (o.onIdle) o.onIdle();
      return;
    }
    failing = r;
    if (timer === null && !busy) {
      const delay = Math.min(30000, 1000 * Math.pow(2, fails++)) * (0.8 + 0.4 * o.random());
      timer = timers.set(() => {
        timer = null;
        box.pump();
      }, delay);
    }
    onChange();
  };

  const box: Outbox = {
    failing: () => failing,
    pending: () => load().length,
    push(list) {
      const q = load();
      for (const s of list) if (!q.some((x) => x.id === s.id)) q.push(s);
      store(q);
      onChange();
      box.pump();
    },
    pump() {
      if (busy || timer !== null) return;
      const q = load();
      if (!q.length) {
        if (failing) {
          failing = null;
          onChange();
        }
        return;
      }
      const batch: Statement[] = [];
      let bytes = 2;
      for (const s of q) {
        const n = size(s);
        if (batch.length && (batch.length >= MAX_BATCH || bytes + n > MAX_BYTES)) break;
        batch.push(s);
        bytes += n;
      }
      busy++;
      send(batch, bytes < KEEPALIVE_BUDGET / 2).then(done);
    },
    kick() {
      clearTimer();
      box.pump();
    },
    flush() {
      const batch: Statement[] = [];
      let bytes = 2;
      for (const s of load()) {
        if (inflight[s.id]) continue;
        const n = size(s);
        if (bytes + n > KEEPALIVE_BUDGET - inflightBytes) break;
        batch.push(s);
        bytes += n;
      }
      if (!batch.length) return;
      clearTimer();
      busy++;
      send(batch, true).then(done);
    },
  };
  return box;
}
