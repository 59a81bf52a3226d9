/**
 * The preview's cmi5 LMS (AICC cmi5 specification, quartz; § numbers are its
 * sections), in front of the preview's in-memory LRS (./lrs.ts). It does what
 * an LMS does before it launches an AU:
 *
 * - §9.3.1, §10: a new session id, `LMS.LaunchData` written to the State API
 *   (contextTemplate with the session id and the publisher's AU id, launchMode
 *   Normal, moveOn and masteryScore as cmi5.xml gives them), `launched` sent
 *   to the LRS;
 * - §8.1: the launch URL with endpoint, fetch, actor, registration and
 *   activityId, the activityId made by the LMS (§8.1.5: not the publisher's);
 * - §8.2: the fetch URL answers its first POST with the session's token, and
 *   every later request with error 1 (§8.2.3), an unknown one with error 2.
 *
 * The LRS does not check the token: the preview is for looking at records, the
 * test LMS (test/helpers/cmi5-lms.ts) is where the rules are enforced.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { auCriteria, publisherIds } from '../targets/cmi5/course-structure.js';
import type { MemoryLrs } from './lrs.js';
import type { Cmi5LaunchAnswer } from './protocol.js';

const CMI5 = 'https://w3id.org/xapi/cmi5/context/';
/** §8.1: where the LMS answers the fetch POSTs, under the preview's own routes. */
export const CMI5_FETCH_PATH = '/__ir/cmi5/fetch/';

/** What the LMS knows of the course it launches. */
export interface Cmi5Course {
  id: string;
  title: string;
  iri: string;
  passingScore: number | null;
}

interface Session {
  token: string;
  fetched: boolean;
}

export class PreviewCmi5Lms {
  /** By the fetch URL's key. */
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly lrs: MemoryLrs) {}

  /** Forgets every session (the preview's reset). */
  clear(): void {
    this.sessions.clear();
  }

  /** Everything before the launch, then the launch URL (§8.1); `origin` is the preview's. */
  launch(course: Cmi5Course, registration: string, origin: string): Cmi5LaunchAnswer {
    const session = randomUUID();
    const key = randomBytes(12).toString('hex');
    this.sessions.set(key, { token: Buffer.from(`${session}:${randomBytes(9).toString('hex')}`).toString('base64'), fetched: false });
    const activityId = `${origin}/cmi5/au/${encodeURIComponent(course.id)}`;
    const actor: Cmi5LaunchAnswer['actor'] = { objectType: 'Agent', name: 'Preview Learner', account: { homePage: origin + '/', name: 'preview-learner' } };
    const { moveOn, masteryScore } = auCriteria(course.passingScore);
    const mastery = masteryScore === null ? null : Number(masteryScore);
    // §10.2.1: the session id, and the publisher's AU id as a grouping activity (§9.6.2.3).
    const contextTemplate = {
      contextActivities: { grouping: [{ objectType: 'Activity', id: publisherIds(course.iri).au }] },
      extensions: { [CMI5 + 'extensions/sessionid']: session },
    };
    this.lrs.putState(
      { activityId, agent: actor, registration, stateId: 'LMS.LaunchData' },
      { contextTemplate, launchMode: 'Normal', launchMethod: 'AnyWindow', moveOn, ...(mastery === null ? {} : { masteryScore: mastery }) },
    );
    const endpoint = `${origin}/xAPI/`;
    const url = `${origin}/course/index.html`;
    // §9.3.1: launched, by the LMS, before the AU runs, with §9.6.3's extensions.
    this.lrs.record([
      {
        id: randomUUID(),
        actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
        object: { objectType: 'Activity', id: activityId, definition: { name: { und: course.title } } },
        context: {
          registration,
          contextActivities: { ...contextTemplate.contextActivities, category: [{ objectType: 'Activity', id: CMI5 + 'categories/cmi5' }] },
          extensions: {
            ...contextTemplate.extensions,
            [CMI5 + 'extensions/launchurl']: url,
            [CMI5 + 'extensions/launchmode']: 'Normal',
            [CMI5 + 'extensions/moveon']: moveOn,
            ...(mastery === null ? {} : { [CMI5 + 'extensions/masteryscore']: mastery }),
          },
        },
        timestamp: new Date().toISOString(),
      },
    ]);
    const q = new URLSearchParams({ endpoint, fetch: origin + CMI5_FETCH_PATH + key, actor: JSON.stringify(actor), registration, activityId });
    return { url: `${url}?${q}`, session, activityId, actor, launchMode: 'Normal', moveOn, masteryScore: mastery };
  }

  /** §8.2: the fetch URL's answer to a POST. */
  fetch(key: string): Record<string, string> {
    const s = this.sessions.get(key);
    if (!s) return { 'error-code': '2', 'error-text': 'Unknown launch: the preview was reset or restarted.' };
    if (s.fetched) return { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' };
    s.fetched = true;
    return { 'auth-token': s.token };
  }
}
