/**
 * The light first page (issue 14) in Chromium: index.html shows the first
 * page's text before the player runs; each unit's HTML is a file of the
 * package loaded when needed, which works from file:// too (a course opened
 * from a folder, offline); a learner resuming deep in the course gets that
 * unit's file first.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSESS_SCRIPT, blocksNeedAssess, courseNeedsAssess } from '../../src/shared/assess-files.js';
import { emptyProgress, indexCourse, locationOf } from '../../src/shared/progress.js';
import { encodeState } from '../../src/shared/state-codec.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { chromiumAvailable, expectText, expectVisible, launchChromium, newContextPage, tearDown, watchProblems } from '../helpers/browser.js';
import { lmsHostPage, startLmsServer } from '../helpers/lms-host.js';
import { buildWithCli } from '../helpers/package.js';
import type { StaticServer } from '../helpers/static-server.js';

let browser: Browser;
let server: StaticServer;
let work: string;
let dir: string;
let course: RuntimeCourse;

/** The first paragraph of a page's text, as the learner sees it. */
function firstText(html: string): string {
  const m = /<p>([\s\S]*?)<\/p>/.exec(html);
  if (!m) throw new Error('no paragraph in ' + html.slice(0, 200));
  const text = m[1]!.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
  // Up to a word boundary before any other entity, so the text is exactly what the page shows.
  return text.split('&')[0]!.slice(0, 40).trim();
}

describe.skipIf(!chromiumAvailable())('a light first page', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ir-first-page-'));
    ({ dir, course } = buildWithCli('scorm12', work));
    server = await startLmsServer({ '/pkg/': dir });
    browser = await launchChromium();
  }, 120_000);
  afterAll(() => tearDown({ browser, server, work }));

  it('from file://, without a server or an LMS: the first page, then the next lesson\'s page, loaded from its own file', async () => {
    const ix = indexCourse(course);
    const { context, page } = await newContextPage(browser);
    const problems = watchProblems(page);
    // Scripts off: the first page's text is in index.html itself.
    const bare = await browser.newContext({ javaScriptEnabled: false });
    const still = await bare.newPage();
    await still.goto(pathToFileURL(join(dir, 'index.html')).href);
    const first = ix.pages[0]!.page;
    const html = first.blocks.find((b) => b.kind === 'html');
    await expectText(still.locator('#app'), firstText(html!.kind === 'html' ? html.html : ''));
    await bare.close();

    const asked: string[] = [];
    page.on('request', (r) => asked.push(relative(dir, fileURLToPath(r.url()))));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await expectVisible(page.getByRole('heading', { level: 2, name: first.title, exact: true }));
    // What the first page costs: the player, the course, the first unit. A course with typed questions, surveys
    // or tests (issue 12) gets the full player.js; their screens (player-assess.js) wait until a page needs them.
    const firstFiles = ['index.html', 'course.js', 'player.js', `units/${course.units.indexOf(ix.pages[0]!.lesson)}.js`];
    expect(blocksNeedAssess(ix.pages[0]!.page.blocks), 'the first page itself shows no typed question or survey').toBe(false);
    await expect.poll(() => [...asked].sort()).toEqual(firstFiles.sort());
    const bytes = firstFiles.map((f) => [f, statSync(join(dir, f)).size] as const);
    console.info(`first page (${course.version}, scorm12): ${bytes.reduce((a, b) => a + b[1], 0)} B: ${bytes.map(([f, n]) => `${f} ${n}`).join(', ')}`);
    const firstAsked = asked.length;
    // The first page of the second lesson: its unit's file is loaded through a script element.
    const second = ix.pages.find((p) => p.lesson !== ix.pages[0]!.lesson)!;
    const at = ix.pageStop[ix.pages.indexOf(second)]!;
    for (let i = 0; i < at; i++) await page.getByRole('button', { name: course.strings.next, exact: true }).click();
    await expectVisible(page.getByRole('heading', { level: 2, name: second.page.title, exact: true }));
    const block = second.page.blocks.find((b) => b.kind === 'html');
    await expectText(page.locator('main'), firstText(block!.kind === 'html' ? block.html : ''));
    const loaded = await page.evaluate(() => Array.from(document.querySelectorAll('script[src]')).map((s) => s.getAttribute('src')));
    expect(loaded).toEqual(['course.js', 'player.js']);
    // Going on asks only for the units on the way (the loader's script elements leave the page once run), and
    // once for player-assess.js when the way passes a survey, a typed question or a test.
    const passes = ix.stops.slice(1, at + 1).some((st) => st.kind === 'test' || (st.kind === 'page' && blocksNeedAssess(ix.pages[st.i]!.page.blocks)));
    expect(asked.slice(firstAsked).filter((f) => !/^units\/\d+\.js$/.test(f))).toEqual(passes && courseNeedsAssess(course) ? [ASSESS_SCRIPT] : []);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);

  it('resuming deep in the course: that unit\'s file is the first one asked for, and its page shows', async () => {
    const ix = indexCourse(course);
    const deep = ix.pages[ix.pages.length - 1]!;
    const progress = emptyProgress(course);
    progress.at = ix.pageStop[ix.pages.length - 1]!;
    ix.pages.forEach((_, i) => (progress.pages[i] = i < ix.pages.length - 1));
    const saved = {
      core: { lesson_location: locationOf(course, progress), lesson_status: 'incomplete', entry: 'resume' },
      suspend_data: encodeState(course, progress),
    };
    server.put('/lms/deep.html', lmsHostPage({ launch: '/pkg/index.html', saved }), 'text/html; charset=utf-8');
    const { context, page } = await newContextPage(browser);
    const problems = watchProblems(page);
    const before = server.requests.length;
    await page.goto(server.origin + '/lms/deep.html');
    const frame = page.frameLocator('iframe');
    await expectVisible(frame.getByRole('heading', { level: 2, name: deep.page.title, exact: true }));
    const block = deep.page.blocks.find((b) => b.kind === 'html');
    await expectText(frame.locator('main'), firstText(block!.kind === 'html' ? block.html : ''));
    const units = server.requests.slice(before).filter((r) => r.startsWith('/pkg/units/'));
    expect(units[0]).toBe(`/pkg/units/${course.units.indexOf(deep.lesson)}.js`);
    expect(units, 'no unit file the learner does not need yet (the next one may be fetched ahead)').toHaveLength(new Set(units).size);
    expect(units.length).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});
