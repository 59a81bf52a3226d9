/**
 * xAPI activity ids and activity definitions, shared by the compiler
 * (tincan.xml) and the xAPI player (statements), so that both always describe
 * the same activity the same way.
 *
 * Ids are derived from the course iri and the author's ids only (never from
 * titles or positions), so they stay stable across builds and versions:
 *
 *   course                 <iri>
 *   lesson                 <iri>/lesson/<lesson-id>
 *   lesson page            <iri>/lesson/<lesson-id>/page/<page-id>
 *   question               <iri>/question/<question-id>
 *   scenario               <iri>/scenario/<scenario-id>
 *   scene choice           <iri>/scenario/<scenario-id>/scene/<scene-id>
 *
 * The project's own vocabulary (extensions, the page activity type, the
 * progress state document) lives under https://integrity-ranger.id/xapi/ and is
 * described in profile/integrity-ranger.jsonld and docs/xapi.md.
 */
import type {
  RuntimeCourse,
  RuntimeLesson,
  RuntimePage,
  RuntimeQuestion,
  RuntimeScenario,
  RuntimeScene,
} from './runtime-types.js';

/** The project's xAPI namespace. */
export const NS = 'https://integrity-ranger.id/xapi/';
/** The xAPI Profile (all versions) and the version the player follows. */
export const PROFILE_ID = NS + 'profile';
export const PROFILE_VERSION = NS + 'profile/v1.0';

export const EXT = {
  /** Context extension: the integrity dimension's slug, e.g. `gratifikasi`. */
  dimension: NS + 'extensions/dimension',
  /** Result extension on course completed/passed/failed: per-dimension score and status. */
  dimensionResults: NS + 'extensions/dimension-results',
  /** Result extension: true when this answer or play counts for the course score (the first one). */
  countsForScore: NS + 'extensions/counts-for-score',
  /** Result extension on scene choices: `good`, `bad` or `neutral`, as the author marked it. */
  choiceQuality: NS + 'extensions/choice-quality',
  /** Result extension on scenario completed/passed/failed: the id of the ending scene reached. */
  ending: NS + 'extensions/ending',
} as const;

/** The State API document (stateId) holding the learner's progress. */
export const STATE_PROGRESS = NS + 'documents/progress';

export const ADL = 'http://adlnet.gov/expapi/';
export const TYPE = {
  course: ADL + 'activities/course',
  module: ADL + 'activities/module',
  simulation: ADL + 'activities/simulation',
  interaction: ADL + 'activities/cmi.interaction',
  profile: ADL + 'activities/profile',
  page: NS + 'activities/page',
} as const;

function base(iri: string): string {
  return iri.replace(/\/+$/, '');
}
function seg(id: string): string {
  return encodeURIComponent(id);
}

export const activityId = {
  course: (iri: string): string => iri,
  lesson: (iri: string, lesson: string): string => `${base(iri)}/lesson/${seg(lesson)}`,
  page: (iri: string, lesson: string, page: string): string =>
    `${base(iri)}/lesson/${seg(lesson)}/page/${seg(page)}`,
  question: (iri: string, question: string): string => `${base(iri)}/question/${seg(question)}`,
  scenario: (iri: string, scenario: string): string => `${base(iri)}/scenario/${seg(scenario)}`,
  scene: (iri: string, scenario: string, scene: string): string =>
    `${base(iri)}/scenario/${seg(scenario)}/scene/${seg(scene)}`,
};

/** Choice ids in interactions: `a`, `b`, … `z`, `aa`, `ab` … (the letters SCORM 1.2 uses too). */
export function choiceLetter(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of the compiler's sanitised HTML, for activity descriptions. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens to at most `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max = 100): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return (sp > max / 2 ? cut.slice(0, sp) : cut) + '…';
}

export interface InteractionInfo {
  choices: { id: string; text: string }[];
  /** null: no correct response is defined (any answer is acceptable). */
  correct: string[] | null;
}

/** One activity as tincan.xml and the statements describe it. */
export interface ActivityInfo {
  id: string;
  type: string;
  name: string;
  description: string;
  interaction?: InteractionInfo;
}

export function courseActivity(course: RuntimeCourse, iri: string): ActivityInfo {
  return {
    id: activityId.course(iri),
    type: TYPE.course,
    name: course.title,
    description: course.description || course.title,
  };
}

export function lessonActivity(iri: string, lesson: RuntimeLesson): ActivityInfo {
  return {
    id: activityId.lesson(iri, lesson.id),
    type: TYPE.module,
    name: lesson.title,
    description: lesson.objectives.length ? lesson.objectives.join('; ') : lesson.title,
  };
}

export function pageActivity(iri: string, lesson: RuntimeLesson, page: RuntimePage): ActivityInfo {
  return {
    id: activityId.page(iri, lesson.id, page.id),
    type: TYPE.page,
    name: page.title,
    description: `${lesson.title}: ${page.title}`,
  };
}

export function questionActivity(iri: string, q: RuntimeQuestion): ActivityInfo {
  const choices = q.choices.map((c, i) => ({ id: choiceLetter(i), text: c.text }));
  const right = choices.filter((_, i) => q.choices[i]!.correct).map((c) => c.id);
  return {
    id: activityId.question(iri, q.id),
    type: TYPE.interaction,
    name: shorten(q.promptText),
    description: q.promptText,
    // All correct choices together form the one correct response.
    interaction: { choices, correct: right.length ? [right.join('[,]')] : [] },
  };
}

export function scenarioActivity(iri: string, s: RuntimeScenario): ActivityInfo {
  const intro = htmlToText(s.introHtml);
  return {
    id: activityId.scenario(iri, s.id),
    type: TYPE.simulation,
    name: s.title,
    description: intro || s.title,
  };
}

/**
 * A scene's choices as a choice interaction. Correct responses: each choice the
 * author marked `{good}`; in a scene without good choices, each choice not
 * marked `{bad}`; none at all (`[]`) when every choice is bad; and no pattern
 * when every choice is neutral (any answer is acceptable).
 */
export function sceneActivity(iri: string, s: RuntimeScenario, scene: RuntimeScene): ActivityInfo {
  const choices = scene.choices.map((c, i) => ({ id: choiceLetter(i), text: c.text }));
  const good = choices.filter((_, i) => scene.choices[i]!.quality === 'good').map((c) => c.id);
  const notBad = choices.filter((_, i) => scene.choices[i]!.quality !== 'bad').map((c) => c.id);
  const anyBad = notBad.length < choices.length;
  const text = htmlToText(scene.html);
  return {
    id: activityId.scene(iri, s.id, scene.id),
    type: TYPE.interaction,
    name: `${s.title}: ${scene.title}`,
    description: text || scene.title,
    interaction: { choices, correct: good.length ? good : anyBad ? notBad : null },
  };
}

/** Every question of the course with its lesson, in course order. */
export function questionsOf(course: RuntimeCourse): { lesson: RuntimeLesson; page: RuntimePage; question: RuntimeQuestion }[] {
  const out: { lesson: RuntimeLesson; page: RuntimePage; question: RuntimeQuestion }[] = [];
  for (const unit of course.units) {
    if (unit.kind !== 'lesson') continue;
    for (const page of unit.pages) {
      for (const block of page.blocks) {
        if (block.kind === 'question') out.push({ lesson: unit, page, question: block.question });
      }
    }
  }
  return out;
}

/**
 * Every activity of the course in tincan.xml order: the course first, then per
 * unit the lesson, its pages and its questions, or the scenario and its scenes
 * with choices.
 */
export function courseActivities(course: RuntimeCourse, iri: string): ActivityInfo[] {
  const out = [courseActivity(course, iri)];
  for (const unit of course.units) {
    if (unit.kind === 'lesson') {
      out.push(lessonActivity(iri, unit));
      for (const page of unit.pages) out.push(pageActivity(iri, unit, page));
      for (const page of unit.pages) {
        for (const block of page.blocks) {
          if (block.kind === 'question') out.push(questionActivity(iri, block.question));
        }
      }
    } else {
      out.push(scenarioActivity(iri, unit));
      for (const scene of unit.scenes) {
        if (scene.choices.length) out.push(sceneActivity(iri, unit, scene));
      }
    }
  }
  return out;
}
