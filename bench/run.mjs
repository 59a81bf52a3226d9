// Benchmark: `npm run bench` (builds the tool first).
//
// Generates synthetic courses of about 10, 100 and 1,000 lesson pages, with
// questions and scenarios in proportion, and runs the real CLI on them as a
// whole process, the way an author or a CI job does. For each size and target
// it prints the median wall time of several runs (start-up included), the zip
// size and the peak memory (max RSS); then the player's bytes, the default
// course's build time, and the `build --watch` rebuild time after a one-line
// edit; the time to the first lesson text on an emulated slow network
// (bench/first-page.mjs). Then `report` on 1,000,000 synthetic statements (bench/synthetic-statements.ts:
// learners played through the real player engine, statements from the real
// builder), written as NDJSON to a file first: the report's wall time, CPU and
// peak memory, against the targets of ≤ 60 s and ≤ 512 MB. Figures and the
// machine they came from are recorded in docs/performance.md.
//
//   BENCH_RUNS=5            runs per measurement (median reported)
//   BENCH_SIZES=10,100,1000 lesson pages per synthetic course
//   BENCH_STATEMENTS=1000000 statements for the report case
//   BENCH_PARTS=build,report which parts to run
//   BENCH_KEEP=1            keep the temporary folder
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { firstPageBench, firstPageTable } from './first-page.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'integrity-ranger.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
// The targets from the registry `npm run build` has just compiled: each alone, then all in one build.
const { PACKAGE_TARGETS } = await import(join(ROOT, 'lib', 'targets', 'registry.js'));
const ALL = PACKAGE_TARGETS.join(',');
const TARGETS = [...PACKAGE_TARGETS, ALL];
const targetLabel = (t) => (t === ALL ? 'all' : t);
const zipSizes = (r, list) => list.split(',').map((t) => kb(r.zips[t])).join(' + ');
const TMP = mkdtempSync(join(tmpdir(), 'ir-bench-'));
const GNU_TIME = '/usr/bin/time';
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 1_000_000);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'build,report').split(','));

// ---------------------------------------------------------------- courses

/** A lesson page: two paragraphs with emphasis and a link, a list, sometimes an image, a table or a question. */
function page(u, p, withQuestion, withImage) {
  const lines = [
    `## Halaman ${p + 1}: integritas dalam pelayanan ${u + 1}.${p + 1}`,
    '',
    `Seorang ASN di unit ${u + 1} menghadapi situasi sehari-hari yang menguji **integritas**. ` +
      `Ia perlu mengenali *gratifikasi*, pungutan liar, dan benturan kepentingan sebelum mengambil keputusan, ` +
      `lalu mencatat pertimbangannya dengan jujur.`,
    '',
    `Baca juga [ketentuan gratifikasi](https://www.kpk.go.id/id/layanan-publik/gratifikasi) dan ` +
      `[materi sebelumnya](${u === 0 ? '#' : `${String(u).padStart(4, '0')}-materi.md`}).`,
    '',
    '- Tolak pemberian yang terkait jabatan.',
    '- Laporkan paling lambat 30 hari kerja.',
    '- Simpan bukti dan catat kronologinya.',
    '',
  ];
  if (withImage) lines.push('![Amplop yang ditolak di loket pelayanan](../assets/amplop.svg)', '');
  if (p % 5 === 4) lines.push('| Situasi | Sikap |', '|---|---|', '| Amplop setelah layanan | Tolak |', '| Parsel hari raya | Laporkan |', '');
  if (withQuestion) {
    lines.push(
      `::: question {#q-${u + 1}-${p + 1} points=${1 + (p % 3)} dimension=${['gratifikasi', 'suap', 'pemerasan'][p % 3]}}`,
      `Warga menyelipkan amplop setelah urusannya selesai (kasus ${u + 1}.${p + 1}). Apa yang Anda lakukan?`,
      '',
      '- [ ] Menerimanya karena layanan sudah selesai',
      '  > Tetap gratifikasi: pemberian itu terkait jabatan Anda.',
      '- [x] Menolak dengan sopan',
      '  > Tepat. Layanan publik tidak dipungut imbalan.',
      '- [ ] Menerima lalu membaginya dengan rekan kerja',
      '  > Membagi tidak menghapus kewajiban melapor.',
      '- [ ] Menyimpannya dulu dan memutuskan nanti',
      '  > Menunda membuat Anda lupa batas waktu pelaporan.',
      ':::',
      '',
    );
  }
  return lines.join('\n');
}

function scenario(s) {
  const scene = (id, title, body, choices) =>
    [`## ${title} {#${id}}`, '', body, '', ...choices.map(([t, target, q, fb]) => `- [${t}](#${target})${q ? ` {${q}}` : ''}\n  > ${fb}`), ''].join('\n');
  return [
    '---',
    `title: Skenario ${s + 1}`,
    `dimension: ${['gratifikasi', 'suap', 'pemerasan'][s % 3]}`,
    'points: 2',
    '---',
    '',
    `Anda bertugas di loket pelayanan ${s + 1}. Pilihan Anda menentukan kelanjutannya.`,
    '',
    scene('mulai', 'Amplop di loket', 'Pak Budi menyodorkan amplop setelah berkasnya diterima.', [
      ['Menolak dengan sopan', 'tolak', 'good', 'Tepat, layanan ini gratis.'],
      ['Menerima dan berniat melapor nanti', 'lapor', '', 'Lebih baik menolak sejak awal.'],
      ['Menerima dan menyimpannya', 'simpan', 'bad', 'Itu gratifikasi yang wajib ditolak atau dilaporkan.'],
    ]),
    scene('lapor', 'Menunda laporan', 'Seminggu berlalu. Amplop masih di laci.', [
      ['Melapor ke UPG hari ini', 'tolak', 'good', 'Masih dalam batas 30 hari kerja.'],
      ['Menunggu sampai ada waktu', 'simpan', 'bad', 'Batas waktu bisa terlewat.'],
    ]),
    '## Pelayanan tetap bersih {#tolak ending=pass}\n\nAntrean berjalan tanpa "uang terima kasih".\n',
    '## Gratifikasi tidak dilaporkan {#simpan ending=fail score=0}\n\nPemberian itu kini dianggap suap.\n',
  ].join('\n');
}

/** A content folder with `pages` lesson pages (10 per lesson), a question on every third page, a scenario per 20 pages. */
function makeCourse(dir, pages) {
  mkdirSync(join(dir, 'lessons'), { recursive: true });
  mkdirSync(join(dir, 'scenarios'), { recursive: true });
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const perLesson = 10;
  const lessons = Math.max(1, Math.ceil(pages / perLesson));
  const scenarios = Math.max(1, Math.round(pages / 20));
  writeFileSync(
    join(dir, 'course.yml'),
    `id: bench-${pages}\ntitle: Kursus Uji Kinerja ${pages} Halaman\nversion: 1.0.0\nlanguage: id\niri: https://example.go.id/xapi/course/bench-${pages}\npassing_score: 70\n`,
  );
  writeFileSync(join(dir, 'assets', 'amplop.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="6" y="2" fill="#eee" stroke="#333"/></svg>\n');
  let made = 0;
  let questions = 0;
  for (let u = 0; u < lessons; u++) {
    const n = Math.min(perLesson, pages - made);
    const body = [];
    for (let p = 0; p < n; p++) {
      const q = (made + p) % 3 === 2;
      if (q) questions++;
      body.push(page(u, p, q, p === 0));
    }
    made += n;
    const file = `${String(u + 1).padStart(4, '0')}-materi.md`;
    writeFileSync(join(dir, 'lessons', file), `---\ntitle: Materi ${u + 1}\nduration: 15\nobjectives:\n  - Mengenali gratifikasi\n---\n\n${body.join('\n')}`);
  }
  for (let s = 0; s < scenarios; s++) writeFileSync(join(dir, 'scenarios', `${String(s + 1).padStart(3, '0')}-loket.md`), scenario(s));
  return { pages: made, lessons, questions, scenarios, scenes: scenarios * 4, bytes: folderBytes(dir) };
}

function folderBytes(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) n += statSync(join(e.parentPath ?? dir, e.name)).size;
  return n;
}

// ---------------------------------------------------------------- measuring

const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
const PRELOAD = join(TMP, 'rss-preload.mjs');
writeFileSync(PRELOAD, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.IR_BENCH_RSS, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}`); });\n");

/** Runs the CLI once; returns wall ms, CPU ms (user + system), max RSS in KB and the --json report. */
function runBuild(args) {
  const rssFile = join(TMP, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const node = [CLI, ...args];
  const cmd = hasGnuTime ? GNU_TIME : process.execPath;
  const argv = hasGnuTime ? ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...node] : ['--import', `file://${PRELOAD}`, ...node];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', env: { ...process.env, CI: '1', IR_BENCH_RSS: rssFile }, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`integrity-ranger ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  const [rss, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  rmSync(rssFile, { force: true });
  return { ms, cpuMs: (user + sys) * 1000, rssKb: rss, report: JSON.parse(r.stdout) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measure(dir, target) {
  const out = join(TMP, 'dist');
  const runs = [];
  runBuild(['build', dir, '--out', out, '--target', target, '--json']); // warm the file cache
  for (let i = 0; i < RUNS; i++) runs.push(runBuild(['build', dir, '--out', out, '--target', target, '--json']));
  const last = runs[runs.length - 1].report;
  return {
    ms: median(runs.map((r) => r.ms)),
    min: Math.min(...runs.map((r) => r.ms)),
    max: Math.max(...runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssKb: Math.max(...runs.map((r) => r.rssKb)),
    zips: Object.fromEntries(last.artifacts.map((a) => [a.target, a.bytes])),
  };
}

/** `build --watch --json`: time from a one-line edit to the rebuilt report. */
async function measureWatch(dir, edits) {
  const out = join(TMP, 'watch-dist');
  const child = spawn(process.execPath, [CLI, 'build', dir, '--out', out, '--watch', '--json'], { env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  const waiters = [];
  child.stdout.setEncoding('utf8').on('data', (s) => {
    buffer += s;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const w = waiters.shift();
      if (w) w({ at: process.hrtime.bigint(), report: JSON.parse(line) });
    }
  });
  const next = () => new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error('no rebuild within 30 s')), 30_000);
    waiters.push((v) => { clearTimeout(t); res(v); });
  });
  try {
    await next(); // the first build
    const lessons = readdirSync(join(dir, 'lessons')).sort();
    const file = join(dir, 'lessons', lessons[Math.floor(lessons.length / 2)]);
    const results = [];
    for (let i = 0; i < edits; i++) {
      await new Promise((r) => setTimeout(r, 300));
      const lines = readFileSync(file, 'utf8').split('\n');
      const at = lines.findIndex((l) => l.startsWith('Seorang ASN'));
      lines[at] = lines[at].replace(/ \(suntingan \d+\)$/, '') + ` (suntingan ${i + 1})`;
      const done = next();
      const start = process.hrtime.bigint();
      writeFileSync(file, lines.join('\n'));
      const { at: end, report } = await done;
      if (!report.ok) throw new Error(`watch rebuild failed: ${JSON.stringify(report.diagnostics).slice(0, 500)}`);
      results.push({ wall: Number(end - start) / 1e6, build: report.ms });
    }
    return { wall: median(results.map((r) => r.wall)), build: median(results.map((r) => r.build)) };
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('close', r));
  }
}

// ---------------------------------------------------------------- report

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (k) => `${(k / 1024).toFixed(0)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

function machine() {
  const cpu = (() => {
    try {
      return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
    } catch {
      return cpus()[0]?.model;
    }
  })();
  let mem = `${(totalmem() / 2 ** 30).toFixed(1)} GiB`;
  try {
    mem = execFileSync('free', ['-h'], { encoding: 'utf8' }).split('\n')[1].trim().replace(/\s+/g, ' ');
  } catch {
    /* free(1) missing: total from Node */
  }
  return { cpu, cores: availableParallelism(), mem, node: process.version, platform: `${process.platform} ${process.arch}`, load: loadavg().map((x) => x.toFixed(2)).join(' ') };
}

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
  const m = machine();
  console.log(`# integrity-ranger benchmark\n`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, memory: ${m.mem}, ${m.platform}, Node ${m.node}, load average at start: ${m.load}`);
  console.log(`runs per figure: ${RUNS} (median wall time of the whole process; peak RSS ${hasGnuTime ? 'and CPU time from GNU time' : 'and CPU time from process.resourceUsage()'}; CPU = user + system, median)\n`);
  if (PARTS.has('build')) await builds();
  if (PARTS.has('report')) await reportCase();
  console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

/** `report` on STATEMENTS synthetic statements from a file: one run (it is long), wall, CPU and peak RSS. */
async function reportCase() {
  const gen = join(TMP, 'gen-statements.mjs');
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(ROOT, 'bench', 'gen-statements.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: gen,
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const file = join(TMP, 'statements.ndjson');
  const content = join(ROOT, 'content');
  const started = Date.now();
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [gen, content, String(STATEMENTS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const out = createWriteStream(file);
    child.stdout.pipe(out);
    child.on('error', reject);
    out.on('finish', () => (child.exitCode === 0 || child.exitCode === null ? resolve() : reject(new Error(`generator exited ${child.exitCode}`))));
  });
  const bytes = statSync(file).size;
  process.stderr.write(`… ${STATEMENTS} statements generated in ${s(Date.now() - started)} (${mb(bytes / 1024)})\n`);
  const r = runBuild(['report', file, '--course', content, '--out', join(TMP, 'report'), '--json']);
  console.log(`## report: ${STATEMENTS.toLocaleString('en')} synthetic statements\n`);
  console.log('NDJSON from a file, the default course; learners played through the real player engine (bench/synthetic-statements.ts). One run.\n');
  console.log(
    table(
      ['statements', 'file', 'learners', 'report (wall)', 'CPU', 'statements/s (wall)', 'peak RSS', '≤ 60 s', '≤ 512 MB'],
      [[STATEMENTS, mb(bytes / 1024), r.report.learners, s(r.ms), s(r.cpuMs), Math.round(STATEMENTS / (r.ms / 1000)), mb(r.rssKb), r.ms <= 60_000 ? 'yes' : 'NO', r.rssKb <= 512 * 1024 ? 'yes' : 'NO']],
    ) + '\n',
  );
}

async function builds() {

  // The player.
  const css = readFileSync(join(ROOT, 'player-dist', 'player.css'));
  const playerRows = [];
  // player-full.js is the player.js of a course with typed questions, surveys or tests (src/shared/lite.d.ts).
  for (const t of PACKAGE_TARGETS) {
    for (const bundle of ['player.js', 'player-full.js']) {
      const js = readFileSync(join(ROOT, 'player-dist', t, bundle));
      playerRows.push([t, bundle, kb(js.length), kb(css.length), kb(js.length + css.length), kb(gzipSync(js, { level: 9 }).length + gzipSync(css, { level: 9 }).length), js.length + css.length <= 40 * 1024 ? 'yes' : 'NO']);
    }
  }
  console.log('## Player\n');
  console.log(table(['target', 'bundle', 'script', 'player.css', 'together', 'gzip', '≤ 40 KB'], playerRows) + '\n');
  const lazy = ['player-results.js', 'player-assess.js'].map((f) => {
    const js = readFileSync(join(ROOT, 'player-dist', f));
    return [f, kb(js.length), kb(gzipSync(js, { level: 9 }).length)];
  });
  console.log('Loaded later, from inside the package:\n');
  console.log(table(['script', 'size', 'gzip'], lazy) + '\n');

  // The default course.
  const content = join(ROOT, 'content');
  const def = measure(content, ALL);
  console.log('## Default course (content/), every target in one build\n');
  console.log(table(['build (median)', 'min–max', 'CPU', ...PACKAGE_TARGETS.map((t) => `${t} zip`), 'peak RSS', '< 0.5 s'], [[s(def.ms), `${s(def.min)}–${s(def.max)}`, s(def.cpuMs), ...PACKAGE_TARGETS.map((t) => kb(def.zips[t])), mb(def.rssKb), def.ms < 500 ? 'yes' : 'NO']]) + '\n');

  // Synthetic courses.
  const rows = [];
  const perPage = {};
  for (const size of SIZES) {
    const dir = join(TMP, `course-${size}`);
    const shape = makeCourse(dir, size);
    for (const target of TARGETS) {
      const r = measure(dir, target);
      const zip = zipSizes(r, target);
      rows.push([shape.pages, `${shape.lessons}/${shape.questions}/${shape.scenarios}`, kb(shape.bytes), targetLabel(target), s(r.ms), `${s(r.min)}–${s(r.max)}`, s(r.cpuMs), zip, mb(r.rssKb)]);
      perPage[`${size}:${target}`] = r.ms;
      process.stderr.write(`… ${size} pages, ${target}: ${s(r.ms)}\n`);
    }
  }
  console.log('## Synthetic courses\n');
  console.log('lessons/questions/scenarios; each scenario has 4 scenes and 5 choices.\n');
  console.log(table(['pages', 'l/q/s', 'source', 'target', 'build (median)', 'min–max', 'CPU', 'zip', 'peak RSS'], rows) + '\n');

  // Growth: time per added page between consecutive sizes; linear growth keeps these alike.
  if (SIZES.length >= 2) {
    const segments = SIZES.slice(1).map((b, i) => [SIZES[i], b]);
    const growth = TARGETS.map((t) => {
      const slope = (a, b) => (perPage[`${b}:${t}`] - perPage[`${a}:${t}`]) / (b - a);
      const [a0, b0] = segments[segments.length - 1];
      const intercept = perPage[`${a0}:${t}`] - slope(a0, b0) * a0;
      return [targetLabel(t), ...segments.map(([a, b]) => `${slope(a, b).toFixed(2)} ms`), s(intercept)];
    });
    console.log('## Growth\n');
    console.log('Time per added page between consecutive sizes (alike when growth is linear), and the intercept of the last segment (start-up and fixed work).\n');
    console.log(table(['target', ...segments.map(([a, b]) => `${a}→${b} pages`), 'intercept'], growth) + '\n');
  }

  // Watch.
  console.log('## build --watch: one-line edit to rebuilt packages (the default targets)\n');
  const watchRows = [];
  for (const size of SIZES) {
    const w = await measureWatch(join(TMP, `course-${size}`), Math.max(3, Math.min(RUNS, 5)));
    watchRows.push([size, s(w.wall), s(w.build)]);
  }
  console.log(table(['pages', 'edit → report (median)', 'rebuild as reported'], watchRows) + '\n');

  // The first page on a slow network (bench/first-page.mjs): the default course and the largest synthetic one.
  const largest = Math.max(...SIZES);
  console.log('## First lesson text on a slow network (SCORM 1.2 package, Chromium, CPU 4x slower, 150 ms, 1.6 Mbit/s)\n');
  const first = await firstPageBench(
    [
      { label: 'default course', dir: content },
      { label: `${largest} pages (synthetic)`, dir: join(TMP, `course-${largest}`) },
    ],
    { runs: RUNS, log: (x) => process.stderr.write(x) },
  );
  console.log(firstPageTable(first) + '\n');
}

try {
  await main();
} finally {
  if (process.env.BENCH_KEEP !== '1') rmSync(TMP, { recursive: true, force: true });
  else console.log(`kept ${TMP}`);
}
