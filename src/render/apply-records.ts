/**
 * The runtime course of one package: each typed question, test question and
 * survey gets its `rec` for that package's target (src/render/records.ts),
 * and what the target cannot record of a question is reported at it. The
 * rendered course is shared by every target, so this works on a copy.
 */
import type { At } from '../core/diagnostics.js';
import type { Course } from '../core/model.js';
import type { PackageTarget, RuntimeCourse, RuntimeQuestion, RuntimeUnit, UiLanguage } from '../shared/runtime-types.js';
import { questionRecord, recordProblems, surveyRecord, type RecordProblem } from './records.js';
import { isPackageTarget } from '../targets/registry.js';
import { ASSESS_STRINGS, likertLabels } from '../shared/ui-strings.js';

export type ProblemSink = (q: RuntimeQuestion, problem: RecordProblem) => void;

class Recorder {
  constructor(
    private readonly target: PackageTarget,
    private readonly language: string,
    private readonly uiLanguage: UiLanguage,
    private readonly report: ProblemSink,
  ) {}

  question(q: RuntimeQuestion): void {
    const rec = questionRecord(q, this.target, this.language);
    if (rec) q.rec = rec;
    else delete q.rec;
    if (q.type) for (const p of recordProblems(q, this.target)) this.report(q, p);
  }

  /** Units untouched when nothing in them is recorded per target, so a course without typed questions shares them. */
  unit(unit: RuntimeUnit): RuntimeUnit {
    if (unit.kind === 'test') {
      const copy = structuredClone(unit);
      for (const q of copy.questions) this.question(q);
      return copy;
    }
    if (unit.kind !== 'lesson' || !unit.assess) return unit;
    const copy = structuredClone(unit);
    for (const page of copy.pages) {
      for (const b of page.blocks) {
        // The scale's words are the learner's (the player's Likert labels), so an LRS shows the same.
        if (b.kind === 'survey') b.survey.rec = surveyRecord(b.survey, this.target, this.language, likertLabels(ASSESS_STRINGS[this.uiLanguage], b.survey.scale));
        else if (b.kind === 'question' && b.question.type) this.question(b.question);
      }
    }
    return copy;
  }
}

/** The preview's `web` course records nothing, so it keeps the units as rendered. */
export function withRecords(course: RuntimeCourse, report: ProblemSink = () => {}): RuntimeCourse {
  const target = course.target;
  if (!isPackageTarget(target)) return course;
  const recorder = new Recorder(target, course.language, course.uiLanguage, report);
  return { ...course, units: course.units.map((u) => recorder.unit(u)) };
}

/** Where each question of the course is written (lesson and pool questions), for diagnostics about its records. */
export function questionPlaces(course: Course): Map<string, At> {
  const places = new Map<string, At>();
  for (const u of course.units) {
    if (u.kind !== 'lesson') continue;
    for (const p of u.pages) for (const b of p.blocks) if (b.kind === 'question') places.set(b.question.id, b.question.at);
  }
  for (const pool of course.pools) for (const q of pool.questions) places.set(q.id, q.at);
  return places;
}
