/**
 * Synthetic xAPI statements that follow the course's real statement patterns:
 * each learner is played through the real player engine (src/player/engine.ts)
 * and every learning event becomes statements through the real statement
 * builder (src/player/transport/xapi-statements.ts), between `initialized`
 * and `suspended`/`terminated`, as a launch sends them. Learners differ by a
 * seeded draw: how often they answer wrong first, how often they pick good
 * choices, whether they stop part-way, and their unit (a context extension,
 * for `--group-by`). Used by `npm run bench` (1,000,000 statements) and the
 * report tests (a few learners), so both read what real packages send.
 */
import { createEngine } from '../src/player/engine.js';
import type { LearningEvent, Transport } from '../src/player/transport/types.js';
import { statementBuilder, type Statement } from '../src/player/transport/xapi-statements.js';
import type { CourseResult } from '../src/shared/scoring.js';
import type { RuntimeCourse } from '../src/shared/runtime-types.js';
import { mulberry32, Rng } from '../test/helpers/rng.js';

/** The context extension carrying the learner's unit in synthetic statements (a stand-in for an LMS's own). */
export const UNIT_EXTENSION = 'https://lms.example.go.id/xapi/extensions/unit';
export const UNITS = ['BKPSDM', 'Inspektorat', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Bapenda', 'DPMPTSP', 'Dinas Sosial'];

export interface SyntheticLearner {
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  registration: string;
  unit: string;
  /** The engine's own result at the end of the play (SPEC §3). */
  result: CourseResult;
  statements: Statement[];
}

function uuid(rng: Rng): string {
  const h = () => rng.int(16).toString(16);
  const s = Array.from({ length: 32 }, h);
  s[12] = '4';
  s[16] = '89ab'[rng.int(4)]!;
  return `${s.slice(0, 8).join('')}-${s.slice(8, 12).join('')}-${s.slice(12, 16).join('')}-${s.slice(16, 20).join('')}-${s.slice(20).join('')}`;
}

/** Learner `n` of the seeded population: the same n and seed give the same statements. */
export function syntheticLearner(course: RuntimeCourse, n: number, seed = 1): SyntheticLearner {
  const rng = new Rng(mulberry32(seed * 1_000_003 + n));
  const ability = 0.35 + 0.6 * rng.next();
  const goodChoices = 0.3 + 0.65 * rng.next();
  // Every fifth learner, and a few others, leave part-way.
  const finishes = n % 5 !== 4 && rng.chance(0.9);
  const unit = UNITS[rng.int(UNITS.length)]!;
  const actor = { objectType: 'Agent' as const, name: `Peserta ${n}`, account: { homePage: 'https://lms.example.go.id', name: `19${String(800000000 + n).padStart(16, '0')}` } };
  const registration = uuid(rng);
  let clock = Date.UTC(2026, 10, 1) + n * 60_000;
  const builder = statementBuilder({ course, iri: course.iri!, courseId: course.iri!, actor, registration, grouping: null, platform: 'Moodle 4.3' });
  const statements: Statement[] = [];
  const nextId = () => uuid(rng);
  const push = (s: Statement) => {
    s.context.extensions = { ...(s.context.extensions ?? {}), [UNIT_EXTENSION]: unit };
    statements.push(s);
  };
  const transport: Transport = {
    name: 'xapi',
    start: () => Promise.resolve({ state: null, location: null }),
    record: (ev: LearningEvent) => builder.event(ev, nextId).forEach(push),
    save: () => undefined,
    finish: () => undefined,
    onHealth: () => undefined,
  };
  push(builder.session('initialized', clock++, nextId()));
  const engine = createEngine(course, transport, { state: null, location: null }, () => (clock += 1000 + rng.int(20000)));
  engine.enter();
  const stops = engine.ix.stops;
  const last = finishes ? stops.length - 1 : 1 + rng.int(stops.length - 2);
  for (;;) {
    const stop = stops[engine.at]!;
    if (stop.kind === 'page') {
      engine.ix.questions.forEach((q, qi) => {
        if (q.page !== stop.i) return;
        engine.showQuestion(qi);
        const right = q.question.choices.flatMap((c, i) => (c.correct ? [i] : []));
        if (!rng.chance(ability)) {
          // A wrong first answer: one wrong choice, or the right ones with a wrong one more.
          const wrong = q.question.choices.flatMap((c, i) => (c.correct ? [] : [i]));
          const w = wrong.length ? rng.pick(wrong) : 0;
          engine.answer(qi, right.length > 1 && rng.chance(0.5) ? [...right, w].sort((a, b) => a - b) : [w]);
        }
        engine.answer(qi, right);
      });
    } else if (stop.kind === 'scenario') {
      for (let guard = 0; guard < 100; guard++) {
        const scene = engine.scene(stop.i);
        if (scene.ending) break;
        engine.showScene();
        const good = scene.choices.flatMap((c, i) => (c.quality === 'good' ? [i] : []));
        const other = scene.choices.flatMap((c, i) => (c.quality === 'good' ? [] : [i]));
        engine.choose(stop.i, good.length && (rng.chance(goodChoices) || !other.length) ? rng.pick(good) : rng.pick(other));
      }
    }
    if (engine.at >= last) break;
    engine.go(engine.at + 1);
  }
  const done = engine.result.complete;
  if (!done) push(builder.session('suspended', clock++, nextId(), 60_000));
  push(builder.session('terminated', clock++, nextId(), 60_000));
  return { actor, registration, unit, result: engine.result, statements };
}
