// The binary reader and the memory-export rewrite, on modules built from WAT.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { exportMemoryZero, isWasmBinary, readModuleInfo } from '../src/runtime/wasm-binary.js';

const require = createRequire(import.meta.url);
const wabtPromise = (require('wabt') as () => Promise<{ parseWat(name: string, text: string): { toBinary(o: object): { buffer: Uint8Array } } }>)();

async function wat(text: string): Promise<Uint8Array> {
  return (await wabtPromise).parseWat('t.wat', text).toBinary({}).buffer;
}

describe('readModuleInfo', () => {
  it('reads function types of imports and exports, including multi-value', async () => {
    const bytes = await wat(`(module
      (import "m" "f" (func (param i32 i64) (result f32 f64)))
      (import "m" "mem" (memory 1))
      (import "m" "g" (global i32))
      (func $own (param f64) (result i32) (i32.const 0))
      (export "own" (func $own))
      (export "reexport" (func 0)))`);
    const info = readModuleInfo(bytes);
    expect(info.imports).toEqual([
      { module: 'm', name: 'f', kind: 'function', type: { params: ['i32', 'i64'], results: ['f32', 'f64'] } },
      { module: 'm', name: 'mem', kind: 'memory' },
      { module: 'm', name: 'g', kind: 'global' },
    ]);
    expect(info.exports).toEqual([
      { name: 'own', kind: 'function', index: 1, type: { params: ['f64'], results: ['i32'] } },
      { name: 'reexport', kind: 'function', index: 0, type: { params: ['i32', 'i64'], results: ['f32', 'f64'] } },
    ]);
    expect(info.memoryCount).toBe(1);
    expect(info.importedMemoryCount).toBe(1);
  });

  it('refuses non-wasm and truncated input with WS_NOT_WASM', async () => {
    expect(() => readModuleInfo(Buffer.from('hello world'))).toThrow(expect.objectContaining({ code: 'WS_NOT_WASM' }));
    const bytes = await wat('(module (func (export "f")))');
    expect(isWasmBinary(bytes)).toBe(true);
    expect(() => readModuleInfo(bytes.subarray(0, bytes.length - 3))).toThrow(/malformed/);
  });
});

describe('exportMemoryZero', () => {
  it('adds a memory export to a module with an export section', async () => {
    const bytes = await wat('(module (memory 1) (func (export "_start")))');
    const out = exportMemoryZero(bytes, readModuleInfo(bytes));
    expect(readModuleInfo(out).exports.map((e) => [e.name, e.kind, e.index])).toEqual([
      ['_start', 'function', 0],
      ['memory', 'memory', 0],
    ]);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(out));
    expect(instance.exports.memory).toBeInstanceOf(WebAssembly.Memory);
  });

  it('adds an export section in the right place when there is none', async () => {
    const bytes = await wat('(module (memory 1) (func $f) (start $f) (data (i32.const 0) "x"))');
    const out = exportMemoryZero(bytes, readModuleInfo(bytes));
    expect(WebAssembly.validate(out)).toBe(true);
    expect(readModuleInfo(out).exports).toEqual([{ name: 'memory', kind: 'memory', index: 0 }]);
  });

  it('leaves modules without memory, or with memory exported, unchanged', async () => {
    const none = await wat('(module (func (export "f")))');
    expect(exportMemoryZero(none, readModuleInfo(none))).toBe(none);
    const exported = await wat('(module (memory (export "memory") 1))');
    expect(exportMemoryZero(exported, readModuleInfo(exported))).toBe(exported);
  });

  it('refuses when "memory" names something else', async () => {
    const bytes = await wat('(module (memory 1) (func (export "memory")))');
    expect(() => exportMemoryZero(bytes, readModuleInfo(bytes))).toThrow(/exports something else under the name "memory"/);
  });
});
