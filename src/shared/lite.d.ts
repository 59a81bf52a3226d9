/**
 * `true` in the player's first-page bundles (player.js), which scripts/build.mjs
 * builds with esbuild's `define`: the code that only typed questions, surveys
 * and tests need (issue 12) sits behind `!globalThis.IR_LITE` and drops out of
 * them, so they stay within the 40 KB budget. Everywhere else (Node, the tests,
 * player-assess.js, which brings the full engine for a course that needs it)
 * it is undefined and everything is there.
 */
declare var IR_LITE: true | undefined;
