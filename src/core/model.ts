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
}

export type Unit = Lesson | Scenario;

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
  | { kind: 'question'; question: Question };

export interface Question {
  id: string;
  at: At;
  prompt: Markdown;
  points: number;
  dimension: string | null;
  dimensionAt: At;
  choices: QuestionChoice[];
}

export interface QuestionChoice {
  label: Markdown;
  correct: boolean;
  feedback: Markdown | null;
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
  /** theme.css text, when the folder has one. */
  theme: string | null;
  /** Lesson and scenario files the outline leaves out (IR404), and whether the outline names a file that does not exist (IR403). */
  outline: { leftOut: string[]; broken: boolean };
}
