/**
 * Packages for the browser tests: the course a package's player runs, read
 * back from its course.js and units/, and the default course built by the real CLI in
 * its own process (`bin/integrity-ranger.js build … --json`, as an author
 * runs it) and unzipped into a folder to serve.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import type { PackageTarget } from '../../src/compile.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { readPackageCourse } from '../../src/shared/course-split.js';

/** The repository, without a trailing slash. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** The steering repository's shared/ folder, beside the clone (as CI lays it): official examples and fixtures. */
export const SHARED = join(ROOT, '..', 'shared');
/**
 * The default course as released in 1.1 (test/courses/README.md): the full-play harnesses
 * (SCORM run-times, LMS models, LRS, cmi5 LMS, faults, report) keep a course scored by SPEC §3.
 */
export const V110 = join(ROOT, 'test', 'courses', 'integrity-ranger-1.1.0');

/** The course the player of the package unzipped in `dir` runs: `course.js` with every `units/<n>.js` joined in. */
export function readCourse(dir: string): RuntimeCourse {
  const course = readPackageCourse((name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : null));
  if (!course) throw new Error(`${dir} has no readable course.js and units/`);
  return course;
}

/** Whether `npm run build` made the CLI and `target`'s player, which buildWithCli needs. */
export function cliBuilt(target: PackageTarget): boolean {
  return existsSync(join(ROOT, 'lib', 'cli.js')) && existsSync(join(ROOT, 'player-dist', target, 'player.js'));
}

export interface CliPackage {
  /** The `--json` report's `ok`. */
  ok: boolean;
  /** The unzipped package: `work`/pkg. */
  dir: string;
  /** The zip itself. */
  zip: string;
  course: RuntimeCourse;
}

/** Builds `content` (default content/) for `target` with the CLI into `work`/dist and unzips the package into `work`/`name`. */
export function buildWithCli(target: PackageTarget, work: string, content = join(ROOT, 'content'), name = 'pkg'): CliPackage {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'bin', 'integrity-ranger.js'), 'build', content, '--out', join(work, 'dist'), '--target', target, '--json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const report = JSON.parse(out) as { ok: boolean; artifacts: Array<{ target: string; path: string }> };
  const zip = report.artifacts.find((a) => a.target === target);
  if (!report.ok || !zip) throw new Error('build failed:\n' + out);
  const dir = join(work, name);
  new AdmZip(zip.path).extractAllTo(dir, true);
  return { ok: report.ok, dir, zip: zip.path, course: readCourse(dir) };
}
