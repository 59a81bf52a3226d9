/**
 * Golden fixtures: each folder under test/fixtures/<case>/ holds `content/`
 * and `expected/`: the diagnostics as the CLI prints them, and for a course
 * that builds, each package's file list and manifest. Regenerate after an
 * intended change with `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`
 * and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../src/core/diagnostics.js';
import { localizeDiagnostic } from '../src/core/messages-id.js';
import { CLI_TEXT } from '../src/cli-text.js';
import { compileFolder } from './helpers/compile.js';

const ROOT = 'test/fixtures';
const update = process.env['UPDATE_GOLDEN'] === '1';
const cases = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'content')) && (update || existsSync(join(ROOT, d, 'expected'))));

describe('golden fixtures', () => {
  it('has fixtures to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, async () => {
      const r = await compileFolder(join(ROOT, name, 'content'));
      const actual = new Map<string, string>();
      actual.set('diagnostics.txt', r.diagnostics.map((d) => formatDiagnostic(d)).join('\n') + '\n');
      // The Indonesian edition, for the cases that keep one (create an empty expected/diagnostics.id.txt to start).
      if (existsSync(join(ROOT, name, 'expected', 'diagnostics.id.txt'))) {
        actual.set('diagnostics.id.txt', r.diagnostics.map((d) => formatDiagnostic(localizeDiagnostic(d, 'id'), { hintLabel: CLI_TEXT.id.hint })).join('\n') + '\n');
      }
      for (const a of r.artifacts) {
        actual.set(`${a.target}.files.txt`, [...a.files.keys()].sort().join('\n') + '\n');
        const manifest = a.target === 'scorm12' ? 'imsmanifest.xml' : 'tincan.xml';
        actual.set(manifest, new TextDecoder().decode(a.files.get(manifest)));
      }
      const dir = join(ROOT, name, 'expected');
      if (update) {
        mkdirSync(dir, { recursive: true });
        for (const [f, text] of actual) writeFileSync(join(dir, f), text);
      }
      const expectedFiles = readdirSync(dir).sort();
      expect([...actual.keys()].sort()).toEqual(expectedFiles);
      for (const f of expectedFiles) expect(actual.get(f), `${name}/expected/${f}`).toBe(readFileSync(join(dir, f), 'utf8'));
    });
  }
});
