/**
 * End to end, xAPI (GitHub issue 3): the default course, built by the CLI as a
 * Tin Can package, played in headless Chromium against a REAL LRS — Learning
 * Locker's statements service (xapi-statements), in memory on 127.0.0.1,
 * started here and stopped after. The package is served from its own origin
 * and talks to the LRS directly, cross-origin (the LRS sends CORS headers).
 *
 * 1. A learner plays the whole course through the UI (roles and names only):
 *    some questions wrong first, every scenario to an ending, then leaves.
 *    The LRS then holds exactly the expected statements, in order, with the
 *    expected results — computed here from the course data and the clicks,
 *    independently of the player — and every one of them passes
 *    @learninglocker/xapi-validation and the profile's templates and pattern.
 * 2. Another learner starts; the network to the LRS is cut (page.route abort)
 *    in the middle; the player says so; the page is reloaded while still cut
 *    and resumes on the same page; the network comes back; the learner goes
 *    on and leaves. Every statement arrives exactly once, in order.
 * 3. Launched without an LRS, the package says nothing is recorded and asks
 *    for nothing outside itself.
 *
 * Needs `npm run build` (lib/ and player-dist/) like the CLI itself; skipped
 * only when there is no Chromium.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { EXT } from '../../src/shared/activity-ids.js';
import { stringsFor } from '../helpers/ui-strings.js';
import { chromiumAvailable, expectText, expectVisible, launchChromium, leave, newContextPage, tearDown } from '../helpers/browser.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';
import { buildWithCli, cliBuilt, ROOT, V110 } from '../helpers/package.js';
import { ACTOR, inPlayerOrder, launchQuery, lrsHolds, startLrs, startStateFront, type StoredStatement, type TestLrs } from './helpers/lrs.js';
import { Learner } from './helpers/learner.js';
import { checker, llWarnings } from './helpers/play.js';
import { label, Model, type Expected } from './helpers/xapi-model.js';

const NEXT = 'Berikutnya';
const CHECK = 'Periksa jawaban';
const S = stringsFor('id');
const built = cliBuilt('xapi');

// ---------------------------------------------------------------------------
// The package
// ---------------------------------------------------------------------------

let work: string;
let pkgDir: string;
let course: RuntimeCourse;
let browser: Browser;
let server: StaticServer;
let lrs: TestLrs;

function buildPackage(): void {
  work = mkdtempSync(join(tmpdir(), 'ir-xapi-e2e-'));
  const pkg = buildWithCli('xapi', work, V110);
  expect(pkg.ok).toBe(true);
  pkgDir = pkg.dir;
  expect(existsSync(join(pkgDir, 'tincan.xml'))).toBe(true);
  course = pkg.course;
}

function launchUrl(registration: string, extra: Record<string, string> = {}): string {
  return `${server.origin}/pkg/index.html?${launchQuery(lrs.endpoint, registration, course.iri!, extra)}`;
}

/** A learner playing through the UI (roles and accessible names only), the model hearing the clicks. */
function learnerOn(page: Page, model: Model, wrongFirst: Set<string>): Learner {
  return new Learner(page, model.course, {
    wrongFirst,
    hooks: model.hooks,
    wrongMultiple: 'one-right-one-wrong',
    stuck: { timeout: 10000, shots: join(ROOT, 'test-results') },
  });
}

function checkStatements(list: StoredStatement[], expected: Expected[], registration: string): void {
  expect(list.map(label)).toEqual(expected.map((e) => e.label));
  const pc = checker();
  const ids = new Set<string>();
  list.forEach((s, i) => {
    const e = expected[i]!;
    const where = `#${i} ${label(s)}`;
    expect(ids.has(s.id), `${where} once`).toBe(false);
    ids.add(s.id);
    expect(llWarnings(s), where).toEqual([]);
    expect(pc.checkStatement(s).errors, where).toEqual([]);
    expect(s.context.registration, where).toBe(registration);
    expect(s.context.language, where).toBe(course.language);
    expect(s.actor, where).toMatchObject({ account: ACTOR.account });
    if (e.result) expect(s.result, where).toMatchObject(e.result);
    if (e.dimension !== undefined) expect(s.context.extensions?.[EXT.dimension] ?? null, where).toBe(e.dimension);
  });
  const pattern = pc.checkPattern(list);
  expect(pattern.ok, pattern.trace).toBe(true);
}

async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page } = await newContextPage(browser);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

// ---------------------------------------------------------------------------

describe.skipIf(!chromiumAvailable())('xAPI package against a real LRS (xapi-statements)', () => {
  beforeAll(async () => {
    if (!built) throw new Error('lib/cli.js or player-dist/xapi/player.js is missing: run `npm run build` first');
    buildPackage();
    lrs = await startLrs();
    server = await startStaticServer({ '/pkg/': pkgDir });
    browser = await launchChromium();
    // The learner finds the buttons by the course's own words: the SPEC §5 names, and the `id` table's.
    expect(course.strings).toMatchObject({ next: NEXT, check: CHECK, pager: S.pager, retry: S.retry, continue: S.continue, results: S.results });
  }, 120_000);

  afterAll(() => tearDown({ browser, server, lrs, work }));

  it('a full play: the LRS holds exactly the expected statements, in order, valid', async () => {
    const registration = randomUUID();
    const model = new Model(course);
    const { context, page, errors } = await newPage();
    // Every second question wrong first, as long as the course is still passed.
    const qs = course.units.flatMap((u) => (u.kind === 'lesson' ? u.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question.id] : []))) : []));
    const learner = learnerOn(page, model, new Set(qs.filter((_, i) => i % 4 === 1)));
    model.session('initialized');
    await page.goto(launchUrl(registration));
    await learner.arrive();
    await learner.play();
    await expectVisible(learner.heading(S.results));
    expect(model.isComplete).toBe(true);
    await leave(page);
    model.leave();
    const expected = model.out;
    const list = inPlayerOrder(await lrsHolds(lrs, registration, expected.length, 45000, 250));
    checkStatements(list, expected, registration);
    expect(list.at(-1)!.result!.duration).toMatch(/^PT/);
    console.info(`xAPI e2e: a full play of the default course sent ${list.length} statements`);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('network cut mid-course, reload while cut, network back: every statement arrives exactly once', async () => {
    const registration = randomUUID();
    const model = new Model(course);
    const { context, page, errors } = await newPage();
    const learner = learnerOn(page, model, new Set());
    model.session('initialized');
    await page.goto(launchUrl(registration));
    await learner.arrive();
    await learner.play(3);
    await expect.poll(async () => (await lrs.statements(registration)).length, { timeout: 15000 }).toBe(model.out.length);

    // Cut: every request to the LRS fails as if the network were down.
    let aborted = 0;
    const cut = `${lrs.origin}/**`;
    await page.route(cut, (route) => {
      aborted++;
      return route.abort('internetdisconnected');
    });
    await learner.play(3);
    // The learner is told that progress is not reaching the LRS (named as such), and how much waits to be sent.
    const [failing] = S.failing(S.xapi, '\u0000').split('\u0000');
    await expectText(page.getByRole('status'), failing!);
    expect(await learner.pending()).toBeGreaterThan(0);
    const queued = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':q')).map((k) => JSON.parse(localStorage.getItem(k)!).length)[0]);
    expect(queued).toBeGreaterThan(0);
    expect(aborted).toBeGreaterThan(0);

    // Reload while still cut: the page goes (suspended, terminated queued), comes back on the same page.
    const here = learner.stops[learner.at]!;
    await page.reload();
    model.leave();
    model.session('initialized');
    model.session('resumed');
    await learner.arrive(); // back on the same page, directly
    expect(here.title).toBe(learner.stops[learner.at]!.title);
    await learner.play(2);
    expect((await lrs.statements(registration)).length).toBeLessThan(model.out.length);

    // Network back: the retries deliver everything, in order, once.
    await page.unroute(cut);
    await learner.play(2);
    await leave(page);
    model.leave();
    const list = inPlayerOrder(await lrsHolds(lrs, registration, model.out.length, 60000, 250));
    checkStatements(list, model.out, registration);
    expect(errors).toEqual([]);

    // What went out in the last keepalive request is still listed locally (a page
    // that is gone cannot hear the answer). The next launch sends it again: the
    // LRS keeps one copy, and the browser's queue empties.
    const again = await context.newPage();
    const back = learnerOn(again, model, new Set());
    back.at = learner.at;
    model.session('initialized');
    model.session('resumed');
    await again.goto(launchUrl(registration));
    await back.arrive();
    await expect.poll(() => again.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':q') || k.includes(':rejected'))), { timeout: 30000 }).toEqual([]);
    await leave(again);
    model.leave();
    checkStatements(inPlayerOrder(await lrsHolds(lrs, registration, model.out.length, 45000, 250)), model.out, registration);
    await context.close();
  }, 240_000);

  it('progress in the State API: another browser resumes on the same page', async () => {
    // xapi-statements has no State API: a stand-in in front of it adds one (statements still go to the real LRS).
    const front = await startStateFront(lrs);
    try {
      const registration = randomUUID();
      const model = new Model(course);
      const one = await newPage();
      const learner = learnerOn(one.page, model, new Set());
      model.session('initialized');
      await one.page.goto(launchUrl(registration, { endpoint: front.endpoint, tenant: 'banten' }));
      await learner.arrive();
      await learner.play(5);
      const here = learner.stops[learner.at]!;
      await leave(one.page);
      model.leave();
      // Closing the context cancels the pagehide keepalive request and drops localStorage: wait for the LRS first.
      await lrsHolds(lrs, registration, model.out.length, 30000, 200);
      await one.context.close();
      await expect.poll(() => [...front.documents.keys()].filter((k) => k.endsWith('|' + registration)).length).toBe(1);
      const [key, doc] = [...front.documents].find(([k]) => k.endsWith('|' + registration))!;
      expect(key).toBe([course.iri, JSON.stringify(ACTOR), 'https://w3id.org/xapi/integrity-ranger/documents/progress', registration].join('|'));
      expect(JSON.parse(doc)).toMatchObject({ state: expect.any(String), location: expect.stringMatching(/^l:/), at: expect.any(Number) });

      // A new browser (nothing in localStorage): the progress comes from the LRS.
      const two = await newPage();
      const back = learnerOn(two.page, model, new Set());
      back.at = learner.at;
      model.session('initialized');
      model.session('resumed');
      await two.page.goto(launchUrl(registration, { endpoint: front.endpoint, tenant: 'banten' }));
      await back.arrive();
      expect(back.stops[back.at]!.title).toBe(here.title);
      await back.play(1);
      await leave(two.page);
      model.leave();
      await two.context.close();
      expect(front.stateRequests.filter((r) => r.startsWith('GET')).length).toBeGreaterThanOrEqual(2);
      checkStatements(inPlayerOrder(await lrsHolds(lrs, registration, model.out.length, 45000, 250)), model.out, registration);
      expect(one.errors.concat(two.errors)).toEqual([]);
    } finally {
      await front.stop();
    }
  }, 120_000);

  it('without an LRS in the launch: standalone, says nothing is recorded, requests nothing outside the package', async () => {
    const { context, page, errors } = await newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.origin}/pkg/index.html`);
    await expectText(page.getByRole('status'), S.notSaved(S.xapi));
    const learner = learnerOn(page, new Model(course), new Set());
    await learner.arrive();
    await learner.play(2);
    await leave(page);
    expect(requests.filter((u) => u !== 'about:blank' && !u.startsWith(`${server.origin}/pkg/`))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
