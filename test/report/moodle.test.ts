/**
 * `report` on the real Moodle 4.3 exports (../shared/fixtures/moodle-4.3-reports/),
 * made with course 1.0.0 (test/courses/integrity-ranger-1.0.0/):
 *
 * - the all-right play gives every dimension 100;
 * - the mixed play gives the course score Moodle recorded (48) and the
 *   per-dimension scores SPEC §3 gives — computed here from the course and the
 *   export by a reading of our own (split on tabs, walk the scenario graph),
 *   not pasted, and not with the report's code;
 * - the same export saved as a spreadsheet CSV (comma, quotes, CRLF, BOM) reads the same;
 * - Moodle's Objectives report (empty cells, Moodle 4.3.0's bug) is refused, not read as zeros;
 * - records of another course, unknown ids and another right answer are said so.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReportCourse, runReport } from '../../src/report/node-report.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import type { ReportData } from '../../src/report/types.js';
import { runCli } from '../helpers/cli.js';
import { COURSE_100, FIXTURES, spec3 } from './helpers.js';

const ALL_RIGHT = join(FIXTURES, 'all-right-interactions.csv');
const MIXED = join(FIXTURES, 'mixed-48-interactions.csv');

let course: RuntimeCourse;
let work: string;

beforeAll(async () => {
  const loaded = await loadReportCourse(COURSE_100);
  expect(loaded.diagnostics).toEqual([]);
  course = loaded.course!;
  expect(course.version).toBe('1.0.0');
  work = mkdtempSync(join(tmpdir(), 'ir-report-'));
});

/** Our own reading of one Interactions export row: [id, response] pairs in recorded order. */
function interactionsOf(file: string): { id: string; response: string; right: string }[] {
  const [header, row] = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split('\t').map((f) => f.replace(/^"(.*)"$/, '$1')));
  const at = header!.indexOf('Question 0');
  const out = [];
  for (let i = at; i + 3 < row!.length; i += 4) out.push({ id: row![i]!, response: row![i + 1]!, right: row![i + 2]! });
  return out;
}

async function report(sources: string[], extra: Partial<Parameters<typeof runReport>[0]> = {}): Promise<ReportData> {
  const r = await runReport({ sources, course: COURSE_100, outDir: null, ...extra });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.ok).toBe(true);
  return r.report!;
}

describe('report on the real Moodle 4.3 Interactions exports, course 1.0.0', () => {
  it('all right: every dimension 100, every item p = 1, every scenario at a pass ending', async () => {
    const r = await report([ALL_RIGHT]);
    expect(r.course).toMatchObject({ id: 'integrity-ranger', version: '1.0.0' });
    expect([r.learners, r.attempts, r.completed, r.passed]).toEqual([1, 1, 1, 1]);
    expect(r.dimensions.map((d) => d.id)).toEqual(course.dimensions.map((d) => d.id));
    for (const d of r.dimensions) expect(d, d.id).toMatchObject({ n: 1, mean: 100, median: 100, passRate: 1 });
    expect(r.score).toEqual({ n: 1, mean: 100, median: 100 });
    expect(r.items.every((i) => i.n === 1 && i.p === 1)).toBe(true);
    expect(r.scenarios.every((s) => s.n === 1 && s.endings.filter((e) => e.count).every((e) => e.outcome === 'pass'))).toBe(true);
    expect(r.records).toEqual({ read: 1, used: 1, unknown: 0, skipped: 0 });
    expect(r.diagnostics).toEqual([]);
  });

  it('mixed: course score 48 as Moodle recorded, and the per-dimension scores SPEC §3 gives', async () => {
    const r = await report([MIXED]);
    const expected = spec3(course, interactionsOf(MIXED));
    expect(expected.course).toBe(48);
    expect(r.score).toEqual({ n: 1, mean: 48, median: 48 });
    expect(Object.fromEntries(r.dimensions.map((d) => [d.id, d.mean]))).toEqual(expected.dims);
    // Not all 100 and not all equal: the mixed play really differs per dimension.
    expect(new Set(Object.values(expected.dims)).size).toBeGreaterThan(2);
    expect([r.learners, r.completed, r.passed]).toEqual([1, 1, 0]);
    // No warning: the recorded score (48) is the recomputed one, and every right answer is the course's.
    expect(r.diagnostics).toEqual([]);
    // Items: first answers only. q-kelompok-penggelapan was first answered `a` (wrong), then `b`.
    const item = r.items.find((i) => i.id === 'q-kelompok-penggelapan')!;
    expect(item).toMatchObject({ n: 1, p: 0, discrimination: null });
    expect(item.choices.map((c) => [c.response, c.count])).toEqual(item.choices.map((c) => [c.response, c.response === 'a' ? 1 : 0]));
    // Scenarios: the path and the ending of the first play.
    const amplop = r.scenarios.find((s) => s.id === 'amplop-loket-samsat')!;
    expect(amplop.paths).toEqual([{ path: 'mulai → terima → jadi-suap', count: 1 }]);
    expect(amplop.endings.filter((e) => e.count)).toEqual([expect.objectContaining({ scene: 'jadi-suap', outcome: 'fail', count: 1 })]);
    expect(amplop.failChoices.map((c) => `${c.scene}:${c.choice}`)).toEqual(['mulai:b', 'terima:b']);
  });

  it('both exports together: two learners, means of their scores', async () => {
    const r = await report([ALL_RIGHT, MIXED]);
    const mixed = spec3(course, interactionsOf(MIXED));
    expect([r.learners, r.attempts, r.completed, r.passed]).toEqual([2, 2, 2, 1]);
    expect(r.score).toEqual({ n: 2, mean: 74, median: 74 });
    for (const d of r.dimensions) expect(d.mean, d.id).toBe((100 + mixed.dims[d.id]!) / 2);
  });

  it('the same export saved as a spreadsheet CSV (comma, quotes, CRLF, BOM) gives the same report', async () => {
    const rows = readFileSync(MIXED, 'utf8').trim().split('\n').map((l) => l.split('\t').map((f) => f.replace(/^"(.*)"$/, '$1')));
    const csvField = (f: string) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    const csv = join(work, 'mixed-48-interactions-excel.csv');
    writeFileSync(csv, '\ufeff' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n');
    // The spreadsheet quoted every multiple answer (`"a,b"`): a real test of quoting.
    expect(readFileSync(csv, 'utf8')).toContain(',"a,b",');
    const semicolon = join(work, 'mixed-48-interactions-semicolon.csv');
    writeFileSync(semicolon, rows.map((r) => r.map((f) => (/[";]/.test(f) ? `"${f}"` : f)).join(';')).join('\r\n'));
    const a = await report([MIXED]);
    expect(await report([csv])).toEqual(a);
    expect(await report([semicolon])).toEqual(a);
  });

  it('Moodle 4.3.0\'s Objectives report (empty objective cells) is refused, not read as zeros', async () => {
    const r = await runReport({ sources: [join(FIXTURES, 'mixed-48-objectives.csv')], course: COURSE_100, outDir: null });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['IR702']);
    expect(r.diagnostics[0]!.message).toMatch(/not a Moodle Interactions report/);
  });

  it('another course: IR704 and nothing written; unknown ids (IR705) and another right answer (IR706) are counted warnings', async () => {
    const other = join(work, 'other-course');
    const r = await runCli(['new', other, '--json']);
    expect(r.code).toBe(0);
    const out = join(work, 'out-wrong');
    const wrong = await runCli(['report', MIXED, '--course', other, '--out', out]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/error IR704: none of the 1 records names a question, scene or activity of/);
    expect(existsSync(out)).toBe(false);

    // One unknown interaction, one right answer changed (as a course 1.1 might have).
    const [head, row] = readFileSync(MIXED, 'utf8').trim().split('\n');
    const text =
      head + '\t"Question 41"\t"Response 41"\t"Right answer 41"\t"Result 41"\n' +
      row!.replace('\tq-spj-fiktif\ta\ta\tcorrect', '\tq-spj-fiktif\ta\tb\twrong') + '\tq-hapus\ta\ta\tcorrect\n';
    const edited = join(work, 'edited.txt');
    writeFileSync(edited, text);
    const data = await report([edited]);
    expect(data.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['IR706', 'warning'],
      ['IR705', 'warning'],
    ]);
    expect(data.diagnostics[0]!.message).toContain('q-spj-fiktif: b (course: a)');
    expect(data.diagnostics[1]).toMatchObject({ file: edited, line: 2, message: expect.stringContaining('q-hapus') });
    expect(data.records).toMatchObject({ read: 1, used: 1, unknown: 1 });
  });

  it('a recorded score other than SPEC §3 gives for the answers: IR714, naming no learner', async () => {
    const [head, row] = readFileSync(MIXED, 'utf8').trim().split('\n');
    const file = join(work, 'score-50.txt');
    writeFileSync(file, `${head}\n${row!.replace('\t48\t48\t', '\t50\t50\t')}\n`);
    const r = await report([file]);
    expect(r.score.mean).toBe(48);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'IR714', severity: 'warning', message: expect.stringContaining('recorded 50, recomputed 48') })]);
    expect(JSON.stringify(r.diagnostics)).not.toContain('example.com');
  });

  it('--group-by a profile column of the export; small groups suppressed, and the next smallest when one alone would be', async () => {
    const [head, row] = readFileSync(MIXED, 'utf8').trim().split('\n');
    const units = ['Inspektorat', 'Inspektorat', 'Inspektorat', 'Inspektorat', 'Inspektorat', 'Inspektorat', 'BKPSDM', 'BKPSDM', 'BKPSDM', 'BKPSDM', 'BKPSDM', 'Dinas Sosial'];
    const rows = units.map((u, i) => row!.replace('student_161236_wqc6@example.com', `asn${i}@bantenprov.go.id`).replace(/^/, `${u}\t`));
    const file = join(work, 'grouped.txt');
    writeFileSync(file, `Department\t${head}\n${rows.join('\n')}\n`);
    const r = await report([file], { groupBy: 'department' });
    expect([r.learners, r.attempts]).toEqual([12, 12]);
    // Dinas Sosial (1) is hidden; BKPSDM (5), the next smallest, too, or it could be worked out as 12 − 6 − 5.
    expect(r.grouping).toEqual({ field: 'department', minGroup: 5, suppressed: 2 });
    expect(r.groups!.map((g) => [g.value, g.learners, g.score.mean])).toEqual([['Inspektorat', 6, 48]]);
    const two = await report([file], { groupBy: 'Department', minGroup: 1 });
    expect(two.groups!.map((g) => [g.value, g.learners])).toEqual([
      ['BKPSDM', 5],
      ['Dinas Sosial', 1],
      ['Inspektorat', 6],
    ]);
  });

  it('the CLI writes report.json, report.html and a CSV per table; --json prints the same JSON', async () => {
    const out = join(work, 'out');
    const r = await runCli(['report', ALL_RIGHT, MIXED, '--course', COURSE_100, '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    expect(readdirSync(out).sort()).toEqual(['choices.csv', 'dimensions.csv', 'endings.csv', 'fail-choices.csv', 'items.csv', 'paths.csv', 'report.html', 'report.json', 'summary.csv']);
    const json = JSON.parse(r.stdout) as ReportData;
    // The shape, key by key.
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['course', 'learners', 'attempts', 'completed', 'passed', 'dimensions', 'items', 'scenarios']));
    expect(Object.keys(json.dimensions[0]!)).toEqual(expect.arrayContaining(['id', 'n', 'mean', 'median', 'passRate']));
    expect(Object.keys(json.items[0]!)).toEqual(expect.arrayContaining(['id', 'dimension', 'n', 'p', 'discrimination', 'choices']));
    expect(Object.keys(json.items[0]!.choices[0]!)).toEqual(expect.arrayContaining(['response', 'count']));
    expect(Object.keys(json.scenarios[0]!.endings[0]!)).toEqual(expect.arrayContaining(['scene', 'outcome', 'count']));
    const dims = readFileSync(join(out, 'dimensions.csv'), 'utf8');
    expect(dims.startsWith('\ufeffdimension,label,n,mean,median,pass_rate,')).toBe(true);
    expect(dims.split('\r\n').filter(Boolean)).toHaveLength(1 + course.dimensions.length);
    const text = await runCli(['report', MIXED, '--course', COURSE_100, '--out', join(work, 'out2')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/reported Integrity Ranger: E-Learning Petty Corruption 1.0.0: 1 learners, 1 attempts, 1 of 1 records used; 0 errors, 0 warnings/);
  });

  it('the course can be a built package: the same report as from the content folder', async () => {
    const dist = join(work, 'dist');
    const b = await runCli(['build', COURSE_100, '--out', dist, '--target', 'scorm12', '--json']);
    expect(b.code).toBe(0);
    const zip = join(dist, 'integrity-ranger-1.0.0-scorm12.zip');
    const a = await report([MIXED]);
    expect(await report([MIXED], { course: zip })).toEqual(a);
  });
});
