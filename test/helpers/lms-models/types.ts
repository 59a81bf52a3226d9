/** What every LMS model answers after replaying the calls of one or more launches. */
export interface ModelOutcome {
  /** The lesson status the LMS stored. */
  status: string;
  /** The raw score the LMS stored, as it stored it ('' for none). */
  score: string;
  /** The LMS credits completion: Moodle's activity completion, Chamilo's item status. */
  completion: boolean;
  /** The grade the LMS gives (Moodle's gradebook, Chamilo's item score); null before any. */
  grade: number | null;
}

export interface LmsModel {
  readonly name: string;
  /** Replays one launch: its API calls as the stand-in LMS logged them (test/helpers/lms-host.ts). */
  session(calls: readonly import('../lms-host.js').LmsCall[]): void;
  outcome(): ModelOutcome;
}
