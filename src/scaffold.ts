/**
 * `integrity-ranger new DIR`: writes a small working course (course.yml, one
 * lesson with a question, one scenario, an image and theme.css) whose
 * comments teach the format. The files are templates/new/<language>/,
 * copied as they are; they build with no errors and no warnings
 * (test/new/scaffold.test.ts).
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { TOOL_ROOT } from './node/tool-assets.js';

export const SCAFFOLD_LANGUAGES = ['id', 'en'] as const;
export type ScaffoldLanguage = (typeof SCAFFOLD_LANGUAGES)[number];

export interface ScaffoldOptions {
  /** Language of the course and of its teaching comments; default `id`. */
  language?: ScaffoldLanguage;
}

export interface ScaffoldResult {
  dir: string;
  /** Files written, relative to dir, forward slashes, sorted. */
  files: string[];
}

/** The target exists and is not an empty folder: nothing was written. */
export class ScaffoldError extends Error {}

/** The starter course's files, by relative path. */
export async function newCourseFiles(language: ScaffoldLanguage = 'id'): Promise<Map<string, Uint8Array>> {
  const root = join(TOOL_ROOT, 'templates', 'new', language);
  const files = new Map<string, Uint8Array>();
  const visit = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) await visit(full);
      else if (e.isFile()) files.set(relative(root, full).split(sep).join('/'), await readFile(full));
    }
  };
  await visit(root);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Writes the starter course into `dir`, which must not exist or be an empty folder. */
export async function scaffoldCourse(dir: string, options: ScaffoldOptions = {}): Promise<ScaffoldResult> {
  const language = options.language ?? 'id';
  if (!SCAFFOLD_LANGUAGES.includes(language)) throw new ScaffoldError(`unknown language \`${language}\``);
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new ScaffoldError(`${dir} exists and is not a folder; nothing was written`);
    if ((await readdir(dir)).length > 0) {
      throw new ScaffoldError(`${dir} is not empty; \`new\` never overwrites files, so nothing was written. Choose a new folder name.`);
    }
  } catch (e) {
    if (e instanceof ScaffoldError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const files = await newCourseFiles(language);
  for (const [path, bytes] of files) {
    const target = join(dir, ...path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    // 'wx': fail rather than overwrite, even if something appears meanwhile.
    await writeFile(target, bytes, { flag: 'wx' });
  }
  return { dir, files: [...files.keys()] };
}
