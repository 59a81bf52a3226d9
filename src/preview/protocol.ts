/**
 * What the preview server and its page (./host/) say to each other: the
 * builds, the page's config and the cmi5 launch. Types only, so the page's
 * bundle takes nothing of the server with it.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { PackageTarget, UiLanguage } from '../shared/runtime-types.js';
import type { StateDocument, StoredStatement } from './lrs.js';
import type { PreviewStrings } from './strings.js';

export interface PreviewDiagnostic extends Diagnostic {
  /** The lines around the problem in the author's file: `first` is the number of `lines[0]`. */
  excerpt?: { first: number; lines: string[] };
}

export interface PreviewBuild {
  /** 1 for the first build, then one more per build that compiled something. */
  n: number;
  ok: boolean;
  /** When it finished (ISO 8601) and how long reading and compiling took. */
  at: string;
  ms: number;
  target: PackageTarget;
  /** Content paths added, changed or removed since the previous build. */
  changed: string[];
  /** Files read from disk for this build; the others came from memory. */
  reread: number;
  course: { id: string; title: string; version: string } | null;
  /** The language of the page's own words: the course's, as the player shows it (the last known one while course.yml is broken). */
  uiLanguage: UiLanguage;
  diagnostics: PreviewDiagnostic[];
  /** What the course frame plays: the last build that succeeded, or null before one has. */
  live: LiveBuild | null;
  /**
   * Resume locations (`cmi.core.lesson_location`, the State document's
   * `location`) this build renamed, old → new: a page whose heading changed
   * keeps its place, so the learner comes back to the page they were editing.
   */
  moved: Record<string, string>;
}

export interface LiveBuild {
  n: number;
  course: { id: string; title: string; version: string };
  language: string;
  /** The course activity's id, the `activity_id` of an xAPI launch. */
  activityId: string | null;
  /** `adlcp:masteryscore`, given to the SCO as cmi.student_data.mastery_score. */
  masteryScore: number | null;
  fileName: string;
  files: number;
  bytes: number;
}

/** The page's config, in its `#preview-config` script. */
export interface HostConfig {
  target: PackageTarget;
  /** The in-memory LRS's endpoint, ends with `/`. */
  lrs: string;
  lang: UiLanguage;
  strings: Record<UiLanguage, PreviewStrings>;
}

/** The `/__ir/events` stream's first event. */
export interface Snapshot {
  build: PreviewBuild | null;
  statements: StoredStatement[];
  states: StateDocument[];
}

/** What the page sends to `POST /__ir/cmi5/launch`: the learner's registration, kept by the page. */
export interface Cmi5LaunchRequest {
  registration: string;
}

/** The preview's cmi5 LMS answering a launch request (cmi5 §8.1, §10). */
export interface Cmi5LaunchAnswer {
  /** The AU's launch URL, with endpoint, fetch, actor, registration and activityId. */
  url: string;
  /** The session id of this launch (§9.6.3.1), also in the contextTemplate. */
  session: string;
  /** The activityId the LMS made for the AU (§8.1.5). */
  activityId: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  launchMode: 'Normal';
  moveOn: string;
  masteryScore: number | null;
}
