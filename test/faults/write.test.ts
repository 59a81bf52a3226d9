/**
 * GitHub issue 6, writes: "output is written to a temporary file and renamed,
 * so an interrupted or failed build never leaves a half-written zip or
 * removes the previous one".
 *
 * - `writeAtomically` (src/node/write-output.ts) with the second of two
 *   writes failing, in each of its steps: writing the new bytes (a disk that
 *   fills up half way), putting them in place (the final path is a folder;
 *   a rename refused after the first package was already replaced). The
 *   packages from before are byte-identical afterwards, and no temporary or
 *   half-written file is left.
 * - `build()` failing to write leaves dist/ as it was (IR505).
 * - A `build` child process killed with SIGKILL while it writes two big
 *   zips: every zip in dist/ is then the old one or the new one, complete
 *   (adm-zip reads every entry), never a truncated one; the next build
 *   removes the hidden temporary files the killed one left.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { nodeOutputFs, writeAtomically, type OutputFs } from '../../src/node/write-output.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const CLI = join(ROOT, 'bin/integrity-ranger.js');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ir-faults-write-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = (s: string) => new TextEncoder().encode(s);

/** Everything in a folder: file name → sha256 (or `dir`). Hidden files included. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    out[name] = statSync(p).isDirectory() ? 'dir' : sha(readFileSync(p));
  }
  return out;
}

const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.') || /\.(tmp|bak)$/.test(n));

function fresh(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The files of a two-package write: a.zip, then `second` (b.zip). */
const pair = (a: Uint8Array, b: Uint8Array, second = 'b.zip') => [
  { name: 'a.zip', bytes: a },
  { name: second, bytes: b },
];

/** An error as Node's file system throws it: `EIO: i/o error, rename`, with its code. */
const fsError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/** The write of `files` to `out` through `fs` is rejected with `error`. */
async function expectWriteFails(out: string, files: { name: string; bytes: Uint8Array }[], fs: OutputFs | undefined, error: RegExp): Promise<void> {
  await expect(writeAtomically(out, files, fs)).rejects.toThrow(error);
}

/** Node's file system with one operation made to fail on its n-th call. */
function failingFs(op: 'writeFile' | 'rename', nth: number, how: (path: string, bytes?: Uint8Array) => Promise<void>): OutputFs & { calls: string[] } {
  let n = 0;
  const calls: string[] = [];
  const fs: OutputFs & { calls: string[] } = {
    ...nodeOutputFs,
    calls,
    async writeFile(path, b) {
      calls.push(`writeFile ${path}`);
      if (op === 'writeFile' && ++n === nth) return how(path, b);
      return nodeOutputFs.writeFile(path, b);
    },
    async rename(from, to) {
      calls.push(`rename ${from} ${to}`);
      if (op === 'rename' && ++n === nth) return how(to);
      return nodeOutputFs.rename(from, to);
    },
  };
  return fs;
}

describe('writeAtomically: a failed write changes nothing', () => {
  it('writes every file and leaves no temporary file', async () => {
    const out = fresh('ok');
    const files = await writeAtomically(out, pair(bytes('A1'), bytes('B1')));
    expect(files).toEqual([join(out, 'a.zip'), join(out, 'b.zip')]);
    expect(readFileSync(join(out, 'a.zip'), 'utf8')).toBe('A1');
    // Replacing works the same way.
    await writeAtomically(out, [{ name: 'a.zip', bytes: bytes('A2') }]);
    expect(readFileSync(join(out, 'a.zip'), 'utf8')).toBe('A2');
    expect(readFileSync(join(out, 'b.zip'), 'utf8')).toBe('B1');
    expect(leftovers(out)).toEqual([]);
  });

  it("the second file's final path is a non-empty folder: the first package is not replaced either", async () => {
    const out = fresh('dir');
    await writeAtomically(out, pair(bytes('A1'), bytes('B1')));
    mkdirSync(join(out, 'c.zip'));
    writeFileSync(join(out, 'c.zip', 'inside'), 'x');
    const before = snapshot(out);
    await expectWriteFails(out, pair(bytes('A2'), bytes('C2'), 'c.zip'), undefined, /EISDIR|EPERM|ENOTEMPTY/);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('the second rename fails after the first package was replaced: the first gets its old bytes back', async () => {
    const out = fresh('rename');
    await writeAtomically(out, pair(bytes('A1'), bytes('B1')));
    const before = snapshot(out);
    const fs = failingFs('rename', 2, async () => {
      throw fsError('EIO', 'i/o error, rename');
    });
    await expectWriteFails(out, pair(bytes('A2'), bytes('B2')), fs, /EIO/);
    // The first rename happened (a.zip was new for a moment), then was undone.
    expect(fs.calls.filter((c) => c.startsWith('rename')).length).toBeGreaterThanOrEqual(3);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('a package that did not exist before is removed again when a later rename fails', async () => {
    const out = fresh('rename-new');
    await writeAtomically(out, [{ name: 'b.zip', bytes: bytes('B1') }]);
    const before = snapshot(out);
    const fs = failingFs('rename', 2, async () => {
      throw fsError('EACCES', 'permission denied, rename');
    });
    await expectWriteFails(out, pair(bytes('A2'), bytes('B2')), fs, /EACCES/);
    expect(snapshot(out)).toEqual(before);
  });

  it('the disk fills up half way through the second file: no half-written file stays', async () => {
    const out = fresh('enospc');
    const a1 = randomBytes(64 * 1024);
    const b1 = randomBytes(64 * 1024);
    await writeAtomically(out, pair(a1, b1));
    const before = snapshot(out);
    let partial = '';
    const fs = failingFs('writeFile', 2, async (path, b) => {
      // Half the bytes reach the disk, then the write fails.
      writeFileSync(path, b!.subarray(0, b!.length >> 1));
      partial = path;
      throw fsError('ENOSPC', 'no space left on device, write');
    });
    await expectWriteFails(out, pair(randomBytes(64 * 1024), randomBytes(64 * 1024)), fs, /ENOSPC/);
    expect(partial).toMatch(/\.tmp$/);
    expect(existsSync(partial)).toBe(false);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('temporary files of a killed writer are removed by the next write; a live writer’s are left alone', async () => {
    const out = fresh('stale');
    // A process id that is certainly gone: a child that has exited.
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    writeFileSync(join(out, `.a.zip.${dead}-1.tmp`), 'half');
    writeFileSync(join(out, `.a.zip.${dead}-1.bak`), 'old');
    // process.ppid: the runner that started this test, alive.
    writeFileSync(join(out, `.a.zip.${process.ppid}-7.tmp`), 'busy');
    writeFileSync(join(out, 'notes.txt'), 'not ours');
    await writeAtomically(out, [{ name: 'a.zip', bytes: bytes('A') }]);
    expect(readdirSync(out).sort()).toEqual([`.a.zip.${process.ppid}-7.tmp`, 'a.zip', 'notes.txt']);
  });
});

describe('build(): a failed build leaves dist/ as it was', () => {
  const lesson = (text: string) => `---\ntitle: Satu\n---\n${text}\n`;
  const course = (dir: string, text: string) => {
    mkdirSync(join(dir, 'lessons'), { recursive: true });
    writeFileSync(join(dir, 'course.yml'), 'id: tulis\ntitle: Tulis\nversion: 1.0.0\niri: https://example.go.id/xapi/tulis\n');
    writeFileSync(join(dir, 'lessons/01.md'), lesson(text));
  };

  it('content errors, then an unwritable package path: the previous zips stay byte-identical (IR505)', async () => {
    const src = fresh('build-src');
    const out = join(work, 'build-dist');
    course(src, 'Halo.');
    const first = await build({ dir: src, outDir: out });
    expect(first.ok).toBe(true);
    const before = snapshot(out);
    expect(Object.keys(before)).toEqual(['tulis-1.0.0-scorm12.zip', 'tulis-1.0.0-xapi.zip']);

    // A content error: nothing written.
    writeFileSync(join(src, 'course.yml'), 'id: tulis\ntitle: Tulis\nversion: nope\n');
    const broken = await build({ dir: src, outDir: out });
    expect(broken.ok).toBe(false);
    expect(snapshot(out)).toEqual(before);

    // Valid content, but the xapi package's path is taken by a folder: IR505, and the scorm12 zip is not replaced.
    course(src, 'Halo lagi.');
    rmSync(join(out, 'tulis-1.0.0-xapi.zip'));
    mkdirSync(join(out, 'tulis-1.0.0-xapi.zip', 'x'), { recursive: true });
    const taken = snapshot(out);
    const r = await build({ dir: src, outDir: out });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['IR505']);
    expect(snapshot(out)).toEqual(taken);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('a build killed with SIGKILL while writing', () => {
  const NAMES = ['besar-1.0.0-scorm12.zip', 'besar-1.0.0-xapi.zip'];
  const ASSET = 32 * 1024 * 1024;

  /**
   * A course whose zips are big, so writing them takes a moment. The assets are video files, which
   * the zip stores as they are: the build's time goes to writing, where the kills land, and not to
   * deflating noise (that made this test take most of two minutes on a loaded two-core machine).
   */
  function bigCourse(dir: string, withAssets: boolean): void {
    mkdirSync(join(dir, 'lessons'), { recursive: true });
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'course.yml'), 'id: besar\ntitle: Besar\nversion: 1.0.0\niri: https://example.go.id/xapi/besar\n');
    if (withAssets) {
      writeFileSync(join(dir, 'assets/a.mp4'), randomBytes(ASSET));
      writeFileSync(join(dir, 'assets/b.mp4'), randomBytes(ASSET));
      writeFileSync(join(dir, 'lessons/01.md'), '---\ntitle: Satu\n---\nUnduh [a](../assets/a.mp4) dan [b](../assets/b.mp4).\n');
    } else {
      writeFileSync(join(dir, 'lessons/01.md'), '---\ntitle: Satu\n---\nVersi lama.\n');
    }
  }

  /** Every entry of the zip decompresses and passes its CRC check. */
  function complete(file: string): boolean {
    try {
      const zip = new AdmZip(file);
      const entries = zip.getEntries();
      if (!entries.some((e) => e.entryName === 'index.html')) return false;
      for (const e of entries) {
        const data = e.getData();
        if (data.length !== e.header.size) return false;
      }
      return true;
    } catch {
      return false;
    }
  }

  it('leaves the old or the new complete zip, never a truncated one', async () => {
    if (!existsSync(join(ROOT, 'lib/cli.js'))) throw new Error('lib/cli.js is missing: run `npm run build` first');
    const oldSrc = fresh('kill-old');
    const newSrc = fresh('kill-new');
    bigCourse(oldSrc, false);
    bigCourse(newSrc, true);
    const run = (src: string, out: string) => execFileSync(process.execPath, [CLI, 'build', src, '--out', out, '--json'], { encoding: 'utf8' });

    // The old packages, and (elsewhere) what the new ones look like when written completely.
    const dist = join(work, 'kill-dist');
    run(oldSrc, dist);
    const old = snapshot(dist);
    const ref = join(work, 'kill-ref');
    run(newSrc, ref);
    const neu = snapshot(ref);
    for (const n of NAMES) {
      expect(old[n]).toBeDefined();
      expect(neu[n]).toBeDefined();
      expect(old[n]).not.toBe(neu[n]);
    }

    const outcomes: string[] = [];
    let midWrite = 0;
    // Kill at different moments after the first temporary file appears (writing both zips takes some 100s of ms);
    // a few more tries if none of those landed mid-write.
    const delays = [0, 100, 250, 400, 0, 50, 150];
    for (let attempt = 0; attempt < delays.length && (attempt < 4 || midWrite === 0); attempt++) {
      const child = spawn(process.execPath, [CLI, 'build', newSrc, '--out', dist], { stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      let sawTemp = false;
      let killed = false;
      const kill = () => {
        if (killed) return;
        killed = true;
        setTimeout(() => {
          // Mid-write: a temporary file is there and the process has not finished.
          if (child.exitCode === null && readdirSync(dist).some((n) => n.endsWith('.tmp'))) sawTemp = true;
          child.kill('SIGKILL');
        }, delays[attempt]!);
      };
      const watcher = watch(dist, (_event, name) => {
        if (name && String(name).endsWith('.tmp')) kill();
      });
      const code = await exited;
      watcher.close();
      if (sawTemp) midWrite++;
      const now = snapshot(dist);
      const state = NAMES.map((n) => (now[n] === old[n] ? 'old' : now[n] === neu[n] ? 'new' : `other:${now[n]}`));
      outcomes.push(`${delays[attempt]}ms: exit ${code} ${sawTemp ? 'mid-write' : 'not mid-write'} → ${state.join('+')}, hidden: ${leftovers(dist).length}`);
      // Every package there is one of the two, and complete.
      for (const [i, n] of NAMES.entries()) {
        expect(state[i], `${n} after attempt ${attempt}: ${outcomes.at(-1)}`).toMatch(/^(old|new)$/);
        expect(complete(join(dist, n)), `${n} readable`).toBe(true);
      }
      // No visible file other than the packages.
      expect(readdirSync(dist).filter((n) => !n.startsWith('.')).sort()).toEqual(NAMES);
      // Back to the old packages for the next attempt (a complete build of the old course).
      if (state.includes('new')) run(oldSrc, dist);
    }
    console.info(`SIGKILL during build:\n  ${outcomes.join('\n  ')}`);
    expect(midWrite, `kills that landed while writing:\n${outcomes.join('\n')}`).toBeGreaterThanOrEqual(1);

    // The next build completes, and the killed builds' hidden files are gone.
    run(newSrc, dist);
    expect(snapshot(dist)).toEqual(neu);
  }, 120_000);
});
