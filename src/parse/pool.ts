/**
 * `pools/<name>.md` (issue 12): the questions tests draw from. Front matter
 * `id:` (else the file name), then only `::: question` blocks, each with its
 * own `#id`: a drawn question is recorded by it, so it must not depend on
 * the question's place in the file.
 */
import type { Diagnostics } from '../core/diagnostics.js';
import type { Pool, Question } from '../core/model.js';
import { splitBlocks, toLines } from './blocks.js';
import { openDocument } from './front-matter.js';
import { readFrontMatter } from './front-matter-yaml.js';
import { parseQuestion } from './question.js';
import { poolSchema } from './schemas.js';

export function parsePool(file: string, text: string, diags: Diagnostics): Pool | null {
  const split = openDocument(file, text, diags);
  if (!split) return null;
  const meta = (split.yaml === null ? null : readFrontMatter<{ id?: string }>(split.yaml, split.yamlLine, file, poolSchema, 'pool front matter', diags).value) ?? {};
  const id = meta.id ?? split.fileId;
  const questions: Question[] = [];
  let n = 0;
  for (const seg of splitBlocks(toLines(split.body, split.bodyLine), file, diags)) {
    if (seg.kind === 'markdown') {
      const first = seg.lines.find((l) => l.text.trim() !== '')!;
      diags.report('IR256', { file, line: first.line, column: 1 }, 'a pool holds only `::: question` blocks; this text is outside any', 'Move explanations into the questions\' prompts or feedback; a pool is never shown as a page.');
      continue;
    }
    if (seg.name !== 'question') {
      diags.report('IR256', { file, line: seg.open.line, column: 5 }, `\`::: ${seg.name}\` cannot be used in a pool`, 'A pool holds only `::: question` blocks.');
      continue;
    }
    const q = parseQuestion(seg, file, `${id}-q${++n}`, diags);
    if (!q) continue;
    if (!/(^|\s)#/.test(seg.attrs ?? '')) {
      diags.report('IR257', q.at, 'a pool question needs its own `#id`', 'Write `::: question {#some-id dimension=…}`: records name a drawn question by its id.');
    }
    questions.push(q);
  }
  if (questions.length === 0) diags.report('IR256', { file, line: 1, column: 1 }, `${file} has no questions`);
  return { id, file, at: { file, line: 1, column: 1 }, questions };
}
