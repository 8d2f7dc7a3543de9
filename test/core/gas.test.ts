// The gas limit of a Runtime (RuntimeOptions.gasLimit, gasMeasuring, lastGasUsed) with real guests:
// test/guests/gas_compute.c and limits.c, and WAT. Outputs and counts asserted exactly.
import { GasLimitError, Runtime, RuntimePool, WsError } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { captureStdout, guestBytes } from '../helpers/paths.js';
import { compileWat } from '../helpers/wat.js';

type Options = ConstructorParameters<typeof Runtime>[0];

async function run(bytes: Uint8Array, args: string[], options: Options = {}) {
  const result = await captureStdout(async (fd) => {
    const metered = new Runtime({ discoverPackages: false, ...options, args: ['guest.wasm', ...args], stdout: fd });
    try {
      return { code: await metered.run(bytes), gas: metered.lastGasUsed };
    } catch (error) {
      return { error: error as Error, gas: metered.lastGasUsed };
    } finally {
      metered.dispose();
    }
  });
  return { ...result.value, stdout: result.stdout };
}

// 10 iterations of a loop: 9 gas each (loop + 8 instructions), 2 ends (wasmedge 0.17 prints 92).
const LOOP = `(module
  (memory (export "memory") 1)
  (func (export "_start") (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))))`;

describe('RuntimeOptions.gasLimit / gasMeasuring', () => {
  it('gasMeasuring counts as WasmEdge does and leaves the run as it was', async () => {
    const bytes = await compileWat(LOOP);
    expect(await run(bytes, [], { gasMeasuring: true })).toEqual({ code: 0, gas: 92n, stdout: '' });
    expect(await run(bytes, [], {})).toEqual({ code: 0, gas: undefined, stdout: '' });
    expect(await run(bytes, [], { gasLimit: 92 })).toEqual({ code: 0, gas: 92n, stdout: '' });
  });

  it('past the limit: a GasLimitError (WS_GAS_LIMIT) with the limit, lastGasUsed the limit', async () => {
    const result = await run(await compileWat(LOOP), [], { gasLimit: 91n });
    expect(result.error).toBeInstanceOf(GasLimitError);
    expect(result.error).toBeInstanceOf(WsError);
    expect(result.error).toMatchObject({ code: 'WS_GAS_LIMIT', limit: 91n, gasUsed: 91n, name: 'GasLimitError' });
    expect(result.error?.message).toBe(
      'The guest used all of its gas limit of 91 (gas used: 91; one per instruction, as WasmEdge counts) and was stopped. Raise the limit (gasLimit / --gas-limit N) if the guest needs more, or look for an endless loop in it.',
    );
    expect(result.gas).toBe(91n);
  });

  it('a C guest: same output metered and not; stopped part way, it has printed what it printed before', async () => {
    const bytes = guestBytes('gas_compute');
    const plain = await run(bytes, ['1000', '3']);
    expect(plain).toEqual({ code: 0, gas: undefined, stdout: 'sieve 1000\nprimes 168\nchecksum 7ef7b439\n' });
    const measured = await run(bytes, ['1000', '3'], { gasMeasuring: true });
    expect(measured.stdout).toBe(plain.stdout);
    expect(measured.code).toBe(0);
    const stopped = await run(bytes, ['1000', '3'], { gasLimit: measured.gas! - 1n });
    expect(stopped.error).toBeInstanceOf(GasLimitError);
    expect(stopped.stdout).toBe(plain.stdout);
    const early = await run(bytes, ['1000', '3'], { gasLimit: 100_000 });
    expect(early.error).toBeInstanceOf(GasLimitError);
    expect(early.stdout).toBe('sieve 1000\n');
  });

  it('stops an endless loop; the process and a new Runtime work afterwards', async () => {
    const spin = await run(guestBytes('limits'), ['spin'], { gasLimit: 1_000_000 });
    expect(spin.error).toMatchObject({ code: 'WS_GAS_LIMIT', limit: 1_000_000n });
    expect(spin.stdout).toBe('spinning\n');
    expect(await run(guestBytes('limits'), ['grow', '1'], { gasLimit: 1_000_000 })).toMatchObject({ code: 0, stdout: 'pages 2\ngrow 1 = 2 (pages 3)\n' });
  });

  it("a guest's own trap stays a RuntimeError (unreachable) under a limit", async () => {
    const bytes = await compileWat('(module (memory (export "memory") 1) (func (export "_start") unreachable))');
    const result = await run(bytes, [], { gasLimit: 1000 });
    expect(result.error).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(result.error).not.toBeInstanceOf(GasLimitError);
    expect(result.error?.message).toBe('unreachable');
    expect(result.gas).toBe(1n);
  });

  it('refuses limits that are not whole numbers from 0 to 2^64 - 1 when the Runtime is made', () => {
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, 2n ** 64n, -1n, '100']) {
      expect(() => new Runtime({ gasLimit: bad as number })).toThrow(
        `gasLimit must be a whole number from 0 to 18446744073709551615 (a number up to 2^53 - 1, or a bigint), not ${String(bad)}. Pass e.g. 1000000 for a million instructions.`,
      );
    }
    expect(() => new Runtime({ gasLimit: 2n ** 64n - 1n })).not.toThrow();
  });

  it('needs the bytes: a compiled WebAssembly.Module is refused (WS_USAGE)', async () => {
    const module = new WebAssembly.Module(await compileWat(LOOP));
    const runtime = new Runtime({ discoverPackages: false, gasLimit: 10 });
    await expect(runtime.run(module)).rejects.toThrow(
      "gasLimit and gasMeasuring need the guest's bytes: a compiled WebAssembly.Module cannot be metered. Pass the bytes (Buffer, Uint8Array, ArrayBuffer) to run() / instantiate().",
    );
    runtime.dispose();
  });

  it('a guest the meter cannot read: WS_GAS_METERING naming the instruction', async () => {
    // (func try end): exception handling, which the meter does not take.
    const bytes = Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 7, 10, 1, 6, 0x5f, 0x73, 0x74, 0x61, 0x72, 0x74, 0, 0, 10, 7, 1, 5, 0, 0x06, 0x40, 0x0b, 0x0b]);
    const runtime = new Runtime({ discoverPackages: false, gasMeasuring: true });
    await expect(runtime.run(bytes)).rejects.toMatchObject({
      code: 'WS_GAS_METERING',
      message:
        'The guest cannot be metered for gas: instruction try at byte 35 is not supported by the gas meter. Run it without gasLimit / --gas-limit and --enable-gas-measuring, or rebuild it without that feature (exception handling and GC are not metered).',
    });
    runtime.dispose();
  });

  it.each(['worker', 'process'] as const)('isolation %s: the same count in lastGasUsed, the same GasLimitError', async (isolation) => {
    const bytes = guestBytes('gas_compute');
    const here = await run(bytes, ['1000', '3'], { gasMeasuring: true });
    const there = await run(bytes, ['1000', '3'], { gasMeasuring: true, isolation });
    expect(there).toEqual(here);
    const stopped = await run(bytes, ['1000', '3'], { gasLimit: 100_000, isolation });
    expect(stopped.error).toBeInstanceOf(GasLimitError);
    expect(stopped.error).toMatchObject({ code: 'WS_GAS_LIMIT', limit: 100_000n, gasUsed: 100_000n });
    expect(stopped.stdout).toBe('sieve 1000\n');
  });

  it('RuntimePool: each task is metered in its worker (the bytes are sent, not a shared module)', async () => {
    const bytes = guestBytes('gas_compute');
    const pool = new RuntimePool({ workers: 1, gasLimit: 100_000 });
    try {
      const error = await pool.run(bytes, { args: ['gas_compute.wasm', '1000', '3'] }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(GasLimitError);
      expect(await pool.run(bytes, { args: ['gas_compute.wasm', '10', '1'] })).toMatchObject({ exitCode: 0 });
    } finally {
      await pool.close();
    }
  });
});
