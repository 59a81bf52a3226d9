import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ContentEntry, ContentSource } from '../core/content-source.js';
import type { Diagnostic } from '../core/diagnostics.js';

const TEXT_LIMIT = 2 * 1024 * 1024;
const ASSET_LIMIT = 100 * 1024 * 1024;
const FILE_LIMIT = 5000;
const DEPTH_LIMIT = 12;
const TOP_LEVEL = new Set(['course.yml', 'course.yaml', 'theme.css', 'lessons', 'scenarios', 'tests', 'pools', 'assets', 'layouts']);

export class ContentFolderError extends Error {
  constructor(message: string, readonly code: 'IR108' | 'IR506') {
    super(message);
  }
}

/**
 * IR108 for a folder that is not there. Run inside a course folder with no
 * argument, `build` looks for ./content: the author never made a folder of
 * that name, so the hint says to give `.`.
 */
export function notAFolderDiagnostic(dir: string, message = `${dir} is not a folder`, cwd = process.cwd()): Diagnostic {
  const here = ['course.yml', 'course.yaml'].some((f) => existsSync(join(cwd, f))) && resolve(cwd, dir) !== resolve(cwd);
  const hint = here
    ? 'This folder has course.yml: to use it, give `.` as the folder, e.g. `integrity-ranger build .`'
    : 'Give the folder that holds course.yml, e.g. `integrity-ranger build my-course` (default: ./content).';
  return { severity: 'error', code: 'IR108', message, file: '', line: 0, column: 0, hint };
}

/**
 * What earlier reads of one folder found, so that the next read (a watcher's
 * rebuild) takes every file whose size, times and inode are unchanged from
 * memory and reads from disk only the files that changed. Content hashes tell
 * which paths really differ from the previous read, so a save that wrote the
 * same bytes counts as no change.
 */
export class ReadCache {
  private files = new Map<string, { sig: string; bytes: Uint8Array; hash: string }>();
  private seen = new Map<string, string>();
  private forced = new Set<string>();
  /** Paths the last read took from disk; every other file came from this cache. */
  read: string[] = [];
  /** Paths added, changed or removed by the last read, compared with the read before (all of them the first time). */
  changed: string[] = [];
  /** Re-read these paths next time whatever their stat says (a watcher saw them change). */
  invalidate(paths: Iterable<string>): void {
    for (const p of paths) this.forced.add(p.split(sep).join('/'));
  }

  /** @internal */
  lookup(rel: string, sig: string): Uint8Array | null {
    const hit = this.files.get(rel);
    return hit && hit.sig === sig && !this.forced.has(rel) ? hit.bytes : null;
  }

  /** @internal */
  store(rel: string, sig: string, bytes: Uint8Array, fromDisk: boolean): void {
    if (fromDisk) {
      this.files.set(rel, { sig, bytes, hash: createHash('sha1').update(bytes).digest('hex') });
      this.read.push(rel);
    }
  }

  /** @internal */
  begin(): void {
    this.read = [];
  }

  /** @internal */
  finish(entries: Map<string, ContentEntry>): void {
    const now = new Map<string, string>();
    for (const [path, e] of entries) {
      now.set(path, e.kind === 'file' ? this.files.get(path)!.hash : e.kind === 'too-large' ? `large:${e.size}` : e.kind);
    }
    const changed = new Set<string>();
    for (const [path, h] of now) if (this.seen.get(path) !== h) changed.add(path);
    for (const path of this.seen.keys()) if (!now.has(path)) changed.add(path);
    for (const path of this.files.keys()) if (!now.has(path)) this.files.delete(path);
    this.changed = [...changed].sort();
    this.seen = now;
    this.forced.clear();
  }
}

/**
 * Reads the parts of a content folder that make a course. Anything that
 * resolves outside the folder (a symlink out) is recorded but never read.
 * With a cache, unchanged files are taken from it instead of the disk.
 */
export async function readContentFolder(dir: string, cache?: ReadCache): Promise<ContentSource> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new ContentFolderError(`${dir} is not a folder`, 'IR108');
  const root = await realpath(dir);
  const entries = new Map<string, ContentEntry>();
  cache?.begin();

  const visit = async (abs: string, depth: number): Promise<void> => {
    if (depth > DEPTH_LIMIT) throw new ContentFolderError(`${dir} nests folders more than ${DEPTH_LIMIT} deep`, 'IR506');
    const names = (await readdir(abs)).sort();
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(abs, name);
      const rel = relative(root, path).split(sep).join('/');
      if (depth === 0 && !TOP_LEVEL.has(name)) continue;
      if (entries.size >= FILE_LIMIT) throw new ContentFolderError(`${dir} has more than ${FILE_LIMIT} files`, 'IR506');
      const l = await lstat(path);
      let target = path;
      if (l.isSymbolicLink()) {
        const real = await realpath(path).catch(() => null);
        if (real === null || !(real === root || real.startsWith(root + sep))) {
          entries.set(rel, { kind: 'outside' });
          continue;
        }
        target = real;
      }
      const s = await stat(target);
      if (s.isDirectory()) {
        // A link to a folder inside the content is read once, where the link is.
        if (!l.isSymbolicLink()) await visit(path, depth + 1);
        continue;
      }
      if (!s.isFile()) continue;
      const isText = depth === 0 || /^(lessons|scenarios|tests|pools|layouts)\//.test(rel);
      const limit = isText ? TEXT_LIMIT : ASSET_LIMIT;
      if (s.size > limit) {
        entries.set(rel, { kind: 'too-large', size: s.size });
        continue;
      }
      const sig = `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
      const cached = cache?.lookup(rel, sig) ?? null;
      const bytes = cached ?? new Uint8Array(await readFile(target));
      cache?.store(rel, sig, bytes, cached === null);
      entries.set(rel, { kind: 'file', bytes });
    }
  };
  await visit(root, 0);
  cache?.finish(entries);
  return { root: dir, entries };
}
