/**
 * GitHub issue 6, runtime faults of a SCORM 1.2 LMS, in headless Chromium:
 * the package runs in the frame of a stand-in LMS (scorm-again, see
 * test/helpers/lms-host.ts) whose API the test makes fail on demand
 * (helpers/fault-host.ts).
 *
 * 1. No LMS API at all: the standalone notice, the whole default course
 *    playable, nothing in the console.
 * 2. LMSSetValue refused (101, then 351) and LMSCommit refused for a while:
 *    the learner is warned and plays on; once the LMS recovers, the next save
 *    delivers everything and the warning goes; the LMS ends with exactly
 *    what a fault-free play of the same clicks leaves.
 * 3. LMSCommit throwing: the same, no crash.
 * 4. The LMS removes the frame while LMSCommit fails: LMSFinish once, exit
 *    suspend; the last commit's data resumes at the last committed place.
 * 5. suspend_data as long as SPEC §4 allows (4096): a course sized by the
 *    compiler's own formula, every page viewed and the first and last
 *    pages' questions answered; a strict LMS takes it, a relaunch resumes;
 *    one bit more is IR502.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySource } from '../../src/core/content-source.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { decodeState, worstCaseStateLength } from '../../src/shared/state-codec.js';
import { chromiumAvailable, expectCount, expectText, expectVisible, launchChromium, newContextPage, tearDown, watchProblems } from '../helpers/browser.js';
import { closeSco, cmiList, lmsCalls, lmsClose, lmsCmi, lmsCount, relaunchData, startLmsServer, type Cmi, type LmsCall } from '../helpers/lms-host.js';
import { expectCreditedByEveryModel } from '../helpers/lms-models/index.js';
import type { StaticServer } from '../helpers/static-server.js';
import { buildPackage, compileSource, defaultCourse, fullCourse, sizeFullCourse, smallCourse, type Built } from './helpers/courses.js';
import { faultHostPage, type FaultHostOptions, type FaultLogEntry } from './helpers/fault-host.js';
import { Learner, type LearnerOptions } from '../xapi/helpers/learner.js';

let work: string;
let browser: Browser;
let server: StaticServer;
let small: Built;
let full: Built;
let fullSize: { questions: number; pages: number; length: number };
let hosts = 0;

/** A host page for this launch, served from the package's origin. */
function host(opts: FaultHostOptions): string {
  const path = `/lms/host-${++hosts}.html`;
  server.put(path, faultHostPage(opts), 'text/html; charset=utf-8');
  return server.origin + path;
}

const lms = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(${fn})(window.__lms, window.__faults)`) as Promise<T>;
const faultLog = (page: Page) => lms<FaultLogEntry[]>(page, '(l, f) => f.log');
async function fault(page: Page, set: Record<string, unknown>): Promise<void> {
  await page.evaluate((s) => Object.assign((window as any).__faults, s), set);
}

/** What the LMS holds that a learner's clicks decide (everything but clock times). */
function recorded(cmi: Cmi) {
  return {
    lesson_status: cmi.core.lesson_status,
    score: cmi.core.score,
    exit: cmi.core.exit,
    lesson_location: cmi.core.lesson_location,
    suspend_data: cmi.suspend_data,
    interactions: cmiList(cmi.interactions).map((i) => ({
      id: i.id,
      type: i.type,
      student_response: i.student_response,
      result: i.result,
      weighting: i.weighting,
      pattern: cmiList(i.correct_responses)[0]?.pattern ?? '',
    })),
    objectives: cmiList(cmi.objectives).map((o) => ({ id: o.id, score: o.score, status: o.status })),
  };
}

/** Each interaction was accepted exactly once: indexes 0…n-1, once each, in order. */
function expectJournal(log: LmsCall[], n: number, label: string): void {
  const ids = log.filter((c) => c.fn === 'LMSSetValue' && /^cmi\.interactions\.\d+\.id$/.test(c.args[0]!) && c.result === 'true').map((c) => c.args[0]);
  expect(ids, `${label}: interaction ids written once each, in order`).toEqual(Array.from({ length: n }, (_, i) => `cmi.interactions.${i}.id`));
}

// The plan every play of the small course follows: one question wrong first.
const WRONG_FIRST = new Set(['q-dua']);

/** A new browser, watched for problems, on a fresh host page for `hostOpts`; a learner of `course` in its course frame (not yet arrived). */
async function open(hostOpts: FaultHostOptions, course: RuntimeCourse = small.course, learnerOpts: LearnerOptions = {}) {
  const { context, page } = await newContextPage(browser);
  // Page errors, console errors and dialogs, from the LMS page and the course frame.
  const problems = watchProblems(page);
  await page.goto(host(hostOpts));
  const learner = new Learner(page.frameLocator('#sco-frame'), course, learnerOpts);
  return { context, page, problems, learner };
}

/** The small course with the plan (one question wrong first), on the first page once the player's first save is committed. */
async function startSmall() {
  const s = await open({ launch: '/small/index.html' }, small.course, { wrongFirst: WRONG_FIRST });
  await s.learner.arrive();
  await expect.poll(() => lmsCount(s.page, 'LMSCommit')).toBeGreaterThan(0);
  return s;
}

/**
 * The learner leaves a whole play; every interaction was written once, in order, and every
 * LMS model, fed what this LMS accepted, credits what it holds. What the LMS holds then.
 */
async function finish(page: Page, learner: Learner, label: string): Promise<Cmi> {
  await closeSco(page, 'LMSFinish when the frame goes');
  const cmi = await lmsCmi(page);
  const log = await lmsCalls(page);
  expectJournal(log, learner.interactions.length, label);
  expectCreditedByEveryModel([log], { status: cmi.core.lesson_status, score: Number(cmi.core.score.raw) }, small.course.passingScore ?? null, `${label}: LMS models`);
  return cmi;
}

let control: ReturnType<typeof recorded> | null = null;

/** A fault-free play of the small course with the plan: what every faulty play must end up with. */
async function controlRun(): Promise<ReturnType<typeof recorded>> {
  if (control) return control;
  const { context, page, problems, learner } = await open({ launch: '/small/index.html' }, small.course, { wrongFirst: WRONG_FIRST });
  await learner.arrive();
  await learner.play();
  const cmi = await finish(page, learner, 'control');
  control = recorded(cmi);
  // The play itself is what the learner did: these interactions, complete and passed.
  expect(control.interactions.map(({ id, student_response, result }) => ({ id, student_response, result }))).toEqual(learner.interactions);
  expect(control.lesson_status).toBe('passed');
  expect(problems).toEqual([]);
  await context.close();
  return control;
}

describe.skipIf(!chromiumAvailable())('SCORM 1.2 runtime faults (scorm-again LMS)', () => {
  let defaultPkg: Built;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ir-faults-scorm-'));
    small = await buildPackage(smallCourse(), 'scorm12', join(work, 'small', 'pkg'));
    defaultPkg = await buildPackage(await defaultCourse(), 'scorm12', join(work, 'default', 'pkg'));
    fullSize = sizeFullCourse(4096);
    full = await buildPackage(fullCourse(fullSize.questions, fullSize.pages), 'scorm12', join(work, 'full', 'pkg'));
    server = await startLmsServer({ '/small/': small.dir, '/default/': defaultPkg.dir, '/full/': full.dir });
    browser = await launchChromium();
  }, 120_000);

  afterAll(() => tearDown({ browser, server, work }));

  it('1. no LMS API: the standalone notice, the whole default course plays, nothing in the console', async () => {
    const course = defaultPkg.course;
    const { context, page, problems, learner } = await open({ launch: '/default/index.html', noApi: true }, course);
    expect(await page.evaluate(() => 'API' in window)).toBe(false);
    const s = course.strings;
    await learner.arrive();
    await expectText(learner.status, s.notSaved.replace('{0}', s.scorm12));
    await learner.play();
    expect(learner.done).toBe(true);
    // The end screen: complete, with the status the score gives.
    const main = learner.scope.locator('main');
    await expectText(main, s.finished);
    await expectText(main, course.passingScore === null ? s.completed : s.passed);
    // Still standalone, never a failing warning.
    await expectText(learner.status, s.notSaved.replace('{0}', s.scorm12));
    await expectCount(learner.warning, 0);
    await lmsClose(page);
    expect(await lmsCount(page, 'LMSInitialize')).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('2. LMSSetValue refused (101, 351) and LMSCommit refused for a while: warned, plays on, nothing lost once the LMS recovers', async () => {
    const expected = await controlRun();
    const { context, page, problems, learner } = await startSmall();
    await expectCount(learner.warning, 0);

    // The LMS refuses every LMSSetValue with 101 (general exception).
    await fault(page, { setValue: { code: '101' } });
    await learner.play(1);
    await expectVisible(learner.warning, 'warned when LMSSetValue fails');
    const first = await learner.pending();
    expect(first).toBeGreaterThan(0);
    await learner.play(1); // answers q-satu
    await expect.poll(() => learner.pending(), { message: 'the count of what waits grows' }).toBeGreaterThan(first);
    expect(cmiList((await lmsCmi(page)).interactions), 'nothing reached the LMS').toHaveLength(0);

    // Now 351, and LMSCommit refused too.
    await fault(page, { setValue: { code: '351' }, commit: '101' });
    await learner.play(1); // q-dua wrong, then right
    await expectVisible(learner.warning);

    // LMSSetValue works again, LMSCommit still refused: the values are in, not committed; still warned.
    await fault(page, { setValue: null });
    await learner.play(1);
    await expectVisible(learner.warning, 'still warned while LMSCommit fails');
    const inLms = cmiList((await lmsCmi(page)).interactions).map((i) => i.id);
    expect(inLms, 'the queued interactions reached the LMS in order').toEqual(learner.interactions.map((i) => i.id));

    // The LMS recovers: the next save commits, the warning goes.
    const commitsBefore = await lmsCount(page, 'LMSCommit');
    await fault(page, { commit: null });
    await learner.play(1); // answers q-tiga, goes on
    await expectCount(learner.warning, 0, 'the warning goes once everything is committed');
    expect(await lmsCount(page, 'LMSCommit')).toBeGreaterThan(commitsBefore);
    const log = await faultLog(page);
    expect(new Set(log.map((e) => `${e.fn} ${e.fault}`))).toEqual(new Set(['LMSSetValue 101', 'LMSSetValue 351', 'LMSCommit 101']));

    await learner.play();
    const cmi = await finish(page, learner, 'after faults');
    expect(recorded(cmi), 'the LMS holds what a fault-free play leaves').toEqual(expected);
    expect(decodeState(small.course, cmi.suspend_data), 'suspend_data is a state of this course').not.toBeNull();

    // A relaunch with what the LMS kept lands where the learner left: the results.
    await page.goto(host({ launch: '/small/index.html', saved: relaunchData(cmi) }));
    await expectVisible(learner.heading(small.course.strings.results));
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('2b. every second LMSSetValue refused, all through the course: the LMS still ends with what a fault-free play leaves', async () => {
    const expected = await controlRun();
    const { context, page, problems, learner } = await startSmall();
    await fault(page, { setValue: { code: '101', every: 2, n: 0 } });
    await learner.play();
    expect((await faultLog(page)).length, 'calls refused on the way').toBeGreaterThan(10);
    // The LMS recovers while the learner looks at the results; leaving saves the rest.
    await fault(page, { setValue: null });
    const cmi = await finish(page, learner, 'flaky LMS');
    expect(recorded(cmi)).toEqual(expected);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('3. LMSCommit throws: no crash, warned, and the same recovery', async () => {
    const expected = await controlRun();
    const { context, page, problems, learner } = await startSmall();

    await fault(page, { commit: 'throw' });
    await learner.play(2);
    await expectVisible(learner.warning, 'warned when LMSCommit throws');
    const thrown = (await faultLog(page)).filter((e) => e.fn === 'LMSCommit');
    expect(thrown.length, 'LMSCommit was tried (and threw) on each save').toBeGreaterThanOrEqual(2);
    // The player keeps working: the next stop, its question.
    await learner.play(1);
    await expectVisible(learner.warning);

    await fault(page, { commit: null });
    await learner.play(1);
    await expectCount(learner.warning, 0);
    await learner.play();
    const cmi = await finish(page, learner, 'after throws');
    expect(recorded(cmi)).toEqual(expected);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('4. the LMS removes the frame while LMSCommit fails: LMSFinish once, exit suspend, the last commit resumes', async () => {
    const { context, page, problems, learner } = await open({ launch: '/small/index.html' });
    await fault(page, { keepCommitted: true });
    await learner.arrive();
    await learner.play(2); // at soal-dua, q-satu answered
    const committedAt = learner.stops[learner.at]!;
    await expect.poll(() => lms<string>(page, '(l, f) => f.committed && f.committed.core.lesson_location')).toBe(`l:dasar/${committedAt.page}`);

    // From here LMSCommit throws: the learner answers q-dua and goes on; warned.
    await fault(page, { commit: 'throw' });
    await learner.play(1);
    const leftAt = learner.stops[learner.at]!;
    await expectVisible(learner.warning);
    // The frame goes (pagehide): the player stages everything, tries LMSCommit (throws again), calls LMSFinish.
    await closeSco(page, 'LMSFinish when the frame goes');
    await new Promise((r) => setTimeout(r, 300)); // nothing more arrives after the finish
    expect(await lmsCount(page, 'LMSFinish'), 'LMSFinish exactly once').toBe(1);
    expect(await lmsCount(page, 'LMSInitialize')).toBe(1);
    const log = await lmsCalls(page);
    const finishAt = log.findIndex((c) => c.fn === 'LMSFinish');
    expect(finishAt, 'LMSFinish is the last call').toBe(log.length - 1);
    const faults = await faultLog(page);
    expect(faults.filter((e) => e.fn === 'LMSCommit').length, 'LMSCommit tried at pagehide too').toBeGreaterThanOrEqual(2);
    const atFinish = await lmsCmi(page);
    expect(atFinish.core.exit).toBe('suspend');
    expect(atFinish.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(atFinish.core.lesson_location).toBe(`l:lanjut/${leftAt.page}`);

    // What the last successful LMSCommit saved is intact: its location, a valid state, exit suspend.
    const committed = await lms<Cmi>(page, '(l, f) => f.committed');
    expect(committed.core.lesson_location).toBe(`l:dasar/${committedAt.page}`);
    expect(committed.core.exit).toBe('suspend');
    const state = decodeState(small.course, committed.suspend_data);
    expect(state, 'the committed suspend_data decodes').not.toBeNull();
    expect(state!.questions.map((q) => q.first !== null)).toEqual([true, false, false]);

    // An LMS that keeps only committed data: the relaunch resumes at the last committed page,
    // with q-dua (answered after that commit) open again.
    await page.goto(host({ launch: '/small/index.html', saved: relaunchData(committed) }));
    const back = new Learner(page.frameLocator('#sco-frame'), small.course);
    await expectVisible(back.heading(committedAt.title));
    await expectVisible(back.button(small.course.strings.check));
    await lmsClose(page);

    // An LMS that also keeps what was set before LMSFinish (scorm-again does): the relaunch resumes where the learner left.
    await page.goto(host({ launch: '/small/index.html', saved: relaunchData(atFinish) }));
    await expectVisible(back.heading(leftAt.title));
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('4b. LMSFinish itself throws at pagehide: called once, no error escapes', async () => {
    const { context, page, problems, learner } = await open({ launch: '/small/index.html' });
    await learner.arrive();
    await learner.play(1);
    await fault(page, { setValue: { code: '101' }, commit: 'throw', finish: 'throw' });
    await lmsClose(page);
    await expect.poll(async () => (await faultLog(page)).filter((e) => e.fn === 'LMSFinish').length).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect((await faultLog(page)).filter((e) => e.fn === 'LMSFinish')).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  }, 30_000);

  it(`5. suspend_data at SPEC's maximum (4096): every page viewed, the first and last questions' fields set; a strict LMS takes it, a relaunch resumes`, async () => {
    // The compiler's own formula sized the course: exactly 4096; one more page (one bit) is refused.
    const fullRuntime = { ...full.result.runtime!, target: 'scorm12' as const };
    expect(worstCaseStateLength(fullRuntime)).toBe(4096);
    expect(fullSize.length).toBe(4096);
    const over = await compileSource(memorySource(fullCourse(fullSize.questions, fullSize.pages + 1)), ['scorm12']);
    expect(over.ok).toBe(false);
    expect(over.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([
      'IR502 progress data could reach 4097 characters; SCORM 1.2 keeps at most 4096',
    ]);

    const course: RuntimeCourse = full.course;
    const { context, page, problems, learner } = await open({ launch: '/full/index.html' }, course);
    // A strict LMS: suspend_data beyond CMIString4096 is refused with 405 (scorm-again alone would take 64000).
    await fault(page, { strict: true });
    const frame = learner.scope;
    await learner.arrive();
    const started = Date.now();
    let answered = 0;
    // Every state of the course is 4096 characters long (the codec's fields have fixed widths), so the
    // length is at its maximum from the first save. What varies is which bits are set: the questions of
    // the first page and of the last page that has any fill the payload's first and last question
    // fields, every page its viewed bit.
    // Answering all ~900 questions through the UI proved nothing more and cost a loaded machine minutes
    // (each answer is a commit, and the run-time re-reads its whole journal on each one).
    const firstStop = learner.at;
    const lastStop = learner.stops.length - 2; // the last page; the results come next
    const questionsOn = (at: number) => {
      const stop = learner.stops[at]!;
      return stop.lesson!.pages.find((p) => p.id === stop.page)!.blocks.flatMap((b) => (b.kind === 'question' ? [b.question.id] : []));
    };
    let lastWithQuestions = lastStop;
    while (questionsOn(lastWithQuestions).length === 0) lastWithQuestions--;
    const answeredIds: string[] = [];
    for (;;) {
      const questionsHere = questionsOn(learner.at);
      const onPage = learner.at === firstStop || learner.at === lastWithQuestions ? questionsHere.length : 0;
      if (onPage) answeredIds.push(...questionsHere);
      const n = !onPage ? 0 : await frame.locator('main').evaluate((main) => {
        let done = 0;
        for (const form of Array.from(main.querySelectorAll('form'))) {
          const boxes = form.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
          boxes[0]!.click();
          boxes[boxes.length - 1]!.click();
          form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
          done++;
        }
        return done;
      });
      expect(n).toBe(onPage);
      answered += n;
      await expectCount(frame.getByRole('button', { name: course.strings.retry, exact: true }), onPage);
      if (learner.at === lastStop) break;
      await learner.next();
    }
    expect(answered).toBe(answeredIds.length);
    expect(answered, 'two pages of questions, not the whole course').toBeLessThan(fullSize.questions);
    const lastPage = learner.stops[learner.at]!;
    await closeSco(page, 'LMSFinish when the frame goes');
    const played = Date.now() - started;

    const log = await lmsCalls(page);
    const writes = log.filter((c) => c.fn === 'LMSSetValue' && c.args[0] === 'cmi.suspend_data');
    expect(writes.length).toBeGreaterThan(fullSize.pages);
    for (const w of writes) {
      expect(w.args[1]!.length, 'every suspend_data written is 4096 long').toBe(4096);
      expect({ result: w.result, error: w.error }, 'scorm-again accepted it').toEqual({ result: 'true', error: '0' });
    }
    const refused = log.filter((c) => c.fn !== 'LMSGetValue' && (c.result !== 'true' || c.error !== '0'));
    expect(refused, 'no LMS call refused').toEqual([]);
    expect(await faultLog(page), 'the strict LMS refused nothing').toEqual([]);
    const cmi = await lmsCmi(page);
    expect(cmi.suspend_data.length).toBe(4096);
    const progress = decodeState(course, cmi.suspend_data)!;
    expect(progress.pages.every(Boolean), 'every page viewed').toBe(true);
    const allIds = course.units.flatMap((u) => (u.kind === 'lesson' ? u.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question.id] : []))) : []));
    expect(allIds).toHaveLength(fullSize.questions);
    const rightFirst = allIds.filter((_, i) => progress.questions[i]!.first === true);
    expect(rightFirst, 'exactly the questions answered, each right first time').toEqual(answeredIds);
    expect(progress.questions.at(-1)!.first, 'the payload\'s last field').toBe(true);
    expect(cmiList(cmi.interactions)).toHaveLength(answeredIds.length);
    expect(cmi.core.lesson_status, 'not every question answered: incomplete').toBe('incomplete');
    expect(cmi.core.exit).toBe('suspend');

    // The relaunch resumes on the last page, with its questions answered.
    await page.goto(host({ launch: '/full/index.html', saved: relaunchData(cmi) }));
    await expectVisible(learner.heading(lastPage.title));
    await expectCount(frame.getByRole('button', { name: course.strings.retry, exact: true }), lastPage.lesson!.pages.find((p) => p.id === lastPage.page)!.blocks.filter((b) => b.kind === 'question').length);

    // The strict LMS's edge, on a fresh session of it: 4096 characters taken, 4097 refused with 405.
    await page.goto(host({ launch: 'about:blank' }));
    const edge = await page.evaluate(() => {
      const api = (window as any).API;
      (window as any).__faults.strict = true;
      api.LMSInitialize('');
      const at = (n: number) => [String(api.LMSSetValue('cmi.suspend_data', 'x'.repeat(n))), String(api.LMSGetLastError())];
      return { max: at(4096), over: at(4097) };
    });
    expect(edge).toEqual({ max: ['true', '0'], over: ['false', '405'] });
    console.info(`suspend_data at 4096: ${fullSize.questions} questions on ${fullSize.pages} pages, played in ${played} ms`);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
