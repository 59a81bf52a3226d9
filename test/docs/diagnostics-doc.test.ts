/**
 * What the docs say about each rule comes from one place, the catalogue
 * (src/core/catalogue.ts, and its Indonesian edition src/core/messages-id.ts):
 * - docs/diagnostics.md and docs/diagnostics.id.md are generated from it;
 * - docs/authoring.md states some rules in its own prose, and each such
 *   statement is the catalogue's text between `<!-- rule IRnnn -->` and
 *   `<!-- /rule -->`, so the two pages cannot contradict each other.
 * This test fails when they drift apart; `UPDATE_GOLDEN=1 npx vitest run
 * test/docs` rewrites them.
 */
import { expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { catalogue, type CatalogueEntry, type DiagnosticCode } from '../../src/core/catalogue.js';
import { catalogueId } from '../../src/core/messages-id.js';

const update = process.env['UPDATE_GOLDEN'] === '1';
const codes = (Object.keys(catalogue) as DiagnosticCode[]).sort();

const PAGES = {
  en: {
    file: 'docs/diagnostics.md',
    head: [
      '# Diagnostics',
      '',
      'Every problem is printed as `FILE:LINE:COL: severity CODE: message`, with a `hint:` line where one helps.',
      'Codes are stable. This page is generated from `src/core/catalogue.ts`. In Indonesian:',
      '[diagnostics.id.md](diagnostics.id.md) (`--lang id`, or a `LANG` starting with `id`).',
      'How the score is computed: [scoring.md](scoring.md).',
    ],
    columns: '| code | severity | what | why | what to do |',
    groups: ['Files and YAML', 'Lessons, Markdown, questions, surveys and tests', 'Scenarios', 'Assets and paths', 'Course and package', 'Checking built packages (`check ZIP`)', 'Reports from learning records (`report`)'],
    text: (c: DiagnosticCode) => catalogue[c] as CatalogueEntry,
  },
  id: {
    file: 'docs/diagnostics.id.md',
    head: [
      '# Diagnostik',
      '',
      'Setiap masalah dicetak sebagai `BERKAS:BARIS:KOLOM: severity KODE: pesan`, dengan baris `saran:` bila membantu.',
      'Kodenya tetap dan sama dalam setiap bahasa. Halaman ini dibuat dari `src/core/messages-id.ts`; pesan berbahasa',
      'Indonesia muncul dengan `--lang id` atau `LANG` yang diawali `id` (misalnya `id_ID.UTF-8`). In English:',
      '[diagnostics.md](diagnostics.md). Cara nilai dihitung: [scoring.md](scoring.md).',
    ],
    columns: '| kode | tingkat | apa | mengapa | yang perlu dilakukan |',
    groups: ['Berkas dan YAML', 'Pelajaran, Markdown, pertanyaan, survei, dan tes', 'Skenario', 'Aset dan path', 'Kursus dan paket', 'Memeriksa paket jadi (`check ZIP`)', 'Laporan dari catatan belajar (`report`)'],
    text: (c: DiagnosticCode) => catalogueId[c],
  },
};

function render(lang: keyof typeof PAGES): string {
  const page = PAGES[lang];
  const out = [...page.head, ''];
  page.groups.forEach((title, i) => {
    out.push(`## ${title}`, '', page.columns, '|---|---|---|---|---|');
    for (const code of codes.filter((c) => c.startsWith(`IR${i + 1}`))) {
      const e = page.text(code);
      const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');
      out.push(`| ${code} | ${catalogue[code].severity} | ${cell(e.title)} | ${cell(e.why)} | ${cell(e.hint)} |`);
    }
    out.push('');
  });
  return out.join('\n');
}

for (const lang of ['en', 'id'] as const) {
  it(`${PAGES[lang].file} lists every code of the catalogue as it is`, () => {
    const text = render(lang);
    if (update) writeFileSync(PAGES[lang].file, text);
    expect(readFileSync(PAGES[lang].file, 'utf8')).toBe(text);
  });
}

it('docs/authoring.md states each rule it shares with docs/diagnostics.md in the catalogue\'s words', () => {
  const file = 'docs/authoring.md';
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const regenerated = text.replace(/<!-- rule (IR\d{3}) -->[\s\S]*?<!-- \/rule -->/g, (_, code: string) => {
    found.push(code);
    expect(Object.keys(catalogue), `${code} in ${file}`).toContain(code);
    return `<!-- rule ${code} -->${(catalogue[code as DiagnosticCode] as CatalogueEntry).why} (${code})<!-- /rule -->`;
  });
  // At least the rule the two pages once contradicted each other on: unused assets are not packed.
  expect(found).toContain('IR405');
  if (update) writeFileSync(file, regenerated);
  expect(text).toBe(regenerated);
});
