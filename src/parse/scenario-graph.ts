import type { At, Diagnostics } from '../core/diagnostics.js';
import type { Scenario } from '../core/model.js';
import { hintList } from './text.js';

/**
 * The graph rules of SPEC §1: unique scene ids, known targets, every scene
 * reachable from the start, an ending reachable from every scene.
 */
export function checkSceneGraph(s: Scenario, startAt: At, diags: Diagnostics): void {
  const byId = new Map<string, Scenario['scenes'][number]>();
  for (const scene of s.scenes) {
    const first = byId.get(scene.id);
    if (first) diags.report('IR213', scene.at, `scene id #${scene.id} is used twice (first at line ${first.at.line})`);
    else byId.set(scene.id, scene);
  }
  if (s.scenes.length === 0) return;
  let bad = false;
  const known = [...byId.keys()];
  for (const scene of s.scenes) {
    for (const c of scene.choices) {
      if (!byId.has(c.target)) {
        bad = true;
        diags.report('IR302', c.at, `choice leads to #${c.target}, which is not a scene of this scenario`, hintNear(c.target, known));
      }
    }
  }
  if (!s.scenes.some((sc) => sc.ending)) {
    diags.report('IR310', s.at, `scenario ${s.id} has no ending scene`, 'Add a scene without choices marked `{#id ending=pass}` or `ending=fail`.');
    return;
  }
  if (!byId.has(s.start)) {
    diags.report('IR307', startAt, `start scene #${s.start} does not exist`);
    return;
  }
  const reached = walk([s.start], (id) => byId.get(id)?.choices.map((c) => c.target) ?? []);
  for (const scene of byId.values()) {
    if (!reached.has(scene.id)) diags.report('IR303', scene.at, `scene #${scene.id} cannot be reached from the start scene #${s.start}`);
  }
  if (bad) return;
  // Reverse search from the endings finds every scene that can still finish.
  const incoming = new Map<string, string[]>();
  for (const scene of byId.values()) {
    for (const c of scene.choices) {
      const from = incoming.get(c.target);
      if (from) from.push(scene.id);
      else incoming.set(c.target, [scene.id]);
    }
  }
  const endings = [...byId.values()].filter((sc) => sc.ending).map((sc) => sc.id);
  const canFinish = walk(endings, (id) => incoming.get(id) ?? []);
  for (const scene of byId.values()) {
    if (reached.has(scene.id) && !canFinish.has(scene.id) && scene.choices.length > 0) {
      diags.report('IR304', scene.at, `from scene #${scene.id} no path leads to an ending`, 'Every loop needs a way out to an ending scene.');
    }
  }
}

function walk(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>(from);
  const stack = [...from];
  while (stack.length) {
    for (const n of next(stack.pop()!)) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}

function hintNear(id: string, known: string[]): string | undefined {
  // Ids are at most 64 characters and a real scenario has dozens of scenes: the limits keep
  // the O(n·m) distance and the hint's length off pathological input.
  const close = id.length <= 64 && known.length <= 1000 ? known.find((k) => Math.abs(k.length - id.length) <= 2 && distance(k, id) <= 2) : undefined;
  if (close) return `Did you mean #${close}?`;
  return known.length ? `Scenes here: ${hintList(known, (k) => '#' + k)}.` : undefined;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}
