// wasmedge_plugin.hpp's contract, through a fixture plug-in built with the
// SDK's CMake config and called with @ws/core's HostModule.bind: results,
// Trap codes, exceptions turned into HostFuncError, Terminate, bounds checks,
// and host data kept per module instance.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GuestTerminated, HostFunctionError, Plugin } from '@ws/core';
import { beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const sdk = createRequire(import.meta.url)('../index.js') as { cmakeDir: string };

type Fixture = {
  ok(x: number): number;
  user_trap(code: number): void;
  runtime_error(): void;
  stop(): void;
  read(ptr: number, len: number): number;
};

describe('wasmedge_plugin.hpp', () => {
  let plugin: Plugin;
  const memory = new WebAssembly.Memory({ initial: 1 });

  beforeAll(() => {
    const build = mkdtempSync(join(tmpdir(), 'ws-sdk-wrapper-'));
    for (const args of [['-S', join(here, 'wrapper-fixture'), '-B', build, `-DWsPlugin_DIR=${sdk.cmakeDir}`], ['--build', build]]) {
      const result = spawnSync('cmake', args, { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`cmake ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    }
    [plugin] = Plugin.loadFromPath(join(build, 'libsdk_wrapper_fixture.so'));
  });

  function bind() {
    const module = plugin.createModule('sdk_wrapper');
    return { module, fns: module.bind<Fixture>(memory) };
  }

  it('returns results and keeps host data per module instance', () => {
    const a = bind();
    const b = bind();
    expect([a.fns.ok(10), a.fns.ok(10), a.fns.ok(10)]).toEqual([10, 11, 12]);
    expect(b.fns.ok(10)).toBe(10);
    a.module.dispose();
    b.module.dispose();
  });

  it('throw Trap{user_error(7)} traps with category 1 and code 7', () => {
    const { module, fns } = bind();
    const error = (() => {
      try {
        fns.user_trap(7);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(HostFunctionError);
    expect((error as HostFunctionError).category).toBe(1);
    expect((error as HostFunctionError).errorCode).toBe(7);
    module.dispose();
  });

  it('any other exception becomes HostFuncError (0x040e) instead of unwinding into the host', () => {
    const { module, fns } = bind();
    expect(() => fns.runtime_error()).toThrow(/sdk_wrapper\.runtime_error .* WasmEdge error 0x040e \(host function failed\)/);
    expect(fns.ok(1)).toBe(1); // the module still works
    module.dispose();
  });

  it('terminate() ends the guest like proc_exit(0)', () => {
    const { module, fns } = bind();
    expect(() => fns.stop()).toThrow(GuestTerminated);
    module.dispose();
  });

  it('GuestMemory::bytes checks bounds: inside works, one byte past the end traps with 0x0408', () => {
    const { module, fns } = bind();
    new Uint8Array(memory.buffer).set([1, 2, 3], 65533);
    expect(fns.read(65533, 3)).toBe(6);
    expect(fns.read(65536, 0)).toBe(0);
    expect(() => fns.read(65533, 4)).toThrow(/WasmEdge error 0x0408 \(out of bounds memory access\)/);
    expect(() => fns.read(0, -1)).toThrow(/WasmEdge error 0x0408/);
    module.dispose();
  });
});
