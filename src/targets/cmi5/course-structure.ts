/**
 * cmi5.xml: the cmi5 course structure (AICC cmi5 specification, quartz,
 * §13 Course Structure Data Requirements and §14 Course Package). One course,
 * one AU: the whole player, launched from index.html inside the zip.
 *
 * Element order follows CourseStructure.xsd's sequences: course (title,
 * description), then au (title, description, url).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { RuntimeCourse } from '../../shared/runtime-types.js';
import { TYPE_COURSE } from '../../shared/activity-ids.js';
import { xmlText } from '../xml.js';

/** §14: the schema's target namespace, the one the course structure must use. */
export const CMI5_NS = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
/** §14 "A course package, when located in a ZIP file, MUST be named cmi5.xml" (§14.1: at the zip's root). */
export const CMI5_FILE = 'cmi5.xml';
/** §14.1: an AU inside the zip SHOULD be referenced by a relative URL. */
export const AU_URL = 'index.html';

export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

/**
 * §13.1.4 moveOn and masteryScore from `passing_score`. With one, the LMS
 * counts the AU done when the learner completed it and passed; without, when
 * completed (the player then sends no passed/failed, SPEC §3).
 *
 * masteryScore is scaled 0–1 with at most 4 decimals. The course score is a
 * whole number (SPEC §3), so `score ≥ passing_score` is `score ≥
 * ceil(passing_score)`: ceil(passing_score) / 100 judges every score the way
 * the course does, also for a passing score such as 72.5.
 */
export function auCriteria(passingScore: number | null): { moveOn: MoveOn; masteryScore: string | null } {
  if (passingScore === null) return { moveOn: 'Completed', masteryScore: null };
  return { moveOn: 'CompletedAndPassed', masteryScore: String(Math.min(100, Math.ceil(passingScore)) / 100) };
}

/** The publisher ids (§13.1.1 course id, §13.1.4 AU id): distinct IRIs on the course iri. */
export function publisherIds(iri: string): { course: string; au: string } {
  return { course: iri, au: iri.replace(/\/+$/, '') + '/au' };
}

export function cmi5Xml(course: RuntimeCourse): string {
  if (!course.iri) throw new Error('cmi5Xml: the course has no iri (the cmi5 target needs one)');
  const ids = publisherIds(course.iri);
  const { moveOn, masteryScore } = auCriteria(course.passingScore);
  const lang = course.language;
  const texts = (parent: XMLBuilder, description: string): void => {
    parent.ele('title').ele('langstring', { lang }).txt(xmlText(course.title));
    parent.ele('description').ele('langstring', { lang }).txt(xmlText(description));
  };
  const description = course.description || course.title;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(CMI5_NS, 'courseStructure');
  texts(root.ele('course', { id: xmlText(ids.course) }), description);
  const au = root.ele('au', {
    id: xmlText(ids.au),
    moveOn,
    ...(masteryScore === null ? {} : { masteryScore }),
    // §13.1.4: the LMS may launch the AU in a frame, a new window or a redirect; the player works in each.
    launchMethod: 'AnyWindow',
    activityType: TYPE_COURSE,
  });
  texts(au, description);
  au.ele('url').txt(AU_URL);
  return doc.end({ prettyPrint: true }) + '\n';
}
