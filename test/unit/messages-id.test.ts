/**
 * The Indonesian edition of the diagnostics (src/core/messages-id.ts): the
 * whole catalogue, and the message and hint of every diagnostic the golden
 * fixtures produce (the corpus of author mistakes), with codes unchanged.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, type CatalogueEntry, type DiagnosticCode } from '../../src/core/catalogue.js';
import { catalogueId, hasIndonesian, localizeDiagnostic } from '../../src/core/messages-id.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { compileFolder } from '../helpers/compile.js';

describe('the Indonesian catalogue', () => {
  it('has every code, with a title and a rule, and a hint where the English has one', () => {
    for (const code of Object.keys(catalogue) as DiagnosticCode[]) {
      const en = catalogue[code] as CatalogueEntry;
      const id = catalogueId[code];
      expect(id.title, code).not.toBe('');
      expect(id.why, code).not.toBe(en.why);
      expect(id.hint === undefined, code).toBe(en.hint === undefined);
    }
    expect(Object.keys(catalogueId).sort()).toEqual(Object.keys(catalogue).sort());
  });
});

describe('Indonesian messages', () => {
  it('translate every message and hint the golden fixtures produce, keeping code, file and position', async () => {
    const all: Diagnostic[] = [];
    for (const name of readdirSync('test/fixtures')) {
      if (existsSync(join('test/fixtures', name, 'content'))) all.push(...(await compileFolder(join('test/fixtures', name, 'content'))).diagnostics);
    }
    expect(all.length).toBeGreaterThan(150);
    const left = all.filter((d) => !hasIndonesian(d).message || !hasIndonesian(d).hint).map((d) => `${d.code} ${d.message} | ${d.hint ?? ''}`);
    expect(left).toEqual([]);
    for (const d of all) {
      const id = localizeDiagnostic(d, 'id');
      expect({ ...id, message: '', hint: '' }).toEqual({ ...d, message: '', hint: '' });
    }
  });

  it('leave a message they do not know in English, and English untouched', () => {
    const d: Diagnostic = { severity: 'error', code: 'IR604', message: 'Element x: not expected', file: '', line: 0, column: 0, hint: 'something new' };
    expect(localizeDiagnostic(d, 'id')).toEqual(d);
    expect(localizeDiagnostic(d, 'en')).toBe(d);
  });
});
