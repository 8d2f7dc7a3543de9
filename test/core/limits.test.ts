// The time limit and the memory page limit of a Runtime (RuntimeOptions.timeLimitMs /
// memoryPageLimit) with real guests: test/guests/limits.c (spin, grow) and spin_host.wat
// (a JS host call that never returns). Outputs asserted exactly; no timing thresholds: a guest
// that is not stopped fails the test by its timeout.
import { openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MemoryPageLimitError, Runtime, TimeLimitError, WsError } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { captureStdout, guest, guestBytes, root } from '../helpers/paths.js';

const core = pathToFileURL(join(root, 'packages/core/dist/index.js')).href;
const timeLimitModule = pathToFileURL(join(root, 'packages/core/dist/runtime/time-limit.js')).href;

async function run(name: string, args: string[], options: ConstructorParameters<typeof Runtime>[0] = {}) {
  return captureStdout((fd) => {
    const runtime = new Runtime({ discoverPackages: false, ...options, args: [`${name}.wasm`, ...args], stdout: fd });
    return runtime.run(guestBytes(name)).finally(() => runtime.dispose());
  });
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, the promise resolved');
}

const timeLimitMessage = (ms: number) =>
  `The guest ran longer than its time limit of ${ms} ms and was stopped. Raise the limit (timeLimitMs / --time-limit) if the guest needs more time, or look for an endless loop in it.`;

describe('timeLimitMs', () => {
  it('stops a guest spinning in wasm code with a TimeLimitError, after what it printed', async () => {
    let error: Error | undefined;
    const { stdout } = await captureStdout(async (fd) => {
      const runtime = new Runtime({ discoverPackages: false, args: ['limits.wasm', 'spin'], stdout: fd, timeLimitMs: 200 });
      error = await rejection(runtime.run(guestBytes('limits')));
      runtime.dispose();
    });
    expect(stdout).toBe('spinning\n');
    expect(error).toBeInstanceOf(TimeLimitError);
    expect(error).toBeInstanceOf(WsError);
    expect(error).toMatchObject({ code: 'WS_TIME_LIMIT', limitMs: 200, message: timeLimitMessage(200) });
  });

  it('stops a JS host call that never returns', async () => {
    const runtime = new Runtime({
      discoverPackages: false,
      timeLimitMs: 150,
      imports: {
        env: {
          spin: () => {
            for (;;) {
              // an endless host call: only V8's termination gets out of it
            }
          },
        },
      },
    });
    const error = await rejection(runtime.run(guestBytes('spin_host')));
    expect(error).toMatchObject({ code: 'WS_TIME_LIMIT', limitMs: 150 });
  });

  it('leaves the thread usable: a timer fires and the next guest runs to its exit code', async () => {
    const timer = new Promise<string>((resolve) => setTimeout(() => resolve('timer fired'), 1));
    const runtime = new Runtime({ discoverPackages: false, args: ['limits.wasm', 'spin'], timeLimitMs: 100, stdout: openSync('/dev/null', 'w') });
    expect(await rejection(runtime.run(guestBytes('limits')))).toBeInstanceOf(TimeLimitError);
    expect(await timer).toBe('timer fired');
    const after = await run('wasi_only', ['exit7'], { timeLimitMs: 60000 });
    expect(after).toEqual({ value: 7, stdout: 'argc 2\nargv[1] exit7\nWS_GREETING (unset)\n' });
  });

  it('does not change a guest that finishes in time (0 is no limit)', async () => {
    expect(await run('limits', ['grow', '1'], { timeLimitMs: 60000 })).toEqual({ value: 0, stdout: 'pages 2\ngrow 1 = 2 (pages 3)\n' });
    expect(await run('limits', ['grow', '1'], { timeLimitMs: 0 })).toEqual({ value: 0, stdout: 'pages 2\ngrow 1 = 2 (pages 3)\n' });
  });

  it('also bounds a start function and a reactor\'s _initialize (instantiate() rejects)', async () => {
    const wabt = await (createRequire(import.meta.url)('wabt') as () => Promise<{ parseWat(name: string, text: string): { toBinary(o: object): { buffer: Uint8Array } } }>)();
    const build = (text: string) => wabt.parseWat('spin.wat', text).toBinary({}).buffer;
    const withStart = build('(module (memory (export "memory") 1) (func $spin (loop $l (br $l))) (start $spin) (func (export "_start")))');
    const reactor = build('(module (memory (export "memory") 1) (func (export "_initialize") (loop $l (br $l))) (func (export "f")))');
    for (const bytes of [withStart, reactor]) {
      const runtime = new Runtime({ discoverPackages: false, timeLimitMs: 100 });
      expect(await rejection(runtime.instantiate(bytes))).toMatchObject({ code: 'WS_TIME_LIMIT', limitMs: 100 });
    }
  });

  it('stops a guest spinning in a worker thread, which then runs another guest', async () => {
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { readFileSync, openSync } = require('node:fs');
      (async () => {
        const { Runtime } = await import(workerData.core);
        const devnull = openSync('/dev/null', 'w');
        const spinning = new Runtime({ discoverPackages: false, args: ['limits.wasm', 'spin'], stdout: devnull, timeLimitMs: 100 });
        const error = await spinning.run(readFileSync(workerData.limits)).then(() => undefined, (e) => e);
        const next = new Runtime({ discoverPackages: false, args: ['wasi_only.wasm', 'exit7'], stdout: devnull, timeLimitMs: 60000 });
        const code = await next.run(readFileSync(workerData.wasiOnly));
        parentPort.postMessage({ name: error && error.name, code: error && error.code, message: error && error.message, next: code });
      })().catch((error) => parentPort.postMessage({ failure: String((error && error.stack) || error) }));
    `;
    const worker = new Worker(source, { eval: true, workerData: { core, limits: guest('limits'), wasiOnly: guest('wasi_only') } });
    const result = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(result).toEqual({ name: 'TimeLimitError', code: 'WS_TIME_LIMIT', message: timeLimitMessage(100), next: 7 });
  });

  it('runs on V8 termination from the bridge here, and node:vm is the fallback without it', async () => {
    const { timeLimitPath, callWithVmTimeout } = (await import(timeLimitModule)) as typeof import('../../packages/core/src/runtime/time-limit.js');
    expect(timeLimitPath()).toBe('v8');
    const { instance } = await WebAssembly.instantiate(guestBytes('spin_host'), {
      env: {
        spin: () => {
          for (;;) {
            // endless
          }
        },
      },
    });
    let caught: unknown;
    try {
      callWithVmTimeout(instance.exports._start as () => void, 100);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'WS_TIME_LIMIT', limitMs: 100 });
    expect(callWithVmTimeout(() => 'done', 100)).toBe('done');
  });

  it('refuses a time limit that is not a whole number of milliseconds', () => {
    for (const value of [-1, 1.5, Number.NaN, 2 ** 32, '100']) {
      expect(() => new Runtime({ timeLimitMs: value as number })).toThrow(
        `timeLimitMs must be a whole number of milliseconds from 0 (no limit) to 4294967295, not ${String(value)}. Pass e.g. 5000 for five seconds.`,
      );
    }
  });
});

describe('memoryPageLimit', () => {
  it('memory.grow past the limit returns -1, as in WasmEdge', async () => {
    expect(await run('limits', ['grow', '1', '1', '100'], { memoryPageLimit: 3 })).toEqual({
      value: 0,
      stdout: 'pages 2\ngrow 1 = 2 (pages 3)\ngrow 1 = -1 (pages 3)\ngrow 100 = -1 (pages 3)\n',
    });
    expect(await run('limits', ['grow', '1'], { memoryPageLimit: 2 })).toEqual({ value: 0, stdout: 'pages 2\ngrow 1 = -1 (pages 2)\n' });
  });

  it('a declared minimum above the limit is a MemoryPageLimitError naming both numbers', async () => {
    const runtime = new Runtime({ discoverPackages: false, args: ['limits.wasm'], memoryPageLimit: 1 });
    const error = await rejection(runtime.run(guestBytes('limits')));
    expect(error).toBeInstanceOf(MemoryPageLimitError);
    expect(error).toMatchObject({
      code: 'WS_MEMORY_PAGE_LIMIT',
      memoryIndex: 0,
      minimumPages: 2,
      limitPages: 1,
      message:
        'Memory 0 of the guest needs at least 2 pages of 64 KiB, above its memory page limit of 1. Raise the limit (memoryPageLimit / --memory-page-limit) to 2 or more, or build the guest with a smaller initial memory.',
    });
  });

  it('caps an imported memory too: a memory without a maximum no longer links', async () => {
    // (module (import "env" "memory" (memory 1)) (func (export "_start")))
    const bytes = Uint8Array.from([
      0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 15, 1, 3, 101, 110, 118, 6, 109, 101, 109, 111, 114, 121, 2, 0, 1, 3, 2, 1, 0, 7, 10, 1, 6, 95,
      115, 116, 97, 114, 116, 0, 0, 10, 4, 1, 2, 0, 11,
    ]);
    const limited = new Runtime({ discoverPackages: false, memoryPageLimit: 4, imports: { env: { memory: new WebAssembly.Memory({ initial: 1, maximum: 4 }) } } });
    expect(await limited.run(bytes)).toBe(0);
    const unbounded = new Runtime({ discoverPackages: false, memoryPageLimit: 4, imports: { env: { memory: new WebAssembly.Memory({ initial: 1 }) } } });
    expect(await rejection(unbounded.run(bytes))).toBeInstanceOf(WebAssembly.LinkError);
  });

  it('needs the bytes, not a compiled module; refuses values that are no page count', async () => {
    const module = await WebAssembly.compile(guestBytes('limits'));
    const error = await rejection(new Runtime({ discoverPackages: false, memoryPageLimit: 10 }).run(module));
    expect(error).toMatchObject({
      code: 'WS_USAGE',
      message:
        "memoryPageLimit needs the guest's bytes: a compiled WebAssembly.Module cannot be given a smaller maximum. Pass the bytes (Buffer, Uint8Array, ArrayBuffer) to run() / instantiate().",
    });
    expect(() => new Runtime({ memoryPageLimit: 65537 })).toThrow('memoryPageLimit must be a whole number of 64 KiB pages from 0 to 65536, not 65537. Pass e.g. 160 for 10 MiB.');
  });
});
