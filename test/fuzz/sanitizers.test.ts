// capi_tests (the stand-in's C-level checks, see test/capi/capi.test.ts) built
// with ASan + UBSan in native/build-fuzz and run once with LeakSanitizer on:
// every check must still pass and the run must end without a report.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFuzzers, fuzzBuildDir, fuzzerToolchainMissing, sanitizerEnv } from '../../scripts/fuzz.mjs';

const missing: string | null = fuzzerToolchainMissing();
const skip = missing !== null && !process.env.CI;
if (skip) console.warn(`[ws] sanitizer tests skipped: ${missing}`);

describe.skipIf(skip)('capi_tests under ASan + UBSan + LeakSanitizer', () => {
  beforeAll(() => {
    if (missing) throw new Error(`cannot build the sanitizer build under CI: ${missing}`);
    buildFuzzers({ stdio: 'pipe' });
  }, 600000);

  it('passes every check with no sanitizer report and no leak', () => {
    const result = spawnSync(join(fuzzBuildDir, 'host', 'capi_tests'), [], {
      encoding: 'utf8',
      env: sanitizerEnv(),
      timeout: 120000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    const reports = output.split('\n').filter((l) => /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:/.test(l));
    expect(reports, output.slice(-6000)).toEqual([]);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('not ok')), output.slice(-6000)).toEqual([]);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('ok ')).length).toBeGreaterThan(300);
    expect(result.status, output.slice(-6000)).toBe(0);
  });
});
