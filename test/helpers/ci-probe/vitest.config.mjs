// The project's closing reporter over one probe file (see test/cli/ci-skips.test.ts).
export default {
  test: {
    include: ['probe.spec.ts'],
    reporters: ['../summary-reporter.ts'],
  },
};
