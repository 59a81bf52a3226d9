/**
 * The xAPI Video Profile's rules (https://w3id.org/xapi/video, version 1.0.3,
 * as published in adlnet/xapi-authored-profiles video/v1.0.3/video.jsonld),
 * transcribed for the templates the player uses: each template's verb and
 * object type, its `included` rules (recommended ones cannot fail), the
 * inline schemas of the extensions, and the general pattern
 * initialized · (played | paused | seeked | completed)* · terminated.
 * Checked with the project's own Profiles checker (profile-checker.ts).
 */
import { ProfileChecker, type Profile, type Template } from './profile-checker.js';

const V = 'https://w3id.org/xapi/video';
const VERSION = V + '/v1.0.3';
const X = V + '/extensions/';
const VIDEO = V + '/activity-type/video';
const ADL = 'http://adlnet.gov/expapi/verbs/';
const ctx = (e: string) => `$.context.extensions['${X}${e}']`;
const res = (e: string) => `$.result.extensions['${X}${e}']`;

function template(name: string, verb: string, objectType: string | null, included: string[]): Template {
  const t: Template = {
    id: `${V}/templates#${name}`,
    type: 'StatementTemplate',
    inScheme: VERSION,
    prefLabel: { en: name },
    definition: { en: name },
    verb,
    rules: ['$.id', '$.timestamp', ...included].map((location) => ({ location, presence: 'included' as const })),
  };
  if (objectType) t.objectActivityType = objectType;
  return t;
}

const EXTENSIONS: [string, 'ContextExtension' | 'ResultExtension', object][] = [
  ['completion-threshold', 'ContextExtension', { type: 'number' }],
  ['cc-subtitle-enabled', 'ContextExtension', { type: 'boolean' }],
  ['cc-subtitle-lang', 'ContextExtension', { type: 'string' }],
  ['length', 'ContextExtension', { type: 'number' }],
  ['session-id', 'ContextExtension', { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[8-9a-bA-B][0-9a-fA-F]{3}-[0-9a-fA-F]{12}' }],
  ['user-agent', 'ContextExtension', { type: 'string' }],
  ['played-segments', 'ResultExtension', { type: 'string' }],
  ['progress', 'ResultExtension', { type: 'number' }],
  ['time', 'ResultExtension', { type: 'number' }],
  ['time-from', 'ResultExtension', { type: 'number' }],
  ['time-to', 'ResultExtension', { type: 'number' }],
];

export const VIDEO_PROFILE: Profile = {
  '@context': 'https://w3id.org/xapi/profiles/context',
  id: V,
  type: 'Profile',
  conformsTo: 'https://w3id.org/xapi/profiles#1.0',
  prefLabel: { en: 'Video Profile' },
  definition: { en: 'The video profile of xAPI (transcribed rules).' },
  versions: [{ id: VERSION, generatedAtTime: '2020-11-05T18:40:02.945Z' }],
  author: { type: 'Organization', name: 'Video' },
  concepts: EXTENSIONS.map(([name, type, schema]) => ({ id: X + name, type, inScheme: VERSION, prefLabel: { en: name }, definition: { en: name }, inlineSchema: JSON.stringify(schema) })),
  templates: [
    template('initialized', ADL + 'initialized', null, [ctx('length')]),
    template('played', V + '/verbs/played', VIDEO, [res('time')]),
    template('paused', V + '/verbs/paused', VIDEO, [ctx('length'), res('time'), res('progress'), res('played-segments')]),
    template('seeked', V + '/verbs/seeked', VIDEO, [res('time-to'), res('time-from')]),
    template('completed', ADL + 'completed', VIDEO, ['$.result.duration', '$.result.completion', ctx('length'), res('time'), res('progress'), res('played-segments')]),
    template('terminated', ADL + 'terminated', VIDEO, [ctx('length'), res('time'), res('progress'), res('played-segments')]),
  ],
  patterns: [
    { id: `${V}/patterns#generalpattern`, type: 'Pattern', primary: true, inScheme: VERSION, prefLabel: { en: 'general pattern' }, definition: { en: 'initialized, any middle statements, terminated' }, sequence: [`${V}/templates#initialized`, `${V}/patterns#optionalmiddlestatements`, `${V}/templates#terminated`] },
    { id: `${V}/patterns#all-activities-pattern`, type: 'Pattern', inScheme: VERSION, alternates: ['played', 'paused', 'seeked', 'completed'].map((n) => `${V}/templates#${n}`) },
    { id: `${V}/patterns#optionalmiddlestatements`, type: 'Pattern', inScheme: VERSION, zeroOrMore: `${V}/patterns#all-activities-pattern` },
  ],
};

export const videoChecker = (): ProfileChecker => new ProfileChecker(VIDEO_PROFILE);

/** Whether a statement is one of the Video Profile's (its category names the profile). */
export function isVideoStatement(s: { context?: { contextActivities?: { category?: { id: string }[] } } }): boolean {
  return !!s.context?.contextActivities?.category?.some((c) => c.id === V);
}

export const VIDEO_SESSION = X + 'session-id';
