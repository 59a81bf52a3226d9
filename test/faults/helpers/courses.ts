/**
 * Courses and packages for the fault tests: a small course that has every
 * kind of thing the transports record (pages, single and multiple choice
 * questions with dimensions, a scenario with good, bad and neutral choices,
 * a passing score), the default course as released in 1.1 (test/courses/integrity-ranger-1.1.0), and a course sized so
 * that its SCORM suspend_data is exactly as long as SPEC §4 allows.
 *
 * Packages are compiled in this process with the tool's real player
 * (player-dist/, from `npm run build`) and unzipped into a folder to serve.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { compile, type CompileResult, type PackageTarget } from '../../../src/compile.js';
import { memorySource, type ContentSource } from '../../../src/core/content-source.js';
import { readContentFolder } from '../../../src/node/read-content.js';
import { loadToolAssets } from '../../../src/node/tool-assets.js';
import type { RuntimeCourse } from '../../../src/shared/runtime-types.js';
import { worstCaseStateLength } from '../../../src/shared/state-codec.js';
import { EPOCH } from '../../helpers/compile.js';
import { readCourse, ROOT, V110 } from '../../helpers/package.js';

/** The small course: 2 lessons (5 pages, 3 questions), 1 scenario; passing score 60. */
export function smallCourse(): Record<string, string> {
  return {
    'course.yml': [
      'id: uji-gangguan',
      'title: Uji Gangguan',
      'version: 1.0.0',
      'language: id',
      'iri: https://example.go.id/xapi/course/uji-gangguan',
      'passing_score: 60',
      '',
    ].join('\n'),
    'lessons/01-dasar.md': `---
title: Dasar
id: dasar
---
Pembuka pelajaran dasar.

## Halaman soal satu {#soal-satu}
Teks sebelum soal.

::: question {#q-satu points=2 dimension=gratifikasi}
Pertanyaan satu: apa yang Anda lakukan?

- [ ] Menerima amplop
  > Kurang tepat.
- [x] Menolak dengan sopan
  > Tepat.
- [ ] Diam saja
  > Kurang tepat.
:::

## Halaman soal dua {#soal-dua}
::: question {#q-dua dimension=suap}
Pertanyaan dua: pilih semua yang benar.

- [x] Melapor ke atasan
  > Ya.
- [x] Menolak pemberian
  > Ya.
- [ ] Menyimpan pemberian
  > Tidak.
:::
`,
    'lessons/02-lanjut.md': `---
title: Lanjutan
id: lanjut
---
Pembuka pelajaran lanjutan.

## Soal tiga {#soal-tiga}
::: question {#q-tiga points=1 dimension=gratifikasi}
Pertanyaan tiga: gratifikasi wajib dilaporkan dalam berapa hari kerja?

- [ ] Tujuh hari
  > Belum.
- [x] Tiga puluh hari
  > Benar.
:::

## Penutup {#penutup}
Terima kasih.
`,
    'scenarios/01-loket.md': `---
title: Amplop di Loket
id: loket
dimension: suap
points: 2
start: mulai
---
Anda bertugas di loket.

## Di loket {#mulai}
Seorang warga menyodorkan amplop.

- [Menolak dengan sopan](#tolak) {good}
- [Bertanya dulu isinya](#tanya)
  > Bertanya tidak mengubah apa pun.
- [Menerima amplop](#terima) {bad}
  > Itu suap.

## Warga bertanya lagi {#tanya}
Warga tetap memaksa.

- [Akhirnya menolak](#tolak) {good}
- [Akhirnya menerima](#terima) {bad}

## Pelayanan bersih {#tolak ending=pass}
Warga mengerti.

## Amplop diterima {#terima ending=fail score=0}
Anda menerima suap.
`,
  };
}

export interface Built {
  result: CompileResult;
  /** The unzipped package. */
  dir: string;
  zip: Uint8Array;
  course: RuntimeCourse;
}

/** The tool's assets; another job's `npm run build` may have player-dist/ away for a moment. */
async function tool() {
  for (let i = 0; ; i++) {
    try {
      return await loadToolAssets();
    } catch (e) {
      if (i >= 60) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function compileSource(source: ContentSource, targets: PackageTarget[]): Promise<CompileResult> {
  return compile(source, { targets, tool: await tool(), epoch: EPOCH });
}

/** Compiles and unzips one target's package into `into`. */
export async function buildPackage(source: ContentSource | Record<string, string>, target: PackageTarget, into: string): Promise<Built> {
  const src = 'entries' in source ? (source as ContentSource) : memorySource(source as Record<string, string>);
  const result = await compileSource(src, [target]);
  if (!result.ok) throw new Error('the course does not compile: ' + result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`).join('; '));
  const artifact = result.artifacts.find((a) => a.target === target)!;
  mkdirSync(into, { recursive: true });
  writeFileSync(join(into, '..', artifact.fileName), artifact.zip);
  new AdmZip(Buffer.from(artifact.zip)).extractAllTo(into, true);
  const course = readCourse(into);
  return { result, dir: into, zip: artifact.zip, course };
}

export function defaultCourse(): Promise<ContentSource> {
  return readContentFolder(V110);
}

// ---------------------------------------------------------------------------
// The largest course SPEC §4 allows: suspend_data of exactly 4096 characters
// ---------------------------------------------------------------------------

export const CHOICES = 26;
export const PER_PAGE = 30;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The skeleton of a course of `questions` multiple-choice questions (26 choices) on `pages` pages, enough for `worstCaseStateLength`. */
function skeleton(questions: number, pages: number): RuntimeCourse {
  const ps = Array.from({ length: pages }, (_, p) => ({ id: `h${p + 1}`, title: '', blocks: [] as any[] }));
  for (let q = 0; q < questions; q++) {
    ps[Math.floor(q / PER_PAGE) % pages]!.blocks.push({
      kind: 'question',
      question: { id: `q${q + 1}`, multiple: true, choices: Array.from({ length: CHOICES }, () => ({})) },
    });
  }
  return { id: 'penuh', units: [{ kind: 'lesson', id: 'besar', pages: ps }] } as unknown as RuntimeCourse;
}

/**
 * Sizes the course with the compiler's own formula: as many 26-choice
 * multiple-choice questions (27 bits of state each) as fit, 30 to a page,
 * then extra pages (1 bit each) until the state is exactly `limit` long.
 */
export function sizeFullCourse(limit = 4096): { questions: number; pages: number; length: number } {
  const pagesFor = (q: number) => Math.ceil(q / PER_PAGE);
  const fits = (q: number) => worstCaseStateLength(skeleton(q, pagesFor(q))) <= limit;
  // Start near the estimate (27 bits a question, 6 bits a character), then settle on the largest that fits.
  let questions = Math.max(1, Math.floor(((limit - 8) * 6) / (CHOICES + 1)));
  while (questions > 1 && !fits(questions)) questions--;
  while (fits(questions + 1)) questions++;
  let pages = pagesFor(questions);
  while (worstCaseStateLength(skeleton(questions, pages + 1)) <= limit) pages++;
  return { questions, pages, length: worstCaseStateLength(skeleton(questions, pages)) };
}

/** The course's Markdown: `questions` questions (choices A1…Z1, the first and last correct), 30 to a page, on `pages` pages. */
export function fullCourse(questions: number, pages: number): Record<string, string> {
  const body: string[] = ['---', 'title: Kursus Penuh', 'id: besar', '---', 'Halaman pembuka.', ''];
  for (let p = 0; p < pages; p++) {
    if (p > 0) body.push(`## Halaman ${p + 1} {#h${p + 1}}`, '');
    for (let q = p * PER_PAGE; q < Math.min(questions, (p + 1) * PER_PAGE); q++) {
      body.push(`::: question {#q${q + 1}}`, `Soal ${q + 1}: pilih yang benar.`, '');
      for (let c = 0; c < CHOICES; c++) body.push(`- [${c === 0 || c === CHOICES - 1 ? 'x' : ' '}] ${LETTERS[c]}${q + 1}`);
      body.push(':::', '');
    }
  }
  return {
    'course.yml': 'id: penuh\ntitle: Kursus Penuh\nversion: 1.0.0\nlanguage: id\niri: https://example.go.id/xapi/course/penuh\n',
    'lessons/01-besar.md': body.join('\n'),
  };
}
