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
 *   test (pre or final)    <iri>/test/<test-id>
 *   survey                 <iri>/survey/<survey-id>
 *   survey item            <iri>/survey/<survey-id>/item/<item-id>
 *   video or audio file    <iri>/media/<path in the package, e.g. assets/film.mp4>
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
  RuntimeSurvey,
  RuntimeSurveyItem,
  RuntimeTest,
} from './runtime-types.js';
import { shorten } from './ui-strings.js';
import { choiceLetter } from './record-formats.js';

export { shorten };

/** The project's xAPI namespace. */
export const NS = 'https://w3id.org/xapi/integrity-ranger/';
/** The xAPI Profile (all versions) and the version the player follows. */
export const PROFILE_ID = NS + 'profile';
export const PROFILE_VERSION = PROFILE_ID + '/v1.0';

// Each IRI is also its own constant: the player imports those (a minifier
// shortens a constant's name, never an object's property names).
/** Context extension: the integrity dimension's slug, e.g. `gratifikasi`. */
export const EXT_DIMENSION = NS + 'extensions/dimension';
/** Result extension on course completed/passed/failed: per-dimension score and status. */
export const EXT_DIMENSION_RESULTS = NS + 'extensions/dimension-results';
/** Result extension: true when this answer or play counts for the course score (the first one). */
export const EXT_COUNTS_FOR_SCORE = NS + 'extensions/counts-for-score';
/** Result extension on scene choices: `good`, `bad` or `neutral`, as the author marked it. */
export const EXT_CHOICE_QUALITY = NS + 'extensions/choice-quality';
/** Result extension on scenario completed/passed/failed: the id of the ending scene reached. */
export const EXT_ENDING = NS + 'extensions/ending';

// Issue 12's IRIs used only by player-assess.js are spelt whole: a bare literal is dropped from the
// first page's bundle, which does not use them, where `NS + …` would be kept (test/xapi/tincan.test.ts checks the prefix).
/** Context extension on a test's statements and on its questions' answers (issue 12): `{ id, role: 'pre'|'final', attempt }`. */
export const EXT_TEST = 'https://w3id.org/xapi/integrity-ranger/extensions/test';
/** Context extension on a survey item's answer: the survey's phase, `pre` or `post` (absent: the survey has none). */
export const EXT_SURVEY_PHASE = 'https://w3id.org/xapi/integrity-ranger/extensions/survey-phase';
/** Result extension on course completed/passed/failed: per dimension, the attitude shift mean(post) − mean(pre) on the Likert points, once both surveys are answered. */
export const EXT_ATTITUDE_SHIFT = 'https://w3id.org/xapi/integrity-ranger/extensions/attitude-shift';
/** Result extension on course completed/passed/failed: `final-test` when that scoring rule applied (absent: SPEC §3's). */
export const EXT_SCORING_RULE = 'https://w3id.org/xapi/integrity-ranger/extensions/scoring-rule';

/** The extensions by name. */
export const EXT = {
  dimension: EXT_DIMENSION,
  dimensionResults: EXT_DIMENSION_RESULTS,
  countsForScore: EXT_COUNTS_FOR_SCORE,
  choiceQuality: EXT_CHOICE_QUALITY,
  ending: EXT_ENDING,
  test: EXT_TEST,
  surveyPhase: EXT_SURVEY_PHASE,
  scoringRule: EXT_SCORING_RULE,
  attitudeShift: EXT_ATTITUDE_SHIFT,
} as const;

/** The State API document (stateId) holding the learner's progress. */
export const STATE_PROGRESS = NS + 'documents/progress';

export const ADL = 'http://adlnet.gov/expapi/';
/** Activity types: ADL's, and the project's own for a lesson page. */
export const TYPE_COURSE = ADL + 'activities/course';
export const TYPE_MODULE = ADL + 'activities/module';
export const TYPE_SIMULATION = ADL + 'activities/simulation';
export const TYPE_INTERACTION = ADL + 'activities/cmi.interaction';
export const TYPE_PROFILE = ADL + 'activities/profile';
export const TYPE_PAGE = NS + 'activities/page';
/** A pre-test or a final test. */
export const TYPE_ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';
/** An attitude survey (the parent of its items' answers): the project's own type. */
export const TYPE_SURVEY = 'https://w3id.org/xapi/integrity-ranger/activities/survey';
/** The activity types by name. */
export const TYPE = {
  course: TYPE_COURSE,
  module: TYPE_MODULE,
  simulation: TYPE_SIMULATION,
  interaction: TYPE_INTERACTION,
  profile: TYPE_PROFILE,
  page: TYPE_PAGE,
  assessment: TYPE_ASSESSMENT,
  survey: TYPE_SURVEY,
} as const;

/** `<iri>/<a>/<b>…`, each part URL-encoded. */
function under(iri: string, ...parts: string[]): string {
  return iri.replace(/\/+$/, '') + '/' + parts.map(encodeURIComponent).join('/');
}

// The builders below call `under` directly (so the player bundles no
// `activityId` table); `activityId` spells the same scheme out for callers
// that need only an id.
export const activityId = {
  course: (iri: string): string => iri,
  lesson: (iri: string, lesson: string): string => under(iri, 'lesson', lesson),
  page: (iri: string, lesson: string, page: string): string => under(iri, 'lesson', lesson, 'page', page),
  question: (iri: string, question: string): string => under(iri, 'question', question),
  scenario: (iri: string, scenario: string): string => under(iri, 'scenario', scenario),
  scene: (iri: string, scenario: string, scene: string): string => under(iri, 'scenario', scenario, 'scene', scene),
  test: (iri: string, test: string): string => under(iri, 'test', test),
  survey: (iri: string, survey: string): string => under(iri, 'survey', survey),
  surveyItem: (iri: string, survey: string, item: string): string => under(iri, 'survey', survey, 'item', item),
  media: (iri: string, path: string): string => under(iri, 'media', ...path.split('/')),
};

// Choice ids live with the other record formats; re-exported here, where the activity builders use them.
export { choiceLetter };

// Null prototype: `&constructor;` must not find Object.prototype.constructor.
const ENTITIES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' });

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
  /** A typed question or a survey item (issue 12): the xAPI definition fields its `rec` gives (interactionType, components, correctResponsesPattern). */
  def?: Record<string, unknown>;
}

const activity = (id: string, type: string, name: string, description: string, interaction?: InteractionInfo): ActivityInfo =>
  interaction ? { id, type, name, description, interaction } : { id, type, name, description };

/** An interaction whose definition (`def`) was made for the package's target at build time (src/render/records.ts). */
const recorded = (id: string, name: string, description: string, def: Record<string, unknown> | undefined): ActivityInfo =>
  def ? { ...activity(id, TYPE_INTERACTION, name, description), def } : activity(id, TYPE_INTERACTION, name, description);

/** A choice interaction's choices, lettered, and the letters of those `test` picks. */
const lettered = <C extends { text: string }>(list: C[]) => {
  const choices = list.map((c, i) => ({ id: choiceLetter(i), text: c.text }));
  return { choices, picked: (test: (c: C) => boolean) => choices.filter((_, i) => test(list[i]!)).map((c) => c.id) };
};

export function courseActivity(course: RuntimeCourse, iri: string): ActivityInfo {
  return activity(iri, TYPE_COURSE, course.title, course.description || course.title);
}

export function lessonActivity(iri: string, lesson: RuntimeLesson): ActivityInfo {
  const { title, objectives } = lesson;
  return activity(under(iri, 'lesson', lesson.id), TYPE_MODULE, title, objectives.length ? objectives.map((o) => o.replace(/[.;]\s*$/, '')).join('; ') : title);
}

export function pageActivity(iri: string, lesson: RuntimeLesson, page: RuntimePage): ActivityInfo {
  const { title } = page;
  return activity(under(iri, 'lesson', lesson.id, 'page', page.id), TYPE_PAGE, title, title === lesson.title ? title : lesson.title + ': ' + title);
}

/** A choice question; see `anyQuestionActivity` for a question of any type. */
export function questionActivity(iri: string, q: RuntimeQuestion): ActivityInfo {
  const { choices, picked } = lettered(q.choices);
  const right = picked((c) => c.correct);
  // All correct choices together form the one correct response.
  return activity(under(iri, 'question', q.id), TYPE_INTERACTION, shorten(q.promptText), q.promptText, { choices, correct: right.length ? [right.join('[,]')] : [] });
}

/** A question of any type (issue 12): a typed one is described by its `rec`, made for the package's target. */
export function anyQuestionActivity(iri: string, q: RuntimeQuestion): ActivityInfo {
  return q.rec ? recorded(under(iri, 'question', q.id), shorten(q.promptText), q.promptText, q.rec.def) : questionActivity(iri, q);
}

/** A test (issue 12): a pre-test or a final test, its questions drawn from `pool`. */
export function testActivity(iri: string, t: RuntimeTest): ActivityInfo {
  return activity(under(iri, 'test', t.id), TYPE_ASSESSMENT, t.title, htmlToText(t.introHtml) || t.title);
}

/** A survey (issue 12): the parent of its items' answers. */
export function surveyActivity(iri: string, s: RuntimeSurvey): ActivityInfo {
  return activity(under(iri, 'survey', s.id), TYPE_SURVEY, shorten(s.promptText) || s.id, s.promptText || s.id);
}

/** A survey item (issue 12): a likert interaction, the survey's scale in its definition. */
export function surveyItemActivity(iri: string, s: RuntimeSurvey, item: RuntimeSurveyItem): ActivityInfo {
  return recorded(under(iri, 'survey', s.id, 'item', item.id), shorten(item.text), s.promptText ? s.promptText + ' ' + item.text : item.text, s.rec.def);
}

export function scenarioActivity(iri: string, s: RuntimeScenario): ActivityInfo {
  return activity(under(iri, 'scenario', s.id), TYPE_SIMULATION, s.title, htmlToText(s.introHtml) || s.title);
}

/**
 * A scene's choices as a choice interaction. Correct responses: each choice the
 * author marked `{good}`; in a scene without good choices, each choice not
 * marked `{bad}`; none at all (`[]`) when every choice is bad; and no pattern
 * when every choice is neutral (any answer is acceptable).
 */
export function sceneActivity(iri: string, s: RuntimeScenario, scene: RuntimeScene): ActivityInfo {
  const { choices, picked } = lettered(scene.choices);
  const good = picked((c) => c.quality === 'good');
  const notBad = picked((c) => c.quality !== 'bad');
  return activity(under(iri, 'scenario', s.id, 'scene', scene.id), TYPE_INTERACTION, s.title + ': ' + scene.title, htmlToText(scene.html) || scene.title, {
    choices,
    correct: good.length ? good : notBad.length < choices.length ? notBad : null,
  });
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
 * unit the lesson, its pages and its questions and survey items, the test and
 * its pool's questions (once, when two tests share a pool), or the scenario
 * and its scenes with choices.
 */
export function courseActivities(course: RuntimeCourse, iri: string): ActivityInfo[] {
  const out = [courseActivity(course, iri)];
  const seen = new Set<string>();
  for (const unit of course.units) {
    if (unit.kind === 'lesson') {
      out.push(lessonActivity(iri, unit));
      for (const page of unit.pages) out.push(pageActivity(iri, unit, page));
      for (const page of unit.pages) {
        for (const block of page.blocks) {
          if (block.kind === 'question') out.push(anyQuestionActivity(iri, block.question));
          else if (block.kind === 'survey') out.push(surveyActivity(iri, block.survey), ...block.survey.items.map((item) => surveyItemActivity(iri, block.survey, item)));
        }
      }
    } else if (unit.kind === 'test') {
      out.push(testActivity(iri, unit));
      for (const q of unit.questions) {
        if (!seen.has(q.id)) out.push(anyQuestionActivity(iri, q));
        seen.add(q.id);
      }
    } else if (unit.kind === 'scenario') {
      out.push(scenarioActivity(iri, unit));
      for (const scene of unit.scenes) {
        if (scene.choices.length) out.push(sceneActivity(iri, unit, scene));
      }
    }
  }
  return out;
}
