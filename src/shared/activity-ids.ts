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
 * progress state document) lives under https://w3id.org/xapi/integrity-ranger/ and is
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
export const NS = 'https://w3id.org/xapi/integrity-ranger/';
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

/** `<iri>/<a>/<b>…`, each part URL-encoded. */
function under(iri: string, ...parts: string[]): string {
  return iri.replace(/\/+$/, '') + '/' + parts.map(encodeURIComponent).join('/');
}

export const activityId = {
  course: (iri: string): string => iri,
  lesson: (iri: string, lesson: string): string => under(iri, 'lesson', lesson),
  page: (iri: string, lesson: string, page: string): string => under(iri, 'lesson', lesson, 'page', page),
  question: (iri: string, question: string): string => under(iri, 'question', question),
  scenario: (iri: string, scenario: string): string => under(iri, 'scenario', scenario),
  scene: (iri: string, scenario: string, scene: string): string => under(iri, 'scenario', scenario, 'scene', scene),
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

/** Plain text of the compiler's sanitised HTML (tags dropped, entities decoded), for descriptions. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x?)?(\w+);/gi, (m, num: string | undefined, e: string) =>
      num ? String.fromCodePoint(parseInt(e, num.length > 1 ? 16 : 10) % 0x110000 || 65533) : ENTITIES[e] || m,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, cut at a word boundary where there is one, with an ellipsis. */
export function shorten(text: string, max = 100): string {
  return text.length > max ? text.slice(0, max).replace(/\s+\S*$/, '') + '…' : text;
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
    description: lesson.objectives.length ? lesson.objectives.map((o) => o.replace(/[.;]\s*$/, '')).join('; ') : lesson.title,
  };
}

export function pageActivity(iri: string, lesson: RuntimeLesson, page: RuntimePage): ActivityInfo {
  return {
    id: activityId.page(iri, lesson.id, page.id),
    type: TYPE.page,
    name: page.title,
    description: page.title === lesson.title ? page.title : `${lesson.title}: ${page.title}`,
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
  const marked = (test: (q: string) => boolean) => choices.filter((_, i) => test(scene.choices[i]!.quality)).map((c) => c.id);
  const good = marked((q) => q === 'good');
  const notBad = marked((q) => q !== 'bad');
  return {
    id: activityId.scene(iri, s.id, scene.id),
    type: TYPE.interaction,
    name: `${s.title}: ${scene.title}`,
    description: htmlToText(scene.html) || scene.title,
    interaction: { choices, correct: good.length ? good : notBad.length < choices.length ? notBad : null },
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
