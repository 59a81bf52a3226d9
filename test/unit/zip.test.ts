import { describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
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
});
