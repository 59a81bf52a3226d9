import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { runCli } from '../helpers/cli.js';
import { PACKAGE_TARGETS } from '../../src/targets/registry.js';

const FIXTURE = resolve('test/fixtures/minimal/content');
let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ir-cli-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('integrity-ranger build', () => {
  it('writes one zip per target named <id>-<version>-<target>.zip and exits 0', async () => {
    const out = join(work, 'dist');
    const r = await runCli(['build', FIXTURE, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['contoh-minimal-1.2.0-scorm12.zip', 'contoh-minimal-1.2.0-xapi.zip']);
    expect(r.stdout).toContain('built Kursus Contoh 1.2.0: 0 errors, 0 warnings');
    const scorm = new AdmZip(join(out, 'contoh-minimal-1.2.0-scorm12.zip'));
    expect(scorm.getEntries().map((e) => e.entryName)).toContain('imsmanifest.xml');
    const xapi = new AdmZip(join(out, 'contoh-minimal-1.2.0-xapi.zip'));
    expect(xapi.getEntries().map((e) => e.entryName)).toContain('tincan.xml');
  });

  it('prints exactly one JSON document with --json, with the SPEC §2 fields', async () => {
    const out = join(work, 'dist');
    const r = await runCli(['build', FIXTURE, '--out', out, '--target', 'scorm12', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.course).toEqual({ id: 'contoh-minimal', title: 'Kursus Contoh', version: '1.2.0' });
    expect(doc.diagnostics).toEqual([]);
    expect(doc.artifacts).toHaveLength(1);
    const a = doc.artifacts[0];
    expect(a.target).toBe('scorm12');
    expect(a.path).toBe(join(out, 'contoh-minimal-1.2.0-scorm12.zip'));
    expect(a.bytes).toBe(statSync(a.path).size);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.files).toBe(new AdmZip(a.path).getEntries().length);
  });

  it('is reproducible: two builds in different folders give byte-identical zips, for every target', async () => {
    const copy = join(work, 'elsewhere', 'content');
    cpSync(FIXTURE, copy, { recursive: true });
    const every = PACKAGE_TARGETS.join(',');
    const a = await runCli(['build', FIXTURE, '--out', join(work, 'a'), '--target', every, '--json']);
    await new Promise((r) => setTimeout(r, 2100));
    const b = await runCli(['build', copy, '--out', join(work, 'b'), '--target', every, '--json']);
    expect(JSON.parse(a.stdout).artifacts.map((x: { target: string }) => x.target)).toEqual(PACKAGE_TARGETS);
    const shaA = JSON.parse(a.stdout).artifacts.map((x: { sha256: string }) => x.sha256);
    const shaB = JSON.parse(b.stdout).artifacts.map((x: { sha256: string }) => x.sha256);
    expect(shaA).toEqual(shaB);
    for (const f of readdirSync(join(work, 'a'))) {
      expect(readFileSync(join(work, 'a', f)).equals(readFileSync(join(work, 'b', f)))).toBe(true);
    }
  });

  it('honours SOURCE_DATE_EPOCH in every entry timestamp', async () => {
    const out = join(work, 'dist');
    await runCli(['build', FIXTURE, '--out', out, '--target', 'scorm12'], { SOURCE_DATE_EPOCH: '1700000000' });
    const zip = new AdmZip(join(out, 'contoh-minimal-1.2.0-scorm12.zip'));
    const times = new Set(zip.getEntries().map((e) => e.header.timeval));
    expect(times.size).toBe(1);
    const other = await runCli(['build', FIXTURE, '--out', join(work, 'o'), '--target', 'scorm12'], { SOURCE_DATE_EPOCH: '1600000000' });
    expect(other.code).toBe(0);
    expect(readFileSync(join(out, 'contoh-minimal-1.2.0-scorm12.zip')).equals(readFileSync(join(work, 'o', 'contoh-minimal-1.2.0-scorm12.zip')))).toBe(false);
  });

  it('on content errors exits 1, prints FILE:LINE:COL diagnostics, writes nothing and keeps the old dist/', async () => {
    const content = join(work, 'content');
    cpSync(FIXTURE, content, { recursive: true });
    const out = join(work, 'dist');
    expect((await runCli(['build', content, '--out', out])).code).toBe(0);
    const before = readdirSync(out).map((f) => [f, readFileSync(join(out, f))] as const);

    writeFileSync(join(content, 'lessons', '02-rusak.md'), '---\ntitle: Rusak\n---\n![](gambar.png)\n\n[x](javascript:alert(1))\n');
    const r = await runCli(['build', content, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lessons/02-rusak.md:4:1: error IR207: image gambar.png has no alt text');
    expect(r.stderr).toContain('lessons/02-rusak.md:6:1: error IR208:');
    expect(r.stderr).toContain('build failed: 3 errors, 0 warnings; nothing was written');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out).sort()).toEqual(before.map(([f]) => f).sort());
    for (const [f, bytes] of before) expect(readFileSync(join(out, f)).equals(bytes)).toBe(true);
  });

  it('exits 2 on wrong usage', async () => {
    expect((await runCli(['build', FIXTURE, '--target', 'zip'])).code).toBe(2);
    expect((await runCli(['build', FIXTURE, '--target', 'cmi5'])).stderr).toContain('planned but not available yet');
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['build', '--nope'])).code).toBe(2);
    expect((await runCli(['build', FIXTURE], { SOURCE_DATE_EPOCH: 'yesterday' })).code).toBe(2);
  });

  it('exits 1 with a diagnostic for a folder that does not exist', async () => {
    const r = await runCli(['build', join(work, 'nope'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0].code).toBe('IR108');
  });

  it('answers --help and --version with exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('build');
    expect(help.stdout).toContain('check');
    const v = await runCli(['--version']);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('shows progress on a terminal but not in CI or with --json', async () => {
    const tty = await runCli(['build', FIXTURE, '--out', join(work, 'd')], {}, true);
    expect(tty.stderr).toContain('compiling');
    const ci = await runCli(['build', FIXTURE, '--out', join(work, 'd')], { CI: 'true' }, true);
    expect(ci.stderr).toBe('');
  });
});

describe('integrity-ranger check DIR', () => {
  it('reports problems without writing anything', async () => {
    const content = join(work, 'content');
    cpSync(FIXTURE, content, { recursive: true });
    writeFileSync(join(content, 'scenarios', 'rusak.md'), '---\ntitle: R\n---\n## A {#a}\n- [B](#b)\n');
    const r = await runCli(['check', content, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.diagnostics.map((d: { code: string; file: string; line: number; column: number }) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual(['IR310 scenarios/rusak.md:1:1', 'IR302 scenarios/rusak.md:5:7']);
    expect(existsSync('dist/contoh-minimal-1.2.0-scorm12.zip')).toBe(false);
  });

  it('passes a good folder with exit 0', async () => {
    const r = await runCli(['check', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('checked Kursus Contoh 1.2.0: 0 errors, 0 warnings');
  });
});

describe('the installed command', () => {
  it('runs as a separate process from bin/ and exits with the library code', () => {
    const r = spawnSync(process.execPath, ['bin/integrity-ranger.js', 'build', FIXTURE, '--out', join(work, 'p'), '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
    const bad = spawnSync(process.execPath, ['bin/integrity-ranger.js', 'check', join(work, 'missing')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
  });
});

describe('file-system failures', () => {
  it('reports a build whose output path is a file as IR505, exit 1, no stack trace', async () => {
    const out = join(work, 'out');
    writeFileSync(out, 'a file where the output folder should be');
    const r = await runCli(['build', FIXTURE, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('IR505');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe('a file where the output folder should be');
  });
});

describe('integrity-ranger check DIR --target', () => {
  it('checks a SCORM-only course without `iri` for scorm12 alone', async () => {
    const content = join(work, 'content');
    cpSync(FIXTURE, content, { recursive: true });
    const yml = readFileSync(join(content, 'course.yml'), 'utf8').replace(/^iri:.*\n/m, '');
    writeFileSync(join(content, 'course.yml'), yml);
    const both = await runCli(['check', content, '--json']);
    expect(both.code).toBe(1);
    expect(JSON.parse(both.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['IR503']);
    const scorm = await runCli(['check', content, '--target', 'scorm12']);
    expect(scorm.code).toBe(0);
    expect((await runCli(['check', content, '--target', 'nope'])).code).toBe(2);
  });
});

describe('the scorm2004 target from the command line', () => {
  it('builds <id>-<version>-scorm2004.zip, reports it in --json, and `check` reads it as SCORM 2004', async () => {
    const out = join(work, 'dist');
    const r = await runCli(['build', FIXTURE, '--out', out, '--target', 'scorm2004,scorm12', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.artifacts.map((a: { target: string; path: string }) => [a.target, a.path])).toEqual([
      ['scorm2004', join(out, 'contoh-minimal-1.2.0-scorm2004.zip')],
      ['scorm12', join(out, 'contoh-minimal-1.2.0-scorm12.zip')],
    ]);
    const zip = new AdmZip(join(out, 'contoh-minimal-1.2.0-scorm2004.zip'));
    expect(zip.readAsText('imsmanifest.xml')).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    const checked = await runCli(['check', join(out, 'contoh-minimal-1.2.0-scorm2004.zip')]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('(SCORM 2004 4th Edition, ');
    const json = JSON.parse((await runCli(['check', join(out, 'contoh-minimal-1.2.0-scorm2004.zip'), '--json'])).stdout);
    expect(json.package.kinds).toEqual(['scorm2004']);
  });

  it('lists every target in --help, and is no longer "planned"', async () => {
    const help = await runCli(['build', '--help']);
    for (const t of ['scorm12', 'scorm2004', 'xapi']) expect(help.stdout).toContain(t);
    const r = await runCli(['check', FIXTURE, '--target', 'scorm2004']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('planned');
  });
});
