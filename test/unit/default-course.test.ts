/**
 * The default course (content/) as its reviewers read it: it compiles with no
 * diagnostic at all (so the scenario lint, IR320–IR323, finds nothing), every
 * scenario can both pass and fail, and the claims register in
 * docs/legal-claims.md points only at places that exist and agrees with the
 * closing lesson's "berlaku per" date.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFolder } from '../helpers/compile.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';

const result = await compileFolder('content');
const course = result.runtime as RuntimeCourse;
const register = readFileSync('docs/legal-claims.md', 'utf8');
const outline = [...readFileSync('content/course.yml', 'utf8').matchAll(/^ {2}- ((?:lessons|scenarios)\/\S+\.md)$/gm)].map((m) => m[1]!);

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** Every anchor a unit offers: its page, question and scene ids. */
function anchorsOf(unit: RuntimeCourse['units'][number]): Set<string> {
  const out = new Set<string>();
  if (unit.kind === 'lesson') {
    for (const page of unit.pages) {
      out.add(page.id);
      for (const block of page.blocks) if (block.kind === 'question') out.add(block.question.id);
    }
  } else {
    out.add('intro');
    for (const scene of unit.scenes) out.add(scene.id);
  }
  return out;
}

describe('the default course', () => {
  it('compiles to both packages with no error and no warning', () => {
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.message}`)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.artifacts.map((a) => a.target)).toEqual(['scorm12', 'xapi']);
    expect(result.course).toEqual({ id: 'integrity-ranger', title: 'E-Learning Petty Corruption: Integrity Ranger', version: '1.1.0' });
  });

  it('has, in every scenario, a pass ending and a fail ending, and no choice left untagged', () => {
    const scenarios = course.units.filter((u) => u.kind === 'scenario');
    expect(scenarios.length).toBeGreaterThanOrEqual(6);
    for (const s of scenarios) {
      const outcomes = new Set(s.scenes.flatMap((scene) => (scene.ending ? [scene.ending.outcome] : [])));
      expect([...outcomes].sort(), s.id).toEqual(['fail', 'pass']);
      const untagged = s.scenes.flatMap((scene) => scene.choices.filter((c) => c.quality === 'neutral').map((c) => `${scene.id} → ${c.target}`));
      expect(untagged, s.id).toEqual([]);
    }
  });
});

describe('docs/legal-claims.md', () => {
  it('places every claim at a file and anchor that exist in content/', () => {
    expect(outline).toHaveLength(course.units.length);
    const byPrefix = new Map<string, Set<string>>();
    outline.forEach((path, i) => {
      const m = /^(lessons|scenarios)\/(\d\d)-/.exec(path)!;
      byPrefix.set((m[1] === 'scenarios' ? 'scenarios/' : '') + m[2], anchorsOf(course.units[i]!));
    });
    // Claim rows: `| <n> | <where> | …`; `where` names `NN#anchor` (a lesson) or `scenarios/NN#anchor`.
    const rows = [...register.matchAll(/^\| (\d+) \| ([^|]+) \|/gm)].map((m) => ({ n: m[1]!, where: m[2]! }));
    expect(rows.length).toBeGreaterThan(100);
    const unplaced: string[] = [];
    for (const { n, where } of rows) {
      const refs = [...where.matchAll(/(?<![\w/])((?:scenarios\/)?\d\d)#([a-z0-9-]+)/g)];
      if (refs.length === 0) unplaced.push(`row ${n}: no place`);
      for (const [ref, file, anchor] of refs) if (!byPrefix.get(file!)?.has(anchor!)) unplaced.push(`row ${n}: ${ref}`);
    }
    expect(unplaced).toEqual([]);
  });

  it('gives, for every checked row, the date the closing lesson says the course is current as of', () => {
    const closing = readFileSync('content/lessons/08-sumber-dan-rujukan.md', 'utf8');
    const m = /berlaku per (\d{1,2}) (\p{L}+) (\d{4})/u.exec(closing);
    expect(m, 'the closing lesson says "berlaku per <date>"').not.toBeNull();
    const iso = `${m![3]}-${String(MONTHS_ID.indexOf(m![2]!) + 1).padStart(2, '0')}-${m![1]!.padStart(2, '0')}`;
    const dates = new Set([...register.matchAll(/\| (\d{4}-\d{2}-\d{2}) \|$/gm)].map((d) => d[1]));
    expect([...dates]).toEqual([iso]);
  });
});
