/**
 * Tests against their pools and the course (issue 12): the pool exists, it
 * has enough questions for a draw, a final test has a pass mark, and
 * `scoring: final-test` has the one final test it scores.
 */
import type { Diagnostics } from '../core/diagnostics.js';
import type { Course, Pool, Test } from '../core/model.js';
import { hintList } from './text.js';

export function checkTests(course: Course, diags: Diagnostics): void {
  const pools = new Map(course.pools.map((p) => [p.id, p]));
  const tests = course.units.filter((u): u is Test => u.kind === 'test');
  const used = new Set<string>();
  for (const t of tests) {
    used.add(t.pool);
    const pool = pools.get(t.pool);
    if (!pool) {
      const ids = [...pools.keys()];
      diags.report('IR259', t.poolAt, `pool \`${t.pool}\` does not exist`, ids.length ? `Pools here: ${hintList(ids)}.` : 'Write the questions in a file pools/<name>.md with front matter `id: <name>`.');
    } else {
      checkDraw(t, pool, diags);
    }
    if (t.role === 'final' && t.passingScore === null) {
      if (course.meta.passingScore === null) {
        diags.report('IR263', t.at, 'this final test has no pass mark', 'Give the test `passing_score: 80` in its front matter, or the course `passing_score` in course.yml.');
      } else {
        t.passingScore = course.meta.passingScore;
      }
    }
  }
  for (const pool of course.pools) {
    if (!used.has(pool.id)) diags.report('IR262', pool.at, `no test draws from pool \`${pool.id}\``, 'Name it in a test\'s front matter (`pool: ' + pool.id + '`), or remove the file.');
  }
  const finals = tests.filter((t) => t.role === 'final');
  if (course.meta.scoring === 'final-test' && finals.length !== 1) {
    const at = course.meta.scoringAt ?? { file: 'course.yml', line: 1, column: 1 };
    diags.report('IR261', at, finals.length
      ? `\`scoring: final-test\` needs exactly one final test; the course has ${finals.length}: ${finals.map((t) => t.file).join(', ')}`
      : '`scoring: final-test` needs a final test, and the course has none', 'Add a test with `role: final` to the outline, or write `scoring: all`.');
  }
}

/** Dimension of each pool question, '' for one without. */
function buckets(pool: Pool): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of pool.questions) counts.set(q.dimension ?? '', (counts.get(q.dimension ?? '') ?? 0) + 1);
  return counts;
}

function checkDraw(t: Test, pool: Pool, diags: Diagnostics): void {
  const size = pool.questions.length;
  if (size === 0) return;
  if (!t.perDimension) {
    if (t.draw > size) diags.report('IR260', t.drawAt ?? t.at, `this test draws ${t.draw} questions per attempt, but pool \`${pool.id}\` has ${size}`);
    return;
  }
  for (const [dim, n] of buckets(pool)) {
    if (n < t.draw) {
      const name = dim ? `dimension \`${dim}\`` : 'no dimension';
      diags.report('IR260', t.drawAt ?? t.at, `this test draws ${t.draw} questions per dimension, but pool \`${pool.id}\` has ${n} with ${name}`);
    }
  }
}
