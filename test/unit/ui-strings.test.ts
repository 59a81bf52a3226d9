/**
 * The player's words (src/shared/ui-strings.ts): every language has every
 * key with the same template arguments, and the compiler embeds the course's
 * table in the course data.
 */
import { describe, expect, it } from 'vitest';
import { ASSESS_STRINGS, GAIN_STRINGS, UI_STRINGS, format, uiStrings } from '../../src/shared/ui-strings.js';
import { compileFolder } from '../helpers/compile.js';

const args = (t: string) => (t.match(/\{\d\}/g) || []).sort().join('');

describe('UI strings', () => {
  it('every language has the keys and template arguments of Indonesian, and no empty string', () => {
    const id = UI_STRINGS.id;
    for (const [lang, table] of Object.entries(UI_STRINGS)) {
      expect(Object.keys(table).sort(), lang).toEqual(Object.keys(id).sort());
      for (const [k, v] of Object.entries(table)) {
        expect(v, `${lang}.${k}`).not.toBe('');
        expect(args(v), `${lang}.${k} arguments`).toBe(args(id[k as keyof typeof id]));
      }
    }
  });

  it('the assessment words (player-assess.js, player-results.js): every language has every key and template argument; a Likert list per scale, low to high', () => {
    for (const tables of [ASSESS_STRINGS, GAIN_STRINGS] as unknown as Array<Record<string, Record<string, unknown>>>) {
      const id = tables.id!;
      for (const [lang, table] of Object.entries(tables)) {
        expect(Object.keys(table).sort(), lang).toEqual(Object.keys(id).sort());
        for (const [k, v] of Object.entries(table)) {
          if (typeof v !== 'string') continue;
          expect(v, `${lang}.${k}`).not.toBe('');
          expect(args(v), `${lang}.${k} arguments`).toBe(args(id[k] as string));
        }
      }
    }
    for (const [lang, table] of Object.entries(ASSESS_STRINGS)) {
      for (const n of [4, 5, 6, 7]) expect(table.likert[n], `${lang} ${n} points`).toHaveLength(n);
    }
    expect(ASSESS_STRINGS.id.likert[5]).toEqual(['Sangat tidak setuju', 'Tidak setuju', 'Netral', 'Setuju', 'Sangat setuju']);
    // Sequencing buttons: the visible word starts the accessible name (WCAG 2.5.3, label in name).
    for (const table of Object.values(ASSESS_STRINGS)) {
      expect(format(table.upName, 'x').startsWith(table.up)).toBe(true);
      expect(format(table.downName, 'x').startsWith(table.down)).toBe(true);
    }
  });

  it('format fills positional arguments', () => {
    expect(format('{0} dari {1}', 3, 12)).toBe('3 dari 12');
    expect(format(uiStrings('en').failing, uiStrings('en').xapi, 4)).toBe(
      'Your progress has not reached the learning record store (LRS) yet. It will be retried automatically. Waiting to be sent: 4.',
    );
    expect(format(uiStrings('id').failing, uiStrings('id').scorm12, 1)).toContain('belum tersimpan di LMS');
  });

  it('the fixed control labels of SPEC §5', () => {
    expect([uiStrings('id').prev, uiStrings('id').next, uiStrings('id').check]).toEqual(['Sebelumnya', 'Berikutnya', 'Periksa jawaban']);
    expect([uiStrings('en').prev, uiStrings('en').next, uiStrings('en').check]).toEqual(['Previous', 'Next', 'Check answer']);
  });

  it('the compiled course carries the table of its UI language', async () => {
    const id = await compileFolder('test/fixtures/minimal/content', ['scorm12']);
    expect(id.runtime?.uiLanguage).toBe('id');
    expect(id.runtime?.strings).toEqual(UI_STRINGS.id);
    const en = await compileFolder('test/fixtures/english/content', ['scorm12']);
    expect(en.runtime?.uiLanguage).toBe('en');
    expect(en.runtime?.strings).toEqual(UI_STRINGS.en);
  });
});
