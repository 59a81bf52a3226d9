/**
 * Every package target the compiler builds, in the order `--target` lists
 * them. Adding a target is adding its module here (and its player entry and
 * transport under src/player/).
 */
import type { PackageTarget, TargetId } from '../shared/runtime-types.js';
import { cmi5 } from './cmi5/index.js';
import { scorm12 } from './scorm12/index.js';
import { scorm2004 } from './scorm2004/index.js';
import { shippedFiles, type Target } from './target.js';
import { xapi } from './xapi/index.js';

export { shippedFiles } from './target.js';
export type { Target, TargetProblem, ShippedFiles } from './target.js';

export const TARGETS: readonly Target[] = [scorm12, scorm2004, cmi5, xapi];

/** Every target's id, in registry order. */
export const PACKAGE_TARGETS: readonly PackageTarget[] = TARGETS.map((t) => t.id);

/** What `build` makes when no `--target` is given. */
export const DEFAULT_TARGETS: readonly PackageTarget[] = ['scorm12', 'xapi'];

export function isPackageTarget(id: string): id is PackageTarget {
  return (PACKAGE_TARGETS as readonly string[]).includes(id);
}

export function targetById(id: PackageTarget): Target {
  const t = TARGETS.find((x) => x.id === id);
  if (!t) throw new Error(`no target ${id}`);
  return t;
}

/** Every player bundle scripts/build.mjs makes: each target's, and the plain web one. */
export const PLAYER_BUNDLES: readonly { id: TargetId; entry: string }[] = [
  ...TARGETS.map((t) => ({ id: t.id, entry: t.playerEntry })),
  { id: 'web', entry: 'src/player/entry-web.ts' },
];

/**
 * esbuild's `define` for every player.js (src/shared/lite.d.ts): the code only
 * typed questions, surveys and tests need stays out of the first page, in
 * player-assess.js.
 */
export const FIRST_PAGE_DEFINE: Readonly<Record<string, string>> = { 'globalThis.IR_LITE': 'true' };

/** Every media script scripts/build.mjs makes: one per target that records media. */
export const MEDIA_BUNDLES: readonly { id: PackageTarget; entry: string }[] = TARGETS.flatMap((t) => (t.mediaEntry ? [{ id: t.id, entry: t.mediaEntry }] : []));

/** Every tool file some target ships, by its path under the tool's root (ToolAssets.shipped). */
export const SHIPPED_TOOL_FILES: readonly string[] = TARGETS.flatMap((t) => shippedFiles(t).map((f) => f.toolPath));
