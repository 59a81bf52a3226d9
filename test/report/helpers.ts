/** Paths the report tests share. */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RuntimeCourse } from '../../src/shared/runtime-types.js';

/** The real Moodle 4.3 exports (read-only, shared). */
export const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/moodle-4.3-reports');
/** Course 1.0.0, with which those exports were made. */
export const COURSE_100 = join(import.meta.dirname, '../courses/integrity-ranger-1.0.0');

/** SPEC §3 from first answers and first endings, by hand: per dimension and for the course. */
export function spec3(c: RuntimeCourse, recorded: { id: string; response: string }[]): { course: number; dims: Record<string, number> } {
  const earned: Record<string, number> = {};
  const possible: Record<string, number> = {};
  const add = (dim: string | null, points: number, got: number) => {
    for (const k of ['*', dim ?? '']) {
      earned[k] = (earned[k] ?? 0) + got;
      possible[k] = (possible[k] ?? 0) + points;
    }
  };
  const letters = (r: string) => r.split(',').sort().join(',');
  for (const u of c.units) {
    if (u.kind === 'lesson') {
      for (const p of u.pages) {
        for (const b of p.blocks) {
          if (b.kind !== 'question') continue;
          const q = b.question;
          const first = recorded.find((r) => r.id === q.id);
          const right = q.choices.map((ch, i) => (ch.correct ? String.fromCharCode(97 + i) : '')).filter(Boolean).join(',');
          add(q.dimension, q.points, first && letters(first.response) === right ? q.points : 0);
        }
      }
    } else {
      // Walk the first play: from the start scene, each recorded choice of the scene we are on, to an ending.
      let scene = u.scenes.find((s) => s.id === u.start)!;
      const choices = recorded.filter((r) => r.id.startsWith(u.id + '.'));
      for (const r of choices) {
        if (scene.ending) break;
        expect(r.id).toBe(`${u.id}.${scene.id}`);
        scene = u.scenes.find((s) => s.id === scene.choices[r.response.charCodeAt(0) - 97]!.target)!;
      }
      expect(scene.ending, `${u.id} played to an ending`).not.toBeNull();
      add(u.dimension, u.points, (u.points * scene.ending!.score) / 100);
    }
  }
  const pct = (k: string) => Math.floor((2 * 100 * earned[k]! + possible[k]!) / (2 * possible[k]!));
  const dims: Record<string, number> = {};
  for (const d of c.dimensions) if (possible[d.id]) dims[d.id] = pct(d.id);
  return { course: pct('*'), dims };
}

