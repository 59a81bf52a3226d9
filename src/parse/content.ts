import type { ContentSource } from '../core/content-source.js';
import type { Diagnostics } from '../core/diagnostics.js';
import type { Course, Pool, Unit } from '../core/model.js';
import { parseCourseYml } from './course.js';
import { parseLesson } from './lesson.js';
import { parsePool } from './pool.js';
import { parseScenario } from './scenario.js';
import { parseTest } from './test-unit.js';
import { closest, decodeText, hintList } from './text.js';

const UNIT_FILE = /^(lessons|scenarios|tests)\/[^/]+\.md$/i;
const POOL_FILE = /^pools\/[^/]+\.md$/i;
const folderOf = (p: string) => p.slice(0, p.indexOf('/')).toLowerCase();

/**
 * Reads the whole content folder into the course model, reporting every
 * problem found on the way. Returns null when course.yml itself is unusable.
 */
export function parseContent(source: ContentSource, diags: Diagnostics): Course | null {
  const courseFile = courseFileName(source);
  const courseEntry = source.entries.get(courseFile);
  if (!courseEntry) {
    diags.report('IR107', { file: 'course.yml', line: 1, column: 1 }, `no course.yml in ${source.root}`);
    return null;
  }
  const courseText = decodeText(courseFile, courseEntry, diags);
  const meta = courseText === null ? null : parseCourseYml(courseText, diags, courseFile);

  const unitFiles = [...source.entries.keys()].filter((p) => UNIT_FILE.test(p)).sort();
  for (const p of source.entries.keys()) {
    if (/^(lessons|scenarios|tests|pools)\//.test(p) && !UNIT_FILE.test(p) && !POOL_FILE.test(p) && !/(^|\/)\./.test(p)) {
      diags.report('IR112', { file: p, line: 1, column: 1 }, `${p} is not a .md file directly in ${p.split('/')[0]}/, so it is not part of the course`);
    }
  }

  let order = unitFiles;
  const outline = { leftOut: [] as string[], broken: false };
  if (meta?.outline) {
    order = [];
    const listed = new Set<string>();
    for (const entry of meta.outline) {
      // A path copied from Windows Explorer has backslashes; the file is the same.
      const path = entry.path.replace(/\\/g, '/').replace(/^\.\//, '');
      if (!UNIT_FILE.test(path) || !source.entries.has(path)) {
        outline.broken = true;
        diags.report('IR403', entry.at, `outline names ${entry.path}, which is not a lesson, scenario or test file here`, hintFor(path, unitFiles));
        continue;
      }
      if (listed.has(path)) {
        diags.report('IR213', entry.at, `outline lists ${path} twice`);
        continue;
      }
      listed.add(path);
      order.push(path);
    }
    outline.leftOut = unitFiles.filter((p) => !listed.has(p));
    // With a broken entry in the outline, a file it leaves out is most likely the one that entry meant: IR403 says so.
    if (!outline.broken) {
      for (const p of outline.leftOut) diags.report('IR404', { file: p, line: 1, column: 1 }, `${p} is not in the outline of course.yml, so it is left out`);
    }
  } else {
    order = ['lessons', 'scenarios', 'tests'].flatMap((dir) => unitFiles.filter((p) => folderOf(p) === dir));
  }

  let units: Unit[] = [];
  for (const path of order) {
    const text = decodeText(path, source.entries.get(path)!, diags);
    if (text === null) continue;
    const dir = folderOf(path);
    const unit = dir === 'lessons' ? parseLesson(path, text, diags) : dir === 'scenarios' ? parseScenario(path, text, diags) : parseTest(path, text, diags);
    if (unit) units.push(unit);
  }
  // Without an outline a pre-test opens the course and a final test closes it, as their roles say.
  if (!meta?.outline) units = [...units.filter((u) => u.kind === 'test' && u.role === 'pre'), ...units.filter((u) => u.kind !== 'test'), ...units.filter((u) => u.kind === 'test' && u.role === 'final')];

  const pools: Pool[] = [];
  for (const path of [...source.entries.keys()].filter((p) => POOL_FILE.test(p)).sort()) {
    const text = decodeText(path, source.entries.get(path)!, diags);
    const pool = text === null ? null : parsePool(path, text, diags);
    if (pool) pools.push(pool);
  }

  const themeEntry = source.entries.get('theme.css');
  const theme = themeEntry ? decodeText('theme.css', themeEntry, diags) : null;

  if (!meta) return null;
  if (units.length === 0 && !diags.hasErrors) {
    diags.report('IR501', { file: courseFile, line: 1, column: 1 }, 'the course has no lessons or scenarios', 'Add Markdown files under lessons/ or scenarios/.');
  }
  return { meta, units, pools, theme, outline };
}

/** `course.yml`, or `course.yaml` when only that exists: diagnostics name the file the author has. */
export function courseFileName(source: ContentSource): string {
  return !source.entries.has('course.yml') && source.entries.has('course.yaml') ? 'course.yaml' : 'course.yml';
}

function hintFor(path: string, files: string[]): string | undefined {
  const base = (p: string) => p.replace(/^.*\//, '');
  const same = files.find((f) => base(f) === base(path)) ?? closest(path, files) ?? files.find((f) => closest(base(path), [base(f)]) !== null);
  if (same) return `Did you mean ${same}?`;
  return files.length ? `Outline entries are paths from the course folder; the files here: ${hintList(files)}.` : undefined;
}
