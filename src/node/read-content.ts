import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ContentEntry, ContentSource } from '../core/content-source.js';

const TEXT_LIMIT = 2 * 1024 * 1024;
const ASSET_LIMIT = 100 * 1024 * 1024;
const FILE_LIMIT = 5000;
const DEPTH_LIMIT = 12;
const TOP_LEVEL = new Set(['course.yml', 'course.yaml', 'theme.css', 'lessons', 'scenarios', 'assets']);

export class ContentFolderError extends Error {
  constructor(message: string, readonly code: 'IR108' | 'IR506') {
    super(message);
  }
}

/**
 * Reads the parts of a content folder that make a course. Anything that
 * resolves outside the folder (a symlink out) is recorded but never read.
 */
export async function readContentFolder(dir: string): Promise<ContentSource> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new ContentFolderError(`${dir} is not a folder`, 'IR108');
  const root = await realpath(dir);
  const entries = new Map<string, ContentEntry>();

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
      const isText = depth === 0 || /^(lessons|scenarios)\//.test(rel);
      const limit = isText ? TEXT_LIMIT : ASSET_LIMIT;
      if (s.size > limit) {
        entries.set(rel, { kind: 'too-large', size: s.size });
        continue;
      }
      entries.set(rel, { kind: 'file', bytes: new Uint8Array(await readFile(target)) });
    }
  };
  await visit(root, 0);
  return { root: dir, entries };
}
