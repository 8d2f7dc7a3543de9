// The memory page limit's rewrite of the binary (src/runtime/memory-limit.ts), on modules built
// from WAT: every memory's maximum is capped, everything else is kept, V8 enforces the result.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkMemoryPageLimit, limitMemoryPages } from '../src/runtime/memory-limit.js';
import { MemoryPageLimitError } from '../src/errors.js';

const require = createRequire(import.meta.url);
const wabtPromise = (require('wabt') as () => Promise<{ parseWat(name: string, text: string, features?: object): { toBinary(o: object): { buffer: Uint8Array } } }>)();

async function wat(text: string): Promise<Uint8Array> {
  return (await wabtPromise).parseWat('t.wat', text, { threads: true }).toBinary({}).buffer;
}

/** memory.grow(pages) results in order, through an exported function of the rewritten module. */
function grows(bytes: Uint8Array, imports: WebAssembly.Imports, pages: number[]): number[] {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), imports);
  return pages.map((n) => (instance.exports.grow as (n: number) => number)(n));
}

describe('limitMemoryPages', () => {
  it('caps a defined memory without a maximum and one with a larger maximum; memory.grow past it returns -1', async () => {
    const unbounded = await wat('(module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))');
    expect(grows(limitMemoryPages(unbounded, 3), {}, [1, 1, 1, 100])).toEqual([1, 2, -1, -1]);
    const larger = await wat('(module (memory 1 100) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))');
    expect(grows(limitMemoryPages(larger, 2), {}, [1, 1])).toEqual([1, -1]);
    // A smaller maximum stays.
    const smaller = await wat('(module (memory 1 2) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))');
    expect(grows(limitMemoryPages(smaller, 50), {}, [1, 1])).toEqual([1, -1]);
  });

  it('keeps the other imports (function, table, global) and a shared memory shared', async () => {
    const bytes = await wat(`(module
      (import "env" "f" (func $f (result i32)))
      (import "env" "table" (table 1 funcref))
      (import "env" "g" (global $g i32))
      (import "env" "memory" (memory 1 10 shared))
      (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
      (func (export "sum") (result i32) (i32.add (call $f) (global.get $g))))`);
    const limited = limitMemoryPages(bytes, 2);
    expect(WebAssembly.Module.imports(new WebAssembly.Module(limited as Uint8Array<ArrayBuffer>))).toEqual(
      WebAssembly.Module.imports(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>)),
    );
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
    const imports = { env: { f: () => 40, table: new WebAssembly.Table({ initial: 1, element: 'anyfunc' }), g: 2, memory } };
    expect(grows(limited, imports, [1, 1])).toEqual([1, -1]);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(limited as Uint8Array<ArrayBuffer>), imports);
    expect((instance.exports.sum as () => number)()).toBe(42);
    // The import now asks for a maximum within the limit: a memory allowed to grow further does not link.
    const roomier = { ...imports, env: { ...imports.env, memory: new WebAssembly.Memory({ initial: 1, maximum: 10, shared: true }) } };
    expect(() => new WebAssembly.Instance(new WebAssembly.Module(limited as Uint8Array<ArrayBuffer>), roomier)).toThrow(WebAssembly.LinkError);
  });

  it('refuses a minimum above the limit, naming the memory (imported ones first) and both numbers', async () => {
    const bytes = await wat('(module (import "env" "a" (memory 1)) (memory 5))');
    let error: unknown;
    try {
      limitMemoryPages(bytes, 4);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MemoryPageLimitError);
    expect(error).toMatchObject({ code: 'WS_MEMORY_PAGE_LIMIT', memoryIndex: 1, minimumPages: 5, limitPages: 4 });
  });

  it('returns the same bytes for a module without memories', async () => {
    const bytes = await wat('(module (func (export "f")))');
    expect(limitMemoryPages(bytes, 1)).toBe(bytes);
  });

  it('checks the value', () => {
    expect(checkMemoryPageLimit(0)).toBe(0);
    expect(checkMemoryPageLimit(65536)).toBe(65536);
    expect(() => checkMemoryPageLimit(-1)).toThrow('memoryPageLimit must be a whole number of 64 KiB pages from 0 to 65536, not -1. Pass e.g. 160 for 10 MiB.');
  });
});
