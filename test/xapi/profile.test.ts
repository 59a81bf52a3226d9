/**
 * profile/integrity-ranger.jsonld: a well-formed xAPI Profile 1.0 document that
 * describes everything the player uses, and a checker that really catches
 * statements breaking its templates.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EXT, NS, PROFILE_ID, PROFILE_VERSION, STATE_PROGRESS, TYPE } from '../../src/shared/activity-ids.js';
import { eventStatements, sessionStatement, type SessionContext, type Statement } from '../../src/player/transport/xapi-statements.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { ProfileChecker, checkProfile, evaluate, parsePath } from './helpers/profile-checker.js';
import { loadProfile } from './helpers/play.js';
import { ACTOR, REGISTRATION } from './helpers/fake-env.js';

const profile = loadProfile();
const pc = new ProfileChecker(profile);
const course = JSON.parse(readFileSync('test/fixtures/runtime/sample-course.json', 'utf8')) as RuntimeCourse;
const ctx: SessionContext = { course, iri: course.iri!, courseId: course.iri!, actor: ACTOR as SessionContext['actor'], registration: REGISTRATION, grouping: null, platform: null };
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const at = Date.UTC(2026, 0, 15);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function answered(): Statement {
  return eventStatements(ctx, { type: 'question-answered', at, lesson: 'pengantar', question: 'q-amplop', response: [1], correct: true, first: true, latencyMs: 1000 }, id)[0]!;
}

describe('the profile document', () => {
  it('is a well-formed xAPI Profile 1.0', () => {
    expect(checkProfile(profile)).toEqual([]);
    expect(profile.id).toBe(PROFILE_ID);
    expect(profile.versions[0]!.id).toBe(PROFILE_VERSION);
  });

  it('defines every extension, activity type and document the player uses', () => {
    const concepts = new Map((profile.concepts || []).map((c) => [c.id, c.type]));
    expect(concepts.get(EXT.dimension)).toBe('ContextExtension');
    for (const e of [EXT.dimensionResults, EXT.countsForScore, EXT.choiceQuality, EXT.ending]) expect(concepts.get(e)).toBe('ResultExtension');
    expect(concepts.get(TYPE.page)).toBe('ActivityType');
    expect(concepts.get(TYPE.survey)).toBe('ActivityType');
    for (const e of [EXT.test, EXT.surveyPhase]) expect(concepts.get(e)).toBe('ContextExtension');
    for (const e of [EXT.scoringRule, EXT.attitudeShift]) expect(concepts.get(e)).toBe('ResultExtension');
    expect(concepts.get(STATE_PROGRESS)).toBe('StateResource');
    for (const iri of [...Object.values(EXT), TYPE.page, STATE_PROGRESS]) expect(iri.startsWith(NS)).toBe(true);
  });

  it('has one template per statement kind, each statement matching exactly one', () => {
    const names = pc.templates.map((t) => t.id.split('/').pop());
    expect(names).toEqual([
      'course-initialized', 'course-resumed', 'course-suspended', 'course-terminated',
      'page-experienced', 'lesson-completed', 'question-answered', 'scene-choice-answered',
      'scenario-completed', 'scenario-passed', 'scenario-failed',
      'course-completed', 'course-passed', 'course-failed',
      // Issue 12 (statements checked in test/xapi/assess-statements.test.ts).
      'test-question-answered', 'survey-item-answered', 'test-completed', 'test-passed', 'test-failed',
    ]);
    for (const v of ['initialized', 'resumed', 'suspended', 'terminated'] as const) {
      const s = sessionStatement(ctx, v, at, id(), v === 'suspended' || v === 'terminated' ? 1000 : undefined);
      expect(pc.checkStatement(s)).toMatchObject({ template: { id: `${NS}profile/templates/course-${v}` }, errors: [] });
    }
  });
});

describe('the template checker catches', () => {
  it('a missing required extension', () => {
    const s = answered();
    delete s.result!.extensions;
    expect(pc.checkStatement(s).errors.join('\n')).toContain('counts-for-score');
  });

  it('a wrong verb or object type (no template matches)', () => {
    const s = answered();
    s.verb.id = 'http://adlnet.gov/expapi/verbs/attempted';
    expect(pc.checkStatement(s).errors[0]).toMatch(/matches 0 templates/);
    const t = answered();
    t.object.definition!.type = TYPE.module;
    expect(pc.checkStatement(t).errors[0]).toMatch(/matches 0 templates/);
  });

  it('a missing parent or grouping type', () => {
    const s = answered();
    delete s.context.contextActivities.grouping;
    expect(pc.checkStatement(s).errors[0]).toMatch(/matches 0 templates/);
  });

  it('an excluded property, a value outside `all`, a missing `any`', () => {
    const s = answered();
    s.result!.extensions![EXT.choiceQuality] = 'good';
    expect(pc.checkStatement(s).errors.join('\n')).toContain('must be excluded');
    const t = answered();
    t.result!.score!.max = 10;
    expect(pc.checkStatement(t).errors.join('\n')).toContain('$.result.score.max');
    const u = answered();
    u.context.contextActivities.category = [{ objectType: 'Activity', id: 'https://example.org/other-profile' }];
    expect(pc.checkStatement(u).errors.join('\n')).toContain('category');
  });

  it('an extension value its inline schema refuses', () => {
    const s = answered();
    s.context.extensions![EXT.dimension] = 'Gratifikasi!';
    expect(pc.checkStatement(s).errors.join('\n')).toContain('fails its inlineSchema');
  });

  it('statements out of the primary pattern', () => {
    const init = sessionStatement(ctx, 'initialized', at, id());
    const term = sessionStatement(ctx, 'terminated', at + 1, id(), 1);
    const res = sessionStatement(ctx, 'resumed', at + 2, id());
    expect(pc.checkPattern([init, answered(), term]).ok).toBe(true);
    expect(pc.checkPattern([answered(), init, term]).ok).toBe(false);
    expect(pc.checkPattern([init, answered(), term, res]).ok).toBe(false);
    expect(pc.checkPattern([init, term, clone(init), term]).ok).toBe(true);
  });

  it('a broken profile document', () => {
    const p = clone(profile);
    p.templates![0]!.inScheme = 'https://example.org/v9';
    p.patterns![0]!.oneOrMore = 'https://example.org/nowhere';
    (p.concepts![1] as { inlineSchema?: string }).inlineSchema = '{"type": 12}';
    (p as { definition: unknown }).definition = {};
    const errors = checkProfile(p).join('\n');
    expect(errors).toContain('inScheme');
    expect(errors).toContain('unknown https://example.org/nowhere');
    expect(errors).toContain('inlineSchema');
    expect(errors).toContain('empty value');
  });
});

describe('JSONPath subset', () => {
  const doc = { a: { 'b.c': [1, 2, { d: 3 }] }, e: [{ f: 1 }, { f: 2 }] };
  it('evaluates bracketed keys, indexes, wildcards and unions', () => {
    expect(evaluate(doc, "$.a['b.c'][0]")).toEqual([1]);
    expect(evaluate(doc, "$.a['b.c'][*]")).toEqual([1, 2, { d: 3 }]);
    expect(evaluate(doc, '$.e[*].f')).toEqual([1, 2]);
    expect(evaluate(doc, '$.e[0,1].f')).toEqual([1, 2]);
    expect(evaluate(doc, "$['a','e'][0]")).toEqual([{ f: 1 }]);
    expect(evaluate(doc, '$.x.y')).toEqual([]);
  });
  it('refuses filters and recursive descent', () => {
    expect(() => parsePath('$.e[?(@.f>1)]')).toThrow();
    expect(() => parsePath('$..f')).toThrow();
  });
});
