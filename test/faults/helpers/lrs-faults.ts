/**
 * Faults between the player and a real LRS (test/xapi/helpers/lrs.ts),
 * injected with Playwright's request routing on the LRS's origin: every
 * request the page makes to the LRS goes through `plan`, which says what
 * happens to it — through to the LRS, an HTTP error instead (with the CORS
 * headers an LRS sends, so the player reads the status), through to the LRS
 * with its answer replaced (a lost or odd response), or no answer at all
 * (a hung connection). Every request is logged with the statement ids it
 * carried, so a test can prove what was sent again and what was not.
 */
import type { Page, Request, Route } from 'playwright-core';

export type Fault =
  /** To the LRS as usual. */
  | 'pass'
  /** Answered with this status; the LRS never sees it. */
  | { status: number }
  /** To the LRS (which stores it), but the page gets this status instead of the LRS's answer. */
  | { after: number }
  /** Never answered (until `release()`). */
  | 'hang';

export interface LrsRequest {
  /** ms since the routing started */
  t: number;
  method: string;
  /** `statements`, `activities/state`… */
  path: string;
  /** Statement ids in the body (POST: the batch; PUT statements: the one). */
  ids: string[];
  fault: string;
  /** What the page got: a status, `hung`, or `aborted` (the page gave up). */
  outcome: string;
}

export interface LrsFaults {
  log: LrsRequest[];
  /** What to do with the next request (OPTIONS preflights always go through). */
  plan: (req: Request, path: string) => Fault;
  /** Answers the hung requests: through to the LRS (`pass`) or dropped (`abort`). */
  release(how: 'pass' | 'abort'): Promise<void>;
  /** Statements requests only. */
  statementRequests(): LrsRequest[];
  /** Now, on the log's clock (ms since the routing started). */
  now(): number;
}

export async function routeLrs(page: Page, lrsOrigin: string, pageOrigin: string): Promise<LrsFaults> {
  const start = Date.now();
  const held: Array<{ route: Route; entry: LrsRequest }> = [];
  const cors = {
    'Access-Control-Allow-Origin': pageOrigin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'ETag',
    'X-Experience-API-Version': '1.0.3',
  };
  const faults: LrsFaults = {
    log: [],
    plan: () => 'pass',
    async release(how) {
      for (const { route, entry } of held.splice(0)) {
        try {
          if (how === 'pass') {
            // The LRS gets it late; the page hears the answer only if it is still waiting.
            const r = await route.fetch();
            const gaveUp = entry.outcome === 'aborted';
            entry.outcome = `${gaveUp ? 'aborted, ' : ''}late ${r.status()}`;
            if (!gaveUp) await route.fulfill({ response: r });
          } else {
            await route.abort('timedout');
          }
        } catch {
          // The page gave up on it (the player aborted the request) meanwhile.
          if (!entry.outcome.startsWith('aborted')) entry.outcome = `aborted, ${entry.outcome}`;
        }
      }
    },
    statementRequests: () => faults.log.filter((r) => r.path === 'statements'),
    now: () => Date.now() - start,
  };
  const byRequest = new WeakMap<Request, LrsRequest>();
  page.on('requestfailed', (req) => {
    const entry = byRequest.get(req);
    if (entry && entry.outcome === 'hung') entry.outcome = 'aborted';
  });
  await page.route(`${lrsOrigin}/**`, async (route) => {
    const req = route.request();
    if (req.method() === 'OPTIONS') return route.fallback();
    const url = new URL(req.url());
    const path = url.pathname.replace(/^\/xAPI\//, '');
    let ids: string[] = [];
    if (path === 'statements' && req.postData()) {
      try {
        const body = JSON.parse(req.postData()!);
        ids = (Array.isArray(body) ? body : [body]).map((s: { id: string }) => s.id);
      } catch {
        /* not JSON */
      }
    }
    const fault = faults.plan(req, path);
    const entry: LrsRequest = {
      t: Date.now() - start,
      method: req.method(),
      path,
      ids,
      fault: typeof fault === 'string' ? fault : JSON.stringify(fault),
      outcome: '',
    };
    byRequest.set(req, entry);
    faults.log.push(entry);
    try {
      if (fault === 'pass') {
        const r = await route.fetch();
        entry.outcome = String(r.status());
        return await route.fulfill({ response: r });
      }
      if (fault === 'hang') {
        entry.outcome = 'hung';
        held.push({ route, entry });
        return;
      }
      if ('after' in fault) {
        const r = await route.fetch();
        entry.outcome = `${fault.after} (LRS: ${r.status()})`;
        return await route.fulfill({ status: fault.after, headers: cors, contentType: 'application/json', body: '{"message":"test fault"}' });
      }
      entry.outcome = String(fault.status);
      return await route.fulfill({ status: fault.status, headers: cors, contentType: 'application/json', body: '{"message":"test fault"}' });
    } catch {
      entry.outcome = 'aborted';
    }
  });
  return faults;
}
