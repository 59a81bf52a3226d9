/**
 * tincan.xml: the Tin Can package manifest. The course is the first activity
 * and the only one with a launch file (Moodle's mod_tincanlaunch and most LMSs
 * read only the first); every lesson, page, question, scenario and scene choice
 * follows with the same id and definition the player's statements use
 * (src/shared/activity-ids.ts), so an LRS can show names for activities the
 * learner has not reached yet.
 *
 * Element order follows tincan.xsd's strict sequence: name, description,
 * launch, interactionType, correctResponsePatterns, choices.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { RuntimeCourse } from '../../shared/runtime-types.js';
import { courseActivities } from '../../shared/activity-ids.js';
import { xmlText } from '../xml.js';

export const TINCAN_NS = 'http://projecttincan.com/tincan.xsd';
export const LAUNCH_FILE = 'index.html';

export function tincanXml(course: RuntimeCourse): string {
  if (!course.iri) throw new Error('tincanXml: the course has no iri (the xapi target needs one)');
  const lang = course.language;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const activities = doc.ele(TINCAN_NS, 'tincan').ele('activities');
  courseActivities(course, course.iri).forEach((a, index) => {
    const el: XMLBuilder = activities.ele('activity', { id: xmlText(a.id), type: a.type });
    el.ele('name', { lang }).txt(xmlText(a.name));
    el.ele('description', { lang }).txt(xmlText(a.description));
    if (index === 0) el.ele('launch', { lang }).txt(LAUNCH_FILE);
    if (a.interaction) {
      el.ele('interactionType').txt('choice');
      const correct = a.interaction.correct;
      if (correct && correct.length) {
        const patterns = el.ele('correctResponsePatterns');
        for (const p of correct) patterns.ele('correctResponsePattern').txt(p);
      }
      const choices = el.ele('choices');
      for (const c of a.interaction.choices) {
        const comp = choices.ele('component');
        comp.ele('id').txt(xmlText(c.id));
        comp.ele('description', { lang }).txt(xmlText(c.text));
      }
    }
  });
  return doc.end({ prettyPrint: true }) + '\n';
}
