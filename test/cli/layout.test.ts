/**
 * `integrity-ranger layout DIR|ZIP`: the state layout a later version keeps in
 * layouts/ (issue 10). The same from the content folder and from the package
 * built from it; readable by the compiler; refused for what is not ours.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AdmZip from 'adm-zip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FIXTURE = resolve('test/fixtures/minimal/content');
let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ir-layout-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('integrity-ranger layout', () => {
  it('prints the same layout from the folder and from its package, and changes nothing', async () => {
    const before = readFileSync(join(FIXTURE, 'course.yml'));
    const fromDir = await runCli(['layout', FIXTURE]);
    expect(fromDir.code).toBe(0);
    expect(fromDir.stderr).toBe('');
    expect(fromDir.stdout).toMatch(/^# How contoh-minimal 1\.2\.0 saves/);
    expect(fromDir.stdout).toContain('- scenario: "amplop"');
    expect((await runCli(['build', FIXTURE, '--out', join(work, 'dist'), '--target', 'scorm12'])).code).toBe(0);
    const fromZip = await runCli(['layout', join(work, 'dist', 'contoh-minimal-1.2.0-scorm12.zip')]);
    expect(fromZip).toEqual(fromDir);
    expect(readFileSync(join(FIXTURE, 'course.yml'))).toEqual(before);

    const json = await runCli(['layout', FIXTURE, '--json']);
    const doc = JSON.parse(json.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.layout.course).toBe('contoh-minimal');
    expect(doc.layout.hash).toMatch(/^[A-Za-z0-9_-]{4}$/);
    expect(fromDir.stdout).toContain(`hash: "${doc.layout.hash}"`);
  });

  it('refuses a zip that is not one of our packages, a missing file and a broken folder (exit 1)', async () => {
    const other = new AdmZip();
    other.addFile('index.html', Buffer.from('<!doctype html><title>x</title>'));
    other.writeZip(join(work, 'other.zip'));
    const r = await runCli(['layout', join(work, 'other.zip')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('IR535');
    const missing = await runCli(['layout', join(work, 'nothing.zip'), '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['IR608']);
    writeFileSync(join(work, 'course.yml'), 'id: x\n');
    const broken = await runCli(['layout', work]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/IR102/);
  });
});
