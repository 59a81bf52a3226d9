/**
 * The course as the report reads records against it: interaction ids (SCORM:
 * a question's id, or `<scenario>.<scene>`) and xAPI activity ids mapped back
 * to questions, scenes and choices, with each item's dimension, points and
 * correct pattern. Built from the RuntimeCourse the compiler makes (a content
 * folder compiled in memory, or index.html's course data from a package).
 */
import type { RuntimeCourse, RuntimeQuestion, RuntimeScenario } from '../shared/runtime-types.js';
import { activityId, choiceLetter, questionActivity } from '../shared/activity-ids.js';
import { indexCourse } from '../shared/progress.js';

export interface MappedQuestion {
  index: number;
  question: RuntimeQuestion;
  /** Bit i set for each correct choice i. */
  correctMask: number;
  /** The SCORM correct pattern, `a,b`. */
  pattern: string;
}

export interface MappedScenario {
  index: number;
  scenario: RuntimeScenario;
  start: number;
  /** Scene index by scene id. */
  scenes: Map<string, number>;
  /** For each scene, the index of each choice's target scene. */
  targets: number[][];
  /** For each scene, its SCORM correct pattern: the letters of its `{good}` choices, comma-separated (src/player/transport/scorm12.ts). */
  patterns: string[];
}

export type Target =
  | { kind: 'question'; q: MappedQuestion }
  | { kind: 'scene'; s: MappedScenario; scene: number }
  | { kind: 'scenario'; s: MappedScenario }
  | { kind: 'course' }
  /** A lesson or page: known, nothing to score. */
  | { kind: 'other' };

export interface CourseMap {
  course: RuntimeCourse;
  questions: MappedQuestion[];
  scenarios: MappedScenario[];
  /** SCORM interaction id → question or scene. */
  byInteraction: Map<string, Target>;
  /** xAPI activity id → what it is. */
  byActivity: Map<string, Target>;
  /** The course activity ids statements may use for the course itself (the iri, plus `--activity`). */
  courseIds: Set<string>;
}

/** Letters of the set bits of `mask`, comma-separated: the SCORM response form. */
export function maskLetters(mask: number): string {
  const out: string[] = [];
  for (let i = 0; mask >>> i; i++) if ((mask >>> i) & 1) out.push(choiceLetter(i));
  return out.join(',');
}

/** A response `a,b` (SCORM) or `a[,]b` (xAPI) as a bit mask; null when a part is not a choice letter below `count`. */
export function responseMask(response: string, count: number): number | null {
  const parts = response.split(/\[,\]|,/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return null;
  let mask = 0;
  for (const p of parts) {
    const i = letterIndex(p);
    if (i < 0 || i >= count || i > 30) return null;
    mask |= 1 << i;
  }
  return mask;
}

function letterIndex(s: string): number {
  if (!/^[a-z]{1,2}$/.test(s)) return -1;
  return s.length === 1 ? s.charCodeAt(0) - 97 : (s.charCodeAt(0) - 96) * 26 + s.charCodeAt(1) - 97;
}

export function courseMap(course: RuntimeCourse, extraCourseIds: string[] = []): CourseMap {
  const ix = indexCourse(course);
  const iri = course.iri;
  const byInteraction = new Map<string, Target>();
  const byActivity = new Map<string, Target>();
  const other: Target = { kind: 'other' };
  /** A SCORM interaction id, and the one with '_' for '.' an LMS that refuses SCORM 1.2's '.' gets (src/player/transport/scorm12.ts). */
  const interaction = (id: string, t: Target) => {
    byInteraction.set(id, t);
    byInteraction.set(id.replace(/\./g, '_'), t);
  };
  const questions: MappedQuestion[] = [];
  for (const { question } of ix.questions) {
    // Issue 12: a typed question's responses are not choice letters; the report knows its records and leaves them out.
    if (question.type) {
      byInteraction.set(question.id, other);
      if (iri) byActivity.set(activityId.question(iri, question.id), other);
      continue;
    }
    let correctMask = 0;
    question.choices.forEach((c, i) => {
      if (c.correct) correctMask |= 1 << i;
    });
    const q: MappedQuestion = { index: questions.length, question, correctMask, pattern: maskLetters(correctMask) };
    questions.push(q);
    byInteraction.set(question.id, { kind: 'question', q });
    if (iri) byActivity.set(questionActivity(iri, question).id, { kind: 'question', q });
  }
  // Issue 12: survey items, tests and their questions (one interaction per attempt) are known records, not analysed yet.
  for (const { survey } of ix.surveys) {
    if (iri) byActivity.set(activityId.survey(iri, survey.id), other);
    for (const item of survey.items) {
      interaction(`${survey.id}.${item.id}`, other);
      if (iri) byActivity.set(activityId.surveyItem(iri, survey.id, item.id), other);
    }
  }
  for (const { test } of ix.tests) {
    if (iri) byActivity.set(activityId.test(iri, test.id), other);
    for (const q of test.questions) {
      for (let n = 1; n <= test.attempts; n++) interaction(`${test.id}.${n}.${q.id}`, other);
      if (iri) byActivity.set(activityId.question(iri, q.id), other);
    }
  }
  const scenarios = ix.scenarios.map(({ scenario, start }, index): MappedScenario => {
    const scenes = new Map(scenario.scenes.map((sc, i) => [sc.id, i]));
    const s: MappedScenario = {
      index,
      scenario,
      start,
      scenes,
      targets: scenario.scenes.map((sc) => sc.choices.map((c) => scenes.get(c.target) ?? -1)),
      patterns: scenario.scenes.map((sc) => sc.choices.flatMap((c, i) => (c.quality === 'good' ? [choiceLetter(i)] : [])).join(',')),
    };
    scenario.scenes.forEach((sc, i) => {
      if (!sc.choices.length) return;
      byInteraction.set(`${scenario.id}.${sc.id}`, { kind: 'scene', s, scene: i });
      // An LMS that refuses the '.' of SCORM 1.2's CMIIdentifier gets the id with '_' (src/player/transport/scorm12.ts).
      byInteraction.set(`${scenario.id}_${sc.id}`, { kind: 'scene', s, scene: i });
      if (iri) byActivity.set(activityId.scene(iri, scenario.id, sc.id), { kind: 'scene', s, scene: i });
    });
    if (iri) byActivity.set(activityId.scenario(iri, scenario.id), { kind: 'scenario', s });
    return s;
  });
  const courseIds = new Set(extraCourseIds);
  if (iri) {
    courseIds.add(iri);
    for (const { lesson } of ix.lessons) byActivity.set(activityId.lesson(iri, lesson.id), { kind: 'other' });
    for (const { lesson, page } of ix.pages) byActivity.set(activityId.page(iri, lesson.id, page.id), { kind: 'other' });
  }
  for (const id of courseIds) byActivity.set(id, { kind: 'course' });
  return { course, questions, scenarios, byInteraction, byActivity, courseIds };
}

