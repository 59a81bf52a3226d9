/**
 * The learner-progress model: everything the player must remember to resume a
 * learner exactly where they left, and nothing more. Shared by the player
 * (which updates it), the state codec (which stores it in ≤ 4096 characters)
 * and scoring (which turns it into a result). Pure data, no DOM.
 *
 * Everything is indexed in course order (see `indexCourse`), so the codec can
 * store positions instead of ids.
 */
import type {
  RuntimeCourse,
  RuntimeLesson,
  RuntimePage,
  RuntimeQuestion,
  RuntimeScenario,
  RuntimeSurvey,
  RuntimeTest,
} from './runtime-types.js';

export interface QuestionProgress {
  /** Whether the first submitted answer (the one that counts) was correct; null until answered. */
  first: boolean | null;
  /** Choice indexes of the last submitted answer, ascending; empty until answered. */
  last: number[];
}

export interface ScenarioProgress {
  /** Index in `scenario.scenes` of the ending the first completed play reached; null until one did. */
  ending: number | null;
  /** Index in `scenario.scenes` of the scene the learner is on (the start scene until they choose). */
  scene: number;
}

/** Issue 12: one test (a pre-test or a final test). */
export interface TestProgress {
  /** Submitted attempts. */
  attempts: number;
  /** An attempt is drawn and not yet submitted. */
  open: boolean;
  /** Pool indexes of the drawn questions (of the open attempt, else of the last submitted one); empty before the first draw. */
  drawn: number[];
  /** Per drawn slot, the answer (src/shared/answers.ts); empty until answered. */
  answers: number[][];
  /** Per bucket (`TestRef.buckets`), right answers and drawn questions of the attempt that counts (the last submitted). */
  right: number[];
  total: number[];
}

export interface Progress {
  /** One flag per lesson page, in course order (`CourseIndex.pages`). */
  pages: boolean[];
  /** One entry per question, in course order (`CourseIndex.questions`). */
  questions: QuestionProgress[];
  /** One entry per scenario, in course order (`CourseIndex.scenarios`). */
  scenarios: ScenarioProgress[];
  /** Where the learner is: an index into `CourseIndex.stops`. */
  at: number;
  /** Issue 12: per survey (`CourseIndex.surveys`), per item, 1..scale, 0 unanswered. Absent in a course without surveys. */
  surveys?: number[][];
  /** Issue 12: per test (`CourseIndex.tests`). Absent in a course without tests. */
  tests?: TestProgress[];
}

export interface PageRef {
  lesson: RuntimeLesson;
  page: RuntimePage;
  /** Index of the page within its lesson. */
  n: number;
  /** Index of the lesson in `CourseIndex.lessons`. */
  l: number;
}

export interface QuestionRef {
  question: RuntimeQuestion;
  lesson: RuntimeLesson;
  /** Flat index of the page holding it. */
  page: number;
}

export interface ScenarioRef {
  scenario: RuntimeScenario;
  /** Index of the start scene in `scenario.scenes`. */
  start: number;
  /** Indexes (in `scenario.scenes`) of the endings, in scene order. */
  endings: number[];
}

export interface SurveyRef {
  survey: RuntimeSurvey;
  lesson: RuntimeLesson;
  /** Flat index of the page holding it. */
  page: number;
}

export interface TestRef {
  test: RuntimeTest;
  /** Dimension ids of the pool's questions in course.dimensions order, then '' when some question has none. */
  buckets: string[];
}

export interface LessonRef {
  lesson: RuntimeLesson;
  /** Flat indexes of its pages. */
  pages: number[];
}

/** A place the learner can be: every lesson page and every scenario, in unit order, then the results. */
export type Stop =
  | { kind: 'page'; i: number }
  | { kind: 'scenario'; i: number }
  | { kind: 'test'; i: number }
  | { kind: 'results' };

export interface CourseIndex {
  pages: PageRef[];
  lessons: LessonRef[];
  questions: QuestionRef[];
  scenarios: ScenarioRef[];
  surveys: SurveyRef[];
  tests: TestRef[];
  stops: Stop[];
  /** Stop index of each page / scenario / test. */
  pageStop: number[];
  scenarioStop: number[];
  testStop: number[];
}

const cache = new WeakMap<object, CourseIndex>();

/** A test's buckets: the dimensions of its pool in the order the pool first uses them (the same for every build of the same pool), then '' if some question has none. */
function bucketsOf(test: RuntimeTest): string[] {
  const dims = test.questions.map((q) => q.dimension || '');
  const buckets = dims.filter((d, i) => d && dims.indexOf(d) === i);
  if (dims.indexOf('') >= 0) buckets.push('');
  return buckets;
}

/** Flattens the course into course-order lists (memoised per course object). */
export function indexCourse(course: Pick<RuntimeCourse, 'units'>): CourseIndex {
  const hit = cache.get(course);
  if (hit) return hit;
  const ix: CourseIndex = { pages: [], lessons: [], questions: [], scenarios: [], surveys: [], tests: [], stops: [], pageStop: [], scenarioStop: [], testStop: [] };
  for (const unit of course.units) {
    if (unit.kind === 'lesson') {
      const ref: LessonRef = { lesson: unit, pages: [] };
      unit.pages.forEach((page, n) => {
        const flat = ix.pages.length;
        ref.pages.push(flat);
        ix.pages.push({ lesson: unit, page, n, l: ix.lessons.length });
        ix.pageStop.push(ix.stops.length);
        ix.stops.push({ kind: 'page', i: flat });
        for (const block of page.blocks) {
          if (block.kind === 'question') ix.questions.push({ question: block.question, lesson: unit, page: flat });
          else if (block.kind === 'survey') ix.surveys.push({ survey: block.survey, lesson: unit, page: flat });
        }
      });
      ix.lessons.push(ref);
    } else if (unit.kind === 'test') {
      ix.testStop.push(ix.stops.length);
      ix.stops.push({ kind: 'test', i: ix.tests.length });
      // The first page's player never runs a test (player-assess.js's engine does): it needs no buckets.
      ix.tests.push({ test: unit, buckets: globalThis.IR_LITE ? [] : bucketsOf(unit) });
    } else {
      const endings: number[] = [];
      unit.scenes.forEach((scene, i) => {
        if (scene.ending) endings.push(i);
      });
      const start = Math.max(0, unit.scenes.findIndex((s) => s.id === unit.start));
      ix.scenarioStop.push(ix.stops.length);
      ix.stops.push({ kind: 'scenario', i: ix.scenarios.length });
      ix.scenarios.push({ scenario: unit, start, endings });
    }
  }
  ix.stops.push({ kind: 'results' });
  cache.set(course, ix);
  return ix;
}

/** A learner who has done nothing yet, standing on the first stop. */
export function emptyProgress(course: RuntimeCourse): Progress {
  const ix = indexCourse(course);
  const p: Progress = {
    pages: ix.pages.map(() => false),
    questions: ix.questions.map(() => ({ first: null, last: [] })),
    scenarios: ix.scenarios.map((s) => ({ ending: null, scene: s.start })),
    at: 0,
  };
  // Only a course with surveys or tests gets their fields, so other courses' progress is as it always was.
  if (!globalThis.IR_LITE && ix.surveys.length) p.surveys = ix.surveys.map(({ survey }) => survey.items.map(() => 0));
  if (!globalThis.IR_LITE && ix.tests.length) p.tests = ix.tests.map(() => ({ attempts: 0, open: false, drawn: [], answers: [], right: [], total: [] }));
  return p;
}

/**
 * The human-readable location stored in `cmi.core.lesson_location` and the like:
 * `l:<lesson>/<page>`, `s:<scenario>/<scene>`, `t:<test>` or `r:results`.
 */
export function locationOf(course: RuntimeCourse, progress: Progress): string {
  const ix = indexCourse(course);
  const stop = ix.stops[progress.at];
  if (!stop || stop.kind === 'results') return 'r:results';
  if (stop.kind === 'page') {
    const ref = ix.pages[stop.i]!;
    return `l:${ref.lesson.id}/${ref.page.id}`;
  }
  if (!globalThis.IR_LITE && stop.kind === 'test') return 't:' + ix.tests[stop.i]!.test.id;
  const ref = ix.scenarios[stop.i]!;
  const sp = progress.scenarios[stop.i];
  const scene = ref.scenario.scenes[sp ? sp.scene : ref.start];
  return `s:${ref.scenario.id}/${scene ? scene.id : ref.scenario.start}`;
}

/**
 * Reads a location string back. Returns the stop index and, for a scenario, the
 * scene index; null when it names nothing in this course.
 */
export function parseLocation(course: RuntimeCourse, location: string): { at: number; scene: number | null } | null {
  const ix = indexCourse(course);
  const m = /^([lsrt]):([^/]*)\/?(.*)$/.exec(location);
  if (!m) return null;
  const [, kind, a, b] = m;
  if (kind === 'r') return { at: ix.stops.length - 1, scene: null };
  if (kind === 'l') {
    const i = ix.pages.findIndex((p) => p.lesson.id === a && p.page.id === b);
    return i < 0 ? null : { at: ix.pageStop[i]!, scene: null };
  }
  if (!globalThis.IR_LITE && kind === 't') {
    const i = ix.tests.findIndex((t) => t.test.id === a);
    return i < 0 ? null : { at: ix.testStop[i]!, scene: null };
  }
  const i = ix.scenarios.findIndex((s) => s.scenario.id === a);
  if (i < 0) return null;
  const scene = ix.scenarios[i]!.scenario.scenes.findIndex((s) => s.id === b);
  return { at: ix.scenarioStop[i]!, scene: scene < 0 ? null : scene };
}

/** Whether every page of the lesson at `l` (index in `CourseIndex.lessons`) has been viewed. */
export function lessonDone(course: RuntimeCourse, progress: Progress, l: number): boolean {
  const ref = indexCourse(course).lessons[l];
  return !!ref && ref.pages.every((p) => progress.pages[p]);
}

/** A pre-test has one attempt, whatever the file says. */
export const attemptsOf = (t: RuntimeTest): number => (t.role === 'pre' ? 1 : Math.max(1, t.attempts));

/** How many questions an attempt of the test draws from each bucket (without `perDimension`: one figure, over the pool). */
export function slotCounts(test: RuntimeTest, buckets: string[]): number[] {
  if (!test.perDimension) return [Math.min(test.draw, test.questions.length)];
  return buckets.map((b) => Math.min(test.draw, test.questions.filter((q) => (q.dimension || '') === b).length));
}
