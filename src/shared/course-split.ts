/**
 * The course as the package carries it: a light skeleton that the first page
 * needs (`course.js`), and each unit's HTML in a file of its own
 * (`units/<n>.js`) that the player loads when the learner gets there.
 *
 * Why: inlining the whole course made the first page wait for every lesson
 * (130 KB of JSON for the default course) on a slow regional network. The
 * skeleton keeps everything the engine, the scoring, the state codec and the
 * transports read (ids, titles, plain texts, points, choices and their
 * correctness, scene links) with every HTML field emptied; a unit file holds
 * the whole unit, which the player lays over the skeleton's (`joinUnit`), so
 * the objects the engine already holds get their HTML in place.
 */
import type { RuntimeCourse, RuntimeQuestion, RuntimeUnit } from './runtime-types.js';
import { MEDIA_LOADER } from './media.js';


/** An object and the name of one of its HTML fields. */
type Field = [Record<string, unknown>, string];

/** Every HTML field of a unit, in one fixed order. */
function htmlFields(unit: RuntimeUnit): Field[] {
  const out: Field[] = [];
  const at = (o: object, k: string) => out.push([o as Record<string, unknown>, k]);
  const choices = (cs: object[]) => cs.forEach((c) => (at(c, 'html'), at(c, 'feedbackHtml')));
  const question = (q: RuntimeQuestion) => {
    at(q, 'promptHtml');
    choices(q.choices);
    for (const t of q.targets ?? []) at(t, 'html');
    if (q.outcome) (at(q.outcome, 'right'), at(q.outcome, 'wrong'));
  };
  if (unit.kind === 'lesson') {
    for (const pg of unit.pages) {
      for (const b of pg.blocks) {
        if (b.kind === 'html') at(b, 'html');
        else if (b.kind === 'question') question(b.question);
        else {
          at(b.survey, 'promptHtml');
          for (const item of b.survey.items) at(item, 'html');
        }
      }
    }
  } else if (unit.kind === 'test') {
    at(unit, 'introHtml');
  } else {
    at(unit, 'introHtml');
    for (const sc of unit.scenes) {
      at(sc, 'html');
      choices(sc.choices);
    }
  }
  return out;
}

/**
 * What of a test question the engine needs before the test's unit file is
 * loaded: enough to size its state fields and to draw. A pool can hold many
 * questions, and only the learner who opens the test needs their text.
 */
function testQuestionSkeleton(q: RuntimeQuestion): RuntimeQuestion {
  const out = { id: q.id, dimension: q.dimension, multiple: q.multiple, points: q.points, choices: q.choices.map(() => ({})) } as unknown as RuntimeQuestion;
  if (q.type) out.type = q.type;
  if (q.targets) out.targets = q.targets.map(() => ({})) as RuntimeQuestion['targets'];
  return out;
}

/** The skeleton: the course with every HTML field emptied, and tests' questions reduced. The course given is not changed. */
export function courseSkeleton(course: RuntimeCourse): RuntimeCourse {
  const skeleton = JSON.parse(JSON.stringify(course)) as RuntimeCourse;
  for (const u of skeleton.units) {
    for (const [o, k] of htmlFields(u)) if (o[k] !== null) o[k] = '';
    if (u.kind === 'test') u.questions = u.questions.map(testQuestionSkeleton);
  }
  return skeleton;
}

/**
 * Lays a unit file's unit over the skeleton's, field by field, so that what
 * the engine holds (pages, questions, scenes) stays the same objects. False
 * when the file is for another unit (another build's file).
 */
export function joinUnit(unit: RuntimeUnit, full: RuntimeUnit): boolean {
  // Unit ids are unique in a course (IR213), so the id alone tells a file of another unit.
  if (!full || full.id !== unit.id) return false;
  lay(unit as unknown as Record<string, unknown>, full as unknown as Record<string, unknown>);
  return true;
}

function lay(to: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const k in from) {
    const v = from[k];
    if (v && typeof v === 'object' && to[k] && typeof to[k] === 'object') lay(to[k] as Record<string, unknown>, v as Record<string, unknown>);
    else to[k] = v;
  }
}

/** File names inside the package. */
export const COURSE_FILE = 'course.js';
export const unitFile = (n: number): string => `units/${n}.js`;
/** The results screen's script (src/player/results.ts), loaded like one unit more. */
export const RESULTS_SCRIPT = 'player-results.js';

/** JSON that is also safe inside a script: `<`, U+2028 and U+2029 escaped. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The two kinds of file, as scripts rather than JSON: a `<script src>` loads
 * from file:// too, where fetch() of a package file is refused.
 */
export const courseScript = (skeleton: RuntimeCourse): string => `self.irCourse=${scriptJson(skeleton)};\n`;
export const unitScript = (n: number, unit: RuntimeUnit): string => `irUnit(${n},${scriptJson(unit)});\n`;

const COURSE_RE = /^self\.irCourse=([\s\S]*);\n?$/;
/** A unit file: its JSON is one line (JSON.stringify writes no raw line break); a unit with media may end with the media loader. */
const unitRe = (): RegExp => new RegExp('^irUnit\\((\\d+),([^\\n]*)\\);\\n?(?:' + MEDIA_LOADER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')?$');

/**
 * The whole course back from a package's files (for `check`, `report` and
 * tests): the skeleton with every unit's HTML joined in. Null when the files
 * are not a course of this tool.
 */
export function readPackageCourse(text: (name: string) => string | null): RuntimeCourse | null {
  const m = COURSE_RE.exec(text(COURSE_FILE) || '');
  if (!m) return null;
  let course: RuntimeCourse;
  try {
    course = JSON.parse(m[1]!) as RuntimeCourse;
  } catch {
    return null;
  }
  if (!course || !Array.isArray(course.units)) return null;
  const UNIT_RE = unitRe();
  for (let n = 0; n < course.units.length; n++) {
    const u = UNIT_RE.exec(text(unitFile(n)) || '');
    let unit: unknown;
    try {
      unit = u && Number(u[1]) === n ? JSON.parse(u[2]!) : null;
    } catch {
      unit = null;
    }
    if (!joinUnit(course.units[n]!, unit as RuntimeUnit)) return null;
  }
  return course;
}
