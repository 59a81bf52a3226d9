/**
 * One CSV per table of the report (RFC 4180: comma-separated, CRLF, fields
 * quoted when they hold a comma, quote or line break; UTF-8 with a byte-order
 * mark so that Excel reads Indonesian text right). Column names are English
 * and stable: scripts read them.
 */
import type { ReportData } from './types.js';

type Cell = string | number | boolean | null;

function field(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  // A leading = + - @ would be run as a formula by a spreadsheet: quote it with a leading apostrophe.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? "'" + s : s;
  return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
}

function csv(header: string[], rows: Cell[][]): string {
  return '\ufeff' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

export function reportCsvs(d: ReportData): { name: string; text: string }[] {
  const dimRows = (group: string | null, dims: ReportData['dimensions']): Cell[][] =>
    dims.map((x) => [...(group === null ? [] : [group]), x.id, x.label, x.n, x.mean, x.median, x.passRate, ...x.histogram]);
  const bands = Array.from({ length: 10 }, (_, i) => (i === 9 ? 'band_90_100' : `band_${i * 10}_${i * 10 + 9}`));
  const out = [
    {
      name: 'summary.csv',
      text: csv(
        ['course', 'version', 'learners', 'attempts', 'completed', 'passed', 'score_n', 'score_mean', 'score_median'],
        [[d.course.id, d.course.version, d.learners, d.attempts, d.completed, d.passed, d.score.n, d.score.mean, d.score.median]],
      ),
    },
    { name: 'dimensions.csv', text: csv(['dimension', 'label', 'n', 'mean', 'median', 'pass_rate', ...bands], dimRows(null, d.dimensions)) },
    {
      name: 'items.csv',
      text: csv(
        ['item', 'dimension', 'n', 'p', 'discrimination', 'flags', 'prompt'],
        d.items.map((i) => [i.id, i.dimension, i.n, i.p, i.discrimination, i.flags.join(' '), i.prompt]),
      ),
    },
    {
      name: 'choices.csv',
      text: csv(['item', 'choice', 'correct', 'count', 'text'], d.items.flatMap((i) => i.choices.map((c) => [i.id, c.response, c.correct, c.count, c.text]))),
    },
    {
      name: 'endings.csv',
      text: csv(['scenario', 'n', 'ending', 'outcome', 'count', 'title'], d.scenarios.flatMap((s) => s.endings.map((e) => [s.id, s.n, e.scene, e.outcome, e.count, e.title]))),
    },
    { name: 'paths.csv', text: csv(['scenario', 'path', 'count'], d.scenarios.flatMap((s) => s.paths.map((p) => [s.id, p.path, p.count]))) },
    {
      name: 'fail-choices.csv',
      text: csv(['scenario', 'scene', 'choice', 'plays', 'fails', 'text'], d.scenarios.flatMap((s) => s.failChoices.map((c) => [s.id, c.scene, c.choice, c.plays, c.fails, c.text]))),
    },
  ];
  if (d.groups) {
    out.push({
      name: 'groups.csv',
      text: csv(
        ['group', 'learners', 'attempts', 'completed', 'passed', 'score_n', 'score_mean', 'score_median'],
        d.groups.map((g) => [g.value, g.learners, g.attempts, g.completed, g.passed, g.score.n, g.score.mean, g.score.median]),
      ),
    });
    out.push({ name: 'group-dimensions.csv', text: csv(['group', 'dimension', 'label', 'n', 'mean', 'median', 'pass_rate', ...bands], d.groups.flatMap((g) => dimRows(g.value, g.dimensions))) });
  }
  return out;
}
