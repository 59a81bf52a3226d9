import { readFileSync } from 'node:fs';
import type { ToolAssets } from '../../src/compile.js';
import { MEDIA_BUNDLES, PLAYER_BUNDLES, SHIPPED_TOOL_FILES } from '../../src/targets/registry.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** The tool's real template and schemas with stand-in player bytes, so pure tests need no `npm run build`. */
export function testToolAssets(): ToolAssets {
  return {
    version: '0.0.0-test',
    indexTemplate: readFileSync('templates/index.html.hbs', 'utf8'),
    playerCss: enc('/* player css */'),
    playerResults: enc('/* results */'),
    playerAssess: enc('/* assess */'),
    playerScripts: Object.fromEntries(PLAYER_BUNDLES.map(({ id }) => [id, enc(`/* ${id} player */`)])),
    fullPlayerScripts: Object.fromEntries(PLAYER_BUNDLES.map(({ id }) => [id, enc(`/* ${id} player with issue 12's engine */`)])),
    mediaScripts: Object.fromEntries(MEDIA_BUNDLES.map(({ id }) => [id, enc(`/* ${id} media */`)])),
    shipped: new Map(SHIPPED_TOOL_FILES.map((p) => [p, new Uint8Array(readFileSync(p))])),
  };
}
