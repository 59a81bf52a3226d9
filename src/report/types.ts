/**
 * The report's data model. Every source (a Moodle export, a statements file,
 * an LRS) is turned into the same stream of `RecordEvent`s, one learning act
 * each; the aggregator (aggregate.ts) folds them into attempt states and, at
 * the end, into a `ReportData`, which the renderers print as JSON, CSV and
 * HTML. Pure data: no disk, no clock.
 */
import type { Diagnostic } from '../core/diagnostics.js';

/** Who and which attempt: the keys every event carries. */
export interface Who {
  /** A stable key for the learner (Moodle: the e-mail or name; xAPI: the actor's identifier). */
  learner: string;
  /** A key for the attempt, unique within the learner (Moodle: the attempt number; xAPI: the registration). */
  attempt: string;
  /** Orders a learner's attempts (Moodle: the attempt number; xAPI: the first timestamp seen). */
  order: string;
  /** The `--group-by` field's value, when the record carries it. */
  group?: string | null;
  /**
   * The source records the course's completion itself (xAPI: a completed statement for the
   * course, sent once every page is viewed too); without it (Moodle's interactions report,
   * which has no page views) an attempt with every item done is taken as complete.
   */
  tellsCompletion?: true;
}

/** Where a record came from, for diagnostics: the source and the line (0 when unknown). */
export interface RecordAt {
  source: string;
  line: number;
}

export type RecordEvent = Who &
  (
    | { kind: 'seen' }
    /** A question answered; `mask` has bit i set when choice i was picked. `first`: the record says it counts (xAPI); undefined: the first one seen counts. */
    | { kind: 'answer'; question: number; mask: number; first?: boolean; correctPattern?: string | null }
    /** A scenario choice: choice `choice` (0-based) picked in scene `scene` (both indexes in the course). */
    | { kind: 'choice'; scenario: number; scene: number; choice: number; correctPattern?: string | null; at?: string }
    /** A scenario play reached an ending (xAPI scenario `completed`); `first`: it counts for the score. */
    | { kind: 'ending'; scenario: number; scene: number; first?: boolean }
    /** The course was completed; `score` as recorded, when there is one. */
    | { kind: 'course-completed'; score: number | null }
    /** A score the LMS recorded for the attempt (Moodle's Score column), to compare with the recomputed one. */
    | { kind: 'recorded-score'; score: number }
  );

export interface DimensionStats {
  id: string;
  /** Learners whose counting attempt has done every item of the dimension. */
  n: number;
  mean: number | null;
  median: number | null;
  /** Share of those learners with a dimension score ≥ the course's passing score; null without one. */
  passRate: number | null;
  /** Extra: the dimension's label in the course. */
  label: string;
  /** Extra: learners per score band, 0–9, 10–19, … 90–100. */
  histogram: number[];
}

export type ItemFlag = 'too-easy' | 'too-hard' | 'negative-discrimination';

export interface ItemStats {
  id: string;
  dimension: string | null;
  /** Counting attempts that answered it. */
  n: number;
  /** Proportion of first answers that are right. */
  p: number | null;
  /** Point-biserial correlation of the item (0/1) with the rest of the course score; null when either does not vary. */
  discrimination: number | null;
  /** How many first answers picked each choice (`response` is the choice letter). */
  choices: { response: string; count: number; text: string; correct: boolean }[];
  /** Extra: flags for the item. */
  flags: ItemFlag[];
  /** Extra: the prompt, shortened. */
  prompt: string;
  /** Extra: the most frequent whole first answers (`a,b`), most frequent first. */
  responses: { response: string; count: number }[];
}

export interface ScenarioStats {
  id: string;
  /** Counting attempts whose first play reached an ending. */
  n: number;
  endings: { scene: string; outcome: 'pass' | 'fail'; count: number; title: string }[];
  /** Extra. */
  title: string;
  dimension: string | null;
  /** Extra: each path of first plays (scene ids joined by ` → `), most frequent first. */
  paths: { path: string; count: number }[];
  /** Extra: the choices on first plays, with how many of the plays through them ended in a fail, most fails first. */
  failChoices: { scene: string; choice: string; text: string; plays: number; fails: number }[];
  /** Extra: plays after the first one (replays), every attempt of every learner. */
  replays: number;
}

export interface ScoreStats {
  n: number;
  mean: number | null;
  median: number | null;
}

export interface GroupStats {
  value: string;
  learners: number;
  attempts: number;
  completed: number;
  passed: number;
  score: ScoreStats;
  dimensions: DimensionStats[];
}

export interface ReportData {
  course: { id: string; version: string; title: string; language: string; passingScore: number | null };
  learners: number;
  attempts: number;
  completed: number;
  passed: number;
  dimensions: DimensionStats[];
  items: ItemStats[];
  scenarios: ScenarioStats[];
  groups?: GroupStats[];
  /** Extra: the course score (SPEC §3) over the learners' counting attempts that are complete. */
  score: ScoreStats;
  /** Extra: how the group view was made. */
  grouping: { field: string; minGroup: number; suppressed: number } | null;
  /** Extra: the pre/post gain; null when the course has no pre-test and post-test. */
  prePost: null;
  /** Extra: the records read and the warnings about them. */
  records: { read: number; used: number; unknown: number; skipped: number };
  diagnostics: Diagnostic[];
}
