import type { Reporter } from 'vitest/node';
import type { RunnerTestFile, RunnerTask } from 'vitest';

/**
 * Ends the run with the plain closing line CI reads in any language:
 * `N passed, N failed, N skipped`, counted over every test case. A file that
 * fails to load counts as one failure.
 */
export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []): void {
    const count = { passed: 0, failed: errors.length, skipped: 0 };
    const walk = (t: RunnerTask) => {
      if (t.type === 'suite') {
        if (t.tasks.length === 0 && t.result?.state === 'fail') count.failed++;
        t.tasks.forEach(walk);
        return;
      }
      const s = t.result?.state;
      if (s === 'pass') count.passed++;
      else if (s === 'fail') count.failed++;
      else count.skipped++;
    };
    files.forEach(walk);
    // After the default reporter's summary, so it is the last line of the run.
    setImmediate(() => process.stdout.write(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`));
  }
}
