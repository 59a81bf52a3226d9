/**
 * The SCORM 2004 4th Edition transport: talks to the LMS's `API_1484_11`.
 * Like the SCORM 1.2 one it touches no DOM; the API, the clock and the timer
 * are injected, so it runs under unit tests against scorm-again's run-time.
 *
 * It records what the 1.2 transport records (SPEC §4), in the 2004 data
 * model: completion and success as two statuses, a scaled score besides the
 * raw one, interactions with a description, objectives with both statuses.
 *
 * Citations: "RTE" is the SCORM 2004 4th Edition Run-Time Environment,
 * version 1.1 (ADL, 2009): §3.1 the API and its error codes (§3.1.7), §4.1
 * the data types, §4.2.n each data model element.
 */
import type { RuntimeCourse } from '../../shared/runtime-types';
import { choiceLetter, responseText } from '../../shared/record-formats';
import { indexCourse } from '../../shared/progress';
import { questionOf } from './question-of';
import type { CourseStatus } from '../../shared/scoring';
import { scormSession, type Phase } from './scorm-session';
import type { LearningEvent, Snapshot, Transport } from './types';

/** The API instance an LMS exposes as `window.API_1484_11` (RTE §3.1). Values are strings. */
export interface Scorm2004Api {
  Initialize(param: ''): unknown;
  Terminate(param: ''): unknown;
  GetValue(element: string): unknown;
  SetValue(element: string, value: string): unknown;
  Commit(param: ''): unknown;
  GetLastError(): unknown;
  GetErrorString(code: string): unknown;
  GetDiagnostic?(code: string): unknown;
}

// ---- Data model elements (RTE §4.2) ----
/** RTE 4.2.7 cmi.entry: "ab-initio" | "resume" | "", read-only. */
export const ENTRY = 'cmi.entry';
/** RTE 4.2.16 cmi.mode: "browse" | "normal" | "review", read-only. */
export const MODE = 'cmi.mode';
/** RTE 4.2.14 cmi.location: characterstring, SPM 1000, read/write: where to resume. */
export const LOCATION = 'cmi.location';
/** RTE 4.2.4 cmi.completion_status: "completed" | "incomplete" | "not attempted" | "unknown", read/write. */
export const COMPLETION_STATUS = 'cmi.completion_status';
/** RTE 4.2.22 cmi.success_status: "passed" | "failed" | "unknown", read/write; set apart from completion. */
export const SUCCESS_STATUS = 'cmi.success_status';
/** RTE 4.2.20 cmi.score.scaled: real(10,7) in −1…1, read/write. */
export const SCORE_SCALED = 'cmi.score.scaled';
/** RTE 4.2.20 cmi.score.raw: real(10,7), read/write; what Moodle grades from. */
export const SCORE_RAW = 'cmi.score.raw';
/** RTE 4.2.20 cmi.score.min: real(10,7), read/write. */
export const SCORE_MIN = 'cmi.score.min';
/** RTE 4.2.20 cmi.score.max: real(10,7), read/write. */
export const SCORE_MAX = 'cmi.score.max';
/** RTE 4.2.8 cmi.exit: "time-out" | "suspend" | "logout" | "normal" | "", write-only. */
export const EXIT = 'cmi.exit';
/** RTE 4.2.21 cmi.session_time: timeinterval (second,10,2), write-only. */
export const SESSION_TIME = 'cmi.session_time';
/** RTE 4.2.23 cmi.suspend_data: characterstring, SPM 64000, read/write. */
export const SUSPEND_DATA = 'cmi.suspend_data';
/** RTE 4.2.17 cmi.objectives._count: integer, read-only. */
export const OBJECTIVES_COUNT = 'cmi.objectives._count';
/** RTE 4.2.17 cmi.objectives.n: an objective; its elements below. */
export const OBJECTIVES = 'cmi.objectives.';
/** RTE 4.2.17 cmi.objectives.n.id: long_identifier_type, read/write (written once). */
export const OBJ_ID = 'id';
/** RTE 4.2.17 cmi.objectives.n.score.scaled: real(10,7) in −1…1. */
export const OBJ_SCORE_SCALED = 'score.scaled';
/** RTE 4.2.17 cmi.objectives.n.score.raw / min / max: real(10,7). */
export const OBJ_SCORE_RAW = 'score.raw';
export const OBJ_SCORE_MIN = 'score.min';
export const OBJ_SCORE_MAX = 'score.max';
/** RTE 4.2.17 cmi.objectives.n.success_status: as cmi.success_status. */
export const OBJ_SUCCESS_STATUS = 'success_status';
/** RTE 4.2.17 cmi.objectives.n.completion_status: as cmi.completion_status. */
export const OBJ_COMPLETION_STATUS = 'completion_status';
/** RTE 4.2.9 cmi.interactions._count: integer, read-only. */
export const INTERACTIONS_COUNT = 'cmi.interactions._count';
/** RTE 4.2.9 cmi.interactions.n: an interaction, journaled (n is always new); its elements below. */
export const INTERACTIONS = 'cmi.interactions.';
/** RTE 4.2.9 cmi.interactions.n.id: long_identifier_type (SPM 4000), written first. */
export const INT_ID = 'id';
/** RTE 4.2.9 cmi.interactions.n.type: "choice", or a typed question's or survey item's word (issue 12). */
export const INT_TYPE = 'type';
/** RTE 4.2.9 cmi.interactions.n.timestamp: time (second,10,0), ISO 8601 `YYYY-MM-DDThh:mm:ss[.s[TZD]]`. */
export const INT_TIMESTAMP = 'timestamp';
/** RTE 4.2.9 cmi.interactions.n.description: localized_string_type, SPM 250. */
export const INT_DESCRIPTION = 'description';
/** RTE 4.2.9.2 cmi.interactions.n.learner_response: for "choice", a set of short_identifier_type joined by "[,]". */
export const INT_RESPONSE = 'learner_response';
/** RTE 4.2.9.1 cmi.interactions.n.correct_responses.n.pattern: as learner_response; SPM 10 patterns for "choice". */
export const INT_PATTERN = (n: number) => `correct_responses.${n}.pattern`;
/** RTE 4.2.9 cmi.interactions.n.result: "correct" | "incorrect" | "unanticipated" | "neutral" | real. */
export const INT_RESULT = 'result';
/** RTE 4.2.9 cmi.interactions.n.weighting: real(10,7). */
export const INT_WEIGHTING = 'weighting';
/** RTE 4.2.9 cmi.interactions.n.latency: timeinterval (second,10,2). */
export const INT_LATENCY = 'latency';

/** RTE 4.2.9.2 the reserved delimiter between the members of a "choice" response. */
export const CHOICE_DELIMITER = '[,]';
/** RTE 4.2.9.1: the correct_responses SPM for a "choice" interaction. */
const PATTERNS_MAX = 10;
/** RTE 4.2.9 description and 4.2.14 location SPMs; 4.2.23 suspend_data's. */
export const DESCRIPTION_MAX = 250;
export const LOCATION_MAX = 1000;
export const SUSPEND_DATA_MAX = 64000;

/**
 * RTE §3.1.7 error codes that retrying the same write cannot fix: 201 general
 * argument error, 401 undefined element, 402 unimplemented element, 404 read
 * only, 406 type mismatch, 407 value out of range, 408 dependency not
 * established (its `id` was refused). 101 general exception, 132 store before
 * initialize, 351 general set failure, 391 general commit failure and an
 * LMS's own codes are passing, and retried.
 */
const PERMANENT = ['201', '401', '402', '404', '406', '407', '408'];
/** RTE §3.1.7: 103 "already initialized", when the SCO was reloaded within the session. */
const ALREADY_INITIALIZED = '103';

function pad(n: number, width = 2): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/**
 * Milliseconds → RTE §4.1 timeinterval (second,10,2), ISO 8601 `PT#H#M#S`
 * with at most two decimals of seconds; `PT0S` for nothing.
 */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round((ms || 0) / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor(cs / 6000) % 60;
  const s = (cs % 6000) / 100;
  return 'PT' + (h ? h + 'H' : '') + (m ? m + 'M' : '') + (s || !(h || m) ? s + 'S' : '');
}

/** Epoch ms → RTE §4.1 time (second,10,0): `YYYY-MM-DDThh:mm:ss.ssZ`, in UTC, so an LMS never guesses the zone. */
export function isoTime(at: number): string {
  const d = new Date(at);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(Math.floor(d.getUTCMilliseconds() / 10))}Z`
  );
}

/**
 * RTE 4.2.9 description as localized_string_type: the `{lang=…}` delimiter,
 * then at most 250 characters. Text may not itself start with `{` after the
 * delimiter (it would read as another one): such a brace is dropped.
 */
export function localized(text: string, language: string): string {
  return `{lang=${language}}` + text.replace(/^\{+/, '').slice(0, DESCRIPTION_MAX);
}

/** A 0–100 score as score.scaled (RTE 4.2.20: −1…1). */
const scaled = (score: number) => String(score / 100);

/** SPEC §3's one status → the two of SCORM 2004: completion, and success once there is a verdict. */
function statuses(status: CourseStatus): { completion: 'completed' | 'incomplete'; success: 'passed' | 'failed' | null } {
  return {
    completion: status === 'incomplete' ? 'incomplete' : 'completed',
    success: status === 'passed' || status === 'failed' ? status : null,
  };
}

/**
 * Creates the transport. `api` is the LMS's API instance (`findScorm2004Api`),
 * `now` the clock (epoch milliseconds), `later` the retry timer.
 */
export function scorm2004Transport(
  course: RuntimeCourse,
  api: Scorm2004Api,
  now: () => number = Date.now,
  later: (f: () => void, ms: number) => unknown = (f, ms) => setTimeout(f, ms),
): Transport {
  const ix = indexCourse(course);
  const session = scormSession(
    {
      initialize: () => api.Initialize(''),
      terminate: () => api.Terminate(''),
      getValue: (e) => api.GetValue(e),
      setValue: (e, v) => api.SetValue(e, v),
      commit: () => api.Commit(''),
      lastError: () => api.GetLastError(),
      errorString: (c) => api.GetErrorString(c),
    },
    { names: { initialize: 'Initialize', setValue: 'SetValue', commit: 'Commit', terminate: 'Terminate' }, permanent: PERMANENT, alreadyInitialized: ALREADY_INITIALIZED },
    later,
  );
  const { set } = session;
  let interactions = 0;
  const objectives: Record<string, number> = {};
  let objectiveCount = 0;
  let startedAt = 0;

  /**
   * One interaction. A typed question's or survey item's type word, patterns
   * and response come already in RTE 4.2.9's formats (src/render/records.ts,
   * src/shared/record-formats.ts); an empty response (a numeric answer that
   * is no number) is left out, as real(10,7) has no empty value.
   */
  const interaction = (id: string, type: string, description: string, response: string, patterns: string[], result: string, weighting: number, latencyMs: number | null, at: number) => {
    const n = interactions++;
    const put = (element: string, value: string) => set(INTERACTIONS + n + '.' + element, value, { list: 'i', n });
    put(INT_ID, id);
    put(INT_TYPE, type);
    put(INT_TIMESTAMP, isoTime(at));
    put(INT_DESCRIPTION, localized(description, course.language));
    put(INT_WEIGHTING, String(weighting));
    if (response) put(INT_RESPONSE, response);
    patterns.slice(0, PATTERNS_MAX).forEach((p, i) => put(INT_PATTERN(i), p));
    put(INT_RESULT, result);
    if (latencyMs !== null) put(INT_LATENCY, isoDuration(latencyMs));
  };

  /** An objective (RTE 4.2.17), its id written once: a score when there is one (≥ 0), completion, and success once there is a verdict. */
  const objective = (id: string, score: number, status: CourseStatus) => {
    let n = objectives[id];
    const put = (element: string, value: string) => set(OBJECTIVES + n + '.' + element, value, { list: 'o', n });
    if (n === undefined) {
      n = objectives[id] = objectiveCount++;
      put(OBJ_ID, id);
    }
    const s = statuses(status);
    if (score >= 0) {
      put(OBJ_SCORE_SCALED, scaled(score));
      put(OBJ_SCORE_MIN, '0');
      put(OBJ_SCORE_MAX, '100');
      put(OBJ_SCORE_RAW, String(score));
    }
    put(OBJ_COMPLETION_STATUS, s.completion);
    if (s.success) put(OBJ_SUCCESS_STATUS, s.success);
  };

  /**
   * Queues what a snapshot says. The final statuses go in phase 0 and the
   * score in phase 1, a commit of its own after them. Why, from Moodle's
   * scorm_insert_track() (mod/scorm/locallib.php), which stores each element
   * of a commit in turn and recomputes grade and completion after a
   * `cmi.score.raw`, or after a `cmi.completion_status` or
   * `cmi.success_status` of completed/passed: 4.3.0 (MDL-46279, fixed by
   * MDL-79967) tests the value stored before the update, so the update of
   * completion_status from our early `incomplete` to `completed` triggers
   * nothing there, and if the score came first in the same commit the
   * recomputation would see the old status. What the 2004 model changes:
   * success_status is written only once, final (never an early `unknown`),
   * so its first store is an insert and triggers even on 4.3.0; and the
   * score trigger is `cmi.score.raw` alone (Moodle grades 2004 from raw, not
   * scaled), which is why raw is always sent with scaled. Committing the
   * statuses first, then the score, credits completion on every version,
   * whether the statuses' own trigger fires or not. Both are queued before
   * Terminate (finish), so a learner who leaves at that moment loses neither.
   * Not repeated from the 1.2 transport: its score sent before the status
   * too, in another spelling, for Chamilo 1.11's SCORM 1.2 learnpath; that
   * reading was of 1.2 only.
   */
  const stage = ({ state, location, result }: Snapshot) => {
    set(LOCATION, location.slice(0, LOCATION_MAX));
    set(SUSPEND_DATA, state.slice(0, SUSPEND_DATA_MAX));
    for (const d of result.dimensions) objective(d.id, d.score, d.status);
    // Issue 12: which scoring rule applied, as an objective of its own (none: SPEC §3's).
    if (result.rule) objective('rule.' + result.rule, -1, 'completed');
    const s = statuses(result.status);
    if (result.complete) {
      set(COMPLETION_STATUS, s.completion);
      if (s.success) set(SUCCESS_STATUS, s.success);
      // Nothing scored: no score, so no LMS rule can fail the learner on a 0 (SPEC §3).
      if (result.possible > 0) {
        const late: { phase: Phase } = { phase: 1 };
        set(SCORE_SCALED, scaled(result.score), late);
        set(SCORE_MIN, '0', late);
        set(SCORE_MAX, '100', late);
        set(SCORE_RAW, String(result.score), late);
      }
    }
    // RTE 4.2.8: "suspend" keeps the attempt open for a resume; "normal" ends it once complete.
    set(EXIT, result.complete ? 'normal' : 'suspend');
  };

  return {
    name: 'scorm2004',
    start() {
      startedAt = now();
      if (!session.initialize()) {
        session.flush(); // reports the failure and schedules a retry
        return Promise.resolve({ state: null, location: null });
      }
      const get = session.get;
      const state = get(SUSPEND_DATA);
      const location = get(LOCATION);
      const completion = get(COMPLETION_STATUS);
      session.review = get(MODE) === 'review';
      interactions = count(get(INTERACTIONS_COUNT));
      objectiveCount = count(get(OBJECTIVES_COUNT));
      for (let n = 0; n < objectiveCount; n++) {
        const id = get(OBJECTIVES + n + '.' + OBJ_ID);
        if (id) objectives[id] = n;
      }
      // A first entry begins the attempt: incomplete ("not attempted"/"unknown" before). A completed
      // attempt is never set back. success_status is left alone until there is a verdict.
      const first = get(ENTRY) === 'ab-initio' || !state;
      if (completion !== 'completed' && (first || completion !== 'incomplete')) {
        set(COMPLETION_STATUS, 'incomplete');
        session.flush();
      }
      return Promise.resolve({ state: state || null, location: location || null });
    },
    record(event: LearningEvent) {
      if (event.type === 'question-answered') {
        const t = event.test;
        const q = questionOf(ix, event.question, t);
        if (!q) return;
        const r = q.rec;
        const correct: number[] = [];
        q.choices.forEach((c, i) => c.correct && correct.push(i));
        const pattern = correct.map(choiceLetter).join(CHOICE_DELIMITER);
        // A test question is one interaction per attempt, and counts 1 in the test (ASSESS §6).
        interaction(
          t ? t.id + '.' + t.attempt + '.' + q.id : q.id,
          r ? r.type : 'choice',
          q.promptText,
          // Without `text` (an attempt resumed from the saved state), the response is spelt from the answer.
          r ? (event.text !== undefined ? event.text : responseText('scorm2004', q, event.response)) : event.response.map(choiceLetter).join(CHOICE_DELIMITER),
          r ? r.correct : pattern ? [pattern] : [],
          event.correct ? 'correct' : 'incorrect',
          t ? 1 : q.points,
          event.latencyMs,
          event.at,
        );
      } else if (event.type === 'survey-answered') {
        // RTE 4.2.9: likert, the point as its short_identifier_type, no correct response, result neutral.
        const ref = ix.surveys.find((x) => x.survey.id === event.survey);
        const item = ref && ref.survey.items.find((x) => x.id === event.item);
        interaction(event.survey + '.' + event.item, 'likert', item ? item.text : event.item, String(event.value), [], 'neutral', 0, null, event.at);
      } else if (event.type === 'test-submitted') {
        // The test's score and status under its own id; a pre-test's score per dimension is the baseline, `pre.<dimension>`.
        const pre = event.role === 'pre';
        objective(event.test, event.score, pre ? 'completed' : event.passed ? 'passed' : 'failed');
        if (pre) for (const d of event.dimensions) objective('pre.' + d.id, d.score, 'completed');
      } else if (event.type === 'scenario-choice') {
        const ref = ix.scenarios.find((x) => x.scenario.id === event.scenario);
        const scene = ref && ref.scenario.scenes.find((x) => x.id === event.scene);
        // One choice is picked: each good one is a correct response of its own (RTE 4.2.9.1 allows several patterns).
        const good: string[] = [];
        if (scene) scene.choices.forEach((c, i) => c.quality === 'good' && good.push(choiceLetter(i)));
        const result = event.quality === 'good' ? 'correct' : event.quality === 'bad' ? 'incorrect' : 'neutral';
        const description = ref && scene ? `${ref.scenario.title}: ${scene.title}` : event.scene;
        interaction(`${event.scenario}.${event.scene}`, 'choice', description, choiceLetter(event.choiceIndex), good, result, 0, event.latencyMs, event.at);
      }
      // Other events change status, score and objectives, which `save` writes from the snapshot.
    },
    save(snapshot: Snapshot) {
      if (session.finished) return;
      stage(snapshot);
      session.flush();
    },
    finish(snapshot: Snapshot) {
      if (session.finished) return;
      stage(snapshot);
      set(SESSION_TIME, isoDuration(now() - startedAt));
      session.terminate();
    },
    onHealth: session.onHealth,
  };
}

function count(v: string): number {
  const n = parseInt(v, 10);
  return n > 0 ? n : 0;
}
