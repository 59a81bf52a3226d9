/**
 * Golden fixtures: each folder under test/fixtures/<case>/ holds `content/`
 * and `expected/`: the diagnostics as the CLI prints them, and for a course
 * that builds, each package's file list and manifest. A case builds for
 * the default targets, or for those its `targets` file lists. Regenerate after an
 * intended change with `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`
 * and review the diff. A case that keeps `<target>.units.json` (create an
 * empty one to start) also pins the runtime units each package carries, read
 * back from its course.js and unit files as a player joins them.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../src/core/diagnostics.js';
import { localizeDiagnostic } from '../src/core/messages-id.js';
import { CLI_TEXT } from '../src/cli-text.js';
import { compileFolder } from './helpers/compile.js';
import { readPackageCourse } from '../src/shared/course-split.js';
import { DEFAULT_TARGETS, isPackageTarget } from '../src/targets/registry.js';
import type { PackageTarget } from '../src/shared/runtime-types.js';

const ROOT = 'test/fixtures';
const update = process.env['UPDATE_GOLDEN'] === '1';
/** A case's targets: its `targets` file (a comma list), else the default ones. */
function targetsOf(name: string): PackageTarget[] {
  const file = join(ROOT, name, 'targets');
  if (!existsSync(file)) return [...DEFAULT_TARGETS];
  return readFileSync(file, 'utf8').trim().split(',').filter(isPackageTarget);
}

const cases = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'content')) && (update || existsSync(join(ROOT, d, 'expected'))));

describe('golden fixtures', () => {
  it('has fixtures to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, async () => {
      const r = await compileFolder(join(ROOT, name, 'content'), targetsOf(name));
      const actual = new Map<string, string>();
      actual.set('diagnostics.txt', r.diagnostics.map((d) => formatDiagnostic(d)).join('\n') + '\n');
      // The Indonesian edition, for the cases that keep one (create an empty expected/diagnostics.id.txt to start).
      if (existsSync(join(ROOT, name, 'expected', 'diagnostics.id.txt'))) {
        actual.set('diagnostics.id.txt', r.diagnostics.map((d) => formatDiagnostic(localizeDiagnostic(d, 'id'), { hintLabel: CLI_TEXT.id.hint })).join('\n') + '\n');
      }
      const keepsUnits = existsSync(join(ROOT, name, 'expected')) && readdirSync(join(ROOT, name, 'expected')).some((f) => f.endsWith('.units.json'));
      for (const a of r.artifacts) {
        actual.set(`${a.target}.files.txt`, [...a.files.keys()].sort().join('\n') + '\n');
        if (keepsUnits) {
          const course = readPackageCourse((f) => (a.files.has(f) ? new TextDecoder().decode(a.files.get(f)) : null));
          actual.set(`${a.target}.units.json`, JSON.stringify(course?.units ?? null, null, 1) + '\n');
        }
        // The manifests: the XML files at the package root, by their own name for the default targets.
        for (const [file, bytes] of a.files) {
          if (file.includes('/') || !file.endsWith('.xml')) continue;
          actual.set(DEFAULT_TARGETS.includes(a.target) ? file : `${a.target}.${file}`, new TextDecoder().decode(bytes));
        }
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
