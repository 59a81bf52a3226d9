/**
 * What the build and `check ZIP` tell an author about media weight: each
 * video and audio file with its size and the total (text and --json), and
 * IR414 above the per-file budget, for any package, whoever built it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { checkPackage } from '../../src/check-package/index.js';
import { loadPackageSchemas } from '../../src/node/package-schemas.js';
import { zipFiles } from '../../src/package/zip.js';
import { ownPackages } from '../check-package/fixtures.js';

const MEDIA = resolve('test/fixtures/media/content');
const SIZES = {
  'assets/klip.webm': statSync(join(MEDIA, 'assets/klip.webm')).size,
  'assets/nada.mp3': statSync(join(MEDIA, 'assets/nada.mp3')).size,
};
let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'ir-media-cli-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('media sizes', () => {
  it('build --json lists each media file and its size; the text output adds the total', async () => {
    const json = await runCli(['build', MEDIA, '--out', join(work, 'dist'), '--target', 'xapi', '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { media: { path: string; bytes: number }[]; artifacts: { files: number }[] };
    expect(doc.media).toEqual(Object.entries(SIZES).map(([path, bytes]) => ({ path, bytes })));
    const text = await runCli(['build', MEDIA, '--out', join(work, 'dist'), '--target', 'scorm12']);
    expect(text.code).toBe(0);
    const total = SIZES['assets/klip.webm'] + SIZES['assets/nada.mp3'];
    expect(text.stdout).toContain(`media assets/klip.webm  ${(SIZES['assets/klip.webm'] / 1024).toFixed(1)} KB`);
    expect(text.stdout).toContain(`media total ${(total / 1024).toFixed(1)} KB in 2 files`);
  });

  it('check ZIP reports the media of a package, ours or anyone\'s', async () => {
    await runCli(['build', MEDIA, '--out', join(work, 'dist'), '--target', 'scorm12']);
    const r = await runCli(['check', join(work, 'dist', 'contoh-media-1.0.0-scorm12.zip'), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { package: { media: { path: string; bytes: number }[] } };
    expect(doc.package.media).toEqual(Object.entries(SIZES).map(([path, bytes]) => ({ path, bytes })));
  });

  it('check ZIP warns (IR414) about a media file over 25 MB, and only about that one', async () => {
    const { scorm12 } = await ownPackages();
    const files = new Map(scorm12.files);
    files.set('assets/besar.mp4', new Uint8Array(25 * 1024 * 1024 + 1));
    files.set('assets/kecil.mp3', new Uint8Array(25 * 1024 * 1024));
    const r = await checkPackage(zipFiles(files, 315532800), 'p.zip', await loadPackageSchemas());
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}: ${d.message}`)).toEqual([
      'warning IR414 assets/besar.mp4: assets/besar.mp4 is 25.0 MB, over the 25 MB a media file should be for slow networks',
    ]);
    expect(r.media).toEqual([
      { path: 'assets/besar.mp4', bytes: 25 * 1024 * 1024 + 1 },
      { path: 'assets/kecil.mp3', bytes: 25 * 1024 * 1024 },
    ]);
  });
});
