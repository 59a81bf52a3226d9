/**
 * `node gen-statements.mjs COURSE_DIR N [SEED]`: writes N synthetic statements
 * (bench/synthetic-statements.ts) as NDJSON on stdout, learner after learner,
 * without holding them: the input of the report benchmark. Bundled by
 * bench/run.mjs with esbuild, since it runs the player's own engine and builder.
 */
import { readContentFolder } from '../src/node/read-content.js';
import { courseFromSource } from '../src/report/index.js';
import { syntheticLearner } from './synthetic-statements.js';

const [dir, count, seed] = process.argv.slice(2);
const { course, diagnostics } = courseFromSource(await readContentFolder(dir ?? 'content'));
if (!course) throw new Error(`the course does not build: ${JSON.stringify(diagnostics)}`);
const total = Number(count ?? 1000);
let written = 0;
let n = 0;
const out = process.stdout;
while (written < total) {
  const { statements } = syntheticLearner(course, n++, Number(seed ?? 1));
  const take = statements.slice(0, total - written);
  written += take.length;
  const text = take.map((s) => JSON.stringify(s)).join('\n') + '\n';
  if (!out.write(text)) await new Promise((r) => out.once('drain', r));
}
process.stderr.write(`${written} statements, ${n} learners\n`);
