/**
 * How the package's target records a typed question or a survey (issue 12):
 * the interaction type word and the correct-response patterns in the target's
 * own format, and for xAPI/cmi5 the activity definition, made once at build
 * time so the transports in the first page's bundle only copy strings.
 *
 * Stub with the records helper's signatures (the compiler calls them in
 * src/render/apply-records.ts); the records branch replaces this file whole.
 */
import type { DiagnosticCode } from '../core/catalogue.js';
import type { PackageTarget, RuntimeQuestion, RuntimeRecord, RuntimeSurvey } from '../shared/runtime-types.js';

/** Undefined for a choice question without a type: the transports record those as before. */
export function questionRecord(q: RuntimeQuestion, target: PackageTarget, language = 'und'): RuntimeRecord | undefined {
  void q;
  void target;
  void language;
  return undefined;
}

export function surveyRecord(s: RuntimeSurvey, target: PackageTarget, language = 'und', labels: string[] = []): RuntimeRecord {
  void s;
  void target;
  void language;
  void labels;
  return { type: 'likert', correct: [] };
}

export interface RecordProblem {
  code: DiagnosticCode;
  message: string;
}

/** What `target` cannot record of a typed question (diagnostics the compiler reports at the question). */
export function recordProblems(q: RuntimeQuestion, target: PackageTarget): RecordProblem[] {
  void q;
  void target;
  return [];
}
