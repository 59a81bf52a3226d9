// Benchmark: how soon a learner on a slow regional network sees the first lesson text.
//
// A course's SCORM 1.2 package, built by the CLI, is served over loopback to Debian's
// headless Chromium with the CPU slowed 4x and a slow connection emulated through the
// DevTools protocol (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up). Each run opens the
// package's index.html in a fresh context (nothing cached) and records the time from the
// start of navigation to the first frame in which the first lesson paragraph's text is
// in the page, and the bytes of the responses complete by then. The reference is the same first page
// as a plain static HTML page (what a Markdown-to-HTML tool gives), under the same
// emulation. A benchmark that prints figures, not a test: nothing here can fail a build.
//
//   node bench/first-page.mjs [CONTENT_DIR …]   (default: content/); npm run bench runs it too
//   BENCH_RUNS=5   runs per figure (median reported)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.IR_CHROMIUM || '/usr/bin/chromium';
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_SLOWDOWN = 4;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

/** The course a package's player runs: course.js and units/ (or, from an older build, index.html's inline JSON). */
function packageCourse(dir) {
  const read = (name) => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch {
      return null;
    }
  };
  const inline = /<script\b[^>]*\bid="course-data"[^>]*>([\s\S]*?)<\/script>/.exec(read('index.html') || '');
  if (inline) return JSON.parse(inline[1]);
  const m = /^self\.irCourse=([\s\S]*);\n?$/.exec(read('course.js') || '');
  const course = JSON.parse(m[1]);
  course.units = course.units.map((_, n) => JSON.parse(/^irUnit\(\d+,([\s\S]*)\);\n?$/.exec(read(`units/${n}.js`))[1]));
  return course;
}

/** The first lesson page's HTML, and the first words of its first paragraph (what the timer waits for). */
function firstPage(course) {
  const lesson = course.units.find((u) => u.kind === 'lesson');
  const page = lesson.pages[0];
  const html = page.blocks.filter((b) => b.kind === 'html').map((b) => b.html).join('\n');
  const para = /<p>([\s\S]*?)<\/p>/.exec(html)[1].replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
  return { title: page.title, html, text: para.split('&')[0].slice(0, 30).trim() };
}

function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname).replace(/^\/+/, '');
    try {
      const body = readFileSync(join(dir, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

/** One cold load of `url` under the emulation: ms to the first frame with `text`, bytes received by then. */
async function once(browser, url, text) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const received = [];
  let start = null;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (start === null && e.type === 'Document') start = e.timestamp;
  });
  // Whole responses (headers and body, as they came over the wire), counted when they finished.
  cdp.on('Network.loadingFinished', (e) => received.push([e.timestamp, e.encodedDataLength]));
  await page.addInitScript((t) => {
    window.__firstText = null;
    // Only what the page shows: #app (the player's, or the pre-rendered first page) or the static
    // page's <main>; never a <script>'s text, where an older package carried the course as JSON.
    const look = () => {
      const shown = document.getElementById('app') || document.querySelector('main');
      if (window.__firstText !== null || !shown || shown.textContent.indexOf(t) < 0) return;
      window.__firstText = 0;
      requestAnimationFrame(() => (window.__firstText = performance.now()));
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
  }, text);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__firstText > 0, null, { timeout: 60_000, polling: 100 });
  const ms = await page.evaluate(() => window.__firstText);
  // performance.now() counts from the navigation's start, as the document request's timestamp does.
  const bytes = received.filter(([t]) => start !== null && (t - start) * 1000 <= ms).reduce((a, [, b]) => a + b, 0);
  await context.close();
  return { ms, bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Measures each content folder: its SCORM 1.2 package and the static reference page.
 * Returns rows for a table: label, ms and KB for each.
 */
export async function firstPageBench(cases, { cli = join(ROOT, 'bin', 'integrity-ranger.js'), runs = 5, log = () => {} } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'ir-bench-first-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const rows = [];
  try {
    for (const [i, { label, dir }] of cases.entries()) {
      const out = join(work, `dist-${i}`);
      const report = JSON.parse(execFileSync(process.execPath, [cli, 'build', dir, '--out', out, '--target', 'scorm12', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
      const pkg = join(work, `pkg-${i}`);
      new AdmZip(report.artifacts[0].path).extractAllTo(pkg, true);
      const first = firstPage(packageCourse(pkg));
      writeFileSync(
        join(pkg, 'static.html'),
        `<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${first.title}</title>\n</head>\n<body>\n<main>\n<h1>${first.title}</h1>\n${first.html}\n</main>\n</body>\n</html>\n`,
      );
      const { server, origin } = await serve(pkg);
      try {
        // Interleaved, so a busy moment of the machine weighs on both alike.
        const got = { 'index.html': [], 'static.html': [] };
        for (let r = 0; r < runs; r++) for (const file of Object.keys(got)) got[file].push(await once(browser, `${origin}/${file}`, first.text));
        const summary = (xs) => ({ ms: median(xs.map((g) => g.ms)), bytes: median(xs.map((g) => g.bytes)) });
        const course = summary(got['index.html']);
        const flat = summary(got['static.html']);
        const index = readFileSync(join(pkg, 'index.html')).length;
        rows.push({ label, course, flat, index });
        log(`… first page, ${label}: ${Math.round(course.ms)} ms (static ${Math.round(flat.ms)} ms)\n`);
      } finally {
        server.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

/** The rows as a Markdown table. */
export function firstPageTable(rows) {
  const kb = (b) => (b / 1024).toFixed(1) + ' KB';
  const head = ['course', 'index.html', 'first text (median)', 'received by then', 'static page', 'received by then', 'ratio', '≤ 1.5×'];
  const lines = rows.map((r) => {
    const ratio = r.course.ms / r.flat.ms;
    return [r.label, kb(r.index), `${(r.course.ms / 1000).toFixed(2)} s`, kb(r.course.bytes), `${(r.flat.ms / 1000).toFixed(2)} s`, kb(r.flat.bytes), ratio.toFixed(2) + '×', ratio <= 1.5 ? 'yes' : 'NO'];
  });
  return [head, head.map(() => '---'), ...lines].map((l) => `| ${l.join(' | ')} |`).join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  const cases = (dirs.length ? dirs : [join(ROOT, 'content')]).map((d) => ({ label: d, dir: resolve(d) }));
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  console.log(`CPU ${CPU_SLOWDOWN}x slower; ${NETWORK.latency} ms latency, ${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down; median of ${runs}\n`);
  console.log(firstPageTable(await firstPageBench(cases, { runs, cli: process.env.IR_CLI || undefined, log: (s) => process.stderr.write(s) })));
}
