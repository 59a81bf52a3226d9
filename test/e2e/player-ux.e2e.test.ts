/**
 * The player where a learner stumbled (GitHub issue 15, "The player"), in
 * Debian's headless Chromium inside the stand-in SCORM 1.2 LMS (scorm-again,
 * test/helpers/lms-host.ts), driven by roles and accessible names:
 *
 * - after "Periksa jawaban" the focus is on "Coba lagi", and that button and
 *   the feedback above it are inside the viewport, at 1280×800 and 360×780,
 *   after wrong and right answers, even when the button was pressed at the
 *   bottom edge of the window;
 * - two questions on one page: each "Periksa jawaban" keeps SPEC §5's name and
 *   is described (Chromium's own accessibility tree) by its question's prompt;
 * - a wrong answer to a multiple-answer question names the right choices left out;
 * - a link to a PDF of the package opens in a new tab: the SCO is not unloaded,
 *   no LMSFinish, and it goes on recording;
 * - at 360 px Escape closes the contents list, from its toggle or from inside it;
 * - "Berikutnya" under a scenario choice's feedback shows the outcome scene
 *   before it leaves the scenario;
 * - a learner who fails is told what that means, which dimensions to revisit
 *   (weakest first) and how a new attempt starts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, expectFocused, expectText, expectVisible, launchChromium, newContextPage, tearDown, watchProblems } from '../helpers/browser.js';
import { cmiList, lmsCalls, lmsCmi, lmsCount, lmsHostPage, startLmsServer } from '../helpers/lms-host.js';
import type { StaticServer } from '../helpers/static-server.js';
import { stringsFor } from '../helpers/ui-strings.js';
import { buildPackage, type Built } from '../faults/helpers/courses.js';

// SPEC §5's fixed labels.
const NEXT = 'Berikutnya';
const CHECK = 'Periksa jawaban';
const S = stringsFor('id');

const PROMPT_A = 'Soal A: seorang warga menyelipkan amplop di bawah berkas. Apa yang Anda lakukan?';
const PROMPT_B = 'Soal B: pilih semua tindakan yang benar.';
const RIGHT_B = ['Menolak pemberian itu', 'Melaporkan ke UPG dalam 30 hari kerja'];

/** Enough text above the questions that they start below the first screen, at every width. */
const filler = Array.from({ length: 8 }, (_, i) => `Paragraf pengantar ${i + 1}: pelayanan publik yang bersih dimulai dari kebiasaan kecil setiap hari di loket, di ruang rapat, dan di lapangan.`).join('\n\n');

const COURSE: Record<string, string> = {
  'course.yml': 'id: uji-ux\ntitle: Uji Pengalaman Belajar\nversion: 1.0.0\nlanguage: id\niri: https://example.go.id/xapi/course/uji-ux\npassing_score: 80\n',
  'lessons/01-dua-soal.md': `---
title: Dua Soal
id: dua-soal
---
${filler}

Unduh [formulir pelaporan](../assets/formulir-lapor.pdf) untuk melapor.

::: question {#soal-a dimension=gratifikasi}
${PROMPT_A}

- [ ] Menerimanya, karena layanan sudah selesai
  > Tetap gratifikasi: pemberian itu terkait jabatan Anda.
- [x] Menolak dengan sopan dan menjelaskan aturannya
  > Tepat. Menolak sejak awal adalah cara paling aman.
:::

::: question {#soal-b dimension=suap}
${PROMPT_B}

- [x] ${RIGHT_B[0]}
  > Ya.
- [x] ${RIGHT_B[1]}
  > Ya, jika pemberian terlanjur diterima.
- [ ] Menyimpannya sebagai kenang-kenangan
  > Tidak: itu tetap gratifikasi.
:::

## Penutup {#penutup}
Terima kasih sudah membaca.
`,
  'scenarios/01-loket.md': `---
title: Amplop di Loket
id: loket
dimension: pemerasan
start: mulai
---
Anda bertugas di loket pelayanan.

## Di loket {#mulai}
Seorang warga menyodorkan amplop.

- [Menolak dengan sopan](#tolak) {good}
  > Pilihan yang tepat.
- [Menerima amplop](#terima) {bad}
  > Itu gratifikasi yang dilarang.

## Pelayanan bersih {#tolak ending=pass}
Warga mengerti dan pelayanan berlanjut tanpa amplop.

## Amplop diterima {#terima ending=fail score=20}
Amplop itu kini menjadi perkara: atasan Anda memanggil Anda besok pagi.
`,
  // Not a real PDF reader's test: only that the link leaves the course frame alone.
  'assets/formulir-lapor.pdf': '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
};

let work: string;
let browser: Browser;
let server: StaticServer;
let pkg: Built;
let hosts = 0;

async function launch(width = 1280, height = 800) {
  const { context, page } = await newContextPage(browser);
  await page.setViewportSize({ width, height });
  const problems = watchProblems(page);
  const path = `/lms/ux-${++hosts}.html`;
  server.put(path, lmsHostPage({ launch: '/pkg/index.html', masteryScore: pkg.course.passingScore }));
  await page.goto(server.origin + path);
  const frame = page.frameLocator('#sco-frame');
  await expectVisible(frame.getByRole('heading', { name: 'Dua Soal', exact: true }));
  return { context, page, frame, problems };
}

/** The question whose choice `choice` is: the form around it. */
function question(frame: FrameLocator, choice: string, role: 'radio' | 'checkbox'): Locator {
  return frame.locator('form').filter({ has: frame.getByRole(role, { name: choice, exact: true }) });
}

/** Where an element is in its frame's window, and the window's size. */
function box(loc: Locator) {
  return loc.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: innerWidth, height: innerHeight };
  });
}

/** The element is wholly inside its frame's window (and the frame fills the LMS page, which does not scroll). */
async function expectInView(loc: Locator, what: string): Promise<void> {
  const b = await box(loc);
  expect(b.top, `${what}: top ${JSON.stringify(b)}`).toBeGreaterThanOrEqual(0);
  expect(b.bottom, `${what}: bottom ${JSON.stringify(b)}`).toBeLessThanOrEqual(b.height);
  expect(b.left, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(b.right, `${what}: right`).toBeLessThanOrEqual(b.width);
}

/** axe-core's WCAG 2.1 A/AA rules on the page and its course frame: the violations, one line each. */
async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses a question's check button after scrolling it to the very bottom of the window, where the feedback pushes what follows out of sight. */
async function checkAtBottom(form: Locator): Promise<void> {
  const check = form.getByRole('button', { name: CHECK, exact: true });
  await check.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight));
  const b = await box(check);
  expect(b.bottom, 'the check button sits at the bottom edge').toBeGreaterThan(b.height - 2);
  await check.click();
}

describe.skipIf(!chromiumAvailable())('the player where a learner stumbled (issue 15)', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ir-ux-'));
    pkg = await buildPackage(COURSE, 'scorm12', join(work, 'pkg'));
    server = await startLmsServer({ '/pkg/': pkg.dir });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await tearDown({ browser, server, work });
  });

  for (const [width, height] of [[1280, 800], [360, 780]] as const) {
    it(`after "Periksa jawaban" the focus is on "Coba lagi", in view with its feedback, at ${width}×${height}`, async () => {
      const { context, frame, problems } = await launch(width, height);
      const cases = [
        { form: question(frame, 'Menolak dengan sopan dan menjelaskan aturannya', 'radio'), role: 'radio' as const, wrong: ['Menerimanya, karena layanan sudah selesai'], right: ['Menolak dengan sopan dan menjelaskan aturannya'] },
        { form: question(frame, RIGHT_B[0]!, 'checkbox'), role: 'checkbox' as const, wrong: [RIGHT_B[0]!, 'Menyimpannya sebagai kenang-kenangan'], right: RIGHT_B },
      ];
      for (const c of cases) {
        for (const [verdict, picks] of [[S.incorrect, c.wrong], [S.correct, c.right]] as const) {
          const retry = c.form.getByRole('button', { name: S.retry, exact: true });
          if (await retry.count()) await retry.click();
          for (const name of picks) await c.form.getByRole(c.role, { name, exact: true }).check();
          await checkAtBottom(c.form);
          await expectFocused(retry, `focus on ${S.retry} after a ${verdict} answer`);
          const feedback = c.form.locator('[aria-live]');
          await expectText(feedback, verdict);
          await expectInView(retry, `${S.retry} (${verdict}, ${width}px)`);
          await expectInView(feedback, `the feedback (${verdict}, ${width}px)`);
        }
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('two questions on a page: each "Periksa jawaban" keeps its name and is described by its own prompt', async () => {
    const { context, page, frame, problems } = await launch();
    await expect.poll(() => frame.getByRole('button', { name: CHECK, exact: true }).count()).toBe(2);
    // What Chromium gives assistive technology: the course frame's accessibility tree.
    const cdp = await context.newCDPSession(page);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { childFrames?: Array<{ frame: { id: string } }> } };
    const frameId = frameTree.childFrames![0]!.frame.id;
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree', { frameId })) as {
      nodes: Array<{ role?: { value: string }; name?: { value: string }; description?: { value: string } }>;
    };
    const checks = nodes.filter((n) => n.role?.value === 'button' && n.name?.value === CHECK);
    expect(checks.map((n) => n.description?.value)).toEqual([PROMPT_A, PROMPT_B]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a wrong answer to a multiple-answer question names the right choices left out', async () => {
    const { context, page, frame, problems } = await launch();
    const form = question(frame, RIGHT_B[0]!, 'checkbox');
    await form.getByRole('checkbox', { name: RIGHT_B[0]!, exact: true }).check();
    await form.getByRole('button', { name: CHECK, exact: true }).click();
    const feedback = form.locator('[aria-live]');
    await expectText(feedback, `${S.missed} ${RIGHT_B[1]}`);
    expect(await feedback.innerText(), 'the choice taken is not listed as missed').not.toContain(`${S.missed} ${RIGHT_B[0]}`);
    // A right answer lists nothing missed.
    await form.getByRole('button', { name: S.retry, exact: true }).click();
    for (const name of RIGHT_B) await form.getByRole('checkbox', { name, exact: true }).check();
    await form.getByRole('button', { name: CHECK, exact: true }).click();
    await expectText(feedback, S.correct);
    expect(await feedback.innerText()).not.toContain(S.missed);
    expect(await axe(page), 'axe on the answered questions').toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a link to a PDF of the package opens in a new tab: the SCO stays, no LMSFinish, and it goes on recording', async () => {
    const { context, page, frame, problems } = await launch();
    const link = frame.getByRole('link', { name: 'formulir pelaporan', exact: true });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect((await link.getAttribute('rel'))!.split(' ')).toContain('noopener');
    const opened = context.waitForEvent('page');
    await link.click();
    const tab = await opened;
    await expect.poll(() => tab.url()).toBe(`${server.origin}/pkg/assets/formulir-lapor.pdf`);
    // The course frame is where it was, and its LMS session is open.
    expect(page.frames().map((f) => f.url()), 'the SCO frame still shows the course').toContain(`${server.origin}/pkg/index.html`);
    await expectVisible(frame.getByRole('heading', { name: 'Dua Soal', exact: true }));
    expect(await lmsCount(page, 'LMSFinish'), 'no LMSFinish after opening the PDF').toBe(0);
    expect(await lmsCount(page, 'LMSInitialize')).toBe(1);
    await tab.close();
    // The session records on: an answer reaches the LMS, accepted.
    const form = question(frame, 'Menolak dengan sopan dan menjelaskan aturannya', 'radio');
    await form.getByRole('radio', { name: 'Menolak dengan sopan dan menjelaskan aturannya', exact: true }).check();
    await form.getByRole('button', { name: CHECK, exact: true }).click();
    await expect.poll(async () => cmiList((await lmsCmi(page)).interactions).map((x) => x.id)).toEqual(['soal-a']);
    const refused = (await lmsCalls(page)).filter((c) => c.fn !== 'LMSGetValue' && (c.result !== 'true' || c.error !== '0'));
    expect(refused, 'calls the LMS refused').toEqual([]);
    expect(await lmsCount(page, 'LMSFinish')).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('at 360 px Escape closes the contents list, from its toggle and from inside it, and gives the toggle the focus', async () => {
    const { context, page, frame, problems } = await launch(360, 780);
    const toggle = frame.getByRole('button', { name: S.toc, exact: true });
    const list = frame.getByRole('navigation', { name: S.toc, exact: true });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expectVisible(list);
    await expectFocused(toggle);
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => list.isVisible()).toBe(false);
    await expectFocused(toggle);
    // Again, with the focus on an entry of the list.
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    await expect.poll(() => list.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await expectFocused(toggle);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('"Berikutnya" under a scenario choice\'s feedback shows the outcome scene before it leaves the scenario', async () => {
    const { context, page, frame, problems } = await launch();
    await frame.getByRole('button', { name: new RegExp(`${S.scenario}.*Amplop di Loket`) }).click();
    await expectFocused(frame.getByRole('heading', { name: 'Di loket', exact: true }));
    await frame.getByRole('button', { name: 'Menerima amplop', exact: true }).click();
    await expectText(frame.locator('[aria-live]'), 'Itu gratifikasi yang dilarang.');
    await expectFocused(frame.getByRole('button', { name: S.continue, exact: true }));
    await frame.getByRole('button', { name: NEXT, exact: true }).click();
    // The outcome, not the next stop: the scene the choice led to, with its text.
    const outcome = frame.getByRole('heading', { name: 'Amplop diterima', exact: true });
    await expectFocused(outcome);
    await expectVisible(frame.getByText('Amplop itu kini menjadi perkara', { exact: false }));
    await expectText(frame.locator('main'), S.endingFail);
    // Now Berikutnya leaves the scenario, for the results.
    await frame.getByRole('button', { name: NEXT, exact: true }).click();
    await expectFocused(frame.getByRole('heading', { name: S.results, exact: true }));
    expect(await lmsCount(page, 'LMSFinish')).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a learner who fails is told what it means, which dimensions to revisit (weakest first) and how to try again', async () => {
    const { context, page, frame, problems } = await launch();
    // Soal A wrong, Soal B right, the scenario to its failing ending: complete, failed.
    await question(frame, 'Menolak dengan sopan dan menjelaskan aturannya', 'radio').getByRole('radio', { name: 'Menerimanya, karena layanan sudah selesai', exact: true }).check();
    await question(frame, 'Menolak dengan sopan dan menjelaskan aturannya', 'radio').getByRole('button', { name: CHECK, exact: true }).click();
    const b = question(frame, RIGHT_B[0]!, 'checkbox');
    for (const name of RIGHT_B) await b.getByRole('checkbox', { name, exact: true }).check();
    await b.getByRole('button', { name: CHECK, exact: true }).click();
    await frame.getByRole('button', { name: NEXT, exact: true }).click();
    await expectFocused(frame.getByRole('heading', { name: 'Penutup', exact: true }));
    await frame.getByRole('button', { name: NEXT, exact: true }).click();
    await frame.getByRole('button', { name: 'Menerima amplop', exact: true }).click();
    await frame.getByRole('button', { name: S.continue, exact: true }).click();
    await frame.getByRole('button', { name: NEXT, exact: true }).click();
    await expectFocused(frame.getByRole('heading', { name: S.results, exact: true }));

    const main = frame.locator('main');
    await expectText(main, `${S.status}: ${S.statuses.failed}`);
    await expectVisible(frame.getByRole('heading', { name: S.failedHead, exact: true }));
    await expectText(main, S.failedWhy);
    // Gratifikasi (Soal A wrong: 0) before Pemerasan (the ending's 20), though the course lists Pemerasan first;
    // Suap-menyuap (Soal B right: 100) passed and is not named.
    const revisit = (await main.innerText()).split('\n').find((l) => l.startsWith(S.revisit('').split(':')[0]!));
    expect(revisit, 'the dimensions to revisit').toBe(S.revisit('Gratifikasi, Pemerasan'));
    await expectText(main, S.tryAgain);
    expect(await main.innerText(), 'not only a thank-you').not.toContain(S.finished);
    // And the LMS has it the same way.
    await expect.poll(async () => (await lmsCmi(page)).core.lesson_status).toBe('failed');
    for (const [width, height] of [[1280, 800], [360, 780]] as const) {
      await page.setViewportSize({ width, height });
      expect(await axe(page), `axe on the failed results at ${width} px`).toEqual([]);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
