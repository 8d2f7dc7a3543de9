// The last line of `pnpm test` / .ci/run must carry the real counts: vitest's
// numFailedTestSuites counts describe blocks too, so one failed test in one
// describe once printed "3 failed".
import { describe, expect, it } from 'vitest';
import { summarize } from '../../scripts/test-summary.mjs';

const file = (status: string, tests: string[]) => ({ status, assertionResults: tests.map((s) => ({ status: s })) });

describe('summarize (scripts/test-summary.mjs)', () => {
  it('one failed test inside a describe is one failure', () => {
    const report = {
      numPassedTests: 1459,
      numFailedTests: 1,
      numFailedTestSuites: 2,
      numPendingTests: 2,
      numTodoTests: 0,
      testResults: [file('failed', ['passed', 'failed']), file('passed', ['passed'])],
    };
    expect(summarize(report)).toEqual({ passed: 1459, failed: 1, skipped: 2 });
  });

  it('a file that failed without a failed test (did not load) counts as one failure', () => {
    const report = { numPassedTests: 3, numFailedTests: 0, numFailedTestSuites: 1, testResults: [file('failed', []), file('passed', ['passed', 'passed', 'passed'])] };
    expect(summarize(report)).toEqual({ passed: 3, failed: 1, skipped: 0 });
  });

  it('todo and skipped tests are reported as skipped, not passed', () => {
    expect(summarize({ numPassedTests: 2, numFailedTests: 0, numPendingTests: 1, numTodoTests: 1, testResults: [] })).toEqual({ passed: 2, failed: 0, skipped: 2 });
  });
});
