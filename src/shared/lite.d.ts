/**
 * `true` in the player's first-page bundles (player.js), which scripts/build.mjs
 * builds with esbuild's `define`: the code that only typed questions, surveys
 * and tests need (issue 12) sits behind `!globalThis.IR_LITE` and drops out of
 * them, so they stay within the 40 KB budget. `player-full.js` is the same
 * bundle with it, shipped as player.js to a course that has them
 * (src/compile.ts). Everywhere else (Node, the tests, player-assess.js) it is
 * undefined and everything is there.
 */
declare var IR_LITE: true | undefined;
