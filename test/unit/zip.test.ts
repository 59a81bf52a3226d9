import { describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipFiles, dosDateTime } from '../../src/package/zip.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('zipFiles', () => {
  it('gives the same bytes whatever the insertion order and wall-clock time', async () => {
    const files = new Map([
      ['b.txt', enc('hello '.repeat(100))],
      ['a/x.html', enc('<p>x</p>')],
    ]);
    const first = zipFiles(files, 1700000000);
    await new Promise((r) => setTimeout(r, 1100));
    const second = zipFiles(new Map([...files].reverse()), 1700000000);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('sorts entries, stamps the given time and unix permissions, and round-trips content', () => {
    const zip = new AdmZip(Buffer.from(zipFiles(new Map([['z.txt', enc('z')], ['a.txt', enc('a')]]), 1700000000)));
    const entries = zip.getEntries();
    expect(entries.map((e) => e.entryName)).toEqual(['a.txt', 'z.txt']);
    expect(entries.every((e) => e.header.timeval === dosDateTime(1700000000))).toBe(true);
    expect(entries[0]!.header.made).toBe(0x0314);
    // External attributes, high 16 bits: st_mode of a regular file, rw-r--r-- (what unzip and Info-ZIP restore).
    expect(entries.map((e) => (e.header.attr >>> 16).toString(8))).toEqual(['100644', '100644']);
    expect(zip.readAsText('z.txt')).toBe('z');
  });

  it('encodes 2023-11-14T22:13:20Z as DOS date/time in UTC', () => {
    const v = dosDateTime(1700000000);
    expect(v >>> 25).toBe(2023 - 1980);
    expect((v >>> 21) & 0xf).toBe(11);
    expect((v >>> 16) & 0x1f).toBe(14);
    expect((v >>> 11) & 0x1f).toBe(22);
    expect((v >>> 5) & 0x3f).toBe(13);
    expect((v & 0x1f) * 2).toBe(20);
  });

  it('stores compressed media as it is and deflates text; another zip reader finds every entry whole', () => {
    const noise = new Uint8Array(64 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    const text = enc('<p>teks</p>'.repeat(500));
    const bytes = zipFiles(new Map([['assets/film.MP4', noise], ['assets/a.pdf', noise], ['index.html', text]]), 1700000000);
    const zip = new AdmZip(Buffer.from(bytes));
    const method = (n: string) => zip.getEntry(n)!.header.method;
    expect([method('assets/film.MP4'), method('assets/a.pdf'), method('index.html')]).toEqual([0, 0, 8]);
    expect(zip.getEntry('assets/film.MP4')!.header.compressedSize).toBe(noise.length);
    expect(zip.getEntry('index.html')!.header.compressedSize).toBeLessThan(text.length / 10);
    expect(Buffer.from(zip.readFile('assets/film.MP4')!).equals(Buffer.from(noise))).toBe(true);
    expect(zip.readAsText('index.html')).toBe(new TextDecoder().decode(text));
    // Another zip reader (CPython's zipfile, on every machine of ours) checks every CRC and size.
    const dir = mkdtempSync(join(tmpdir(), 'ir-zip-'));
    try {
      writeFileSync(join(dir, 'p.zip'), bytes);
      expect(execFileSync('python3', ['-m', 'zipfile', '-t', join(dir, 'p.zip')], { encoding: 'utf8' })).toMatch(/Done testing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

