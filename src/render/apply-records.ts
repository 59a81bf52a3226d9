/**
 * The runtime course of one package: each typed question, test question and
 * survey gets its `rec` for that package's target (src/render/records.ts).
 * The rendered course is shared by every target, so this works on a copy.
 */
import type { PackageTarget, RuntimeCourse, RuntimeQuestion, RuntimeUnit } from '../shared/runtime-types.js';
import { questionRecord, surveyRecord } from './records.js';
import { isPackageTarget } from '../targets/registry.js';

function recordQuestion(q: RuntimeQuestion, target: PackageTarget): void {
  const rec = questionRecord(q, target);
  if (rec) q.rec = rec;
  else delete q.rec;
}

/** Units untouched when nothing in them is recorded per target, so a course without typed questions shares them. */
function unitFor(unit: RuntimeUnit, target: PackageTarget): RuntimeUnit {
  if (unit.kind === 'test') {
    const copy = structuredClone(unit);
    for (const q of copy.questions) recordQuestion(q, target);
    return copy;
  }
  if (unit.kind !== 'lesson' || !unit.assess) return unit;
  const copy = structuredClone(unit);
  for (const page of copy.pages) {
    for (const b of page.blocks) {
      if (b.kind === 'survey') b.survey.rec = surveyRecord(b.survey, target);
      else if (b.kind === 'question' && b.question.type) recordQuestion(b.question, target);
    }
  }
  return copy;
}

/** The preview's `web` course records nothing, so it keeps the units as rendered. */
export function withRecords(course: RuntimeCourse): RuntimeCourse {
  const target = course.target;
  if (!isPackageTarget(target)) return course;
  return { ...course, units: course.units.map((u) => unitFor(u, target)) };
}
