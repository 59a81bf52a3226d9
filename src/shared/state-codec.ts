/**
 * Learner progress ⇄ a short string (SCORM `cmi.suspend_data`, xAPI State).
 *
 * Format: `1.<hash>.<payload>`
 * - `1` is the format version.
 * - `<hash>` is 4 base64url characters (24 bits of FNV-1a) of the course's
 *   *structure*: course id, unit/page/question/scene ids, choice counts. A state
 *   saved by a structurally different course (an update that added a page or a
 *   choice) no longer decodes, instead of being misread. Text edits keep it.
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
 *     4. the location: an index into the course's stops (pages and scenarios
 *        in unit order, then the results screen).
 *
 * Because every width is fixed by the course, every state of a course encodes
 * to the same length, so the worst case is exact and computed without
 * enumerating anything. Multiple-choice questions may have at most 50 choices
 * (the SCORM letters stop at 26 anyway).
 */
import type { RuntimeCourse } from './runtime-types.js';
import { indexCourse, type CourseIndex, type Progress } from './progress.js';

export const STATE_VERSION = '1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Number of bits needed to store a value in [0, radix). */
function bitsFor(radix: number): number {
  let bits = 0;
  for (let p = 1; p < radix; p *= 2) bits++;
  return bits;
}

function questionRadix(k: number, multiple: boolean): number {
  return multiple ? Math.pow(2, k + 1) - 1 : 1 + 2 * k;
}

/** The radix of every field, in payload order. */
function radices(ix: CourseIndex): number[] {
  const out: number[] = ix.pages.map(() => 2);
  for (const { question } of ix.questions) out.push(questionRadix(question.choices.length, question.multiple));
  for (const { scenario, endings } of ix.scenarios) out.push(endings.length + 1, Math.max(1, scenario.scenes.length));
  out.push(ix.stops.length);
  return out;
}

function payloadBits(ix: CourseIndex): number {
  return radices(ix).reduce((sum, r) => sum + bitsFor(r), 0);
}

/** FNV-1a over the course structure, 24 bits as 4 base64url characters. */
function structureHash(course: RuntimeCourse): string {
  const parts: string[] = [course.id];
  for (const unit of course.units) {
    if (unit.kind === 'lesson') {
      parts.push('L' + unit.id + ':' + unit.pages.length);
      for (const page of unit.pages) {
        for (const block of page.blocks) {
          if (block.kind === 'question') {
            const q = block.question;
            parts.push('Q' + q.id + ':' + q.choices.length + (q.multiple ? 'm' : 's'));
          }
        }
      }
    } else {
      parts.push('S' + unit.id);
      for (const scene of unit.scenes) parts.push(scene.id + ':' + scene.choices.length + (scene.ending ? 'e' : ''));
    }
  }
  const text = parts.join('|');
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

/** The exact length of `encodeState` for this course, which is also its maximum. */
export function worstCaseStateLength(course: RuntimeCourse): number {
  // `<version>.<hash>.` then the payload.
  return STATE_VERSION.length + 1 + 4 + 1 + Math.ceil(payloadBits(indexCourse(course)) / 6);
}

function clampInt(v: number, radix: number): number {
  return v >= 0 && v < radix && Math.floor(v) === v ? v : 0;
}

export function encodeState(course: RuntimeCourse, progress: Progress): string {
  const ix = indexCourse(course);
  const values: number[] = ix.pages.map((_, i) => (progress.pages[i] ? 1 : 0));
  ix.questions.forEach(({ question }, i) => {
    const q = progress.questions[i];
    const k = question.choices.length;
    let v = 0;
    if (q && q.first !== null && q.last.length > 0) {
      let answer: number;
      if (question.multiple) {
        let mask = 0;
        for (const c of q.last) if (c >= 0 && c < k) mask += Math.pow(2, c);
        answer = Math.max(0, mask - 1);
      } else {
        answer = q.last[0]!;
      }
      v = 1 + 2 * answer + (q.first ? 1 : 0);
    }
    values.push(clampInt(v, questionRadix(k, question.multiple)));
  });
  ix.scenarios.forEach(({ scenario, endings, start }, i) => {
    const s = progress.scenarios[i];
    const e = s && s.ending !== null ? endings.indexOf(s.ending) + 1 : 0;
    values.push(e, clampInt(s ? s.scene : start, scenario.scenes.length));
  });
  values.push(clampInt(progress.at, ix.stops.length));

  // Each field as its fixed number of binary digits (2^w + v, leading 1 dropped), then 6 bits a character.
  const widths = radices(ix).map(bitsFor);
  const bits = values.map((v, f) => (Math.pow(2, widths[f]!) + v).toString(2).slice(1)).join('');
  let payload = '';
  for (let i = 0; i < bits.length; i += 6) payload += ALPHABET[parseInt((bits.slice(i, i + 6) + '00000').slice(0, 6), 2)];
  return `${STATE_VERSION}.${structureHash(course)}.${payload}`;
}

/** Reads a state back; null for anything that is not a state of this very course structure. Never throws. */
export function decodeState(course: RuntimeCourse, s: unknown): Progress | null {
  try {
    return decode(course, s);
  } catch {
    return null;
  }
}

function decode(course: RuntimeCourse, s: unknown): Progress | null {
  if (typeof s !== 'string') return null;
  const ix = indexCourse(course);
  const parts = s.split('.');
  if (parts.length !== 3 || parts[0] !== STATE_VERSION || parts[1] !== structureHash(course)) return null;
  const payload = parts[2]!;
  const total = payloadBits(ix);
  if (payload.length !== Math.ceil(total / 6)) return null;
  let bits = '';
  for (let i = 0; i < payload.length; i++) {
    const c = ALPHABET.indexOf(payload[i]!);
    if (c < 0) return null;
    bits += (64 + c).toString(2).slice(1);
  }
  if (bits.indexOf('1', total) >= 0) return null;

  let pos = 0;
  let bad = false;
  const read = (radix: number): number => {
    const w = bitsFor(radix);
    const v = w ? parseInt(bits.slice(pos, (pos += w)), 2) : 0;
    if (v >= radix) bad = true;
    return v;
  };

  const progress: Progress = { pages: [], questions: [], scenarios: [], at: 0 };
  for (let i = 0; i < ix.pages.length; i++) progress.pages.push(read(2) === 1);
  for (const { question } of ix.questions) {
    const k = question.choices.length;
    const v = read(questionRadix(k, question.multiple));
    if (v === 0) {
      progress.questions.push({ first: null, last: [] });
      continue;
    }
    const answer = Math.floor((v - 1) / 2);
    const last: number[] = [];
    if (question.multiple) {
      const mask = answer + 1;
      for (let c = 0; c < k; c++) if (Math.floor(mask / Math.pow(2, c)) % 2) last.push(c);
    } else {
      last.push(answer);
    }
    progress.questions.push({ first: (v - 1) % 2 === 1, last });
  }
  for (const { scenario, endings } of ix.scenarios) {
    const e = read(endings.length + 1);
    const scene = read(Math.max(1, scenario.scenes.length));
    progress.scenarios.push({ ending: e === 0 ? null : endings[e - 1]!, scene });
  }
  progress.at = read(ix.stops.length);
  return bad ? null : progress;
}
