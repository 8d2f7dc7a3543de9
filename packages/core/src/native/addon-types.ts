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
  moduleInfo(module: Handle): { name: string; functions: RawFunctionInfo[] };
  disposeModule(module: Handle): void;
  createGuestBinding(moduleName: string): Handle;
  attachGuestMemory(guest: Handle, memory: WasmMemoryLike): void;
  attachGuestExports(guest: Handle, exports: WasmExports, types: RawFunctionInfo[]): void;
  makeHostFunctions(module: Handle, guest?: Handle): Record<string, (...args: unknown[]) => unknown>;
}

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
} as const;
