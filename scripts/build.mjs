// Builds the tool itself: the Node library (tsc → lib/) and the in-package
// player (esbuild → player-dist/), type-checking both.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const tsc = 'node_modules/typescript/bin/tsc';
rmSync('lib', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
// The preview page's script reaches the browser as one bundle (below), never as lib/ modules.
rmSync('lib/preview/host', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.player.json'], { stdio: 'inherit' });

// The command line as one file: resolving and loading some hundred small
// modules is most of a short build's start-up. The library stays in lib/ for
// code that imports it. xmllint-wasm loads its .wasm beside itself, and
// scorm-again is served to the browser from node_modules: both stay outside.
await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'lib/cli.bundle.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['xmllint-wasm', 'scorm-again'],
  // Bundled CommonJS dependencies call require(); ESM has none of its own.
  banner: { js: "import { createRequire as __irRequire } from 'node:module'; const require = __irRequire(import.meta.url);" },
  logLevel: 'warning',
});

rmSync('player-dist', { recursive: true, force: true });
mkdirSync('player-dist', { recursive: true });
// Old office PCs run old browsers: ES2019 keeps Chrome 73 / Firefox 68 / Edge 79 working.
const common = { bundle: true, minify: true, target: 'es2019', format: 'iife', legalComments: 'none', logLevel: 'warning' };
// One bundle per target, from the registry tsc has just compiled into lib/.
const { FIRST_PAGE_DEFINE, MEDIA_BUNDLES, PLAYER_BUNDLES } = await import('../lib/targets/registry.js');
for (const { id, entry } of PLAYER_BUNDLES) {
  await build({ ...common, define: FIRST_PAGE_DEFINE, entryPoints: [entry], outfile: `player-dist/${id}/player.js` });
  // The player.js of a course with typed questions, surveys or tests: the same with issue 12's engine (src/shared/lite.d.ts).
  await build({ ...common, entryPoints: [entry], outfile: `player-dist/${id}/player-full.js` });
}
// Loaded by the player only on a view with video or audio (src/shared/media.ts: the unit files that hold media load it).
for (const { id, entry } of MEDIA_BUNDLES) {
  await build({ ...common, entryPoints: [entry], outfile: `player-dist/${id}/player-media.js` });
}
// The results screen, the same for every target, loaded by the player when the learner gets near the end.
await build({ ...common, entryPoints: ['src/player/entry-results.ts'], outfile: 'player-dist/player-results.js' });
// The screens of typed questions, surveys and tests, the same for every target: loaded with the units that hold them (src/player/units.ts).
await build({ ...common, entryPoints: ['src/player/entry-assess.ts'], outfile: 'player-dist/player-assess.js' });
// The preview's host page (src/preview/host/), served by `preview` at /__ir/host.js; for the author's browser, not the learner's.
await build({ ...common, entryPoints: ['src/preview/host/main.ts'], outfile: 'player-dist/preview-host.js' });
await build({ ...common, format: undefined, bundle: true, entryPoints: ['src/player/player.css'], outfile: 'player-dist/player.css', loader: { '.css': 'css' } });
