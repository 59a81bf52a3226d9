/**
 * The LMS models (test/helpers/lms-models) against real call logs: the player's
 * engine and SCORM 1.2 transport play a course in two launches against
 * scorm-again, every API call logged. Today's call order is credited by every
 * model; the order before issue 10 (score and status in one commit, after an
 * early `incomplete` commit) loses completion under Moodle 4.3.0 only; the
 * order the issue first proposed (status alone, then the score) loses the
 * score under Chamilo with one attempt. The models themselves are checked on
 * small hand-written logs, rule by rule, against what Moodle's and Chamilo's
 * code do (see the sources cited in each model).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Scorm12API } from 'scorm-again/scorm12';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { scorm12Transport, type Scorm12Api } from '../../src/player/transport/scorm12.js';
import { createEngine } from '../../src/player/engine.js';
import { indexCourse } from '../../src/shared/progress.js';
import type { CourseResult } from '../../src/player/transport/types.js';
import type { LmsCall } from '../helpers/lms-host.js';
import {
  ChamiloModel,
  expectCreditedByEveryModel,
  MoodleModel,
  moodleSettings,
  oldCallOrder,
  recordCalls,
  replay,
  statusThenScoreOnly,
} from '../helpers/lms-models/index.js';

const sample = JSON.parse(readFileSync(new URL('../fixtures/runtime/sample-course.json', import.meta.url), 'utf8')) as RuntimeCourse;
const course: RuntimeCourse = { ...sample, target: 'scorm12' };
const mastery = course.passingScore ?? null;

/**
 * A learner plays the whole course in two launches (leaving at the scenario),
 * answering `rightFirst` questions right first time; the call log of each launch and the result.
 */
async function play(rightFirst: boolean): Promise<{ sessions: LmsCall[][]; result: CourseResult }> {
  const ix = indexCourse(course);
  let clock = Date.UTC(2024, 5, 1, 2, 0, 0);
  const now = () => (clock += 1000);
  const answer = (q: (typeof ix.questions)[number]) => {
    const right = q.question.choices.flatMap((c, i) => (c.correct ? [i] : []));
    return rightFirst ? right : right.length > 1 ? right.slice(0, 1) : [(right[0]! + 1) % q.question.choices.length];
  };

  const lms1 = recordCalls(new Scorm12API({ logLevel: 5 }));
  const t1 = scorm12Transport(course, lms1.api as unknown as Scorm12Api, now);
  const e1 = createEngine(course, t1, await t1.start(), now);
  e1.enter();
  for (let at = 0; at < ix.scenarioStop[0]!; at++) {
    e1.go(at);
    ix.questions.forEach((q, n) => ix.pageStop[q.page] === at && e1.answer(n, answer(q)));
  }
  // In the scenario, before its first choice, the learner leaves.
  e1.go(ix.scenarioStop[0]!);
  expect(e1.result.complete).toBe(false);
  e1.finish();

  const saved = (lms1.api.renderCMIToJSONObject() as { cmi: { core: Record<string, unknown> } }).cmi;
  const lms2 = recordCalls(new Scorm12API({ logLevel: 5 }));
  lms2.api.loadFromJSON({ ...saved, core: { ...saved.core, entry: 'resume' } } as never);
  const t2 = scorm12Transport(course, lms2.api as unknown as Scorm12Api, now);
  const e2 = createEngine(course, t2, await t2.start(), now);
  e2.enter();
  // The rest of the scenario, by its first choice each time, then every page and question left.
  for (let guard = 0; guard < 20 && !e2.scene(0).ending; guard++) e2.choose(0, 0);
  for (let at = 0; at < ix.stops.length; at++) {
    e2.go(at);
    ix.questions.forEach((q, n) => ix.pageStop[q.page] === at && e2.progress.questions[n]!.first === null && e2.answer(n, answer(q)));
  }
  expect(e2.result.complete, 'the play completes the course').toBe(true);
  const result = e2.result;
  e2.finish();
  return { sessions: [lms1.calls, lms2.calls], result };
}

const call = (fn: string, ...args: string[]): LmsCall => ({ fn, args, result: 'true', error: '0', t: 0 });
const set = (element: string, value: string) => call('LMSSetValue', element, value);
const commit = () => call('LMSCommit', '');

describe('LMS models: the player of today is credited everywhere; the old order fails under Moodle 4.3.0', () => {
  it('a passing play: every model credits completion and the grade', async () => {
    const { sessions, result } = await play(true);
    expect(result.status).toBe('passed');
    expectCreditedByEveryModel(sessions, { status: result.status, score: result.score }, mastery);
  });

  it('a failing play: every model holds failed with the grade, and no model credits completion', async () => {
    const { sessions, result } = await play(false);
    expect(result.status).toBe('failed');
    expectCreditedByEveryModel(sessions, { status: result.status, score: result.score }, mastery);
  });

  it('the old call order (score and status in one commit) loses completion under Moodle 4.3.0 only', async () => {
    const { sessions, result } = await play(true);
    const old = [sessions[0]!, oldCallOrder(sessions[1]!)];
    // The old order really is one commit for the final score and status.
    const writes = old[1]!.flatMap((c, i) => (c.fn === 'LMSSetValue' && /^cmi\.core\.(score\.raw|lesson_status)$/.test(c.args[0]!) ? [i] : []));
    expect(writes.map((i) => old[1]![i]!.args.join('=')), 'one write of each').toEqual([`cmi.core.lesson_status=${result.status}`, `cmi.core.score.raw=${result.score}`]);
    expect(old[1]!.slice(writes[0], writes[1]).filter((c) => c.fn === 'LMSCommit'), 'no commit between them').toEqual([]);
    const got = replay(old, mastery);
    expect(got['Moodle 4.3.0']).toEqual({ status: 'passed', score: String(result.score), completion: false, grade: result.score });
    for (const name of ['Moodle ≤ 4.2', 'Moodle ≥ 4.3.3', 'Chamilo 1.11 (one attempt)', 'Chamilo 1.11 (multiple attempts)']) {
      expect(got[name], name).toMatchObject({ status: 'passed', completion: true, grade: result.score });
    }
    // What Moodle's API posted in that commit: the score before the status (the observation).
    const moodle = new MoodleModel('v4.3.0', moodleSettings(mastery));
    for (const s of old) moodle.session(s);
    const last = moodle.posts.find((p) => p.some(([e, v]) => e === 'cmi.core.lesson_status' && v === 'passed'))!;
    const order = last.map(([e]) => e).filter((e) => /^cmi\.core\.(score\.raw|lesson_status)$/.test(e));
    expect(order).toEqual(['cmi.core.score.raw', 'cmi.core.lesson_status']);
  });

  it("the issue's first proposal (status alone, then the score) loses the score under Chamilo with one attempt", async () => {
    const { sessions, result } = await play(true);
    const got = replay([sessions[0]!, statusThenScoreOnly(sessions[1]!)], mastery);
    expect(got['Moodle 4.3.0']).toMatchObject({ completion: true, grade: result.score });
    expect(got['Chamilo 1.11 (one attempt)']).toMatchObject({ status: 'passed', completion: true, grade: 0 });
    expect(got['Chamilo 1.11 (multiple attempts)']).toMatchObject({ grade: result.score });
  });
});

describe('Moodle model, rule by rule', () => {
  const start = [call('LMSInitialize', ''), set('cmi.core.lesson_status', 'incomplete'), commit()];

  it('a status update from incomplete to passed re-grades under ≤ 4.2 and ≥ 4.3.3, not 4.3.0; an insert does everywhere', () => {
    const update = [...start, set('cmi.core.lesson_status', 'passed'), commit()];
    const insert = [call('LMSInitialize', ''), set('cmi.core.lesson_status', 'passed'), commit()];
    for (const v of ['v4.2', 'v4.3.0', 'v4.3.3'] as const) {
      const a = new MoodleModel(v, moodleSettings(null));
      a.session(update);
      expect(a.outcome().completion, `${v} update`).toBe(v !== 'v4.3.0');
      const b = new MoodleModel(v, moodleSettings(null));
      b.session(insert);
      expect(b.outcome().completion, `${v} insert`).toBe(true);
    }
  });

  it('a score stored while the status is final completes 4.3.0; an unchanged value is not posted again', () => {
    const m = new MoodleModel('v4.3.0', moodleSettings(80));
    m.session([...start, set('cmi.core.lesson_status', 'passed'), commit(), set('cmi.core.score.raw', '90'), commit()]);
    expect(m.outcome()).toEqual({ status: 'passed', score: '90', completion: true, grade: 90 });
    const again = new MoodleModel('v4.3.0', moodleSettings(80));
    again.session([...start, set('cmi.core.score.raw', '90'), set('cmi.core.lesson_status', 'passed'), commit()]);
    const posts = again.posts.length;
    again.session([call('LMSInitialize', ''), set('cmi.core.score.raw', '90'), commit()]);
    expect(again.posts.length, 'nothing changed since the last commit: nothing posted').toBe(posts);
    expect(again.outcome().completion).toBe(false);
  });

  it('LMSFinish: "not attempted" becomes completed; a mastery score overrides the status', () => {
    const m = new MoodleModel('v4.2', moodleSettings(80));
    m.session([call('LMSInitialize', ''), set('cmi.core.score.raw', '60'), set('cmi.core.lesson_status', 'passed'), call('LMSFinish', '')]);
    expect(m.outcome().status).toBe('failed');
    const n = new MoodleModel('v4.2', { ...moodleSettings(null), masteryOverride: false });
    n.session([call('LMSInitialize', ''), call('LMSFinish', '')]);
    expect(n.outcome()).toMatchObject({ status: 'completed', completion: true });
  });

  it('calls the LMS refused are not replayed', () => {
    const m = new MoodleModel('v4.2', moodleSettings(null));
    m.session([call('LMSInitialize', ''), { ...set('cmi.core.lesson_status', 'passed'), result: 'false', error: '101' }, commit()]);
    expect(m.outcome().completion).toBe(false);
  });
});

describe('Chamilo model, rule by rule', () => {
  const start = [call('LMSInitialize', ''), set('cmi.core.lesson_status', 'incomplete'), commit()];

  it('one attempt: nothing is recorded after the first final status; multiple attempts: the score still is', () => {
    const calls = [...start, set('cmi.core.lesson_status', 'passed'), commit(), set('cmi.core.score.raw', '90'), set('cmi.suspend_data', 'x'), commit()];
    const one = new ChamiloModel({ preventReinit: true, masteryScore: 80 });
    one.session(calls);
    expect(one.view).toMatchObject({ status: 'passed', score: 0, suspend: '' });
    const many = new ChamiloModel({ preventReinit: false, masteryScore: 80 });
    many.session(calls);
    expect(many.view).toMatchObject({ status: 'passed', score: 90, suspend: 'x' });
  });

  it('a commit sends only what was set since the last one; a score with no status signal this launch sets passed/failed by the mastery score', () => {
    const m = new ChamiloModel({ preventReinit: true, masteryScore: 80 });
    m.session([call('LMSInitialize', ''), set('cmi.core.lesson_location', 'a'), commit(), set('cmi.core.score.raw', '85'), commit()]);
    expect(m.requests).toEqual([{ loc: 'a' }, { s: '85' }]);
    expect(m.view).toMatchObject({ status: 'passed', score: 85, location: 'a' });
  });

  it('a score of "0" is not read (PHP empty()), "0.0" is', () => {
    const zero = new ChamiloModel({ preventReinit: true, masteryScore: null });
    zero.session([...start, set('cmi.core.score.raw', '5'), commit(), set('cmi.core.score.raw', '0'), commit()]);
    expect(zero.view.score).toBe(5);
    const spelt = new ChamiloModel({ preventReinit: true, masteryScore: null });
    spelt.session([...start, set('cmi.core.score.raw', '5'), commit(), set('cmi.core.score.raw', '0.0'), commit()]);
    expect(spelt.view.score).toBe(0);
  });
});
