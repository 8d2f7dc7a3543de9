// Counts of a vitest JSON report for the line CI reads ("N passed, N failed").
// vitest's numFailedTestSuites counts every failed describe block as well as
// the file, so it is not added to the failed tests; a file that failed
// without any failed test (it did not load, or a hook threw) counts as one.

/** @param {{ numPassedTests?: number, numFailedTests?: number, numPendingTests?: number, numTodoTests?: number, testResults?: { status: string, assertionResults?: { status: string }[] }[] }} report */
export function summarize(report) {
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}
