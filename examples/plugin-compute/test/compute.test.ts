// The compute example: the native sgemm host function must give the same
// floats as the same kernel compiled into the guest (plain and SIMD builds),
// and must refuse bad matrices instead of touching memory outside the guest.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt, runWs } from '@ws/plugin-sdk/testing';
import { describe, expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const plugin = resolve(exampleDir, '../../native/build/examples/plugin-compute/libexample_compute.so');
const guests = ['sgemm', 'sgemm_simd'];

function guestRun(guest: string, args: string[]) {
  const wasm = join(exampleDir, 'guests/build', `${guest}.wasm`);
  assertBuilt([
    [plugin, 'node scripts/build-native.mjs'],
    [wasm, 'pnpm --filter @ws/example-plugin-compute build'],
  ]);
  return runWs(['run', '--plugin-path', plugin, wasm, ...args], { cwd: exampleDir, timeout: 60000 });
}

describe.each(guests)('compute example, guest %s', (guest) => {
  it('check: [[1,2],[3,4]] x [[5,6],[7,8]] = [[19,22],[43,50]] on both sides', () => {
    const run = guestRun(guest, ['check']);
    expect(run.stdout).toBe('host  [[19, 22], [43, 50]]\nguest [[19, 22], [43, 50]]\n');
    expect(run.status, run.stderr).toBe(0);
  });

  it.each([64, 100, 256])('bench %i: host and guest results are bit-identical', (n) => {
    const run = guestRun(guest, ['bench', String(n), '1']);
    expect(run.status, run.stderr).toBe(0);
    const match = /^n=(\d+) reps=1 guest_ms=([\d.]+) host_ms=([\d.]+) speedup=([\d.]+) max_abs_diff=(\S+) c00=(\S+)\n$/.exec(run.stdout);
    expect(match, run.stdout).not.toBeNull();
    expect(Number(match![1])).toBe(n);
    expect(match![5]).toBe('0');
    expect(Number(match![2])).toBeGreaterThan(0);
    expect(Number(match![3])).toBeGreaterThan(0);
  });

  it('bench 64 computes the expected C[0][0] (same LCG inputs every run)', () => {
    expect(guestRun(guest, ['bench', '64', '1']).stdout).toContain(' c00=0.053156\n');
  });
});

// [case, WasmEdge error code in the trap message]
const badCases: [string, string][] = [
  ['oob', '0x0408 (out of bounds memory access)'], // C at 0xFFFFFFF8: 16 bytes past the end
  ['huge', '0x040e (host function failed)'], // 100000 > the 65536 dimension limit
  ['negative', '0x040e (host function failed)'], // m = -1 is 4294967295 as u32
  ['overlap', '0x040e (host function failed)'], // C == A
];

describe('compute example: bad arguments trap the guest', () => {
  it.each(badCases)('bad %s', (which, code) => {
    const run = guestRun('sgemm', ['bad', which]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`host function compute.sgemm of plug-in example_compute failed with WasmEdge error ${code}`);
  });
});
