import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { ToolAssets } from '../compile.js';
import { MEDIA_BUNDLES, PLAYER_BUNDLES, SHIPPED_TOOL_FILES } from '../targets/registry.js';
import type { TargetId } from '../shared/runtime-types.js';

/**
 * The package root of the tool itself: the nearest folder above this module
 * with our package.json. Searched rather than fixed, because this module runs
 * from src/node (tests), lib/node (the library) and lib/ (the bundled CLI).
 */
export const TOOL_ROOT = findToolRoot(dirname(fileURLToPath(import.meta.url)));

function findToolRoot(from: string): string {
  for (let dir = from, i = 0; i < 5; i++, dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'integrity-ranger') return dir;
  }
  return join(from, '..', '..');
}

export class ToolNotBuiltError extends Error {}

/** Reads the tool's own player, template and schemas, once per process. */
export async function loadToolAssets(): Promise<ToolAssets> {
  const pkg = JSON.parse(await readFile(join(TOOL_ROOT, 'package.json'), 'utf8')) as { version: string };
  const read = (p: string) => readFile(join(TOOL_ROOT, p));
  let playerCss: Buffer;
  let playerResults: Buffer;
  let playerAssess: Buffer;
  const playerScripts: Partial<Record<TargetId, Uint8Array>> = {};
  const fullPlayerScripts: Partial<Record<TargetId, Uint8Array>> = {};
  const mediaScripts: Partial<Record<TargetId, Uint8Array>> = {};
  try {
    playerCss = await read('player-dist/player.css');
    playerResults = await read('player-dist/player-results.js');
    playerAssess = await read('player-dist/player-assess.js');
    for (const { id } of PLAYER_BUNDLES) {
      playerScripts[id] = await read(`player-dist/${id}/player.js`).catch(() => undefined);
      fullPlayerScripts[id] = await read(`player-dist/${id}/player-full.js`).catch(() => undefined);
    }
    for (const { id } of MEDIA_BUNDLES) mediaScripts[id] = await read(`player-dist/${id}/player-media.js`).catch(() => undefined);
  } catch {
    throw new ToolNotBuiltError('the player is not built: run `npm run build` in the integrity-ranger folder');
  }
  const shipped = new Map<string, Uint8Array>();
  for (const path of SHIPPED_TOOL_FILES) shipped.set(path, await read(path));
  return {
    version: pkg.version,
    indexTemplate: await readFile(join(TOOL_ROOT, 'templates', 'index.html.hbs'), 'utf8'),
    playerCss,
    playerResults,
    playerAssess,
    playerScripts,
    fullPlayerScripts,
    mediaScripts,
    shipped,
  };
}
