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
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import AdmZip from 'adm-zip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourse, RuntimeLesson, RuntimeQuestion, RuntimeScenario, RuntimeScene } from '../../src/shared/runtime-types.js';
import { EXT } from '../../src/shared/activity-ids.js';
import { stringsFor } from '../helpers/ui-strings.js';
import { chromiumAvailable, expectFocused, expectText, expectVisible, launchChromium } from '../helpers/browser.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';
import { LRS_AUTH, startLrs, startStateFront, type StoredStatement, type TestLrs } from './helpers/lrs.js';
import { checker, llWarnings } from './helpers/play.js';
import { Model, type Expected } from './helpers/xapi-model.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const NEXT = 'Berikutnya';
const CHECK = 'Periksa jawaban';
const S = stringsFor('id');
const built = existsSync(join(ROOT, 'lib/cli.js')) && existsSync(join(ROOT, 'player-dist/xapi/player.js'));

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
  const out = join(work, 'dist');
  const json = execFileSync(process.execPath, [join(ROOT, 'bin/integrity-ranger.js'), 'build', join(ROOT, 'content'), '--out', out, '--target', 'xapi', '--json'], {
    encoding: 'utf8',
  });
  const r = JSON.parse(json) as { ok: boolean; artifacts: { target: string; path: string }[] };
  expect(r.ok).toBe(true);
  const zip = r.artifacts.find((a) => a.target === 'xapi')!.path;
  pkgDir = join(work, 'pkg');
  new AdmZip(zip).extractAllTo(pkgDir, true);
  expect(existsSync(join(pkgDir, 'tincan.xml'))).toBe(true);
  const html = readFileSync(join(pkgDir, 'index.html'), 'utf8');
  const m = /<script\b[^>]*\bid="course-data"[^>]*>([\s\S]*?)<\/script>/.exec(html);
  course = JSON.parse(m![1]!) as RuntimeCourse;
}

const ACTOR = { objectType: 'Agent', name: 'Dewi Lestari', account: { homePage: 'https://lms.bantenprov.go.id', name: '199203142019032007' } };

function launchUrl(registration: string, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    endpoint: extra.endpoint ?? lrs.endpoint,
    auth: LRS_AUTH,
    actor: JSON.stringify(ACTOR),
    registration,
    activity_id: course.iri!,
    ...extra,
  });
  return `${server.origin}/pkg/index.html?${q}`;
}

// ---------------------------------------------------------------------------
// What the LRS must end up holding, built from the course and the clicks
// ---------------------------------------------------------------------------


/** `answered question/q-amplop`, `completed course`… from a stored statement. */
function label(s: StoredStatement): string {
  const id = s.object.id;
  const m = /\/(lesson|question|scenario)\/(.+)$/.exec(id);
  return `${s.verb.display['en-US']} ${m ? m[1] + '/' + decodeURIComponent(m[2]!) : 'course'}`;
}

// ---------------------------------------------------------------------------
// The learner: drives the UI by roles and accessible names only
// ---------------------------------------------------------------------------

interface Stop {
  kind: 'page' | 'scenario' | 'results';
  lesson?: RuntimeLesson;
  page?: string;
  title: string;
  scenario?: RuntimeScenario;
}

function stopsOf(c: RuntimeCourse): Stop[] {
  const stops: Stop[] = [];
  for (const u of c.units) {
    if (u.kind === 'lesson') for (const p of u.pages) stops.push({ kind: 'page', lesson: u, page: p.id, title: p.title });
    else stops.push({ kind: 'scenario', scenario: u, title: u.scenes.find((s) => s.id === u.start)!.title });
  }
  stops.push({ kind: 'results', title: S.results });
  return stops;
}

class Learner {
  at = 0;
  readonly stops: Stop[];
  constructor(
    public page: Page,
    readonly model: Model,
    /** Questions answered wrongly first (then right on retry). */
    readonly wrongFirst: Set<string>,
  ) {
    this.stops = stopsOf(model.course);
  }

  heading(title: string) {
    return this.page.locator('main').getByRole('heading', { name: title, exact: true });
  }
  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The current stop is on screen; the model hears what the engine emits on entering it. */
  async arrive(): Promise<void> {
    const stop = this.stops[this.at]!;
    await expectVisible(this.heading(stop.title), `at ${stop.title}`);
    if (stop.kind === 'page') this.model.view(stop.lesson!, stop.page!);
  }

  async next(): Promise<void> {
    // The pager's forward button keeps its SPEC §5 name `Berikutnya`, also where it leads to the results.
    const forward = this.page.getByRole('navigation', { name: S.pager }).getByRole('button', { name: NEXT, exact: true });
    await forward.click({ timeout: 10000 }).catch(async (e) => {
      await this.page.screenshot({ path: join(ROOT, 'test-results', `xapi-stuck-${this.at}.png`) }).catch(() => undefined);
      throw new Error(`cannot go on from stop ${this.at} (${this.stops[this.at]!.title}): ${e}`);
    });
    this.at++;
    await this.arrive();
  }

  async answer(q: RuntimeQuestion): Promise<void> {
    const role = q.multiple ? 'checkbox' : 'radio';
    // The question's form: the one holding all its choices (and its prompt, if choices repeat elsewhere).
    let form = this.page.locator('form');
    for (const c of q.choices) form = form.filter({ has: this.page.getByRole(role, { name: c.text, exact: true }) });
    if ((await form.count()) > 1) form = form.filter({ hasText: q.promptText.slice(0, 40) });
    const correct = q.choices.map((c, i) => (c.correct ? i : -1)).filter((i) => i >= 0);
    const wrong = q.multiple ? [correct[0]!].concat(q.choices.length > correct.length ? [q.choices.findIndex((c) => !c.correct)] : []) : [q.choices.findIndex((c) => !c.correct)];
    const attempts = this.wrongFirst.has(q.id) ? [wrong, correct] : [correct];
    for (let a = 0; a < attempts.length; a++) {
      if (a > 0) await form.getByRole('button', { name: S.retry, exact: true }).click();
      const picked = attempts[a]!.slice().sort((x, y) => x - y);
      for (const i of picked) await form.getByRole(role, { name: q.choices[i]!.text, exact: true }).check();
      await form.getByRole('button', { name: CHECK, exact: true }).click();
      await expectVisible(form.getByRole('button', { name: S.retry, exact: true }));
      this.model.answer(q, picked);
    }
  }

  /** Answers the questions of the current page. */
  async page_(): Promise<void> {
    const stop = this.stops[this.at]!;
    const page = stop.lesson!.pages.find((p) => p.id === stop.page)!;
    for (const b of page.blocks) if (b.kind === 'question') await this.answer(b.question);
  }

  /** Plays the current scenario to an ending: good choices where there are, else neutral. */
  async scenario(): Promise<void> {
    const sc = this.stops[this.at]!.scenario!;
    let scene = sc.scenes.find((s) => s.id === sc.start)!;
    for (let guard = 0; !scene.ending && guard < 30; guard++) {
      await expectVisible(this.heading(scene.title));
      const pick = (q: string) => scene.choices.findIndex((c) => c.quality === q);
      let i = pick('good');
      if (i < 0) i = pick('neutral');
      if (i < 0) i = 0;
      const choice = scene.choices[i]!;
      await this.button(choice.text).click();
      const next = sc.scenes.find((s) => s.id === choice.target)!;
      this.model.choose(sc, scene, i, next);
      if (choice.feedbackHtml) {
        const go = this.button(S.continue);
        await expectFocused(go);
        await go.click();
      }
      scene = next;
      await expectVisible(this.heading(scene.title));
    }
    expect(scene.ending, `${sc.id} reaches an ending`).toBeTruthy();
  }

  /** Does what the current stop asks, then moves on, `n` stops (or to the results). */
  async play(n = Infinity): Promise<void> {
    for (let k = 0; k < n && this.at < this.stops.length - 1; k++) {
      const stop = this.stops[this.at]!;
      if (stop.kind === 'page') await this.page_();
      else if (stop.kind === 'scenario') await this.scenario();
      await this.next();
    }
  }
}

/** Pagehide: the page goes away (navigation), as when the learner closes the LMS window. */
async function leave(page: Page): Promise<void> {
  await page.goto('about:blank');
}

/** Waits until the LRS holds `n` statements for the registration (sending is asynchronous). */
async function lrsHolds(registration: string, n: number, timeout = 45000): Promise<StoredStatement[]> {
  const end = Date.now() + timeout;
  let list: StoredStatement[] = [];
  while (Date.now() < end) {
    list = await lrs.statements(registration);
    if (list.length >= n) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return list;
}

/** The LRS's statements in the player's order (timestamps strictly increase), checked to be stored in that order too. */
function inOrder(list: StoredStatement[]): StoredStatement[] {
  const sorted = list.slice().sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    expect(sorted[i]!.timestamp > sorted[i - 1]!.timestamp, `distinct timestamps at ${i}`).toBe(true);
    expect(sorted[i]!.stored >= sorted[i - 1]!.stored, `${label(sorted[i]!)} stored after ${label(sorted[i - 1]!)}`).toBe(true);
  }
  return sorted;
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
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
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await lrs?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('a full play: the LRS holds exactly the expected statements, in order, valid', async () => {
    const registration = randomUUID();
    const model = new Model(course);
    const { context, page, errors } = await newPage();
    // Every second question wrong first, as long as the course is still passed.
    const qs = course.units.flatMap((u) => (u.kind === 'lesson' ? u.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question.id] : []))) : []));
    const learner = new Learner(page, model, new Set(qs.filter((_, i) => i % 4 === 1)));
    model.session('initialized');
    await page.goto(launchUrl(registration));
    await learner.arrive();
    await learner.play();
    await expectVisible(learner.heading(S.results));
    expect(model.isComplete).toBe(true);
    await leave(page);
    model.leave();
    const expected = model.out;
    const list = inOrder(await lrsHolds(registration, expected.length));
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
    const learner = new Learner(page, model, new Set());
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
    const shown = (await page.getByRole('status').innerText()).replace(/\s+/g, ' ').split(failing!.replace(/\s+/g, ' '))[1];
    expect(Number(/^\d+/.exec(shown || '')?.[0])).toBeGreaterThan(0);
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
    const list = inOrder(await lrsHolds(registration, model.out.length, 60000));
    checkStatements(list, model.out, registration);
    expect(errors).toEqual([]);

    // What went out in the last keepalive request is still listed locally (a page
    // that is gone cannot hear the answer). The next launch sends it again: the
    // LRS keeps one copy, and the browser's queue empties.
    const again = await context.newPage();
    const back = new Learner(again, model, new Set());
    back.at = learner.at;
    model.session('initialized');
    model.session('resumed');
    await again.goto(launchUrl(registration));
    await back.arrive();
    await expect.poll(() => again.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':q') || k.includes(':rejected'))), { timeout: 30000 }).toEqual([]);
    await leave(again);
    model.leave();
    checkStatements(inOrder(await lrsHolds(registration, model.out.length)), model.out, registration);
    await context.close();
  }, 240_000);

  it('progress in the State API: another browser resumes on the same page', async () => {
    // xapi-statements has no State API: a stand-in in front of it adds one (statements still go to the real LRS).
    const front = await startStateFront(lrs);
    try {
      const registration = randomUUID();
      const model = new Model(course);
      const one = await newPage();
      const learner = new Learner(one.page, model, new Set());
      model.session('initialized');
      await one.page.goto(launchUrl(registration, { endpoint: front.endpoint, tenant: 'banten' }));
      await learner.arrive();
      await learner.play(5);
      const here = learner.stops[learner.at]!;
      await leave(one.page);
      model.leave();
      await one.context.close();
      await expect.poll(() => [...front.documents.keys()].filter((k) => k.endsWith('|' + registration)).length).toBe(1);
      const [key, doc] = [...front.documents].find(([k]) => k.endsWith('|' + registration))!;
      expect(key).toBe([course.iri, JSON.stringify(ACTOR), 'https://w3id.org/xapi/integrity-ranger/documents/progress', registration].join('|'));
      expect(JSON.parse(doc)).toMatchObject({ state: expect.any(String), location: expect.stringMatching(/^l:/), at: expect.any(Number) });

      // A new browser (nothing in localStorage): the progress comes from the LRS.
      const two = await newPage();
      const back = new Learner(two.page, model, new Set());
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
      checkStatements(inOrder(await lrsHolds(registration, model.out.length)), model.out, registration);
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
    const learner = new Learner(page, new Model(course), new Set());
    await learner.arrive();
    await learner.play(2);
    await leave(page);
    expect(requests.filter((u) => u !== 'about:blank' && !u.startsWith(`${server.origin}/pkg/`))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
