/**
 * The light first page (issue 14): index.html carries the first page as HTML
 * and no course data; `course.js` is the skeleton; each unit's HTML is its own
 * file, joined back in place. Sizes, not times: a test that cannot flake.
 */
import { describe, expect, it } from 'vitest';
import { COURSE_FILE, courseSkeleton, joinUnit, readPackageCourse, unitFile } from '../../src/shared/course-split.js';
import type { RuntimeCourse, RuntimeUnit } from '../../src/shared/runtime-types.js';
import { compileFiles, compileFolder } from '../helpers/compile.js';
import { withRecords } from '../../src/render/apply-records.js';

const dec = new TextDecoder();
const text = (files: Map<string, Uint8Array>) => (name: string) => (files.has(name) ? dec.decode(files.get(name)) : null);

/** Every HTML string of a course, for "nothing of it is in the skeleton". */
function htmlOf(course: RuntimeCourse): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && /html$/i.test(key) && v) out.push(v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(course.units, '');
  return out;
}

/** A course of `pages` lesson pages, each with a paragraph of its own text. */
function bigCourse(pages: number): Record<string, string> {
  const body = ['---', 'title: Besar', '---', 'Pembuka kursus besar.', ''];
  for (let p = 1; p < pages; p++) body.push(`## Halaman ${p + 1}`, '', `Isi halaman nomor ${p + 1} yang cukup panjang untuk diukur.`, '');
  return { 'lessons/01-besar.md': body.join('\n') };
}

describe('the course split into a skeleton and unit files', () => {
  it('the default course: the skeleton has no HTML, and joining every unit file gives the course back exactly', async () => {
    const r = await compileFolder('content', ['scorm12']);
    expect(r.ok).toBe(true);
    // The package's course has the records of its target (src/render/apply-records.ts).
    const runtime = withRecords({ ...r.runtime!, target: 'scorm12' as const });
    const skeleton = courseSkeleton(runtime);
    expect(htmlOf(skeleton)).toEqual([]);
    expect(htmlOf(runtime).length).toBeGreaterThan(100);
    // The engine's ids, texts and scoring data stay in the skeleton.
    expect(JSON.stringify(skeleton)).toContain(runtime.units[1]!.title);
    const files = r.artifacts[0]!.files;
    expect(readPackageCourse(text(files))).toEqual(runtime);
    expect(files.has(unitFile(runtime.units.length - 1))).toBe(true);
    expect(files.has(unitFile(runtime.units.length))).toBe(false);
  });

  it('joins a unit in place: the objects the engine holds get their HTML; another unit\'s file is refused', async () => {
    const r = await compileFolder('content', ['scorm12']);
    const runtime = r.runtime!;
    const skeleton = courseSkeleton({ ...runtime, target: 'scorm12' });
    const lesson = skeleton.units.find((u) => u.kind === 'lesson')!;
    const page = lesson.kind === 'lesson' ? lesson.pages[0]! : null;
    const n = skeleton.units.indexOf(lesson);
    const other = runtime.units.find((u) => u.id !== lesson.id)!;
    expect(joinUnit(lesson, JSON.parse(JSON.stringify(other)) as RuntimeUnit)).toBe(false);
    expect(joinUnit(lesson, null as unknown as RuntimeUnit)).toBe(false);
    expect(htmlOf({ ...skeleton, units: [lesson] })).toEqual([]);
    expect(joinUnit(lesson, JSON.parse(JSON.stringify(runtime.units[n]!)) as RuntimeUnit)).toBe(true);
    expect(lesson.kind === 'lesson' && lesson.pages[0]).toBe(page);
    expect(lesson).toEqual(runtime.units[n]);
  });

  it('index.html holds the first page\'s text and no course data, and stays the same size whatever the course\'s size', () => {
    const sizes = [10, 1000].map((pages) => {
      const r = compileFiles(bigCourse(pages), ['scorm12']);
      expect(r.ok, r.diagnostics.map((d) => d.message).join('\n')).toBe(true);
      const files = r.artifacts[0]!.files;
      const index = dec.decode(files.get('index.html'));
      expect(index).toContain('Pembuka kursus besar.');
      expect(index).not.toContain('Halaman 2');
      expect(index).toContain(`<script defer src="${COURSE_FILE}"></script>`);
      return { index: files.get('index.html')!.length, course: files.get(COURSE_FILE)!.length, unit: files.get(unitFile(0))!.length };
    });
    console.info(`index.html / course.js / units/0.js bytes: 10 pages ${JSON.stringify(sizes[0])}, 1,000 pages ${JSON.stringify(sizes[1])}`);
    expect(sizes[1]!.index).toBe(sizes[0]!.index);
    expect(sizes[1]!.index).toBeLessThan(2048);
    // What grows lives in the other files.
    expect(sizes[1]!.unit).toBeGreaterThan(50 * sizes[0]!.unit);
  });

  it('a package whose unit file is missing or of another build is not read as a course', async () => {
    const r = await compileFolder('content', ['scorm12']);
    const files = new Map(r.artifacts[0]!.files);
    files.delete(unitFile(1));
    expect(readPackageCourse(text(files))).toBeNull();
    files.set(unitFile(1), files.get(unitFile(2))!);
    expect(readPackageCourse(text(files))).toBeNull();
    expect(readPackageCourse(() => null)).toBeNull();
  });
});
