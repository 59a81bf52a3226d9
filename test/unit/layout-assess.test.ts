/**
 * State layouts of a course with typed questions, surveys and tests (issue
 * 12): `integrity-ranger layout` writes them, a later build reads them back
 * to the same structure hash, and a plan carries pages, questions (typed
 * ones too) and scenarios over while a survey's or a test's fields start
 * again: the simplest rule that is sound (src/render/layout-assess.ts).
 */
import { describe, expect, it } from 'vitest';
import { layoutOf, layoutYaml, planFor, provePlan, skeletonOf } from '../../src/render/state-layout.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';
import { encodeState, readState, structureHash } from '../../src/shared/state-codec.js';
import { emptyProgress, indexCourse } from '../../src/shared/progress.js';
import { codes, compileFiles, COURSE_YML } from '../helpers/compile.js';
import { readPackageCourse } from '../../src/shared/course-split.js';

const LESSON = `---
title: Materi
---
## Sikap

::: survey {#awal phase=pre}
Setuju?

- Saya menolak hadiah. {#tolak dimension=gratifikasi}
:::

## Latihan

::: question {#urut type=sequencing}
Urutkan.

1. Tolak
2. Catat
3. Laporkan
> [x] ya
> [ ] tidak
:::

::: question {#pilih}
Pilih.

- [x] A
  > a
- [ ] B
  > b
:::
`;
const POOL = `---
id: bank
---
::: question {#p1 dimension=gratifikasi}
Pilih.

- [x] A
  > a
- [ ] B
  > b
:::

::: question {#p2 type=matching dimension=suap}
Pasangkan.

- a -> X
- b -> Y
> [x] ya
> [ ] tidak
:::
`;
const TEST = '---\ntitle: Akhir\nrole: final\npool: bank\nper_dimension: 1\npassing_score: 80\nattempts: 2\n---\nMulai.\n';
const V1 = { 'lessons/01-materi.md': LESSON, 'pools/bank.md': POOL, 'tests/akhir.md': TEST };
// Version 2: a page added, and the sequencing question's steps reworded (its old answers mean something else now).
const V2 = { ...V1, 'lessons/01-materi.md': LESSON.replace('3. Laporkan', '3. Laporkan kepada KPK') + '\n## Penutup\n\nSelesai.\n' };

function runtime(files: Record<string, string>): RuntimeCourse {
  const r = compileFiles({ 'course.yml': COURSE_YML, ...files }, ['scorm12']);
  expect(codes(r)).toEqual([]);
  return { ...r.runtime!, target: 'scorm12' };
}

describe('layouts of a course with surveys and tests', () => {
  it('a layout written by `layout` hashes back to the course it was written from', () => {
    const v1 = runtime(V1);
    const layout = layoutOf(v1);
    expect(layout.units.map((u) => u.kind)).toEqual(['lesson', 'test']);
    expect(structureHash(skeletonOf(layout))).toBe(structureHash(v1));
    const yaml = layoutYaml(layout);
    expect(yaml).toContain('type: sequencing');
    expect(yaml).toContain('surveys:');
    expect(yaml).toContain('  - test: "akhir"');
    // The file reads back (a layout of the course as it is: nothing to plan, nothing to say).
    const r = compileFiles({ 'course.yml': COURSE_YML, ...V1, 'layouts/1.0.0.yml': yaml }, ['scorm12']);
    expect(codes(r)).toEqual([]);
    expect(r.runtime!.previous).toBeUndefined();
  });

  it('the same layout from the content and from the package built from it (its tests\' questions joined back from the unit file)', () => {
    const r = compileFiles({ 'course.yml': COURSE_YML, ...V1 }, ['scorm12', 'xapi']);
    for (const a of r.artifacts) {
      const fromPackage = readPackageCourse((f) => (a.files.has(f) ? new TextDecoder().decode(a.files.get(f)) : null))!;
      expect(layoutYaml(layoutOf(fromPackage))).toBe(layoutYaml(layoutOf(r.runtime!)));
    }
  });

  it('a plan keeps pages and unchanged questions, drops changed ones and every survey and test field, and is proven', () => {
    const v1 = runtime(V1);
    const yaml = layoutYaml(layoutOf(v1));
    const r = compileFiles({ 'course.yml': COURSE_YML, ...V2, 'layouts/1.0.0.yml': yaml }, ['scorm12']);
    expect(codes(r)).toEqual([]);
    expect(r.runtime!.previous).toHaveLength(1);
    const v2: RuntimeCourse = { ...r.runtime!, target: 'scorm12' };
    const plan = planFor(layoutOf(v1), v2);
    expect(provePlan(plan, layoutOf(v1), v2)).toEqual([]);
    const ix = indexCourse(v1);
    // Pages 0–1 kept, the reworded sequencing question dropped, the choice question kept, the rest (location, survey, test) as the plan says.
    expect(plan.fields.slice(0, 4).map((f) => f[1])).toEqual([0, 1, -1, 4]);
    expect(plan.fields.length).toBeGreaterThanOrEqual(ix.pages.length + ix.questions.length + 1);

    const p = emptyProgress(v1);
    p.pages = [true, true];
    p.questions[0] = { first: true, last: [0, 1, 2] };
    p.questions[1] = { first: false, last: [1] };
    p.at = 1;
    const read = readState(v2, encodeState(v1, p))!;
    expect(read.updated).toBe(true);
    expect(read.progress.pages).toEqual([true, true, false]);
    expect(read.progress.questions[0]!.first).toBeNull();
    expect(read.progress.questions[1]).toEqual({ first: false, last: [1] });
    expect(read.progress.at).toBe(1);
  });
});
