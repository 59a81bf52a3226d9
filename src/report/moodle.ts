/**
 * Moodle's SCORM Interactions report (mod/scorm/report/interactions), as
 * downloaded: a header row, then one row per attempt with the learner's
 * columns (`Name`, `Email address`, any user identity fields the site shows),
 * `Attempt`, `Started on`, `Last accessed on`, `Score`, the SCO's score under
 * its title, and for each interaction n, in the order recorded,
 * `Question n` (the interaction id), `Response n`, `Right answer n`,
 * `Result n`. Rows are turned into record events against the course map.
 *
 * The interaction columns are found by their place and number (the first
 * header ending in ` 0`, then groups of four), not their words, so a report
 * downloaded in another site language still reads; the learner and attempt
 * columns are found by the English names or the Indonesian ones below.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { Aggregator } from './aggregate.js';
import { responseMask } from './course-map.js';
import type { Row } from './delimited.js';

const EMAIL = ['email address', 'alamat email', 'email', 'surel'];
const NAME = ['name', 'nama', 'full name', 'nama lengkap'];
const ATTEMPT = ['attempt', 'percobaan', 'upaya'];
const SCORE = ['score', 'nilai', 'skor'];

export interface MoodleColumns {
  learner: number;
  attempt: number;
  score: number;
  group: number;
  /** Index of `Question 0`; interaction n's four columns start at first + 4n. */
  first: number;
  count: number;
}

/** Finds the columns in the header row; a diagnostic naming what is missing when it is not an Interactions report. */
export function moodleColumns(header: string[], groupBy: string | null, source: string): MoodleColumns | Diagnostic {
  const names = header.map((h) => h.trim().toLowerCase());
  const find = (list: string[]) => names.findIndex((n) => list.includes(n));
  const email = find(EMAIL);
  const learner = email >= 0 ? email : find(NAME);
  const attempt = find(ATTEMPT);
  const first = names.findIndex((n) => / 0$/.test(n));
  const missing: string[] = [];
  if (learner < 0) missing.push('`Email address` or `Name`');
  if (attempt < 0) missing.push('`Attempt`');
  if (first < 0 || first + 3 >= header.length || !names.slice(first, first + 4).every((n) => / 0$/.test(n))) {
    missing.push('`Question 0`, `Response 0`, `Right answer 0`, `Result 0`');
  }
  if (missing.length) {
    return {
      severity: 'error',
      code: 'IR702',
      message: `${source} is not a Moodle Interactions report: its header has no ${missing.join(', no ')}`,
      file: source,
      line: 1,
      column: 1,
      hint: 'Download Reports → Interactions report with question, response, right answer and result switched on, as text or as a spreadsheet saved as CSV.',
    };
  }
  const group = groupBy ? names.indexOf(groupBy.trim().toLowerCase()) : -1;
  return { learner, attempt, score: find(SCORE), group, first, count: Math.floor((header.length - first) / 4) };
}

/** One attempt's row into the aggregator. */
export function readMoodleRow(row: Row, cols: MoodleColumns, agg: Aggregator, source: string): void {
  agg.record();
  const at = { source, line: row.line };
  const f = row.fields;
  const learner = (f[cols.learner] ?? '').trim();
  const attemptText = (f[cols.attempt] ?? '').trim();
  if (!learner || !/^\d+$/.test(attemptText)) {
    agg.skip(at, !learner ? 'a row without a learner' : `attempt \`${attemptText}\` is not a number`);
    return;
  }
  const who = {
    learner,
    attempt: attemptText,
    // Attempt numbers compared as text must keep their order: zero-padded.
    order: attemptText.padStart(10, '0'),
    group: cols.group >= 0 ? (f[cols.group] ?? '').trim() || null : undefined,
  };
  const { map } = agg;
  // A row whose every interaction is unknown is another course's: it adds no attempt to this one.
  let known = 0;
  let unknown = 0;
  // Rows may run past the header (a spreadsheet that trimmed it): the row's own length decides.
  const count = Math.max(cols.count, Math.floor((f.length - cols.first) / 4));
  for (let n = 0; n < count; n++) {
    const id = (f[cols.first + 4 * n] ?? '').trim();
    if (id) map.byInteraction.has(id) ? known++ : unknown++;
  }
  if (known || !unknown) agg.add({ ...who, kind: 'seen' }, at);
  const score = cols.score >= 0 ? (f[cols.score] ?? '').trim() : '';
  if (known && /^\d+(\.\d+)?$/.test(score)) agg.add({ ...who, kind: 'recorded-score', score: Number(score) }, at);
  for (let n = 0; n < count; n++) {
    const base = cols.first + 4 * n;
    const id = (f[base] ?? '').trim();
    if (!id) continue;
    const response = (f[base + 1] ?? '').trim();
    const right = (f[base + 2] ?? '').trim();
    const target = map.byInteraction.get(id);
    if (!target) {
      agg.unknownRecord(at, id);
      continue;
    }
    if (target.kind === 'question') {
      const mask = responseMask(response, target.q.question.choices.length);
      if (mask === null) agg.skip(at, `${id}: response \`${response}\``);
      else agg.add({ ...who, kind: 'answer', question: target.q.index, mask, correctPattern: right }, at);
    } else if (target.kind === 'scene') {
      const choices = target.s.scenario.scenes[target.scene]!.choices.length;
      const mask = responseMask(response, choices);
      if (mask === null || mask & (mask - 1)) agg.skip(at, `${id}: response \`${response}\``);
      else agg.add({ ...who, kind: 'choice', scenario: target.s.index, scene: target.scene, choice: 31 - Math.clz32(mask), correctPattern: right }, at);
    }
  }
}
