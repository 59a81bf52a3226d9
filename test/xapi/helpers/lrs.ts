/**
 * A real LRS for the end-to-end tests: Learning Locker's statements service
 * (npm xapi-statements, a devDependency) run in memory — no MongoDB, no Redis —
 * bound to 127.0.0.1 only (test/xapi/helpers/bind-loopback.cjs), on a free
 * port, started by the test and stopped after it.
 *
 * It sends CORS headers itself (jscommons' cors mixin: any origin, credentials,
 * ETag exposed), so the package served from another port talks to it
 * directly, cross-origin, as it would to a real LRS. It has no State API:
 * activities/state answers 404 (also to the CORS preflight), which is how the
 * player meets an LRS without one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Statement } from '../../../src/player/transport/xapi-statements.js';
import { label } from './xapi-model.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./bind-loopback.cjs', import.meta.url));

/** AUTH_REPO=test accepts these credentials (test:test). */
export const LRS_AUTH = 'Basic dGVzdDp0ZXN0';

/** The learner the browser tests launch a package as. */
export const ACTOR = { objectType: 'Agent', name: 'Dewi Lestari', account: { homePage: 'https://lms.bantenprov.go.id', name: '199203142019032007' } };

/** A package's launch query (the Tin Can launch convention) for ACTOR; `extra` adds or overrides parameters. */
export function launchQuery(endpoint: string, registration: string, activityId: string, extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({ endpoint, auth: LRS_AUTH, actor: JSON.stringify(ACTOR), registration, activity_id: activityId, ...extra });
}

/** Waits until the LRS holds at least `n` statements for the registration (sending is asynchronous), polling every `interval` ms. */
export async function lrsHolds(lrs: TestLrs, registration: string, n: number, timeout: number, interval: number): Promise<StoredStatement[]> {
  const end = Date.now() + timeout;
  let list: StoredStatement[] = [];
  while (Date.now() < end) {
    list = await lrs.statements(registration);
    if (list.length >= n) break;
    await new Promise((r) => setTimeout(r, interval));
  }
  return list;
}

/** The statements in the player's order (timestamps strictly increase), checked to be stored in that order too. */
export function inPlayerOrder(list: StoredStatement[]): StoredStatement[] {
  const sorted = list.slice().sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    expect(sorted[i]!.timestamp > sorted[i - 1]!.timestamp, `distinct timestamps at ${i}: ${label(sorted[i - 1]!)} ${sorted[i - 1]!.timestamp} (stored ${sorted[i - 1]!.stored}), ${label(sorted[i]!)} ${sorted[i]!.timestamp} (stored ${sorted[i]!.stored})`).toBe(true);
    expect(sorted[i]!.stored >= sorted[i - 1]!.stored, `${label(sorted[i]!)} stored after ${label(sorted[i - 1]!)}`).toBe(true);
  }
  return sorted;
}

export interface StoredStatement extends Statement {
  stored: string;
  authority: unknown;
  version: string;
}

export interface TestLrs {
  /** `http://127.0.0.1:PORT/xAPI/` */
  endpoint: string;
  origin: string;
  /** Every statement the LRS holds for the registration, oldest stored first (all pages of `more`). */
  statements(registration: string): Promise<StoredStatement[]>;
  log(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startLrs(): Promise<TestLrs> {
  const port = await freePort();
  const storage = mkdtempSync(join(tmpdir(), 'ir-lrs-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', PRELOAD, join(ROOT, 'node_modules/xapi-statements/dist/index.js')], {
    cwd: storage,
    env: {
      PATH: process.env.PATH,
      EXPRESS_PORT: String(port),
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      FS_LOCAL_STORAGE_DIR: storage,
      AUTH_REPO: 'test',
      EVENTS_REPO: 'test',
      WINSTON_CONSOLE_LEVEL: 'warning',
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  const headers = { 'X-Experience-API-Version': '1.0.3', Authorization: LRS_AUTH };
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the LRS exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${origin}/xAPI/about`, { headers });
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`the LRS did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint: `${origin}/xAPI/`,
    origin,
    async statements(registration) {
      const all: StoredStatement[] = [];
      let next: string | null = `/xAPI/statements?registration=${registration}&ascending=true&limit=100`;
      // An id is one statement in an LRS (xAPI §2.2). xapi-statements' `more` cursor can hand a
      // statement stored in the same millisecond as a page's last one out again on the next page
      // (the default course's 100-odd statements take two pages): one statement, read twice, and
      // counted once here. A repeated id with other content would be a real duplicate, and fails.
      const byId = new Map<string, string>();
      while (next) {
        const r = await fetch(origin + next, { headers });
        if (!r.ok) throw new Error(`GET statements: HTTP ${r.status} ${await r.text()}`);
        const body = (await r.json()) as { statements: StoredStatement[]; more: string };
        for (const st of body.statements) {
          const text = JSON.stringify(st);
          const seen = byId.get(st.id);
          if (seen === undefined) all.push(st);
          else if (seen !== text) throw new Error(`the LRS holds two statements with id ${st.id}`);
          byId.set(st.id, text);
        }
        next = body.more ? (body.more.startsWith('/') ? body.more : new URL(body.more).pathname + new URL(body.more).search) : null;
      }
      return all;
    },
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(storage, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/**
 * xapi-statements has no State API. This stands in front of it for the test
 * that needs one: a small HTTP server on 127.0.0.1 that implements
 * activities/state (GET/PUT/POST/DELETE, in memory, keyed as the xAPI spec
 * says: activityId, agent, stateId, registration; Basic auth checked), sends
 * CORS headers like an LRS, and forwards everything else (statements, about)
 * to the real LRS unchanged.
 */
export interface StateFront {
  /** `http://127.0.0.1:PORT/xAPI/` */
  endpoint: string;
  origin: string;
  /** Stored documents by `activityId|agent|stateId|registration`. */
  documents: Map<string, string>;
  /** Method and path of every State API request. */
  stateRequests: string[];
  stop(): Promise<void>;
}

/** A request as the front's own routes see it. */
export interface FrontRequest {
  method: string;
  url: URL;
  body: string;
  authorization: string | undefined;
}

export interface FrontOptions {
  /**
   * Whether a request's Authorization header may use the State API and the
   * LRS behind (default: the LRS's own credentials, passed on as they are).
   * Given, the front checks every request and speaks to the LRS with its own
   * credentials (an LMS issuing per-session tokens, e.g. cmi5).
   */
  authorized?: (authorization: string | undefined) => boolean;
  /** Answers a request itself, before the State API and the LRS (e.g. a cmi5 fetch URL); true when it did. */
  route?: (req: FrontRequest, reply: (status: number, body: string, type?: string) => void) => boolean;
}

export async function startStateFront(lrs: TestLrs, options: FrontOptions = {}): Promise<StateFront> {
  const { createServer: createHttpServer } = await import('node:http');
  const documents = new Map<string, string>();
  const stateRequests: string[] = [];
  const authorized = options.authorized ?? ((a) => a === LRS_AUTH);
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const origin = req.headers.origin;
      const cors: Record<string, string> = origin
        ? {
            'Access-Control-Allow-Origin': origin,
            'Access-Control-Allow-Credentials': 'true',
            'Access-Control-Allow-Methods': 'GET,HEAD,PUT,POST,DELETE',
            'Access-Control-Allow-Headers': 'authorization,content-type,x-experience-api-version',
            'Access-Control-Expose-Headers': 'ETag',
            Vary: 'Origin',
          }
        : {};
      const url = new URL(req.url || '/', 'http://127.0.0.1');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        return res.end();
      }
      const reply = (status: number, body: string, type = 'application/json') => {
        res.writeHead(status, { ...cors, 'Content-Type': type });
        res.end(body);
      };
      const authorization = req.headers.authorization;
      if (options.route?.({ method: req.method || 'GET', url, body: Buffer.concat(chunks).toString('utf8'), authorization }, reply)) return;
      if (url.pathname === '/xAPI/activities/state') {
        stateRequests.push(`${req.method} ${url.pathname}`);
        if (!authorized(authorization)) {
          res.writeHead(401, cors);
          return res.end();
        }
        const q = url.searchParams;
        const key = [q.get('activityId'), q.get('agent'), q.get('stateId'), q.get('registration')].join('|');
        if (req.method === 'GET') {
          const doc = documents.get(key);
          res.writeHead(doc === undefined ? 404 : 200, { ...cors, 'Content-Type': 'application/json' });
          return res.end(doc ?? '');
        }
        if (req.method === 'PUT' || req.method === 'POST') documents.set(key, Buffer.concat(chunks).toString('utf8'));
        if (req.method === 'DELETE') documents.delete(key);
        res.writeHead(204, cors);
        return res.end();
      }
      if (options.authorized && !authorized(authorization)) return reply(401, '');
      try {
        const headers: Record<string, string> = {};
        for (const h of ['authorization', 'content-type', 'x-experience-api-version']) {
          const v = req.headers[h];
          if (typeof v === 'string') headers[h] = v;
        }
        if (options.authorized) headers.authorization = LRS_AUTH;
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const r = await fetch(lrs.origin + url.pathname + url.search, { method: req.method, headers, body: req.method === 'GET' ? undefined : body });
        const text = await r.text();
        res.writeHead(r.status, { ...cors, 'Content-Type': r.headers.get('content-type') || 'application/json' });
        res.end(text);
      } catch (e) {
        res.writeHead(502, cors);
        res.end(String(e));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    endpoint: `${origin}/xAPI/`,
    origin,
    documents,
    stateRequests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
