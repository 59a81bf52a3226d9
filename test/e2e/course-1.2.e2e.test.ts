/**
 * The default course (content/, 1.2: surveys, a pre-test, a final test that
 * scores the course) built by the CLI for every target and played in
 * headless Chromium by one learner through the accessible controls: the
 * first survey, the pre-test, every page, knowledge check and scenario, the
 * last survey, the final test failed on purpose, then passed on its retake,
 * and the results screen's gain and attitude shift. The answers come from
 * the runtime course (test/helpers/answer-from-course.ts), the expected scores from
 * src/shared/scoring.ts. What each LMS or LRS ends with:
 *
 * - SCORM 1.2 (scorm-again, every LMS model): credited, passed, the grade the
 *   final test's score; interactions of the course's types; the test, pre-test
 *   and rule objectives. The learner leaves in the middle of the retake and
 *   finds the same drawn questions, with their answers, on relaunch.
 * - SCORM 2004: completed, passed, score.scaled = score / 100.
 * - xAPI (real LRS): every statement valid; each attempt's answers and
 *   statements; the course's passed with the scoring rule.
 * - cmi5 (the tests' cmi5 LMS): its rules kept, one passed per registration.
 */
import { mkdtempSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageTarget } from '../../src/compile.js';
import { EXT_ATTITUDE_SHIFT, EXT_SCORING_RULE, EXT_TEST } from '../../src/shared/activity-ids.js';
import { computeResult } from '../../src/shared/scoring.js';
import { decodeState } from '../../src/shared/state-codec.js';
import type { RuntimeCourse, RuntimeTest } from '../../src/shared/runtime-types.js';
import { ASSESS_STRINGS, format as f, GAIN_STRINGS } from '../../src/shared/ui-strings.js';
import { answerAttempt, attemptScore, drawnQuestions, plan, submitAttempt, tableAfter, type Answered } from '../helpers/answer-from-course.js';
import { chromiumAvailable, expectText, expectVisible, launchChromium, leave, newContextPage, tearDown, watchProblems } from '../helpers/browser.js';
import { startCmi5Lms, type Cmi5Lms } from '../helpers/cmi5-lms.js';
import { isDefined } from '../helpers/cmi5-rules.js';
import { closeSco, cmiList, lmsCalls, lmsCmi, lmsHostPage, relaunchData, startLmsServer, type LmsCall } from '../helpers/lms-host.js';
import { calls2004, lms2004HostPage, scorm2004AgainScript, SCORM2004_AGAIN_PATH } from '../helpers/lms-host-2004.js';
import { expectCreditedByEveryModel } from '../helpers/lms-models/index.js';
import { buildWithCli, cliBuilt, type CliPackage } from '../helpers/package.js';
import type { StaticServer } from '../helpers/static-server.js';
import { stringsFor } from '../helpers/ui-strings.js';
import { launchQuery, lrsHolds, startLrs, type StoredStatement, type TestLrs } from '../xapi/helpers/lrs.js';
import { Learner, type Scope } from '../xapi/helpers/learner.js';
import { llWarnings } from '../xapi/helpers/play.js';

const S = stringsFor('id');
const A = ASSESS_STRINGS.id;
const G = GAIN_STRINGS.id;
const TARGETS: PackageTarget[] = ['scorm12', 'scorm2004', 'xapi', 'cmi5'];

let work: string;
let browser: Browser;
let server: StaticServer;
let lrs: TestLrs;
let cmi5: Cmi5Lms;
const pkgs = {} as Record<PackageTarget, CliPackage>;

// The learner's plan: attitudes that rise; a pre-test half right; a first
// final attempt mostly wrong (failed), a retake mostly right (passed).
const prePoint = (i: number) => 2 + (i % 2);
const postPoint = (i: number) => 5 - (i % 3 === 2 ? 1 : 0);
const preRight = (_q: unknown, slot: number) => slot % 2 === 0;
const firstRight = (_q: unknown, slot: number) => slot % 5 === 0;
const retakeRight = (_q: unknown, slot: number) => slot !== 1 && slot !== 8;

/** What the learner did in the tests. */
interface Played {
  pre: Answered[];
  attempts: Answered[][];
}

const signed = (n: number) => (n > 0 ? '+' : n < 0 ? '\u2212' : '') + String(Math.abs(n));

/**
 * Plays the whole course in `scope`; `midRetake` (when given) runs after half
 * the retake is answered and returns the scope to go on in (a relaunch).
 */
async function playCourse(scope: Scope, course: RuntimeCourse, midRetake?: (drawn: string[]) => Promise<Scope>): Promise<Played & { learner: Learner }> {
  const played: Played = { pre: [], attempts: [] };
  const takeTest = async (l: Learner, test: RuntimeTest) => {
    const main = l.scope.locator('main');
    await l.button(A.start).click();
    if (test.role === 'pre') {
      played.pre = await answerAttempt(l.scope, test, preRight);
      await expectText(main, A.preDone);
      expect(await l.scope.getByRole('button', { name: A.retake }).count()).toBe(0);
      return;
    }
    const first = await answerAttempt(l.scope, test, firstRight);
    played.attempts.push(first);
    const one = attemptScore(first);
    expect(one.score, 'the first attempt fails').toBeLessThan(test.passingScore!);
    await expectText(main, `${S.status}: ${S.statuses.failed}`);
    await expectText(main, f(A.attemptsLeft, test.attempts - 1));
    // The test's table lists the dimensions in the course's order, as the results screen does.
    const dims = (m: Map<string, number>) => course.dimensions.filter((d) => m.has(d.id)).map((d) => [d.label, String(m.get(d.id))]);
    expect(await tableAfter(l.scope, S.byDimension)).toEqual(dims(one.byDimension));
    await l.button(A.retake).click();
    let drawn = await drawnQuestions(l.scope, test);
    const half = Math.floor(drawn.length / 2);
    await answerAttempt(l.scope, test, retakeRight, { to: half, submit: false });
    if (midRetake) {
      l.scope = await midRetake(drawn.map((q) => q.id));
      drawn = await drawnQuestions(l.scope, test);
    }
    const second = await answerAttempt(l.scope, test, retakeRight, { from: half, submit: false });
    await submitAttempt(l.scope, test);
    played.attempts.push(second);
    expect(attemptScore(second).score, 'the retake passes').toBeGreaterThanOrEqual(test.passingScore!);
    // The scope may be a relaunched one.
    await expectText(l.scope.locator('main'), `${S.status}: ${S.statuses.passed}`);
    await expectText(l.scope.locator('main'), f(A.attemptOf, 2, test.attempts));
  };
  const learner = new Learner(scope, course, {
    surveyPoint: (s, i) => (s.phase === 'pre' ? prePoint(i) : postPoint(i)),
    test: takeTest,
  });
  await learner.arrive();
  await learner.play();
  return { ...played, learner };
}

/** The expected course score (the retake's), checked on the results screen with the gain per dimension and the attitude shift. */
async function checkResults(scope: Scope, course: RuntimeCourse, played: Played): Promise<number> {
  const final = attemptScore(played.attempts.at(-1)!);
  const pre = attemptScore(played.pre);
  const main = scope.locator('main');
  await expectText(main, `${S.status}: ${S.passed}`);
  await expectText(main, `${final.score} ${S.of100}`);
  const gains = course.dimensions.filter((d) => pre.byDimension.has(d.id) && final.byDimension.has(d.id)).map((d) => {
    const [a, b] = [pre.byDimension.get(d.id)!, final.byDimension.get(d.id)!];
    return [d.label, String(a), String(b), signed(b - a)];
  });
  expect(gains.length, 'every dimension has a gain').toBe(course.dimensions.length);
  expect(await tableAfter(scope, G.gainHead)).toEqual(gains);
  const shift = shiftOf(course).map(([id, n]) => [course.dimensions.find((d) => d.id === id)!.label, signed(n)]);
  expect(await tableAfter(scope, G.shiftHead)).toEqual(shift);
  return final.score;
}

/** Per dimension, the post-survey point minus the pre-survey's (one item per dimension in each). */
function shiftOf(course: RuntimeCourse): Array<[string, number]> {
  const surveys = course.units.flatMap((u) => (u.kind === 'lesson' ? u.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'survey' ? [b.survey] : []))) : []));
  const point = (phase: string, dim: string) => {
    const s = surveys.find((x) => x.phase === phase)!;
    const i = s.items.findIndex((it) => it.dimension === dim);
    expect(i, `${phase} survey item for ${dim}`).toBeGreaterThanOrEqual(0);
    return phase === 'pre' ? prePoint(i) : postPoint(i);
  };
  return course.dimensions.map((d) => [d.id, point('post', d.id) - point('pre', d.id)]);
}

async function newPage(ignore?: RegExp): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const { context, page } = await newContextPage(browser);
  return { context, page, problems: watchProblems(page, ignore) };
}

const testOf = (course: RuntimeCourse, role: 'pre' | 'final') => course.units.find((u): u is RuntimeTest => u.kind === 'test' && u.role === role)!;

describe.skipIf(!chromiumAvailable())('the default course 1.2 played end to end on every target', () => {
  beforeAll(async () => {
    for (const t of TARGETS) if (!cliBuilt(t)) throw new Error(`run \`npm run build\` first (${t})`);
    work = mkdtempSync(join(tmpdir(), 'ir-course12-'));
    for (const t of TARGETS) pkgs[t] = buildWithCli(t, work, undefined, t);
    server = await startLmsServer(Object.fromEntries(TARGETS.map((t) => [`/${t}/`, pkgs[t].dir])));
    server.put(SCORM2004_AGAIN_PATH, scorm2004AgainScript(), 'text/javascript; charset=utf-8');
    lrs = await startLrs();
    cmi5 = await startCmi5Lms(lrs, pkgs.cmi5.dir, `${server.origin}/cmi5/`);
    browser = await launchChromium();
    const course = pkgs.scorm12.course;
    expect(course.version).toBe('1.2.0');
    expect(course.scoring).toBe('final-test');
    expect(testOf(course, 'final')).toMatchObject({ passingScore: 80, attempts: 2 });
    // Whatever an attempt draws, the learner can tell it from the others and answer it right or wrong.
    const pool = testOf(course, 'final').questions;
    expect(new Set(pool.map((q) => q.promptText)).size, 'every prompt its own').toBe(pool.length);
    for (const q of pool) for (const right of [true, false]) plan(q, right);
    console.info(`course 1.2 pool: ${pool.length} questions, types ${[...new Set(pool.map((q) => q.type ?? 'choice'))].sort().join(', ')}`);
  }, 240_000);

  afterAll(async () => {
    await cmi5?.stop();
    await tearDown({ browser, server, lrs, work });
  });

  it('SCORM 1.2: credited by every LMS model with the final test\'s score, typed interactions, objectives; a resume in the retake keeps its questions', async () => {
    const { course } = pkgs.scorm12;
    const mastery = course.passingScore;
    let hosts = 0;
    const open = async (saved?: Record<string, unknown>) => {
      const s = await newPage();
      const path = `/lms/course12-${++hosts}.html`;
      server.put(path, lmsHostPage({ launch: '/scorm12/index.html', saved, masteryScore: mastery }));
      await s.page.goto(server.origin + path);
      return { ...s, frame: s.page.frameLocator('#sco-frame') as FrameLocator };
    };
    const one = await open();
    const sessions: LmsCall[][] = [];
    let two: Awaited<ReturnType<typeof open>> | undefined;
    const played = await playCourse(one.frame, course, async (drawn) => {
      await expect.poll(async () => (await lmsCalls(one.page)).filter((c) => c.fn === 'LMSCommit').length).toBeGreaterThan(0);
      await closeSco(one.page, 'LMSFinish on leaving in the retake');
      sessions.push(await lmsCalls(one.page));
      const kept = await lmsCmi(one.page);
      expect(one.problems).toEqual([]);
      await one.context.close();
      two = await open(relaunchData(kept));
      const test = testOf(course, 'final');
      await expectVisible(two.frame.getByRole('heading', { level: 2, name: test.title, exact: true }));
      expect((await drawnQuestions(two.frame, test)).map((q) => q.id), 'the same drawn questions, in the same order').toEqual(drawn);
      return two.frame;
    });
    const score = await checkResults(two!.frame, course, played);
    await closeSco(two!.page, 'LMSFinish at the end');
    sessions.push(await lmsCalls(two!.page));
    const cmi = await lmsCmi(two!.page);
    expect(two!.problems).toEqual([]);
    await two!.context.close();

    // The LMS's own view, and the course's result recomputed from the state it holds.
    expect(cmi.core.lesson_status).toBe('passed');
    expect(Number(cmi.core.score.raw)).toBe(score);
    const result = computeResult(course, decodeState(course, cmi.suspend_data)!);
    expect([result.score, result.status, result.rule, result.complete]).toEqual([score, 'passed', 'final-test', true]);
    expectCreditedByEveryModel(sessions, { status: 'passed', score }, mastery);
    for (const s of sessions) expect(s.filter((c) => c.fn !== 'LMSGetValue' && (c.result !== 'true' || c.error !== '0')), 'calls the LMS refused').toEqual([]);

    // Interactions: the tests' questions per attempt, of their types, right or wrong as answered; the surveys' items as likert.
    const rows = cmiList(cmi.interactions);
    const pre = testOf(course, 'pre');
    const fin = testOf(course, 'final');
    const attempts: Array<[RuntimeTest, number, Answered[]]> = [[pre, 1, played.pre], [fin, 1, played.attempts[0]!], [fin, 2, played.attempts[1]!]];
    for (const [test, n, answered] of attempts) {
      const mine = rows.filter((r) => String(r.id).startsWith(`${test.id}.${n}.`));
      expect(mine.map((r) => r.id), `${test.id} attempt ${n}`).toEqual(answered.map((a) => `${test.id}.${n}.${a.q.id}`));
      expect(mine.map((r) => [r.type, r.result])).toEqual(answered.map((a) => [a.q.rec?.type ?? 'choice', a.right ? 'correct' : 'wrong']));
    }
    const types = new Set(rows.map((r) => r.type));
    const likert = rows.filter((r) => r.type === 'likert');
    expect(likert.length, 'both surveys\' items').toBe(2 * course.dimensions.length);
    expect(likert.every((r) => r.result === 'neutral' && /^[1-5]$/.test(r.student_response))).toBe(true);
    const objectives = Object.fromEntries(cmiList(cmi.objectives).map((o) => [o.id, [o.score.raw, o.status]]));
    expect(objectives[fin.id]).toEqual([String(score), 'passed']);
    expect(objectives['rule.final-test']).toBeDefined();
    const preScores = attemptScore(played.pre).byDimension;
    for (const d of course.dimensions) expect(objectives['pre.' + d.id]?.[0], `pre.${d.id}`).toBe(String(preScores.get(d.id)));
    console.info(`course 1.2 scorm12: final ${attemptScore(played.attempts[0]!).score} then ${score}, ${rows.length} interactions of types ${[...types].sort().join(', ')}, ${sessions.map((s) => s.length).join('+')} LMS calls`);
  }, 600_000);

  it('SCORM 2004: completed, passed, score.scaled the final test\'s score / 100', async () => {
    const { course } = pkgs.scorm2004;
    const s = await newPage();
    server.put('/lms/course12-2004.html', lms2004HostPage({ launch: '/scorm2004/index.html' }));
    await s.page.goto(server.origin + '/lms/course12-2004.html');
    const frame = s.page.frameLocator('#sco-frame');
    const played = await playCourse(frame, course);
    const score = await checkResults(frame, course, played);
    await s.page.evaluate(() => (window as any).__lms.close());
    const cmi = await s.page.evaluate(() => (window as any).__lms.cmi());
    const calls = await calls2004(s.page);
    expect(calls.filter((c) => c.fn !== 'GetValue' && (c.result !== 'true' || c.error !== '0')), 'calls the LMS refused').toEqual([]);
    expect([cmi.completion_status, cmi.success_status, Number(cmi.score.scaled), Number(cmi.score.raw)]).toEqual(['completed', 'passed', score / 100, score]);
    const types = cmiList(cmi.interactions).map((r) => r.type);
    const allowed = new Set(['choice', 'likert', ...course.units.flatMap((u) => (u.kind === 'test' ? u.questions.map((q) => q.rec?.type ?? 'choice') : []))]);
    expect(types.filter((t) => !allowed.has(t)), 'interaction types of the course').toEqual([]);
    expect(types).toContain('likert');
    expect(s.problems).toEqual([]);
    await s.context.close();
    console.info(`course 1.2 scorm2004: score ${score}, ${types.length} interactions`);
  }, 600_000);

  /** The statements of one full play through `launch`; every one valid. */
  async function playXapi(target: 'xapi' | 'cmi5', url: (registration: string) => Promise<string>) {
    const { course } = pkgs[target];
    const registration = randomUUID();
    const s = await newPage(/activities\/state|Failed to load resource/);
    await s.page.goto(await url(registration));
    const played = await playCourse(s.page, course);
    const score = await checkResults(s.page, course, played);
    await leave(s.page);
    const verb = (x: StoredStatement) => x.verb.id.split('/').pop();
    const isCourse = (x: StoredStatement) => x.object.id === course.iri || x.object.id === cmi5.activityId;
    let list: StoredStatement[] = [];
    await expect.poll(async () => {
      list = await lrs.statements(registration);
      return list.some((x) => verb(x) === 'passed' && isCourse(x)) && (target === 'xapi' || list.some((x) => verb(x) === 'terminated'));
    }, { timeout: 60_000, interval: 250 }).toBe(true);
    for (const x of list) expect(llWarnings(x), `${verb(x)} ${x.object.id}`).toEqual([]);
    const passed = list.filter((x) => verb(x) === 'passed' && isCourse(x));
    expect(passed.length, 'one passed for the course').toBe(1);
    expect(passed[0]!.result?.score?.scaled).toBe(score / 100);
    expect(passed[0]!.result?.extensions?.[EXT_SCORING_RULE], 'the rule on the course\'s passed').toBe('final-test');
    expect(passed[0]!.result?.extensions?.[EXT_ATTITUDE_SHIFT]).toEqual(Object.fromEntries(shiftOf(course).map(([d, n]) => [d, n])));
    // Each attempt: every drawn question answered once, in the test's context, right as answered; and its own statements.
    const fin = testOf(course, 'final');
    const pre = testOf(course, 'pre');
    const answered = list.filter((x) => verb(x) === 'answered');
    const attempts: Array<[RuntimeTest, number, Answered[]]> = [[pre, 1, played.pre], [fin, 1, played.attempts[0]!], [fin, 2, played.attempts[1]!]];
    for (const [test, n, mine] of attempts) {
      const got = answered.filter((x) => {
        const t = x.context?.extensions?.[EXT_TEST] as { id?: string; attempt?: number } | undefined;
        return t?.id === test.id && t.attempt === n;
      });
      const idOf = (x: StoredStatement) => mine.find((a) => x.object.id.endsWith('/' + a.q.id) || x.object.id.endsWith('.' + a.q.id))?.q.id;
      expect(got.map(idOf).sort(), `${test.id} attempt ${n}`).toEqual(mine.map((a) => a.q.id).sort());
      expect(got.map((x) => [idOf(x), x.result?.success]).sort()).toEqual(mine.map((a) => [a.q.id, a.right]).sort());
    }
    const ofTest = (id: string) => list.filter((x) => x.object.id.endsWith('/' + id) || x.object.id.endsWith('.' + id)).map(verb);
    expect(ofTest(fin.id)).toEqual(['completed', 'failed', 'completed', 'passed']);
    expect(ofTest(pre.id)).toEqual(['completed']);
    expect(s.problems).toEqual([]);
    await s.context.close();
    console.info(`course 1.2 ${target}: score ${score}, ${list.length} statements (${answered.length} answered)`);
    return { list, registration };
  }

  it('xAPI against a real LRS: every statement valid, each attempt recorded, passed with the scoring rule', async () => {
    await playXapi('xapi', async (registration) => `${server.origin}/xapi/index.html?${launchQuery(lrs.endpoint, registration, pkgs.xapi.course.iri!)}`);
  }, 600_000);

  it('cmi5 through the tests\' cmi5 LMS: the cmi5 rules kept, exactly one passed', async () => {
    const { list, registration } = await playXapi('cmi5', (registration) => cmi5.launch({ registration, launchMode: 'Normal' }));
    expect(list.filter(isDefined).map((x) => x.verb.display['en-US'] ?? x.verb.display.en)).toEqual(['launched', 'initialized', 'completed', 'passed', 'terminated']);
    expect(cmi5.problems(registration, list)).toEqual([]);
  }, 600_000);
});
