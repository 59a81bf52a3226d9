import { describe, expect, it } from 'vitest';
import { codes, compileFiles } from '../helpers/compile.js';
import type { RuntimeScenario } from '../../src/shared/runtime-types.js';

const AMPLOP = `---
title: Amplop di Loket
dimension: gratifikasi
points: 2
---
Anda bertugas di loket pelayanan.

## Loket pelayanan {#mulai}
Pak Budi menyodorkan amplop.

- Ini bukan pilihan, hanya daftar isi.

Apa yang Anda lakukan?

- [Menolak dengan sopan](#menolak) {good}
- [Menerima dan melapor](#lapor)
- [Menerima dan menyimpan](#simpan) {bad}
  > Amplop itu gratifikasi.

## Melapor {#lapor}
Anda menerima lalu melapor.

- [Lapor ke UPG](#menolak)

## Pelayanan bersih {#menolak ending=pass}
Bagus.

## Disimpan {#simpan ending=fail score=10}
Tidak tepat.
`;

function scenario(files: Record<string, string>): { s: RuntimeScenario; codes: string[] } {
  const r = compileFiles(files);
  const u = r.runtime?.units[0];
  if (!u || u.kind !== 'scenario') throw new Error(JSON.stringify(codes(r)));
  return { s: u, codes: codes(r) };
}

describe('scenarios', () => {
  it('reads scenes, the last list as choices, qualities, feedback and endings', () => {
    const { s, codes } = scenario({ 'scenarios/amplop.md': AMPLOP });
    expect(codes).toEqual([]);
    expect(s).toMatchObject({ id: 'amplop', title: 'Amplop di Loket', points: 2, dimension: 'gratifikasi', start: 'mulai' });
    expect(s.introHtml).toContain('Anda bertugas');
    const mulai = s.scenes[0]!;
    expect(mulai.choices.map((c) => [c.text, c.target, c.quality, c.feedbackHtml])).toEqual([
      ['Menolak dengan sopan', 'menolak', 'good', null],
      ['Menerima dan melapor', 'lapor', 'neutral', null],
      ['Menerima dan menyimpan', 'simpan', 'bad', '<p>Amplop itu gratifikasi.</p>\n'],
    ]);
    expect(mulai.html).toContain('<li>Ini bukan pilihan, hanya daftar isi.</li>');
    expect(mulai.html).not.toContain('Menolak dengan sopan');
    expect(s.scenes.map((x) => x.ending)).toEqual([null, null, { outcome: 'pass', score: 100 }, { outcome: 'fail', score: 10 }]);
  });

  it('honours an explicit start scene', () => {
    const { s } = scenario({ 'scenarios/amplop.md': AMPLOP.replace('points: 2', 'points: 2\nstart: mulai') });
    expect(s.start).toBe('mulai');
  });
});

describe('scenario diagnostics', () => {
  const base = (scenes: string) => `---\ntitle: S\n---\n${scenes}`;
  const cases: [string, string, string[]][] = [
    // #bb surely meant #b: the mistyped link is the one problem, #b is not also called unreachable.
    ['link to an unknown scene', base('## A {#a}\n- [Ke B](#bb)\n\n## B {#b ending=pass}\nx'), ['IR302 scenarios/s.md:5:10']],
    ['link to an unknown scene nothing resembles', base('## A {#a}\n- [Ke B](#xyzzy)\n- [Ke C](#c)\n\n## B {#b ending=pass}\nx\n\n## C {#c ending=fail}\ny'), ['IR302 scenarios/s.md:5:10']],
    ['a typo that resembles a scene leaves other unreachable scenes reported', base('## A {#a}\n- [Ke B](#bb)\n\n## B {#b ending=pass}\nx\n\n## C {#c ending=fail}\ny'), ['IR302 scenarios/s.md:5:10', 'IR303 scenarios/s.md:10:1']],
    ['unreachable scene', base('## A {#a}\n- [Ke B](#b)\n\n## B {#b ending=pass}\nx\n\n## C {#c ending=fail}\ny'), ['IR303 scenarios/s.md:10:1']],
    ['endless loop', base('## A {#a}\n- [Ke B](#b)\n- [Selesai](#z)\n\n## B {#b}\n- [Ke C](#c)\n\n## C {#c}\n- [Ke B](#b)\n\n## Z {#z ending=pass}\nx'), ['IR304 scenarios/s.md:8:1', 'IR304 scenarios/s.md:11:1']],
    ['duplicate scene ids', base('## A {#a}\n- [Ke B](#b)\n\n## B {#b ending=pass}\nx\n\n## B lagi {#b ending=fail}\ny'), ['IR213 scenarios/s.md:10:1']],
    ['ending without outcome', base('## A {#a}\n- [Ke B](#b)\n\n## B {#b}\nx'), ['IR310 scenarios/s.md:1:1', 'IR305 scenarios/s.md:7:1']],
    ['ending with a bad outcome', base('## A {#a}\n- [Ke B](#b)\n\n## B {#b ending=lulus}\nx'), ['IR310 scenarios/s.md:1:1', 'IR206 scenarios/s.md:7:6']],
    ['score out of range', base('## A {#a}\n- [Ke B](#b)\n\n## B {#b ending=pass score=150}\nx'), ['IR206 scenarios/s.md:7:6']],
    ['ending with choices', base('## A {#a ending=pass}\n- [Ke B](#b)\n\n## B {#b ending=pass}\nx'), ['IR306 scenarios/s.md:4:6']],
    ['scene without id', base('## A\n- [Ke B](#b)\n\n## B {#b ending=pass}\nx'), ['IR308 scenarios/s.md:4:1']],
    ['mixed choice list', base('## A {#a}\n- [Ke B](#b)\n- Diam saja\n\n## B {#b ending=pass}\nx'), ['IR309 scenarios/s.md:6:1']],
    ['unknown start', '---\ntitle: S\nstart: zz\n---\n## A {#a}\n- [Ke B](#b)\n\n## B {#b ending=pass}\nx', ['IR307 scenarios/s.md:3:8']],
    ['no scenes', base('Hanya teks.'), ['IR301 scenarios/s.md:1:1']],
    ['unknown choice flag', base('## A {#a}\n- [Ke B](#b) {baik}\n\n## B {#b ending=pass}\nx'), ['IR206 scenarios/s.md:5:15']],
    ['question inside a scenario', base('## A {#a}\n::: question\nx\n:::\n- [Ke B](#b)\n\n## B {#b ending=pass}\nx'), ['IR203 scenarios/s.md:5:5']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const r = compileFiles({ 'scenarios/s.md': text });
      expect(codes(r)).toEqual(expected);
      expect(r.ok).toBe(false);
      expect(r.artifacts).toEqual([]);
    });
  }

  it('refuses a unit id used twice across files', () => {
    const r = compileFiles({ 'lessons/a.md': '---\ntitle: A\nid: sama\n---\nx', 'scenarios/b.md': '---\ntitle: B\nid: sama\n---\n## A {#a ending=pass}\nx' });
    expect(codes(r)).toEqual(['IR213 scenarios/b.md:1:1']);
  });
});
