import { describe, expect, it } from 'vitest';
import { codes, compileFiles } from '../helpers/compile.js';
import type { RuntimeLesson, RuntimeQuestion } from '../../src/shared/runtime-types.js';

const lesson = (body: string, fm = 'title: Pelajaran') => `---\n${fm}\n---\n${body}`;

function firstLesson(r: ReturnType<typeof compileFiles>): RuntimeLesson {
  const u = r.runtime!.units[0]!;
  if (u.kind !== 'lesson') throw new Error('not a lesson');
  return u;
}

function questions(l: RuntimeLesson): RuntimeQuestion[] {
  return l.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question] : [])));
}

const QUESTION = `::: question {#q-satu points=3 dimension=gratifikasi}
Apa yang Anda lakukan?

- [ ] Menerima
  > Salah.
- [x] Menolak
  > Benar.
:::`;

describe('lessons', () => {
  it('splits pages at ## and keeps text before the first heading as an opening page', () => {
    const r = compileFiles({ 'lessons/a.md': lesson('Pembuka.\n\n## Satu\nIsi satu.\n\n## Dua {#kedua}\nIsi dua.\n') });
    expect(codes(r)).toEqual([]);
    const l = firstLesson(r);
    expect(l.id).toBe('a');
    expect(l.pages.map((p) => [p.id, p.title])).toEqual([
      ['intro', 'Pelajaran'],
      ['satu', 'Satu'],
      ['kedua', 'Dua'],
    ]);
  });

  it('starts at the first ## when there is no opening text, and ignores ## inside code', () => {
    const r = compileFiles({ 'lessons/a.md': lesson('\n## Satu\n```\n## bukan halaman\n```\n') });
    expect(firstLesson(r).pages.map((p) => p.id)).toEqual(['satu']);
  });

  it('reads a single-choice question with points, dimension and per-choice feedback', () => {
    const r = compileFiles({ 'lessons/a.md': lesson(`## Uji\n${QUESTION}\n`) });
    expect(codes(r)).toEqual([]);
    const [q] = questions(firstLesson(r));
    expect(q).toMatchObject({ id: 'q-satu', points: 3, dimension: 'gratifikasi', multiple: false, promptText: 'Apa yang Anda lakukan?' });
    expect(q!.choices.map((c) => [c.text, c.correct, c.feedbackHtml])).toEqual([
      ['Menerima', false, '<p>Salah.</p>\n'],
      ['Menolak', true, '<p>Benar.</p>\n'],
    ]);
  });

  it('makes several [x] a multiple-choice question and derives stable ids', () => {
    const q = '::: question\nPilih.\n\n- [x] A\n  > a\n- [x] B\n  > b\n- [ ] C\n  > c\n:::';
    const r = compileFiles({ 'lessons/dasar.md': lesson(`${q}\n\n${q}\n`) });
    const qs = questions(firstLesson(r));
    expect(qs.map((x) => [x.id, x.multiple, x.points])).toEqual([
      ['dasar-q1', true, 1],
      ['dasar-q2', true, 1],
    ]);
  });

  it('renders callouts, tables and emphasis; escapes raw HTML with a warning', () => {
    const r = compileFiles({ 'lessons/a.md': lesson('::: tip\nIngat **ini**.\n:::\n\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n') });
    expect(codes(r)).toEqual(['IR209 lessons/a.md:8:1']);
    const html = firstLesson(r).pages[0]!.blocks.map((b) => (b.kind === 'html' ? b.html : '')).join('');
    expect(html).toContain('<div class="ir-callout ir-callout--tip" role="note"><p class="ir-callout__title">Tips</p><p>Ingat <strong>ini</strong>.</p>');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<th scope="col">a</th>');
  });

  it('turns links to lessons into in-course navigation and external links into new tabs', () => {
    const r = compileFiles({
      'lessons/a.md': lesson('Lihat [B](b.md#ringkasan) dan [KPK](https://www.kpk.go.id).'),
      'lessons/b.md': lesson('Halo.', 'title: B\nid: bab-b'),
    });
    const html = firstLesson(r).pages[0]!.blocks[0]!;
    expect(html).toMatchObject({ kind: 'html' });
    expect((html as { html: string }).html).toContain('<a href="#bab-b" data-ir-unit="bab-b" data-ir-anchor="ringkasan">B</a>');
    expect((html as { html: string }).html).toContain('<a href="https://www.kpk.go.id" target="_blank" rel="noopener noreferrer">KPK</a>');
  });

  it('opens a link to a file of the package in a new tab, so the SCO\'s frame stays on the course', () => {
    const r = compileFiles({
      'lessons/a.md': lesson('Unduh [formulir](../assets/formulir%20lapor.pdf#page=2) dan baca [B](b.md).'),
      'lessons/b.md': lesson('Halo.', 'title: B\nid: bab-b'),
      'assets/formulir lapor.pdf': '%PDF-1.4',
    });
    expect(codes(r)).toEqual([]);
    const html = (firstLesson(r).pages[0]!.blocks[0] as { html: string }).html;
    expect(html).toContain('<a href="assets/formulir%20lapor.pdf#page=2" target="_blank" rel="noopener">formulir</a>');
    expect(html).toContain('<a href="#bab-b" data-ir-unit="bab-b">B</a>');
    expect([...r.artifacts[0]!.files.keys()]).toContain('assets/formulir lapor.pdf');
  });

  it('packs referenced images under their content path', () => {
    const r = compileFiles({ 'lessons/a.md': lesson('![Amplop](../assets/a.svg)'), 'assets/a.svg': '<svg/>' });
    expect(codes(r)).toEqual([]);
    expect([...r.artifacts[0]!.files.keys()]).toContain('assets/a.svg');
  });
});

describe('lesson diagnostics', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['image without alt text', { 'lessons/a.md': lesson('Teks.\n\n![](../assets/a.svg)'), 'assets/a.svg': '<svg/>' }, ['IR207 lessons/a.md:6:1']],
    ['missing image', { 'lessons/a.md': lesson('Teks ![x](../assets/none.png)') }, ['IR401 lessons/a.md:4:6']],
    ['image outside the folder', { 'lessons/a.md': lesson('![x](../../etc/passwd)') }, ['IR402 lessons/a.md:4:1']],
    ['absolute image path', { 'lessons/a.md': lesson('![x](/etc/passwd)') }, ['IR402 lessons/a.md:4:1']],
    ['external image', { 'lessons/a.md': lesson('![x](https://example.com/x.png)') }, ['IR212 lessons/a.md:4:1']],
    ['javascript: link', { 'lessons/a.md': lesson('Klik [di sini](javascript:alert(1)).') }, ['IR208 lessons/a.md:4:6']],
    ['entity-encoded javascript: link', { 'lessons/a.md': lesson('[x](javascript&#58;alert(1))') }, ['IR208 lessons/a.md:4:1']],
    ['empty table header cell', { 'lessons/a.md': lesson('Teks.\n\n| | A |\n|---|---|\n| x | 1 |') }, ['IR230 lessons/a.md:6:1']],
    ['link to an unknown lesson', { 'lessons/a.md': lesson('[x](tidak-ada.md)') }, ['IR210 lessons/a.md:4:1']],
    ['unclosed block', { 'lessons/a.md': lesson('::: note\nteks') }, ['IR202 lessons/a.md:4:1']],
    ['unknown block', { 'lessons/a.md': lesson('::: kuis\nteks\n:::') }, ['IR203 lessons/a.md:4:5']],
    ['nested block', { 'lessons/a.md': lesson('::: note\n::: tip\nx\n:::\n:::') }, ['IR211 lessons/a.md:5:1', 'IR202 lessons/a.md:8:1']],
    ['question without correct choice', { 'lessons/a.md': lesson('::: question\nP?\n\n- [ ] A\n  > a\n- [ ] B\n  > b\n:::') }, ['IR205 lessons/a.md:4:1']],
    ['question with one choice', { 'lessons/a.md': lesson('::: question\nP?\n\n- [x] A\n  > a\n:::') }, ['IR204 lessons/a.md:4:1']],
    ['question without prompt', { 'lessons/a.md': lesson('::: question\n- [x] A\n  > a\n- [ ] B\n  > b\n:::') }, ['IR216 lessons/a.md:4:1']],
    ['unknown question attribute', { 'lessons/a.md': lesson('::: question {#q poin=2}\nP?\n\n- [x] A\n  > a\n- [ ] B\n  > b\n:::') }, ['IR206 lessons/a.md:4:18']],
    ['unknown dimension', { 'lessons/a.md': lesson('::: question {dimension=korupsi}\nP?\n\n- [x] A\n  > a\n- [ ] B\n  > b\n:::') }, ['IR217 lessons/a.md:4:14']],
    ['duplicate question id', { 'lessons/a.md': lesson(`${QUESTION}\n\n${QUESTION}`) }, ['IR213 lessons/a.md:13:1']],
    ['duplicate choice text', { 'lessons/a.md': lesson('::: question\nP?\n\n- [x] A\n  > a\n- [ ] A\n  > b\n:::') }, ['IR218 lessons/a.md:9:7']],
    ['choice without feedback', { 'lessons/a.md': lesson('::: question\nP?\n\n- [x] A\n- [ ] B\n  > b\n:::') }, ['IR219 lessons/a.md:7:7']],
    ['text after the choices', { 'lessons/a.md': lesson('::: question\nP?\n\n- [x] A\n  > a\n- [ ] B\n  > b\nlagi\n:::') }, ['IR215 lessons/a.md:11:1']],
    ['missing title', { 'lessons/a.md': '---\nduration: 5\n---\nIsi.' }, ['IR102 lessons/a.md:2:1']],
    ['unknown front-matter key', { 'lessons/a.md': '---\ntitle: A\njudul: B\n---\nIsi.' }, ['IR104 lessons/a.md:3:1']],
    ['bad YAML', { 'lessons/a.md': '---\ntitle: [A\n---\nIsi.' }, ['IR101 lessons/a.md:2:10']],
    ['unclosed front matter', { 'lessons/a.md': '---\ntitle: A\nIsi.' }, ['IR109 lessons/a.md:1:1']],
    ['empty file', { 'lessons/a.md': '' }, ['IR105 lessons/a.md:1:1']],
    ['no front matter', { 'lessons/a.md': 'Isi.' }, ['IR102 lessons/a.md:1:1']],
  ];
  for (const [name, files, expected] of cases) {
    it(name, () => {
      const r = compileFiles(files);
      expect(codes(r)).toEqual(expected);
      const severe = r.diagnostics.some((d) => d.severity === 'error');
      expect(r.ok).toBe(!severe);
      if (severe) expect(r.artifacts).toEqual([]);
    });
  }

  it('reports every problem of a run at once, across files', () => {
    const r = compileFiles({
      'lessons/a.md': lesson('![](x.png)\n\n[j](javascript:x)'),
      'lessons/b.md': '---\ntitle: [\n---\n',
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['IR207', 'IR401', 'IR208', 'IR101']));
    expect(r.ok).toBe(false);
  });

  it('refuses binary and non-UTF-8 files', () => {
    const r = compileFiles({ 'lessons/a.md': new Uint8Array([0xff, 0xfe, 0x00, 0x41]) });
    expect(codes(r)).toEqual(['IR106 lessons/a.md:1:1']);
  });

  it('places a bad byte as the rest of the compiler counts lines: CRLF and a lone CR break them, a BOM takes no column', () => {
    const enc = new TextEncoder();
    // Found by the fuzz test (seed 1182071482): a lone CR before the byte put it on a line that does not exist.
    const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)));
    const at = (b: Uint8Array) => codes(compileFiles({ 'lessons/a.md': b }));
    expect(at(bytes('---\r\ntitle: A\r\n---\rTeks ', [0xff]))).toEqual(['IR106 lessons/a.md:4:6']);
    expect(at(bytes([0xef, 0xbb, 0xbf], 'ab', [0x93]))).toEqual(['IR106 lessons/a.md:1:3']);
  });
});
