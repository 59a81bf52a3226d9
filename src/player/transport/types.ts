/**
 * The one small interface through which the player talks to whatever records
 * learning: a SCORM 1.2 or SCORM 2004 LMS, an xAPI LRS, or nothing
 * (standalone). The engine never touches `window.API`, `window.API_1484_11`
 * or `fetch` itself.
 */
import type { ChoiceQuality, RuntimeEnding } from '../../shared/runtime-types';
import type { CourseResult } from '../../shared/scoring';

export interface LearningContext {
  /** Milliseconds since the epoch, from the player's clock. */
  at: number;
}

export type LearningEvent =
  | (LearningContext & { type: 'page-viewed'; lesson: string; page: string; pageIndex: number; first: boolean })
  | (LearningContext & { type: 'lesson-completed'; lesson: string; durationMs: number })
  | (LearningContext & {
      type: 'question-answered';
      lesson: string;
      question: string;
      /** Indexes of the chosen choices, ascending. */
      response: number[];
      correct: boolean;
      /** true for the answer that counts for the score. */
      first: boolean;
      /** From the question being shown (or last retried) to the submit. */
      latencyMs: number;
      /** Issue 12: a typed question's response, already in the target's format (its `rec`). */
      text?: string;
      /** A question drawn in a test: which test and attempt (1-based). `first` is then true. */
      test?: { id: string; role: 'pre' | 'final'; attempt: number };
    })
  | (LearningContext & {
      type: 'survey-answered';
      lesson: string;
      survey: string;
      item: string;
      dimension: string;
      /** 1..scale */
      value: number;
      phase: 'pre' | 'post' | null;
    })
  | (LearningContext & {
      type: 'test-submitted';
      test: string;
      role: 'pre' | 'final';
      /** 1-based. */
      attempt: number;
      /** 0–100 */
      score: number;
      /** null for a pre-test (ungraded). */
      passed: boolean | null;
      /** Per dimension of the drawn questions, 0–100. */
      dimensions: Array<{ id: string; score: number }>;
      durationMs: number;
    })
  | (LearningContext & {
      type: 'scenario-choice';
      scenario: string;
      scene: string;
      choiceIndex: number;
      quality: ChoiceQuality;
      latencyMs: number;
    })
  | (LearningContext & {
      type: 'scenario-ended';
      scenario: string;
      scene: string;
      outcome: RuntimeEnding['outcome'];
      /** 0–100 */
      score: number;
      first: boolean;
      durationMs: number;
    })
  | (LearningContext & { type: 'course-completed'; result: CourseResult; durationMs: number });

// The result of SPEC §3's scoring, computed by shared code the compiler runs too.
export type { CourseResult, CourseStatus, DimensionResult } from '../../shared/scoring';

/** What the engine hands the transport to keep; the transport decides how. */
export interface Snapshot {
  /** Encoded progress (see shared/state-codec); within the target's limit (4096 characters for SCORM 1.2), proven at build time. */
  state: string;
  /** Where the learner is, e.g. `l:<lesson>/<page>` or `s:<scenario>/<scene>`. */
  location: string;
  result: CourseResult;
}

export interface Restored {
  state: string | null;
  location: string | null;
}

export type TransportHealth =
  /** Everything said has been accepted. */
  | { kind: 'ok' }
  /** Nothing is being recorded: no LMS/LRS was found. */
  | { kind: 'standalone' }
  /** The LMS/LRS is refusing or unreachable; `pending` things wait to be retried. */
  | { kind: 'failing'; pending: number; detail: string };

export interface Transport {
  readonly name: 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi' | 'standalone';
  /** Connects once. Resolves with what was saved before, if anything. */
  start(): Promise<Restored>;
  /** Called for every learning event, in order. */
  record(event: LearningEvent): void;
  /** Called after every meaningful change; the transport persists and commits. */
  save(snapshot: Snapshot): void;
  /** The learner is leaving (pagehide / unload / explicit exit). Called at most once. */
  finish(snapshot: Snapshot): void;
  /** Health changes, so the player can tell the learner; a new listener hears at once of any trouble (standalone too). */
  onHealth(listener: (health: TransportHealth) => void): void;
  /**
   * Set once start() has resolved when the LMS wants the learner sent back to
   * it on leaving (cmi5 `returnURL`): the player then offers an exit button,
   * which finishes the engine and calls this to go.
   */
  exit?: () => void;
}
