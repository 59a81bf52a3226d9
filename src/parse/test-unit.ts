/**
 * `tests/<name>.md` (issue 12): a pre-test or a final test. The front matter
 * says which pool it draws from and how; the body is the intro shown before
 * the learner starts (Markdown only: the questions come from the pool).
 */
import type { At, Diagnostics } from '../core/diagnostics.js';
import type { Test } from '../core/model.js';
import { joinLines, splitBlocks, toLines } from './blocks.js';
import { openDocument } from './front-matter.js';
import { readFrontMatter } from './front-matter-yaml.js';
import { testSchema } from './schemas.js';

interface TestYaml {
  id?: string;
  title: string;
  role: 'pre' | 'final';
  pool: string;
  draw?: number;
  per_dimension?: number;
  passing_score?: number;
  attempts?: number;
}

/** Returns null when the front matter cannot make a test (every reason reported). */
export function parseTest(file: string, text: string, diags: Diagnostics): Test | null {
  const at: At = { file, line: 1, column: 1 };
  const split = openDocument(file, text, diags);
  if (!split) return null;
  if (split.yaml === null) {
    diags.report('IR102', at, 'test needs front matter with `title`, `role` and `pool`', 'Start the file with `---`, `title: …`, `role: final`, `pool: …`, `draw: …`, `---`.');
    return null;
  }
  const fm = readFrontMatter<TestYaml>(split.yaml, split.yamlLine, file, testSchema, 'test front matter', diags);
  const y = fm.value;
  if (!y) return null;

  const draws = (y.draw !== undefined ? 1 : 0) + (y.per_dimension !== undefined ? 1 : 0);
  if (draws !== 1) {
    const where = draws ? fm.locate(['per_dimension']) : at;
    diags.report(draws ? 'IR103' : 'IR102', where, draws ? 'give `draw` or `per_dimension`, not both' : 'test front matter needs `draw` (questions per attempt) or `per_dimension` (questions per dimension)');
    return null;
  }
  if (y.role === 'pre') {
    for (const key of ['passing_score', 'attempts'] as const) {
      if (y[key] !== undefined) diags.report('IR258', fm.locate([key]), `\`${key}\` applies only to a final test; a pre-test is taken once, ungraded`);
    }
  }

  const lines = toLines(split.body, split.bodyLine);
  for (const seg of splitBlocks(lines, file, diags)) {
    if (seg.kind === 'block') {
      diags.report('IR258', { file, line: seg.open.line, column: 5 }, `\`::: ${seg.name}\` cannot be used in a test`, 'A test\'s questions come from its pool; its text is the introduction shown before the learner starts.');
    }
  }
  const intro = joinLines(lines);
  return {
    kind: 'test',
    id: y.id ?? split.fileId,
    title: y.title,
    file,
    at,
    role: y.role,
    intro: intro.trim() ? { text: intro, at: { file, line: split.bodyLine, column: 1 } } : null,
    pool: y.pool,
    poolAt: fm.locate(['pool']),
    draw: y.draw ?? y.per_dimension!,
    perDimension: y.per_dimension !== undefined,
    drawAt: fm.locate([y.draw !== undefined ? 'draw' : 'per_dimension']),
    passingScore: y.role === 'final' ? (y.passing_score ?? null) : null,
    attempts: y.role === 'final' ? (y.attempts ?? 1) : 1,
  };
}
