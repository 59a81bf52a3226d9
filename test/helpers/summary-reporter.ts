import type { Reporter } from 'vitest/node';
import type { RunnerTestFile, RunnerTask } from 'vitest';

/**
 * Ends the run with the plain closing line CI reads in any language:
 * `N passed, N failed, N skipped`, counted over every test case. A file that
 * fails to load counts as one failure.
 *
 * Under CI (`CI` set) a skipped test fails the run: a browser test that skips
 * because Chromium is missing proves nothing, and a green run must mean that
 * everything ran. Locally, `-t` filters and `.only` skip the rest as usual.
 */
export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []): void {
    const count = { passed: 0, failed: errors.length, skipped: 0 };
    const skipped: string[] = [];
    const walk = (t: RunnerTask, path: string) => {
      const name = path ? `${path} > ${t.name}` : t.name;
      if (t.type === 'suite') {
        if (t.tasks.length === 0 && t.result?.state === 'fail') count.failed++;
        t.tasks.forEach((c) => walk(c, name));
        return;
      }
      const s = t.result?.state;
      if (s === 'pass') count.passed++;
      else if (s === 'fail') count.failed++;
      else {
        count.skipped++;
        skipped.push(name);
      }
    };
    files.forEach((f) => walk(f, ''));
    const strict = Boolean(process.env['CI']) && count.skipped > 0;
    if (strict) process.exitCode = 1;
    // After the default reporter's summary, so it is the last line of the run.
    setImmediate(() => {
      if (strict) {
        process.stdout.write(`\nCI: ${count.skipped} test(s) skipped, which fails the run (is Chromium installed?):\n${skipped.slice(0, 20).map((n) => `  - ${n}\n`).join('')}`);
        process.exitCode = 1;
      }
      process.stdout.write(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
    });
  }
}
