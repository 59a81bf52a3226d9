/**
 * The preview in a real browser: the course plays inside the host page, the
 * panel shows what the LMS (SCORM 1.2) or the LRS (xAPI) records, an edit
 * reloads the course where the learner was, a broken edit shows the
 * diagnostics in the page, and Reset starts the learner afresh.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startPreview, type PreviewHandle } from '../../src/preview/server.js';
import { chromiumAvailable, expectText, expectVisible, launchChromium, WAIT_MS } from '../helpers/browser.js';

const FIXTURE = resolve('test/fixtures/minimal/content');
let browser: Browser;
let work: string;
let preview: PreviewHandle | null = null;
let page: Page | null = null;

beforeAll(async () => {
  if (chromiumAvailable()) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.close();
  page = null;
  await preview?.close();
  preview = null;
  rmSync(work, { recursive: true, force: true });
});

async function open(target: 'scorm12' | 'xapi'): Promise<{ page: Page; course: FrameLocator; lesson: string }> {
  work = mkdtempSync(join(tmpdir(), 'ir-preview-'));
  cpSync(FIXTURE, join(work, 'content'), { recursive: true });
  preview = await startPreview({ dir: join(work, 'content'), port: 0, target, debounceMs: 50 });
  expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect((await preview.ready).ok).toBe(true);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(preview.url);
  return { page, course: page.frameLocator('#course'), lesson: join(work, 'content/lessons/01-dasar.md') };
}

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

/** One `[data-el]` value of the panel. */
const el = (p: Page, name: string) => p.locator(`#panel [data-el="${name}"]`);

describe.skipIf(!chromiumAvailable())('preview, SCORM 1.2', () => {
  it('plays the course, shows what the LMS records, reloads on edit, shows diagnostics, resets', async () => {
    const { page, course, lesson } = await open('scorm12');
    await expectVisible(course.getByRole('heading', { name: 'Dasar Integritas', level: 1 }).or(course.getByRole('heading', { name: 'Dasar Integritas', level: 2 })));
    await expectText(el(page, 'cmi.core.lesson_status'), 'incomplete');
    await expectText(el(page, 'cmi.core.entry'), 'ab-initio');

    // Play: the next page, its question answered right.
    await course.getByRole('button', { name: 'Berikutnya' }).first().click();
    await expectVisible(course.getByRole('heading', { name: 'Apa itu gratifikasi' }));
    await course.getByRole('radio', { name: 'Menolak dengan sopan' }).check();
    await course.getByRole('button', { name: 'Periksa jawaban' }).first().click();
    await expectText(page.locator('#interactions'), 'q-amplop');
    await expectText(page.locator('#interactions li[data-id="q-amplop"]'), 'correct');
    await expectText(page.locator('#interactions li[data-id="q-amplop"]'), 'response b');
    await expectText(el(page, 'cmi.core.lesson_location'), 'l:01-dasar/apa-itu-gratifikasi');
    await expectText(page.locator('#objectives'), 'gratifikasi');

    // An edit to the page being read: rebuilt and reloaded on that same page, the learner resumed.
    const edited = Date.now();
    edit(lesson, '## Apa itu gratifikasi', '## Apa itu gratifikasi, sebenarnya?');
    const heading = course.getByRole('heading', { name: 'Apa itu gratifikasi, sebenarnya?' });
    // Well within a second on an idle machine; how long is `npm run bench`'s business, not a
    // limit here that a loaded CI machine could trip.
    await expect.poll(() => heading.isVisible(), { interval: 25, message: 'the edited heading, after the reload' }).toBe(true);
    console.info(`preview: save to reloaded page in ${Date.now() - edited} ms`);
    await expectText(el(page, 'cmi.core.entry'), 'resume');
    await expectText(el(page, 'cmi.core.lesson_location'), 'l:01-dasar/apa-itu-gratifikasi-sebenarnya');
    await expectText(page.locator('#interactions'), 'q-amplop');

    // A broken edit: the diagnostics in the page, at the author's file, line and column.
    const text = readFileSync(lesson, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('Gratifikasi adalah')) + 1;
    edit(lesson, 'Gratifikasi adalah', '![](../assets/amplop.svg)\n\nGratifikasi adalah');
    await expectVisible(page.locator('#problems'));
    await expectText(page.locator('#problems'), 'IR207');
    await expectText(page.locator('#problems'), `lessons/01-dasar.md:${line}:1`);
    await expectText(page.locator('#problems'), 'no alt text');
    await expectText(page.locator('#status'), '1 error');

    // Fixed: the course again.
    edit(lesson, '![](../assets/amplop.svg)\n\nGratifikasi adalah', '![Amplop](../assets/amplop.svg)\n\nGratifikasi adalah');
    await expect.poll(() => page.locator('#problems').isHidden(), { timeout: WAIT_MS }).toBe(true);
    await expectVisible(course.getByRole('img', { name: 'Amplop', exact: true }));
    await expectText(page.locator('#status'), 'Built in');

    // Reset: nothing recorded, the course from its start.
    await page.getByRole('button', { name: 'Reset learner' }).click();
    await expectText(page.locator('#interactions'), 'No interactions yet');
    await expectText(el(page, 'cmi.core.entry'), 'ab-initio');
    await expectText(el(page, 'cmi.core.lesson_location'), 'l:01-dasar/intro');
  });
});

describe.skipIf(!chromiumAvailable())('preview, xAPI', () => {
  it('launches the course against the in-memory LRS and shows the statements as they arrive', async () => {
    const { page, course, lesson } = await open('xapi');
    await expectVisible(course.getByRole('button', { name: 'Berikutnya' }).first());
    const statements = page.locator('#statements');
    await expectText(statements, 'initialized');

    await course.getByRole('button', { name: 'Berikutnya' }).first().click();
    await course.getByRole('radio', { name: 'Menolak dengan sopan' }).check();
    await course.getByRole('button', { name: 'Periksa jawaban' }).first().click();
    const answered = page.locator('#statements li[data-verb="answered"]');
    await expectText(answered, 'response b');
    await expectText(answered, 'success');
    await expectText(statements, 'experienced');

    // The LRS has them too, under the registration the host page launched with.
    const reg = (await el(page, 'registration').innerText()).trim();
    const res = await fetch(new URL(`xAPI/statements?registration=${reg}`, preview!.url), { headers: { 'X-Experience-API-Version': '1.0.3' } });
    const body = (await res.json()) as { statements: { verb: { id: string }; result?: { response?: string } }[] };
    const verbs = body.statements.map((s) => s.verb.id.split('/').pop());
    expect(verbs).toContain('initialized');
    expect(verbs).toContain('answered');
    expect(body.statements.find((s) => s.verb.id.endsWith('/answered'))!.result!.response).toBe('b');
    await expectText(el(page, 'state.location'), 'l:01-dasar/apa-itu-gratifikasi');

    // An edit relaunches: the old session ends, the new one resumes, on the same page.
    edit(lesson, '## Apa itu gratifikasi', '## Apa itu gratifikasi, sebenarnya?');
    await expectVisible(course.getByRole('heading', { name: 'Apa itu gratifikasi, sebenarnya?' }));
    await expectText(statements, 'terminated');
    await expectText(statements, 'resumed');

    // Reset: a new registration, and only its statements.
    await page.getByRole('button', { name: 'Reset learner' }).click();
    await expect.poll(async () => (await el(page, 'registration').innerText()).trim(), { timeout: WAIT_MS }).not.toBe(reg);
    await expectText(statements, 'initialized');
    await expect.poll(() => page.locator('#statements li[data-verb="answered"]').count(), { timeout: WAIT_MS }).toBe(0);
  });
});
