/**
 * `report` on statements files: learners played through the real player
 * engine, their statements made by the real statement builder
 * (bench/synthetic-statements.ts), saved as a JSON array and as NDJSON. The
 * report's numbers equal what the plays say: the engine's own SPEC §3 result
 * per learner, and first answers counted from the statements by hand.
 * Also: the group view and its small-group suppression, and the bad-file cases.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReportCourse, runReport } from '../../src/report/node-report.js';
import type { ReportData } from '../../src/report/types.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { EXT } from '../../src/shared/activity-ids.js';
import { syntheticLearner, UNIT_EXTENSION, type SyntheticLearner } from '../../bench/synthetic-statements.js';
import { runCli } from '../helpers/cli.js';
import { COURSE_100 } from './helpers.js';

let course: RuntimeCourse;
let work: string;
let learners: SyntheticLearner[];

beforeAll(async () => {
  course = (await loadReportCourse(COURSE_100)).course!;
  work = mkdtempSync(join(tmpdir(), 'ir-report-st-'));
  learners = Array.from({ length: 14 }, (_, n) => syntheticLearner(course, n, 7));
});

/** What the plays say, independently of the report's code. */
export function expectedFromPlays(c: RuntimeCourse, plays: { result: SyntheticLearner['result']; statements: SyntheticLearner['statements'] }[]) {
  const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);
  const dims = c.dimensions.map((d) => {
    const scores = plays.flatMap((p) => p.result.dimensions.filter((x) => x.id === d.id && x.status !== 'incomplete').map((x) => x.score));
    return { id: d.id, n: scores.length, mean: mean(scores) };
  });
  const complete = plays.filter((p) => p.result.complete);
  const firsts = new Map<string, boolean[]>();
  for (const p of plays) {
    for (const s of p.statements) {
      if (s.verb.id.endsWith('/answered') && s.object.id.includes('/question/') && s.result?.extensions?.[EXT.countsForScore] === true) {
        const id = decodeURIComponent(s.object.id.split('/question/')[1]!);
        firsts.set(id, [...(firsts.get(id) ?? []), s.result.success === true]);
      }
    }
  }
  return {
    learners: plays.length,
    completed: complete.length,
    passed: plays.filter((p) => p.result.status === 'passed').length,
    score: { n: complete.length, mean: mean(complete.map((p) => p.result.score)) },
    dimensions: dims,
    items: [...firsts].map(([id, xs]) => ({ id, n: xs.length, p: Math.round((xs.filter(Boolean).length / xs.length) * 10000) / 10000 })),
  };
}

function writeArray(name: string, statements: unknown[]): string {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(statements, null, 2));
  return path;
}

async function report(sources: string[], extra: Partial<Parameters<typeof runReport>[0]> = {}): Promise<ReportData> {
  const r = await runReport({ sources, course: COURSE_100, outDir: null, ...extra });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.report!;
}

describe('report on statements files', () => {
  it('a JSON array and NDJSON give the same report, and its numbers are the plays\' own', async () => {
    const all = learners.flatMap((l) => l.statements);
    // Some learners stopped part-way, some passed, some failed: the numbers are not trivial.
    expect(learners.some((l) => !l.result.complete)).toBe(true);
    expect(learners.some((l) => l.result.status === 'passed')).toBe(true);
    expect(learners.some((l) => l.result.status === 'failed')).toBe(true);
    const array = writeArray('statements.json', all);
    const nd = join(work, 'statements.ndjson');
    writeFileSync(nd, all.map((s) => JSON.stringify(s)).join('\n') + '\n');
    const a = await report([array]);
    expect(await report([nd])).toEqual(a);
    const e = expectedFromPlays(course, learners);
    expect({ learners: a.learners, completed: a.completed, passed: a.passed, attempts: a.attempts }).toEqual({ learners: e.learners, completed: e.completed, passed: e.passed, attempts: e.learners });
    expect({ n: a.score.n, mean: a.score.mean }).toEqual(e.score);
    expect(a.dimensions.map((d) => ({ id: d.id, n: d.n, mean: d.mean }))).toEqual(e.dimensions);
    expect(a.items.filter((i) => i.n).map((i) => ({ id: i.id, n: i.n, p: i.p }))).toEqual(expect.arrayContaining(e.items));
    expect(a.items.filter((i) => i.n).length).toBe(e.items.length);
    expect(a.records).toEqual({ read: all.length, used: all.length, unknown: 0, skipped: 0 });
    expect(a.diagnostics).toEqual([]);
    // Every scenario: the endings of first plays add up to its n; discrimination is a correlation.
    for (const s of a.scenarios) expect(s.endings.reduce((n, x) => n + x.count, 0)).toBe(s.n);
    for (const i of a.items) if (i.discrimination !== null) expect(Math.abs(i.discrimination)).toBeLessThanOrEqual(1);
    // The course's recorded scores (course completed) agree with SPEC §3 recomputed: no IR714.
    expect(a.diagnostics.some((d) => d.code === 'IR714')).toBe(false);
  });

  it('--group-by a context extension: groups below the threshold are suppressed, and so is the next one when only one would be', async () => {
    const path = writeArray('grouped.json', learners.flatMap((l) => l.statements));
    const units = new Map<string, number>();
    for (const l of learners) units.set(l.unit, (units.get(l.unit) ?? 0) + 1);
    const r = await report([path], { groupBy: UNIT_EXTENSION, minGroup: 3 });
    const shown = [...units].filter(([, n]) => n >= 3);
    expect(r.grouping).toMatchObject({ field: UNIT_EXTENSION, minGroup: 3 });
    for (const g of r.groups!) {
      expect(g.learners).toBeGreaterThanOrEqual(3);
      expect(g.learners).toBe(units.get(g.value));
    }
    const small = units.size - shown.length;
    expect(r.grouping!.suppressed).toBe(small === 1 ? 2 : small);
    expect(r.groups!.length).toBe(units.size - r.grouping!.suppressed);
    // Nothing in the HTML names a suppressed group.
    const out = join(work, 'grouped-out');
    expect((await runReport({ sources: [path], course: COURSE_100, outDir: out, groupBy: UNIT_EXTENSION, minGroup: 3 })).ok).toBe(true);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    for (const [unit] of units) expect(html.includes(`>${unit}<`), unit).toBe(r.groups!.some((g) => g.value === unit));
    expect(html).toContain('Kelompok dengan kurang dari 3 peserta tidak ditampilkan');
    // A field nobody carries: IR715, no groups.
    const none = await report([path], { groupBy: 'https://example.org/nothing' });
    expect(none.diagnostics.map((d) => d.code)).toEqual(['IR715']);
  });

  it('statements of another course: IR704; a few unknown ones among ours: IR705, counted', async () => {
    const foreign = learners[0]!.statements.map((s) => JSON.parse(JSON.stringify(s).replaceAll(course.iri!, 'https://example.org/other-course')));
    const r = await runReport({ sources: [writeArray('foreign.json', foreign)], course: COURSE_100, outDir: join(work, 'never') });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['IR704', 'IR705']);
    expect(existsSync(join(work, 'never'))).toBe(false);
    const mixed = await report([writeArray('mixed.json', [...learners[1]!.statements, ...foreign.slice(0, 3)])]);
    expect(mixed.records.unknown).toBe(3);
    expect(mixed.diagnostics).toEqual([expect.objectContaining({ code: 'IR705', severity: 'warning', message: expect.stringMatching(/^3 records name interactions or activities this course does not have/) })]);
  });

  it('statements in reverse order: IR713 says the paths may be misread', async () => {
    const r = await report([writeArray('reversed.json', learners[2]!.statements.slice().reverse())]);
    expect(r.diagnostics.map((d) => d.code)).toContain('IR713');
    // First answers are read from counts-for-score, not from the order: the learner's scores stand.
    const e = expectedFromPlays(course, [learners[2]!]);
    expect(r.dimensions.map((d) => ({ id: d.id, n: d.n, mean: d.mean }))).toEqual(e.dimensions);
  });

  it('bad files: missing, a folder, not UTF-8, broken JSON (at its line), an empty file; all at once, exit 1, nothing written', async () => {
    const broken = join(work, 'broken.ndjson');
    const lines = learners[0]!.statements.slice(0, 3).map((s) => JSON.stringify(s));
    writeFileSync(broken, [lines[0], lines[1], lines[2]!.slice(0, 40)].join('\n') + '\n{"x": 1}\n');
    const latin1 = join(work, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x4e, 0x61, 0x6d, 0x61, 0x09, 0xe9, 0x0a]));
    const empty = join(work, 'empty.csv');
    writeFileSync(empty, '');
    const folder = join(work, 'a-folder');
    mkdirSync(folder);
    const out = join(work, 'out-bad');
    const r = await runCli(['report', join(work, 'missing.csv'), folder, latin1, broken, empty, '--course', COURSE_100, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(work, 'missing.csv')}:0:0: error IR701: ${join(work, 'missing.csv')} does not exist`);
    expect(r.stderr).toContain(`error IR701: ${folder} is not a file`);
    expect(r.stderr).toContain(`error IR701: ${latin1} is not UTF-8 text`);
    expect(r.stderr).toMatch(new RegExp(`${broken}:3:1: error IR703: ${broken} is not a JSON array or NDJSON of statements`));
    expect(r.stderr).toContain(`error IR702: ${empty} is empty`);
    expect(r.stderr).toMatch(/report failed: 5 errors, 0 warnings; nothing was written/);
    expect(existsSync(out)).toBe(false);
    // --json: the same problems as JSON.
    const j = await runCli(['report', broken, '--course', COURSE_100, '--out', out, '--json']);
    expect(j.code).toBe(1);
    // The one failure document every command prints under --json (README, "--json").
    expect(JSON.parse(j.stdout)).toEqual({
      ok: false,
      error: { kind: 'problems', message: expect.stringContaining('report failed') },
      diagnostics: [expect.objectContaining({ code: 'IR703', line: 3 })],
    });
  });

  it('a course that cannot be read: IR711; wrong usage: exit 2', async () => {
    const path = writeArray('one.json', learners[0]!.statements);
    const r = await runCli(['report', path, '--course', join(work, 'no-course'), '--out', join(work, 'o')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error IR711');
    expect((await runCli(['report', path, '--out', join(work, 'o')])).code).toBe(2);
    expect((await runCli(['report', path, '--course', COURSE_100, '--min-group', '0'])).code).toBe(2);
    expect((await runCli(['report', path, '--course', COURSE_100, '--since', 'yesterday'])).code).toBe(2);
  });

  it('a report already in the folder stays as it was when a new one fails', async () => {
    const out = join(work, 'kept');
    const path = writeArray('kept.json', learners[3]!.statements);
    expect((await runCli(['report', path, '--course', COURSE_100, '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'report.json'), 'utf8');
    expect((await runCli(['report', path, join(work, 'missing.json'), '--course', COURSE_100, '--out', out])).code).toBe(1);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(before);
  });
});
