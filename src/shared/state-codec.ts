/**
 * Learner progress ⇄ a short string (SCORM `cmi.suspend_data`, xAPI State).
 *
 * Format: `1.<hash>.<payload>`
 * - `1` is the format version.
 * - `<hash>` is 4 base64url characters (24 bits of FNV-1a) of the course's
 *   *structure*: course id, unit/page/question/scene ids, choice counts, and
 *   (appended only when the course has them, so other courses keep their
 *   hash) question types and target counts, survey items and scales, tests'
 *   attempts, draw and pool questions (`assessHash`). A state saved by a
 *   structurally different course (an update that added a page or a choice)
 *   no longer decodes, instead of being misread. Text edits keep it.
 * - `<payload>` is a fixed-width bit string in base64url (6 bits a character),
 *   most significant bit first, zero-padded at the end. Every field has a radix
 *   known from the course alone and takes ceil(log2(radix)) bits:
 *     1. each lesson page, in course order: viewed (radix 2);
 *     2. each question, in course order: 0 = not answered, otherwise
 *        1 + 2·answer + (first answer correct ? 1 : 0), where `answer` is the
 *        last submitted answer: the choice index (single choice) or the chosen
 *        set as a bitmask minus one (multiple choice, choice i = bit i);
 *        radix 1 + 2·k (single) or 2^(k+1) − 1 (multiple), k = choice count;
 *     3. each scenario, in course order: the first completed play's ending as
 *        0 = none or 1 + its position among the scenario's endings (radix
 *        endings + 1), then the current scene index (radix scenes);
 *     4. the location: an index into the course's stops (pages, scenarios
 *        and tests in unit order, then the results screen);
 *     5. (issue 12, only in a course that has them) each survey item, each
 *        test's attempt: see `assessRadices` below.
 *   A typed question (issue 12) is stored like a choice question, as
 *   1 + 2·code + first, code = `toCode` of src/shared/answers.ts, radix
 *   1 + 2·A (A = `answerCount`); a choice question's code is the value above.
 *
 * Because every width is fixed by the course, every state of a course encodes
 * to the same length, so the worst case is exact and computed without
 * enumerating anything. Multiple-choice questions may have at most 50 choices
 * (the SCORM letters stop at 26 anyway).
 *
 * A state of an earlier version of the course (another hash) is read through
 * that version's plan in `course.previous`, which the compiler made from the
 * author's layout file and proved (src/render/state-layout.ts): each old field
 * with its radix and the current field it goes to (or -1: dropped), with a
 * table for values that change meaning (scene positions, the location).
 *
 * What issue 12 added (typed questions, surveys, tests) is behind
 * `!globalThis.IR_LITE` (src/shared/lite.d.ts): the first page's player leaves
 * it out; player-assess.js brings it with the full engine.
 */
import type { RuntimeCourse, RuntimeQuestion, RuntimeTest } from './runtime-types.js';
import { attemptsOf, emptyProgress, indexCourse, slotCounts, type CourseIndex, type Progress } from './progress.js';
import { answerCount, fromCode, toCode } from './answers.js';

export const STATE_VERSION = '1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Number of bits needed to store a value in [0, radix). */
function bitsFor(radix: number): number {
  let bits = 0;
  for (let p = 1; p < radix; p *= 2) bits++;
  return bits;
}

/** The radix of every field, in payload order. */
export function radices(ix: CourseIndex): number[] {
  const out: number[] = ix.pages.map(() => 2);
  for (const { question: q } of ix.questions) out.push(1 + 2 * (!globalThis.IR_LITE && q.type ? answerCount(q) : q.multiple ? 2 ** q.choices.length - 1 : q.choices.length));
  for (const { scenario, endings } of ix.scenarios) out.push(endings.length + 1, Math.max(1, scenario.scenes.length));
  out.push(ix.stops.length);
  if (!globalThis.IR_LITE) assessRadices(ix, out);
  return out;
}

/** FNV-1a, 24 bits as 4 base64url characters. */
export function fnv24(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = (h >>> 8) & 0xffffff;
  let out = '';
  for (let i = 3; i >= 0; i--) out += ALPHABET[(h >>> (6 * i)) & 63];
  return out;
}

/** The hash of the course structure that every state of it carries: its parts joined by `|`. */
export function structureHash(course: Pick<RuntimeCourse, 'id' | 'units'>): string {
  let text = course.id;
  for (const unit of course.units) {
    if (unit.kind === 'lesson') {
      text += '|L' + unit.id + ':' + unit.pages.length;
      for (const page of unit.pages) {
        for (const block of page.blocks) {
          if (block.kind === 'question') {
            const q = block.question;
            text += '|Q' + q.id + ':' + q.choices.length + (q.multiple ? 'm' : 's');
          }
        }
      }
    } else if (unit.kind === 'scenario') {
      text += '|S' + unit.id;
      for (const scene of unit.scenes) text += '|' + scene.id + ':' + scene.choices.length + (scene.ending ? 'e' : '');
    }
  }
  // Issue 12 appends its part (nothing for a course without it, whose hash stays as it was).
  return fnv24(globalThis.IR_LITE ? text : text + assessHash(course));
}

function payloadBits(fieldRadices: number[]): number {
  return fieldRadices.reduce((sum, r) => sum + bitsFor(r), 0);
}

/** `<version>.<hash>.` then the payload. */
export function stateLength(fieldRadices: number[]): number {
  return STATE_VERSION.length + 6 + Math.ceil(payloadBits(fieldRadices) / 6);
}

/** The exact length of `encodeState` for this course, which is also its maximum. */
export function worstCaseStateLength(course: Pick<RuntimeCourse, 'units'>): number {
  return stateLength(radices(indexCourse(course)));
}

/** Progress as one number per field, in payload order (not yet checked against the radices). */
function toValues(ix: CourseIndex, progress: Progress): number[] {
  const values: number[] = ix.pages.map((_, i) => (progress.pages[i] ? 1 : 0));
  ix.questions.forEach(({ question }, i) => {
    const q = progress.questions[i];
    let v = 0;
    if (q && q.first !== null && q.last.length) {
      // 1 + 2·code + first; the code of a choice answer is the choice, or the chosen set as a bitmask minus one; out-of-range encodes as 0.
      v = q.last[0]!;
      if (!globalThis.IR_LITE && question.type) v = toCode(question, q.last);
      else if (question.multiple) {
        v = -1;
        for (const c of q.last) v += 2 ** c;
      }
      v = 1 + 2 * v + (q.first ? 1 : 0);
    }
    values.push(v);
  });
  ix.scenarios.forEach(({ endings, start }, i) => {
    const s = progress.scenarios[i];
    values.push(s && s.ending !== null ? endings.indexOf(s.ending) + 1 : 0, s ? s.scene : start);
  });
  values.push(progress.at);
  if (!globalThis.IR_LITE) assessValues(ix, progress, values);
  return values;
}

export function encodeState(course: RuntimeCourse, progress: Progress): string {
  const ix = indexCourse(course);
  const rs = radices(ix);
  // Each field as its fixed number of binary digits (2^w + v, leading 1 dropped), then 6 bits a character.
  const bits = toValues(ix, progress)
    .map((v, f) => (2 ** bitsFor(rs[f]!) + (v >= 0 && v < rs[f]! && v % 1 === 0 ? v : 0)).toString(2).slice(1))
    .join('');
  let payload = '';
  for (let i = 0; i < bits.length; i += 6) payload += ALPHABET[parseInt((bits + '00000').slice(i, i + 6), 2)];
  return `${STATE_VERSION}.${structureHash(course)}.${payload}`;
}

/** The fields of a payload with these radices, or null when it is not one. */
function unpack(payload: string, rs: number[]): number[] | null {
  const total = payloadBits(rs);
  if (payload.length !== Math.ceil(total / 6)) return null;
  let bits = '';
  for (let i = 0; i < payload.length; i++) {
    const c = ALPHABET.indexOf(payload[i]!);
    if (c < 0) return null;
    bits += (64 + c).toString(2).slice(1);
  }
  if (bits.indexOf('1', total) >= 0) return null;
  let pos = 0;
  const values: number[] = [];
  for (const r of rs) {
    const w = bitsFor(r);
    const v = w ? parseInt(bits.slice(pos, (pos += w)), 2) : 0;
    if (v >= r) return null;
    values.push(v);
  }
  return values;
}

export interface ReadState {
  progress: Progress;
  /** Read through the plan of an earlier version: the course changed since it was saved. */
  updated: boolean;
}

/**
 * Reads a state back: one of this course structure, or of an earlier one that
 * `course.previous` has a plan for. Null for anything else. Never throws.
 */
export function readState(course: RuntimeCourse, s: unknown): ReadState | null {
  // Anything not a string, and a course without plans, throws on the way: null.
  try {
    const ix = indexCourse(course);
    const parts = (s as string).split('.');
    if (parts.length !== 3 || parts[0] !== STATE_VERSION) return null;
    let values: number[] | null;
    const updated = parts[1] !== structureHash(course);
    if (updated) {
      const plan = course.previous!.find((p) => p.hash === parts[1]);
      const old = plan && unpack(parts[2]!, plan.fields.map((f) => f[0]));
      if (!old) return null;
      // What the plan does not fill stays as a learner who has not started has it.
      values = toValues(ix, emptyProgress(course));
      plan!.fields.forEach(([, to, table], f) => {
        if (to >= 0) values![to] = table ? table[old[f]!]! : old[f]!;
      });
    } else values = unpack(parts[2]!, radices(ix));
    return values && { progress: fromValues(ix, values), updated };
  } catch {
    return null;
  }
}

/** Reads a state of this very course structure (or of a version it has a plan for); null for anything else. */
export function decodeState(course: RuntimeCourse, s: unknown): Progress | null {
  const r = readState(course, s);
  return r && r.progress;
}

function fromValues(ix: CourseIndex, values: number[]): Progress {
  let f = 0;
  const progress: Progress = { pages: [], questions: [], scenarios: [], at: 0 };
  for (let i = 0; i < ix.pages.length; i++) progress.pages.push(values[f++] === 1);
  for (const { question } of ix.questions) {
    const v = values[f++]!;
    const code = Math.floor((v - 1) / 2);
    let last = [code];
    if (!globalThis.IR_LITE && question.type) last = fromCode(question, code);
    else if (question.multiple) {
      last = [];
      for (let c = 0; c < question.choices.length; c++) if (Math.floor((code + 1) / 2 ** c) % 2) last.push(c);
    }
    progress.questions.push(v ? { first: (v - 1) % 2 === 1, last } : { first: null, last: [] });
  }
  for (const { endings } of ix.scenarios) {
    const e = values[f++]!;
    progress.scenarios.push({ ending: e ? endings[e - 1]! : null, scene: values[f++]! });
  }
  progress.at = values[f++]!;
  if (!globalThis.IR_LITE) assessRead(ix, values, f, progress);
  return progress;
}

/*
 * Issue 12's fields, after the location, only in a course that has them
 * (ASSESS.md §3):
 * - each survey item, in course order: 0 = unanswered, else the point 1..scale;
 * - each test, in course order: attempts submitted (radix attempts + 1); an
 *   attempt open (2); per slot the drawn question's pool index (radix pool
 *   size); per slot its answer, 0 = none, else 1 + `toCode` (radix 1 + the
 *   largest A of the pool); per bucket (`TestRef.buckets`) the right answers
 *   and the questions drawn of the attempt that counts (radix draw + 1 each).
 * Slots: `draw`, or with `perDimension` `draw` per bucket; never more than
 * the pool (or the bucket) holds.
 */

const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

function assessRadices(ix: CourseIndex, out: number[]): void {
  for (const { survey } of ix.surveys) for (const _ of survey.items) out.push(survey.scale + 1);
  for (const { test, buckets } of ix.tests) {
    const slots = sum(slotCounts(test, buckets));
    const answers = 1 + Math.max(0, ...test.questions.map(answerCount));
    out.push(attemptsOf(test) + 1, 2);
    for (let i = 0; i < slots; i++) out.push(Math.max(1, test.questions.length));
    for (let i = 0; i < slots; i++) out.push(answers);
    for (const _ of buckets) out.push(test.draw + 1, test.draw + 1);
  }
}

function assessValues(ix: CourseIndex, p: Progress, out: number[]): void {
  ix.surveys.forEach(({ survey }, v) => survey.items.forEach((_, i) => out.push((p.surveys && p.surveys[v] && p.surveys[v]![i]) || 0)));
  ix.tests.forEach(({ test, buckets }, t) => {
    const tp = p.tests && p.tests[t];
    const slots = sum(slotCounts(test, buckets));
    out.push(tp ? tp.attempts : 0, tp && tp.open ? 1 : 0);
    for (let i = 0; i < slots; i++) out.push(tp && tp.drawn.length ? tp.drawn[i]! : 0);
    for (let i = 0; i < slots; i++) {
      const a = tp && tp.drawn.length && tp.answers[i];
      const q = test.questions[tp ? tp.drawn[i]! : 0];
      out.push(a && a.length && q ? 1 + toCode(q, a) : 0);
    }
    buckets.forEach((_, b) => out.push(tp ? tp.right[b] || 0 : 0, tp ? tp.total[b] || 0 : 0));
  });
}

function assessRead(ix: CourseIndex, values: number[], f: number, p: Progress): void {
  p.surveys = ix.surveys.map(({ survey }) => survey.items.map(() => values[f++]!));
  p.tests = ix.tests.map(({ test, buckets }) => {
    const slots = sum(slotCounts(test, buckets));
    const attempts = values[f++]!;
    const open = values[f++] === 1;
    let drawn = values.slice(f, (f += slots));
    const codes = values.slice(f, (f += slots));
    if (!attempts && !open) drawn = [];
    // A code beyond what the drawn question has (the field's radix is the pool's largest) reads as no answer.
    const answers = drawn.map((q, i) => (codes[i]! && codes[i]! <= answerCount(test.questions[q]!) ? fromCode(test.questions[q]!, codes[i]! - 1) : []));
    const right: number[] = [];
    const total: number[] = [];
    for (const _ of buckets) right.push(values[f++]!), total.push(values[f++]!);
    return { attempts, open, drawn, answers, right, total };
  });
  if (!ix.surveys.length) delete p.surveys;
  if (!ix.tests.length) delete p.tests;
}

/**
 * What of the typed questions, surveys and tests the state's layout depends
 * on, for `structureHash`: empty for a course with none of them.
 */
function assessHash(course: Pick<RuntimeCourse, 'units'>): string {
  const typed = (q: RuntimeQuestion) => (q.type ? '|Q' + q.id + ':' + q.type + ':' + (q.targets ? q.targets.length : '') : '');
  let text = '';
  for (const unit of course.units) {
    if (unit.kind === 'lesson') {
      for (const page of unit.pages) {
        for (const b of page.blocks) {
          if (b.kind === 'question') text += typed(b.question);
          else if (b.kind === 'survey') text += '|V' + b.survey.id + ':' + b.survey.scale + b.survey.items.map((i) => ',' + i.id).join('');
        }
      }
    } else if (unit.kind === 'test') {
      text += '|T' + unit.id + ':' + attemptsOf(unit) + ':' + unit.draw + (unit.perDimension ? 'd' : '');
      for (const q of unit.questions) text += '|Q' + q.id + ':' + q.choices.length + (q.multiple ? 'm' : 's') + ':' + (q.dimension || '') + typed(q);
    }
  }
  return text;
}
