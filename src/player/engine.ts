/**
 * The learning engine: owns the learner's progress, turns what the learner
 * does into learning events for the transport, and saves after every
 * meaningful change. No DOM here; the UI calls these methods.
 */
import type { RuntimeCourse, RuntimeScene } from '../shared/runtime-types';
import { emptyProgress, indexCourse, lessonDone, locationOf, parseLocation, type CourseIndex, type Progress } from '../shared/progress';
import { encodeState, readState } from '../shared/state-codec';
import { computeResult, simpleResult } from '../shared/scoring';
import { choiceRight, isRight as anyRight } from '../shared/answers';
import { assessMethods } from './engine-assess';
import { courseNeedsAssess } from '../shared/assess-files';
import type { CourseResult, LearningEvent, Restored, Snapshot, Transport } from './transport/types';

export type EventBody = LearningEvent extends infer E ? (E extends { at: number } ? Omit<E, 'at'> : never) : never;


/** The methods of issue 12 (ASSESS.md §7): only the full engine (player-assess.js, src/shared/lite.d.ts) has them. */
export interface AssessMethods {
  /** Submits a survey (index in ix.surveys): per item 1..scale. Emits survey-answered per item. */
  surveyAnswer(v: number, values: number[]): void;
  /** Draws a new attempt of test t (ix.tests) when none is open and one is allowed; saves. No event. */
  testStart(t: number): void;
  /**
   * Keeps the answer of a drawn slot (no event, no feedback); saves. `text` is
   * its response in the target's format, for the records; the state keeps the
   * answer, not the text, so after a resume the UI gives it again (calling
   * this with the restored answer) or the records go without it.
   */
  testAnswer(t: number, slot: number, answer: number[], text?: string): void;
  /**
   * Scores the open attempt: question-answered per slot (`lesson` = the test's
   * id, `test` set, `first` true, an unanswered slot with response [] and
   * wrong, latency from the attempt's start to the slot's last answer), then
   * test-submitted; then the result (course-completed when it completes).
   */
  testSubmit(t: number): void;
  /** Whether test t may be started now: no attempt yet, or the last failed and attempts remain (a final test). */
  canStart(t: number): boolean;
}

/**
 * Whether the course needs the full engine (player-full.js): it has a test, a
 * survey or a typed question, read from the course itself so that the lighter
 * engine can never take such a course for a simpler one.
 */
export const needsAssess = courseNeedsAssess;

export interface Engine extends AssessMethods {
  readonly course: RuntimeCourse;
  readonly ix: CourseIndex;
  readonly progress: Progress;
  readonly result: CourseResult;
  /** Saved progress (or at least a saved location) was found and restored. */
  readonly resumed: boolean;
  /** The course changed since the progress was saved: what still applies was kept (`updated`), or none of it could be read (`lost`). Names the notice. */
  readonly update: 'updated' | 'lost' | null;
  /** The current stop (index into `ix.stops`). */
  readonly at: number;
  /** Moves to a stop and enters it. */
  go(at: number): void;
  /**
   * The current stop is being displayed: page-viewed and friends. Also at start.
   * `media`: the current page's `{required}` media all reached their end, so it is viewed now.
   */
  enter(media?: boolean): void;
  /** A question is (re)shown: its answer latency counts from here. */
  showQuestion(q: number): void;
  /** Submits an answer (src/shared/answers.ts) to a lesson question of any type; returns whether it is right. `text` is the response in the target's format, for the records (typed questions). */
  answer(q: number, response: number[], text?: string): boolean;
  /** The current scene of scenario `s`. */
  scene(s: number): RuntimeScene;
  /** A scene is on screen: choice latency counts from here. */
  showScene(): void;
  /** Picks choice `c` in the current scene of scenario `s`; returns the scene it leads to. */
  choose(s: number, c: number): RuntimeScene;
  /** Plays scenario `s` again from its start (the first play's score stays). */
  replay(s: number): void;
  snapshot(): Snapshot;
  /** Persists without a change (e.g. the page is being hidden). */
  save(): void;
  /** The learner leaves: hands the transport its last snapshot. Once. */
  finish(): void;
}

/** A choice question's answer is right (SPEC §3); the other types are checked with src/shared/answers.ts. */
export const isRight = choiceRight;

/**
 * `random`: numbers in [0, 1) for the test draw; by default
 * crypto.getRandomValues where there is one, else Math.random. The first
 * page's engine refuses a course that needs the full one (`needsAssess`)
 * rather than misread or overwrite the learner's state.
 */
export function createEngine(course: RuntimeCourse, transport: Transport, restored: Restored, now: () => number = Date.now, random?: () => number): Engine {
  if (globalThis.IR_LITE && needsAssess(course)) throw new Error('player-assess.js');
  const ix = indexCourse(course);
  const sessionStart = now();
  const read = readState(course, restored.state);
  const progress = read ? read.progress : emptyProgress(course);
  const update = read ? (read.updated ? 'updated' : null) : restored.state ? 'lost' : null;
  let resumed = !!read;
  if (!read && restored.location) {
    // No usable state, but the LMS remembers where the learner was (ids, so never a different place).
    const loc = parseLocation(course, restored.location);
    if (loc) {
      progress.at = loc.at;
      const stop = ix.stops[loc.at];
      if (stop && stop.kind === 'scenario' && loc.scene !== null) progress.scenarios[stop.i]!.scene = loc.scene;
      resumed = loc.at > 0;
    }
  }
  let result = (globalThis.IR_LITE ? simpleResult : computeResult)(course, progress);
  let completed = result.complete;
  let finished = false;
  const lessonStart: Record<number, number> = {};
  const playStart: Record<number, number> = {};
  const questionShown: Record<number, number> = {};
  let sceneShown = sessionStart;

  const emit = (e: EventBody) => transport.record({ ...e, at: now() } as LearningEvent);
  const snapshot = (): Snapshot => ({ state: encodeState(course, progress), location: locationOf(course, progress), result });
  const save = () => {
    if (!finished) transport.save(snapshot());
  };
  const changed = () => {
    result = (globalThis.IR_LITE ? simpleResult : computeResult)(course, progress);
    if (result.complete && !completed) {
      completed = true;
      emit({ type: 'course-completed', result, durationMs: now() - sessionStart });
    }
    save();
  };
  const scene = (s: number) => {
    const ref = ix.scenarios[s]!;
    return ref.scenario.scenes[progress.scenarios[s]!.scene] || ref.scenario.scenes[ref.start]!;
  };

  const enter = (media?: boolean) => {
    const stop = ix.stops[progress.at];
    const t = now();
    if (stop && stop.kind === 'page') {
      const ref = ix.pages[stop.i]!;
      const first = !progress.pages[stop.i];
      if (lessonStart[ref.l] === undefined) lessonStart[ref.l] = t;
      // A required-media page is viewed when its media end; after that, entering it is a revisit.
      if (first ? !ref.page.required || media : !media) {
        const wasDone = lessonDone(course, progress, ref.l);
        progress.pages[stop.i] = true;
        emit({ type: 'page-viewed', lesson: ref.lesson.id, page: ref.page.id, pageIndex: ref.n, first });
        if (!wasDone && lessonDone(course, progress, ref.l)) emit({ type: 'lesson-completed', lesson: ref.lesson.id, durationMs: t - lessonStart[ref.l]! });
      }
    } else if (stop && stop.kind === 'scenario') {
      if (playStart[stop.i] === undefined) playStart[stop.i] = t;
      sceneShown = t;
    }
    changed();
  };

  const engine = {
    course,
    ix,
    progress,
    get result() {
      return result;
    },
    resumed,
    update,
    get at() {
      return progress.at;
    },
    go(at) {
      progress.at = Math.max(0, Math.min(ix.stops.length - 1, at));
      enter();
    },
    enter,
    showQuestion(q) {
      questionShown[q] = now();
    },
    answer(q, response, text) {
      const ref = ix.questions[q]!;
      const qp = progress.questions[q]!;
      // A typed answer's order means something (matching, sequencing).
      const chosen = !globalThis.IR_LITE && ref.question.type ? response.slice() : response.slice().sort((a, b) => a - b);
      const correct = (globalThis.IR_LITE ? isRight : anyRight)(ref.question, chosen);
      const first = qp.first === null;
      if (first) qp.first = correct;
      qp.last = chosen;
      const t = now();
      emit({ type: 'question-answered', lesson: ref.lesson.id, question: ref.question.id, response: chosen, correct, first, latencyMs: t - (questionShown[q] || sessionStart), text });
      questionShown[q] = t;
      changed();
      return correct;
    },
    scene,
    showScene() {
      sceneShown = now();
    },
    choose(s, c) {
      const ref = ix.scenarios[s]!;
      const sp = progress.scenarios[s]!;
      const from = scene(s);
      const choice = from.choices[c]!;
      const t = now();
      emit({ type: 'scenario-choice', scenario: ref.scenario.id, scene: from.id, choiceIndex: c, quality: choice.quality, latencyMs: t - sceneShown });
      const target = ref.scenario.scenes.findIndex((x) => x.id === choice.target);
      if (target >= 0) sp.scene = target;
      const to = scene(s);
      sceneShown = t;
      if (to.ending) {
        const first = sp.ending === null;
        if (first) sp.ending = sp.scene;
        emit({ type: 'scenario-ended', scenario: ref.scenario.id, scene: to.id, outcome: to.ending.outcome, score: to.ending.score, first, durationMs: t - (playStart[s] || sessionStart) });
      }
      changed();
      return to;
    },
    replay(s) {
      progress.scenarios[s]!.scene = ix.scenarios[s]!.start;
      playStart[s] = sceneShown = now();
      changed();
    },
    snapshot,
    save,
    finish() {
      if (finished) return;
      finished = true;
      transport.finish(snapshot());
    },
  } as Engine;
  if (!globalThis.IR_LITE) Object.assign(engine, assessMethods(engine, emit, changed, now, random));
  return engine;
}
