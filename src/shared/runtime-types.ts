/**
 * The contract between the compiler and the player: the course as the player
 * receives it, in the package as `course.js` (the skeleton) and `units/<n>.js`
 * (each unit whole), see course-split.ts. Everything here is already validated
 * and sanitised by the compiler; the player trusts it and does no Markdown work
 * of its own.
 */

import type { UiStrings } from './ui-strings.js';

/** The packages the compiler builds (src/targets/registry.ts). */
export type PackageTarget = 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi';
/** A player bundle: a package target's, or `web` (no LMS, nothing recorded). */
export type TargetId = PackageTarget | 'web';
export type UiLanguage = 'id' | 'en';

export interface RuntimeCourse {
  /** Bumped when this shape changes incompatibly. */
  schema: 1;
  target: TargetId;
  id: string;
  title: string;
  version: string;
  /** BCP 47 tag of the content, e.g. `id-ID`. */
  language: string;
  /** Language of the player's own strings, derived from `language`. */
  uiLanguage: UiLanguage;
  /** The player's own words in `uiLanguage` (src/shared/ui-strings.ts); templates use `{0}`, `{1}`. */
  strings: UiStrings;
  description: string | null;
  /** Absolute IRI, base of every xAPI activity id; null when course.yml has none. */
  iri: string | null;
  /** 0–100, or null: without it a complete course is `completed`. */
  passingScore: number | null;
  /** Only the dimensions some question or scenario uses, in course.yml order. */
  dimensions: RuntimeDimension[];
  units: RuntimeUnit[];
  /** Issue 12: `final-test` scores the final test only; absent = `all` (SPEC §3). */
  scoring?: 'final-test';
  /** How to read the saved progress of earlier versions (layouts/ in the content folder); absent when there are none. */
  previous?: StatePlan[];
}

/**
 * How a state saved by an earlier version of the course (its structure hash)
 * maps onto this one: one entry per field of that version's payload, in order,
 * `[radix, field of this course or -1 to drop it, table of values]`: the value
 * is copied, or looked up in the table when its meaning changes (a scene or
 * stop index). Made and proven by the compiler (src/render/state-layout.ts).
 */
export interface StatePlan {
  hash: string;
  /** The version whose layout this was made from. */
  version: string;
  fields: Array<[number, number] | [number, number, number[]]>;
}

export interface RuntimeDimension {
  id: string;
  label: string;
}

export type RuntimeUnit = RuntimeLesson | RuntimeScenario | RuntimeTest;

export interface RuntimeLesson {
  kind: 'lesson';
  id: string;
  title: string;
  /** Minutes, when the author gave one. */
  duration: number | null;
  objectives: string[];
  pages: RuntimePage[];
  /** Issue 12: set when a page holds a typed question or a survey (their records are made per target, src/render/apply-records.ts). */
  assess?: 1;
}

export interface RuntimePage {
  /** Unique within its lesson; derived from the heading (slug) or `p1` for an opening page. */
  id: string;
  title: string;
  blocks: RuntimeBlock[];
  /** Set when the page holds `{required}` media: it counts as viewed only once the media's end was reached. */
  required?: true;
}

export type RuntimeBlock =
  | { kind: 'html'; html: string }
  | { kind: 'question'; question: RuntimeQuestion }
  | { kind: 'survey'; survey: RuntimeSurvey };

export interface RuntimeQuestion {
  /** Course-wide unique; the SCORM interaction id and the last segment of its xAPI activity id. */
  id: string;
  promptHtml: string;
  /** Plain-text prompt, for xAPI `description` and LMS reports. */
  promptText: string;
  /** true when more than one choice is correct: checkboxes instead of radio buttons. */
  multiple: boolean;
  points: number;
  dimension: string | null;
  /**
   * choice / true-false: the choices (true-false: [true, false]). fill-in /
   * numeric: the listed answers (the `*` item, `other`, last). matching: the
   * sources. sequencing: the steps in the correct order.
   */
  choices: RuntimeChoice[];
  /** Issue 12. Absent: a choice question, recorded as before. */
  type?: 'true-false' | 'fill-in' | 'numeric' | 'matching' | 'sequencing';
  /** matching: the targets and, per source, the index of its target. */
  targets?: Array<{ text: string; html: string }>;
  match?: number[];
  /** fill-in: what counts when comparing: `c` case, `s` spaces, `d` diacritics (absent letters are ignored). */
  norm?: string;
  /** Outcome feedback (any type). */
  outcome?: { right: string | null; wrong: string | null };
  /** How the package's target records it (made by the compiler for that target); absent for a choice question. */
  rec?: RuntimeRecord;
}

export interface RuntimeChoice {
  /** Plain text: exactly the accessible name of the control. */
  text: string;
  /** The same text as inline HTML (emphasis, code). */
  html: string;
  correct: boolean;
  feedbackHtml: string | null;
  /** numeric: the inclusive range of values this item stands for. */
  range?: [number, number];
  /** fill-in / numeric: the `*` item, any answer not listed. */
  other?: true;
}

/**
 * A typed question (or survey item) as the package's target records it, in
 * that target's own vocabulary and formats, so that the transports in the
 * first page's bundle only copy strings.
 */
export interface RuntimeRecord {
  /** SCORM `cmi.interactions.n.type` word; for xAPI the `interactionType`. */
  type: string;
  /** Correct-response patterns in the target's format (empty: none). */
  correct: string[];
  /** xAPI / cmi5: the extra activity-definition fields (choices, source, target, steps, scale, correctResponsesPattern, interactionType). */
  def?: Record<string, unknown>;
}

export interface RuntimeSurvey {
  id: string;
  promptHtml: string;
  promptText: string;
  /** Points on the scale (4–7). */
  scale: number;
  phase?: 'pre' | 'post';
  items: RuntimeSurveyItem[];
  /** How each item is recorded (likert), shared by the items. */
  rec: RuntimeRecord;
}

export interface RuntimeSurveyItem {
  id: string;
  text: string;
  html: string;
  dimension: string;
}

export interface RuntimeTest {
  kind: 'test';
  id: string;
  title: string;
  introHtml: string;
  role: 'pre' | 'final';
  /** The pool's id (xAPI activity, reports). */
  pool: string;
  /** The pool's questions, in pool order; each counts 1 in a test. */
  questions: RuntimeQuestion[];
  /** Questions per attempt; with `perDimension`, per dimension of the pool. */
  draw: number;
  perDimension?: true;
  /** 0–100, or null for a pre-test. */
  passingScore: number | null;
  attempts: number;
}

export interface RuntimeScenario {
  kind: 'scenario';
  id: string;
  title: string;
  /** Shown above the first scene; empty string when there is none. */
  introHtml: string;
  points: number;
  dimension: string | null;
  /** Id of the first scene. */
  start: string;
  scenes: RuntimeScene[];
}

export interface RuntimeScene {
  id: string;
  title: string;
  html: string;
  /** Empty for an ending. */
  choices: RuntimeSceneChoice[];
  ending: RuntimeEnding | null;
}

export type ChoiceQuality = 'good' | 'bad' | 'neutral';

export interface RuntimeSceneChoice {
  text: string;
  html: string;
  /** Id of the scene this choice leads to. */
  target: string;
  quality: ChoiceQuality;
  feedbackHtml: string | null;
}

export interface RuntimeEnding {
  outcome: 'pass' | 'fail';
  /** 0–100; the share of the scenario's points a first play ending here earns. */
  score: number;
}
