/**
 * SPEC §5: player script + stylesheet ≤ 40 KB minified together, for every
 * target. Bundled here in memory with the options of scripts/build.mjs, so the
 * check needs no `npm run build` and fails on the change that breaks it.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { PLAYER_BUNDLES } from '../../src/targets/registry.js';

const BUDGET = 40 * 1024;
const common = { bundle: true, minify: true, target: 'es2019', legalComments: 'none', write: false, logLevel: 'silent' } as const;

async function bytes(entry: string, css = false): Promise<number> {
  const r = await build({ ...common, entryPoints: [entry], ...(css ? { loader: { '.css': 'css' as const } } : { format: 'iife' as const }) });
  return r.outputFiles[0]!.contents.length;
}

describe('player size budget', () => {
  it('every target: player.js + player.css ≤ 40 KB minified', async () => {
    const css = await bytes('src/player/player.css', true);
    for (const { id, entry } of PLAYER_BUNDLES) {
      const js = await bytes(entry);
      expect(js + css, `${id}: player.js ${js} + player.css ${css} bytes`).toBeLessThanOrEqual(BUDGET);
    }
  });

  it('the results screen is a script of its own that no first page loads (player-results.js), and no player carries it', async () => {
    const results = await bytes('src/player/entry-results.ts');
    console.info(`player-results.js: ${results} bytes`);
    expect(results).toBeGreaterThan(1000);
    expect(results).toBeLessThanOrEqual(8 * 1024);
    for (const { id, entry } of PLAYER_BUNDLES) {
      const r = await build({ ...common, format: 'iife', entryPoints: [entry] });
      // A class only the results screen builds.
      expect(r.outputFiles[0]!.text, id).not.toContain('ir-linkbtn');
    }
  });

  it('the player bundles no UI string table: the course carries its own', async () => {
    const r = await build({ ...common, format: 'iife', entryPoints: ['src/player/entry-xapi.ts'] });
    const js = r.outputFiles[0]!.text;
    expect(js).not.toContain('Periksa jawaban');
    expect(js).not.toContain('Check answer');
  });
});
