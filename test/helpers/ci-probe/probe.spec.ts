// Run only by test/cli/ci-skips.test.ts, with its own config: one test passes, one is skipped.
import { expect, it } from 'vitest';

it('runs', () => {
  expect(1).toBe(1);
});

it.skip('is skipped, as a browser test is without Chromium', () => {
  expect(1).toBe(2);
});
