// RuntimeOptions.native: functions of ordinary C libraries (libm, libc)
// imported by a real guest through koffi, with the declaration checked
// against the guest's import types.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ImportResolutionError, WsError } from '../src/errors.js';
import { isBridgeLoaded } from '../src/native/load-bridge.js';
import { Runtime } from '../src/runtime/runtime.js';

type Wabt = { parseWat: (name: string, text: string) => { toBinary: (o: object) => { buffer: Uint8Array } } };
const wabt = await (createRequire(import.meta.url)('wabt') as () => Promise<Wabt>)();

/** A guest that imports `imports` and re-exports each import as its own name. */
function guest(imports: [module: string, name: string, type: string][]): Uint8Array {
  const lines = imports.map(([module, name, type], i) => `(import "${module}" "${name}" (func $f${i} ${type}))\n(export "${name}" (func $f${i}))`);
  return wabt.parseWat('guest.wat', `(module\n${lines.join('\n')})`).toBinary({}).buffer;
}

const libm = { library: 'libm.so.6', functions: { cos: 'double cos(double)', floorf: 'float floorf(float)' } };
const libc = { library: 'libc.so.6', functions: { abs: 'int abs(int)', labs: 'long labs(long)', strlen: 'size_t strlen(const char *)', nosuch: 'int ws_no_such_function(int)' } };

async function resolutionError(bytes: Uint8Array, native: object): Promise<ImportResolutionError> {
  try {
    await new Runtime({ native: native as never }).instantiate(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportResolutionError);
    return error as ImportResolutionError;
  }
  throw new Error('instantiation did not fail');
}

describe('native functions', () => {
  it('calls libm and libc with i32, i64, f32 and f64 values, without loading the bridge', async () => {
    const bytes = guest([
      ['m', 'cos', '(param f64) (result f64)'],
      ['m', 'floorf', '(param f32) (result f32)'],
      ['c', 'abs', '(param i32) (result i32)'],
      ['c', 'labs', '(param i64) (result i64)'],
    ]);
    const instance = await new Runtime({ native: { m: libm, c: libc } }).instantiate(bytes);
    const exports = instance.exports as Record<string, (...args: unknown[]) => unknown>;
    expect(exports.cos!(0)).toBe(1);
    expect(exports.cos!(Math.PI)).toBe(-1);
    expect(exports.floorf!(2.75)).toBe(2);
    expect(exports.floorf!(-0.5)).toBe(-1);
    expect(exports.abs!(-5)).toBe(5);
    expect(exports.abs!(-2147483647)).toBe(2147483647);
    expect(exports.labs!(-5n)).toBe(5n);
    expect(exports.labs!(-(2n ** 40n))).toBe(2n ** 40n);
    expect(isBridgeLoaded()).toBe(false);
  });

  it('refuses a declaration whose type differs from the import', async () => {
    const error = await resolutionError(guest([['m', 'cos', '(param f32) (result f32)']]), { m: libm });
    expect(error.code).toBe('WS_IMPORT_TYPE_MISMATCH');
    expect(error.message.split('\n')).toEqual([
      'The guest has 1 import that did not resolve:',
      '  m.cos: type mismatch: the guest imports (f32) -> (f32), native function "double cos(double)" is (f64) -> (f64)',
      // The fix is about the declarations, not about plug-ins.
      'Fix the declarations in RuntimeOptions.native so that they name C functions of the library with the types the guest imports.',
    ]);
  });

  it('lists undeclared functions, pointer types and missing symbols in one error', async () => {
    const error = await resolutionError(
      guest([
        ['m', 'sin', '(param f64) (result f64)'],
        ['c', 'strlen', '(param i32) (result i64)'],
        ['c', 'nosuch', '(param i32) (result i32)'],
      ]),
      { m: libm, c: libc },
    );
    expect(error.code).toBe('WS_IMPORT_UNRESOLVED');
    expect(error.unresolved.map((u) => `${u.module}.${u.name}: ${u.reason}`)).toEqual([
      'm.sin: RuntimeOptions.native.m declares no function sin (it declares: cos, floorf)',
      'c.strlen: native function "size_t strlen(const char *)" uses String: only scalar C types (integers, float, double, bool) can cross from Wasm, whose addresses are not host pointers',
      "c.nosuch: native function \"int ws_no_such_function(int)\" of libc.so.6: Cannot find function 'ws_no_such_function' in shared library",
    ]);
  });

  it('a module declared without functions (plain JS) is an unresolved import, not a TypeError', async () => {
    const error = await resolutionError(guest([['m', 'cos', '(param f64) (result f64)']]), { m: { library: 'libm.so.6' } });
    expect(error.unresolved.map((u) => u.reason)).toEqual(['RuntimeOptions.native.m declares no function cos (it declares: none)']);
  });

  it('a JS module in imports that lacks a function: the fix names RuntimeOptions.imports', async () => {
    const bytes = guest([['js', 'f', '(param i32) (result i32)']]);
    const error = (await new Runtime({ imports: { js: {} } }).instantiate(bytes).catch((e: unknown) => e)) as ImportResolutionError;
    expect(error.message.split('\n')).toEqual([
      'The guest has 1 import that did not resolve:',
      '  js.f: the JS module js given in imports has no f',
      'Add the missing functions to the modules in RuntimeOptions.imports (a module given there is used instead of any plug-in).',
    ]);
  });

  it('a library that does not load is a WS_NATIVE_LIBRARY error naming the option', async () => {
    const bytes = guest([['x', 'f', '(param i32) (result i32)']]);
    const run = new Runtime({ native: { x: { library: '/nonexistent/libx.so', functions: { f: 'int f(int)' } } } }).instantiate(bytes);
    await expect(run).rejects.toThrow(WsError);
    await expect(run).rejects.toMatchObject({
      code: 'WS_NATIVE_LIBRARY',
      message: expect.stringMatching(/^Could not load the native library \/nonexistent\/libx\.so of import module x: .*No such file or directory\. Check RuntimeOptions\.native\.x\.library/),
    });
  });
});
