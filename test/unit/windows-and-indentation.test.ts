/**
 * What a Windows author's files look like must give the same course as the
 * same files written on Linux: CRLF line endings, a byte-order mark, `\` in
 * paths (Markdown and the outline). And feedback indented four spaces is the
 * same as two (docs/authoring.md, "Feedback").
 */
import { describe, expect, it } from 'vitest';
import { compileFiles, codes } from '../helpers/compile.js';

const COURSE = 'id: uji\ntitle: Kursus Uji\nversion: 1.0.0\niri: https://example.go.id/xapi/course/uji\noutline:\n  - lessons/01-a.md\n  - scenarios/01-s.md\n';
const LESSON = [
  '---',
  'title: Pelajaran A',
  'objectives:',
  '  - Mengenali gratifikasi',
  '---',
  '![Amplop di meja](../assets/amplop.svg)',
  '',
  'Lanjut ke [skenario](../scenarios/01-s.md).',
  '',
  '## Latihan',
  '',
  '::: question {#q-a points=2}',
  'Apa yang Anda lakukan?',
  '',
  '- [ ] Menerima',
  '  > Itu gratifikasi.',
  '- [x] Menolak',
  '  > Tepat.',
  ':::',
  '',
].join('\n');
const SCENARIO = '---\ntitle: S\n---\n## Mulai {#mulai}\nAmplop.\n\n- [Tolak](#tolak) {good}\n- [Terima](#terima) {bad}\n  > Itu gratifikasi.\n\n## Ditolak {#tolak ending=pass}\nBersih.\n\n## Diterima {#terima ending=fail}\nKotor.\n';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';

const windows = (s: string) => '\ufeff' + s.replace(/\n/g, '\r\n');
const zips = (r: ReturnType<typeof compileFiles>) => r.artifacts.map((a) => a.sha256);

describe('files from Windows', () => {
  it('CRLF, a byte-order mark and backslashes in paths build the byte-identical packages', () => {
    const linux = compileFiles({ 'course.yml': COURSE, 'lessons/01-a.md': LESSON, 'scenarios/01-s.md': SCENARIO, 'assets/amplop.svg': SVG });
    expect(linux.diagnostics).toEqual([]);
    const win = compileFiles({
      'course.yml': windows(COURSE.replace(/lessons\/|scenarios\//g, (m) => m.replace('/', '\\'))),
      'lessons/01-a.md': windows(LESSON.replace('../assets/amplop.svg', '..\\assets\\amplop.svg').replace('../scenarios/01-s.md', '..\\scenarios\\01-s.md')),
      'scenarios/01-s.md': windows(SCENARIO),
      'assets/amplop.svg': SVG,
    });
    expect(win.diagnostics).toEqual([]);
    expect(zips(win)).toEqual(zips(linux));
  });

  it('a YAML error in a CRLF file is reported at the author\'s line and column', () => {
    const r = compileFiles({ 'course.yml': windows('id: uji\ntitle: Kursus Uji\nversion: 1.0.0\npasing_score: 80\n'), 'lessons/01-a.md': LESSON });
    expect(codes(r)).toEqual(['IR104 course.yml:4:1']);
  });
});

describe('feedback indentation', () => {
  const question = LESSON.replace(/!\[[^\n]*\n\nLanjut[^\n]*\n/, '');
  it('four spaces (or a tab) read the same as two', () => {
    const two = compileFiles({ 'lessons/01-a.md': question }, ['scorm12']);
    const four = compileFiles({ 'lessons/01-a.md': question.replace(/\n {2}>/g, '\n    >') }, ['scorm12']);
    const tab = compileFiles({ 'lessons/01-a.md': question.replace(/\n {2}>/g, '\n\t>') }, ['scorm12']);
    expect(two.diagnostics).toEqual([]);
    expect(four.runtime).toEqual(two.runtime);
    expect(tab.runtime).toEqual(two.runtime);
  });

  it('one space is reported once, where it is, and the feedback still belongs to its choice', () => {
    const text = question.replace('\n  > Tepat.', '\n > Tepat.');
    const r = compileFiles({ 'lessons/01-a.md': text }, ['scorm12']);
    expect(codes(r)).toEqual([`IR215 lessons/01-a.md:${text.split('\n').indexOf(' > Tepat.') + 1}:1`]);
    const lesson = r.runtime!.units[0]!;
    const block = lesson.kind === 'lesson' ? lesson.pages.flatMap((p) => p.blocks).find((b) => b.kind === 'question') : undefined;
    expect(block?.kind === 'question' ? block.question.choices[1]!.feedbackHtml : null).toContain('Tepat.');
  });
});

describe('tabs in YAML', () => {
  it('one IR113 per tab-indented line, and nothing from the YAML parser', () => {
    const r = compileFiles({ 'course.yml': 'id: uji\ntitle: Uji\nversion: 1.0.0\noutline:\n\t- lessons/01-a.md\n\t- lessons/01-a.md\n', 'lessons/01-a.md': '---\ntitle: A\n---\nIsi.\n' }, ['scorm12']);
    expect(codes(r)).toEqual(['IR113 course.yml:5:1', 'IR113 course.yml:6:1']);
  });

  it('a tab inside a block of text, after its indentation, is text, not an error', () => {
    const r = compileFiles({ 'course.yml': 'id: uji\ntitle: Uji\nversion: 1.0.0\ndescription: |\n  \tberjarak tab\n  baris dua\n', 'lessons/01-a.md': '---\ntitle: A\n---\nIsi.\n' }, ['scorm12']);
    expect(r.diagnostics).toEqual([]);
  });
});
