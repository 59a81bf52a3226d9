/**
 * The preview in a real browser: the course plays inside the host page, the
 * panel shows what the LMS (SCORM 1.2, SCORM 2004) or the LRS (xAPI, cmi5,
 * the preview being the cmi5 LMS) records, an edit
 * reloads the course where the learner was, a broken edit shows the
 * diagnostics in the page, and Reset starts the learner afresh.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import type { PackageTarget } from '../../src/compile.js';
import { startPreview, type PreviewHandle } from '../../src/preview/server.js';
import { PREVIEW_STRINGS } from '../../src/preview/strings.js';
import { format } from '../../src/shared/ui-strings.js';
import type { Statement } from '../../src/player/transport/xapi-statements.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { chromiumAvailable, expectText, expectVisible, launchChromium, WAIT_MS } from '../helpers/browser.js';
import { cmi5Problems, MASTERY_EXT, SESSION_EXT, type Cmi5Session } from '../helpers/cmi5-rules.js';
import { compileFolder } from '../helpers/compile.js';
import { Learner } from '../xapi/helpers/learner.js';

const FIXTURE = resolve('test/fixtures/minimal/content');
// The fixture is an Indonesian course (`language: id`): the page speaks Indonesian.
const P = PREVIEW_STRINGS.id;
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

async function open(target: PackageTarget): Promise<{ page: Page; course: FrameLocator; lesson: string }> {
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

/** The fixture as the player gets it, for a Learner to play through the frame. */
async function runtime(target: PackageTarget): Promise<RuntimeCourse> {
  const r = await compileFolder(FIXTURE, [target]);
  expect(r.ok).toBe(true);
  return { ...r.runtime!, target };
}

const text = async (l: Locator): Promise<string> => (await l.innerText()).replace(/\s+/g, ' ').trim();

const QUESTION = 'Seorang warga menyelipkan amplop. Apa yang Anda lakukan?';


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
    await expectText(page.locator('#status'), format(P.errorOne, 1));

    // Fixed: the course again.
    edit(lesson, '![](../assets/amplop.svg)\n\nGratifikasi adalah', '![Amplop](../assets/amplop.svg)\n\nGratifikasi adalah');
    await expect.poll(() => page.locator('#problems').isHidden(), { timeout: WAIT_MS }).toBe(true);
    await expectVisible(course.getByRole('img', { name: 'Amplop', exact: true }));
    await expectText(page.locator('#status'), P.builtIn.split('{0}')[0]!);

    // Reset: nothing recorded, the course from its start.
    await page.getByRole('button', { name: P.reset }).click();
    await expectText(page.locator('#interactions'), P.noInteractions);
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

    // Reset: a new registration, and only its statements.
    await page.getByRole('button', { name: P.reset }).click();
    await expect.poll(async () => (await el(page, 'registration').innerText()).trim(), { timeout: WAIT_MS }).not.toBe(reg);
    await expectText(statements, 'initialized');
    await expect.poll(() => page.locator('#statements li[data-verb="answered"]').count(), { timeout: WAIT_MS }).toBe(0);
  });
});

describe.skipIf(!chromiumAvailable())('preview, in the course\'s language', () => {
  it('speaks Indonesian for an Indonesian course, and English once course.yml says `language: en`', async () => {
    const { page } = await open('scorm12');
    const id = PREVIEW_STRINGS.id;
    const en = PREVIEW_STRINGS.en;
    await expectVisible(page.getByRole('button', { name: id.reset, exact: true }));
    await expectVisible(page.getByRole('button', { name: id.relaunch, exact: true }));
    await expectVisible(page.getByRole('group', { name: id.frameWidth }).getByRole('button', { name: id.phone, exact: true }));
    await expectVisible(page.getByRole('complementary', { name: id.recorded }));
    await expectText(page.locator('#panel'), id.lmsHead);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await page.title()).toContain(id.docTitle);

    edit(join(work, 'content/course.yml'), 'language: id', 'language: en');
    await expectVisible(page.getByRole('button', { name: en.reset, exact: true }));
    await expectVisible(page.getByRole('group', { name: en.frameWidth }).getByRole('button', { name: en.phone, exact: true }));
    await expectText(page.locator('#panel'), en.lmsHead);
    await expectText(page.locator('#status'), en.builtIn.split('{0}')[0]!);
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: WAIT_MS }).toBe('en');
    // The course itself follows too: the player's English labels.
    await expectVisible(page.frameLocator('#course').getByRole('button', { name: 'Next', exact: true }));

    // A broken course.yml keeps the last known language for the problems card.
    edit(join(work, 'content/course.yml'), 'id: contoh-minimal', 'id: [');
    await expectVisible(page.locator('#problems'));
    await expectText(page.locator('#problems'), en.notBuilding);
  });
});

describe.skipIf(!chromiumAvailable())('preview, SCORM 2004', () => {
  it('plays the course inside scorm-again\'s Scorm2004API and shows the 2004 data model: both statuses, scaled score, descriptions, objectives', async () => {
    const { page, course } = await open('scorm2004');
    await expectText(page.locator('#target'), 'SCORM 2004');
    await expectText(page.locator('#panel'), P.lmsNote2004);
    await expectText(el(page, 'cmi.entry'), 'ab-initio');
    await expectText(el(page, 'cmi.completion_status'), 'incomplete');

    await course.getByRole('button', { name: 'Berikutnya' }).first().click();
    await course.getByRole('radio', { name: 'Menolak dengan sopan' }).check();
    await course.getByRole('button', { name: 'Periksa jawaban' }).first().click();
    const amplop = page.locator('#interactions li[data-id="q-amplop"]');
    await expectText(amplop, QUESTION);
    await expectText(amplop, 'correct');
    await expectText(amplop, 'learner_response b');
    await expectText(el(page, 'cmi.location'), 'l:01-dasar/apa-itu-gratifikasi');
    // One of the dimension's questions answered: its scaled score so far, success and completion still open.
    await expect.poll(async () => (await page.locator('#objectives tr[data-id="gratifikasi"]').innerText()).replace(/\s+/g, ' ').trim(), { timeout: WAIT_MS }).toMatch(/^gratifikasi 0\.\d+ unknown incomplete$/);
    await expect.poll(async () => (await el(page, 'cmi.suspend_data').innerText()).trim(), { timeout: WAIT_MS }).toMatch(/^\d+ \/ 64000 karakter$/);
    await expect.poll(() => page.locator('#calls li').filter({ hasText: 'SetValue("cmi.interactions.0.description"' }).count(), { timeout: WAIT_MS }).toBe(1);

    // Relaunched: Terminate kept the learner's data; the SCO resumes where it was.
    await page.getByRole('button', { name: P.relaunch }).click();
    await expectText(el(page, 'cmi.entry'), 'resume');
    await expectText(el(page, 'cmi.location'), 'l:01-dasar/apa-itu-gratifikasi');
    await expectText(amplop, QUESTION);
    await expectVisible(course.getByRole('heading', { name: 'Apa itu gratifikasi' }));

    // Afresh, to the end: completed and passed, set apart, with the scaled score.
    await page.getByRole('button', { name: P.reset }).click();
    await expectText(el(page, 'cmi.entry'), 'ab-initio');
    const learner = new Learner(course, await runtime('scorm2004'));
    await learner.arrive();
    await learner.play();
    expect(learner.done).toBe(true);
    await expectText(el(page, 'cmi.completion_status'), 'completed');
    await expectText(el(page, 'cmi.success_status'), 'passed');
    await expect.poll(() => text(el(page, 'cmi.score.scaled')), { timeout: WAIT_MS }).toBe('1');
    await expect.poll(() => text(el(page, 'cmi.score.raw')), { timeout: WAIT_MS }).toMatch(/^100 dari 0–100$/);
    expect(await page.locator('#interactions li').count()).toBe(learner.interactions.length);
    // The log shows every refused call; a GetValue of an element the LMS has no value for yet (403) is the SCO asking, not a fault.
    const refused = await page.locator('#calls li.err').evaluateAll((ls) => ls.map((l) => l.textContent ?? ''));
    expect(refused.filter((x) => !/GetValue\(.*403/.test(x))).toEqual([]);
  });
});

describe.skipIf(!chromiumAvailable())('preview, cmi5', () => {
  it('is the cmi5 LMS: launch URL, fetch token, LMS.LaunchData, launched; the panel marks the defined statements', async () => {
    const { page, course } = await open('cmi5');
    await expectText(page.locator('#target'), 'cmi5');
    const initialized = page.locator('#statements li[data-verb="initialized"]');
    await expectText(initialized, 'cmi5 defined');
    expect(await initialized.getAttribute('data-cmi5')).toBe('defined');
    await expectText(page.locator('#statements li[data-verb="launched"]'), 'cmi5 defined');
    await expectText(el(page, 'launchMode'), 'Normal');
    await expectText(el(page, 'moveOn'), 'CompletedAndPassed');
    await expect.poll(() => text(el(page, 'masteryScore')), { timeout: WAIT_MS }).toBe('0.7');

    // The launch URL the frame got, exactly the five parameters of §8.1; its fetch URL gave its token once.
    const src = new URL((await page.locator('#course').getAttribute('src'))!, preview!.url);
    expect([...src.searchParams.keys()].sort()).toEqual(['activityId', 'actor', 'endpoint', 'fetch', 'registration']);
    expect(src.searchParams.get('endpoint')).toBe(new URL('xAPI/', preview!.url).href);
    const again = (await (await fetch(src.searchParams.get('fetch')!, { method: 'POST' })).json()) as Record<string, string>;
    expect(again['error-code']).toBe('1');
    const registration = src.searchParams.get('registration')!;
    await expectText(el(page, 'registration'), registration);

    const learner = new Learner(course, await runtime('cmi5'));
    await learner.arrive();
    await learner.play();
    const answered = page.locator('#statements li[data-verb="answered"]').first();
    await expectText(answered, 'cmi5 allowed');
    expect(await answered.getAttribute('data-cmi5')).toBe('allowed');
    for (const verb of ['completed', 'passed']) {
      const li = page.locator(`#statements li[data-verb="${verb}"][data-cmi5="defined"]`);
      await expectText(li, 'cmi5 defined');
      await expectText(li, 'moveon');
    }
    await expectText(el(page, 'state.location'), 'r:results');

    // A relaunch ends the session (terminated) and starts the next one of the same registration.
    const session = (await el(page, 'session').innerText()).trim();
    await page.getByRole('button', { name: P.relaunch }).click();
    await expectText(page.locator('#statements li[data-verb="terminated"]'), 'cmi5 defined');
    await expect.poll(async () => (await el(page, 'session').innerText()).trim(), { timeout: WAIT_MS }).not.toBe(session);
    await expect.poll(() => page.locator('#statements li[data-verb="initialized"]').count(), { timeout: WAIT_MS }).toBe(2);

    // The LRS holds what the panel shows, and it keeps the cmi5 rules (test/helpers/cmi5-rules.ts).
    const res = await fetch(new URL(`xAPI/statements?registration=${registration}&ascending=true`, preview!.url), { headers: { 'X-Experience-API-Version': '1.0.3' } });
    const held = ((await res.json()) as { statements: Statement[] }).statements;
    expect(held.length).toBe(await page.locator('#statements li').count());
    const sessions: Cmi5Session[] = held
      .filter((s) => s.verb.id.endsWith('/launched'))
      .map((s) => {
        const ext = (s.context as unknown as { extensions: Record<string, unknown>; contextActivities: { grouping: { id: string }[] } });
        return {
          id: String(ext.extensions[SESSION_EXT]),
          launchMode: 'Normal',
          masteryScore: ext.extensions[MASTERY_EXT] as number,
          contextTemplate: { contextActivities: { grouping: ext.contextActivities.grouping }, extensions: { [SESSION_EXT]: ext.extensions[SESSION_EXT] } },
        };
      });
    expect(sessions).toHaveLength(2);
    // The second session is still open: its terminated comes when the frame goes.
    await page.getByRole('button', { name: P.reset }).click();
    await expect.poll(async () => (await el(page, 'registration').innerText()).trim(), { timeout: WAIT_MS }).not.toBe(registration);
    expect(cmi5Problems(held, { activityId: src.searchParams.get('activityId')!, registration, sessions }).filter((p) => !p.includes(`session ${sessions[1]!.id}: the last statement`))).toEqual([]);
  });
});
