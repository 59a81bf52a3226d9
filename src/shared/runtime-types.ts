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

export type RuntimeUnit = RuntimeLesson | RuntimeScenario;

export interface RuntimeLesson {
  kind: 'lesson';
  id: string;
  title: string;
  /** Minutes, when the author gave one. */
  duration: number | null;
  objectives: string[];
  pages: RuntimePage[];
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
  | { kind: 'question'; question: RuntimeQuestion };

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
  choices: RuntimeChoice[];
}

export interface RuntimeChoice {
  /** Plain text: exactly the accessible name of the control. */
  text: string;
  /** The same text as inline HTML (emphasis, code). */
  html: string;
  correct: boolean;
  feedbackHtml: string | null;
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
