/**
 * Which player a package gets: the lighter player.js for a course without
 * typed questions, surveys and tests, the full one (with their engine) and
 * player-assess.js (their screens) for a course with them. Stand-in player
 * bytes (test/helpers/tool.ts) tell which was shipped.
 */
import { describe, expect, it } from 'vitest';
import { PLAYER_BUNDLES } from '../../src/targets/registry.js';
import { compileFolder } from '../helpers/compile.js';
import { V110 } from '../helpers/package.js';

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : '(none)');
const targets = PLAYER_BUNDLES.map((b) => b.id).filter((id) => id !== 'web') as Array<'scorm12' | 'scorm2004' | 'cmi5' | 'xapi'>;

describe('the player a package gets', () => {
  it('a course with tests and surveys: the full player.js of its target, and player-assess.js', async () => {
    const r = await compileFolder('test/fixtures/assess-all/content', targets);
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
    for (const a of r.artifacts) {
      expect(text(a.files.get('player.js')), a.target).toBe(`/* ${a.target} player with issue 12's engine */`);
      expect(a.files.has('player-assess.js'), a.target).toBe(true);
    }
  });
  it('a course without them: the lighter player.js, and no player-assess.js', async () => {
    const r = await compileFolder(V110, targets);
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
    for (const a of r.artifacts) {
      expect(text(a.files.get('player.js')), a.target).toBe(`/* ${a.target} player */`);
      expect(a.files.has('player-assess.js'), a.target).toBe(false);
    }
  });
});
