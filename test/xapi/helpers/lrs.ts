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
import type { Statement } from '../../../src/player/transport/xapi-statements.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./bind-loopback.cjs', import.meta.url));

/** AUTH_REPO=test accepts these credentials (test:test). */
export const LRS_AUTH = 'Basic dGVzdDp0ZXN0';

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
      while (next) {
        const r = await fetch(origin + next, { headers });
        if (!r.ok) throw new Error(`GET statements: HTTP ${r.status} ${await r.text()}`);
        const body = (await r.json()) as { statements: StoredStatement[]; more: string };
        all.push(...body.statements);
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
