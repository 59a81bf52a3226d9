import type { At } from './diagnostics.js';

/**
 * The course as the compiler understands it, before rendering. Markdown stays
 * source text here, each piece with the position it came from, so rendering
 * can still point the author at the right line.
 */

export interface Markdown {
  text: string;
  /** Where `text` starts in the author's file. */
  at: At;
}

export interface Dimension {
  id: string;
  label: string;
}

export interface CourseMeta {
  id: string;
  title: string;
  version: string;
  language: string;
  description: string | null;
  author: string | null;
  iri: string | null;
  passingScore: number | null;
  /** Per media file, in MB (`media_budget_mb`); larger files are warned about. */
  mediaBudgetMb: number;
  dimensions: Dimension[];
  /** Unit file paths in order, when course.yml gives an outline. */
  outline: { path: string; at: At }[] | null;
  /** `scoring:` in course.yml (issue 12): `all` is SPEC §3; `final-test` scores the final test only. */
  scoring: ScoringRule;
  /** Where `scoring:` is written (course.yml's first line when it is not). */
  scoringAt?: At;
}

export type ScoringRule = 'all' | 'final-test';

export type Unit = Lesson | Scenario | Test;

export interface Lesson {
  kind: 'lesson';
  id: string;
  title: string;
  file: string;
  at: At;
  duration: number | null;
  objectives: string[];
  pages: Page[];
}

export interface Page {
  id: string;
  title: string;
  at: At;
  blocks: Block[];
}

export type CalloutVariant = 'note' | 'tip' | 'warning' | 'info' | 'important';

export type Block =
  | { kind: 'markdown'; source: Markdown }
  | { kind: 'callout'; variant: CalloutVariant; source: Markdown }
  | { kind: 'question'; question: Question }
  | { kind: 'survey'; survey: Survey };

export type QuestionType = 'choice' | 'true-false' | 'fill-in' | 'numeric' | 'matching' | 'sequencing';

export interface Question {
  id: string;
  at: At;
  type: QuestionType;
  prompt: Markdown;
  points: number;
  dimension: string | null;
  dimensionAt: At;
  /**
   * choice / true-false: the task-list items. fill-in / numeric: the listed
   * answers (`correct` = accepted), `other` for the `*` item. matching: the
   * sources (see `pairs`). sequencing: the steps in the correct order.
   */
  choices: QuestionChoice[];
  /** matching: the targets, in the order written (distractors included), and per source the index of its target. */
  targets?: Markdown[];
  match?: number[];
  /** fill-in: what counts when comparing (default: none of them matters). */
  norm?: { case: boolean; spaces: boolean; diacritics: boolean };
  /** Outcome feedback `> [x] …` (right) and `> [ ] …` (wrong). */
  outcome?: { right: Markdown | null; wrong: Markdown | null };
}

export interface QuestionChoice {
  label: Markdown;
  correct: boolean;
  feedback: Markdown | null;
  /** numeric: the inclusive range this item stands for. */
  range?: [number, number];
  /** fill-in / numeric: the `*` item, any other answer. */
  other?: boolean;
}

export interface Survey {
  id: string;
  at: At;
  prompt: Markdown;
  /** Points on the Likert scale, 4–7 (default 5). */
  scale: number;
  phase: 'pre' | 'post' | null;
  items: SurveyItem[];
}

export interface SurveyItem {
  id: string;
  at: At;
  label: Markdown;
  dimension: string;
  dimensionAt: At;
}

/** A file under pools/: questions a test draws from; not in the outline. */
export interface Pool {
  id: string;
  file: string;
  at: At;
  questions: Question[];
}

/** A file under tests/: a pre-test or a final test drawn from a pool. */
export interface Test {
  kind: 'test';
  id: string;
  title: string;
  file: string;
  at: At;
  role: 'pre' | 'final';
  intro: Markdown | null;
  pool: string;
  poolAt: At;
  /** Questions per attempt, or per dimension of the pool when `perDimension`. */
  draw: number;
  perDimension: boolean;
  /** Where `draw` or `per_dimension` is written. */
  drawAt?: At;
  /** 0–100; the course's passing score when not given. Null for a pre-test. */
  passingScore: number | null;
  attempts: number;
}

export interface Scenario {
  kind: 'scenario';
  id: string;
  title: string;
  file: string;
  at: At;
  intro: Markdown | null;
  points: number;
  dimension: string | null;
  dimensionAt: At;
  start: string;
  scenes: Scene[];
}

export interface Scene {
  id: string;
  title: string;
  at: At;
  /** Text and callouts; questions belong in lessons. */
  body: Block[];
  choices: SceneChoice[];
  ending: { outcome: 'pass' | 'fail'; score: number } | null;
}

export interface SceneChoice {
  label: Markdown;
  target: string;
  at: At;
  quality: 'good' | 'bad' | 'neutral';
  feedback: Markdown | null;
}

export interface Course {
  meta: CourseMeta;
  units: Unit[];
  pools: Pool[];
  /** theme.css text, when the folder has one. */
  theme: string | null;
  /** Lesson and scenario files the outline leaves out (IR404), and whether the outline names a file that does not exist (IR403). */
  outline: { leftOut: string[]; broken: boolean };
}
