/**
 * Issue 12 against a real LRS (Learning Locker's xapi-statements, in memory on
 * 127.0.0.1, test/xapi/helpers/lrs.ts): the assessment course
 * (test/courses/assess-play) as a Tin Can package in Chromium. A learner
 * answers the first survey and a typed question, fails the final test, passes
 * its retake and leaves; the LRS then holds, every statement valid
 * (@learninglocker/xapi-validation): the survey's likert answers, the typed
 * answer, each drawn question answered once per attempt with the test and the
 * attempt in its context (wrong the first time, right the second), and each
 * attempt's completed, then failed and passed.
 */
import { mkdtempSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFolder } from '../../src/node/read-content.js';
import { EXT_TEST } from '../../src/shared/activity-ids.js';
import { ASSESS_STRINGS } from '../../src/shared/ui-strings.js';
import { chromiumAvailable, expectFocused, expectText, expectVisible, launchChromium, leave, newContextPage, tearDown, watchProblems } from '../helpers/browser.js';
import { ROOT } from '../helpers/package.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';
import { stringsFor } from '../helpers/ui-strings.js';
import { buildPackage, type Built } from '../faults/helpers/courses.js';
import { launchQuery, startLrs, type StoredStatement, type TestLrs } from '../xapi/helpers/lrs.js';
import { llWarnings } from '../xapi/helpers/play.js';
import { answerAll, POOL, submit } from '../helpers/assess-play.js';

const S = stringsFor('id');
const A = ASSESS_STRINGS.id;

let work: string;
let browser: Browser;
let server: StaticServer;
let lrs: TestLrs;
let pkg: Built;

/** Answers every drawn question of the open attempt and submits it; returns the pool ids drawn. */
async function attempt(page: Page, how: 'right' | 'wrong'): Promise<string[]> {
  const keys = await answerAll(page, how);
  await submit(page, 'Tes Akhir');
  return keys.map((k) => POOL[k]!.id);
}

const verb = (s: StoredStatement) => s.verb.id.split('/').pop();
const objectEnds = (s: StoredStatement, id: string) => s.object.id.endsWith('/' + id) || s.object.id.endsWith('.' + id);

describe.skipIf(!chromiumAvailable())('assessment in a Tin Can package, against a real LRS (issue 12)', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ir-assess-xapi-'));
    pkg = await buildPackage(await readContentFolder(join(ROOT, 'test', 'courses', 'assess-play')), 'xapi', join(work, 'pkg'));
    lrs = await startLrs();
    server = await startStaticServer({ '/pkg/': pkg.dir });
    browser = await launchChromium();
  }, 120_000);

  afterAll(() => tearDown({ browser, server, lrs, work }));

  it('a survey, a typed question and a final test failed then passed: the LRS holds their statements, valid', async () => {
    const registration = randomUUID();
    const { context, page } = await newContextPage(browser);
    // This LRS has no State API (test/xapi/helpers/lrs.ts): the browser logs the refused requests for it.
    const problems = watchProblems(page, /activities\/state|Failed to load resource/);
    await page.goto(`${server.origin}/pkg/index.html?${launchQuery(lrs.endpoint, registration, pkg.course.iri!)}`);
    await expectVisible(page.getByRole('heading', { level: 2, name: 'Pembuka', exact: true }));
    const toc = page.getByRole('navigation', { name: S.toc });

    // The first survey: disagree, then neutral.
    const labels = A.likert[5]!;
    const survey = page.locator('form.ir-survey');
    await survey.getByRole('group', { name: 'Saya akan menolak hadiah dari pemohon layanan.', exact: true }).getByRole('radio', { name: labels[1], exact: true }).check();
    await survey.getByRole('group', { name: 'Saya akan melaporkan pungli yang saya lihat.', exact: true }).getByRole('radio', { name: labels[2], exact: true }).check();
    await survey.getByRole('button', { name: A.send, exact: true }).click();
    await expectFocused(survey.getByText(A.surveyThanks));

    // A typed question: the number typed with a decimal comma.
    await toc.getByRole('button', { name: /Angka/ }).click();
    const num = page.locator('form').filter({ has: page.getByRole('group', { name: /^Dalam berapa hari kerja/ }) });
    await num.getByLabel(A.yourAnswer, { exact: true }).fill('30,0');
    await num.getByRole('button', { name: 'Periksa jawaban', exact: true }).click();
    await expectText(num.locator('[aria-live]'), S.correct);

    // The final test: failed, then passed.
    await toc.getByRole('button', { name: 'Tes Akhir' }).click();
    await page.getByRole('button', { name: A.start, exact: true }).click();
    const first = await attempt(page, 'wrong');
    await expectText(page.locator('main'), `${S.status}: ${S.statuses.failed}`);
    await page.getByRole('button', { name: A.retake, exact: true }).click();
    const second = await attempt(page, 'right');
    await expectText(page.locator('main'), `${S.status}: ${S.statuses.passed}`);
    await leave(page);
    expect(problems).toEqual([]);
    await context.close();

    // Sending is asynchronous: until the second attempt's `passed` is in (the last thing the learner did).
    let list: StoredStatement[] = [];
    await expect.poll(async () => {
      list = await lrs.statements(registration);
      return list.some((x) => verb(x) === 'passed' && objectEnds(x, 'tes-akhir'));
    }, { timeout: 45_000, interval: 250 }).toBe(true);
    for (const s of list) expect(llWarnings(s), `${verb(s)} ${s.object.id}`).toEqual([]);
    const answered = list.filter((s) => verb(s) === 'answered');
    const likert = answered.filter((s) => s.object.definition?.interactionType === 'likert');
    expect(likert.map((s) => s.result?.response).sort()).toEqual(['2', '3']);
    const typed = answered.filter((s) => objectEnds(s, 'q-angka'));
    expect(typed.map((s) => [s.object.definition?.interactionType, s.result?.response, s.result?.success])).toEqual([['numeric', '30', true]]);
    for (const [n, drawn, success] of [[1, first, false], [2, second, true]] as const) {
      const inAttempt = answered.filter((s) => (s.context.extensions?.[EXT_TEST] as { attempt?: number } | undefined)?.attempt === n);
      expect(inAttempt.map((s) => drawn.find((id) => objectEnds(s, id))).sort(), `attempt ${n}: each drawn question once`).toEqual([...drawn].sort());
      expect(inAttempt.every((s) => s.result?.success === success), `attempt ${n}: ${success ? 'right' : 'wrong'}`).toBe(true);
      for (const s of inAttempt) expect(s.context.extensions?.[EXT_TEST]).toEqual({ id: 'tes-akhir', role: 'final', attempt: n });
    }
    const test = list.filter((s) => objectEnds(s, 'tes-akhir')).map(verb);
    expect(test).toEqual(['completed', 'failed', 'completed', 'passed']);
  }, 180_000);
});
