// The isolated side of a run, shared by the worker thread, the child process
// and the pool's workers: register the caller's plug-ins, run, report.
import { catalogEntryForModule } from '../../catalog.js';
import { Plugin } from '../../plugins/plugin.js';
import type { WasmBytes } from '../../wasm-types.js';
import { Runtime } from '../runtime.js';
import { readModuleInfo } from '../wasm-binary.js';
import { applyPluginSetup, type IsolatedRuntimeOptions, type PluginSetup } from './options.js';
import { serializeError, type SerializedError } from './serialized-error.js';

const WASI_MODULE = 'wasi_snapshot_preview1';

/** What the caller sends. */
export interface RunRequest {
  source: Uint8Array | WebAssembly.Module;
  options: IsolatedRuntimeOptions;
  setup: PluginSetup;
}

/** What the isolated side sends back. */
export type RunReport =
  | { type: 'plugins'; imported: { module: string; plugin: string }[] }
  | { type: 'exit'; code: number; gasUsed?: bigint }
  | { type: 'error'; error: SerializedError };

/** The plug-in modules a guest imports and the plug-in that provides each (as far as is known before creating them). */
export function importedPluginModules(source: WasmBytes | WebAssembly.Module, options: IsolatedRuntimeOptions): { module: string; plugin: string }[] {
  let names: string[];
  try {
    names = source instanceof WebAssembly.Module ? WebAssembly.Module.imports(source).map((i) => i.module) : readModuleInfo(source as Uint8Array).imports.map((i) => i.module);
  } catch {
    return []; // Not WebAssembly: the run reports that.
  }
  const modules = [...new Set(names)].filter((name) => name !== WASI_MODULE && !options.native?.[name]);
  return modules.map((module) => {
    const provider = Plugin.all().find((plugin) => plugin.claimsImport(module) || (plugin.loaded && plugin.listModules().includes(module)));
    return { module, plugin: provider?.name ?? catalogEntryForModule(module)?.plugin ?? module };
  });
}

/** Runs the request here; `report` gets the imported plug-ins first (a crash may follow), then the result. */
export async function runRequest(request: RunRequest, report: (message: RunReport) => void | Promise<void>): Promise<void> {
  let runtime: Runtime | undefined;
  try {
    const options = applyPluginSetup(request.setup, request.options);
    // Awaited: the caller must know the suspects before a plug-in can crash this process.
    await report({ type: 'plugins', imported: importedPluginModules(request.source, options) });
    runtime = new Runtime(options);
    const code = await runtime.run(request.source);
    // The gas used (gasLimit, gasMeasuring) goes back to the caller's Runtime.lastGasUsed.
    await report(runtime.lastGasUsed === undefined ? { type: 'exit', code } : { type: 'exit', code, gasUsed: runtime.lastGasUsed });
  } catch (error) {
    await report({ type: 'error', error: serializeError(error) });
  } finally {
    runtime?.dispose();
  }
}
