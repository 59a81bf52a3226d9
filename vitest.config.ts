import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A test that asserts nothing proves nothing. Browser waits poll for up to 15 s: the
    // machine has two cores and runs two browser files at once.
    expect: { requireAssertions: true, poll: { timeout: 15_000, interval: 50 } },
    // Browser tests each start Chromium; two cores run two files at a time.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
