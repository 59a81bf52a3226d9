/**
 * The bad-content corpus through the real CLI: every test/fixtures/broken-*
 * folder is built by `node bin/integrity-ranger.js build … --json` in its own
 * process, as an author or a CI job would run it. Each run must fail cleanly:
 * exit code 1, one JSON document on stdout, nothing on stderr (no stack trace,
 * no warning from Node), no file written, nothing read from outside the
 * content folder, and the diagnostic the fixture is about at the right place.
 * The full text of every diagnostic is pinned by test/golden.test.ts.
 *
 * Needs `npm run build` (lib/ and player-dist/), as `npm test` does first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readContentFolder } from '../../src/node/read-content.js';
import { compileFolder } from '../helpers/compile.js';

const ROOT = 'test/fixtures';
const CLI = resolve('bin/integrity-ranger.js');
const TIMEOUT_MS = 15_000;

/** The diagnostics each fixture exists for: `CODE file:line:column`. */
const EXPECTED: Record<string, string[]> = {
  'broken-bad-ids': ['IR103 lessons/01-pengantar.md:2:5', 'IR214 lessons/03-kuis.md:4:1', 'IR214 lessons/___.md:1:1', 'IR214 scenarios/01-loket.md:4:1'],
  'broken-course-bad-values': ['IR103 course.yml:1:5', 'IR103 course.yml:3:10', 'IR103 course.yml:4:11', 'IR103 course.yml:5:6', 'IR103 course.yml:6:16', 'IR104 course.yml:7:1'],
  'broken-course-missing-fields': ['IR102 course.yml:1:1'],
  'broken-course-not-a-mapping': ['IR103 course.yml:1:1'],
  'broken-crlf-bom-positions': ['IR208 lessons/01-pengantar.md:6:19'],
  'broken-deep-blockquote': ['IR506 lessons/01-pengantar.md:6:33'],
  'broken-deep-list-and-emphasis': ['IR506 lessons/01-daftar.md:38:65', 'IR506 lessons/02-tekanan.md:70:1'],
  'broken-deep-nesting-in-scenario': ['IR506 scenarios/01-dalam.md:5:44', 'IR506 scenarios/01-dalam.md:8:5'],
  'broken-duplicate-ids': ['IR213 lessons/02-lanjutan.md:1:1', 'IR213 lessons/02-lanjutan.md:5:1', 'IR213 scenarios/01-loket.md:1:1', 'IR213 scenarios/01-loket.md:14:1'],
  'broken-empty-files': ['IR105 course.yml:1:1', 'IR105 lessons/02-kosong.md:1:1', 'IR105 scenarios/01-kosong.md:1:1'],
  'broken-hostile-html': ['IR209 lessons/01-pengantar.md:4:1', 'IR209 lessons/01-pengantar.md:6:13', 'IR209 lessons/01-pengantar.md:17:7', 'IR208 lessons/01-pengantar.md:19:7'],
  'broken-javascript-links': ['IR208 lessons/01-pengantar.md:4:1', 'IR208 lessons/01-pengantar.md:6:1', 'IR208 lessons/01-pengantar.md:8:1', 'IR208 lessons/01-pengantar.md:10:1', 'IR208 lessons/01-pengantar.md:12:1', 'IR208 lessons/01-pengantar.md:14:1', 'IR208 lessons/01-pengantar.md:16:1', 'IR208 lessons/01-pengantar.md:18:1', 'IR208 lessons/01-pengantar.md:20:1', 'IR208 lessons/01-pengantar.md:22:1', 'IR208 lessons/01-pengantar.md:24:1', 'IR212 lessons/01-pengantar.md:26:1'],
  'broken-lesson-front-matter': ['IR109 lessons/01-tanpa-penutup.md:1:1', 'IR102 lessons/02-tanpa-judul.md:2:1', 'IR102 lessons/03-tanpa-front-matter.md:1:1', 'IR103 lessons/04-nilai-salah.md:3:11', 'IR103 lessons/04-nilai-salah.md:4:13', 'IR104 lessons/04-nilai-salah.md:5:1'],
  'broken-lesson-structure': ['IR220 lessons/01-pengantar.md:7:1', 'IR203 lessons/01-pengantar.md:10:5', 'IR211 lessons/01-pengantar.md:16:1', 'IR202 lessons/01-pengantar.md:19:1'],
  'broken-media-external': ['IR410 lessons/01-luar.md:6:1', 'IR410 lessons/01-luar.md:10:1'],
  'broken-media-placement': ['IR415 lessons/01-film.md:6:7', 'IR206 lessons/01-film.md:10:38', 'IR416 scenarios/01-skenario.md:6:1'],
  'broken-media-vtt': ['IR412 assets/film.en.vtt:6:15', 'IR412 assets/film.en.vtt:9:1', 'IR412 assets/film.en.vtt:12:1', 'IR412 assets/film.en.vtt:16:1', 'IR412 assets/film.id.vtt:1:1', 'IR411 lessons/01-film.md:4:1'],
  'broken-links-and-images': ['IR207 lessons/01-pengantar.md:4:1', 'IR212 lessons/01-pengantar.md:6:1', 'IR210 lessons/01-pengantar.md:8:1', 'IR401 lessons/01-pengantar.md:10:1', 'IR401 lessons/01-pengantar.md:12:1'],
  'broken-no-course-yml': ['IR107 course.yml:1:1'],
  'broken-no-units': ['IR501 course.yml:1:1'],
  'broken-outline-and-dimensions': ['IR213 course.yml:8:5', 'IR403 course.yml:11:5', 'IR403 course.yml:12:5', 'IR403 course.yml:13:5', 'IR213 course.yml:14:5'],
  'broken-paths-outside': ['IR402 lessons/01-pengantar.md:4:1', 'IR402 lessons/01-pengantar.md:6:1', 'IR212 lessons/01-pengantar.md:8:1', 'IR402 lessons/01-pengantar.md:10:1', 'IR402 lessons/01-pengantar.md:12:1', 'IR402 lessons/01-pengantar.md:14:1', 'IR402 lessons/01-pengantar.md:16:1', 'IR402 lessons/01-pengantar.md:18:1'],
  'broken-question-answers': ['IR205 lessons/01-pengantar.md:4:1', 'IR204 lessons/01-pengantar.md:13:1', 'IR221 lessons/01-pengantar.md:20:1'],
  'broken-question-bad-attributes': ['IR206 lessons/01-pengantar.md:4:14', 'IR217 lessons/01-pengantar.md:4:14', 'IR206 lessons/01-pengantar.md:4:61'],
  'broken-question-text': ['IR216 lessons/01-pengantar.md:4:1', 'IR218 lessons/01-pengantar.md:16:7', 'IR215 lessons/01-pengantar.md:23:1', 'IR215 lessons/01-pengantar.md:27:3', 'IR215 lessons/01-pengantar.md:28:1'],
  'broken-question-unclosed': ['IR202 lessons/01-pengantar.md:6:1'],
  'broken-scenario-endings': ['IR305 scenarios/01-akhir.md:11:1', 'IR206 scenarios/01-akhir.md:14:6', 'IR206 scenarios/01-akhir.md:17:6', 'IR303 scenarios/01-akhir.md:20:1', 'IR306 scenarios/01-akhir.md:20:6'],
  'broken-scenario-endless-loop': ['IR304 scenarios/01-putar.md:10:1', 'IR304 scenarios/01-putar.md:15:1', 'IR310 scenarios/02-antre.md:1:1', 'IR305 scenarios/02-antre.md:9:1'],
  'broken-scenario-structure': ['IR301 scenarios/01-tanpa-adegan.md:1:1', 'IR308 scenarios/02-rusak.md:4:1', 'IR206 scenarios/02-rusak.md:12:22', 'IR309 scenarios/02-rusak.md:13:1', 'IR203 scenarios/02-rusak.md:15:5', 'IR307 scenarios/03-awal.md:3:8'],
  // #trima surely meant #terima: the link is the one problem, #terima is not also unreachable.
  'broken-scenario-unknown-scene': ['IR302 scenarios/01-loket.md:8:12'],
  'broken-scenario-unreachable-scene': ['IR303 scenarios/01-loket.md:12:1'],
  'broken-symlink-asset': ['IR402 lessons/01-pengantar.md:4:1', 'IR402 lessons/01-pengantar.md:6:1', 'IR402 lessons/01-pengantar.md:8:1', 'IR402 lessons/01-pengantar.md:10:1'],
  'broken-symlink-course-yml-and-theme': ['IR402 course.yml:1:1', 'IR402 theme.css:1:1'],
  'broken-symlink-folder': ['IR402 lessons/01-pengantar.md:4:1', 'IR402 lessons/01-pengantar.md:6:1'],
  'broken-symlink-lesson': ['IR402 lessons/02-sandi.md:1:1', 'IR402 scenarios/01-luar.md:1:1'],
  'broken-theme-external': ['IR406 theme.css:2:1', 'IR406 theme.css:2:9', 'IR406 theme.css:3:20', 'IR406 theme.css:4:6'],
  'broken-unreadable-files': ['IR111 lessons/01-pengantar.md:6:10001', 'IR106 lessons/02-gambar.md:1:1', 'IR106 lessons/03-nul.md:1:1', 'IR106 scenarios/01-kafe.md:2:11'],
  'broken-xapi-without-iri': ['IR503 course.yml:1:1'],
  'broken-yaml-alias-bomb': ['IR101 course.yml:1:1'],
  'broken-yaml-deep': ['IR506 lessons/01-flow.md:2:71', 'IR506 lessons/02-block.md:66:64'],
  'broken-word-quotes': ['IR103 course.yml:5:16', 'IR222 lessons/01-kutip.md:6:31', 'IR222 lessons/01-kutip.md:6:45', 'IR222 scenarios/01-loket.md:10:27'],
  'broken-tabs-in-yaml': ['IR113 course.yml:6:1', 'IR113 course.yml:7:1', 'IR113 lessons/01-tab.md:4:1'],
  'broken-misspelled-keys': ['IR104 course.yml:5:1', 'IR104 course.yml:6:1', 'IR104 lessons/01-ejaan.md:2:1', 'IR104 lessons/01-ejaan.md:4:1', 'IR206 lessons/01-ejaan.md:8:24'],
  'broken-windows-1252': ['IR106 lessons/01-ansi.md:6:17'],
  'broken-paths-and-cascades': ['IR403 course.yml:7:5', 'IR401 lessons/01-gambar.md:4:1', 'IR401 lessons/01-gambar.md:6:1', 'IR402 lessons/01-gambar.md:8:1', 'IR302 scenarios/01-loket.md:8:12'],
  'broken-choice-markers': ['IR215 lessons/01-pilihan.md:9:3', 'IR215 lessons/01-pilihan.md:28:1'],
  'broken-links-to-units': ['IR210 lessons/01-awal.md:4:11', 'IR210 lessons/01-awal.md:4:44', 'IR210 lessons/01-awal.md:4:84', 'IR404 lessons/02-lampiran.md:1:1'],
  'broken-yaml-syntax': ['IR101 course.yml:5:1', 'IR101 lessons/01-pengantar.md:2:8', 'IR113 lessons/02-tab.md:4:1', 'IR101 lessons/03-kutip.md:2:8'],
  // Issue 12: question types, surveys, pools, tests and scoring (IR240–IR264).
  'broken-assess-duplicate-ids': ['IR213 lessons/02-lagi.md:6:1', 'IR214 lessons/02-lagi.md:12:1', 'IR214 lessons/02-lagi.md:15:3', 'IR213 pools/bank-soal.md:1:1', 'IR213 pools/bank-soal.md:13:1'],
  'broken-catch-all-correct': ['IR245 lessons/01-latihan.md:11:7'],
  'broken-catch-all-twice': ['IR245 lessons/01-latihan.md:13:7'],
  'broken-fill-in-duplicate-answers': ['IR218 lessons/01-latihan.md:10:7'],
  'broken-fill-in-flag-elsewhere': ['IR206 lessons/01-latihan.md:6:32'],
  'broken-fill-in-no-answer': ['IR242 lessons/01-latihan.md:9:7'],
  'broken-fill-in-no-items': ['IR242 lessons/01-latihan.md:6:1'],
  'broken-fill-in-too-long': ['IR243 lessons/01-latihan.md:9:7'],
  'broken-final-no-pass-mark': ['IR263 tests/akhir.md:1:1'],
  'broken-matching-duplicate-source': ['IR218 lessons/01-latihan.md:10:3'],
  'broken-matching-first-pair-no-arrow': ['IR246 lessons/01-latihan.md:12:3'],
  'broken-matching-no-arrow': ['IR246 lessons/01-latihan.md:10:3'],
  'broken-matching-no-target': ['IR246 lessons/01-latihan.md:10:19'],
  'broken-matching-one-pair': ['IR247 lessons/01-latihan.md:6:1'],
  'broken-matching-stray-lines': ['IR250 lessons/01-latihan.md:10:1', 'IR250 lessons/01-latihan.md:11:3', 'IR250 lessons/01-latihan.md:13:1'],
  'broken-matching-too-many': ['IR247 lessons/01-latihan.md:6:1'],
  'broken-numeric-range-reversed': ['IR244 lessons/01-latihan.md:9:7'],
  'broken-numeric-unreadable': ['IR244 lessons/01-latihan.md:9:7', 'IR244 lessons/01-latihan.md:11:7'],
  'broken-outcome-empty': ['IR249 lessons/01-latihan.md:11:3'],
  'broken-outcome-marker': ['IR249 lessons/01-latihan.md:11:3'],
  'broken-outcome-text-after': ['IR249 lessons/01-latihan.md:14:1'],
  'broken-outcome-twice': ['IR249 lessons/01-latihan.md:12:7'],
  'broken-pool-empty': ['IR256 pools/bank-soal.md:1:1'],
  'broken-pool-question-no-id': ['IR257 pools/bank-soal.md:13:1'],
  'broken-pool-text': ['IR256 pools/bank-soal.md:4:1', 'IR256 pools/bank-soal.md:15:1', 'IR256 pools/bank-soal.md:17:5'],
  'broken-pretest-settings': ['IR258 tests/pra.md:6:16', 'IR258 tests/pra.md:7:11'],
  'broken-question-type-unknown': ['IR240 lessons/01-latihan.md:6:19'],
  'broken-scoring-no-final': ['IR261 course.yml:5:10'],
  'broken-scoring-two-finals': ['IR261 course.yml:5:10'],
  'broken-scoring-value': ['IR103 course.yml:5:10'],
  'broken-sequencing-duplicate-steps': ['IR218 lessons/01-latihan.md:11:4'],
  'broken-sequencing-one-step': ['IR248 lessons/01-latihan.md:6:1'],
  'broken-sequencing-stray-lines': ['IR250 lessons/01-latihan.md:10:1', 'IR250 lessons/01-latihan.md:12:1', 'IR250 lessons/01-latihan.md:13:1'],
  'broken-sequencing-too-many': ['IR248 lessons/01-latihan.md:6:1'],
  'broken-survey-no-dimension': ['IR253 lessons/01-latihan.md:9:3', 'IR253 lessons/01-latihan.md:10:3'],
  'broken-survey-no-items': ['IR252 lessons/01-latihan.md:6:1'],
  'broken-survey-phase': ['IR255 lessons/01-latihan.md:6:12'],
  'broken-survey-scale': ['IR254 lessons/01-latihan.md:6:12'],
  'broken-survey-stray-lines': ['IR252 lessons/01-latihan.md:10:1', 'IR252 lessons/01-latihan.md:11:3', 'IR213 lessons/01-latihan.md:12:3'],
  'broken-survey-unknown-dimension': ['IR217 lessons/01-latihan.md:9:24'],
  'broken-test-blocks': ['IR258 tests/akhir.md:10:5'],
  'broken-test-draw-too-large': ['IR260 tests/akhir.md:5:7'],
  'broken-test-front-matter': ['IR102 tests/a-tanpa-pool.md:2:1', 'IR103 tests/a-tanpa-pool.md:3:7', 'IR103 tests/b-undian-ganda.md:6:16', 'IR102 tests/c-tanpa-undian.md:1:1', 'IR103 tests/d-percobaan.md:6:16', 'IR103 tests/d-percobaan.md:7:11', 'IR104 tests/d-percobaan.md:8:1', 'IR102 tests/e-tanpa-front-matter.md:1:1'],
  'broken-test-per-dimension': ['IR260 tests/akhir.md:5:16', 'IR260 tests/akhir.md:5:16'],
  'broken-test-unknown-pool': ['IR259 tests/akhir.md:4:7'],
  'broken-true-false-correct': ['IR241 lessons/01-latihan.md:6:1'],
  'broken-true-false-items': ['IR241 lessons/01-latihan.md:6:1'],
  'broken-two-pretests': ['IR264 tests/pra-2.md:1:1'],
};

/** Strings that exist only outside the content folders: none may reach any output. */
function outsideMarkers(): string[] {
  const markers = ['IR-CANARY-OUTSIDE-7f3c'];
  const firstLine = (p: string) => {
    try {
      return readFileSync(p, 'utf8').split('\n')[0]!.trim();
    } catch {
      return '';
    }
  };
  const passwd = firstLine('/etc/passwd');
  if (passwd.length >= 8) markers.push(passwd);
  const host = firstLine('/etc/hostname');
  if (host.length >= 8) markers.push(host);
  return markers;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  out: string;
}

function runCli(args: string[], out: string): Promise<Run> {
  return new Promise((done) => {
    const start = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, CI: '1', FORCE_COLOR: '0', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: Date.now() - start, out });
    });
  });
}

/** Runs `jobs` with at most `limit` at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath ?? dir, e.name));
}

const fixtures = readdirSync(ROOT).filter((d) => d.startsWith('broken-') && existsSync(join(ROOT, d, 'content'))).sort();
const tmp = mkdtempSync(join(tmpdir(), 'ir-corpus-'));
const runs = new Map<string, Run>();
const markers = outsideMarkers();

describe('bad-content corpus through the CLI', () => {
  beforeAll(async () => {
    if (!existsSync('lib/cli.js') || !existsSync('player-dist/player.css')) throw new Error('the CLI is not built: run `npm run build` first (`npm test` does)');
    const jobs = fixtures.map((name) => () => {
      const out = join(tmp, name, 'dist');
      return runCli(['build', join(ROOT, name, 'content'), '--out', out, '--json'], out);
    });
    const results = await pool(jobs, Math.max(2, availableParallelism()));
    fixtures.forEach((name, i) => runs.set(name, results[i]!));
  }, 300_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('has at least 30 fixtures, each with its expected diagnostics listed here', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    expect(fixtures).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const name of fixtures) {
    it(name, () => {
      const r = runs.get(name)!;
      const where = `${name} (exit ${r.code}, signal ${r.signal}, ${r.ms} ms)\nstdout: ${r.stdout.slice(0, 2000)}\nstderr: ${r.stderr.slice(0, 2000)}`;
      expect(r.signal, `timed out or killed: ${where}`).toBeNull();
      expect(r.code, where).toBe(1);
      // Nothing from Node or a dependency: no stack trace, no warning, no error banner.
      expect(r.stderr, where).toBe('');
      expect(r.stdout, where).not.toMatch(/\n\s+at .+[:(]\d+/);
      expect(r.stdout, where).not.toMatch(/\b(?:Type|Range|Reference|Syntax)?Error: /);
      const report = JSON.parse(r.stdout) as { ok: boolean; artifacts: unknown[]; diagnostics: { severity: string; code: string; file: string; line: number; column: number; message: string }[] };
      expect(report.ok).toBe(false);
      expect(report.artifacts).toEqual([]);
      expect(report.diagnostics.some((d) => d.severity === 'error'), where).toBe(true);
      // No package, and no half-written temporary file either.
      expect(listFiles(r.out)).toEqual([]);
      for (const m of markers) expect(r.stdout.includes(m), `${name} printed "${m}" from outside its content folder`).toBe(false);

      const got = report.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);
      for (const want of EXPECTED[name] ?? []) expect(got, `${name}: expected ${want}`).toContain(want);
      // Every position is one an editor can go to.
      for (const d of report.diagnostics) {
        expect(d.line, `${name}: ${d.code} ${d.message}`).toBeGreaterThanOrEqual(1);
        expect(d.column, `${name}: ${d.code} ${d.message}`).toBeGreaterThanOrEqual(1);
      }
    });
  }
});

describe('bad-content corpus in process', () => {
  it('never reads a file that a symlink takes outside the content folder', async () => {
    for (const name of fixtures) {
      const source = await readContentFolder(join(ROOT, name, 'content'));
      for (const [path, entry] of source.entries) {
        if (entry.kind !== 'file') continue;
        const text = new TextDecoder().decode(entry.bytes);
        for (const m of markers) expect(text.includes(m), `${name}/${path} holds bytes from outside`).toBe(false);
      }
    }
    const links = await readContentFolder(join(ROOT, 'broken-symlink-asset', 'content'));
    for (const p of ['assets/evil.svg', 'assets/host.svg', 'assets/rahasia.txt', 'assets/hilang.svg']) expect(links.entries.get(p)).toEqual({ kind: 'outside' });
    const folder = await readContentFolder(join(ROOT, 'broken-symlink-folder', 'content'));
    expect(folder.entries.get('assets/luar')).toEqual({ kind: 'outside' });
    expect([...folder.entries.keys()].filter((p) => p.startsWith('assets/luar/'))).toEqual([]);
  });

  it('renders hostile HTML and links as inert text', async () => {
    const r = await compileFolder(join(ROOT, 'broken-hostile-html', 'content'));
    expect(r.runtime).not.toBeNull();
    const html: string[] = [];
    const collect = (v: unknown, key = ''): void => {
      if (typeof v === 'string' && /html$/i.test(key)) html.push(v);
      else if (Array.isArray(v)) v.forEach((x) => collect(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
    };
    collect(r.runtime);
    expect(html.length).toBeGreaterThan(5);
    const allowed = new Set(['p', 'a', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'h3', 'h4', 'h5', 'h6', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'br', 'hr', 'del', 'span', 'input']);
    for (const h of html) {
      for (const m of h.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
        expect(allowed.has(m[1]!.toLowerCase()), `tag <${m[1]}> in ${h}`).toBe(true);
        // Attribute names only: quoted values may hold escaped text such as `onmouseover=`.
        const names = m[2]!.replace(/"[^"]*"|'[^']*'/g, '""');
        expect(names, `event handler in ${m[0]}`).not.toMatch(/\son[a-z]+\s*=/i);
        for (const url of m[2]!.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(url[1], `unsafe URL in ${m[0]}`).not.toMatch(/^\s*(?:javascript|vbscript|data):/i);
      }
    }
    // The text an author wrote is still there, escaped, for the learner to read.
    expect(html.join('\n')).toContain('&lt;script&gt;');
  });
});
