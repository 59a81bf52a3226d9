/**
 * Under CI a skipped test fails the run (issue 10): without Chromium the
 * browser tests skip, and a run that still passed would hide it. Runs vitest
 * with the project's reporter over a probe with one passing and one skipped test.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/package.js';

const PROBE = join(ROOT, 'test/helpers/ci-probe');
const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');

function run(ci: boolean) {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: ci ? 'true' : '' };
  const r = spawnSync(process.execPath, [VITEST, 'run', '--config', 'vitest.config.mjs'], { cwd: PROBE, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout };
}

describe('skipped tests under CI', () => {
  it('fail the run under CI, naming what was skipped, and pass it elsewhere', () => {
    const ci = run(true);
    expect(ci.out).toMatch(/CI: 1 test\(s\) skipped, which fails the run/);
    expect(ci.out).toContain('is skipped, as a browser test is without Chromium');
    expect(ci.out.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed, 1 skipped');
    expect(ci.status).toBe(1);

    const local = run(false);
    expect(local.out.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed, 1 skipped');
    expect(local.status).toBe(0);
  }, 60_000);
});
