/**
 * How the package's target records a typed question or a survey (issue 12):
 * the interaction type word and the correct-response patterns in the target's
 * own format, and for xAPI/cmi5 the activity definition, made once at build
 * time so the transports in the first page's bundle only copy strings.
 *
 * For the compiler (src/compile.ts), per package target:
 * - `questionRecord(q, target, course.language)` for every typed lesson
 *   question and every test question (undefined for a choice question: the
 *   transports record those as before);
 * - `surveyRecord(s, target, course.language, labels)` for every survey, with
 *   the scale's point labels (1…scale) in the course's UI language;
 * - `recordProblems(q, target)` for each of those questions: what the target
 *   cannot express, as diagnostics to report at the question (IR268 refuses
 *   the build, IR269 warns that a correct response is recorded in part).
 *
 * Spec sections are cited as in src/shared/record-formats.ts.
 */
import type { PackageTarget, RuntimeQuestion, RuntimeRecord, RuntimeSurvey } from '../shared/runtime-types.js';
import { choiceLetter } from '../shared/activity-ids.js';
import { FILL_IN_MAX, decimal, fillText, likertId, list, pair, sourceId, truth } from '../shared/record-formats.js';

/** RTE 1.2 §3.4.4: CMIFeedback is a CMIString255. */
export const SCORM12_FEEDBACK_MAX = 255;
/** RTE 1.2 §3.4.4: choice, matching and sequencing identifiers are single characters 0-9, a-z. */
const SCORM12_IDS = 26;
/** RTE 2004 §4.2.9.1: how many correct_responses.n a type may have (smallest permitted maximum). */
const SCORM2004_PATTERNS: Record<string, number> = { 'true-false': 1, 'fill-in': 5, numeric: 1, matching: 5, sequencing: 5, likert: 1 };

const xapiLike = (target: PackageTarget): boolean => target === 'xapi' || target === 'cmi5';

/** The correct answers of a fill-in or numeric question (the `*` item is never one). */
const accepted = (q: RuntimeQuestion) => q.choices.filter((c) => c.correct && !c.other);

/**
 * Correct-response patterns, one per correct answer (each is an alternative:
 * RTE 1.2 §3.4.4 correct_responses.n, RTE 2004 §4.2.9.1, xAPI
 * correctResponsesPattern), cut to what RTE 2004 allows.
 */
function patterns(q: RuntimeQuestion, target: PackageTarget): string[] {
  const steps = () => q.choices.map((_, i) => choiceLetter(i));
  let out: string[];
  switch (q.type) {
    case 'true-false':
      out = [truth(target, q.choices[0]!.correct)];
      break;
    case 'fill-in': {
      // RTE 2004 §4.2.9.1 / xAPI: `{case_matters=true}` before the strings; false is the default, so it is left out.
      const prefix = target !== 'scorm12' && q.norm && q.norm.indexOf('c') >= 0 ? '{case_matters=true}' : '';
      out = accepted(q).map((c) => prefix + fillText(target, c.text));
      break;
    }
    case 'numeric':
      out = accepted(q).flatMap((c) => {
        const [lo, hi] = c.range!;
        // RTE 1.2 §3.4.4: a single number, no range. RTE 2004 §4.2.9.1: `min[:]max`. xAPI: `min[:]max`, or the number alone.
        if (target === 'scorm12') return lo === hi ? [decimal(lo)] : [];
        return [lo === hi && target !== 'scorm2004' ? decimal(lo) : decimal(lo) + '[:]' + decimal(hi)];
      });
      break;
    case 'matching':
      out = [list(target, (q.match || []).map((t, i) => pair(target, sourceId(i), choiceLetter(t))))];
      break;
    case 'sequencing':
      out = [list(target, steps())];
      break;
    default:
      out = [];
  }
  return target === 'scorm2004' ? out.slice(0, SCORM2004_PATTERNS[q.type!]) : out;
}

type LangMap = Record<string, string>;
const component = (id: string, text: string, language: string): { id: string; description: LangMap } => ({ id, description: { [language]: text } });

/** xAPI Data.md §2.4.4.1: the interaction's components, by type (choices for sequencing, source and target for matching). */
function components(q: RuntimeQuestion, language: string): Record<string, unknown> {
  if (q.type === 'sequencing') return { choices: q.choices.map((c, i) => component(choiceLetter(i), c.text, language)) };
  if (q.type === 'matching') {
    return {
      source: q.choices.map((c, i) => component(sourceId(i), c.text, language)),
      target: (q.targets || []).map((t, i) => component(choiceLetter(i), t.text, language)),
    };
  }
  return {};
}

/**
 * The record of a typed question for `target`; undefined for a choice
 * question without a type. `language` is the course's (BCP 47): the xAPI
 * components' descriptions are language maps in it.
 */
export function questionRecord(q: RuntimeQuestion, target: PackageTarget, language = 'und'): RuntimeRecord | undefined {
  if (!q.type) return undefined;
  const correct = patterns(q, target);
  if (!xapiLike(target)) return { type: q.type, correct };
  // xAPI Data.md §2.4.4.1: interactionType and correctResponsesPattern, plus the type's components.
  return { type: q.type, correct, def: { interactionType: q.type, correctResponsesPattern: correct, ...components(q, language) } };
}

/**
 * A survey's items as `likert` interactions (RTE 1.2 §3.4.4, RTE 2004
 * §4.2.9, xAPI likert with a `scale`): no correct response, the learner's
 * point as the response (`likertId`). `labels` name the points 1…scale;
 * without them a point is described by its number.
 */
export function surveyRecord(s: RuntimeSurvey, target: PackageTarget, language = 'und', labels: string[] = []): RuntimeRecord {
  if (!xapiLike(target)) return { type: 'likert', correct: [] };
  const scale = [];
  for (let v = 1; v <= s.scale; v++) scale.push(component(likertId(v), labels[v - 1] || String(v), language));
  return { type: 'likert', correct: [], def: { interactionType: 'likert', scale } };
}

export interface RecordProblem {
  code: 'IR268' | 'IR269';
  message: string;
}

const TARGET_NAME: Record<PackageTarget, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004', xapi: 'xAPI', cmi5: 'cmi5' };

/**
 * What `target` cannot record of a typed question: IR268 (an error) when a
 * pattern or a response would break the target's format or limits, IR269 (a
 * warning) when a correct response is left out of the records (the result,
 * right or wrong, is still recorded).
 */
export function recordProblems(q: RuntimeQuestion, target: PackageTarget): RecordProblem[] {
  const out: RecordProblem[] = [];
  const name = TARGET_NAME[target];
  const refuse = (message: string) => out.push({ code: 'IR268', message });
  const part = (message: string) => out.push({ code: 'IR269', message });
  if (q.type === 'fill-in') {
    for (const c of q.choices) {
      if (c.other) continue;
      const max = target === 'scorm12' ? SCORM12_FEEDBACK_MAX : FILL_IN_MAX;
      if (c.text.length > max) refuse(`answer \`${c.text.slice(0, 40)}…\` has ${c.text.length} characters; ${name} records at most ${max}`);
      else if (target !== 'scorm12' && (c.text.indexOf('[,]') >= 0 || c.text[0] === '{')) {
        refuse(`answer \`${c.text}\` holds \`[,]\` or starts with \`{\`, which ${name} reads as a delimiter`);
      }
    }
    const n = accepted(q).length;
    if (target === 'scorm2004' && n > SCORM2004_PATTERNS['fill-in']!) part(`${n} accepted answers; ${name} records the first ${SCORM2004_PATTERNS['fill-in']} as correct responses`);
  } else if (q.type === 'numeric') {
    const ok = accepted(q);
    if (target === 'scorm12') {
      for (const c of ok) if (c.range![0] !== c.range![1]) part(`${name} records a correct response as one number, not the range \`${c.text}\``);
    } else if (target === 'scorm2004' && ok.length > 1) part(`${ok.length} accepted values or ranges; ${name} records only the first, \`${ok[0]!.text}\`, as the correct response`);
  } else if (q.type === 'matching' && target === 'scorm12') {
    if (q.choices.length > 9) refuse(`${q.choices.length} sources; ${name} names them with the digits 1–9`);
    const m = (q.targets || []).length;
    if (m > SCORM12_IDS) refuse(`${m} targets; ${name} names them with the letters a–z`);
  } else if (q.type === 'sequencing' && target === 'scorm12' && q.choices.length > SCORM12_IDS) {
    refuse(`${q.choices.length} steps; ${name} names them with the letters a–z`);
  }
  return out;
}
