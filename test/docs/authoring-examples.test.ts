/**
 * The examples docs/authoring.md gives for question types, surveys, pools
 * and tests (issue 12) build as they are written: an author who copies one
 * gets no diagnostic.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { codes, compileFiles } from '../helpers/compile.js';

const doc = readFileSync('docs/authoring.md', 'utf8');
const examples = [...doc.matchAll(/```markdown\n([\s\S]*?)```/g)].map((m) => m[1]!);
const lesson = (body: string) => `---\ntitle: Contoh\n---\n${body}`;

it('each question-type and survey example builds without a diagnostic', () => {
  const blocks = examples.filter((e) => /^::: (question \{[^}]*type=|survey)/.test(e));
  expect(blocks.length).toBeGreaterThanOrEqual(6);
  for (const block of blocks) {
    const r = compileFiles({ 'lessons/contoh.md': lesson(block) });
    expect(codes(r), block).toEqual([]);
  }
});

it('the pool and test examples build together', () => {
  const pool = examples.find((e) => e.startsWith('---\nid: bank-soal'))!;
  const test = examples.find((e) => e.startsWith('---\nid: tes-akhir'))!;
  // The example draws 15 from a pool of 30 or more; its pool example shows two questions.
  const files = { 'pools/bank-soal.md': pool, 'tests/tes-akhir.md': test.replace('draw: 15', 'draw: 2'), 'lessons/contoh.md': lesson('Materi.\n') };
  expect(codes(compileFiles(files))).toEqual([]);
  expect(codes(compileFiles({ ...files, 'tests/tes-akhir.md': test }))).toEqual([expect.stringMatching(/^IR260 tests\/tes-akhir\.md:/)]);
});
