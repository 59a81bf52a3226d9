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
import type { RuntimeCourse, RuntimeQuestion, RuntimeScenario } from '../../shared/runtime-types';
import type { LearningEvent, Restored, Snapshot, Transport, TransportHealth } from './types';

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
/** RTE §3.4 cmi.interactions.n.type — CMIVocabulary (here "choice"), write-only. */
export const INT_TYPE = 'type';
/** RTE §3.4 cmi.interactions.n.correct_responses.n.pattern — CMIFeedback, write-only. */
export const INT_PATTERN = 'correct_responses.0.pattern';
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
}

const ok = (v: unknown) => v === true || String(v) === 'true';

export class Scorm12Transport implements Transport {
  readonly name = 'scorm12' as const;
  private queue: Write[] = [];
  /** What the LMS has accepted per element, so unchanged values are not sent again. */
  private accepted: Record<string, string> = {};
  private uncommitted = false;
  private initialized = false;
  private finished = false;
  private readOnly = false;
  private interactions = 0;
  private objectives: Record<string, number> = {};
  private objectiveCount = 0;
  private startedAt = 0;
  private health: TransportHealth = { kind: 'ok' };
  private listeners: Array<(h: TransportHealth) => void> = [];
  private readonly questions: Record<string, RuntimeQuestion> = {};
  private readonly scenarios: Record<string, RuntimeScenario> = {};

  constructor(
    course: RuntimeCourse,
    private readonly api: Scorm12Api,
    private readonly now: () => number = Date.now,
  ) {
    for (const unit of course.units) {
      if (unit.kind === 'scenario') this.scenarios[unit.id] = unit;
      else for (const page of unit.pages) for (const b of page.blocks) if (b.kind === 'question') this.questions[b.question.id] = b.question;
    }
  }

  start(): Promise<Restored> {
    this.startedAt = this.now();
    if (!this.initialize()) {
      this.fail('LMSInitialize', 0);
      return Promise.resolve({ state: null, location: null });
    }
    const state = this.get(SUSPEND_DATA);
    const location = this.get(CORE_LESSON_LOCATION);
    const status = this.get(CORE_LESSON_STATUS);
    this.readOnly = this.get(CORE_LESSON_MODE) === 'review';
    this.interactions = count(this.get(INTERACTIONS_COUNT));
    this.objectiveCount = count(this.get(OBJECTIVES_COUNT));
    for (let n = 0; n < this.objectiveCount; n++) {
      const id = this.get(OBJECTIVES + n + '.' + OBJ_ID);
      if (id) this.objectives[id] = n;
    }
    // A first entry (ab-initio, or nothing saved yet) begins the attempt: incomplete. So does a
    // status an LMS left at "not attempted"/blank. A finished attempt is never set back.
    const first = this.get(CORE_ENTRY) === 'ab-initio' || !state;
    if (!this.readOnly && FINAL_STATUSES.indexOf(status) < 0 && (first || status !== 'incomplete')) {
      this.set(CORE_LESSON_STATUS, 'incomplete');
      this.flush();
    }
    return Promise.resolve({ state: state || null, location: location || null });
  }

  record(event: LearningEvent): void {
    if (this.finished || this.readOnly) return;
    if (event.type === 'question-answered') {
      const q = this.questions[event.question];
      if (!q) return;
      const correct: string[] = [];
      q.choices.forEach((c, i) => c.correct && correct.push(letter(i)));
      this.interaction(event.question, event.response.map(letter).join(','), correct.join(','), event.correct ? 'correct' : 'wrong', q.points, event.latencyMs, event.at);
    } else if (event.type === 'scenario-choice') {
      const scene = this.scenarios[event.scenario]?.scenes.find((s) => s.id === event.scene);
      const good: string[] = [];
      if (scene) scene.choices.forEach((c, i) => c.quality === 'good' && good.push(letter(i)));
      const result = event.quality === 'good' ? 'correct' : event.quality === 'bad' ? 'wrong' : 'neutral';
      this.interaction(`${event.scenario}.${event.scene}`, letter(event.choiceIndex), good.join(','), result, 0, event.latencyMs, event.at);
    }
    // Other events change the status, score and objectives, which `save` writes from the snapshot.
  }

  save(snapshot: Snapshot): void {
    if (this.finished) return;
    this.stage(snapshot);
    this.flush();
  }

  finish(snapshot: Snapshot): void {
    if (this.finished) return;
    this.stage(snapshot);
    if (!this.readOnly) this.set(CORE_SESSION_TIME, cmiTimespan(this.now() - this.startedAt));
    this.flush();
    this.finished = true;
    if (this.initialized) {
      try {
        if (!ok(this.api.LMSFinish(''))) this.fail('LMSFinish', this.queue.length);
      } catch (e) {
        this.fail('LMSFinish', this.queue.length, e);
      }
    }
  }

  onHealth(listener: (health: TransportHealth) => void): void {
    this.listeners.push(listener);
    if (this.health.kind !== 'ok') listener(this.health);
  }

  // ---- internals ----

  private initialize(): boolean {
    if (this.initialized) return true;
    try {
      // 101 after a failed-looking call usually means "already initialized" (a reload within the session).
      this.initialized = ok(this.api.LMSInitialize('')) || this.lastError() === '101';
    } catch {
      this.initialized = false;
    }
    return this.initialized;
  }

  private lastError(): string {
    try {
      return String(this.api.LMSGetLastError());
    } catch {
      return '101';
    }
  }

  private describe(code: string): string {
    let text = '';
    try {
      text = String(this.api.LMSGetErrorString(code) ?? '');
    } catch {
      /* some adapters throw for unknown codes */
    }
    return text ? `${code} ${text}` : code;
  }

  private get(element: string): string {
    try {
      const v = this.api.LMSGetValue(element);
      const code = this.lastError();
      return code === '0' || code === '' ? String(v ?? '') : '';
    } catch {
      return '';
    }
  }

  /** Queues a write; an unchanged or superseded value is not sent twice. */
  private set(element: string, value: string, list?: 'i' | 'o', n?: number): void {
    if (this.readOnly) return;
    if (list === undefined) {
      const queued = this.queue.find((w) => w.element === element);
      if (queued) {
        queued.value = value;
        return;
      }
      if (this.accepted[element] === value) return;
    }
    this.queue.push(list === undefined ? { element, value } : { element, value, list, n });
  }

  private interaction(id: string, response: string, pattern: string, result: string, weighting: number, latencyMs: number, at: number): void {
    const n = this.interactions++;
    const el = INTERACTIONS + n + '.';
    this.set(el + INT_ID, id, 'i', n);
    this.set(el + INT_TIME, cmiTime(at), 'i', n);
    this.set(el + INT_TYPE, 'choice', 'i', n);
    this.set(el + INT_RESPONSE, response, 'i', n);
    if (pattern) this.set(el + INT_PATTERN, pattern, 'i', n);
    this.set(el + INT_RESULT, result, 'i', n);
    this.set(el + INT_WEIGHTING, String(weighting), 'i', n);
    this.set(el + INT_LATENCY, cmiTimespan(latencyMs), 'i', n);
  }

  /** Queues what a snapshot says: location, state, objectives, and the score and status once complete. */
  private stage({ state, location, result }: Snapshot): void {
    this.set(CORE_LESSON_LOCATION, location.slice(0, LOCATION_MAX));
    this.set(SUSPEND_DATA, state.slice(0, SUSPEND_DATA_MAX));
    for (const d of result.dimensions) {
      let n = this.objectives[d.id];
      const el = () => OBJECTIVES + n + '.';
      if (n === undefined) {
        n = this.objectives[d.id] = this.objectiveCount++;
        this.set(el() + OBJ_ID, d.id, 'o', n);
      }
      this.set(el() + OBJ_SCORE_MIN, '0', 'o', n);
      this.set(el() + OBJ_SCORE_MAX, '100', 'o', n);
      this.set(el() + OBJ_SCORE_RAW, String(d.score), 'o', n);
      this.set(el() + OBJ_STATUS, d.status, 'o', n);
    }
    if (result.complete) {
      // Nothing scored: no raw score, so an LMS mastery rule cannot fail the learner on a 0.
      if (result.possible > 0) {
        this.set(CORE_SCORE_MIN, '0');
        this.set(CORE_SCORE_MAX, '100');
        this.set(CORE_SCORE_RAW, String(result.score));
      }
      this.set(CORE_LESSON_STATUS, result.status);
      this.set(CORE_EXIT, '');
    } else {
      this.set(CORE_EXIT, 'suspend');
    }
  }

  /** Sends what is queued, in order, then commits. Collection elements wait behind a refused earlier one. */
  private flush(): void {
    if (!this.initialize()) {
      this.fail('LMSInitialize', this.queue.length);
      return;
    }
    let problem: string | null = null;
    const blocked: { i?: number; o?: number } = {};
    const rest: Write[] = [];
    for (const w of this.queue) {
      const wait = w.list ? blocked[w.list] : undefined;
      if (wait !== undefined && w.n! >= wait) {
        rest.push(w);
        continue;
      }
      let code = '0';
      try {
        code = ok(this.api.LMSSetValue(w.element, w.value)) ? '0' : this.lastError() || '101';
        if (code === '0' || code === '') {
          if (!w.list) this.accepted[w.element] = w.value;
          this.uncommitted = true;
          continue;
        }
      } catch {
        code = '101';
      }
      if (PERMANENT.indexOf(code) >= 0) {
        // An identifier a strict LMS refuses (SCORM 1.2's CMIIdentifier has no '.'): retry once in its spelling.
        const strict = w.value.replace(/[^A-Za-z0-9_-]/g, '_');
        if (w.list && /\.id$/.test(w.element) && strict !== w.value) {
          rest.push({ ...w, value: strict });
          blocked[w.list] = Math.min(w.n!, blocked[w.list] ?? Infinity);
          continue;
        }
        warn(`LMSSetValue("${w.element}") refused: ${this.describe(code)}; not retried`);
        continue;
      }
      problem = problem || `LMSSetValue("${w.element}") → ${this.describe(code)}`;
      rest.push(w);
      if (w.list) blocked[w.list] = Math.min(w.n!, blocked[w.list] ?? Infinity);
    }
    this.queue = rest;
    if (this.uncommitted) {
      let committed = false;
      try {
        committed = ok(this.api.LMSCommit(''));
      } catch {
        committed = false;
      }
      if (committed) this.uncommitted = false;
      else problem = problem || `LMSCommit → ${this.describe(this.lastError())}`;
    }
    if (problem) this.fail(problem, this.queue.length + (this.uncommitted ? 1 : 0));
    else if (this.queue.length) this.flush();
    else this.setHealth({ kind: 'ok' });
  }

  private fail(what: string, pending: number, e?: unknown): void {
    this.setHealth({ kind: 'failing', pending, detail: e ? `${what}: ${String(e)}` : what });
  }

  private setHealth(h: TransportHealth): void {
    const same = h.kind === this.health.kind && (h.kind !== 'failing' || (this.health.kind === 'failing' && h.pending === this.health.pending && h.detail === this.health.detail));
    this.health = h;
    if (!same) for (const l of this.listeners) l(h);
  }
}

function count(v: string): number {
  const n = parseInt(v, 10);
  return n > 0 ? n : 0;
}

function warn(message: string): void {
  if (typeof console !== 'undefined') console.warn('[integrity-ranger] ' + message);
}
