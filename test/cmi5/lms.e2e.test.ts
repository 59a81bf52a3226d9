/**
 * End to end, cmi5: the default course, built by the CLI as a cmi5 package,
 * imported and launched by the tests' cmi5 LMS (test/helpers/cmi5-lms.ts) in
 * front of the real in-memory LRS (xapi-statements), and played in headless
 * Chromium through the UI (roles and names only).
 *
 * 1. Normal, with a returnURL: a full play, then the learner's exit button.
 *    The LRS holds exactly the expected statements (the LMS's launched; the
 *    player's initialized, the course's own statements as cmi5 allowed ones,
 *    completed, passed, terminated), in order, each valid for
 *    @learninglocker/xapi-validation; the LMS's cmi5 rules hold; the window
 *    went to the returnURL after terminated had arrived.
 * 2. Normal, left halfway; a second launch (a new session, another browser)
 *    resumes on the same page from the State API, and finishes the course.
 * 3. Browse: a full play sends no completed/passed/failed and saves no
 *    progress; reloading the same launch URL gets the fetch URL's error and
 *    the player says nothing is recorded.
 *
 * Needs `npm run build`; skipped only when there is no Chromium.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { EXT, STATE_PROGRESS } from '../../src/shared/activity-ids.js';
import { stringsFor } from '../helpers/ui-strings.js';
import { chromiumAvailable, expectText, expectVisible, launchChromium, leave, newContextPage, tearDown, watchProblems } from '../helpers/browser.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';
import { buildWithCli, cliBuilt, ROOT, V110 } from '../helpers/package.js';
import { startCmi5Lms, type Cmi5Lms } from '../helpers/cmi5-lms.js';
import { isDefined } from '../helpers/cmi5-rules.js';
import { ACTOR, inPlayerOrder, lrsHolds, startLrs, type StoredStatement, type TestLrs } from '../xapi/helpers/lrs.js';
import { Learner } from '../xapi/helpers/learner.js';
import { llWarnings } from '../xapi/helpers/play.js';
import { label, Model, type Expected } from '../xapi/helpers/xapi-model.js';

const S = stringsFor('id');
const built = cliBuilt('cmi5');

let work: string;
let pkgDir: string;
let course: RuntimeCourse;
let browser: Browser;
let server: StaticServer;
let lrs: TestLrs;
let lms: Cmi5Lms;

function learnerOn(page: Page, model: Model): Learner {
  return new Learner(page, model.course, { hooks: model.hooks, stuck: { timeout: 10000, shots: join(ROOT, 'test-results') } });
}

async function newPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const { context, page } = await newContextPage(browser);
  // The browser logs every 404; the one expected is the progress document before the first save.
  const problems = watchProblems(page, /Failed to load resource: the server responded with a status of 404/);
  page.on('response', (r) => {
    const progress = r.url().includes('stateId=' + encodeURIComponent(STATE_PROGRESS));
    if (r.status() >= 400 && !(r.status() === 404 && progress) && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return { context, page, problems };
}

/**
 * What the LRS must hold, from the xAPI model of the clicks: the course's own
 * statements unchanged; the course's completed without a score (§9.5.1);
 * each session opened by the LMS's launched and the player's initialized.
 */
function asCmi5(out: Expected[]): Expected[] {
  return out.map((e) => {
    if (e.label === 'initialized course') return [{ label: 'launched course' }, e];
    if (e.label !== 'completed course') return [e];
    const { score: _score, ...result } = e.result!;
    return [{ ...e, result }];
  }).flat();
}

function checkStatements(list: StoredStatement[], expected: Expected[], registration: string): void {
  expect(list.map(label)).toEqual(expected.map((e) => e.label));
  list.forEach((s, i) => {
    const where = `#${i} ${label(s)}`;
    expect(llWarnings(s), where).toEqual([]);
    expect(s.context.registration, where).toBe(registration);
    expect(s.actor, where).toMatchObject({ account: ACTOR.account });
    const e = expected[i]!;
    if (e.result) expect(s.result, where).toMatchObject(e.result);
    if (e.label === 'completed course') expect(s.result!.score, where).toBeUndefined();
    if (e.dimension !== undefined) expect(s.context.extensions?.[EXT.dimension] ?? null, where).toBe(e.dimension);
  });
  expect(lms.problems(registration, list)).toEqual([]);
}

describe.skipIf(!chromiumAvailable())('cmi5 package launched by a cmi5 LMS, against a real LRS', () => {
  beforeAll(async () => {
    if (!built) throw new Error('lib/cli.js or player-dist/cmi5/player.js is missing: run `npm run build` first');
    work = mkdtempSync(join(tmpdir(), 'ir-cmi5-e2e-'));
    const pkg = buildWithCli('cmi5', work, V110);
    pkgDir = pkg.dir;
    course = pkg.course;
    expect(existsSync(join(pkgDir, 'cmi5.xml'))).toBe(true);
    lrs = await startLrs();
    server = await startStaticServer({ '/pkg/': pkgDir });
    lms = await startCmi5Lms(lrs, pkgDir, `${server.origin}/pkg/`);
    browser = await launchChromium();
    // What the LMS imported from cmi5.xml: passing_score 80.
    expect(lms.au).toMatchObject({ url: 'index.html', moveOn: 'CompletedAndPassed', masteryScore: 0.8 });
  }, 120_000);

  afterAll(async () => {
    await lms?.stop();
    await tearDown({ browser, server, lrs, work });
  });

  it('Normal with a returnURL: a full play, then exit; exactly the expected statements, the cmi5 rules kept', async () => {
    const registration = randomUUID();
    const model = new Model(course);
    const { context, page, problems } = await newPage();
    const learner = learnerOn(page, model);
    model.session('initialized');
    await page.goto(await lms.launch({ registration, launchMode: 'Normal', returnURL: true }));
    await learner.arrive();
    await learner.play();
    await expectVisible(learner.heading(S.results));
    expect(model.isComplete).toBe(true);
    await learner.button(S.exit).click();
    await page.waitForURL(`${lms.origin}/return?registration=${registration}`);
    model.session('terminated');
    const expected = asCmi5(model.out);
    const list = inPlayerOrder(await lrsHolds(lrs, registration, expected.length, 45000, 250));
    checkStatements(list, expected, registration);
    expect(list.filter(isDefined).map((s) => s.verb.display['en-US'] ?? s.verb.display.en)).toEqual(['launched', 'initialized', 'completed', 'passed', 'terminated']);
    // §10.2.6: the window went back once terminated was in the LRS.
    await expect.poll(() => lms.returns.length).toBe(1);
    expect(lms.returns[0]!.held).toBe(expected.length);
    // §8.2: one POST, one token.
    const session = lms.sessions.find((s) => s.registration === registration)!;
    expect(session.fetches).toEqual([JSON.stringify({ 'auth-token': session.token })]);
    // §11's learner preferences are not read: the course has nothing they could change (docs/cmi5.md).
    expect(lms.preferenceReads).not.toContain(session.id);
    console.info(`cmi5 e2e: a full play of the default course: ${list.length} statements in the LRS`);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('left halfway, then launched again in another browser: resumes on the same page from the State API', async () => {
    const registration = randomUUID();
    const model = new Model(course);
    const one = await newPage();
    const learner = learnerOn(one.page, model);
    model.session('initialized');
    await one.page.goto(await lms.launch({ registration, launchMode: 'Normal' }));
    await learner.arrive();
    await learner.play(5);
    const here = learner.stops[learner.at]!;
    await leave(one.page);
    model.session('terminated');
    // Closing the context cancels the pagehide keepalive requests: wait for the LRS first.
    await lrsHolds(lrs, registration, asCmi5(model.out).length, 30000, 200);
    await one.context.close();
    const progress = () => [...lms.front.documents].find(([k]) => k.endsWith(`|${STATE_PROGRESS}|${registration}`));
    await expect.poll(() => !!progress()).toBe(true);
    expect(progress()![0]).toBe([lms.activityId, JSON.stringify(ACTOR), STATE_PROGRESS, registration].join('|'));

    const two = await newPage();
    const back = learnerOn(two.page, model);
    back.at = learner.at;
    model.session('initialized');
    await two.page.goto(await lms.launch({ registration, launchMode: 'Normal' }));
    await back.arrive();
    expect(back.stops[back.at]!.title).toBe(here.title);
    await expectText(two.page.getByRole('status'), S.resumed(here.title));
    await back.play();
    expect(model.isComplete).toBe(true);
    await leave(two.page);
    model.session('terminated');
    const expected = asCmi5(model.out);
    checkStatements(inPlayerOrder(await lrsHolds(lrs, registration, expected.length, 45000, 250)), expected, registration);
    expect(one.problems.concat(two.problems)).toEqual([]);
    await two.context.close();
  }, 240_000);

  it('Browse: no completed, passed or failed, no progress saved; the same launch again gets no second token', async () => {
    const registration = randomUUID();
    const model = new Model(course);
    const { context, page, problems } = await newPage();
    const learner = learnerOn(page, model);
    model.session('initialized');
    const url = await lms.launch({ registration, launchMode: 'Browse' });
    await page.goto(url);
    await learner.arrive();
    await learner.play();
    expect(model.isComplete).toBe(true);
    // The course's completed and passed are cmi5 defined statements: none in Browse mode (§10.2.2).
    const expected = asCmi5(model.out.filter((e) => !/^(completed|passed|failed) course$/.test(e.label)));
    await expect.poll(async () => (await lrs.statements(registration)).length, { timeout: 45000 }).toBe(expected.length);

    // The frame reloads: the fetch URL has given its token (§8.2.3); the page says nothing is recorded.
    await page.reload();
    expected.push({ label: 'terminated course' });
    await expectText(page.getByRole('status'), S.notSaved(S.scorm12));
    const list = inPlayerOrder(await lrsHolds(lrs, registration, expected.length, 45000, 250));
    checkStatements(list, expected, registration);
    const session = lms.sessions.find((s) => s.registration === registration)!;
    expect(session.fetches.map((f) => JSON.parse(f))).toEqual([{ 'auth-token': session.token }, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' }]);
    expect([...lms.front.documents.keys()].filter((k) => k.endsWith(`|${STATE_PROGRESS}|${registration}`))).toEqual([]);
    await leave(page);
    expect(problems.filter((p) => !p.includes('cmi5: the LMS gave no token'))).toEqual([]);
    expect(problems.some((p) => p.includes('The authorization token has already been returned.'))).toBe(true);
    await context.close();
  }, 240_000);
});
