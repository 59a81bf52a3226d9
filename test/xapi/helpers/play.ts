/**
 * Plays a course with the real player engine (src/player/engine.ts, no DOM) the
 * way the UI drives it, so node tests see exactly the learning events, in the
 * order, that a learner's clicks produce.
 */
import { createRequire } from 'node:module';
import * as engineModule from '../../../src/player/engine.js';
import type { Restored, Transport } from '../../../src/player/transport/types.js';
import type { RuntimeCourse } from '../../../src/shared/runtime-types.js';
import type { FakeEnv } from './fake-env.js';
import { ProfileChecker, type Profile } from './profile-checker.js';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const ll = require('@learninglocker/xapi-validation') as { default: (s: unknown) => { name?: string; path: string[] }[] };

/** @learninglocker/xapi-validation's warnings for one statement, readable. */
export function llWarnings(s: unknown): string[] {
  return ll.default(s).map((w) => `${w.name}${(w as { typeName?: string }).typeName ? '(' + (w as { typeName?: string }).typeName + ')' : ''} at ${w.path.join('.')}`);
}

export function loadProfile(): Profile {
  return JSON.parse(readFileSync('profile/integrity-ranger.jsonld', 'utf8')) as Profile;
}

export const checker = (): ProfileChecker => new ProfileChecker(loadProfile());

export interface PlayOptions {
  /** Answer these questions wrongly first, then correctly (a retry). */
  wrongFirst?: string[];
  /** Stop after this many stops (to leave the course incomplete). */
  stops?: number;
  /** Pick the bad choice in these scenarios (a fail ending where there is one). */
  badIn?: string[];
  /** Milliseconds the learner spends per step. */
  step?: number;
}

type Engine = ReturnType<typeof makeEngine>;

/** The player helper's engine, whichever way it is exported (factory or class). */
function makeEngine(course: RuntimeCourse, transport: Transport, restored: Restored, now: () => number) {
  const m = engineModule as unknown as Record<string, unknown>;
  type E = {
    readonly ix: import('../../../src/shared/progress.js').CourseIndex;
    readonly progress: import('../../../src/shared/progress.js').Progress;
    readonly at: number;
    go(at: number): void;
    enter(): void;
    showQuestion(q: number): void;
    answer(q: number, response: number[]): boolean;
    scene(s: number): import('../../../src/shared/runtime-types.js').RuntimeScene;
    choose(s: number, c: number): unknown;
    snapshot(): import('../../../src/player/transport/types.js').Snapshot;
    finish(): void;
  };
  if (typeof m.createEngine === 'function') return (m.createEngine as (...a: unknown[]) => E)(course, transport, restored, now);
  return new (m.Engine as new (...a: unknown[]) => E)(course, transport, restored, now);
}

export async function startEngine(course: RuntimeCourse, transport: Transport, env: FakeEnv): Promise<Engine> {
  const restored: Restored = await transport.start();
  await env.settle();
  const engine = makeEngine(course, transport, restored, env.now);
  engine.enter();
  return engine;
}

/** From the current stop to the results (or `stops` stops), as the UI would. */
export async function play(engine: Engine, env: FakeEnv, opts: PlayOptions = {}): Promise<void> {
  const step = opts.step ?? 4000;
  const ix = engine.ix;
  let visited = 0;
  for (;;) {
    const stop = ix.stops[engine.at]!;
    if (stop.kind === 'page') {
      ix.questions.forEach((q, qi) => {
        if (q.page !== stop.i || engine.progress.questions[qi]!.first !== null) return;
        engine.showQuestion(qi);
        env.clock += step;
        const right = q.question.choices.map((c, i) => (c.correct ? i : -1)).filter((i) => i >= 0);
        if (opts.wrongFirst?.includes(q.question.id)) {
          const wrong = q.question.choices.findIndex((c) => !c.correct);
          engine.answer(qi, [wrong]);
          env.clock += step;
        }
        engine.answer(qi, right);
      });
    } else if (stop.kind === 'scenario') {
      const sid = ix.scenarios[stop.i]!.scenario.id;
      for (let guard = 0; guard < 50; guard++) {
        const scene = engine.scene(stop.i);
        if (scene.ending) break;
        env.clock += step;
        const pick = (q: string) => scene.choices.findIndex((c) => c.quality === q);
        let c = opts.badIn?.includes(sid) ? pick('bad') : pick('good');
        if (c < 0) c = scene.choices.findIndex((x) => x.quality !== 'bad');
        if (c < 0) c = 0;
        engine.choose(stop.i, c);
      }
    }
    await env.settle();
    visited++;
    if (engine.at >= ix.stops.length - 1 || (opts.stops !== undefined && visited >= opts.stops)) break;
    env.clock += step;
    engine.go(engine.at + 1);
  }
  await env.settle();
}
