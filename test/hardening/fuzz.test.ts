/**
 * Fuzzing: the default course in content/, mutated at random (seeded, so every
 * failure is reproducible), must always end in packages or in diagnostics,
 * quickly, without throwing, with every diagnostic at a real place in a real
 * file. SPEC §1: "Nothing the author writes can make the compiler print a
 * stack trace, hang, or read or pack a file outside the content folder."
 *
 *   FUZZ_SEED=<n>     base seed (default fixed, so CI runs are repeatable)
 *   FUZZ_RUNS=<n>     number of mutated courses (default 150)
 *   FUZZ_VERBOSE=1    print each run's seed and mutations before compiling it,
 *                     to find the one that hangs
 *
 * A failure prints `FUZZ_SEED=… FUZZ_RUNS=1` to reproduce that run alone.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type CompileResult } from '../../src/compile.js';
import { catalogue } from '../../src/core/catalogue.js';
import { memorySource } from '../../src/core/content-source.js';
import { codes, compileFiles, COURSE_YML, EPOCH } from '../helpers/compile.js';
import { testToolAssets } from '../helpers/tool.js';
import { mulberry32, Rng } from '../helpers/rng.js';

const BASE_SEED = Number(process.env['FUZZ_SEED'] ?? 20240611) >>> 0;
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const VERBOSE = process.env['FUZZ_VERBOSE'] === '1';
/**
 * Per compile: catches a mutation that makes the compiler blow up (a backtracking regex, a
 * quadratic walk), not a slow machine. The default course compiles in well under 100 ms when
 * warm; the bound grows with the warm time measured here, so a loaded CI machine does not flake.
 */
const TIME_BOUND_MS = 2000;
let timeBound = TIME_BOUND_MS;

type Files = Map<string, Uint8Array>;
const enc = new TextEncoder();
const dec = new TextDecoder();

function readCourse(dir: string): Files {
  const files: Files = new Map();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const p = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, p)).isDirectory()) walk(p);
      else files.set(p, new Uint8Array(readFileSync(join(dir, p))));
    }
  };
  walk('');
  return files;
}

const text = (b: Uint8Array) => dec.decode(b);
const isText = (p: string) => /\.(md|yml|yaml|css)$/.test(p);

/** Random strings that tend to upset parsers. */
const NASTY = [
  '\u0000', '\u0001', '\u000b', '\u001f', '\ufffe', '\ufeff', '\u202e', '\u200b', '\u2028', '\u2029', '\r', '\r\n', '\t', '\\', '`', '```', '~~~', '"', "'", '{', '}', '[', ']', '(', ')',
  '#', '##', '###', ':::', '::: question', '::: note', '- [x] ', '- [ ] ', '  > ', '> ', '* ', '1. ', '|', '|---|', '---', '...', ': ', '&', '&#0;', '&#x110000;',
  '&constructor;', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '![a](../../../../etc/passwd)', '![a](/etc/hostname)',
  '[a](#)', '{#}', '{#a b=c}', '{ending=pass}', '{good bad}', '*', '_', '**', '__', '$', '%', '%00', 'é', '𝕏', '👩🏽‍💻', '\u0301', 'ا', '\ud800'.slice(0, 1),
  '!!binary', '&a', '*a', '<<: *a', '? ', '- - -', '    code', '\\u0000',
];

interface Mutation {
  name: string;
  apply(files: Files, rng: Rng): string | null;
}

function textFiles(files: Files): string[] {
  return [...files.keys()].filter(isText);
}

function editLines(files: Files, rng: Rng, name: string, f: (lines: string[], rng: Rng) => string | null): string | null {
  const paths = textFiles(files);
  if (paths.length === 0) return null;
  const path = rng.pick(paths);
  const lines = text(files.get(path)!).split('\n');
  const what = f(lines, rng);
  if (what === null) return null;
  files.set(path, enc.encode(lines.join('\n')));
  return `${name} ${path}: ${what}`;
}

/** Index of a random line matching `re`, or a random line. */
function lineLike(lines: string[], rng: Rng, re: RegExp): number {
  const hits = lines.map((l, i) => (re.test(l) ? i : -1)).filter((i) => i >= 0);
  return hits.length ? rng.pick(hits) : rng.int(lines.length);
}

const MUTATIONS: Mutation[] = [
  { name: 'delete line', apply: (f, r) => editLines(f, r, 'delete line', (ls, r) => { const i = r.int(ls.length); ls.splice(i, 1); return `${i + 1}`; }) },
  { name: 'duplicate line', apply: (f, r) => editLines(f, r, 'duplicate line', (ls, r) => { const i = r.int(ls.length); ls.splice(i, 0, ls[i]!); return `${i + 1}`; }) },
  {
    name: 'swap lines',
    apply: (f, r) => editLines(f, r, 'swap lines', (ls, r) => { const i = r.int(ls.length); const j = r.int(ls.length); [ls[i], ls[j]] = [ls[j]!, ls[i]!]; return `${i + 1}<->${j + 1}`; }),
  },
  {
    name: 'insert nasty text',
    apply: (f, r) => editLines(f, r, 'insert', (ls, r) => {
      const i = r.int(ls.length);
      const s = Array.from({ length: 1 + r.int(4) }, () => r.pick(NASTY)).join(r.chance(0.5) ? '' : ' ');
      const col = r.int(ls[i]!.length + 1);
      ls[i] = ls[i]!.slice(0, col) + s + ls[i]!.slice(col);
      return `line ${i + 1} col ${col + 1} ${JSON.stringify(s)}`;
    }),
  },
  {
    name: 'insert random bytes',
    apply: (files, rng) => {
      const path = rng.pick([...files.keys()]);
      const b = files.get(path)!;
      const at = rng.int(b.length + 1);
      const junk = Uint8Array.from({ length: 1 + rng.int(8) }, () => rng.int(256));
      const out = new Uint8Array(b.length + junk.length);
      out.set(b.subarray(0, at));
      out.set(junk, at);
      out.set(b.subarray(at), at + junk.length);
      files.set(path, out);
      return `bytes ${path}@${at}: ${[...junk].map((x) => x.toString(16)).join(' ')}`;
    },
  },
  {
    name: 'truncate file',
    apply: (files, rng) => {
      const path = rng.pick([...files.keys()]);
      const b = files.get(path)!;
      const at = rng.int(b.length + 1);
      files.set(path, b.slice(0, at));
      return `truncate ${path} at byte ${at}`;
    },
  },
  {
    name: 'flip checkbox',
    apply: (f, r) => editLines(f, r, 'flip', (ls, r) => {
      const i = lineLike(ls, r, /\[[ xX]\]/);
      if (!/\[[ xX]\]/.test(ls[i]!)) return null;
      ls[i] = ls[i]!.replace(/\[([ xX])\]/, (_, c: string) => (c === ' ' ? '[x]' : r.pick(['[ ]', '[]', '[X]', '[y]', '[ x]'])));
      return `line ${i + 1}`;
    }),
  },
  {
    name: 'break block fence',
    apply: (f, r) => editLines(f, r, 'fence', (ls, r) => {
      const i = lineLike(ls, r, /^:::/);
      const choices = ['', '::', '::: ', ':::question', '::: question {#', '::: kuis', ':::\t:::', '::: note {#x}', ': : :', '::::'];
      const was = ls[i]!;
      if (r.chance(0.3)) ls.splice(i, 1);
      else ls[i] = r.pick(choices);
      return `line ${i + 1} ${JSON.stringify(was)} -> ${JSON.stringify(ls[i] ?? '(deleted)')}`;
    }),
  },
  {
    name: 'break heading',
    apply: (f, r) => editLines(f, r, 'heading', (ls, r) => {
      const i = lineLike(ls, r, /^##/);
      const was = ls[i]!;
      const variants = [
        was.replace(/^##/, '#'),
        was.replace(/^##/, '###'),
        was.replace(/\{[^}]*\}/, ''),
        was.replace(/#([a-z0-9-]+)/, '#$1-x'),
        was.replace(/ending=\w+/, 'ending=lulus'),
        was.replace(/\}\s*$/, ''),
        '##',
        `## ${'x'.repeat(r.int(200))} {#${'a'.repeat(r.int(100))}}`,
      ];
      ls[i] = r.pick(variants);
      return `line ${i + 1} -> ${JSON.stringify(ls[i]!.slice(0, 80))}`;
    }),
  },
  {
    name: 'corrupt YAML',
    apply: (files, rng) => {
      const candidates = [...files.keys()].filter((p) => p === 'course.yml' || /\.md$/.test(p));
      if (!candidates.length) return null;
      const path = rng.pick(candidates);
      const lines = text(files.get(path)!).split('\n');
      let lo = 0;
      let hi = lines.length;
      if (path.endsWith('.md')) {
        if (lines[0] !== '---') return null;
        const close = lines.indexOf('---', 1);
        lo = 1;
        hi = close < 0 ? lines.length : close;
      }
      if (hi <= lo) return null;
      const i = lo + rng.int(hi - lo);
      const was = lines[i]!;
      const variants = [
        was.replace(/: /, ' '),
        '\t' + was,
        was.replace(/: (.*)$/, ': "$1'),
        was.replace(/: (.*)$/, ': [$1'),
        was.replace(/: (.*)$/, ': { $1'),
        was.replace(/: .*$/, ': 12345'),
        was.replace(/: .*$/, ': [a, b]'),
        was.replace(/: .*$/, ': ~'),
        was.replace(/: .*$/, ': &x [*x]'),
        was.replace(/^(\s*)(\S+):/, '$1$2-x:'),
        '  ' + was,
        was + '\n' + was,
        '---',
        'id: Bukan Slug!',
      ];
      lines[i] = rng.pick(variants);
      files.set(path, enc.encode(lines.join('\n')));
      return `yaml ${path}:${i + 1} ${JSON.stringify(was.slice(0, 60))} -> ${JSON.stringify(lines[i]!.slice(0, 60))}`;
    },
  },
  {
    name: 'rename id',
    apply: (files, rng) => {
      const paths = textFiles(files).filter((p) => p.endsWith('.md'));
      if (!paths.length) return null;
      const path = rng.pick(paths);
      const t = text(files.get(path)!);
      const ids = [...new Set([...t.matchAll(/#([a-z0-9][a-z0-9-]*)/g)].map((m) => m[1]!))];
      if (!ids.length) return null;
      const from = rng.pick(ids);
      const to = rng.pick([...ids, 'Tidak_Slug', 'x'.repeat(70), 'baru', '']);
      const all = rng.chance(0.5);
      const out = all ? t.split(`#${from}`).join(`#${to}`) : t.replace(`#${from}`, `#${to}`);
      files.set(path, enc.encode(out));
      return `rename ${path}: #${from} -> #${to}${all ? ' (all)' : ' (first)'}`;
    },
  },
  {
    name: 'drop file',
    apply: (files, rng) => {
      const path = rng.pick([...files.keys()]);
      files.delete(path);
      return `drop ${path}`;
    },
  },
  {
    name: 'nest deeply',
    apply: (f, r) => editLines(f, r, 'nest', (ls, r) => {
      const i = r.int(ls.length);
      const unit = r.pick(['>', '> ', '- ', '  ', '* ', '1. ', '> - ', '*', '_', '[', '{']);
      const n = r.pick([10, 40, 100, 1000, 4000]);
      ls[i] = unit.repeat(n) + ls[i];
      return `line ${i + 1} prefixed ${JSON.stringify(unit)} x${n}`;
    }),
  },
  {
    name: 'long line',
    apply: (f, r) => editLines(f, r, 'long', (ls, r) => {
      const i = r.int(ls.length);
      const n = r.pick([9_990, 10_001, 20_000]);
      ls[i] = ls[i] + ' ' + 'kata '.repeat(Math.ceil(n / 5)).slice(0, n);
      return `line ${i + 1} +${n} chars`;
    }),
  },
  {
    name: 'add file',
    apply: (files, rng) => {
      const path = rng.pick(['lessons/99-baru.md', 'scenarios/99-baru.md', 'lessons/x.txt', 'lessons/sub/a.md', 'assets/x.svg', 'theme.css', 'course.yaml']);
      const body = rng.pick([
        '',
        '---\ntitle: Baru\n---\nIsi.\n',
        '---\ntitle: Baru\n---\n## A {#a}\n- [B](#b)\n\n## B {#b ending=pass}\nx\n',
        '@import url(https://evil.example/x.css);\n',
        '\u0000\u0001\u0002',
      ]);
      files.set(path, enc.encode(body));
      return `add ${path} ${JSON.stringify(body.slice(0, 30))}`;
    },
  },
];

interface Outcome {
  result: CompileResult | null;
  error: unknown;
  ms: number;
}

function run(files: Files): Outcome {
  const source = memorySource(Object.fromEntries(files));
  const start = performance.now();
  try {
    const result = compile(source, { targets: ['scorm12', 'xapi'], tool: testToolAssets(), epoch: EPOCH });
    return { result, error: null, ms: performance.now() - start };
  } catch (error) {
    return { result: null, error, ms: performance.now() - start };
  }
}

/** What is wrong with an outcome, or [] when it is a clean package or a clean failure. */
function problems(files: Files, o: Outcome): string[] {
  const out: string[] = [];
  if (o.error) return [`threw: ${(o.error as Error)?.stack ?? String(o.error)}`];
  if (o.ms > timeBound) out.push(`took ${o.ms.toFixed(0)} ms (bound ${timeBound.toFixed(0)} ms)`);
  const r = o.result!;
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (r.ok) {
    if (errors.length) out.push('ok with errors');
    if (r.artifacts.length !== 2) out.push(`ok with ${r.artifacts.length} artifacts`);
    for (const a of r.artifacts) {
      if (!a.files.has('index.html') || a.zip.length === 0) out.push(`${a.target} package incomplete`);
      const manifest = a.files.get(a.target === 'scorm12' ? 'imsmanifest.xml' : 'tincan.xml');
      // eslint-disable-next-line no-control-regex
      const bad = manifest ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(dec.decode(manifest)) : null;
      if (!manifest) out.push(`${a.target} package has no manifest`);
      else if (bad) out.push(`${a.target} manifest holds U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}, which XML 1.0 forbids`);
    }
  } else {
    if (errors.length === 0) out.push('failed without an error diagnostic');
    if (r.artifacts.length) out.push('failed but produced artifacts');
  }
  for (const d of r.diagnostics) {
    const where = `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`;
    if (!(d.code in catalogue)) out.push(`unknown code: ${where}`);
    if (!d.message) out.push(`empty message: ${where}`);
    if (d.file === '' || (d.file === 'course.yml' && d.code === 'IR107')) continue;
    const bytes = files.get(d.file);
    if (!bytes) {
      out.push(`diagnostic names a file that does not exist: ${where}`);
      continue;
    }
    const lines = dec.decode(bytes).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
    if (!(d.line >= 1 && d.line <= lines.length)) out.push(`line outside the file (${lines.length} lines): ${where}`);
    else if (!(d.column >= 1 && d.column <= lines[d.line - 1]!.length + 1)) out.push(`column outside line ${d.line} (${lines[d.line - 1]!.length} chars): ${where}`);
    else {
      // A link or image diagnostic names its target: that text must be on the line it points at.
      const href = hrefIn(d.code, d.message);
      const all = lines.join('\n');
      if (href && all.includes(href) && !/^\s*\[[^\]]+\]:\s/m.test(all) && !lines[d.line - 1]!.includes(href)) {
        out.push(`points at line ${d.line} ${JSON.stringify(lines[d.line - 1]!.slice(0, 80))}, which does not hold ${href}: ${where}`);
      }
    }
  }
  return out;
}

/** The link or image target a Markdown diagnostic names, when its message starts with it. */
function hrefIn(code: string, message: string): string | null {
  const m =
    code === 'IR208' ? /^link `(.+)` uses/.exec(message)
    : code === 'IR207' || code === 'IR212' ? /^image (.+?) (?:has no alt text|is loaded from)/.exec(message)
    : code === 'IR210' ? /^(.+) is not a lesson or scenario/.exec(message)
    : code === 'IR401' ? /^(.+) does not exist \(looked for/.exec(message)
    : code === 'IR402' ? /^(.+) (?:is a link that )?points outside/.exec(message)
    : null;
  // Link texts are cut at 60 characters in IR208 messages; a prefix is still a fair test.
  return m ? m[1]!.slice(0, 60) : null;
}

const course = readCourse('content');

describe('fuzzing the default course', () => {
  it('compiles unmutated to both packages', () => {
    run(course); // the first compile also loads and compiles the template: not what the bound is for
    const o = run(course);
    timeBound = Math.max(TIME_BOUND_MS, 25 * o.ms);
    expect(problems(course, o)).toEqual([]);
    expect(o.result!.ok, o.result!.diagnostics.map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`).join('\n')).toBe(true);
  });

  it(`ends every one of ${RUNS} mutated courses in packages or diagnostics, in time (seed ${BASE_SEED})`, () => {
    const failures: string[] = [];
    const tally = { ok: 0, failed: 0, mutations: new Map<string, number>() };
    let slowest = 0;
    for (let i = 0; i < RUNS; i++) {
      const seed = (BASE_SEED + Math.imul(i, 0x9e3779b9)) >>> 0;
      const rng = new Rng(mulberry32(seed));
      const files: Files = new Map([...course].map(([k, v]) => [k, v.slice()]));
      const applied: string[] = [];
      const count = 1 + rng.int(3);
      for (let m = 0; m < count; m++) {
        const mutation = rng.pick(MUTATIONS);
        const what = files.size ? mutation.apply(files, rng) : null;
        if (what) {
          applied.push(what);
          tally.mutations.set(mutation.name, (tally.mutations.get(mutation.name) ?? 0) + 1);
        }
      }
      if (VERBOSE) process.stderr.write(`fuzz seed ${seed}: ${applied.join('; ')}\n`);
      const o = run(files);
      slowest = Math.max(slowest, o.ms);
      if (o.result?.ok) tally.ok++;
      else tally.failed++;
      const p = problems(files, o);
      if (p.length) failures.push(`FUZZ_SEED=${seed} FUZZ_RUNS=1\n  mutations: ${applied.join('; ')}\n  ${p.slice(0, 5).join('\n  ')}`);
    }
    expect(failures, `${failures.length} of ${RUNS} runs misbehaved (base seed ${BASE_SEED}):\n${failures.join('\n')}`).toEqual([]);
    if (RUNS >= 50) {
      // Both outcomes must occur, or the mutations are too weak or too strong to test anything.
      expect(tally.ok, 'no mutated course built').toBeGreaterThan(0);
      expect(tally.failed, 'no mutated course failed').toBeGreaterThan(0);
    }
    if (VERBOSE) {
      process.stderr.write(`fuzz: ${tally.ok} built, ${tally.failed} failed cleanly, slowest ${slowest.toFixed(0)} ms; ${[...tally.mutations].map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    }
  }, 120_000);
});

/** Each of these was found by the fuzzer; kept as plain cases so they stay fixed whatever the seed. */
describe('fuzzer findings, pinned', () => {
  it('keeps positions after a stray `:::` and after a block opened inside a block', () => {
    const r = compileFiles({ 'lessons/a.md': '---\ntitle: A\n---\nTeks.\n:::\n[x](tidak-ada.md)\n\n::: note\n::: tip\nTeks [y](juga-tidak.md).\n:::\n' });
    expect(codes(r)).toEqual(['IR202 lessons/a.md:5:1', 'IR210 lessons/a.md:6:1', 'IR211 lessons/a.md:9:1', 'IR210 lessons/a.md:10:6']);
  });

  it('keeps positions in scene text that follows the choice list, and in feedback after a blank line', () => {
    const r = compileFiles({
      'scenarios/s.md': '---\ntitle: S\n---\n## A {#a}\nTeks.\n\n- [Ke B](#b)\n  > Umpan balik.\n\n  > Baris [z](/etc/passwd).\n- [Ke B lagi](#b)\n  > Ya.\nTeks sesudah ![gambar](../assets/tidak-ada.svg).\n\n## B {#b ending=pass}\nx\n',
    });
    // Lines are exact; a column on the second and later lines of feedback does not count the `  > ` taken off.
    expect(r.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual(['IR402 scenarios/s.md:10', 'IR401 scenarios/s.md:13']);
    expect(r.diagnostics[1]!.column).toBe(14);
  });

  it('keeps positions in a choice label that continues on the next line', () => {
    const r = compileFiles({ 'lessons/a.md': '---\ntitle: A\n---\n::: question\nP?\n- [x] Jawaban yang\n  panjang [x](javascript:alert(1))\n  > Ya.\n- [ ] Tidak\n  > Bukan.\n:::\n' });
    expect(codes(r)).toEqual(['IR208 lessons/a.md:7:11']);
  });

  it('names course.yaml when that is the file the author has', () => {
    const r = compile(memorySource({ 'course.yaml': '', 'lessons/a.md': '---\ntitle: A\n---\nx\n' }), { targets: ['scorm12'], tool: testToolAssets(), epoch: 0 });
    expect(codes(r)).toEqual(['IR105 course.yaml:1:1']);
  });

  it('reports YAML errors inside the file even after the parser recovered from an earlier one', () => {
    const yml = '- '.repeat(40) + COURSE_YML + 'description: >-\n  satu\n  dua\nauthor: Pemerintah Provinsi Banten (KPK)\n';
    const r = compile(memorySource({ 'course.yml': yml, 'lessons/a.md': '---\ntitle: A\n---\nx\n' }), { targets: ['scorm12'], tool: testToolAssets(), epoch: 0 });
    const lines = yml.split('\n');
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) expect(d.column, `${d.code} ${d.line}:${d.column} ${d.message}`).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
  });

  it('keeps XML-forbidden characters out of both manifests', () => {
    const r = compile(
      memorySource({ 'course.yml': COURSE_YML.replace('Kursus Uji', '"Kursus\\x01 Uji\\uFFFE"') + 'description: "a\\x0bb"\n', 'lessons/a.md': '---\ntitle: "A\\x02"\n---\nx\n' }),
      { targets: ['scorm12', 'xapi'], tool: testToolAssets(), epoch: 0 },
    );
    expect(r.ok).toBe(true);
    for (const a of r.artifacts) {
      const xml = dec.decode(a.files.get(a.target === 'scorm12' ? 'imsmanifest.xml' : 'tincan.xml'));
      // eslint-disable-next-line no-control-regex
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      expect(xml).toContain('Kursus Uji');
    }
  });
});
