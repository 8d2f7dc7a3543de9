import { createRequire } from 'node:module';
import { WsError } from '../errors.js';
import { installCommand } from '../package-manager.js';
import type { WasmFunctionType, WasmImport, WasmValType } from './wasm-binary.js';

/**
 * Functions of an ordinary C library (no plug-in, no compiler) offered to
 * guests as an import module, called through koffi. Only scalar C types:
 * a guest address is not a host pointer, so pointer and string parameters
 * are refused.
 *
 * ```ts
 * new Runtime({ native: { mymod: { library: '/lib/x86_64-linux-gnu/libm.so.6', functions: { cos: 'double cos(double)' } } } })
 * ```
 */
export interface NativeModuleOptions {
  /** Path of the shared library (absolute, or a name the dynamic loader finds, e.g. `libm.so.6`). */
  library: string;
  /**
   * Import name → C declaration in koffi's syntax, e.g. `'double cos(double)'`.
   * Allowed types: `bool`, `int8_t`..`int64_t`, `uint8_t`..`uint64_t`, `int`, `long`, `size_t`,
   * `float`, `double`, `void` (result only). Checked against the guest's import type.
   */
  functions: Record<string, string>;
}

interface KoffiType {
  primitive: string;
}
interface KoffiFunction {
  (...args: unknown[]): unknown;
  info: { arguments: { type: KoffiType }[]; result: KoffiType };
}
interface KoffiLibrary {
  func(declaration: string): KoffiFunction;
}
export interface Koffi {
  load(path: string): KoffiLibrary;
}

const require = createRequire(import.meta.url);
let koffi: Koffi | undefined;
const libraries = new Map<string, KoffiLibrary>();

/**
 * koffi (and its native module) is loaded only when it is used. It is an
 * optional peer dependency of @ws/core, installed by the user who needs
 * RuntimeOptions.native: it has an install script, which no other user of
 * ws should have to run or approve.
 */
export function loadKoffi(purpose: string): Koffi {
  if (koffi) return koffi;
  try {
    koffi = require('koffi') as Koffi;
  } catch (error) {
    const version = (require('../../package.json') as { peerDependencies: Record<string, string> }).peerDependencies.koffi;
    throw new WsError(
      'WS_NATIVE_LIBRARY',
      `${purpose} needs koffi, an optional peer dependency of @ws/core that could not be loaded (${(error as Error).message.split('\n')[0]}). Install it: ${installCommand([`koffi@${version}`])}.`,
      { cause: error },
    );
  }
  return koffi;
}

function loadLibrary(moduleName: string, path: string): KoffiLibrary {
  let library = libraries.get(path);
  if (library) return library;
  const ffi = loadKoffi('RuntimeOptions.native');
  try {
    library = ffi.load(path);
  } catch (error) {
    throw new WsError('WS_NATIVE_LIBRARY', `Could not load the native library ${path} of import module ${moduleName}: ${(error as Error).message}. Check RuntimeOptions.native.${moduleName}.library (an absolute path, or a name the dynamic loader finds).`, { cause: error });
  }
  libraries.set(path, library);
  return library;
}

/** How a C scalar crosses from and to Wasm. */
interface Scalar {
  wasm: WasmValType;
  toC: (value: unknown) => unknown;
  toWasm: (value: unknown) => unknown;
}

const asNumber = (v: unknown): unknown => v;
const scalars: Record<string, Scalar> = {
  Bool: { wasm: 'i32', toC: (v) => v !== 0, toWasm: (v) => (v ? 1 : 0) },
  Int8: { wasm: 'i32', toC: asNumber, toWasm: asNumber },
  UInt8: { wasm: 'i32', toC: (v) => (v as number) & 0xff, toWasm: asNumber },
  Int16: { wasm: 'i32', toC: asNumber, toWasm: asNumber },
  UInt16: { wasm: 'i32', toC: (v) => (v as number) & 0xffff, toWasm: asNumber },
  Int32: { wasm: 'i32', toC: asNumber, toWasm: asNumber },
  // Wasm i32 is signed: reinterpret as unsigned for C, and back (ToInt32 wraps).
  UInt32: { wasm: 'i32', toC: (v) => (v as number) >>> 0, toWasm: asNumber },
  Int64: { wasm: 'i64', toC: asNumber, toWasm: (v) => BigInt(v as number | bigint) },
  UInt64: { wasm: 'i64', toC: (v) => BigInt.asUintN(64, v as bigint), toWasm: (v) => BigInt.asIntN(64, BigInt(v as number | bigint)) },
  Float32: { wasm: 'f32', toC: asNumber, toWasm: asNumber },
  Float64: { wasm: 'f64', toC: asNumber, toWasm: asNumber },
};

function formatType(type: WasmFunctionType): string {
  return `(${type.params.join(', ')}) -> (${type.results.join(', ')})`;
}

/** The import for `entry`, or why it does not resolve (an unresolved-import reason). */
export function resolveNativeImport(moduleName: string, options: NativeModuleOptions, entry: WasmImport): { value: (...args: unknown[]) => unknown } | { reason: string } {
  // Plain JS callers may leave functions out: that is "declares none", not a TypeError.
  const functions: Record<string, string> = options.functions ?? {};
  const declaration = Object.hasOwn(functions, entry.name) ? functions[entry.name] : undefined;
  if (entry.kind !== 'function' || typeof declaration !== 'string') {
    return { reason: `RuntimeOptions.native.${moduleName} declares no function ${entry.name} (it declares: ${Object.keys(functions).join(', ') || 'none'})` };
  }
  const library = loadLibrary(moduleName, options.library);
  let fn: KoffiFunction;
  try {
    fn = library.func(declaration);
  } catch (error) {
    return { reason: `native function "${declaration}" of ${options.library}: ${(error as Error).message}` };
  }
  const params = fn.info.arguments.map((a) => a.type.primitive);
  const result = fn.info.result.primitive;
  const unsupported = [...params, ...(result === 'Void' ? [] : [result])].filter((p) => !scalars[p]);
  if (unsupported.length > 0) {
    return { reason: `native function "${declaration}" uses ${unsupported.join(', ')}: only scalar C types (integers, float, double, bool) can cross from Wasm, whose addresses are not host pointers` };
  }
  const toC = params.map((p) => scalars[p]!.toC);
  const resultScalar = result === 'Void' ? undefined : scalars[result]!;
  const type: WasmFunctionType = { params: params.map((p) => scalars[p]!.wasm), results: resultScalar ? [resultScalar.wasm] : [] };
  if (entry.type && formatType(entry.type) !== formatType(type)) {
    return { reason: `type mismatch: the guest imports ${formatType(entry.type)}, native function "${declaration}" is ${formatType(type)}` };
  }
  const toWasm = resultScalar?.toWasm;
  const value = (...args: unknown[]): unknown => {
    const out = fn(...args.map((arg, i) => toC[i]!(arg)));
    return toWasm ? toWasm(out) : undefined;
  };
  return { value };
}
