/**
 * End to end: three learners play the default course's xAPI package in
 * headless Chromium (through the UI, by roles and names) against the real
 * in-memory LRS; then `integrity-ranger report` (the built CLI, in its own
 * process) reads that LRS over HTTP, ten statements a page so that `more` is
 * followed dozens of times, grouped by the launch's `grouping`. Its numbers
 * equal those computed here from the plays: SPEC §3 per learner from the
 * answers and choices the learners made (test/report/helpers.ts), first
 * answers per question, endings per scenario.
 *
 * Then report.html opens in Chromium from the file: no console errors, no
 * request, axe-core finds no WCAG 2.1 A/AA violation, and printed on A4 nothing
 * is wider than the page.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import type { ReportData } from '../../src/report/types.js';
import { chromiumAvailable, launchChromium, newContextPage, tearDown, watchProblems } from '../helpers/browser.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';
import { buildWithCli, cliBuilt, ROOT, V110 } from '../helpers/package.js';
import { launchQuery, lrsHolds, startLrs, type TestLrs } from '../xapi/helpers/lrs.js';
import { Learner } from '../xapi/helpers/learner.js';
import { Model } from '../xapi/helpers/xapi-model.js';
import { spec3 } from './helpers.js';

const run = promisify(execFile);
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let work: string;
let course: RuntimeCourse;
let browser: Browser;
let server: StaticServer;
let lrs: TestLrs;

interface Played {
  unit: string;
  interactions: { id: string; response: string }[];
}
const plays: Played[] = [];

describe.skipIf(!chromiumAvailable())('report from the LRS the package wrote to', () => {
  beforeAll(async () => {
    if (!cliBuilt('xapi')) throw new Error('lib/cli.js or player-dist/xapi/player.js is missing: run `npm run build` first');
    work = mkdtempSync(join(tmpdir(), 'ir-report-e2e-'));
    const pkg = buildWithCli('xapi', work, V110);
    course = pkg.course;
    lrs = await startLrs();
    server = await startStaticServer({ '/pkg/': pkg.dir });
    browser = await launchChromium();
  }, 120_000);

  afterAll(() => tearDown({ browser, server, lrs, work }));

  it('three learners play the package in Chromium; the LRS holds every statement', async () => {
    const questions = course.units.flatMap((u) => (u.kind === 'lesson' ? u.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question.id] : []))) : []));
    const scenarios = course.units.flatMap((u) => (u.kind === 'scenario' ? [u.id] : []));
    const learners = [
      { name: 'Siti Rahma', nip: '198706152010012003', unit: 'https://lms.bantenprov.go.id/unit/bkpsdm', wrong: questions.filter((_, i) => i % 3 === 0), bad: scenarios.slice(0, 2) },
      { name: 'Ahmad Fauzi', nip: '199001012015031001', unit: 'https://lms.bantenprov.go.id/unit/bkpsdm', wrong: [], bad: [] },
      { name: 'Dewi Lestari', nip: '199203142019032007', unit: 'https://lms.bantenprov.go.id/unit/inspektorat', wrong: questions.filter((_, i) => i % 2 === 1), bad: scenarios.slice(2) },
    ];
    for (const l of learners) {
      const registration = randomUUID();
      const model = new Model(course);
      const { context, page } = await newContextPage(browser);
      // xapi-statements has no State API: the player's requests for it fail (404, CORS) as designed.
      const problems = watchProblems(page, /activities\/state|Failed to load resource/);
      const actor = { objectType: 'Agent', name: l.name, account: { homePage: 'https://lms.bantenprov.go.id', name: l.nip } };
      const learner = new Learner(page, course, { wrongFirst: new Set(l.wrong), badIn: new Set(l.bad), hooks: model.hooks, stuck: { timeout: 10000, shots: join(ROOT, 'test-results') } });
      model.session('initialized');
      await page.goto(`${server.origin}/pkg/index.html?${launchQuery(lrs.endpoint, registration, course.iri!, { actor: JSON.stringify(actor), grouping: l.unit })}`);
      await learner.arrive();
      await learner.play();
      await page.goto('about:blank');
      model.leave();
      const held = await lrsHolds(lrs, registration, model.out.length, 45_000, 250);
      expect(held.length, l.name).toBe(model.out.length);
      expect(problems, l.name).toEqual([]);
      await context.close();
      plays.push({ unit: l.unit, interactions: learner.interactions.map((i) => ({ id: i.id, response: i.student_response })) });
    }
    expect(plays).toHaveLength(3);
  }, 600_000);

  it('the report over HTTP, ten a page, equals what the plays give', async () => {
    expect(plays).toHaveLength(3);
    const out = join(work, 'report');
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'bin/integrity-ranger.js'), 'report', lrs.endpoint, '--course', V110, '--out', out, '--page-size', '10', '--group-by', 'grouping', '--min-group', '1', '--json'],
      { env: { PATH: process.env.PATH, INTEGRITY_RANGER_LRS_KEY: 'test', INTEGRITY_RANGER_LRS_SECRET: 'test' }, maxBuffer: 1 << 26 },
    );
    const r = JSON.parse(stdout) as ReportData;
    expect(r.diagnostics).toEqual([]);
    // Many pages: `more` was followed to the end.
    expect(r.records.read).toBeGreaterThan(100);
    expect(r.records).toMatchObject({ used: r.records.read, unknown: 0, skipped: 0 });

    const scores = plays.map((p) => spec3(course, p.interactions));
    const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
    const passing = course.passingScore!;
    expect([r.learners, r.attempts, r.completed, r.passed]).toEqual([3, 3, 3, scores.filter((s) => s.course >= passing).length]);
    expect(r.score).toMatchObject({ n: 3, mean: mean(scores.map((s) => s.course)) });
    expect(Object.fromEntries(r.dimensions.map((d) => [d.id, [d.n, d.mean]]))).toEqual(Object.fromEntries(course.dimensions.map((d) => [d.id, [3, mean(scores.map((s) => s.dims[d.id]!))]])));
    // Items: first answers, as the learners gave them.
    for (const item of r.items) {
      const firsts = plays.map((p) => p.interactions.find((i) => i.id === item.id)!.response);
      const q = course.units.flatMap((u) => (u.kind === 'lesson' ? u.pages.flatMap((p) => p.blocks) : [])).find((b) => b.kind === 'question' && b.question.id === item.id)!;
      const right = q.kind === 'question' ? q.question.choices.map((c, i) => (c.correct ? String.fromCharCode(97 + i) : '')).filter(Boolean).join(',') : '';
      expect(item.n, item.id).toBe(3);
      expect(item.p, item.id).toBe(Math.round((firsts.filter((f) => f === right).length / 3) * 10000) / 10000);
      for (const c of item.choices) expect(c.count, `${item.id} ${c.response}`).toBe(firsts.filter((f) => f.split(',').includes(c.response)).length);
    }
    // Scenarios: the ending each learner reached, walked here from their choices.
    for (const s of r.scenarios) {
      const sc = course.units.find((u) => u.kind === 'scenario' && u.id === s.id)!;
      if (sc.kind !== 'scenario') throw new Error(s.id);
      const endings = plays.map((p) => {
        let scene = sc.scenes.find((x) => x.id === sc.start)!;
        for (const i of p.interactions.filter((x) => x.id.startsWith(sc.id + '.'))) scene = sc.scenes.find((x) => x.id === scene.choices[i.response.charCodeAt(0) - 97]!.target)!;
        return scene.id;
      });
      expect(s.n).toBe(3);
      for (const e of s.endings) expect(e.count, `${s.id} ${e.scene}`).toBe(endings.filter((x) => x === e.scene).length);
    }
    // Groups by the launch's grouping: two learners in BKPSDM, one in the Inspektorat.
    expect(r.groups!.map((g) => [g.value, g.learners])).toEqual([
      ['https://lms.bantenprov.go.id/unit/bkpsdm', 2],
      ['https://lms.bantenprov.go.id/unit/inspektorat', 1],
    ]);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toEqual(r);
  }, 120_000);

  it('report.html opens from the file with no console error and no request, passes axe-core, and fits A4 when printed', async () => {
    const file = join(work, 'report', 'report.html');
    const { context, page } = await newContextPage(browser);
    const problems = watchProblems(page);
    const requests: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(file).href);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('Laporan hasil belajar');
    expect(await page.getAttribute('html', 'lang')).toBe(course.language);
    // Every chart has a name and its numbers beside it.
    const charts = page.locator('svg[role="img"]');
    expect(await charts.count()).toBeGreaterThan(10);
    const unnamed = await charts.evaluateAll((svgs) => svgs.filter((s) => !document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent).length);
    expect(unnamed).toBe(0);
    expect(await page.locator('svg.chart text.val').first().textContent()).toMatch(/\d/);
    const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // A4 portrait, 12 mm side margins: 186 mm of width = 703 CSS px.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(703);
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  }, 120_000);
});
