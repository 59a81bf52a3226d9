/**
 * What the page knows, shared by its modules: the current build, the LRS's
 * statements and State documents (from the server's events), the location
 * renames not yet applied, and the one redraw of the panel per frame.
 */
import type { StateDocument, StoredStatement } from '../lrs.js';
import type { PreviewBuild } from '../protocol.js';

export const store = {
  build: null as PreviewBuild | null,
  /** The live build the frame was last launched with. */
  liveN: null as number | null,
  /** Location renames (old → new) from builds not yet applied to the learner's saved data. */
  moves: [] as Record<string, string>[],
  statements: [] as StoredStatement[],
  states: [] as StateDocument[],
};

/** A saved location after this session's renames. */
export function relocate(loc: string): string {
  for (const m of store.moves) if (loc && Object.prototype.hasOwnProperty.call(m, loc)) loc = m[loc]!;
  return loc;
}

let draw: () => void = () => undefined;
let scheduled = false;

export function onRender(fn: () => void): void {
  draw = fn;
}

/** Redraws the panel once, at the next frame, however many changes came before it. */
export function renderSoon(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    draw();
  });
}
