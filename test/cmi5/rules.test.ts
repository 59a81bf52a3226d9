/**
 * The tests' cmi5 LMS rules (test/helpers/cmi5-rules.ts) against the AICC's
 * own sample statements (shared/schemas/cmi5/examples: a launched,
 * initialized, passed, completed and terminated of one session, with its
 * LMS.LaunchData): they keep every rule; broken copies break the rule each
 * breaks.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '../../src/player/transport/xapi-statements.js';
import { cmi5Problems, MOVEON_CATEGORY, SESSION_EXT, type Cmi5Launches } from '../helpers/cmi5-rules.js';
import { llWarnings } from '../xapi/helpers/play.js';
import { SHARED } from '../helpers/package.js';

const DIR = join(SHARED, 'schemas/cmi5/examples');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(DIR, `aicc-09-completed_and_passed-${name}.json`), 'utf8')) as T;
const names = ['01-launched_statement', '03-initialized_statement', '04-passed_statement', '05-completed_statement', '07-terminated_statement'];
const samples = (): Statement[] => names.map((n) => read<Statement>(n));
const launchData = read<{ contextTemplate: Cmi5Launches['sessions'][0]['contextTemplate']; launchMode: 'Normal' }>('02-lms_launch_data');
const lms: Cmi5Launches = {
  activityId: samples()[0]!.object.id,
  registration: samples()[0]!.context.registration,
  sessions: [{ id: launchData.contextTemplate.extensions[SESSION_EXT] as string, launchMode: launchData.launchMode, contextTemplate: launchData.contextTemplate }],
};
const byVerb = (list: Statement[], v: string) => list.find((s) => s.verb.id.endsWith('/' + v))!;

describe('the cmi5 rules of the tests’ LMS', () => {
  it('the AICC sample session keeps every rule (and every statement is valid xAPI)', () => {
    expect(cmi5Problems(samples(), lms)).toEqual([]);
    for (const s of samples()) expect(llWarnings(s)).toEqual([]);
  });

  it('each broken copy breaks its rule', () => {
    const broken = (change: (list: Statement[]) => void): string[] => {
      const list = samples();
      change(list);
      return cmi5Problems(list, lms);
    };
    expect(broken((l) => (byVerb(l, 'completed').result!.score = { scaled: 1, raw: 1, min: 0, max: 1 }))).toEqual([expect.stringContaining('a score (§9.5.1)')]);
    expect(broken((l) => delete byVerb(l, 'completed').result!.duration)).toEqual([expect.stringContaining('no duration')]);
    expect(broken((l) => (byVerb(l, 'passed').context.contextActivities.category = byVerb(l, 'passed').context.contextActivities.category.filter((c) => c.id !== MOVEON_CATEGORY)))).toEqual([
      expect.stringContaining('moveOn category missing'),
    ]);
    expect(broken((l) => (byVerb(l, 'initialized').timestamp = '2016-06-09T18:47:56.000Z')).join('\n')).toMatch(/first statement is passed, not initialized[\s\S]*last statement is initialized, not terminated/);
    expect(broken((l) => l.push({ ...byVerb(l, 'passed'), id: 'x', timestamp: '2016-06-09T18:47:50.000Z' })).join('\n')).toMatch(/passed twice[\s\S]*2 passed statements/);
    expect(broken((l) => l.push({ ...byVerb(l, 'passed'), id: 'x', verb: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { en: 'failed' } }, result: { success: false, duration: 'PT1S' }, timestamp: '2016-06-09T18:47:50.000Z' })).join('\n')).toMatch(/both passed and failed[\s\S]*failed after passed/);
    expect(broken((l) => delete byVerb(l, 'terminated').context.extensions![SESSION_EXT])).toEqual([
      expect.stringContaining('no session id'),
      expect.stringContaining('the last statement is completed, not terminated'),
    ]);
    expect(broken((l) => (byVerb(l, 'completed').context.contextActivities.grouping = []))).toEqual([expect.stringContaining("the template's grouping")]);
    expect(broken((l) => (byVerb(l, 'completed').object = { objectType: 'Activity', id: 'https://elsewhere.example/au' }))).toEqual([expect.stringContaining("not the AU's activityId")]);
    const browse: Cmi5Launches = { ...lms, sessions: [{ ...lms.sessions[0]!, launchMode: 'Browse' }] };
    expect(cmi5Problems(samples(), browse)).toEqual([expect.stringContaining('passed in Browse mode'), expect.stringContaining('completed in Browse mode')]);
    const mastery: Cmi5Launches = { ...lms, sessions: [{ ...lms.sessions[0]!, masteryScore: 0.8 }] };
    expect(cmi5Problems(samples(), mastery)).toEqual([expect.stringContaining('no masteryScore extension')]);
  });
});
