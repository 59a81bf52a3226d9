/**
 * tincan.xml: the Tin Can package manifest. The course is the first activity
 * and the only one with a launch file (Moodle's mod_tincanlaunch and most LMSs
 * read only the first); every lesson, page, question, scenario and scene choice
 * follows with the same id and definition the player's statements use
 * (src/shared/activity-ids.ts), so an LRS can show names for activities the
 * learner has not reached yet.
 *
 * Element order follows tincan.xsd's strict sequence: name, description,
 * launch, interactionType, correctResponsePatterns, choices (or scale, source
 * and target, steps).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { RuntimeCourse } from '../../shared/runtime-types.js';
import { courseActivities } from '../../shared/activity-ids.js';
import { xmlText } from '../xml.js';

export const TINCAN_NS = 'http://projecttincan.com/tincan.xsd';
export const LAUNCH_FILE = 'index.html';

type Components = Record<string, Array<{ id: string; description: Record<string, string> }>>;

/** tincan.xsd's sequence: interactionType, correctResponsePatterns, then the components (choices, scale, source and target, or steps). */
function interaction(el: XMLBuilder, lang: string, type: string, correct: string[] | null, components: Components): void {
  el.ele('interactionType').txt(type);
  if (correct && correct.length) {
    const patterns = el.ele('correctResponsePatterns');
    for (const p of correct) patterns.ele('correctResponsePattern').txt(xmlText(p));
  }
  for (const name of ['choices', 'scale', 'source', 'target', 'steps']) {
    const list = components[name];
    if (!list) continue;
    const parent = el.ele(name);
    for (const c of list) {
      const comp = parent.ele('component');
      comp.ele('id').txt(xmlText(c.id));
      // In the course's language, whatever language the build keyed the description with.
      comp.ele('description', { lang }).txt(xmlText(Object.values(c.description)[0] ?? c.id));
    }
  }
}

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
      const { choices, correct } = a.interaction;
      interaction(el, lang, 'choice', correct, { choices: choices.map((c) => ({ id: c.id, description: { [lang]: c.text } })) });
    } else if (a.def) {
      // A typed question or a survey item: the xAPI definition its `rec` gives (src/render/records.ts).
      const { interactionType, correctResponsesPattern, ...components } = a.def as { interactionType: string; correctResponsesPattern?: string[] } & Components;
      interaction(el, lang, interactionType, correctResponsesPattern || null, components);
    }
  });
  return doc.end({ prettyPrint: true }) + '\n';
}
