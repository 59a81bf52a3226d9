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
 *   PUT ?statementId=; 204 and 409 (the LRS already holds that id) count as
 *   delivered; a statement the LRS rejects as invalid (400) is moved aside
 *   (kept in storage, logged) so that it cannot block the others.
 * - Network errors, 401/403/404/429/5xx: retried with exponential backoff
 *   (1 s doubling to 30 s, ±20 % jitter), at once when the browser comes back
 *   online.
 * - `flush()` (pagehide, tab hidden) sends what is not already on its way in
 *   one `keepalive` request that outlives the page.
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
  init: { method: string; headers: Record<string, string>; body?: string; keepalive?: boolean },
) => Promise<{ status: number; ok: boolean; text(): Promise<string> }>;

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
  /** Called whenever `pending()` or `failing` may have changed. */
  onChange: () => void;
  /** Called when the queue has just been emptied by a successful send (e.g. to save state). */
  onIdle?: () => void;
}

export const MAX_BATCH = 50;
export const MAX_BYTES = 24000;
/** Browsers allow 64 KiB of keepalive bodies in flight per page; some is left for the state PUT. */
export const KEEPALIVE_BUDGET = 56000;

export class Outbox {
  /** Why the last attempt failed, while it has not succeeded since; null when fine. */
  failing: string | null = null;
  private fails = 0;
  private busy = 0;
  private timer: unknown = null;
  private inflight: Record<string, number> = {};
  private inflightBytes = 0;

  constructor(private o: OutboxOptions) {}

  private load(): Statement[] {
    try {
      const v = JSON.parse(this.o.kv.get(this.o.key) || '[]');
      return Array.isArray(v) ? v : [];
    } catch {
      return [];
    }
  }

  private store(q: Statement[]): void {
    if (q.length) this.o.kv.set(this.o.key, JSON.stringify(q));
    else this.o.kv.del(this.o.key);
  }

  pending(): number {
    return this.load().length;
  }

  /** Stores statements at the end of the queue, then tries to send. */
  push(list: Statement[]): void {
    const q = this.load();
    for (const s of list) if (!q.some((x) => x.id === s.id)) q.push(s);
    this.store(q);
    this.o.onChange();
    this.pump();
  }

  /** Removes delivered statements; re-reads storage so another tab's additions survive. */
  private ack(ids: string[]): void {
    this.store(this.load().filter((s) => ids.indexOf(s.id) < 0));
  }

  private url(path: string): string {
    const e = this.o.echo;
    return this.o.endpoint + path + (e ? (path.indexOf('?') < 0 ? '?' : '&') + e : '');
  }

  /** Retry now (the browser is back online). */
  kick(): void {
    if (this.timer !== null) {
      this.o.timers.clear(this.timer);
      this.timer = null;
    }
    this.pump();
  }

  /** Sends the next batch unless a request is in flight or a retry is scheduled. */
  pump(): void {
    if (this.busy || this.timer !== null) return;
    const q = this.load();
    if (!q.length) {
      if (this.failing) {
        this.failing = null;
        this.o.onChange();
      }
      return;
    }
    const batch: Statement[] = [];
    let bytes = 2;
    for (const s of q) {
      const n = JSON.stringify(s).length + 1;
      if (batch.length && (batch.length >= MAX_BATCH || bytes + n > MAX_BYTES)) break;
      batch.push(s);
      bytes += n;
    }
    this.busy++;
    this.send(batch).then(
      (r) => this.done(r),
      () => this.done('network error'),
    );
  }

  private done(r: true | string): void {
    this.busy--;
    if (r === true) {
      this.fails = 0;
      const was = this.failing;
      this.failing = null;
      const empty = !this.load().length;
      if (was || empty) this.o.onChange();
      if (empty) {
        if (this.o.onIdle) this.o.onIdle();
      } else this.pump();
      return;
    }
    this.fails++;
    this.failing = r;
    const delay = Math.min(30000, 1000 * Math.pow(2, this.fails - 1)) * (0.8 + 0.4 * this.o.random());
    if (this.timer === null && !this.busy) {
      this.timer = this.o.timers.set(() => {
        this.timer = null;
        this.pump();
      }, delay);
    }
    this.o.onChange();
  }

  private async request(method: string, path: string, body: string, keepalive: boolean): Promise<number> {
    const res = await this.o.fetch(this.url(path), {
      method,
      headers: this.o.headers,
      body,
      keepalive,
    });
    return res.status;
  }

  /** true when every statement of the batch is delivered (or set aside), else why not. */
  private async send(batch: Statement[]): Promise<true | string> {
    const body = JSON.stringify(batch);
    const ids = batch.map((s) => s.id);
    for (const id of ids) this.inflight[id] = 1;
    this.inflightBytes += body.length;
    try {
      const status = await this.request('POST', 'statements', body, body.length < KEEPALIVE_BUDGET / 2);
      if (status >= 200 && status < 300) {
        this.ack(ids);
        return true;
      }
      if (status !== 400 && status !== 409 && status !== 413) return 'HTTP ' + status;
      // One of them is refused: find which, one statement at a time.
      for (const s of batch) {
        const one = JSON.stringify(s);
        const st = await this.request('PUT', 'statements?statementId=' + encodeURIComponent(s.id), one, false);
        if ((st >= 200 && st < 300) || st === 409) this.ack([s.id]);
        else if (st === 400 || st === 413) this.reject(s, st);
        else return 'HTTP ' + st;
      }
      return true;
    } finally {
      for (const id of ids) delete this.inflight[id];
      this.inflightBytes -= body.length;
    }
  }

  /** An invalid statement would block the queue forever: keep it aside for an administrator. */
  private reject(s: Statement, status: number): void {
    const key = this.o.key + ':rejected';
    let list: Statement[] = [];
    try {
      list = JSON.parse(this.o.kv.get(key) || '[]');
    } catch {
      /* start over */
    }
    list.push(s);
    this.o.kv.set(key, JSON.stringify(list.slice(-50)));
    this.ack([s.id]);
    if (typeof console !== 'undefined') console.error('xAPI: the LRS rejected statement ' + s.id + ' (HTTP ' + status + ')');
  }

  /**
   * The page is going away: send everything not already in flight, oldest
   * first, in one keepalive request within the browser's budget. What does not
   * fit stays stored and goes out on the next launch.
   */
  flush(): void {
    const batch: Statement[] = [];
    let bytes = 2;
    const budget = KEEPALIVE_BUDGET - this.inflightBytes;
    for (const s of this.load()) {
      if (this.inflight[s.id]) continue;
      const n = JSON.stringify(s).length + 1;
      if (bytes + n > budget) break;
      batch.push(s);
      bytes += n;
    }
    if (!batch.length) return;
    if (this.timer !== null) {
      this.o.timers.clear(this.timer);
      this.timer = null;
    }
    const body = JSON.stringify(batch);
    const ids = batch.map((s) => s.id);
    for (const id of ids) this.inflight[id] = 1;
    this.inflightBytes += body.length;
    this.busy++;
    this.request('POST', 'statements', body, true).then(
      (status) => {
        if (status >= 200 && status < 300) this.ack(ids);
        return status >= 200 && status < 300 ? (true as const) : 'HTTP ' + status;
      },
      () => 'network error',
    ).then((r) => {
      for (const id of ids) delete this.inflight[id];
      this.inflightBytes -= body.length;
      this.done(r);
    });
  }
}
