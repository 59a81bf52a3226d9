/**
 * layouts/*.yml in a content folder: embedded as plans when sound, refused
 * at file:line:col when not (IR530–IR535), never written by a build.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutOf, layoutYaml, skeletonOf, type StateLayout } from '../../src/render/state-layout.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { encodeState, readState, structureHash } from '../../src/shared/state-codec.js';
import { emptyProgress } from '../../src/shared/progress.js';
import { codes, compileFiles, compileFolder, COURSE_YML } from '../helpers/compile.js';

const LESSON = readFileSync('test/fixtures/minimal/content/lessons/01-dasar.md', 'utf8').replace(/^!\[.*\n/m, '');
const SCENARIO = readFileSync('test/fixtures/minimal/content/scenarios/amplop.md', 'utf8');
const V1 = { 'lessons/01-dasar.md': LESSON, 'scenarios/amplop.md': SCENARIO };
// Version 2: a page added at the end of the lesson.
const V2 = { ...V1, 'lessons/01-dasar.md': LESSON + '\n## Penutup\n\nSampai jumpa.\n' };

function runtime(files: Record<string, string>, yml = COURSE_YML): RuntimeCourse {
  const r = compileFiles({ 'course.yml': yml, ...files }, ['scorm12']);
  expect(r.diagnostics).toEqual([]);
  return { ...r.runtime!, target: 'scorm12' };
}

const v1Layout = () => layoutYaml(layoutOf(runtime(V1)));
/** Line and column (1-based) of the first `needle` in `text`. */
function where(text: string, needle: string): string {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe('layouts/ in the content folder', () => {
  it('a sound layout becomes a plan in the course data, and the new version reads the old state', () => {
    const r = compileFiles({ ...V2, 'layouts/1.0.0.yml': v1Layout() }, ['scorm12']);
    expect(codes(r)).toEqual([]);
    expect(r.runtime!.previous).toHaveLength(1);
    expect(r.runtime!.previous![0]!.hash).toBe(structureHash(runtime(V1)));
    // The package carries it: the player reads the course skeleton from course.js.
    const html = new TextDecoder().decode(r.artifacts[0]!.files.get('course.js')!);
    expect(html).toContain(`"previous":[{"hash":"${r.runtime!.previous![0]!.hash}"`);
    const v1 = runtime(V1);
    const p = emptyProgress(v1);
    p.pages = p.pages.map(() => true);
    p.at = 1;
    const read = readState({ ...r.runtime!, target: 'scorm12' }, encodeState(v1, p))!;
    expect(read.updated).toBe(true);
    expect(read.progress.pages).toEqual([...p.pages, false]);
    expect(read.progress.at).toBe(1);
  });

  it('is read from a content folder on disk, and the build leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ir-layouts-'));
    try {
      for (const [path, text] of Object.entries({ 'course.yml': COURSE_YML, ...V2, 'layouts/1.0.0.yml': v1Layout() })) {
        mkdirSync(join(dir, dirname(path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const r = await compileFolder(dir, ['scorm12']);
      expect(codes(r)).toEqual([]);
      expect(r.runtime!.previous).toHaveLength(1);
      expect(readFileSync(join(dir, 'layouts/1.0.0.yml'), 'utf8')).toBe(v1Layout());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a layout of the course as it is: nothing to plan, nothing to say', () => {
    const r = compileFiles({ ...V1, 'layouts/1.0.0.yml': v1Layout() }, ['scorm12']);
    expect(codes(r)).toEqual([]);
    expect(r.runtime!.previous).toBeUndefined();
  });

  it('IR537: same structure, but a question\'s choices reordered: its old answers would count for the new order', () => {
    const layout = v1Layout();
    const swapped = LESSON.replace(/- \[ \] Menerimanya\n(.*\n)- \[x\] Menolak dengan sopan\n(.*\n)/, '- [x] Menolak dengan sopan\n$2- [ ] Menerimanya\n$1');
    expect(swapped).not.toBe(LESSON);
    const r = compileFiles({ ...V1, 'lessons/01-dasar.md': swapped, 'layouts/1.0.0.yml': layout }, ['scorm12']);
    expect(codes(r)).toEqual([`IR537 layouts/1.0.0.yml:${where(layout, '{id: "q-amplop"')}`]);
    expect(r.runtime!.previous).toBeUndefined();
  });

  it('IR531: a layout edited or damaged (its structure no longer hashes to `hash`)', () => {
    const edited = v1Layout().replace(/\n {6}- \{id: "simpan".*\n/, '\n');
    expect(edited).not.toBe(v1Layout());
    const file = 'layouts/1.0.0.yml';
    const r = compileFiles({ ...V2, [file]: edited }, ['scorm12']);
    expect(codes(r)).toEqual([`IR531 ${file}:${where(edited, 'hash: ').replace(/:1$/, ':7')}`]);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toMatch(/would be misread/);
  });

  it('IR532: two layouts with the same hash, and a layout whose hash collides with this course', () => {
    const r = compileFiles({ ...V2, 'layouts/a.yml': v1Layout(), 'layouts/b.yml': v1Layout() }, ['scorm12']);
    expect(codes(r)).toEqual(['IR532 layouts/b.yml:7:7']);
    expect(r.diagnostics[0]!.message).toContain('layouts/a.yml');

    // A real 24-bit collision: two course ids whose structures hash alike (a birthday search over ids).
    const v1 = runtime(V1);
    const base = layoutOf(v1);
    const byHash = new Map<string, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; !pair && i < 200000; i++) {
      const id = `kursus-${i.toString(36)}`;
      const h = structureHash({ ...v1, id });
      const other = byHash.get(h);
      if (other) pair = [other, id];
      else byHash.set(h, id);
    }
    expect(pair).not.toBeNull();
    const [mine, theirs] = pair!;
    const layout = layoutYaml({ ...base, course: theirs, hash: structureHash({ ...v1, id: theirs }) });
    const yml = COURSE_YML.replace('id: uji', `id: ${mine}`);
    // The layout has another course id (another structure) but this course's hash: refused.
    const c = compileFiles({ 'course.yml': yml, ...V1, 'layouts/x.yml': layout }, ['scorm12']);
    expect(codes(c)).toEqual(['IR532 layouts/x.yml:7:7']);
    expect(c.diagnostics[0]!.message).toContain('this course');
  });

  it('IR530 and the YAML checks: not in the form `layout` writes, each at its place', () => {
    const good = v1Layout();
    const format2 = good.replace('format: 1', 'format: 2');
    const both = good.replace('  - scenario: "amplop"', '  - scenario: "amplop"\n    lesson: "x"');
    const noKey = good.replace(/, key: "[^"]+"/, '');
    // Page ids are not part of the hash: a page listed twice would pass it.
    const twice = good.replace('"ringkasan"]', '"intro"]');
    const r = compileFiles({ ...V2, 'layouts/a.yml': format2, 'layouts/b.yml': both, 'layouts/c.yml': noKey, 'layouts/d.yml': twice }, ['scorm12']);
    expect(codes(r)).toEqual([
      `IR530 layouts/a.yml:${where(format2, '2\n')}`,
      `IR530 layouts/b.yml:${where(both, 'scenario: "amplop"')}`,
      `IR102 layouts/c.yml:${where(noKey, '{id: "q-amplop"')}`,
      `IR530 layouts/d.yml:${where(twice, '"intro"]')}`,
    ]);
  });

  it('IR536: a file in layouts/ that is not read as a layout is a warning', () => {
    const r = compileFiles({ ...V2, 'layouts/1.0.0.json': v1Layout(), 'layouts/old/1.0.0.yml': v1Layout(), 'layouts/.keep': '' }, ['scorm12']);
    expect(codes(r)).toEqual(['IR536 layouts/1.0.0.json:1:1', 'IR536 layouts/old/1.0.0.yml:1:1']);
    expect(r.ok).toBe(true);
  });

  it('IR534: a layout of which nothing carries over is a warning, and the build goes on', () => {
    // The same shape under other ids, hashed as the codec would.
    const renamed = JSON.parse(JSON.stringify(layoutOf(runtime(V1))).replace(/"id":"/g, '"id":"lain-').replace(/"pages":\["/g, '"pages":["lain-')) as StateLayout;
    const other = layoutYaml({ ...renamed, hash: structureHash(skeletonOf(renamed)) });
    const r = compileFiles({ ...V2, 'layouts/lain.yml': other }, ['scorm12']);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning IR534']);
    expect(r.ok).toBe(true);
  });
});
