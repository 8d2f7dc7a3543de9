// Raw shapes of ws_bridge.node. Private to @ws/core: never re-exported.

import type { WasmExports, WasmMemoryLike } from '../wasm-types.js';

export type Handle = { readonly __brand: 'native handle' };

export type ValTypeName = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref' | 'unknown';

export interface LoadResult {
  status: number;
  apiVersion: number;
  pluginName: string;
  message: string;
  plugin?: Handle;
}

export interface RawPluginInfo {
  name: string;
  description: string;
  apiVersion: number;
  version: [number, number, number, number];
  path: string;
  modules: { name: string; description: string }[];
  options: { name: string; description: string; type: string; defaultValue: string | null }[];
}

export interface RawFunctionInfo {
  name: string;
  params: ValTypeName[];
  results: ValTypeName[];
}

export type HostErrorKind = 'fail' | 'terminate' | 'disposed';

export interface BridgeAddon {
  init(makeHostError: (kind: HostErrorKind, plugin: string, fn: string, code: number, category: number, message: string) => Error): void;
  hostInfo(): { wasmedgeVersion: string; apiVersion: number; standInPath: string };
  /** Which path guest → host calls take: "v8" (ws_bridge_v8_<ABI>.so for this Node's ABI) or "napi (<why>)". */
  hostCallPath(): string;
  loadPluginFile(path: string): LoadResult;
  pluginInfo(plugin: Handle): RawPluginInfo | null;
  setPluginOption(plugin: Handle, name: string, value: string | null): void;
  resetPluginOptions(plugin: Handle): void;
  createModule(plugin: Handle, descriptorName: string): Handle | null;
  /**
   * Resets the plug-in's options to their load-time values, sets these, creates
   * the module and resets again, all in one native call under the plug-in's
   * lock. A descriptor of null only checks the options. Throws (code
   * WS_PLUGIN_OPTION) for a refused option; null when Create failed.
   */
  createModuleWithOptions(plugin: Handle, descriptorName: string | null, options: readonly (readonly [string, string | null])[]): Handle | null;
  moduleInfo(module: Handle): { name: string; functions: RawFunctionInfo[] };
  disposeModule(module: Handle): void;
  createGuestBinding(moduleName: string): Handle;
  attachGuestMemory(guest: Handle, memory: WasmMemoryLike): void;
  attachGuestExports(guest: Handle, exports: WasmExports, types: RawFunctionInfo[]): void;
  makeHostFunctions(module: Handle, guest?: Handle): Record<string, (...args: unknown[]) => unknown>;
  /**
   * Sets the stand-in's log level (a {@link NativeLogLevel}), which plug-ins and
   * backends read through ws_log_level(); one per process. With ifUnset, only
   * if no thread has set one yet.
   */
  setLogLevel(level: number, ifUnset?: boolean): void;
  /** The stand-in's log level now (a {@link NativeLogLevel}). */
  getLogLevel(): number;
  /**
   * dlopen(path, RTLD_NOW|RTLD_LOCAL) (a bare name: the loader's search), then
   * dlclose. With probeSymbol: calls `int probeSymbol(const char *argument,
   * uint8_t *out, size_t len)` in between (out: a 4 KiB buffer, read up to its NUL).
   */
  probeLibrary(path: string, probeSymbol?: string, argument?: string): LibraryProbe;
  /** "v8" when callWithTimeLimit works here (ws_bridge_v8_<ABI>.so loaded), else "unavailable (<why>)". */
  timeLimitPath(): string;
  /**
   * Calls fn.apply(thisArg, args); past `milliseconds`, V8 terminates it from a
   * watchdog thread (and plug-ins see ws_interrupt_requested()). Returns
   * [false, result], or [true, undefined] when the limit stopped it; fn's own
   * exceptions propagate.
   */
  callWithTimeLimit<T>(fn: (...args: never[]) => T, thisArg: unknown, args: unknown[], milliseconds: number): [timedOut: boolean, result: T | undefined];
}

/** What probeLibrary found. */
export interface LibraryProbe {
  loaded: boolean;
  /** dlerror() of the failed dlopen, or why the probe symbol could not be called. */
  error?: string;
  /** The probe function's return value. */
  result?: number;
  /** The text the probe function wrote. */
  text?: string;
}

/** WasmEdge_LogLevel values (wasmedge.h), plus WS_LogLevel_Off (ws_extensions.h). */
export const NativeLogLevel = {
  trace: 0,
  debug: 1,
  info: 2,
  warning: 3,
  error: 4,
  critical: 5,
  off: 6,
} as const;

/** ws_load_status of ws_host.h. */
export const LoadStatus = {
  Ok: 0,
  AlreadyLoaded: 1,
  NotFound: 2,
  NotSharedLibrary: 3,
  DlopenFailed: 4,
  NoDescriptor: 5,
  CxxPlugin: 6,
  NullDescriptor: 7,
  ApiVersion: 8,
  DuplicateName: 9,
  BadDescriptor: 10,
  UnknownSymbolVersion: 11,
  Truncated: 12,
  NotAFile: 13,
} as const;
