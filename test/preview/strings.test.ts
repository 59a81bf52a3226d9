/**
 * The preview page's words (src/preview/strings.ts): both languages say the
 * same things with the same placeholders, and every key the page asks for
 * (host.html's `data-t…` attributes, src/preview/host/'s `t('…')` calls) is in the table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PREVIEW_STRINGS, type PreviewStrings } from '../../src/preview/strings.js';

const placeholders = (s: string) => (s.match(/\{\d\}/g) ?? []).sort().join(' ');

describe('the preview page in Indonesian and English', () => {
  it('has the same keys and placeholders in both languages, none empty, and they differ where words are said', () => {
    const { id, en } = PREVIEW_STRINGS;
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(id) as Array<keyof PreviewStrings>) {
      expect(id[k].trim(), `id.${k}`).not.toBe('');
      expect(placeholders(id[k]), `placeholders of ${k}`).toBe(placeholders(en[k]));
    }
    const same = (Object.keys(id) as Array<keyof PreviewStrings>).filter((k) => id[k] === en[k]);
    // Words both languages write alike (names of devices).
    expect(same.sort()).toEqual(['desktop', 'tablet']);
  });

  it("knows every key host.html and the page's script ask for", () => {
    const html = readFileSync('templates/preview/host.html', 'utf8');
    const js = readdirSync('src/preview/host')
      .map((f) => readFileSync(`src/preview/host/${f}`, 'utf8'))
      .join('\n');
    const asked = new Set([
      ...[...html.matchAll(/data-t(?:-title|-label)?="([^"]+)"/g)].map((m) => m[1]!),
      ...[...js.matchAll(/\bt\('([A-Za-z]+)'/g)].map((m) => m[1]!),
      // plural(n, severity) asks for `<severity>One` / `<severity>Many`, and the severity itself.
      ...['error', 'warning'].flatMap((s) => [s, s + 'One', s + 'Many']),
    ]);
    expect(asked.size).toBeGreaterThan(30);
    for (const key of asked) expect(Object.keys(PREVIEW_STRINGS.en), key).toContain(key);
  });
});
