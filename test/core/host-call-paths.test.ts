// The two guest → host call paths of ws_bridge.node give the same results and
// errors: V8's API (ws_bridge_v8_<abi>.so, used for the running Node's ABI)
// and Node-API (the portable fallback, forced with WS_HOST_CALLS=napi). Also
// covers what the V8 path hands back to Node-API: a trap inside a re-entrant
// guest call, and memory growth seen by the next host call.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GuestTerminated, HostFunctionError, Plugin, Runtime } from '@ws/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PLUGIN, root } from '../helpers/paths.js';
import { compileWat } from '../helpers/wat.js';
import { GUEST } from './host-call-guest.js';

const bridgePath = join(root, 'native/build/host/ws_bridge.node');
// The V8 path's library for this Node's ABI (one is built per ABI with headers).
const v8Library = `ws_bridge_v8_${process.versions.modules}.so`;
const hasV8Path = existsSync(join(root, 'native/build/host', v8Library));

// Host functions that keep going after a re-entrant call (ws_reentry, built
// with the stand-in's C tests: native/host/capi/test/reentry_plugin.c).
const REENTRY_PLUGIN = join(root, 'native/build/host/capi-test-plugins/reentry/libwsCapiTestReentry.so');
const REENTRY_GUEST = `(module
  (import "ws_reentry" "call_ignoring_failure" (func $ignoring (param i32 i32 i32) (result i32)))
  (import "ws_reentry" "read_after_callback" (func $read_after (param i32 i32 i32) (result i32)))
  (import "ws_fixture" "sum_bytes" (func $sum_bytes (param i32 i32) (result i32)))
  (memory (export "memory") 1 4)
  (data (i32.const 0) "boomgrow_mark")
  (func (export "boom") (param i32) (result i32) unreachable)
  ;; Reads memory through a host call (the memory is re-read there), then
  ;; grows by a page and marks the given address (in the new page) with 0x5A.
  (func (export "grow_mark") (param i32) (result i32)
    (drop (call $sum_bytes (i32.const 0) (i32.const 4)))
    (drop (memory.grow (i32.const 1)))
    (i32.store8 (local.get 0) (i32.const 0x5A))
    (i32.const 0))
  (func (export "ignore_boom") (result i32) (call $ignoring (i32.const 0) (i32.const 4) (i32.const 1)))
  ;; The plug-in reads byte 3 of the page grow_mark adds, through the memory it took before the call.
  (func (export "read_after_grow") (result i32)
    (call $read_after (i32.const 4) (i32.const 9) (i32.add (i32.mul (memory.size) (i32.const 65536)) (i32.const 3)))))`;

type Exports = Record<string, (...args: never[]) => unknown> & { memory: WebAssembly.Memory };

beforeAll(() => {
  Plugin.loadFromPath(FIXTURE_PLUGIN);
  Plugin.loadFromPath(REENTRY_PLUGIN);
});

const inheritedChoice = process.env.WS_HOST_CALLS;
afterEach(() => {
  if (inheritedChoice === undefined) delete process.env.WS_HOST_CALLS;
  else process.env.WS_HOST_CALLS = inheritedChoice;
});

// Read by the bridge when it makes host functions and attaches memory.
function choosePath(path: string): void {
  process.env.WS_HOST_CALLS = path === 'napi' ? 'napi' : 'auto';
}

describe.each(['v8', 'napi'])('guest → host calls through the %s path', (path) => {
  // Instantiates `wat` on the path under test, runs `use` on its exports, disposes.
  async function withGuest(wat: string, use: (x: Exports) => void): Promise<void> {
    choosePath(path);
    const runtime = new Runtime({ discoverPackages: false });
    try {
      use((await runtime.instantiate(await compileWat(wat))).exports as unknown as Exports);
    } finally {
      runtime.dispose();
    }
  }

  it('uses the path under test', async () => {
    await withGuest(GUEST, () => {});
    const bridge = createRequire(import.meta.url)(bridgePath) as { hostCallPath(): string };
    if (path === 'napi') expect(bridge.hostCallPath()).toMatch(/^napi/);
    else if (hasV8Path) expect(bridge.hostCallPath()).toBe('v8');
  });

  it('converts every value type exactly (i32 wrap, i64 bigint, f32 rounding, multi-value)', async () => {
    await withGuest(GUEST, (x) => {
      const call = (name: string, ...args: unknown[]) => (x[name] as (...a: unknown[]) => unknown)(...args);
      expect(call('add_i32', 2147483647, 1)).toBe(-2147483648);
      expect(call('add_i32', -5, 3)).toBe(-2);
      expect(call('add_i64', 2n ** 62n, 2n ** 62n)).toBe(-(2n ** 63n));
      expect(call('add_i64', -1n, 0n)).toBe(-1n);
      expect(call('mul_f32', 1.1, 3)).toBe(Math.fround(Math.fround(1.1) * 3));
      expect(call('mul_f32', 3e38, 10)).toBe(Number.POSITIVE_INFINITY);
      expect(call('mul_f64', 0.1, 3)).toBe(0.1 * 3);
      expect(Object.is(call('mul_f64', -0, 1), -0)).toBe(true);
      expect(Number.isNaN(call('mul_f64', Number.NaN, 1))).toBe(true);
      expect(call('divmod', 17, 5)).toEqual([3, 2]);
      expect(call('mixed', 1, 2n, 0.5, 0.25)).toBe(3.75);
    });
  });

  it('a failing host function traps; Terminate ends the guest', async () => {
    await withGuest(GUEST, (x) => {
      expect(() => x.fail!()).toThrow(HostFunctionError);
      expect(() => x.fail!()).toThrow(WebAssembly.RuntimeError);
      expect(() => (x.divmod as (a: number, b: number) => unknown)(1, 0)).toThrow(/ws_fixture\.divmod/);
      expect(() => x.terminate!()).toThrow(GuestTerminated);
      expect((x.add_i32 as (a: number, b: number) => number)(1, 2)).toBe(3);
    });
  });

  it('a trap inside a re-entrant guest call surfaces as that trap, and the guest stays usable', async () => {
    await withGuest(GUEST, (x) => {
      expect(() => x.reenter_boom!()).toThrow(expect.objectContaining({ name: 'RuntimeError', message: 'unreachable' }));
      expect(() => x.reenter_boom!()).toThrow('unreachable');
      expect((x.add_i32 as (a: number, b: number) => number)(40, 2)).toBe(42);
    });
  });

  it('a host call sees memory grown by the guest, between calls and inside a re-entrant call', async () => {
    await withGuest(GUEST, (x) => {
      const sumAfterGrow = x.grow_then_sum as (value: number) => number;
      const sumAfterReentrantGrow = x.reenter_grow as (value: number) => number;
      expect(sumAfterGrow(3)).toBe(48);
      expect(x.memory.buffer.byteLength).toBe(2 * 65536);
      expect(sumAfterReentrantGrow(5)).toBe(80);
      expect(x.memory.buffer.byteLength).toBe(3 * 65536);
      x.memory.grow(1); // from JS
      expect(sumAfterGrow(7)).toBe(112);
      expect(x.memory.buffer.byteLength).toBe(5 * 65536);
    });
  });

  it('a trap in a re-entrant call ends the guest even when the plug-in ignores it and succeeds', async () => {
    await withGuest(REENTRY_GUEST, (x) => {
      expect(() => x.ignore_boom!()).toThrow(expect.objectContaining({ name: 'RuntimeError', message: 'unreachable' }));
      // Nothing is left pending for a later call.
      expect(() => x.ignore_boom!()).toThrow('unreachable');
    });
  });

  it('a memory instance taken before a re-entrant call that grows memory sees the growth', async () => {
    await withGuest(REENTRY_GUEST, (x) => {
      expect(x.read_after_grow!()).toBe(0x5a);
      expect(x.read_after_grow!()).toBe(0x5a);
      expect(x.memory.buffer.byteLength).toBe(3 * 65536);
    });
  });

  it('HostModule.bind: the same results, argument errors and disposal', () => {
    choosePath(path);
    const module = Plugin.find('ws_fixture')!.createModule('ws_fixture');
    const fx = module.bind<Record<string, (...args: unknown[]) => unknown>>(new WebAssembly.Memory({ initial: 1 }));
    expect(fx.mul_f32!(1.1, 3)).toBe(Math.fround(Math.fround(1.1) * 3));
    expect(fx.add_i32!(1.9, -0.5)).toBe(1); // ToInt32, as Node-API's napi_get_value_int32
    expect(fx.add_i64!(2, 3n)).toBe(5n); // a safe integer number for an i64
    expect(() => fx.add_i32!('2', 3)).toThrow('ws_fixture.add_i32: argument 0 is a string, but parameter 0 is i32.');
    expect(() => fx.add_i32!(2)).toThrow('ws_fixture.add_i32: argument 1 is undefined, but parameter 1 is i32.');
    expect(fx.add_i32!(2, 3, 4)).toBe(5); // extra arguments are ignored
    module.dispose();
    expect(() => fx.add_i32!(1, 2)).toThrow(expect.objectContaining({ code: 'WS_MODULE_DISPOSED' }));
  });

  it('HostModule.bind: a memory of 0 pages, grown by the plug-in and from JS', () => {
    choosePath(path);
    const module = Plugin.find('ws_fixture')!.createModule('ws_fixture');
    const memory = new WebAssembly.Memory({ initial: 0, maximum: 3 });
    const fx = module.bind<Record<string, (...args: unknown[]) => unknown>>(memory);
    try {
      expect(fx.memory_pages!()).toBe(0);
      expect(fx.sum_bytes!(0, 0)).toBe(0);
      expect(fx.sum_bytes!(0, 1)).toBe(-1);
      expect(fx.grow_memory!(1)).toBe(1);
      expect(fx.write_bytes!(65530, 6, 2)).toBe(0);
      expect(fx.sum_bytes!(65530, 6)).toBe(12);
      memory.grow(1);
      new Uint8Array(memory.buffer).fill(1, 65536, 65536 + 10);
      expect(fx.sum_bytes!(65530, 16)).toBe(22);
      expect(fx.memory_pages!()).toBe(2);
      expect(fx.grow_memory!(2)).toBe(-1); // over the maximum
      expect(fx.memory_pages!()).toBe(2);
    } finally {
      module.dispose();
    }
  });
});

describe('choosing the call path', () => {
  let guestBase64 = '';
  beforeAll(async () => {
    guestBase64 = Buffer.from(await compileWat(GUEST)).toString('base64');
  });

  // A fresh Node process: the path is decided once per process.
  function runChild(prelude: string, bridge = bridgePath): { path: string; sum: number; trap: string } {
    const dir = mkdtempSync(join(tmpdir(), 'ws-host-call-path-'));
    const script = join(dir, 'child.mjs');
    writeFileSync(
      script,
      `${prelude}
const { Plugin, Runtime } = await import(${JSON.stringify(pathToFileURL(join(root, 'packages/core/dist/index.js')).href)});
const { createRequire } = await import('node:module');
Plugin.loadFromPath(${JSON.stringify(FIXTURE_PLUGIN)});
const bytes = Buffer.from('${guestBase64}', 'base64');
const runtime = new Runtime({ discoverPackages: false });
const x = (await runtime.instantiate(bytes)).exports;
let trap = '';
try { x.reenter_boom(); } catch (error) { trap = error.message; }
const sum = x.add_i32(40, 2) + x.grow_then_sum(1);
runtime.dispose();
console.log(JSON.stringify({ path: createRequire(import.meta.url)(${JSON.stringify(bridge)}).hostCallPath(), sum, trap }));
`,
    );
    const env = { ...process.env, WS_CORE_BRIDGE: bridge };
    delete env.WS_HOST_CALLS;
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', env });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout.trim().split('\n').pop()!);
  }

  it.skipIf(!hasV8Path)('uses V8 when this build has ws_bridge_v8_<abi>.so for this Node', () => {
    expect(runChild('')).toEqual({ path: 'v8', sum: 42 + 16, trap: 'unreachable' });
  });

  it('falls back to Node-API for a Node ABI this build has no ws_bridge_v8 for', () => {
    const child = runChild("Object.defineProperty(process.versions, 'modules', { value: '999' });");
    expect(child.path).toMatch(hasV8Path ? /^napi \(no ws_bridge_v8 for this Node's NODE_MODULE_VERSION 999: built for \d+(,\d+)*\)$/ : /^napi/);
    expect([child.sum, child.trap]).toEqual([42 + 16, 'unreachable']);
  });

  // A bridge folder with ws_bridge.node and the stand-in, plus `extra` (file name → source).
  function bridgeWith(extra: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'ws-bridge-v8-files-'));
    for (const file of ['ws_bridge.node', 'libwasmedge.so.0']) copyFileSync(join(root, 'native/build/host', file), join(dir, file));
    for (const [file, from] of Object.entries(extra)) copyFileSync(from, join(dir, file));
    return join(dir, 'ws_bridge.node');
  }

  it('falls back to Node-API when ws_bridge_v8_<abi>.so is missing (a bridge shipped without it)', () => {
    const child = runChild('', bridgeWith({}));
    expect(child.path).toMatch(hasV8Path ? new RegExp(`^napi \\(.*/${v8Library.replace(/\./g, '\\.')}: cannot open shared object file`) : /^napi \(/);
    expect([child.sum, child.trap]).toEqual([42 + 16, 'unreachable']);
  });

  // Another ABI's library under this ABI's name: its ws_v8_calls_abi() (or, when its
  // V8 symbols are not in this Node, dlopen) turns it down.
  const otherAbi = ['115', '127', '137'].filter((abi) => abi !== process.versions.modules).map((abi) => join(root, 'native/build/host', `ws_bridge_v8_${abi}.so`)).find(existsSync);
  it.skipIf(!hasV8Path || !otherAbi)('falls back to Node-API when ws_bridge_v8_<abi>.so is another ABI\'s library', () => {
    const child = runChild('', bridgeWith({ [v8Library]: otherAbi! }));
    expect(child.path).toMatch(new RegExp(`^napi \\(.*/${v8Library.replace(/\./g, '\\.')}(: undefined symbol: | is not the ws_bridge_v8 of this build for NODE_MODULE_VERSION ${process.versions.modules}\\))`));
    expect([child.sum, child.trap]).toEqual([42 + 16, 'unreachable']);
  });
});

describe.each(['v8', 'napi'])('a memory given to HostModule.bind and then collected (%s path)', (path) => {
  it('is empty for the plug-in afterwards, never a stale address', () => {
    const script = join(mkdtempSync(join(tmpdir(), 'ws-collected-memory-')), 'child.mjs');
    writeFileSync(
      script,
      `const { Plugin } = await import(${JSON.stringify(pathToFileURL(join(root, 'packages/core/dist/index.js')).href)});
Plugin.loadFromPath(${JSON.stringify(FIXTURE_PLUGIN)});
const module = Plugin.find('ws_fixture').createModule('ws_fixture');
// Nothing but the binding (weakly) refers to the memory.
const fx = (() => module.bind(new WebAssembly.Memory({ initial: 1 })))();
const before = [fx.write_bytes(10, 4, 2), fx.sum_bytes(10, 4), fx.memory_pages()];
for (let i = 0; i < 3; i++) { globalThis.gc(); await new Promise((resolve) => setTimeout(resolve, 10)); }
console.log(JSON.stringify({ before, after: [fx.sum_bytes(10, 4), fx.memory_pages(), fx.write_bytes(10, 4, 1)] }));
module.dispose();
`,
    );
    const env = { ...process.env, WS_HOST_CALLS: path === 'napi' ? 'napi' : 'auto' };
    const result = spawnSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8', env });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n').pop()!)).toEqual({ before: [0, 8, 1], after: [-1, 0, 1] });
  });
});
