/**
 * Issue 12 in Chromium, inside the stand-in SCORM 1.2 LMS (scorm-again,
 * test/helpers/lms-host.ts), driven by roles and accessible names only, the
 * keyboard for sequencing; the course is test/courses/assess-play:
 *
 * - each typed question answered wrong, then right, through its own controls
 *   (radios, a labelled text box, a decimal box, one select per source, the
 *   Naik / Turun buttons whose focus follows the step), with the author's
 *   feedback per answer and per outcome;
 * - the surveys, the pre-test, the final test failed then passed (its
 *   unanswered-questions check, its review and the retake), and the results
 *   screen's gain from the pre-test and attitude shift;
 * - a learner who leaves in the middle of a test finds the same drawn
 *   questions, with their answers, on relaunch;
 * - what the LMS holds: each answer an interaction of its type with the
 *   response in SCORM 1.2's format, survey items as likert interactions, each
 *   attempt's questions under their own ids, the test, pre-test and rule
 *   objectives; every call the SCO makes is one the LMS accepts, and axe
 *   finds no WCAG 2.1 A/AA violation on the screens.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFolder } from '../../src/node/read-content.js';
import { ASSESS_STRINGS, format as f, GAIN_STRINGS } from '../../src/shared/ui-strings.js';
import { chromiumAvailable, expectFocused, expectText, expectVisible, launchChromium, newContextPage, tearDown, watchProblems } from '../helpers/browser.js';
import { closeSco, cmiList, lmsCalls, lmsCmi, lmsHostPage, relaunchData, startLmsServer } from '../helpers/lms-host.js';
import { ROOT } from '../helpers/package.js';
import type { StaticServer } from '../helpers/static-server.js';
import { stringsFor } from '../helpers/ui-strings.js';
import { buildPackage, type Built } from '../faults/helpers/courses.js';
import { answerAll, drawn, POOL, slot, submit } from '../helpers/assess-play.js';

const S = stringsFor('id');
const A = ASSESS_STRINGS.id;
const G = GAIN_STRINGS.id;
const CHECK = 'Periksa jawaban';

let work: string;
let browser: Browser;
let server: StaticServer;
let pkg: Built;
let hosts = 0;

async function launch(saved?: Record<string, unknown> | null) {
  const { context, page } = await newContextPage(browser);
  const problems = watchProblems(page);
  const path = `/lms/assess-${++hosts}.html`;
  server.put(path, lmsHostPage({ launch: '/pkg/index.html', saved, masteryScore: pkg.course.passingScore }));
  await page.goto(server.origin + path);
  const frame = page.frameLocator('#sco-frame');
  await expectVisible(frame.getByRole('heading', { level: 2 }));
  return { context, page, frame, problems };
}

/** Through the table of contents, as a learner goes somewhere. */
async function open(frame: FrameLocator, entry: string | RegExp, heading: string): Promise<void> {
  await frame.getByRole('navigation', { name: S.toc }).getByRole('button', { name: entry }).click();
  await expectFocused(frame.getByRole('heading', { level: 2, name: heading, exact: true }));
}

/** A question's form, found by (the start of) its prompt, the name of its group. */
const form = (frame: FrameLocator, prompt: string): Locator =>
  frame.locator('form').filter({ has: frame.getByRole('group', { name: new RegExp('^' + prompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }) });

/** Presses "Periksa jawaban" and waits for the verdict and the feedback; the focus is then on "Coba lagi". */
async function check(q: Locator, verdict: string, ...feedback: string[]): Promise<void> {
  await q.getByRole('button', { name: CHECK, exact: true }).click();
  // The verdict's live region (a sequencing question has one more, for the moves).
  const live = q.locator('.ir-fb[aria-live]');
  await expectText(live, verdict);
  for (const text of feedback) await expectText(live, text);
  await expectFocused(q.getByRole('button', { name: S.retry, exact: true }));
}

async function retry(q: Locator): Promise<void> {
  await q.getByRole('button', { name: S.retry, exact: true }).click();
}

/** A text box's question: first checked empty (or not a number), then each try typed, checked and retried but the last. */
async function typeTries(q: Locator, box: Locator, refusal: [string, string], tries: Array<[string, string, ...string[]]>): Promise<void> {
  await box.fill(refusal[0]);
  await q.getByRole('button', { name: CHECK, exact: true }).click();
  await expectText(q.locator('[aria-live]'), refusal[1]);
  for (const [i, [text, verdict, ...feedback]] of tries.entries()) {
    if (i > 0) await retry(q);
    await box.fill(text);
    await check(q, verdict, ...feedback);
  }
}

async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Calls the LMS refused. */
async function refused(page: Page) {
  return (await lmsCalls(page)).filter((c) => c.fn !== 'LMSGetValue' && (c.result !== 'true' || c.error !== '0'));
}

/** The end of every play: the LMS accepted every call, the page had no error, and it closes. */
async function ends(session: { context: BrowserContext; page: Page; problems: string[] }): Promise<void> {
  expect(await refused(session.page), 'calls the LMS refused').toEqual([]);
  expect(session.problems).toEqual([]);
  await session.context.close();
}

const DIMENSIONS = ['Gratifikasi', 'Suap-menyuap', 'Pungutan liar'];

/** The rows of the table after the heading `head`, each as its cells' texts. */
async function tableAfter(frame: FrameLocator, head: string): Promise<string[][]> {
  const table = frame.locator(`h3:text-is("${head}") ~ .ir-table table`).first();
  await expectVisible(table);
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => (c as HTMLElement).innerText.trim())));
}

describe.skipIf(!chromiumAvailable())('assessment in the player (issue 12)', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ir-assess-'));
    pkg = await buildPackage(await readContentFolder(join(ROOT, 'test', 'courses', 'assess-play')), 'scorm12', join(work, 'pkg'));
    server = await startLmsServer({ '/pkg/': pkg.dir });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await tearDown({ browser, server, work });
  });

  it('each question type, wrong then right, through its own controls, with the feedback the author wrote', async () => {
    const session = await launch();
    const { page, frame } = session;

    await open(frame, /Benar atau salah/, 'Benar atau salah');
    const tf = form(frame, 'Gratifikasi yang terkait jabatan');
    await tf.getByRole('radio', { name: 'Salah', exact: true }).check();
    await check(tf, S.incorrect, 'Belum tepat: gratifikasi terkait jabatan wajib dilaporkan.');
    await retry(tf);
    await tf.getByRole('radio', { name: 'Benar', exact: true }).check();
    await check(tf, S.correct, 'Tepat: pemberian itu wajib dilaporkan dalam 30 hari kerja.');

    await open(frame, /Isian/, 'Isian');
    const fill = form(frame, 'Laporan gratifikasi disampaikan');
    const box = fill.getByLabel(A.yourAnswer, { exact: true });
    expect(await box.getAttribute('type')).toBe('text');
    await typeTries(fill, box, ['', A.answerFirst], [
      ['Polisi', S.incorrect, 'Bukan: laporan gratifikasi disampaikan ke KPK'],
      ['Kejaksaan', S.incorrect, 'Belum tepat: laporan gratifikasi disampaikan ke KPK.'],
      // Case and spaces do not matter by default; the second accepted variant counts too.
      ['  komisi pemberantasan   KORUPSI ', S.correct],
    ]);

    await open(frame, /Angka/, 'Angka');
    const num = form(frame, 'Dalam berapa hari kerja');
    const decimal = num.getByLabel(A.yourAnswer, { exact: true });
    expect(await decimal.getAttribute('inputmode')).toBe('decimal');
    await typeTries(num, decimal, ['tiga puluh', A.notNumber], [
      ['7', S.incorrect, 'Terlalu singkat: batasnya 30 hari kerja.'],
      ['30,0', S.correct, 'Tepat: 30 hari kerja sejak diterima.'],
    ]);

    await open(frame, /Pasangan/, 'Pasangan');
    const match = form(frame, 'Pasangkan setiap perbuatan');
    const other = 'Bukan korupsi, karena pemberian itu tidak berhubungan dengan jabatan maupun kewenangan pegawai';
    const pairs: Array<[string, string, string]> = [
      ['Menerima hadiah karena jabatan', 'Gratifikasi', 'Suap'],
      ['Meminta uang di luar tarif resmi', 'Pungutan liar', other],
      ['Memberi uang agar izin cepat keluar', 'Suap', 'Gratifikasi'],
    ];
    // Every target, the distractor too, is an option of every list, after the empty one.
    expect(await match.getByRole('combobox', { name: pairs[0]![0], exact: true }).locator('option').allInnerTexts())
      .toEqual([A.choose, 'Gratifikasi', 'Pungutan liar', 'Suap', other]);
    for (const [source, , wrong] of pairs) await match.getByRole('combobox', { name: source, exact: true }).selectOption({ label: wrong });
    await check(match, S.incorrect, 'Belum tepat: periksa lagi perbedaan gratifikasi, pungli dan suap.');
    await retry(match);
    for (const [source, right] of pairs) await match.getByRole('combobox', { name: source, exact: true }).selectOption({ label: right });
    await check(match, S.correct, 'Tepat, ketiganya berpasangan benar.');
    // At 360 px the lists fit the screen, however long their options (the distractor's is).
    await page.setViewportSize({ width: 360, height: 780 });
    await expect.poll(() => match.evaluate((el) => [el.ownerDocument.documentElement.scrollWidth, el.ownerDocument.defaultView!.innerWidth])).toEqual([360, 360]);
    await page.setViewportSize({ width: 1280, height: 800 });

    await open(frame, /Urutan/, 'Urutan');
    const seq = form(frame, 'Susun langkah');
    const steps = ['Tolak pemberian dengan sopan', 'Catat identitas pemberi', 'Laporkan ke UPG', 'Simpan bukti laporan'];
    const order = () => seq.locator('li').evaluateAll((lis) => lis.map((li) => (li.querySelector('.ir-lt') as HTMLElement).innerText.trim()));
    const shown = await order();
    expect([...shown].sort()).toEqual([...steps].sort());
    expect(shown, 'the steps are not shown in their right order').not.toEqual(steps);
    await check(seq, S.incorrect, 'Belum tepat: mulailah dengan menolak');
    await retry(seq);
    // Keyboard only: each step is taken to its place with its own "Naik" button; the focus stays on it and the live region says where it is.
    const live = seq.locator('.ir-sr[aria-live]');
    for (const [target, step] of steps.entries()) {
      let at = (await order()).indexOf(step);
      while (at > target) {
        const up = seq.getByRole('button', { name: f(A.upName, step), exact: true });
        await up.focus();
        await page.keyboard.press('Enter');
        at--;
        await expectFocused(up, `focus follows "${step}"`);
        await expectText(live, f(A.moved, step, at + 1, steps.length));
      }
    }
    expect(await order()).toEqual(steps);
    // At the top, "Naik" does nothing and says so, and keeps the focus.
    const top = seq.getByRole('button', { name: f(A.upName, steps[0]!), exact: true });
    expect(await top.getAttribute('aria-disabled')).toBe('true');
    await top.focus();
    await page.keyboard.press('Enter');
    await expectFocused(top);
    expect(await order()).toEqual(steps);
    await check(seq, S.correct, 'Tepat: menolak dulu');

    // The LMS has one interaction per answer, every call accepted.
    // A choice question's outcome feedback, in the first page's own question form.
    await open(frame, /Pilihan/, 'Pilihan');
    const choice = form(frame, 'Seorang pemohon menawarkan uang');
    await choice.getByRole('radio', { name: 'Hadiah biasa', exact: true }).check();
    await check(choice, S.incorrect, 'Belum tepat: uang agar izin didahulukan adalah suap, bukan hadiah.');
    await retry(choice);
    await choice.getByRole('radio', { name: 'Suap', exact: true }).check();
    await check(choice, S.correct, 'Tepat: uang agar pejabat berbuat sesuatu dalam jabatannya adalah suap.');

    // The LMS has one interaction per answer, of its type, with what the learner answered and the verdict.
    const rows = cmiList((await lmsCmi(page)).interactions).map((x) => [x.id, x.type, x.student_response, x.result]);
    expect(rows.map((r) => r[0])).toEqual(['q-tf', 'q-tf', 'q-isian', 'q-isian', 'q-isian', 'q-angka', 'q-angka', 'q-pasang', 'q-pasang', 'q-urut', 'q-urut', 'q-pilih', 'q-pilih']);
    expect(rows.slice(0, 7)).toEqual([
      ['q-tf', 'true-false', 'f', 'wrong'],
      ['q-tf', 'true-false', 't', 'correct'],
      ['q-isian', 'fill-in', 'Polisi', 'wrong'],
      ['q-isian', 'fill-in', 'Kejaksaan', 'wrong'],
      ['q-isian', 'fill-in', 'komisi pemberantasan   KORUPSI', 'correct'],
      ['q-angka', 'numeric', '7', 'wrong'],
      ['q-angka', 'numeric', '30', 'correct'],
    ]);
    expect(rows.slice(7).map((r) => [r[1], r[3]])).toEqual([['matching', 'wrong'], ['matching', 'correct'], ['sequencing', 'wrong'], ['sequencing', 'correct'], ['choice', 'wrong'], ['choice', 'correct']]);
    expect(rows[8]![2], 'the right pairs, in SCORM 1.2\'s format').toBe('1.a,2.b,3.c');
    expect(rows[10]![2], 'the steps in order').toBe('a,b,c,d');
    expect(await axe(page), 'axe on the answered choice question').toEqual([]);
    await ends(session);
  }, 180_000);

  it('surveys, a pre-test, a final test failed then passed, its review, and the gain and attitude shift on the results screen', async () => {
    const session = await launch();
    const { page, frame } = session;
    const labels = A.likert[5]!;

    // The first survey: every item must have an answer.
    await expectVisible(frame.getByRole('heading', { level: 2, name: 'Pembuka', exact: true }));
    const pre = frame.locator('form.ir-survey');
    await pre.getByRole('group', { name: 'Saya akan menolak hadiah dari pemohon layanan.', exact: true }).getByRole('radio', { name: labels[1], exact: true }).check();
    await pre.getByRole('button', { name: A.send, exact: true }).click();
    await expectText(pre.locator('[aria-live]'), A.surveyAll);
    await expectFocused(pre.getByRole('group', { name: 'Saya akan melaporkan pungli yang saya lihat.', exact: true }).getByRole('radio', { name: labels[0], exact: true }));
    await pre.getByRole('group', { name: 'Saya akan melaporkan pungli yang saya lihat.', exact: true }).getByRole('radio', { name: labels[2], exact: true }).check();
    await pre.getByRole('button', { name: A.send, exact: true }).click();
    await expectFocused(pre.getByText(A.surveyThanks));
    expect(await pre.getByRole('radio', { name: labels[1], exact: true }).first().isDisabled()).toBe(true);
    expect(await axe(page), 'axe on the answered survey').toEqual([]);

    // The pre-test: every question wrong; one attempt, no retake.
    await open(frame, 'Tes Awal', 'Tes Awal');
    await expectText(frame.locator('main'), A.preNote);
    await frame.getByRole('button', { name: A.start, exact: true }).click();
    await expectFocused(frame.getByRole('heading', { level: 2, name: 'Tes Awal', exact: true }));
    const preKeys = await answerAll(frame, 'wrong');
    expect(preKeys.map((k) => k.slice(0, 6)).sort(), 'one question per dimension').toEqual(['Bank G', 'Bank P', 'Bank S']);
    // No feedback before the submit.
    expect(await frame.locator('.ir-test .ir-box').count()).toBe(0);
    await submit(frame, 'Tes Awal');
    await expectText(frame.locator('main'), A.preDone);
    expect(await frame.getByRole('button', { name: A.retake }).count()).toBe(0);

    // The final test, first attempt: the unanswered check, then every answer wrong.
    await open(frame, 'Tes Akhir', 'Tes Akhir');
    await expectText(frame.locator('main'), f(A.attemptsAllowed, 2));
    await frame.getByRole('button', { name: A.start, exact: true }).click();
    // An answer typed, then taken back, is no answer.
    const typedAt = (await drawn(frame)).findIndex((k) => k.startsWith('Bank S'));
    const box = slot(frame, typedAt + 1, 3).getByLabel(A.yourAnswer, { exact: true });
    await box.fill('4');
    await box.fill('');
    await frame.getByRole('button', { name: A.submit, exact: true }).click();
    await expectFocused(frame.getByText(f(A.unanswered, 3)));
    expect(await axe(page), 'axe on the test with its unanswered check').toEqual([]);
    await frame.getByRole('button', { name: A.keepAnswering, exact: true }).click();
    const first = slot(frame, 1, 3);
    await expectFocused(first.getByRole('radio').or(first.getByRole('textbox')).first());
    const keys1 = await answerAll(frame, 'wrong');
    await submit(frame, 'Tes Akhir');
    const main = frame.locator('main');
    await expectText(main, `${S.status}: ${S.statuses.failed}`);
    await expectText(main, f(A.attemptsLeft, 1));
    // The review: every drawn question, the answer given, the verdict and the author's feedback.
    const review = frame.locator('.ir-review > li');
    expect(await review.count()).toBe(3);
    for (const [i, key] of keys1.entries()) {
      await expectText(review.nth(i), key);
      await expectText(review.nth(i), S.incorrect);
    }
    expect(await tableAfter(frame, S.byDimension)).toEqual(DIMENSIONS.map((d) => [d, '0']));
    expect(await axe(page), 'axe on the failed test\'s result and review').toEqual([]);

    // The retake: every answer right, passed, no retake left to offer.
    await frame.getByRole('button', { name: A.retake, exact: true }).click();
    await expectFocused(frame.getByRole('heading', { level: 2, name: 'Tes Akhir', exact: true }));
    await answerAll(frame, 'right');
    await submit(frame, 'Tes Akhir');
    await expectText(main, `${S.status}: ${S.statuses.passed}`);
    await expectText(main, f(A.attemptOf, 2, 2));
    expect(await frame.getByRole('button', { name: A.retake }).count()).toBe(0);
    for (let i = 0; i < 3; i++) await expectText(review.nth(i), S.correct);

    // The last survey: strongly agree with both.
    await open(frame, 'Penutup', 'Penutup');
    const post = frame.locator('form.ir-survey');
    for (const item of ['Saya akan menolak hadiah dari pemohon layanan.', 'Saya akan melaporkan pungli yang saya lihat.']) {
      await post.getByRole('group', { name: item, exact: true }).getByRole('radio', { name: labels[4], exact: true }).check();
    }
    await post.getByRole('button', { name: A.send, exact: true }).click();
    await expectFocused(post.getByText(A.surveyThanks));

    // The results: the pre-test's 0 and the final test's 100 per dimension, and the attitudes' move (5 − 2, 5 − 3).
    await open(frame, S.results, S.results);
    expect(await tableAfter(frame, G.gainHead)).toEqual(DIMENSIONS.map((d) => [d, '0', '100', '+100']));
    expect(await tableAfter(frame, G.shiftHead)).toEqual([['Gratifikasi', '+3'], ['Pungutan liar', '+2']]);
    expect(await axe(page), 'axe on the results with gain and shift').toEqual([]);
    // The LMS has the survey items as likert interactions, each attempt's questions under its own ids, and the objectives.
    const cmi = await lmsCmi(page);
    const ids = cmiList(cmi.interactions).map((x) => x.id as string);
    expect(ids.filter((id) => id.startsWith('sikap-'))).toEqual(['sikap-awal.s1', 'sikap-awal.s2', 'sikap-akhir.s3', 'sikap-akhir.s4']);
    expect(ids.filter((id) => id.startsWith('tes-akhir.')).map((id) => id.split('.').slice(0, 2).join('.'))).toEqual(['tes-akhir.1', 'tes-akhir.1', 'tes-akhir.1', 'tes-akhir.2', 'tes-akhir.2', 'tes-akhir.2']);
    const objectives = Object.fromEntries(cmiList(cmi.objectives).map((o) => [o.id, [o.score.raw, o.status]]));
    expect(objectives).toMatchObject({ 'tes-akhir': ['100', 'passed'], 'pre.gratifikasi': ['0', 'completed'], 'rule.final-test': ['', 'completed'] });
    await ends(session);
  }, 240_000);

  it('a learner who leaves in the middle of a test finds the same questions and answers on relaunch', async () => {
    const session = await launch();
    const { page, frame } = session;
    await open(frame, 'Tes Akhir', 'Tes Akhir');
    await frame.getByRole('button', { name: A.start, exact: true }).click();
    const keys = await drawn(frame);
    const g1 = slot(frame, 1, 3);
    await POOL[keys[0]!]!.right(g1);
    // Let the answer reach the LMS (the engine saves on every answer), then leave.
    await expect.poll(async () => (await lmsCmi(page)).suspend_data.length).toBeGreaterThan(0);
    await closeSco(page, 'LMSFinish on leaving');
    const cmi = await lmsCmi(page);
    await ends(session);

    const again = await launch(relaunchData(cmi));
    await expectVisible(again.frame.getByRole('heading', { level: 2, name: 'Tes Akhir', exact: true }));
    expect(await drawn(again.frame), 'the same drawn questions, in the same order').toEqual(keys);
    const back = slot(again.frame, 1, 3);
    const kept = keys[0]!.match(/Bank S/)
      ? await back.getByLabel(A.yourAnswer, { exact: true }).inputValue()
      : await back.getByRole('radio', { checked: true }).count();
    expect(kept, 'the answer given before leaving').toBeTruthy();
    await answerAll(again.frame, 'right');
    await submit(again.frame, 'Tes Akhir');
    await expectText(again.frame.locator('main'), `${S.status}: ${S.statuses.passed}`);
    await ends(again);
  }, 180_000);
});
