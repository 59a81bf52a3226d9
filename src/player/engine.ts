/**
 * The learning engine: owns the learner's progress, turns what the learner
 * does into learning events for the transport, and saves after every
 * meaningful change. No DOM here; the UI calls these methods.
 */
import type { RuntimeCourse, RuntimeScene } from '../shared/runtime-types';
import {
  emptyProgress,
  indexCourse,
  lessonDone,
  locationOf,
  parseLocation,
  type CourseIndex,
  type Progress,
} from '../shared/progress';
import { decodeState, encodeState } from '../shared/state-codec';
import * as scoring from '../shared/scoring';
import type { CourseResult, LearningEvent, Restored, Snapshot, Transport } from './transport/types';

// The shared result types and the transport's are the same shape, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const resultTypesAgree: Same<scoring.CourseResult, CourseResult> = true;
void resultTypesAgree;

type Event = LearningEvent extends infer E ? (E extends { at: number } ? Omit<E, 'at'> : never) : never;

export class Engine {
  readonly ix: CourseIndex;
  progress: Progress;
  result: CourseResult;
  /** True when saved progress was found and restored. */
  readonly resumed: boolean;
  private readonly sessionStart: number;
  private completed: boolean;
  private finished = false;
  private lessonStart: Record<number, number> = {};
  private playStart: Record<number, number> = {};
  private sceneShown = 0;
  private questionShown: Record<number, number> = {};

  constructor(
    readonly course: RuntimeCourse,
    private readonly transport: Transport,
    restored: Restored,
    private readonly now: () => number = Date.now,
  ) {
    this.ix = indexCourse(course);
    this.sessionStart = now();
    const decoded = restored.state ? decodeState(course, restored.state) : null;
    this.progress = decoded || emptyProgress(course);
    let resumed = !!decoded;
    if (!decoded && restored.location) {
      // No usable state, but the LMS remembers where the learner was.
      const loc = parseLocation(course, restored.location);
      if (loc) {
        this.progress.at = loc.at;
        const stop = this.ix.stops[loc.at];
        if (stop && stop.kind === 'scenario' && loc.scene !== null) this.progress.scenarios[stop.i]!.scene = loc.scene;
        resumed = loc.at > 0;
      }
    }
    this.resumed = resumed;
    this.result = scoring.computeResult(course, this.progress);
    this.completed = this.result.complete;
  }

  get at(): number {
    return this.progress.at;
  }

  snapshot(): Snapshot {
    return { state: encodeState(this.course, this.progress), location: locationOf(this.course, this.progress), result: this.result };
  }

  /** Moves to a stop and shows it. */
  go(at: number): void {
    this.progress.at = Math.max(0, Math.min(this.ix.stops.length - 1, at));
    this.enter();
  }

  /** Call whenever the current stop is displayed (also at start). */
  enter(): void {
    const stop = this.ix.stops[this.progress.at];
    const t = this.now();
    if (stop && stop.kind === 'page') {
      const ref = this.ix.pages[stop.i]!;
      const first = !this.progress.pages[stop.i];
      if (this.lessonStart[ref.l] === undefined) this.lessonStart[ref.l] = t;
      const wasDone = lessonDone(this.course, this.progress, ref.l);
      this.progress.pages[stop.i] = true;
      this.emit({ type: 'page-viewed', lesson: ref.lesson.id, page: ref.page.id, pageIndex: ref.n, first });
      if (!wasDone && lessonDone(this.course, this.progress, ref.l)) {
        this.emit({ type: 'lesson-completed', lesson: ref.lesson.id, durationMs: t - this.lessonStart[ref.l]! });
      }
    } else if (stop && stop.kind === 'scenario') {
      if (this.playStart[stop.i] === undefined) this.playStart[stop.i] = t;
      this.sceneShown = t;
    }
    this.changed();
  }

  /** The question is (re)shown: latency counts from here. */
  showQuestion(q: number): void {
    this.questionShown[q] = this.now();
  }

  /** Submits an answer; returns whether it was correct. */
  answer(q: number, response: number[]): boolean {
    const ref = this.ix.questions[q]!;
    const qp = this.progress.questions[q]!;
    const chosen = response.slice().sort((a, b) => a - b);
    const correct =
      ref.question.choices.every((c, i) => c.correct === (chosen.indexOf(i) >= 0)) && chosen.length > 0;
    const first = qp.first === null;
    if (first) qp.first = correct;
    qp.last = chosen;
    const t = this.now();
    this.emit({
      type: 'question-answered',
      lesson: ref.lesson.id,
      question: ref.question.id,
      response: chosen,
      correct,
      first,
      latencyMs: t - (this.questionShown[q] ?? this.sessionStart),
    });
    this.questionShown[q] = t;
    this.changed();
    return correct;
  }

  /** The current scene of scenario `s`. */
  scene(s: number): RuntimeScene {
    const ref = this.ix.scenarios[s]!;
    return ref.scenario.scenes[this.progress.scenarios[s]!.scene] || ref.scenario.scenes[ref.start]!;
  }

  /** The scene is on screen: choice latency counts from here. */
  showScene(): void {
    this.sceneShown = this.now();
  }

  /** Picks choice `c` in the current scene of scenario `s`; returns the scene it leads to. */
  choose(s: number, c: number): RuntimeScene {
    const ref = this.ix.scenarios[s]!;
    const sp = this.progress.scenarios[s]!;
    const scene = this.scene(s);
    const choice = scene.choices[c]!;
    const t = this.now();
    this.emit({ type: 'scenario-choice', scenario: ref.scenario.id, scene: scene.id, choiceIndex: c, quality: choice.quality, latencyMs: t - this.sceneShown });
    const target = ref.scenario.scenes.findIndex((x) => x.id === choice.target);
    if (target >= 0) sp.scene = target;
    const next = this.scene(s);
    this.sceneShown = t;
    if (next.ending) {
      const first = sp.ending === null;
      if (first) sp.ending = sp.scene;
      this.emit({
        type: 'scenario-ended',
        scenario: ref.scenario.id,
        scene: next.id,
        outcome: next.ending.outcome,
        score: next.ending.score,
        first,
        durationMs: t - (this.playStart[s] ?? this.sessionStart),
      });
    }
    this.changed();
    return next;
  }

  /** Starts scenario `s` again from its first scene (the first play's score stays). */
  replay(s: number): void {
    this.progress.scenarios[s]!.scene = this.ix.scenarios[s]!.start;
    this.playStart[s] = this.sceneShown = this.now();
    this.changed();
  }

  /** The learner leaves (pagehide and the like). Once. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.transport.finish(this.snapshot());
  }

  /** Saves without a change (e.g. the page is being hidden). */
  save(): void {
    if (!this.finished) this.transport.save(this.snapshot());
  }

  private emit(e: Event): void {
    this.transport.record({ ...e, at: this.now() } as LearningEvent);
  }

  private changed(): void {
    this.result = scoring.computeResult(this.course, this.progress);
    if (this.result.complete && !this.completed) {
      this.completed = true;
      this.emit({ type: 'course-completed', result: this.result, durationMs: this.now() - this.sessionStart });
    }
    this.save();
  }
}
