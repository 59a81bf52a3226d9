import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { editManifest, ownPackages, withFiles } from './fixtures.js';

let work: string;
const own = await ownPackages();
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ir-check-zip-'));
  writeFileSync(join(work, 'good-scorm12.zip'), own.scorm12.zip);
  writeFileSync(join(work, 'good-xapi.zip'), own.xapi.zip);
  writeFileSync(join(work, 'missing-file.zip'), withFiles(own.scorm12.files, { 'course.js': null }));
  writeFileSync(join(work, 'moodle-warning.zip'), withFiles(own.scorm12.files, { "assets/bob's.png": 'x' }));
  writeFileSync(join(work, 'bad-xml.zip'), editManifest(own.scorm12.files, 'imsmanifest.xml', (x) => x.replace('type="webcontent" ', '')));
  copyFileSync(join(work, 'good-scorm12.zip'), join(work, 'package.bin'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('integrity-ranger check PACKAGE.zip', () => {
  it('exits 0 on a good package and says what it checked', async () => {
    const r = await runCli(['check', join(work, 'good-scorm12.zip')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const kb = (own.scorm12.zip.length / 1024).toFixed(1);
    expect(r.stdout).toBe(`checked ${join(work, 'good-scorm12.zip')} (SCORM 1.2, ${own.scorm12.files.size} files, ${kb} KB): 0 errors, 0 warnings\n`);
    const x = await runCli(['check', join(work, 'good-xapi.zip')]);
    expect(x.code).toBe(0);
    expect(x.stdout).toContain('(Tin Can (xAPI), ');
  });

  it('prints one JSON document with --json', async () => {
    const r = await runCli(['check', join(work, 'missing-file.zip'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.package).toMatchObject({ path: join(work, 'missing-file.zip'), kinds: ['scorm12'] });
    expect(doc.package.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'IR605', file: 'imsmanifest.xml', message: 'file `course.js` is not in the package' }),
    ]);
  });

  it('exits 1 on errors, printing FILE:LINE:COL diagnostics on stderr', async () => {
    const r = await runCli(['check', join(work, 'bad-xml.zip')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^imsmanifest\.xml:\d+:\d+: error IR604: Element 'resource': The attribute 'type' is required but missing\.$/m);
    expect(r.stderr).toContain('check failed: 1 error, 0 warnings');
  });

  it('exits 0 with warnings only', async () => {
    const r = await runCli(['check', join(work, 'moodle-warning.zip')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("assets/bob's.png:1:1: warning IR607: Moodle stores");
    expect(r.stdout).toContain('0 errors, 1 warning');
  });

  it('treats any file as a package, and a missing .zip as a missing package', async () => {
    expect((await runCli(['check', join(work, 'package.bin')])).code).toBe(0);
    const r = await runCli(['check', join(work, 'nope.zip'), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, package: null, diagnostics: [{ code: 'IR608' }] });
    const txt = join(work, 'notes.txt');
    writeFileSync(txt, 'not a zip');
    const t = await runCli(['check', txt]);
    expect(t.code).toBe(1);
    expect(t.stderr).toContain('error IR601');
  });

  it('still checks a content folder', async () => {
    const r = await runCli(['check', resolve('test/fixtures/minimal/content')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('checked Kursus Contoh 1.2.0');
  });

  it('without a path checks ./content, as build builds it', async () => {
    const r = await runCli(['check']);
    expect(r.stderr).not.toMatch(/: error IR/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^checked .*: 0 errors/m);
  });
});
