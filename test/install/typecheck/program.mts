// A user's program against the published declarations of every @ws package,
// type-checked (never run) as a Node project without the DOM lib compiles it:
// tsconfig.json next to this file ("lib": ["ES2022"], @types/node only,
// strict, NodeNext, skipLibCheck off). Issue 14, item 5. Self-contained: the
// install test copies this folder into a freshly installed project and runs
// `tsc -p .` there; test/types/no-dom.test.ts runs it against the workspace.
// `.mts`: an ES module whatever the "type" of the project's package.json.
import { readFile } from 'node:fs/promises';
import {
  HostFunctionError,
  HostModule,
  ImportResolutionError,
  Plugin,
  Runtime,
  WsError,
  generatePluginTypes,
  platformKey,
  type HostFunction,
  type Instantiated,
  type RuntimeOptions,
  type WasmBytes,
  type WasmExportValue,
  type WasmImports,
  type WasmInstanceLike,
  type WasmMemoryLike,
  type WsErrorCode,
} from '@ws/core';
import { createProcessModule, processOptionNames, runCommand, toPluginOptions, type CommandResult, type WasmedgeProcessFunctions } from '@ws/process';
import { AlgorithmType, CryptoErrno, createWasiCryptoModules, type WasiCryptoImports, type WasiCryptoModules } from '@ws/wasi-crypto';
import { Graph, NnErrno, WasiNnError, loadGraph, wasiNnPluginOptions, type WasiEphemeralNnFunctions } from '@ws/wasi-nn';
import { ImageLoadError, createImageModule, disposeImageSessions, loadImage, type WasmedgeImageFunctions } from '@ws/image';
import {
  TensorflowErrno,
  createTensorflowLiteModule,
  createTensorflowModule,
  type WasmedgeTensorflowFunctions,
  type WasmedgeTensorflowLiteFunctions,
} from '@ws/tensorflow';

// Only lib.dom declares the global WebAssembly object; a program without it
// declares the constructor it uses.
declare const WebAssembly: { Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemoryLike };

function isMemory(value: WasmExportValue | undefined): value is WasmMemoryLike {
  return typeof value === 'object' && 'buffer' in value && 'grow' in value;
}

export async function core(): Promise<number> {
  Plugin.loadWithDefaultPaths();
  const names: string[] = Plugin.list();
  const plugin: Plugin | undefined = Plugin.find('wasmedge_process');
  const module: HostModule | undefined = plugin?.createModule('wasmedge_process');
  const typed = module?.bind<WasmedgeProcessFunctions>(new WebAssembly.Memory({ initial: 1 }));
  const exitCode: number | undefined = typed?.wasmedge_process_get_exit_code();
  const untyped: Record<string, HostFunction> | undefined = module?.bind();
  module?.dispose();

  const imports: WasmImports = { env: { now: () => Date.now(), answer: 42, big: 1n } };
  const options: RuntimeOptions = {
    args: ['app.wasm'],
    env: { LANG: 'C' },
    preopens: { '.': process.cwd() },
    imports,
    pluginOptions: { ...toPluginOptions({ allowCommands: ['ls'] }), ...wasiNnPluginOptions({ threads: 2 }) },
    forbiddenPlugins: ['wasi_crypto'],
  };
  using runtime = new Runtime(options);
  const bytes: WasmBytes = await readFile('app.wasm');
  const instance: WasmInstanceLike = await runtime.instantiate(bytes);
  const detailed: Instantiated = await runtime.instantiateDetailed(new Uint8Array(bytes.byteLength).buffer);
  const memory = instance.exports.memory;
  const pages: number = isMemory(memory) ? memory.buffer.byteLength / 65536 : 0;
  const exported = instance.exports.add;
  const sum: unknown = typeof exported === 'function' ? exported(1, 2) : undefined;
  try {
    return await runtime.run(bytes);
  } catch (error) {
    if (error instanceof ImportResolutionError) console.log(error.unresolved.map((u) => `${u.module}.${u.name}: ${u.reason}`));
    if (error instanceof HostFunctionError) console.log(error.plugin, error.function, error.errorCode, error.message);
    if (error instanceof WsError) {
      const code: WsErrorCode = error.code;
      console.log(code);
    }
    console.log(names, exitCode, untyped, detailed.modules.size, pages, sum, platformKey(), plugin && generatePluginTypes(plugin));
    return 1;
  }
}

export function processWrapper(): CommandResult {
  const result: CommandResult = runCommand({ program: 'ls', args: ['-l'], env: { LANG: 'C' }, stdin: '', timeoutMs: 2000 });
  const text: string = result.stdout.toString('utf8') + result.stderr.toString('utf8');
  const module: HostModule = createProcessModule({ allowCommands: ['ls'], defaultTimeoutMs: 1000 });
  const option: string = processOptionNames.allowCommands;
  console.log(text, module.name, option, result.exitCode);
  return result;
}

export function wasiCrypto(): boolean {
  const crypto: WasiCryptoModules = createWasiCryptoModules();
  const imports: WasiCryptoImports = crypto.bind(new WebAssembly.Memory({ initial: 1 }));
  const { wasi_ephemeral_crypto_common: common } = imports;
  const opened = common.options_open(AlgorithmType.symmetric, 0) === CryptoErrno.success;
  crypto.dispose();
  return opened;
}

export async function wasiNn(model: Uint8Array): Promise<Uint8Array[]> {
  const graph: Graph = await loadGraph(model, 'tflite', { threads: 2, target: 'CPU' });
  try {
    const outputs: Uint8Array[] = graph.compute([{ data: new Float32Array(128 * 128 * 3), dims: [1, 128, 128, 3] }]);
    graph.setInput(0, new Uint8Array(3));
    const first: Uint8Array | undefined = graph.output(0);
    const nnModule = Plugin.find('wasi_nn')?.createModule('wasi_nn');
    const nn = nnModule?.bind<WasiEphemeralNnFunctions>(new WebAssembly.Memory({ initial: 1 }));
    const loaded: boolean = nn?.load_by_name(0, 4, 8) === NnErrno.Success;
    nnModule?.dispose();
    console.log(first, loaded);
    return outputs;
  } catch (error) {
    if (error instanceof WasiNnError) console.log(error.code);
    throw error;
  } finally {
    graph.dispose();
  }
}

export async function image(): Promise<number> {
  const jpeg = await readFile('cat.jpg');
  try {
    const floats: Float32Array = loadImage(jpeg, { width: 224, height: 224, format: 'rgb32f' });
    const rgb: Uint8Array = loadImage(jpeg, { width: 224, height: 224 });
    const module = createImageModule({ maxPixels: 1 << 20 });
    const functions = module.bind<WasmedgeImageFunctions>(new WebAssembly.Memory({ initial: 1 }));
    const status: number = functions.load_image(0, jpeg.length, 224, 224, 0, 1 << 16, 224 * 224 * 3);
    module.dispose();
    console.log(status);
    return floats.length + rgb.length;
  } catch (error) {
    if (error instanceof ImageLoadError) console.log(error.code);
    throw error;
  } finally {
    disposeImageSessions();
  }
}

export function tensorflow(model: Uint8Array): number {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const lite = createTensorflowLiteModule({ threads: 2 });
  const fns = lite.bind<WasmedgeTensorflowLiteFunctions>(memory);
  new Uint8Array(memory.buffer).set(model, 8);
  const status: number = fns.create_session(8, model.length, 0);
  const legacy: bigint = fns.wasmedge_tensorflowlite_create_session(8, model.length);
  lite.dispose();
  const full = createTensorflowModule();
  const tf = full.bind<WasmedgeTensorflowFunctions>(memory);
  const cleared: boolean = tf.clear_input(0) === TensorflowErrno.Success;
  full.dispose();
  console.log(legacy, cleared);
  return status;
}
