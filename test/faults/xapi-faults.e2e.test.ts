/**
 * GitHub issue 6, runtime faults of an LRS, in headless Chromium against a
 * REAL LRS (Learning Locker's xapi-statements, in memory on 127.0.0.1, see
 * test/xapi/helpers/lrs.ts), with faults injected by request routing on the
 * LRS's origin (helpers/lrs-faults.ts):
 *
 *  6. 401 for a while: warned, statements wait in localStorage, all arrive
 *     once the LRS accepts again.
 *  7. 500 / 503 on every other request: retried with backoff, all arrive once.
 *  8. 409 for a batch the LRS did store (the answer lost and replaced): counted
 *     as delivered, not sent again and again, no duplicate.
 *  9. No answer at all (a hung connection): the player gives up on the
 *     request after its timeout, warns, retries; all arrive once.
 * 10. The State API answering 500: progress kept in the browser, a reload
 *     resumes; once the State API is back, another browser resumes from it.
 *
 * Each checks the LRS's contents for the registration (ids unique; count,
 * verbs and objects in the order a model of the clicks predicts), the notice
 * the learner sees, and that no page error happened. The player's backoff
 * and timeout run on Playwright's fake clock where waiting would be long.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_TIMEOUT_MS, timed } from '../../src/player/transport/xapi-outbox.js';
import { FakeEnv } from '../xapi/helpers/fake-env.js';
import { chromiumAvailable, expectCount, expectText, expectVisible, launchChromium, newContextPage, tearDown, WAIT_MS, watchProblems } from '../helpers/browser.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';
import { inPlayerOrder, launchQuery, LRS_AUTH, lrsHolds, startLrs, startStateFront, type StoredStatement, type TestLrs } from '../xapi/helpers/lrs.js';
import { buildPackage, smallCourse, type Built } from './helpers/courses.js';
import { failingText, Learner } from '../xapi/helpers/learner.js';
import { routeLrs, type LrsFaults } from './helpers/lrs-faults.js';
import { label, Model } from '../xapi/helpers/xapi-model.js';

let work: string;
let browser: Browser;
let server: StaticServer;
let lrs: TestLrs;
let small: Built;

const WRONG_FIRST = new Set(['q-dua']);

function launchUrl(registration: string, endpoint = lrs.endpoint): string {
  return `${server.origin}/small/index.html?${launchQuery(endpoint, registration, small.course.iri!)}`;
}

interface Session {
  context: BrowserContext;
  page: Page;
  problems: string[];
  faults: LrsFaults;
  learner: Learner;
  model: Model;
  registration: string;
}

/** A learner's browser, its requests to `lrsOrigin` routed through the fault plan. */
async function open(opts: { clock?: boolean; lrsOrigin?: string; registration?: string; model?: Model } = {}): Promise<Session> {
  const { context, page } = await newContextPage(browser);
  // The browser's own lines for failed requests are expected here; anything else in console.error is not.
  const problems = watchProblems(page, /^Failed to load resource/);
  // Remembers whether the failing warning was ever on screen (it may come and go between two polls).
  await page.addInitScript((text) => {
    const w = window as unknown as { __warned: number };
    w.__warned = 0;
    new MutationObserver(() => {
      const status = document.querySelector('[role="status"]');
      if (status && (status.textContent || '').includes(text)) w.__warned++;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, failingText(small.course.strings, 'xapi'));
  if (opts.clock) await page.clock.install();
  const faults = await routeLrs(page, opts.lrsOrigin ?? lrs.origin, server.origin);
  const model = opts.model ?? new Model(small.course);
  const learner = new Learner(page, small.course, { wrongFirst: WRONG_FIRST, hooks: model.hooks });
  return { context, page, problems, faults, learner, model, registration: opts.registration ?? randomUUID() };
}

/** Launch: `initialized` (the model hears it), the first page. */
async function launch(s: Session, endpoint?: string): Promise<void> {
  s.model.session('initialized');
  await s.page.goto(launchUrl(s.registration, endpoint));
  await s.learner.arrive();
}

/**
 * Pagehide (the learner leaves): suspended (unless complete), terminated. The
 * browser stays open until the LRS holds them: closing the whole context
 * cancels the keepalive request and discards the localStorage copy with it
 * (a test context is a fresh profile), which no learner's browser does.
 */
async function leave(s: Session): Promise<void> {
  await s.page.goto('about:blank');
  s.model.leave();
  await lrsHolds(lrs, s.registration, s.model.out.length, 30_000, 200);
}

/** Statements waiting in the browser's outbox. */
const queued = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':q')).reduce((n, k) => n + (JSON.parse(localStorage.getItem(k)!) as unknown[]).length, 0));

/**
 * The LRS holds exactly what the model predicts, once each, in order: sorted by
 * the player's timestamps (strictly increasing) they were also stored in that
 * order, and every statement id the player ever sent is among them.
 */
async function expectDelivered(s: Session): Promise<StoredStatement[]> {
  const expected = s.model.out;
  const list = await lrsHolds(lrs, s.registration, expected.length, 30_000, 200);
  // Nothing more trickles in afterwards.
  await new Promise((r) => setTimeout(r, 300));
  const final = await lrs.statements(s.registration);
  expect(final.length, 'no statement arrives twice or late').toBe(list.length);
  const ids = final.map((x) => x.id);
  expect(new Set(ids).size, 'statement ids are unique').toBe(ids.length);
  const sorted = inPlayerOrder(final);
  expect(sorted.map(label), 'verbs and objects, in order').toEqual(expected.map((e) => e.label));
  sorted.forEach((st, i) => {
    const e = expected[i]!;
    expect(st.context.registration).toBe(s.registration);
    if (e.result) expect(st.result, `#${i} ${e.label}`).toMatchObject(e.result);
  });
  const sent = new Set(s.faults.statementRequests().flatMap((r) => r.ids));
  for (const id of sent) expect(ids, `sent statement ${id} is in the LRS`).toContain(id);
  return sorted;
}

/** The requests to the LRS, one line: `t method path (statements) → outcome`. */
function trace(name: string, f: LrsFaults): void {
  console.info(`${name}: ` + f.log.map((r) => `${r.t}ms ${r.method} ${r.path}${r.ids.length ? ` (${r.ids.length})` : ''} → ${r.outcome}`).join(', '));
}

/** Statement ids that were accepted (2xx) by more than one request. */
function acceptedTwice(f: LrsFaults): string[] {
  const seen = new Map<string, number>();
  for (const r of f.statementRequests()) if (/^2\d\d$/.test(r.outcome)) for (const id of r.ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

describe('the request timeout (src/player/transport/xapi-outbox.ts `timed`), on a fake clock', () => {
  it('a request unanswered for REQUEST_TIMEOUT_MS is aborted and fails; an answered one clears its timer', async () => {
    const env = new FakeEnv(null);
    const signals: AbortSignal[] = [];
    let answer: ((r: { status: number; text(): Promise<string> }) => void) | null = null;
    const fetch = timed((_url, init) => {
      signals.push(init.signal!);
      return new Promise((resolve) => (answer = resolve));
    }, env.timers);
    const hung = fetch('https://lrs.example.org/xapi/statements', { method: 'POST', headers: {}, body: '[]' });
    let outcome = '';
    hung.then(
      (r) => (outcome = `status ${r.status}`),
      (e: Error) => (outcome = `failed: ${e.message}`),
    );
    await env.advance(REQUEST_TIMEOUT_MS - 1);
    expect(outcome).toBe('');
    expect(signals[0]!.aborted).toBe(false);
    await env.advance(1);
    expect(outcome).toBe('failed: timeout');
    expect(signals[0]!.aborted, 'the request itself is aborted').toBe(true);
    // An answer in time: resolved, and no timer left behind.
    const ok = fetch('https://lrs.example.org/xapi/statements', { method: 'POST', headers: {}, body: '[]' });
    answer!({ status: 200, text: async () => '[]' });
    expect((await ok).status).toBe(200);
    expect(env.pendingTimers()).toBe(0);
  });
});

describe.skipIf(!chromiumAvailable())('xAPI runtime faults against a real LRS', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ir-faults-xapi-'));
    small = await buildPackage(smallCourse(), 'xapi', join(work, 'small', 'pkg'));
    lrs = await startLrs();
    server = await startStaticServer({ '/small/': small.dir });
    browser = await launchChromium();
  }, 120_000);

  afterAll(() => tearDown({ browser, server, lrs, work }));

  it('6. 401 for a while: warned, statements wait in localStorage, all arrive once the LRS accepts again', async () => {
    const s = await open({ clock: true });
    await launch(s);
    await s.learner.play(2);
    await expect.poll(async () => (await lrs.statements(s.registration)).length, { timeout: WAIT_MS }).toBe(s.model.out.length);
    const before = s.model.out.length;

    s.faults.plan = () => ({ status: 401 });
    await s.learner.play(2);
    await expectVisible(s.learner.warning, 'warned while the LRS answers 401');
    // The page reads the 401 itself (the answer carries the LRS's CORS headers), not a network error.
    const status = await s.page.evaluate(
      ([url, auth]) => fetch(url!, { method: 'POST', headers: { Authorization: auth!, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }, body: '[]' }).then((r) => r.status),
      [lrs.endpoint + 'statements', LRS_AUTH],
    );
    expect(status).toBe(401);
    await expect.poll(() => queued(s.page), { message: 'statements wait in localStorage' }).toBeGreaterThan(0);
    // Retried, with backoff, and still refused.
    await s.page.clock.fastForward(4000);
    await s.learner.play(1);
    await expect.poll(() => s.faults.statementRequests().filter((r) => r.outcome === '401' && r.ids.length).length).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await s.learner.pending()) === (await queued(s.page)), { message: 'the warning counts what waits' }).toBe(true);
    expect((await lrs.statements(s.registration)).length, 'nothing new reached the LRS').toBe(before);

    // The LRS accepts again: the next retry (at most 30 s ± 20 % later) delivers everything; the warning goes.
    s.faults.plan = () => 'pass';
    await s.page.clock.fastForward(40_000);
    await expectCount(s.learner.warning, 0, 'the warning goes once delivered');
    await expect.poll(() => queued(s.page)).toBe(0);
    await s.learner.play();
    await leave(s);
    await expectDelivered(s);
    expect(acceptedTwice(s.faults)).toEqual([]);
    trace('6', s.faults);
    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 60_000);

  it('7. 500 / 503 on every other request: retried with backoff, all arrive once', async () => {
    const s = await open();
    let n = 0;
    s.faults.plan = (_req, path) => (path === 'statements' ? (n++ % 2 === 0 ? { status: n % 4 === 1 ? 500 : 503 } : 'pass') : 'pass');
    await launch(s);
    await s.learner.play();
    await expect.poll(() => queued(s.page), { timeout: 30_000, message: 'everything sent while the page is open' }).toBe(0);
    await expectCount(s.learner.warning, 0);
    expect(await s.page.evaluate(() => (window as any).__warned), 'the learner was warned while requests failed').toBeGreaterThan(0);
    // The pagehide flush goes at once, backoff or not: the check below stops there.
    const leftAt = s.faults.now();
    await leave(s);
    await expectDelivered(s);
    const log = s.faults.statementRequests();
    expect(log.filter((r) => r.outcome === '500').length).toBeGreaterThan(0);
    expect(log.filter((r) => r.outcome === '503').length).toBeGreaterThan(0);
    // Backoff: after a refused request the next one waits about a second (1 s ± 20 %), not at once.
    let waits = 0;
    for (let i = 0; i + 1 < log.length; i++) {
      if (!/^5/.test(log[i]!.outcome) || log[i + 1]!.t >= leftAt) continue;
      expect(log[i + 1]!.t - log[i]!.t, `wait after request ${i} (${log[i]!.outcome})`).toBeGreaterThanOrEqual(700);
      waits++;
    }
    expect(waits, 'refused requests followed by another while the page was open').toBeGreaterThan(0);
    expect(acceptedTwice(s.faults)).toEqual([]);
    trace('7', s.faults);
    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 60_000);

  it('8. 409 for a batch the LRS did store: counted as delivered, not sent again, no duplicate', async () => {
    const s = await open();
    await launch(s);
    await s.learner.play(1);
    await expect.poll(() => queued(s.page)).toBe(0);
    // The next POST reaches the LRS, which stores it; the answer is lost and the page gets 409 instead.
    let conflicted: string[] = [];
    s.faults.plan = (req, path) => {
      if (path !== 'statements' || req.method() !== 'POST' || conflicted.length) return 'pass';
      conflicted = (JSON.parse(req.postData()!) as { id: string }[]).map((x) => x.id);
      return { after: 409 };
    };
    await s.learner.play(1);
    await expect.poll(() => conflicted.length).toBeGreaterThan(0);
    await expect.poll(() => queued(s.page)).toBe(0);
    await expectCount(s.learner.warning, 0);
    await s.learner.play();
    await leave(s);
    await expectDelivered(s);
    const log = s.faults.statementRequests();
    for (const id of conflicted) {
      const carrying = log.filter((r) => r.ids.includes(id));
      // The POST answered 409, then one PUT ?statementId= that the LRS answers 204 (it already holds that same statement).
      expect(carrying.map((r) => `${r.method} ${r.outcome}`), `requests carrying ${id}`).toEqual(['POST 409 (LRS: 200)', 'PUT 204']);
    }
    trace('8', s.faults);
    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 60_000);

  it('9. no answer at all: the player gives up on the request after its timeout, warns, retries; all arrive once', async () => {
    const s = await open({ clock: true });
    await launch(s);
    await s.learner.play(1);
    await expect.poll(() => queued(s.page)).toBe(0);

    s.faults.plan = (_req, path) => (path === 'statements' ? 'hang' : 'pass');
    await s.learner.play(2);
    await expect.poll(() => s.faults.statementRequests().filter((r) => r.outcome === 'hung').length).toBe(1);
    expect(await queued(s.page)).toBeGreaterThan(0);
    // One request at a time: the others wait behind the hung one. Past the timeout the player gives up on it.
    await s.page.clock.fastForward(REQUEST_TIMEOUT_MS + 1000);
    await expectVisible(s.learner.warning, 'warned once a request times out');
    await expect.poll(() => s.faults.statementRequests()[s.faults.statementRequests().length - 1]!.outcome).toBe('aborted');
    // Retried after the backoff, and that hangs too.
    await s.page.clock.fastForward(2000);
    await expect.poll(() => s.faults.statementRequests().filter((r) => r.fault === 'hang').length).toBe(2);

    // The LRS answers again. The hung requests finally reach it (late: it stores them; the page has stopped listening).
    s.faults.plan = () => 'pass';
    await s.faults.release('pass');
    await s.page.clock.fastForward(REQUEST_TIMEOUT_MS + 40_000);
    await expectCount(s.learner.warning, 0);
    await expect.poll(() => queued(s.page)).toBe(0);
    await s.learner.play();
    await leave(s);
    await expectDelivered(s);
    trace('9', s.faults);
    expect(s.problems).toEqual([]);
    await s.context.close();
  }, 60_000);

  it('10. the State API answers 500: progress stays in the browser, a reload resumes; once it is back, another browser resumes from it', async () => {
    // xapi-statements has no State API: the stand-in in front of it has one (statements still go to the real LRS).
    const front = await startStateFront(lrs);
    try {
      const s = await open({ lrsOrigin: front.origin });
      s.faults.plan = (_req, path) => (path === 'activities/state' ? { status: 500 } : 'pass');
      await launch(s, front.endpoint);
      await s.learner.play(3);
      const here = s.learner.stops[s.learner.at]!;
      await expect.poll(() => queued(s.page)).toBe(0);
      const stateTries = s.faults.log.filter((r) => r.path === 'activities/state');
      expect(stateTries.some((r) => r.method === 'GET' && r.outcome === '500')).toBe(true);
      expect(stateTries.some((r) => r.method === 'PUT' && r.outcome === '500'), 'progress PUT tried').toBe(true);
      expect(front.documents.size, 'nothing stored in the State API').toBe(0);
      // What the learner sees: no warning — statements are all delivered; progress is only in this browser meanwhile.
      await expectCount(s.learner.warning, 0);

      // Reload while the State API still fails: resumed on the same page, from the browser's copy.
      await s.page.reload();
      s.model.leave();
      s.model.session('initialized');
      s.model.session('resumed');
      await s.learner.arrive();
      expect(s.learner.stops[s.learner.at]!.title).toBe(here.title);
      await expectText(s.learner.status, s.learner.s.resumed.replace('{0}', here.title));

      // The State API is back: the next save puts the progress there.
      s.faults.plan = () => 'pass';
      await s.learner.play(1);
      const there = s.learner.stops[s.learner.at]!;
      await expect.poll(() => [...front.documents.values()].map((d) => JSON.parse(d).location as string)).toEqual([`l:${there.lesson!.id}/${there.page}`]);
      await leave(s);
      await s.context.close();

      // Another browser (nothing in its localStorage) resumes from the LRS.
      const two = await open({ lrsOrigin: front.origin, registration: s.registration, model: s.model });
      two.learner.at = s.learner.at;
      two.model.session('initialized');
      two.model.session('resumed');
      await two.page.goto(launchUrl(two.registration, front.endpoint));
      await two.learner.arrive();
      expect(two.learner.stops[two.learner.at]!.title).toBe(there.title);
      await leave(two);
      // Both browsers' statements, in order, once each (the first browser's requests are in its own log).
      two.faults.log.unshift(...s.faults.log);
      await expectDelivered(two);
      trace('10', two.faults);
      expect(s.problems.concat(two.problems)).toEqual([]);
      await two.context.close();
    } finally {
      await front.stop();
    }
  }, 60_000);
});
