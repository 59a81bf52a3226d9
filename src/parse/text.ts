import type { Diagnostics } from '../core/diagnostics.js';
import type { ContentEntry } from '../core/content-source.js';

const MAX_LINE = 10_000;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a content file as UTF-8, refusing binaries and pathological lines
 * before any parser sees them. Returns null (with a diagnostic) when unusable.
 */
export function decodeText(path: string, entry: ContentEntry, diags: Diagnostics): string | null {
  const at = { file: path, line: 1, column: 1 };
  if (entry.kind === 'outside') {
    diags.report('IR402', at, `${path} points outside the content folder`);
    return null;
  }
  if (entry.kind === 'too-large') {
    diags.report('IR110', at, `${path} is ${entry.size} bytes; content files may be at most 2 MB`);
    return null;
  }
  let text: string;
  try {
    text = decoder.decode(entry.bytes);
  } catch {
    const bad = firstInvalidUtf8(entry.bytes);
    // Lines and columns as everywhere else: what comes before, decoded leniently, with a BOM dropped and
    // CRLF or a lone CR read as a line break; the column counts the characters an editor shows.
    const before = new TextDecoder('utf-8').decode(entry.bytes.subarray(0, bad)).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
    const line = before.length;
    const column = [...before[line - 1]!].length + 1;
    const byte = entry.bytes[bad]!;
    const legacy = windows1252(byte);
    diags.report(
      'IR106',
      { file: path, line, column },
      `${path} is not UTF-8 text: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}${legacy ? ` (\`${legacy}\` in Windows-1252)` : ''} cannot be read`,
    );
    return null;
  }
  if (text.includes('\u0000')) {
    diags.report('IR106', at, `${path} contains NUL bytes: it looks like a binary file`);
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.length > MAX_LINE) {
      diags.report('IR111', { file: path, line: i + 1, column: MAX_LINE + 1 }, `line ${i + 1} has ${lines[i]!.length} characters (at most ${MAX_LINE})`);
      return null;
    }
  }
  return text;
}

/** Offset of the first byte that does not continue a well-formed UTF-8 sequence (RFC 3629 §4). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
    }
    // Overlong three- and four-byte forms, surrogates and code points above U+10FFFF.
    const d = b[i + 1]!;
    if ((c === 0xe0 && d < 0xa0) || (c === 0xed && d > 0x9f) || (c === 0xf0 && d < 0x90) || (c === 0xf4 && d > 0x8f)) return i;
    i += n + 1;
  }
  return b.length;
}

/** Windows-1252 at 0x80–0x9F (WHATWG Encoding §index-windows-1252); Node's decoder reads these as Latin-1 controls. */
const CP1252 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

/** What a byte that is not UTF-8 meant in Windows-1252 (the usual culprit), when it is a visible character. */
function windows1252(byte: number): string | null {
  const ch = byte >= 0x80 && byte < 0xa0 ? CP1252[byte - 0x80]! : byte > 0xa0 ? String.fromCharCode(byte) : '\u0000';
  return ch === '\u0000' ? null : ch;
}

export function slugify(text: string, max = 48): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug;
}

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Names for a hint: the first dozen, each as `show` writes it, then how many in all, so a huge course keeps hints short. */
export function hintList(names: readonly string[], show: (name: string) => string = (n) => n): string {
  return names.slice(0, 12).map(show).join(', ') + (names.length > 12 ? ` … (${names.length} in all)` : '');
}

/**
 * The candidate the author most likely meant: at most two edits away (or the
 * same but for letter case), or null. Limits keep the O(n·m) distance off
 * pathological input: ids and keys are short, candidates a few dozen.
 */
export function closest(word: string, candidates: readonly string[]): string | null {
  if (word.length > 64 || candidates.length > 1000) return null;
  const lower = word.toLowerCase();
  const meant = INDONESIAN[lower];
  if (meant !== undefined && candidates.includes(meant)) return meant;
  let best: string | null = null;
  // Two edits turn `baik` (Indonesian "good") into `bad`: short words get one.
  let bestD = word.length <= 4 ? 2 : 3;
  for (const c of candidates) {
    if (c === word) continue;
    if (Math.abs(c.length - word.length) > 2) continue;
    const d = c.toLowerCase() === lower ? 0 : distance(c, word, bestD - 1);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** Indonesian words authors write for the format's English keys and values. */
const INDONESIAN: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  baik: 'good', benar: 'good', tepat: 'good', bagus: 'good',
  buruk: 'bad', salah: 'bad', jelek: 'bad',
  lulus: 'pass', gagal: 'fail',
  poin: 'points', nilai: 'score', skor: 'score', akhir: 'ending', dimensi: 'dimension', mulai: 'start',
  judul: 'title', versi: 'version', bahasa: 'language', deskripsi: 'description', penulis: 'author',
  durasi: 'duration', tujuan: 'objectives', urutan: 'outline', nilai_lulus: 'passing_score',
});

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`: two rows, early exit. */
function distance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < least) least = v;
    }
    if (least > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

export const CURLY_QUOTES_HINT = 'Replace the curly quotes “ ” with straight ones " (or write the value without quotes); word processors type curly quotes.';
