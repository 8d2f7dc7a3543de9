// Real guests (compiled from C and WAT in the build) run through real plug-ins
// with @ws/core's JS API; outputs asserted exactly (see test/guests/README.md).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GuestTerminated, HostFunctionError, ImportResolutionError, Plugin, Runtime, WsError } from '@ws/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DEFAULT_OUTPUT, FIXTURE_OOB_OUTPUT } from '../helpers/fixture-output.js';
import { captureStdout, FIXTURE_PLUGIN, fixtureDir, guestBytes, root } from '../helpers/paths.js';

beforeAll(() => {
  Plugin.loadFromPath(FIXTURE_PLUGIN);
  Plugin.loadFromPath(fixtureDir('wasmedge_plugintest_c'));
});


// Installed npm plug-in packages are not discovered here: these tests load
// plug-ins by path, so what is installed in the workspace cannot change them.
async function runGuest(name: string, args: string[] = [], options: ConstructorParameters<typeof Runtime>[0] = {}) {
  let runtime: Runtime | undefined;
  try {
    const { value, stdout } = await captureStdout((fd) => {
      runtime = new Runtime({ discoverPackages: false, ...options, args: [`${name}.wasm`, ...args], stdout: fd });
      return runtime.run(guestBytes(name));
    });
    return { code: value, stdout };
  } finally {
    runtime?.dispose();
  }
}

describe('Runtime.run with the fixture plug-in', () => {
  it('calls every fixture function with every value type, multi-value results and guest memory', async () => {
    const { code, stdout } = await runGuest('fixture_calls');
    expect(stdout).toBe(FIXTURE_DEFAULT_OUTPUT);
    expect(code).toBe(0);
  });

  it('passes plug-in options of every type', async () => {
    const { stdout } = await runGuest('fixture_calls', [], {
      pluginOptions: { greeting: 'hi', scale: 3, verbose: true, ratio: 0.5, tags: ['a', 'b'] },
    });
    expect(stdout).toContain('get_option 128 = 0 written 2 "hi"\nget_option 2 = 0 written 2 "hi"\n');
    expect(stdout).toContain('option_summary = 48 "greeting=hi scale=3 verbose=1 ratio=0.5 tags=a,b"\n');
  });

  it('an option given without a value takes its implicit value; the next runtime starts from the defaults', async () => {
    const withDefault = await runGuest('fixture_calls', [], { pluginOptions: { greeting: null } });
    expect(withDefault.stdout).toContain('get_option 128 = 0 written 5 "hello"\nget_option 2 = 0 written 2 "he"\n');
    const plain = await runGuest('fixture_calls');
    expect(plain.stdout).toBe(FIXTURE_DEFAULT_OUTPUT);
  });

  it('out-of-range pointers and huge lengths give error codes, never a crash', async () => {
    const { code, stdout } = await runGuest('fixture_calls', ['oob']);
    expect(code).toBe(0);
    expect(stdout).toBe(FIXTURE_OOB_OUTPUT);
  });

  it('host data is per module instance: counter() counts 1 2 3', async () => {
    const { stdout } = await runGuest('fixture_calls', ['counter']);
    expect(stdout).toBe('counter = 1\ncounter = 2\ncounter = 3\n');
  });

  it('a plug-in calls back into the guest (calling frame module + executor)', async () => {
    const { stdout } = await runGuest('fixture_calls', ['callback']);
    expect(stdout).toBe(
      'call_export double_it 21 = 42\ncall_export double_it -4 = -8\ncall_export missing 1 = -1\ncall_export _start 1 = -1\nlist_exports = 2\n',
    );
  });

  it('Terminate ends the guest like proc_exit(0)', async () => {
    const { code, stdout } = await runGuest('fixture_calls', ['terminate']);
    expect(code).toBe(0);
    expect(stdout).toBe('before terminate\n');
  });

  it('Fail traps with a RuntimeError naming plug-in, function and code', async () => {
    const error = await runGuest('fixture_calls', ['fail']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(error).toBeInstanceOf(HostFunctionError);
    const failure = error as HostFunctionError;
    expect(failure.plugin).toBe('ws_fixture');
    expect(failure.function).toBe('ws_fixture.fail');
    expect(failure.errorCode).toBe(2);
    expect(failure.category).toBe(0);
    expect(failure.message).toMatch(/host function ws_fixture\.fail of plug-in ws_fixture failed with WasmEdge error 0x0002 \(generic runtime error\)/);
  });

  it('a user-level error code is reported as such', async () => {
    const error = (await runGuest('fixture_calls', ['fail_user']).catch((e: unknown) => e)) as HostFunctionError;
    expect(error).toBeInstanceOf(HostFunctionError);
    expect([error.category, error.errorCode]).toEqual([1, 42]);
    expect(error.message).toMatch(/user error 0x2a \(user defined error code\)/);
  });

  it('a guest without memory gets error codes from memory functions', async () => {
    const { code, stdout } = await runGuest('no_memory');
    expect(stdout).toBe('');
    expect(code).toBe(11);
  });

  it('runs finalizers of plug-in host data when the runtime is disposed', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'ws-fin-')), 'finalizer.log');
    process.env.WS_FIXTURE_FINALIZER_LOG = log;
    try {
      const runtime = new Runtime({ discoverPackages: false, args: ['fixture_calls.wasm', 'counter'] });
      await runtime.instantiate(guestBytes('fixture_calls'));
      expect(runtime.modules.has('ws_fixture')).toBe(true);
      const before = (() => {
        try {
          return readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
        } catch {
          return 0;
        }
      })();
      runtime.dispose();
      const after = readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
      expect(after).toBe(before + 1);
    } finally {
      delete process.env.WS_FIXTURE_FINALIZER_LOG;
    }
  });

  it("WasmEdge's C test plug-in works unchanged", async () => {
    const { code, stdout } = await runGuest('plugintest_c');
    expect(code).toBe(0);
    expect(stdout).toContain('add 2 3 = 5\n');
    expect(stdout).toContain('sub 10 4 = 6\n');
    expect(stdout).toContain('sub 1 8 = -7\n');
  });
});

describe('import resolution', () => {
  it('fails with one error listing every unresolved import and the packages to install', async () => {
    const error = (await new Runtime({ discoverPackages: false }).instantiate(guestBytes('unresolved')).catch((e: unknown) => e)) as ImportResolutionError;
    expect(error).toBeInstanceOf(ImportResolutionError);
    expect(error.code).toBe('WS_IMPORT_UNRESOLVED');
    expect(error.unresolved.map((u) => `${u.module}.${u.name}`).sort()).toEqual([
      'nonexistent_mod.f',
      'wasi_ephemeral_nn.load',
      'wasmedge_process.wasmedge_process_run',
      'ws_fixture.no_such_function',
    ]);
    expect(error.unresolved.find((u) => u.module === 'wasmedge_process')!.package).toBe('@ws/process');
    expect(error.unresolved.find((u) => u.module === 'wasi_ephemeral_nn')!.package).toBe('@ws/wasi-nn');
    expect(error.message).toMatch(/pnpm add @ws\/process @ws\/wasi-nn/);
    // One fix line per kind of cause: unknown modules, packages to install, a function the plug-in lacks.
    expect(error.message.split('\n').slice(-3).sort()).toEqual([
      'For modules ws does not know: load the plug-ins that provide them (--plugin-path, WASMEDGE_PLUGIN_PATH, Plugin.loadFromPath()) or pass JS modules in RuntimeOptions.imports.',
      'Install the plug-in packages: pnpm add @ws/process @ws/wasi-nn; or load plug-ins with --plugin-path / Plugin.loadFromPath().',
      'Use the plug-in version the guest was built for, or rebuild the guest against this one.',
    ]);
    expect(error.message).toMatch(/ws_fixture\.no_such_function: plug-in ws_fixture has no function no_such_function/);
  });

  it("WasmEdge's extra WASI functions resolve to ENOSYS", async () => {
    const { code, stdout } = await runGuest('extra_wasi');
    expect(code).toBe(0);
    expect(stdout).toBe('sock_open = 52\nsock_getaddrinfo = 52\n');
  });

  it('user JS modules take part in resolution and take precedence', async () => {
    const calls: number[][] = [];
    const { stdout } = await runGuest('fixture_calls', ['counter'], {
      imports: {
        ws_fixture: new Proxy(
          {},
          {
            has: (_, name) => name === 'counter' || true,
            get: (_, name) => (name === 'counter' ? () => (calls.push([1]), 40 + calls.length) : () => 0),
          },
        ),
      },
    });
    expect(stdout).toBe('counter = 41\ncounter = 42\ncounter = 43\n');
  });

  it('a host function whose type differs from the import is refused', async () => {
    const wabt = await (await import('wabt')).default();
    const wat = '(module (import "ws_fixture" "add_i32" (func (param i64) (result i32))) (memory 1) (func (export "_start")))';
    const bytes = wabt.parseWat('t.wat', wat).toBinary({}).buffer;
    const error = (await new Runtime({ discoverPackages: false }).instantiate(bytes).catch((e: unknown) => e)) as ImportResolutionError;
    expect(error.code).toBe('WS_IMPORT_TYPE_MISMATCH');
    expect(error.message).toMatch(/guest imports \(i64\) -> \(i32\), plug-in ws_fixture provides \(i32, i32\) -> \(i32\)/);
    expect(error.message).toMatch(/\nRebuild the guest against the function types the host provides \(ws typegen <plugin> prints a plug-in's\)\.$/);
  });

  it('refuses bytes that are not WebAssembly', async () => {
    const error = (await new Runtime({ discoverPackages: false }).run(Buffer.from('#!/bin/sh\necho hi\n')).catch((e: unknown) => e)) as WsError;
    expect(error.code).toBe('WS_NOT_WASM');
    expect(error.message).toMatch(/not a WebAssembly binary/);
  });

  it('refuses an option no plug-in declares, naming the package when it is known', async () => {
    await expect(new Runtime({ discoverPackages: false, pluginOptions: { 'allow-command': ['ls'] } }).run(guestBytes('wasi_only'))).rejects.toThrow(
      /--allow-command belongs to wasmedge_process, which is not installed\. Install it: pnpm add @ws\/process/,
    );
    await expect(new Runtime({ discoverPackages: false, pluginOptions: { gretting: 'x' } }).run(guestBytes('wasi_only'))).rejects.toThrow(/No loaded plug-in declares the option --gretting/);
  });
});

describe('WASI guests', () => {
  it('args, env and the exit code', async () => {
    const { code, stdout } = await runGuest('wasi_only', ['a', 'b c', 'exit7'], { env: { WS_GREETING: 'hi' } });
    expect(stdout).toBe('argc 4\nargv[1] a\nargv[2] b c\nargv[3] exit7\nWS_GREETING hi\n');
    expect(code).toBe(7);
  });

  it('a guest whose memory is not exported still runs (the binary is rewritten)', async () => {
    Plugin.loadFromPath(`${root}/native/build/examples/plugin-get-string`);
    const { stdout } = await runGuest('get_string', [], { pluginOptions: { string: 'foo', upper: true } });
    expect(stdout).toBe('FOO');
  });
});

describe('Runtime lifetime', () => {
  it('two runs of one Runtime may overlap: each guest has its own WASI instance', async () => {
    const { value, stdout } = await captureStdout(async (fd) => {
      const runtime = new Runtime({ discoverPackages: false, args: ['wasi_only.wasm', 'exit7'], stdout: fd });
      try {
        return await Promise.all([runtime.run(guestBytes('wasi_only')), runtime.run(guestBytes('wasi_only'))]);
      } finally {
        runtime.dispose();
      }
    });
    expect(value).toEqual([7, 7]);
    expect(stdout).toBe('argc 2\nargv[1] exit7\nWS_GREETING (unset)\n'.repeat(2));
  });

  it('disposed while the guest compiles: the run rejects and creates no module', async () => {
    const runtime = new Runtime({ discoverPackages: false, args: ['fixture_calls.wasm'] });
    const running = runtime.run(guestBytes('fixture_calls'));
    runtime.dispose();
    await expect(running).rejects.toThrow(expect.objectContaining({ code: 'WS_RUNTIME_DISPOSED' }));
    expect(runtime.modules.size).toBe(0);
  });
});

describe('HostModule.bind: typed calls from TypeScript against a memory', () => {
  interface FixtureFunctions {
    add_i32(a: number, b: number): number;
    add_i64(a: bigint, b: bigint): bigint;
    divmod(a: number, b: number): [number, number];
    write_bytes(ptr: number, len: number, byte: number): number;
    sum_bytes(ptr: number, len: number): number;
    grow_memory(pages: number): number;
    fail(): void;
    terminate(): void;
  }

  it('calls host functions with the given memory as memory 0', () => {
    const module = Plugin.find('ws_fixture')!.createModule('ws_fixture');
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const fx = module.bind<FixtureFunctions>(memory);
    expect(fx.add_i32(40, 2)).toBe(42);
    expect(fx.add_i64(2n ** 62n, 2n ** 62n)).toBe(-(2n ** 63n));
    expect(fx.divmod(17, 5)).toEqual([3, 2]);
    expect(fx.write_bytes(100, 4, 9)).toBe(0);
    expect([...new Uint8Array(memory.buffer, 99, 6)]).toEqual([0, 9, 9, 9, 9, 0]);
    expect(fx.sum_bytes(100, 4)).toBe(36);
    expect(fx.write_bytes(65535, 2, 1)).toBe(1);
    expect(fx.grow_memory(1)).toBe(2);
    expect(memory.buffer.byteLength).toBe(2 * 65536);
    expect(fx.write_bytes(65535, 2, 1)).toBe(0);
    expect(fx.grow_memory(10)).toBe(-1);
    expect(() => fx.fail()).toThrow(HostFunctionError);
    expect(() => fx.terminate()).toThrow(GuestTerminated);
    module.dispose();
    expect(() => fx.add_i32(1, 2)).toThrow(expect.objectContaining({ code: 'WS_MODULE_DISPOSED' }));
  });

  it('a wrong or missing argument names the function, the argument and the signature', () => {
    const module = Plugin.find('ws_fixture')!.createModule('ws_fixture');
    const fx = module.bind<Record<string, (...args: unknown[]) => unknown>>();
    try {
      expect(() => fx.add_i32!('2', 3)).toThrow(
        expect.objectContaining({
          name: 'TypeError',
          code: 'WS_HOST_ARGUMENT',
          message: 'ws_fixture.add_i32: argument 0 is a string, but parameter 0 is i32. Pass a number for it; the function takes (i32, i32).',
        }),
      );
      expect(() => fx.add_i32!(2)).toThrow('ws_fixture.add_i32: argument 1 is undefined, but parameter 1 is i32. Pass a number for it; the function takes (i32, i32).');
      expect(() => fx.mixed!(1, {}, 1, 1)).toThrow(
        'ws_fixture.mixed: argument 1 is an object, but parameter 1 is i64. Pass a bigint (or a safe integer number) for it; the function takes (i32, i64, f32, f64).',
      );
      // Numbers for i64 only when exact: NaN, infinities and unsafe integers are refused, not cast.
      expect(fx.add_i64!(2, 3)).toBe(5n);
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 2 ** 63, 1.5]) expect(() => fx.add_i64!(bad, 1n)).toThrow(/argument 0 is a number, but parameter 0 is i64/);
    } finally {
      module.dispose();
    }
  });
});

describe('reactor guests', () => {
  async function reactor(body: string): Promise<Uint8Array> {
    const wabt = await (await import('wabt')).default();
    return wabt.parseWat('r.wat', body).toBinary({}).buffer;
  }

  it('a reactor without memory is initialised and its exports work', async () => {
    const bytes = await reactor(`(module
      (import "ws_fixture" "add_i32" (func $add (param i32 i32) (result i32)))
      (global $ready (mut i32) (i32.const 0))
      (func (export "_initialize") (global.set $ready (i32.const 1)))
      (func (export "sum") (param i32 i32) (result i32)
        (i32.add (call $add (local.get 0) (local.get 1)) (i32.mul (global.get $ready) (i32.const 1000)))))`);
    const runtime = new Runtime({ discoverPackages: false });
    const instance = await runtime.instantiate(bytes);
    expect((instance.exports.sum as (a: number, b: number) => number)(2, 3)).toBe(1005);
    runtime.dispose();
  });

  it('Terminate during _initialize ends initialisation without an error', async () => {
    const bytes = await reactor(`(module
      (import "ws_fixture" "terminate" (func $terminate))
      (memory 1)
      (global $after (mut i32) (i32.const 0))
      (func (export "_initialize") (call $terminate) (global.set $after (i32.const 1)))
      (func (export "after") (result i32) (global.get $after)))`);
    const runtime = new Runtime({ discoverPackages: false });
    const instance = await runtime.instantiate(bytes);
    expect((instance.exports.after as () => number)()).toBe(0);
    runtime.dispose();
  });
});
