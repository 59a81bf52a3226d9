/**
 * A cmi5 LMS for the browser tests (AICC cmi5 specification, quartz; §
 * numbers are its sections), in front of the real in-memory LRS
 * (xapi-statements, test/xapi/helpers/lrs.ts), on 127.0.0.1:
 *
 * - it imports the package's cmi5.xml (§13, §14) and makes the AU's
 *   activityId, distinct from the publisher id (§8.1.5);
 * - `launch()` does what an LMS does before launching (§9.3.1, §10): a new
 *   session id, LMS.LaunchData written through the State API, the
 *   `launched` statement sent to the LRS, then the launch URL (§8.1);
 * - its fetch URL (§8.2) gives each session's token once and the error object
 *   after; the State API, the agent profile and the statements accept only
 *   tokens it gave (and reach the LRS with the LMS's own credentials);
 * - `problems()` checks a registration's statements against the cmi5 rules
 *   (test/helpers/cmi5-rules.ts) with what the LMS launched.
 *
 * The State API is the front's (test/xapi/helpers/lrs.ts): xapi-statements
 * has none.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attr, childrenNamed, decodeXml, parseXml } from '../../src/check-package/xml.js';
import { CMI5_NS } from '../../src/targets/cmi5/course-structure.js';
import type { Statement } from '../../src/player/transport/xapi-statements.js';
import { ACTOR, LRS_AUTH, startStateFront, type StateFront, type TestLrs } from '../xapi/helpers/lrs.js';
import { cmi5Problems, CMI5_CATEGORY, MASTERY_EXT, SESSION_EXT, type Cmi5Session } from './cmi5-rules.js';

const EXT = 'https://w3id.org/xapi/cmi5/context/extensions/';

/** The AU as the LMS imported it from cmi5.xml. */
export interface ImportedAu {
  id: string;
  url: string;
  moveOn: string;
  masteryScore?: number;
  title: string;
}

export interface LmsSession extends Cmi5Session {
  registration: string;
  token: string;
  /** The fetch URL's answers, in order. */
  fetches: string[];
}

export interface Cmi5Lms {
  /** The LMS's origin: fetch URLs and the return page. */
  origin: string;
  /** The xAPI endpoint it gives AUs. */
  endpoint: string;
  au: ImportedAu;
  /** The AU's activityId the LMS made (§8.1.5). */
  activityId: string;
  sessions: LmsSession[];
  /** Requests for the learner preferences (§11), by session id. */
  preferenceReads: string[];
  /** Anything an AU did that the LMS forbids, e.g. writing LMS.LaunchData (§10.2.1). */
  violations: string[];
  /** When the return page was opened, and the statements the LRS held then. */
  returns: { registration: string; at: number; held: number }[];
  front: StateFront;
  launch(o: { registration: string; launchMode: Cmi5Session['launchMode']; returnURL?: boolean }): Promise<string>;
  problems(registration: string, statements: Statement[]): string[];
  stop(): Promise<void>;
}

/** cmi5.xml of the unzipped package in `dir`, read as an LMS imports it (§13.1.4). */
export function importAu(dir: string): ImportedAu {
  const root = parseXml(decodeXml(readFileSync(join(dir, 'cmi5.xml'))));
  if (root.ns !== CMI5_NS || root.local !== 'courseStructure') throw new Error('cmi5.xml is not a cmi5 course structure');
  const [au, ...more] = childrenNamed(root, CMI5_NS, 'au');
  if (!au || more.length) throw new Error('the LMS expects exactly one AU');
  const text = (parent: typeof au, name: string) => childrenNamed(parent, CMI5_NS, name)[0]?.text.trim() ?? '';
  const mastery = attr(au, 'masteryScore')?.value;
  return {
    id: attr(au, 'id')!.value,
    url: text(au, 'url'),
    moveOn: attr(au, 'moveOn')?.value ?? 'NotApplicable',
    ...(mastery === undefined ? {} : { masteryScore: Number(mastery) }),
    title: childrenNamed(childrenNamed(au, CMI5_NS, 'title')[0]!, CMI5_NS, 'langstring')[0]!.text,
  };
}

/** Starts the LMS for the package unzipped in `dir` and served at `baseUrl` (ends with `/`). */
export async function startCmi5Lms(lrs: TestLrs, dir: string, baseUrl: string): Promise<Cmi5Lms> {
  const au = importAu(dir);
  const activityId = 'https://lms.bantenprov.go.id/cmi5/au/' + createHash('sha256').update(au.id).digest('hex').slice(0, 16);
  const sessions: LmsSession[] = [];
  const byFetchKey = new Map<string, LmsSession>();
  const preferenceReads: string[] = [];
  const violations: string[] = [];
  const returns: Cmi5Lms['returns'] = [];
  const sessionOf = (authorization: string | undefined) => sessions.find((s) => authorization === 'Basic ' + s.token);

  const front = await startStateFront(lrs, {
    // The LMS's own credentials, or a token it gave.
    authorized: (a) => a === LRS_AUTH || !!sessionOf(a),
    route(req, reply) {
      const path = req.url.pathname;
      if (path.startsWith('/fetch/')) {
        const s = byFetchKey.get(path.slice('/fetch/'.length));
        // §8.2.1: POST only (no caching); §8.2.3: a token once, then error 1; unknown: error 2.
        const answer =
          req.method !== 'POST'
            ? { 'error-code': '3', 'error-text': 'The fetch URL takes POST only.' }
            : !s
              ? { 'error-code': '2', 'error-text': 'Unknown launch.' }
              : s.fetches.length
                ? { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' }
                : { 'auth-token': s.token };
        s?.fetches.push(JSON.stringify(answer));
        reply(200, JSON.stringify(answer));
        return true;
      }
      if (path === '/return') {
        const registration = req.url.searchParams.get('registration') || '';
        void lrs.statements(registration).then((list) => returns.push({ registration, at: Date.now(), held: list.length }));
        reply(200, '<!doctype html><title>LMS</title><link rel="icon" href="data:,"><h1>Kembali di LMS</h1>', 'text/html; charset=utf-8');
        return true;
      }
      const s = sessionOf(req.authorization);
      if (path === '/xAPI/agents/profile' && s) {
        preferenceReads.push(s.id);
        reply(200, JSON.stringify({ languagePreference: 'id-ID,en-US', audioPreference: 'off' }));
        return true;
      }
      if (path === '/xAPI/activities/state' && s && req.method !== 'GET' && req.url.searchParams.get('stateId') === 'LMS.LaunchData') {
        violations.push(`session ${s.id}: ${req.method} LMS.LaunchData`);
        reply(403, '');
        return true;
      }
      return false;
    },
  });

  const xapi = (method: string, path: string, body: unknown) =>
    fetch(front.endpoint + path, { method, headers: { Authorization: LRS_AUTH, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => {
      if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status} ${await r.text()}`);
    });

  const lms: Cmi5Lms = {
    origin: front.origin,
    endpoint: front.endpoint,
    au,
    activityId,
    sessions,
    preferenceReads,
    violations,
    returns,
    front,

    async launch({ registration, launchMode, returnURL }) {
      const id = randomUUID();
      const fetchKey = randomBytes(12).toString('hex');
      const session: LmsSession = {
        id,
        registration,
        launchMode,
        token: Buffer.from(`${id}:${randomBytes(9).toString('hex')}`).toString('base64'),
        fetches: [],
        // §10.2.1: the session id and the publisher id activity (§9.6.2.3).
        contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: au.id } as { id: string }] }, extensions: { [SESSION_EXT]: id } },
        ...(au.masteryScore === undefined ? {} : { masteryScore: au.masteryScore }),
      };
      sessions.push(session);
      byFetchKey.set(fetchKey, session);
      const state = `activities/state?${new URLSearchParams({ activityId, agent: JSON.stringify(ACTOR), stateId: 'LMS.LaunchData', registration })}`;
      await xapi('PUT', state, {
        contextTemplate: session.contextTemplate,
        launchMode,
        launchMethod: 'AnyWindow',
        moveOn: au.moveOn,
        ...(au.masteryScore === undefined ? {} : { masteryScore: au.masteryScore }),
        ...(returnURL ? { returnURL: `${front.origin}/return?registration=${registration}` } : {}),
      });
      const launchUrl = new URL(au.url, baseUrl).href;
      // §9.3.1: launched, before the launch, with §9.6.3's extensions.
      await xapi('POST', 'statements', {
        id: randomUUID(),
        actor: ACTOR,
        verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } },
        object: { objectType: 'Activity', id: activityId, definition: { name: { id: au.title } } },
        context: {
          registration,
          contextActivities: { grouping: session.contextTemplate.contextActivities.grouping, category: [{ objectType: 'Activity', id: CMI5_CATEGORY }] },
          extensions: {
            [SESSION_EXT]: id,
            [EXT + 'launchurl']: launchUrl,
            [EXT + 'launchmode']: launchMode,
            [EXT + 'moveon']: au.moveOn,
            ...(au.masteryScore === undefined ? {} : { [MASTERY_EXT]: au.masteryScore }),
          },
        },
        timestamp: new Date().toISOString(),
      });
      const q = new URLSearchParams({ endpoint: front.endpoint, fetch: `${front.origin}/fetch/${fetchKey}`, actor: JSON.stringify(ACTOR), registration, activityId });
      return `${launchUrl}?${q}`;
    },

    problems(registration, statements) {
      return cmi5Problems(statements, { activityId, registration, sessions: sessions.filter((s) => s.registration === registration) }).concat(violations);
    },

    stop: () => front.stop(),
  };
  return lms;
}
