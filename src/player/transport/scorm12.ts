/**
 * The SCORM 1.2 transport (SPEC §4): talks to the LMS's `API` object.
 *
 * It touches no DOM: the API object is injected (see `api-finder.ts` and
 * `entry-scorm12.ts`), and so is the clock, so it runs under unit tests
 * against a fake API.
 *
 * Writes go through one queue. A write the LMS refuses for a passing reason
 * stays queued and is retried, in order, on the next save; the player is told
 * (`health: failing`) until everything has been accepted and committed.
 * A write refused for a reason retrying cannot fix (the LMS does not
 * implement the element, or rejects the value's type) is dropped with a
 * console warning, so one unsupported element cannot block the rest.
 *
 * Citations: "RTE" is the SCORM Version 1.2 Run-Time Environment (ADL, 2001):
 * §3.3 the API, §3.4 the data model, where every element below has its own
 * definition under its dotted name, with its data type and read/write rules.
 */
import type { RuntimeCourse } from '../../shared/runtime-types';
import { indexCourse } from '../../shared/progress';
import { questionOf } from './question-of';
import { responseText } from '../../shared/record-formats';
import type { LearningEvent, Snapshot, Transport, TransportHealth } from './types';

/** The SCORM 1.2 API adapter an LMS exposes as `window.API` (RTE §3.3). Values are strings ("true"/"false"). */
export interface Scorm12Api {
  LMSInitialize(param: ''): unknown;
  LMSFinish(param: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(param: ''): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(code: string): unknown;
  LMSGetDiagnostic?(code: string): unknown;
}

// ---- Data model elements (RTE §3.4) ----
/** RTE §3.4 cmi.core.entry — CMIVocabulary "ab-initio" | "resume" | "", read-only. */
export const CORE_ENTRY = 'cmi.core.entry';
/** RTE §3.4 cmi.core.lesson_mode — CMIVocabulary "browse" | "normal" | "review", read-only. */
export const CORE_LESSON_MODE = 'cmi.core.lesson_mode';
/** RTE §3.4 cmi.core.lesson_location — CMIString255, read/write: where to resume. */
export const CORE_LESSON_LOCATION = 'cmi.core.lesson_location';
/** RTE §3.4 cmi.core.lesson_status — CMIVocabulary passed|completed|failed|incomplete|browsed|not attempted, read/write. */
export const CORE_LESSON_STATUS = 'cmi.core.lesson_status';
/** RTE §3.4 cmi.core.score — the children raw, min and max below. */
const CORE_SCORE = 'cmi.core.score.';
/** RTE §3.4 cmi.core.score.raw — CMIDecimal or CMIBlank, read/write. */
export const CORE_SCORE_RAW = 'cmi.core.score.raw';
/** RTE §3.4 cmi.core.score.min — CMIDecimal or CMIBlank, read/write. */
export const CORE_SCORE_MIN = 'cmi.core.score.min';
/** RTE §3.4 cmi.core.score.max — CMIDecimal or CMIBlank, read/write. */
export const CORE_SCORE_MAX = 'cmi.core.score.max';
/** RTE §3.4 cmi.core.exit — CMIVocabulary "time-out" | "suspend" | "logout" | "", write-only. */
export const CORE_EXIT = 'cmi.core.exit';
/** RTE §3.4 cmi.core.session_time — CMITimespan HHHH:MM:SS.SS, write-only. */
export const CORE_SESSION_TIME = 'cmi.core.session_time';
/** RTE §3.4 cmi.suspend_data — CMIString4096, read/write. */
export const SUSPEND_DATA = 'cmi.suspend_data';
/** RTE §3.4 cmi.objectives._count — CMIInteger, read-only. */
export const OBJECTIVES_COUNT = 'cmi.objectives._count';
/** RTE §3.4 cmi.objectives.n — an objective; its elements below. */
export const OBJECTIVES = 'cmi.objectives.';
/** RTE §3.4 cmi.objectives.n.id — CMIIdentifier, read/write. */
export const OBJ_ID = 'id';
/** RTE §3.4 cmi.objectives.n.score.raw — CMIDecimal or CMIBlank, read/write. */
export const OBJ_SCORE_RAW = 'score.raw';
/** RTE §3.4 cmi.objectives.n.score.min — CMIDecimal or CMIBlank, read/write. */
export const OBJ_SCORE_MIN = 'score.min';
/** RTE §3.4 cmi.objectives.n.score.max — CMIDecimal or CMIBlank, read/write. */
export const OBJ_SCORE_MAX = 'score.max';
/** RTE §3.4 cmi.objectives.n.status — CMIVocabulary (as lesson_status), read/write. */
export const OBJ_STATUS = 'status';
/** RTE §3.4 cmi.interactions._count — CMIInteger, read-only. */
export const INTERACTIONS_COUNT = 'cmi.interactions._count';
/** RTE §3.4 cmi.interactions.n — an interaction (journaled: n is always new); its elements below. */
export const INTERACTIONS = 'cmi.interactions.';
/** RTE §3.4 cmi.interactions.n.id — CMIIdentifier, write-only. */
export const INT_ID = 'id';
/** RTE §3.4 cmi.interactions.n.time — CMITime HH:MM:SS, write-only. */
export const INT_TIME = 'time';
/** RTE §3.4 cmi.interactions.n.type — CMIVocabulary true-false|choice|fill-in|matching|performance|sequencing|likert|numeric, write-only. */
export const INT_TYPE = 'type';
/** RTE §3.4 cmi.interactions.n.correct_responses.n.pattern — CMIFeedback, write-only; several are alternatives. */
export const INT_PATTERN = 'correct_responses.0.pattern';
const INT_PATTERNS = 'correct_responses.';
/** RTE §3.4 cmi.interactions.n.weighting — CMIDecimal, write-only. */
export const INT_WEIGHTING = 'weighting';
/** RTE §3.4 cmi.interactions.n.student_response — CMIFeedback, write-only. */
export const INT_RESPONSE = 'student_response';
/** RTE §3.4 cmi.interactions.n.result — CMIVocabulary correct|wrong|unanticipated|neutral (or a CMIDecimal), write-only. */
export const INT_RESULT = 'result';
/** RTE §3.4 cmi.interactions.n.latency — CMITimespan, write-only. */
export const INT_LATENCY = 'latency';

/** RTE §3.4 CMIString255 / CMIString4096 limits. */
export const LOCATION_MAX = 255;
export const SUSPEND_DATA_MAX = 4096;

/**
 * RTE §3.3 error codes that retrying cannot fix: 201 invalid argument,
 * 401 not implemented, 402 invalid set value (keyword), 403 read only,
 * 405 incorrect data type. Anything else (101 general, 301 not initialized,
 * an LMS's own codes) is treated as passing and retried.
 */
const PERMANENT = ['201', '401', '402', '403', '405'];
const FINAL_STATUSES = ['completed', 'passed', 'failed'];

/**
 * FINAL_PROTOCOL: how the final score and status are written, so that every LMS in
 * docs/lms-compatibility.md credits both (each step's source lines are there):
 *   1. score.min, score.max and the score in its first spelling, with everything else
 *      pending, then LMSCommit. Chamilo 1.11 records nothing of an attempt once a final
 *      status is stored (chamilo/chamilo-lms main/lp/learnpathItem.class.php, get_credit()
 *      and write_to_db()), so its score must arrive no later than the status.
 *   2. cmi.core.lesson_status alone, then LMSCommit. Moodle ≤ 4.2 and ≥ 4.3.3 grade and
 *      complete here (mod/scorm/locallib.php scorm_insert_track(), v4.2.0 lines 532-562).
 *   3. cmi.core.score.raw as written by the course, then LMSCommit. Moodle 4.3.0 only
 *      re-evaluates completion on a score.raw it stores (v4.3.0 locallib.php lines 538-568:
 *      the status test reads the value stored before the update) and its API posts only
 *      values that changed since the last commit (datamodels/scorm_12.js CollectData(),
 *      lines 549-606): hence step 1's spelling differs while the number is the same.
 * The same steps run on leaving (finish), before LMSFinish.
 */

/**
 * The same CMIDecimal (RTE §3.4 data types) spelt differently: "85" → "85.0", "78.5" → "78.50".
 * Every LMS reads the same number; Moodle's API sees a changed value (FINAL_PROTOCOL step 3).
 */
export function firstSpelling(raw: string): string {
  return raw + (raw.indexOf('.') < 0 ? '.0' : '0');
}

/** Choice index → the RTE's choice response character: a, b, … z (SCORM 1.2 allows 0-9 and a-z). */
export function letter(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : String(i - 26);
}

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

/** Milliseconds → CMITimespan `HHHH:MM:SS.SS` (RTE §3.4 data types), capped at 9999:59:59.99. */
export function cmiTimespan(ms: number): string {
  let cs = Math.max(0, Math.round((ms || 0) / 10));
  cs = Math.min(cs, 9999 * 360000 + 359999);
  const h = Math.floor(cs / 360000);
  const m = Math.floor(cs / 6000) % 60;
  const s = Math.floor(cs / 100) % 60;
  return `${pad(h, 4)}:${pad(m, 2)}:${pad(s, 2)}.${pad(cs % 100, 2)}`;
}

/** Epoch milliseconds → CMITime `HH:MM:SS` (RTE §3.4 data types), the learner's local clock. */
export function cmiTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}`;
}

interface Write {
  element: string;
  value: string;
  /** For an element of a collection: which one ('i' interactions, 'o' objectives) and its index. */
  list?: 'i' | 'o';
  n?: number;
  /** Sent in an LMSCommit of its own: what is pending is committed first, and this right after it (see FINAL_PROTOCOL). */
  alone?: boolean;
  /** The score's first spelling (see `firstSpelling`): queued apart from the score itself. */
  early?: boolean;
}

const ok = (v: unknown) => v === true || String(v) === 'true';

/** Waits before retrying refused writes on its own: 5 s, doubling, at most a minute. */
const RETRY_FIRST_MS = 5000;
const RETRY_MAX_MS = 60000;

/**
 * Creates the transport. `api` is the LMS's adapter (see `findScorm12Api`),
 * `now` the clock (epoch milliseconds), `later` the timer that schedules a
 * retry while the LMS refuses writes (injected so tests control time).
 */
export function scorm12Transport(
  course: RuntimeCourse,
  api: Scorm12Api,
  now: () => number = Date.now,
  later: (f: () => void, ms: number) => unknown = (f, ms) => setTimeout(f, ms),
): Transport {
  const ix = indexCourse(course);
  let queue: Write[] = [];
  /** What the LMS has accepted per element, so unchanged values are not sent again. */
  const accepted: Record<string, string> = {};
  let uncommitted = false;
  let initialized = false;
  let finished = false;
  /** cmi.core.lesson_mode "review": the LMS shows a finished attempt; nothing is written. */
  let review = false;
  let interactions = 0;
  const objectives: Record<string, number> = {};
  let objectiveCount = 0;
  let startedAt = 0;
  let health: TransportHealth = { kind: 'ok' };
  /** A retry is scheduled; `retryMs` is the wait for the next one. */
  let retrying = false;
  let retryMs = RETRY_FIRST_MS;
  const listeners: Array<(h: TransportHealth) => void> = [];

  const call = (f: () => unknown): unknown => {
    try {
      return f();
    } catch {
      return false;
    }
  };
  /** LMSGetLastError as a string ('' when the adapter gives nothing). */
  const lastError = () => {
    const e = call(() => api.LMSGetLastError());
    return e === false || e == null ? '' : String(e);
  };
  /** The error behind a call that returned "false": never '0'/'' (that would read as success). */
  const failure = () => {
    const e = lastError();
    return e === '0' || e === '' ? '101' : e;
  };
  const describe = (code: string) => {
    const text = call(() => api.LMSGetErrorString(code));
    return text ? `${code} ${String(text)}` : code;
  };
  // 101 right after LMSInitialize usually means "already initialized" (the SCO was reloaded within the session).
  const initialize = () => initialized || (initialized = ok(call(() => api.LMSInitialize(''))) || lastError() === '101');
  const get = (element: string): string => {
    const v = call(() => api.LMSGetValue(element));
    const code = lastError();
    return (code === '0' || code === '') && v != null ? String(v) : '';
  };
  const setHealth = (h: TransportHealth) => {
    const same = h.kind === health.kind && (h.kind !== 'failing' || (health.kind === 'failing' && h.pending === health.pending && h.detail === health.detail));
    health = h;
    if (!same) for (const l of listeners) l(h);
  };
  // A learner who stops clicking while the LMS is down still gets their work saved once it recovers.
  const fail = (detail: string) => {
    setHealth({ kind: 'failing', pending: queue.length + (uncommitted ? 1 : 0), detail });
    if (retrying || finished) return;
    retrying = true;
    later(() => {
      retrying = false;
      if (!finished) flush();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  /** Queues a write. Interactions are a journal: always new. Anything else unchanged or superseded is not sent twice. */
  const set = (element: string, value: string, list?: 'i' | 'o', n?: number, how: { alone?: boolean; early?: boolean } = {}) => {
    if (review) return;
    if (list !== 'i') {
      const queued = queue.find((w) => w.element === element && !w.early === !how.early);
      if (queued) return void (queued.value = value);
      if (accepted[element] === value) return;
    }
    queue.push(list ? { element, value, list, n } : { element, value, ...how });
  };

  /**
   * One interaction. Typed questions and survey items (issue 12) come with
   * their type word, patterns and response already in RTE §3.4's formats
   * (src/render/records.ts, src/shared/record-formats.ts); no latency for a
   * survey item, which has none.
   */
  const interaction = (id: string, type: string, response: string, patterns: string[], result: string, weighting: number, latencyMs: number | null, at: number) => {
    const n = interactions++;
    const el = INTERACTIONS + n + '.';
    const put = (element: string, value: string) => set(el + element, value, 'i', n);
    put(INT_ID, id);
    put(INT_TIME, cmiTime(at));
    put(INT_TYPE, type);
    put(INT_RESPONSE, response);
    patterns.forEach((p, i) => p && put(INT_PATTERNS + i + '.pattern', p));
    put(INT_RESULT, result);
    put(INT_WEIGHTING, String(weighting));
    if (latencyMs !== null) put(INT_LATENCY, cmiTimespan(latencyMs));
  };

  /** An objective (RTE §3.4 cmi.objectives.n), its id written once; a negative score leaves the score out. */
  const objective = (id: string, score: number, status: string) => {
    let n = objectives[id];
    const put = (element: string, value: string) => set(OBJECTIVES + n + '.' + element, value, 'o', n);
    if (n === undefined) {
      n = objectives[id] = objectiveCount++;
      put(OBJ_ID, id);
    }
    if (score >= 0) {
      put(OBJ_SCORE_MIN, '0');
      put(OBJ_SCORE_MAX, '100');
      put(OBJ_SCORE_RAW, String(score));
    }
    put(OBJ_STATUS, status);
  };

  /** Queues what a snapshot says: location, state, objectives, and the score and status once complete. */
  const stage = ({ state, location, result }: Snapshot) => {
    set(CORE_LESSON_LOCATION, location.slice(0, LOCATION_MAX));
    set(SUSPEND_DATA, state.slice(0, SUSPEND_DATA_MAX));
    for (const d of result.dimensions) objective(d.id, d.score, d.status);
    // Issue 12: which scoring rule applied, as an objective of its own (none: SPEC §3's).
    if (result.rule) objective('rule.' + result.rule, -1, 'completed');
    set(CORE_EXIT, result.complete ? '' : 'suspend');
    if (!result.complete) return;
    // Nothing scored: no raw score, so an LMS mastery rule cannot fail the learner on a 0.
    const raw = result.possible > 0 ? String(result.score) : '';
    if (raw) {
      set(CORE_SCORE_MIN, '0');
      set(CORE_SCORE_MAX, '100');
      // FINAL_PROTOCOL step 1, only while the LMS does not yet hold the final status.
      if (accepted[CORE_LESSON_STATUS] !== result.status && accepted[CORE_SCORE_RAW] !== raw) set(CORE_SCORE_RAW, firstSpelling(raw), undefined, undefined, { early: true });
    }
    set(CORE_LESSON_STATUS, result.status, undefined, undefined, { alone: true });
    if (raw) set(CORE_SCORE_RAW, raw, undefined, undefined, { alone: true });
  };

  /**
   * Sends what is queued, in order, then commits. Collection elements wait behind a refused earlier one.
   * A write `alone` gets an LMSCommit of its own; it and everything after it wait while a score write or
   * a commit before it is refused, so the final records reach the LMS in FINAL_PROTOCOL's order or not at all.
   */
  const flush = (): void => {
    if (!initialize()) return fail('LMSInitialize → ' + describe(failure()));
    let problem = '';
    let again = false;
    /** A refused write of the final records: the next `alone` write, and all after it, wait. */
    let held = false;
    let halted = false;
    const commit = (): boolean => {
      if (!uncommitted) return true;
      if (ok(call(() => api.LMSCommit('')))) uncommitted = false;
      else problem = problem || 'LMSCommit → ' + describe(failure());
      return !uncommitted;
    };
    const blocked: { i?: number; o?: number } = {};
    const rest: Write[] = [];
    for (const w of queue) {
      const wait = w.list && blocked[w.list];
      if (!halted && w.alone && (held || !commit())) halted = true;
      if (halted || (wait !== undefined && w.n! >= wait)) {
        rest.push(w);
        continue;
      }
      const code = ok(call(() => api.LMSSetValue(w.element, w.value))) ? '0' : failure();
      if (code === '0') {
        if (w.list !== 'i') accepted[w.element] = w.value;
        uncommitted = true;
        if (w.alone && !commit()) halted = true;
        continue;
      }
      if (PERMANENT.indexOf(code) < 0) {
        problem = problem || `LMSSetValue("${w.element}") → ${describe(code)}`;
        held = held || w.alone || w.element.indexOf(CORE_SCORE) === 0;
        rest.push(w);
      } else if (w.list && /\.id$/.test(w.element) && /[^\w-]/.test(w.value)) {
        // SCORM 1.2's CMIIdentifier has no '.': a strict LMS gets the id once more with '_' instead.
        rest.push({ element: w.element, value: w.value.replace(/[^\w-]/g, '_'), list: w.list, n: w.n });
        again = true;
      } else {
        warn(`LMSSetValue("${w.element}") refused: ${describe(code)}; not retried`);
        continue;
      }
      if (w.list && !(blocked[w.list]! <= w.n!)) blocked[w.list] = w.n;
    }
    queue = rest;
    commit();
    if (problem) fail(problem);
    else if (again) flush();
    else {
      retryMs = RETRY_FIRST_MS;
      setHealth({ kind: 'ok' });
    }
  };

  return {
    name: 'scorm12',
    start() {
      startedAt = now();
      if (!initialize()) {
        fail('LMSInitialize → ' + describe(failure()));
        return Promise.resolve({ state: null, location: null });
      }
      const state = get(SUSPEND_DATA);
      const location = get(CORE_LESSON_LOCATION);
      const status = get(CORE_LESSON_STATUS);
      // What the LMS already holds is not written again (a finished attempt relaunched writes nothing new).
      accepted[CORE_LESSON_STATUS] = status;
      accepted[CORE_SCORE_RAW] = get(CORE_SCORE_RAW);
      review = get(CORE_LESSON_MODE) === 'review';
      interactions = count(get(INTERACTIONS_COUNT));
      objectiveCount = count(get(OBJECTIVES_COUNT));
      for (let n = 0; n < objectiveCount; n++) {
        const id = get(OBJECTIVES + n + '.' + OBJ_ID);
        if (id) objectives[id] = n;
      }
      // A first entry (ab-initio, or nothing saved yet) begins the attempt: incomplete. So does a
      // status an LMS left at "not attempted"/blank. A finished attempt is never set back.
      const first = get(CORE_ENTRY) === 'ab-initio' || !state;
      if (FINAL_STATUSES.indexOf(status) < 0 && (first || status !== 'incomplete')) {
        set(CORE_LESSON_STATUS, 'incomplete');
        flush();
      }
      return Promise.resolve({ state: state || null, location: location || null });
    },
    record(event: LearningEvent) {
      if (finished) return;
      if (event.type === 'question-answered') {
        const t = event.test;
        const q = questionOf(ix, event.question, t);
        if (!q) return;
        const r = q.rec;
        const correct: string[] = [];
        q.choices.forEach((c, i) => c.correct && correct.push(letter(i)));
        // A test question is one interaction per attempt, and counts 1 in the test (ASSESS §6).
        interaction(
          t ? t.id + '.' + t.attempt + '.' + q.id : q.id,
          r ? r.type : 'choice',
          // Without `text` (an attempt resumed from the saved state), the response is spelt from the answer.
          r ? (event.text !== undefined ? event.text : responseText('scorm12', q, event.response)) : event.response.map(letter).join(','),
          r ? r.correct : [correct.join(',')],
          event.correct ? 'correct' : 'wrong',
          t ? 1 : q.points,
          event.latencyMs,
          event.at,
        );
      } else if (event.type === 'survey-answered') {
        // RTE §3.4: likert, the point as a single digit, no correct response, result neutral.
        interaction(event.survey + '.' + event.item, 'likert', String(event.value), [], 'neutral', 0, null, event.at);
      } else if (event.type === 'test-submitted') {
        // The test's score and status under its own id; a pre-test's score per dimension is the baseline, `pre.<dimension>`.
        const pre = event.role === 'pre';
        objective(event.test, event.score, pre ? 'completed' : event.passed ? 'passed' : 'failed');
        if (pre) for (const d of event.dimensions) objective('pre.' + d.id, d.score, 'completed');
      } else if (event.type === 'scenario-choice') {
        const ref = ix.scenarios.find((x) => x.scenario.id === event.scenario);
        const scene = ref && ref.scenario.scenes.find((x) => x.id === event.scene);
        const good: string[] = [];
        if (scene) scene.choices.forEach((c, i) => c.quality === 'good' && good.push(letter(i)));
        const result = event.quality === 'good' ? 'correct' : event.quality === 'bad' ? 'wrong' : 'neutral';
        interaction(`${event.scenario}.${event.scene}`, 'choice', letter(event.choiceIndex), [good.join(',')], result, 0, event.latencyMs, event.at);
      }
      // Other events change status, score and objectives, which `save` writes from the snapshot.
    },
    save(snapshot: Snapshot) {
      if (finished) return;
      stage(snapshot);
      flush();
    },
    finish(snapshot: Snapshot) {
      if (finished) return;
      stage(snapshot);
      set(CORE_SESSION_TIME, cmiTimespan(now() - startedAt));
      flush();
      finished = true;
      if (initialized && !ok(call(() => api.LMSFinish('')))) fail('LMSFinish → ' + describe(failure()));
    },
    onHealth(listener) {
      listeners.push(listener);
      if (health.kind !== 'ok') listener(health);
    },
  };
}

function count(v: string): number {
  const n = parseInt(v, 10);
  return n > 0 ? n : 0;
}

function warn(message: string): void {
  if (typeof console !== 'undefined') console.warn('[integrity-ranger] ' + message);
}
