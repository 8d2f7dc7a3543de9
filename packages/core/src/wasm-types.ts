// The WebAssembly JS API objects that the public API takes and returns, typed
// structurally. TypeScript declares `WebAssembly.*` and `BufferSource` only in
// the DOM lib, and @types/node declares neither: public declarations that
// named them failed to compile in a Node project with `"lib": ["ES2022"]`
// (issue 14). Each interface below has the members of its lib.dom counterpart,
// so values pass both ways in a project that does include the DOM lib.

/**
 * The bytes of a WebAssembly module: a Buffer, any typed array or DataView
 * (its viewed range is used), or an ArrayBuffer. What lib.dom calls `BufferSource`.
 */
export type WasmBytes = ArrayBufferView | ArrayBuffer;

/**
 * A compiled `WebAssembly.Module`. lib.dom declares the interface with no
 * members, so any object matches it there too; at run time anything that is
 * not a `WebAssembly.Module` (nor {@link WasmBytes}) is rejected with `WS_USAGE`.
 */
export type WasmModuleLike = object;

/** A `WebAssembly.Memory`: e.g. `new WebAssembly.Memory({ initial: 1 })`, or a guest's exported memory. */
export interface WasmMemoryLike {
  /** The memory's bytes; replaced by a new ArrayBuffer when the memory grows. */
  readonly buffer: ArrayBuffer;
  /** Grows by `delta` pages of 64 KiB; returns the previous size in pages. */
  grow(delta: number): number;
}

/** A `WebAssembly.Global`. */
export interface WasmGlobalLike {
  value: unknown;
  valueOf(): unknown;
}

/** A `WebAssembly.Table`. */
export interface WasmTableLike {
  readonly length: number;
  get(index: number): unknown;
  grow(delta: number, value?: unknown): number;
  set(index: number, value?: unknown): void;
}

/** One export of an instance: a function, global, memory or table (lib.dom's `WebAssembly.ExportValue`). */
export type WasmExportValue = Function | WasmGlobalLike | WasmMemoryLike | WasmTableLike;

/** The exports of an instance, by name (lib.dom's `WebAssembly.Exports`). */
export type WasmExports = Record<string, WasmExportValue>;

/** An instantiated module (a `WebAssembly.Instance`). */
export interface WasmInstanceLike {
  readonly exports: WasmExports;
}

/** A value a guest may import: an export of another instance, a number or a bigint (lib.dom's `WebAssembly.ImportValue`). */
export type WasmImportValue = WasmExportValue | number | bigint;

/** Import modules for a guest, by module name, then by import name (lib.dom's `WebAssembly.Imports`). */
export type WasmImports = Record<string, Record<string, WasmImportValue>>;
