export { Plugin } from './plugins/plugin.js';
export type { PluginOptionInfo, PluginOptionValue } from './plugins/plugin.js';
export { HostModule } from './plugins/host-module.js';
export type { HostFunction, HostFunctionType } from './plugins/host-module.js';
export type { RejectedPlugin } from './plugins/load-errors.js';
export type { PluginExtensionManifest, PluginManifest } from './plugins/npm-manifest.js';
export { resolveExtensionOptions } from './plugins/default-options.js';
export { Runtime } from './runtime/runtime.js';
export type { Instantiated, RuntimeOptions } from './runtime/runtime.js';
export { isolationLevels } from './runtime/isolation/options.js';
export type { Isolation } from './runtime/isolation/options.js';
export { IsolatedCrashError } from './runtime/isolation/errors.js';
export { RuntimePool } from './runtime/isolation/pool.js';
export type { PoolResult, PoolTask, RuntimePoolOptions } from './runtime/isolation/pool.js';
export type { NativeModuleOptions } from './runtime/native-functions.js';
export type { PreopenValue } from './runtime/readonly-preopens.js';
export { formatResult } from './runtime/reactor.js';
export type { InvokeArgument } from './runtime/reactor.js';
export type { HostFunctionStatistics, RunStatistics } from './runtime/statistics.js';
export type { WasmFunctionType, WasmValType } from './runtime/wasm-binary.js';
export type {
  WasmBytes,
  WasmExports,
  WasmExportValue,
  WasmGlobalLike,
  WasmImports,
  WasmImportValue,
  WasmInstanceLike,
  WasmMemoryLike,
  WasmModuleLike,
  WasmTableLike,
} from './wasm-types.js';
export { GasLimitError, GuestTerminated, HostFunctionError, ImportResolutionError, MemoryPageLimitError, PluginLoadError, TimeLimitError, WsError } from './errors.js';
export type { UnresolvedImport, WsErrorCode } from './errors.js';
export { getLogLevel, logLevels, setLogLevel } from './log.js';
export type { LogLevel } from './log.js';
export { pluginCatalog } from './catalog.js';
export { platformKey } from './platform.js';
export type { PlatformKey } from './platform.js';
export { generatePluginTypes } from './typegen/typegen.js';
