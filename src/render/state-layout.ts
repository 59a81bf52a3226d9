/**
 * Carrying a learner's saved progress over to a new version of the course.
 *
 * A format-1 state (src/shared/state-codec.ts) is positional: it names no ids,
 * only the structure hash of the course that wrote it. To read a state of an
 * earlier version, the compiler needs that version's *layout*: its ids in
 * course order, with what fixes each field's radix (choice counts, scenes,
 * endings). The author keeps one layout file per released version in
 * `layouts/` of the content folder, written by `integrity-ranger layout` from
 * the released package (or its content folder); builds only read them.
 *
 * From each layout the compiler makes a *plan* (`StatePlan`, embedded in the
 * course data): for every field of the old payload, the field of this course
 * it goes to, or -1 (dropped), and a table where a value's meaning changes.
 * What is kept:
 * - a page viewed, when a page of the same lesson id and page id exists;
 * - a question's answer (and whether the first answer was right), when a
 *   question of the same id has the same choices (text and which are correct):
 *   its value is choice positions, which mean nothing once the choices change;
 * - a scenario's first ending, when the scenario id survives and that scene
 *   id is still an ending of it; the current scene, by scene id (else the start);
 * - the location: the same page or scenario by id; else the stop right after
 *   the last earlier stop that survives (where the learner's next new thing
 *   is); else the first stop. The results screen stays the results screen.
 *
 * Then `provePlan` checks the plan on its own, exhaustively: every old field
 * goes to a field of the same kind, or is dropped; no two go to one field; a
 * copied value has the same radix there; every table entry is a valid value
 * there. So every payload the old version could write decodes to a valid
 * state of this course, which encodes at the fixed length IR502 / IR507
 * already hold within the limit; and everything else (another hash, another length,
 * another alphabet, a value out of range) is refused by the decoder. Hashes
 * of the layouts must differ from each other and from this course's (IR532),
 * so no state is read with the wrong plan. A layout with this course's own
 * structure needs no plan; it still shows questions whose choices changed in
 * place (IR537), whose old answers the unchanged hash lets through.
 */
import type { ContentSource } from '../core/content-source.js';
import type { Diagnostics } from '../core/diagnostics.js';
import { parseLayoutFile, LAYOUT_FILE } from '../parse/layouts.js';
import { indexCourse, type CourseIndex } from '../shared/progress.js';
import type { RuntimeCourse, RuntimeLesson, RuntimeQuestion, RuntimeScenario, StatePlan } from '../shared/runtime-types.js';
import { fnv24, radices, STATE_VERSION, structureHash } from '../shared/state-codec.js';

export interface LayoutQuestion {
  id: string;
  choices: number;
  multiple: boolean;
  /** `choiceKey` of the question: its choices' texts and which are correct. */
  key: string;
}

export interface LayoutScene {
  id: string;
  choices: number;
  ending: boolean;
}

export type LayoutUnit =
  | { kind: 'lesson'; id: string; pages: string[]; questions: LayoutQuestion[] }
  | { kind: 'scenario'; id: string; scenes: LayoutScene[] };

/** How one version of a course lays out its format-1 states. */
export interface StateLayout {
  /** The state format (STATE_VERSION). */
  format: number;
  course: string;
  version: string;
  /** The structure hash its states carry. */
  hash: string;
  units: LayoutUnit[];
}

type Course = Omit<RuntimeCourse, 'target'>;
/** All the codec reads of a course. */
export type Skeleton = Pick<RuntimeCourse, 'id' | 'units'>;

/** Fingerprint of a question's choices: any change to them (text, order, which are correct) changes it. */
export function choiceKey(q: RuntimeQuestion): string {
  return fnv24(JSON.stringify(q.choices.map((c) => [c.text, c.correct])));
}

/** The layout of a course's states. */
export function layoutOf(course: Course): StateLayout {
  return {
    format: Number(STATE_VERSION),
    course: course.id,
    version: course.version,
    hash: structureHash(course),
    units: course.units.flatMap((u): LayoutUnit[] => (u.kind === 'test' ? [] : [layoutUnit(u)])),
  };
}

function layoutUnit(u: RuntimeLesson | RuntimeScenario): LayoutUnit {
  if (u.kind === 'scenario') return { kind: 'scenario', id: u.id, scenes: u.scenes.map((s) => ({ id: s.id, choices: s.choices.length, ending: !!s.ending })) };
  const questions: LayoutQuestion[] = [];
  for (const page of u.pages) {
    for (const b of page.blocks) {
      if (b.kind === 'question') questions.push({ id: b.question.id, choices: b.question.choices.length, multiple: b.question.multiple, key: choiceKey(b.question) });
    }
  }
  return { kind: 'lesson', id: u.id, pages: u.pages.map((p) => p.id), questions };
}

/**
 * A course with the layout's structure and nothing else, so that the codec's
 * own `indexCourse`, `radices` and `structureHash` describe the old payload:
 * the plan can never disagree with how that version encoded.
 */
export function skeletonOf(layout: StateLayout): Skeleton {
  const text = { title: '', html: '', text: '' };
  return {
    id: layout.course,
    units: layout.units.map((u) => {
      if (u.kind === 'scenario') {
        const sc: RuntimeScenario = {
          kind: 'scenario', id: u.id, title: '', introHtml: '', points: 0, dimension: null, start: u.scenes[0]?.id ?? '',
          scenes: u.scenes.map((s) => ({
            id: s.id, title: '', html: '',
            choices: Array.from({ length: s.choices }, () => ({ ...text, target: '', quality: 'neutral' as const, feedbackHtml: null })),
            ending: s.ending ? { outcome: 'pass' as const, score: 0 } : null,
          })),
        };
        return sc;
      }
      // Questions sit on the first page: the codec only sees their order.
      const lesson: RuntimeLesson = {
        kind: 'lesson', id: u.id, title: '', duration: null, objectives: [],
        pages: u.pages.map((id, n) => ({
          id, title: '',
          blocks: n > 0 ? [] : u.questions.map((q) => ({
            kind: 'question' as const,
            question: {
              id: q.id, promptHtml: '', promptText: '', multiple: q.multiple, points: 0, dimension: null,
              choices: Array.from({ length: q.choices }, () => ({ ...text, correct: false, feedbackHtml: null })),
            },
          })),
        })),
      };
      return lesson;
    }),
  };
}

/** The kind of each field of a payload, in payload order: page, question, ending, scene, location. */
function fieldKinds(ix: CourseIndex): string[] {
  return [...ix.pages.map(() => 'page'), ...ix.questions.map(() => 'question'), ...ix.scenarios.flatMap(() => ['ending', 'scene']), 'location'];
}

/** The plan that reads states of `layout` into `course` (see the top of this file for what is kept). */
export function planFor(layout: StateLayout, course: Course): StatePlan {
  const old = indexCourse(skeletonOf(layout));
  const now = indexCourse(course);
  const pageKey = (lesson: string, page: string) => lesson + '\n' + page;
  const pages = new Map(now.pages.map((p, i) => [pageKey(p.lesson.id, p.page.id), i]));
  const questions = new Map(now.questions.map((q, i) => [q.question.id, i]));
  const scenarios = new Map(now.scenarios.map((s, i) => [s.scenario.id, i]));
  const oldQuestions = layout.units.flatMap((u) => (u.kind === 'lesson' ? u.questions : []));
  const Q = now.pages.length;
  const S = Q + now.questions.length;

  const fields: StatePlan['fields'] = [];
  const rs = radices(old);
  const field = (to: number | undefined, table?: number[]) => {
    const radix = rs[fields.length]!;
    fields.push(to === undefined ? [radix, -1] : table ? [radix, to, table] : [radix, to]);
  };
  for (const p of old.pages) field(pages.get(pageKey(p.lesson.id, p.page.id)));
  oldQuestions.forEach((q) => {
    const i = questions.get(q.id);
    const cur = i === undefined ? null : now.questions[i]!.question;
    field(cur && cur.choices.length === q.choices && cur.multiple === q.multiple && choiceKey(cur) === q.key ? Q + i! : undefined);
  });
  for (const { scenario, endings } of old.scenarios) {
    const i = scenarios.get(scenario.id);
    if (i === undefined) {
      field(undefined);
      field(undefined);
      continue;
    }
    const cur = now.scenarios[i]!;
    const sceneAt = (id: string) => cur.scenario.scenes.findIndex((s) => s.id === id);
    field(S + 2 * i, [0, ...endings.map((e) => cur.endings.indexOf(sceneAt(scenario.scenes[e]!.id)) + 1)]);
    field(S + 2 * i + 1, scenario.scenes.map((s) => (sceneAt(s.id) >= 0 ? sceneAt(s.id) : cur.start)));
  }
  // The location: the same stop by id, else right after the last earlier one that survives.
  const stopNow = (at: number): number | undefined => {
    const stop = old.stops[at]!;
    if (stop.kind === 'results') return now.stops.length - 1;
    if (stop.kind === 'page') {
      const p = old.pages[stop.i]!;
      const i = pages.get(pageKey(p.lesson.id, p.page.id));
      return i === undefined ? undefined : now.pageStop[i];
    }
    const i = scenarios.get(old.scenarios[stop.i]!.scenario.id);
    return i === undefined ? undefined : now.scenarioStop[i];
  };
  field(
    S + 2 * now.scenarios.length,
    old.stops.map((_, at) => {
      const same = stopNow(at);
      if (same !== undefined) return same;
      for (let b = at - 1; b >= 0; b--) {
        const before = stopNow(b);
        if (before !== undefined) return Math.min(before + 1, now.stops.length - 1);
      }
      return 0;
    }),
  );
  return { hash: layout.hash, version: layout.version, fields };
}

/**
 * Checks a plan against the two payloads on its own (not trusting `planFor`):
 * returns what is wrong, empty when every state of the old layout maps to a
 * valid state of the course.
 */
export function provePlan(plan: StatePlan, layout: StateLayout, course: Course): string[] {
  const old = indexCourse(skeletonOf(layout));
  const now = indexCourse(course);
  const oldKinds = fieldKinds(old);
  const oldRs = radices(old);
  const kinds = fieldKinds(now);
  const rs = radices(now);
  const problems: string[] = [];
  if (plan.fields.length !== oldRs.length) return [`the plan has ${plan.fields.length} fields, the layout ${oldRs.length}`];
  const taken = new Set<number>();
  plan.fields.forEach(([radix, to, table], f) => {
    const what = `field ${f} (${oldKinds[f]})`;
    if (radix !== oldRs[f]) problems.push(`${what} is read with radix ${radix}, written with ${oldRs[f]}`);
    if (to === -1) return;
    if (!(to >= 0 && to < rs.length && Number.isInteger(to))) return void problems.push(`${what} goes to field ${to}, which does not exist`);
    if (kinds[to] !== oldKinds[f]) problems.push(`${what} goes to a ${kinds[to]} field`);
    if (taken.has(to)) problems.push(`${what} goes to field ${to}, which another field fills too`);
    taken.add(to);
    if (!table) {
      if (radix !== rs[to]) problems.push(`${what} is copied into field ${to} of radix ${rs[to]}, not ${radix}`);
    } else if (table.length !== radix || !table.every((v) => Number.isInteger(v) && v >= 0 && v < rs[to]!)) {
      problems.push(`${what}: its table does not map each of its ${radix} values to one of the ${rs[to]} of field ${to}`);
    }
  });
  return problems;
}

/** The structure `hash` covers, to tell a real hash collision from the same structure. */
function structureOf(layout: StateLayout): string {
  return JSON.stringify([layout.course, layout.units.map((u) => (u.kind === 'lesson' ? [u.id, u.pages.length, u.questions.map((q) => [q.id, q.choices, q.multiple])] : [u.id, u.scenes]))]);
}

/**
 * Reads `layouts/*.yml`, checks each, and returns the plans to embed (none
 * for a layout with this course's own structure: its states decode as they are).
 */
export function statePlans(source: ContentSource, course: Course, diags: Diagnostics): StatePlan[] {
  const own = layoutOf(course);
  const seen = new Map<string, { file: string; layout: StateLayout }>([[own.hash, { file: 'this course', layout: own }]]);
  const plans: StatePlan[] = [];
  for (const path of source.entries.keys()) {
    if (/^layouts\//.test(path) && !LAYOUT_FILE.test(path) && !/(^|\/)\./.test(path)) {
      diags.report('IR536', { file: path, line: 1, column: 1 }, `${path} is not a .yml file directly in layouts/, so it is not read`);
    }
  }
  for (const path of [...source.entries.keys()].filter((p) => LAYOUT_FILE.test(p)).sort()) {
    const parsed = parseLayoutFile(source, path, diags);
    if (!parsed) continue;
    const { layout, at } = parsed;
    const actual = structureHash(skeletonOf(layout));
    if (actual !== layout.hash) {
      diags.report('IR531', at(['hash']), `this layout's structure hashes to ${actual}, not ${layout.hash}: states of ${layout.version} would be misread`);
      continue;
    }
    const twin = seen.get(layout.hash);
    if (twin) {
      // The same structure as this course: its states decode directly, nothing to plan; but
      // choices changed in place (same count) would have old answers count for the new ones.
      if (twin.layout === own && structureOf(layout) === structureOf(own)) {
        const keys = new Map(own.units.flatMap((u) => (u.kind === 'lesson' ? u.questions : [])).map((q) => [q.id, q.key]));
        layout.units.forEach((u, i) => {
          if (u.kind === 'lesson') {
            u.questions.forEach((q, n) => {
              if (keys.get(q.id) !== q.key) {
                diags.report('IR537', at(['units', i, 'questions', n]), `the choices of ${q.id} changed since ${layout.version}, but not their number: answers saved by ${layout.version} will be read as answers to the new choices`);
              }
            });
          }
        });
        continue;
      }
      diags.report('IR532', at(['hash']), `${layout.course} ${layout.version} and ${twin.file === 'this course' ? 'this course' : `${twin.file} (${twin.layout.version})`} have the same structure hash ${layout.hash}: a saved state cannot tell them apart`);
      continue;
    }
    seen.set(layout.hash, { file: path, layout });
    const plan = planFor(layout, course);
    const problems = provePlan(plan, layout, course);
    if (problems.length) {
      diags.report('IR533', at([]), `states of ${layout.version} cannot be proven to map onto this course: ${problems.slice(0, 3).join('; ')}`);
      continue;
    }
    if (plan.fields.every(([, to], f) => to === -1 || f === plan.fields.length - 1)) {
      diags.report('IR534', at(['units']), `no page, question or scenario of ${layout.course} ${layout.version} is in this course: its learners start again`);
    }
    plans.push(plan);
  }
  return plans;
}

/** The layout as the YAML file `integrity-ranger layout` prints. */
export function layoutYaml(layout: StateLayout): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    `# How ${layout.course} ${layout.version} saves a learner's progress, for later versions to read.`,
    '# Written by `integrity-ranger layout`; keep it in layouts/ of the content folder. Do not edit:',
    '# the compiler checks it against `hash`.',
    `format: ${layout.format}`,
    `course: ${q(layout.course)}`,
    `version: ${q(layout.version)}`,
    `hash: ${q(layout.hash)}`,
    'units:',
  ];
  for (const u of layout.units) {
    if (u.kind === 'lesson') {
      lines.push(`  - lesson: ${q(u.id)}`, `    pages: [${u.pages.map(q).join(', ')}]`, `    questions:${u.questions.length ? '' : ' []'}`);
      for (const x of u.questions) lines.push(`      - {id: ${q(x.id)}, choices: ${x.choices}, multiple: ${x.multiple}, key: ${q(x.key)}}`);
    } else {
      lines.push(`  - scenario: ${q(u.id)}`, '    scenes:');
      for (const s of u.scenes) lines.push(`      - {id: ${q(s.id)}, choices: ${s.choices}${s.ending ? ', ending: true' : ''}}`);
    }
  }
  return lines.join('\n') + '\n';
}

