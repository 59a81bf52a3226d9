/**
 * `report` from an LRS over HTTP: the real LRS (Learning Locker's
 * xapi-statements, in memory on 127.0.0.1, test/xapi/helpers/lrs.ts) holds
 * the statements of learners played through the real engine, plus statements
 * of another course; the report asks for the course's statements only
 * (`activity` + `related_activities`), a few per page so that `more` is
 * followed many times, and gives the same report as the statements file.
 * Credentials from the environment or a file. Then the failures: 401 (wrong
 * credentials, and none), 404 (not an xAPI endpoint), 5xx and a StatementResult
 * that is not one (a stand-in server), and an LRS that cannot be reached.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportCourse, runReport } from '../../src/report/node-report.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { syntheticLearner, type SyntheticLearner } from '../../bench/synthetic-statements.js';
import { freePort, LRS_AUTH, startLrs, type TestLrs } from '../xapi/helpers/lrs.js';
import { runCli } from '../helpers/cli.js';
import { COURSE_100 } from './helpers.js';

let course: RuntimeCourse;
let lrs: TestLrs;
let work: string;
let learners: SyntheticLearner[];
let stand: Server;
let standOrigin: string;
/** What the stand-in server saw: path and query, and the version header. */
const standSeen: { url: string; version: string | undefined }[] = [];

const ENV = { INTEGRITY_RANGER_LRS_KEY: 'test', INTEGRITY_RANGER_LRS_SECRET: 'test' };

beforeAll(async () => {
  course = (await loadReportCourse(COURSE_100)).course!;
  work = mkdtempSync(join(tmpdir(), 'ir-report-lrs-'));
  learners = Array.from({ length: 4 }, (_, n) => syntheticLearner(course, n, 11));
  lrs = await startLrs();
  const foreign = learners[0]!.statements.slice(0, 20).map((s) => ({
    ...JSON.parse(JSON.stringify(s).replaceAll(course.iri!, 'https://example.org/other-course')),
    id: crypto.randomUUID(),
  }));
  for (const batch of [...learners.map((l) => l.statements), foreign]) {
    const r = await fetch(lrs.endpoint + 'statements', {
      method: 'POST',
      headers: { 'X-Experience-API-Version': '1.0.3', Authorization: LRS_AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(r.status, await r.clone().text()).toBe(200);
  }
  // A stand-in for LRS failures a real one cannot be made to give on demand.
  stand = createServer((req, res) => {
    standSeen.push({ url: req.url ?? '', version: req.headers['x-experience-api-version'] as string | undefined });
    if (req.url?.startsWith('/broken/')) {
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      return res.end('Service Unavailable: database is down');
    }
    if (req.url?.startsWith('/html/')) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<html>login</html>');
    }
    if (req.url?.startsWith('/loop/')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ statements: [], more: '/loop/statements?more=1' }));
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => stand.listen(0, '127.0.0.1', () => r()));
  standOrigin = `http://127.0.0.1:${(stand.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await lrs?.stop();
  await new Promise((r) => stand?.close(r));
});

describe('report from an LRS over HTTP', () => {
  it('pages of 7 with `more` followed to the end give the same report as the statements file; other courses are not asked for', async () => {
    const file = join(work, 'statements.json');
    writeFileSync(file, JSON.stringify(learners.flatMap((l) => l.statements)));
    const fromFile = await runReport({ sources: [file], course: COURSE_100, outDir: null });
    expect(fromFile.ok).toBe(true);
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      const url = new URL(String(input));
      if (requests === 1) {
        expect(Object.fromEntries(url.searchParams)).toEqual({ activity: course.iri, related_activities: 'true', ascending: 'true', limit: '7' });
        expect((init?.headers as Record<string, string>)['X-Experience-API-Version']).toBe('1.0.3');
      }
      return fetch(input, init);
    };
    const fromLrs = await runReport({ sources: [lrs.endpoint], course: COURSE_100, outDir: null, pageSize: 7, env: ENV, fetch: counting });
    expect(fromLrs.diagnostics).toEqual([]);
    expect(fromLrs.ok).toBe(true);
    const total = learners.reduce((n, l) => n + l.statements.length, 0);
    // Every page but the last is full; the LRS may or may not give a `more` after a full last page.
    expect(requests).toBeGreaterThanOrEqual(Math.ceil(total / 7));
    expect(requests).toBeLessThanOrEqual(Math.ceil(total / 7) + 1);
    const { records: a, ...restLrs } = fromLrs.report!;
    const { records: b, ...restFile } = fromFile.report!;
    expect(restLrs).toEqual(restFile);
    expect(a).toEqual(b);
    expect(a.unknown).toBe(0);
  });

  it('since/until narrow the query; credentials from a file; the CLI prints the same JSON', async () => {
    const auth = join(work, 'lrs-auth');
    writeFileSync(auth, 'test:test\n');
    const out = join(work, 'from-lrs');
    const r = await runCli(['report', lrs.endpoint, '--course', COURSE_100, '--out', out, '--lrs-auth-file', auth, '--page-size', '50', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).learners).toBe(learners.length);
    // Nothing was stored after now + 1 day: no statements, an empty report (not an error: the course is right, the period empty).
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const empty = await runCli(['report', lrs.endpoint, '--course', COURSE_100, '--out', join(work, 'future'), '--since', future, '--json'], ENV);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ learners: 0, attempts: 0, records: { read: 0 } });
  });

  it('401 and 403: credentials the LRS does not know, and ones without read access; the hint says what to set, the secret is not printed, nothing is written', async () => {
    const out = join(work, 'denied');
    // xapi-statements' test auth repo: `Basic missing_token` is a client it does not know, `invalid_scope_client` one without the statements scope.
    const unknown = await runCli(['report', lrs.endpoint, '--course', COURSE_100, '--out', out], { INTEGRITY_RANGER_LRS_AUTH: 'Basic missing_token' });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`error IR707: the LRS at ${lrs.endpoint} answered 401: the credentials were refused`);
    expect(unknown.stderr).toContain('hint: Set INTEGRITY_RANGER_LRS_KEY and INTEGRITY_RANGER_LRS_SECRET');
    expect(unknown.stderr).not.toContain('missing_token');
    const scope = await runCli(['report', lrs.endpoint, '--course', COURSE_100, '--out', out], { INTEGRITY_RANGER_LRS_AUTH: 'invalid_scope_client' });
    expect(scope.code).toBe(1);
    expect(scope.stderr).toContain(`error IR707: the LRS at ${lrs.endpoint} answered 403: the credentials were refused`);
    expect(existsSync(out)).toBe(false);
  });

  it('404: not an xAPI endpoint', async () => {
    const r = await runCli(['report', `${lrs.origin}/not-xapi/`, '--course', COURSE_100, '--out', join(work, 'x')], ENV);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error IR708: the LRS at .*\/not-xapi\/ answered 404 for \/not-xapi\/statements: no Statements API there/);
  });

  it('5xx, an answer that is not a StatementResult, a `more` link that loops, an LRS that cannot be reached', async () => {
    const broken = await runCli(['report', `${standOrigin}/broken/`, '--course', COURSE_100, '--out', join(work, 'x')], ENV);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('error IR709: the LRS at ' + standOrigin + '/broken/ answered 503: Service Unavailable: database is down');
    expect(standSeen.find((s) => s.url.startsWith('/broken/'))!.version).toBe('1.0.3');
    const html = await runCli(['report', `${standOrigin}/html/`, '--course', COURSE_100, '--out', join(work, 'x')], ENV);
    expect(html.stderr).toMatch(/error IR709: .* not JSON/);
    const loop = await runCli(['report', `${standOrigin}/loop/`, '--course', COURSE_100, '--out', join(work, 'x')], ENV);
    expect(loop.stderr).toMatch(/error IR709: the LRS gave the same `more` link twice/);
    const port = await freePort();
    const down = await runCli(['report', `http://127.0.0.1:${port}/xAPI/`, '--course', COURSE_100, '--out', join(work, 'x')], ENV);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`error IR710: cannot reach the LRS at http://127.0.0.1:${port}/xAPI/: ECONNREFUSED`);
    expect(existsSync(join(work, 'x'))).toBe(false);
  });
});
