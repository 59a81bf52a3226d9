import type { At, Diagnostics } from '../core/diagnostics.js';
import type { Course, Question } from '../core/model.js';
import { checkTests } from './check-tests.js';
import { SLUG, hintList } from './text.js';

/** Rules that span files: unique unit, question and survey ids, known dimensions, tests and their pools. */
export function checkCourse(course: Course, diags: Diagnostics): void {
  const units = new Map<string, string>();
  for (const u of course.units) {
    if (!SLUG.test(u.id)) diags.report('IR214', u.at, `unit id \`${u.id}\` (from the file name) is not a slug`, 'Give the file a front-matter `id: some-slug`.');
    const other = units.get(u.id);
    if (other) diags.report('IR213', u.at, `id \`${u.id}\` is also used by ${other}`, 'Set a different `id` in the front matter.');
    else units.set(u.id, u.file);
  }

  const known = new Set(course.meta.dimensions.map((d) => d.id));
  const checkDimension = (dim: string | null, at: At) => {
    if (dim && !known.has(dim)) {
      diags.report('IR217', at, `dimension \`${dim}\` is not one of the course's dimensions`, `Use one of: ${hintList([...known])}.`);
    }
  };

  // One namespace for what the records name: lesson and pool questions, and surveys.
  const questions = new Map<string, string>();
  const checkQuestion = (q: Question) => {
    checkDimension(q.dimension, q.dimensionAt);
    checkId('question', q.id, q.at);
  };
  const checkId = (what: 'question' | 'survey', id: string, at: At) => {
    if (!SLUG.test(id)) diags.report('IR214', at, `${what} id \`${id}\` is not a slug`);
    const other = questions.get(id);
    if (other) diags.report('IR213', at, `${what} id #${id} is also used at ${other}`);
    else questions.set(id, `${at.file}:${at.line}`);
  };
  for (const u of course.units) {
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
        if (b.kind === 'question') checkQuestion(b.question);
        if (b.kind !== 'survey') continue;
        checkId('survey', b.survey.id, b.survey.at);
        for (const item of b.survey.items) {
          checkDimension(item.dimension, item.dimensionAt);
          if (!SLUG.test(item.id)) diags.report('IR214', item.at, `survey item id \`${item.id}\` is not a slug`);
        }
      }
    }
  }

  const pools = new Map<string, string>();
  for (const pool of course.pools) {
    if (!SLUG.test(pool.id)) diags.report('IR214', pool.at, `pool id \`${pool.id}\` (from the file name) is not a slug`, 'Give the file a front-matter `id: some-slug`.');
    const other = pools.get(pool.id);
    if (other) diags.report('IR213', pool.at, `pool id \`${pool.id}\` is also used by ${other}`, 'Set a different `id` in the front matter.');
    else pools.set(pool.id, pool.file);
    pool.questions.forEach(checkQuestion);
  }
  checkTests(course, diags);
}
