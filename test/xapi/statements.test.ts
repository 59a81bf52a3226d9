/**
 * Every statement the xAPI player produces, from a real engine playing whole
 * courses (the runtime sample, the default course, an English course), checked
 * with @learninglocker/xapi-validation and against the project's xAPI Profile
 * templates and primary pattern; plus the exact shape of each statement kind.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeXapiTransport } from '../../src/player/transport/xapi.js';
import type { Statement } from '../../src/player/transport/xapi-statements.js';
import { eventStatements, isoDuration, score, sessionStatement, type SessionContext } from '../../src/player/transport/xapi-statements.js';
import { EXT, PROFILE_VERSION, TYPE, questionsOf } from '../../src/shared/activity-ids.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { compile } from '../../src/compile.js';
import { compileFolder } from '../helpers/compile.js';
import { V110 } from '../helpers/package.js';
import { ACTOR, FakeEnv, FakeLrs, REGISTRATION, launchQuery } from './helpers/fake-env.js';
import { checker, llWarnings, play, startEngine, type PlayOptions } from './helpers/play.js';
import { label } from './helpers/xapi-model.js';

const sample = JSON.parse(readFileSync('test/fixtures/runtime/sample-course.json', 'utf8')) as RuntimeCourse;
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function runtimeOf(dir: string): Promise<RuntimeCourse> {
  const r = await compileFolder(dir, ['xapi']);
  if (!r.runtime) throw new Error(`${dir} does not compile: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return { ...r.runtime, target: 'xapi' };
}

/** Launch, play to the end (or `opts.stops`), leave; what the LRS holds. */
async function fullPlay(course: RuntimeCourse, opts: PlayOptions = {}): Promise<Statement[]> {
  const lrs = new FakeLrs();
  const env = new FakeEnv(lrs, launchQuery(lrs, { activity_id: course.iri! }));
  const transport = makeXapiTransport(course, env);
  const engine = await startEngine(course, transport, env);
  await play(engine, env, opts);
  engine.finish();
  await env.advance(1000);
  expect(env.storage.getItem(`ir-xapi:${course.id}:${REGISTRATION}:q`)).toBeNull();
  return lrs.statements;
}

/** Everything every statement must satisfy. */
function checkAll(course: RuntimeCourse, list: Statement[]): void {
  const pc = checker();
  const tagged = new Map<string, string | null>();
  for (const { question } of questionsOf(course)) tagged.set(`question/${question.id}`, question.dimension);
  for (const u of course.units) if (u.kind === 'scenario') tagged.set(`scenario/${u.id}`, u.dimension);
  let last = '';
  const ids = new Set<string>();
  for (const s of list) {
    const where = `${label(s)} ${s.id}`;
    expect(llWarnings(s), where).toEqual([]);
    const r = pc.checkStatement(s);
    expect(r.errors, where).toEqual([]);
    expect(s.id, where).toMatch(UUID4);
    expect(ids.has(s.id), where).toBe(false);
    ids.add(s.id);
    expect(s.timestamp > last, `${where} timestamp ${s.timestamp} after ${last}`).toBe(true);
    last = s.timestamp;
    expect(s.context.registration).toBe(REGISTRATION);
    expect(s.context.language).toBe(course.language);
    expect(s.context.contextActivities.category).toEqual([
      { objectType: 'Activity', id: PROFILE_VERSION, definition: { type: TYPE.profile } },
    ]);
    expect(s.actor).toEqual(ACTOR);
    // The dimension is there exactly when the question or scenario is tagged.
    const m = /\/(question|scenario)\/([^/]+)/.exec(s.object.id) || /\/(scenario)\/([^/]+)/.exec(s.context.contextActivities.parent?.[0]?.id ?? '');
    const dim = m ? tagged.get(`${m[1]}/${decodeURIComponent(m[2]!)}`) ?? null : null;
    expect(s.context.extensions?.[EXT.dimension] ?? null, where).toBe(dim);
    if (s.result?.score) {
      expect(s.result.score.scaled, where).toBe(s.result.score.raw / 100);
      expect([s.result.score.min, s.result.score.max], where).toEqual([0, 100]);
    }
  }
  const pattern = pc.checkPattern(list);
  expect(pattern.ok, pattern.trace).toBe(true);
}

describe('statements of a full play', () => {
  it('the runtime sample course: every statement valid, in the expected order', async () => {
    const list = await fullPlay(sample, { wrongFirst: ['q-amplop'] });
    checkAll(sample, list);
    expect(list.map(label)).toEqual([
      'initialized course',
      'experienced lesson/pengantar/page/p1',
      'experienced lesson/pengantar/page/tujuh-kelompok',
      'answered question/q-tujuh',
      'experienced lesson/pengantar/page/gratifikasi',
      'completed lesson/pengantar',
      'answered question/q-amplop',
      'answered question/q-amplop',
      'experienced lesson/menolak-dan-melapor/page/p1',
      'answered question/q-tanda',
      'experienced lesson/menolak-dan-melapor/page/melapor',
      'completed lesson/menolak-dan-melapor',
      'answered question/q-batas',
      'answered scenario/amplop-loket/scene/mulai',
      'completed scenario/amplop-loket',
      'passed scenario/amplop-loket',
      'completed course',
      'passed course',
      'terminated course',
    ]);
    const amplop = list.filter((s) => s.object.id.endsWith('/q-amplop'));
    expect(amplop.map((s) => [s.result!.success, s.result!.extensions![EXT.countsForScore]])).toEqual([
      [false, true],
      [true, false],
    ]);
    const done = list.find((s) => label(s) === 'passed course')!;
    expect(done.result!.score!.raw).toBeLessThan(100);
    expect(done.result!.extensions![EXT.dimensionResults]).toEqual(
      Object.fromEntries(sample.dimensions.map((d) => [d.id, expect.objectContaining({ status: expect.any(String) })])),
    );
  });

  it('an incomplete session ends suspended, then terminated', async () => {
    const list = await fullPlay(sample, { stops: 3 });
    checkAll(sample, list);
    expect(list.slice(-2).map(label)).toEqual(['suspended course', 'terminated course']);
    expect(list.some((s) => label(s) === 'completed course')).toBe(false);
  });

  it('a failed scenario and a failed course', async () => {
    const list = await fullPlay(sample, { wrongFirst: ['q-tujuh', 'q-amplop', 'q-tanda', 'q-batas'], badIn: ['amplop-loket'] });
    checkAll(sample, list);
    const labels = list.map(label);
    expect(labels).toContain('failed scenario/amplop-loket');
    expect(labels.slice(-3)).toEqual(['completed course', 'failed course', 'terminated course']);
    const failed = list.find((s) => label(s) === 'failed course')!;
    expect(failed.result).toMatchObject({ success: false, score: { raw: 0, scaled: 0, min: 0, max: 100 } });
  });

  // Course 1.2's tests and surveys are played in the browser, every statement validated (test/e2e/course-1.2.e2e.test.ts).
  it('the default course as released in 1.1 plays through with valid statements', async () => {
    const course = await runtimeOf(V110);
    const list = await fullPlay(course);
    checkAll(course, list);
    const pages = course.units.reduce((n, u) => n + (u.kind === 'lesson' ? u.pages.length : 0), 0);
    const lessons = course.units.filter((u) => u.kind === 'lesson').length;
    const questions = questionsOf(course).length;
    const scenarios = course.units.filter((u) => u.kind === 'scenario').length;
    const choices = list.filter((s) => s.object.id.includes('/scene/')).length;
    const courseEnd = course.passingScore === null ? 1 : 2;
    // initialized + pages + lessons + answers + scene choices + 2 per scenario + course end + terminated
    expect(list.length).toBe(1 + pages + lessons + questions + choices + 2 * scenarios + courseEnd + 1);
    console.info(
      `default course full play: ${list.length} statements (${pages} pages, ${lessons} lessons, ${questions} questions, ` +
        `${choices} scene choices, ${scenarios} scenarios)`,
    );
  });

  it('the English fixture course (no passing score): completed, never passed/failed', async () => {
    const course = await runtimeOf('test/fixtures/english/content');
    const list = await fullPlay(course);
    checkAll(course, list);
    const labels = list.map(label);
    expect(labels.slice(-2)).toEqual(['completed course', 'terminated course']);
    expect(labels.filter((l) => /^(passed|failed) course/.test(l))).toEqual([]);
  });
});

describe('statement shapes', () => {
  const ctx: SessionContext = {
    course: sample,
    iri: sample.iri!,
    courseId: sample.iri!,
    actor: ACTOR as SessionContext['actor'],
    registration: REGISTRATION,
    grouping: null,
    platform: null,
  };
  let n = 0;
  const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const at = Date.UTC(2026, 0, 15, 2, 0, 0);

  it('answered question: cmi.interaction choice with pattern, response, success, score, dimension', () => {
    const [s] = eventStatements(ctx, { type: 'question-answered', at, lesson: 'pengantar', question: 'q-amplop', response: [1], correct: true, first: true, latencyMs: 12345 }, id);
    const q = questionsOf(sample).find((x) => x.question.id === 'q-amplop')!.question;
    expect(s!.object.definition).toMatchObject({
      type: TYPE.interaction,
      interactionType: 'choice',
      correctResponsesPattern: ['b'],
      choices: q.choices.map((c, i) => ({ id: 'abc'[i], description: { 'id-ID': c.text } })),
    });
    expect(s!.result).toEqual({
      response: 'b',
      success: true,
      score: { scaled: 1, raw: 100, min: 0, max: 100 },
      duration: 'PT12.35S',
      extensions: { [EXT.countsForScore]: true },
    });
    expect(s!.context.contextActivities.parent).toEqual([{ objectType: 'Activity', id: sample.iri + '/lesson/pengantar', definition: { type: TYPE.module } }]);
    expect(s!.context.contextActivities.grouping).toEqual([{ objectType: 'Activity', id: sample.iri, definition: { type: TYPE.course } }]);
    expect(s!.context.extensions).toEqual({ [EXT.dimension]: 'gratifikasi' });
  });

  it('a multiple-choice response joins choice ids with [,]', () => {
    const multi: RuntimeCourse = JSON.parse(JSON.stringify(sample));
    const q = questionsOf(multi)[0]!.question;
    q.multiple = true;
    q.choices.forEach((c, i) => (c.correct = i !== 1));
    const [s] = eventStatements({ ...ctx, course: multi }, { type: 'question-answered', at, lesson: 'pengantar', question: q.id, response: [0, 2], correct: true, first: true, latencyMs: 1 }, id);
    expect(s!.result!.response).toBe('a[,]c');
    expect(s!.object.definition!.correctResponsesPattern).toEqual(
      [q.choices.map((_, i) => 'abcdefgh'[i]).filter((_, i) => i !== 1).join('[,]')],
    );
    expect(llWarnings(s)).toEqual([]);
  });

  it('scene choices: success from the author’s marking, none for neutral, never counted', () => {
    const scen = sample.units.find((u) => u.kind === 'scenario')!;
    if (scen.kind !== 'scenario') throw new Error();
    const scene = scen.scenes.find((x) => x.choices.length)!;
    for (const [i, c] of scene.choices.entries()) {
      const [s] = eventStatements(ctx, { type: 'scenario-choice', at, scenario: scen.id, scene: scene.id, choiceIndex: i, quality: c.quality, latencyMs: 2000 }, id);
      expect(s!.object.id).toBe(`${sample.iri}/scenario/${scen.id}/scene/${scene.id}`);
      expect(s!.result!.response).toBe('abcdef'[i]);
      expect(s!.result!.extensions).toEqual({ [EXT.choiceQuality]: c.quality, [EXT.countsForScore]: false });
      if (c.quality === 'neutral') expect(s!.result).not.toHaveProperty('success');
      else expect(s!.result).toMatchObject({ success: c.quality === 'good', score: { raw: c.quality === 'good' ? 100 : 0 } });
      expect(s!.context.contextActivities.parent![0]).toMatchObject({ definition: { type: TYPE.simulation } });
      expect(llWarnings(s)).toEqual([]);
      expect(checker().checkStatement(s).errors).toEqual([]);
    }
  });

  it('scenario ended: completed then passed/failed with score, duration, ending', () => {
    const list = eventStatements(ctx, { type: 'scenario-ended', at, scenario: 'amplop-loket', scene: 'menolak', outcome: 'pass', score: 100, first: true, durationMs: 61000 }, id);
    expect(list.map((s) => s.verb.id)).toEqual(['http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/passed']);
    expect(list[0]!.result).toEqual({ completion: true, score: score(100), duration: 'PT1M1S', extensions: { [EXT.ending]: 'menolak', [EXT.countsForScore]: true } });
    expect(list[1]!.result).toMatchObject({ success: true, score: score(100) });
  });

  it('session statements carry the launch grouping and platform', () => {
    const s = sessionStatement({ ...ctx, grouping: 'https://lms.example.org/course/42', platform: 'Moodle 4.3' }, 'terminated', at, id(), 3723004);
    expect(s.result).toEqual({ duration: 'PT1H2M3S' });
    expect(s.context.platform).toBe('Moodle 4.3');
    expect(s.context.contextActivities.grouping).toEqual([{ objectType: 'Activity', id: 'https://lms.example.org/course/42' }]);
    expect(s.context.contextActivities).not.toHaveProperty('parent');
    expect(llWarnings(s)).toEqual([]);
  });

  it('durations and scores', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(999)).toBe('PT1S');
    expect(isoDuration(1234)).toBe('PT1.23S');
    expect(isoDuration(3600000)).toBe('PT1H0S');
    expect(isoDuration(-5)).toBe('PT0S');
    expect(score(67)).toEqual({ scaled: 0.67, raw: 67, min: 0, max: 100 });
    expect(score(140)).toEqual({ scaled: 1, raw: 100, min: 0, max: 100 });
  });
});
