import type { At, Diagnostics } from '../core/diagnostics.js';
import type { Scenario } from '../core/model.js';
import { closest, hintList } from './text.js';

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
  // A mistyped link is reported once: for reachability it leads where it surely meant to
  // (the one close id), and when nobody can tell where it meant, no scene is called unreachable.
  let guessed = true;
  const meant = new Map<string, string>();
  const known = [...byId.keys()];
  for (const scene of s.scenes) {
    for (const c of scene.choices) {
      if (!byId.has(c.target)) {
        bad = true;
        const close = closest(c.target, known);
        if (close) meant.set(c.target, close);
        else guessed = false;
        diags.report('IR302', c.at, `choice leads to #${c.target}, which is not a scene of this scenario`, hintNear(close, known));
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
  const reached = walk([s.start], (id) => byId.get(id)?.choices.map((c) => meant.get(c.target) ?? c.target) ?? []);
  for (const scene of byId.values()) {
    if (guessed && !reached.has(scene.id)) diags.report('IR303', scene.at, `scene #${scene.id} cannot be reached from the start scene #${s.start}`);
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

function hintNear(close: string | null, known: string[]): string | undefined {
  if (close) return `Did you mean #${close}?`;
  return known.length ? `Scenes here: ${hintList(known, (k) => '#' + k)}.` : undefined;
}
