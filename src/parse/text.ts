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
    diags.report('IR106', at, `${path} is not valid UTF-8 text`);
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
