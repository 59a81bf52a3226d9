import type { Diagnostics } from '../core/diagnostics.js';
import type { Course } from '../core/model.js';
import { SLUG, hintList } from './text.js';

/** Rules that span files: unique unit and question ids, known dimensions. */
export function checkCourse(course: Course, diags: Diagnostics): void {
  const units = new Map<string, string>();
  for (const u of course.units) {
    if (!SLUG.test(u.id)) diags.report('IR214', u.at, `unit id \`${u.id}\` (from the file name) is not a slug`, 'Give the file a front-matter `id: some-slug`.');
    const other = units.get(u.id);
    if (other) diags.report('IR213', u.at, `id \`${u.id}\` is also used by ${other}`, 'Set a different `id` in the front matter.');
    else units.set(u.id, u.file);
  }

  const known = new Set(course.meta.dimensions.map((d) => d.id));
  const checkDimension = (dim: string | null, at: Parameters<Diagnostics['report']>[1]) => {
    if (dim !== null && !known.has(dim)) {
      diags.report('IR217', at, `dimension \`${dim}\` is not one of the course's dimensions`, `Use one of: ${hintList([...known])}.`);
    }
  };

  const questions = new Map<string, string>();
  for (const u of course.units) {
    // Issue 12: a test's pool is checked with the pools.
    if (u.kind === 'test') continue;
    if (u.kind === 'scenario') {
      checkDimension(u.dimension, u.dimensionAt);
      for (const scene of u.scenes) {
        if (!SLUG.test(scene.id)) diags.report('IR214', scene.at, `scene id \`${scene.id}\` is not a slug`);
      }
      continue;
    }
    for (const page of u.pages) {
      for (const b of page.blocks) {
        if (b.kind !== 'question') continue;
        const q = b.question;
        checkDimension(q.dimension, q.dimensionAt);
        if (!SLUG.test(q.id)) diags.report('IR214', q.at, `question id \`${q.id}\` is not a slug`);
        const other = questions.get(q.id);
        if (other) diags.report('IR213', q.at, `question id #${q.id} is also used at ${other}`);
        else questions.set(q.id, `${q.at.file}:${q.at.line}`);
      }
    }
  }
}
