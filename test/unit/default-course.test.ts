/**
 * The default course (content/) as its reviewers read it: it compiles with no
 * diagnostic at all (so the scenario lint, IR320–IR323, finds nothing), every
 * scenario can both pass and fail, its pool gives the pre-test and the final
 * test what issue 12 asks of them, and the claims register in
 * docs/legal-claims.md points only at places that exist, maps every pool
 * question to claim rows that exist, and agrees with the closing lesson's
 * "berlaku per" date.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFolder } from '../helpers/compile.js';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';

const result = await compileFolder('content');
const course = result.runtime as RuntimeCourse;
const register = readFileSync('docs/legal-claims.md', 'utf8');
const outline = [...readFileSync('content/course.yml', 'utf8').matchAll(/^ {2}- ((?:lessons|scenarios|tests)\/\S+\.md)$/gm)].map((m) => m[1]!);
const tests = course.units.filter((u) => u.kind === 'test');
const finalTest = tests.find((t) => t.role === 'final')!;
const preTest = tests.find((t) => t.role === 'pre')!;
/** The pool's questions, as the final test carries them. */
const pool = finalTest.questions;

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** Every anchor a unit offers: its page, question, survey and scene ids; a test's only anchor is its intro. */
function anchorsOf(unit: RuntimeCourse['units'][number]): Set<string> {
  const out = new Set<string>();
  if (unit.kind === 'lesson') {
    for (const page of unit.pages) {
      out.add(page.id);
      for (const block of page.blocks) {
        if (block.kind === 'question') out.add(block.question.id);
        if (block.kind === 'survey') out.add(block.survey.id);
      }
    }
  } else if (unit.kind === 'test') {
    out.add('intro');
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
    expect(result.course).toEqual({ id: 'integrity-ranger', title: 'E-Learning Petty Corruption: Integrity Ranger', version: '1.2.0' });
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
      const m = /^(lessons|scenarios|tests)\/(\d\d)-/.exec(path)!;
      byPrefix.set((m[1] === 'lessons' ? '' : `${m[1]}/`) + m[2], anchorsOf(course.units[i]!));
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

describe('the default course’s pre-test, final test and surveys (issue 12)', () => {
  const indexOf = (u: RuntimeCourse['units'][number]) => course.units.indexOf(u);
  const firstTeaching = course.units.findIndex((u) => u.kind === 'lesson' && u.pages.some((p) => p.blocks.some((b) => b.kind === 'question')));
  const lastScenario = course.units.map((u) => u.kind).lastIndexOf('scenario');
  const surveys = course.units.flatMap((u, i) =>
    u.kind === 'lesson' ? u.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'survey' ? [{ unit: i, survey: b.survey }] : []))) : [],
  );

  it('scores by the final test alone, passing at 80 within two or three attempts', () => {
    expect(course.scoring).toBe('final-test');
    expect(course.passingScore).toBe(80);
    expect(tests.map((t) => t.role).sort()).toEqual(['final', 'pre']);
    expect(finalTest.passingScore).toBe(80);
    expect([2, 3]).toContain(finalTest.attempts);
    expect(preTest.attempts).toBe(1);
    expect(preTest.pool, 'both tests draw from the same pool').toBe(finalTest.pool);
  });

  it('puts the pre-test before the first lesson that teaches and the final test after the last scenario', () => {
    expect(indexOf(preTest)).toBeLessThan(firstTeaching);
    expect(indexOf(finalTest)).toBeGreaterThan(lastScenario);
  });

  it('draws from a pool of at least 30 questions covering every dimension, enough for each draw of both tests', () => {
    expect(pool.length).toBeGreaterThanOrEqual(30);
    expect(new Set(pool.map((q) => q.id)).size).toBe(pool.length);
    const dims = course.dimensions.map((d) => d.id);
    expect(dims).toHaveLength(7);
    const perDim = new Map(dims.map((d) => [d, pool.filter((q) => q.dimension === d).length]));
    expect(pool.filter((q) => !q.dimension || !dims.includes(q.dimension)).map((q) => q.id)).toEqual([]);
    for (const t of [preTest, finalTest]) {
      expect(t.perDimension, `${t.id} draws per dimension`).toBe(true);
      // More than one attempt's worth, so a retake can draw other questions.
      for (const [d, n] of perDim) expect(n, `${d} in the pool for ${t.id}`).toBeGreaterThan(t.draw);
    }
  });

  it('uses every question type, and every question gives feedback per answer or per outcome', () => {
    expect([...new Set(pool.map((q) => q.type ?? 'choice'))].sort()).toEqual(['choice', 'fill-in', 'matching', 'numeric', 'sequencing', 'true-false']);
    const silent = pool.filter((q) =>
      q.type === 'matching' || q.type === 'sequencing' ? !q.outcome?.right || !q.outcome?.wrong : q.choices.some((c) => !c.feedbackHtml),
    );
    expect(silent.map((q) => q.id)).toEqual([]);
    // fill-in and numeric end with the catch-all, so no answer goes without feedback.
    const open = pool.filter((q) => (q.type === 'fill-in' || q.type === 'numeric') && !q.choices.at(-1)?.other);
    expect(open.map((q) => q.id)).toEqual([]);
  });

  it('asks the same dimensions in an attitude survey before the pre-test and after the last scenario', () => {
    const pre = surveys.filter((s) => s.survey.phase === 'pre');
    const post = surveys.filter((s) => s.survey.phase === 'post');
    expect([pre.length, post.length]).toEqual([1, 1]);
    expect(pre[0]!.unit).toBeLessThan(indexOf(preTest));
    expect(post[0]!.unit).toBeGreaterThan(lastScenario);
    const dimsOf = (s: (typeof surveys)[number]) => s.survey.items.map((i) => i.dimension).sort();
    expect(dimsOf(pre[0]!)).toEqual(course.dimensions.map((d) => d.id).sort());
    expect(dimsOf(post[0]!)).toEqual(dimsOf(pre[0]!));
  });

  it('maps, in docs/legal-claims.md, every pool question once, with its type and dimension, to claim rows that exist', () => {
    const claimRows = new Set([...register.matchAll(/^\| (\d+) \| /gm)].map((m) => Number(m[1])));
    const mapped = [...register.matchAll(/^\| (bs-[a-z0-9-]+) \| ([a-z-]+) \| ([a-z-]+) \| [^|]+ \| ([\d, ]+) \|$/gm)];
    expect(mapped.map((m) => m[1]).sort()).toEqual(pool.map((q) => q.id).sort());
    for (const [, id, type, dimension, rows] of mapped) {
      const q = pool.find((p) => p.id === id)!;
      expect(`${type} ${dimension}`, id).toBe(`${q.type ?? 'choice'} ${q.dimension}`);
      const missing = rows!.split(',').map(Number).filter((n) => !claimRows.has(n));
      expect(missing, `${id}: rows not in the register`).toEqual([]);
    }
  });
});
