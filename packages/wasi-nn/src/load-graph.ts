import { Plugin, type HostModule, type WasmMemoryLike } from '@ws/core';
import { ExecutionTarget, GraphEncoding, NnErrno, TensorType, type ExecutionTargetName, type GraphEncodingName, type TensorTypeName } from './enums.js';
import { callFailed, WasiNnError } from './errors.js';
import { wasiNnPluginOptions } from './options.js';
import type { WasiEphemeralNnFunctions } from './types.js';

/** One input tensor. A bare typed array is a 1-D tensor of its element type. */
export type TensorInput =
  | Float32Array
  | Int32Array
  | Uint8Array
  | { data: Float32Array | Int32Array | Uint8Array | Uint16Array; dims?: readonly number[]; type?: TensorTypeName };

/** Options of {@link loadGraph}. */
export interface LoadGraphOptions {
  /** Threads per inference context. Default 0 = available cores. */
  threads?: number;
  /** Execution target. Default `CPU`. */
  target?: ExecutionTargetName;
  /** Absolute path of libtensorflowlite_c.so (default: the one @ws/wasi-nn-tflite's platform package carries). */
  tfliteLibrary?: string;
}

// Layout of the scratch memory the host functions see as guest memory 0.
const BUILDERS = 0; // one builder entry: ptr, len
const HANDLE_OUT = 16;
const WRITTEN_OUT = 20;
const TENSOR = 32; // 20-byte tensor struct
const DIMS = 128; // up to 64 u32 dimensions
const MAX_DIMS = 64;
const DATA = 1024; // model bytes during load, then input and output data
const PAGE = 65536;

const encodingAliases: Record<string, number> = { tflite: GraphEncoding.TensorflowLite };

function encodingValue(encoding: GraphEncodingName | 'tflite' | number): number {
  if (typeof encoding === 'number') return encoding;
  const value = encodingAliases[encoding.toLowerCase()] ?? Object.entries(GraphEncoding).find(([name]) => name.toLowerCase() === encoding.toLowerCase())?.[1];
  if (value === undefined) throw new WasiNnError('WS_NN_USAGE', `Unknown graph encoding '${encoding}'. Use one of ${['tflite', ...Object.keys(GraphEncoding)].map((name) => `'${name}'`).join(', ')}, or its number.`);
  return value;
}

/**
 * The wasi_nn plug-in of this package (`Plugin.forPackage`): the one already
 * registered, else this package's, loaded on first use from
 * `WS_WASI_NN_LIBRARY`, the platform package @ws/wasi-nn-<platform>, or a ws
 * checkout's native/build. The backend packages installed next to it or in the
 * working directory's project (@ws/wasi-nn-tflite, ...) give its
 * `nn-<backend>-*` options when it is configured.
 */
export function loadWasiNnPlugin(): Plugin {
  return Plugin.forPackage(import.meta.url);
}

/**
 * A model loaded through the wasi_nn plug-in, run from JavaScript with the
 * same host functions a guest calls (no guest involved).
 */
export class Graph {
  readonly #module: HostModule;
  readonly #memory: WasmMemoryLike;
  readonly #nn: WasiEphemeralNnFunctions;
  readonly #graph: number;
  readonly #context: number;
  #disposed = false;

  /** @internal Use {@link loadGraph}. */
  constructor(module: HostModule, memory: WasmMemoryLike, nn: WasiEphemeralNnFunctions, graph: number, context: number) {
    this.#module = module;
    this.#memory = memory;
    this.#nn = nn;
    this.#graph = graph;
    this.#context = context;
  }

  /** Graph handle (as a guest would see it). */
  get handle(): number {
    return this.#graph;
  }

  /**
   * Sets every input, runs the model and returns the raw bytes of every
   * output (in the model's element type, little-endian).
   */
  compute(inputs: readonly TensorInput[]): Uint8Array[] {
    this.#assertLive();
    inputs.forEach((input, index) => this.setInput(index, input));
    const errno = this.#nn.compute(this.#context);
    if (errno !== NnErrno.Success) throw callFailed('compute', errno, 'Check that every input of the model was given.');
    const outputs: Uint8Array[] = [];
    for (let index = 0; ; index++) {
      const output = this.output(index);
      if (!output) return outputs;
      outputs.push(output);
    }
  }

  /** Copies one input into the model. */
  setInput(index: number, input: TensorInput): void {
    this.#assertLive();
    const { data, dims, type } = normalizeInput(input);
    if (dims.length > MAX_DIMS) throw new WasiNnError('WS_NN_USAGE', `An input has ${dims.length} dimensions; at most ${MAX_DIMS} are supported.`);
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.#reserve(DATA + bytes.length);
    const view = new DataView(this.#memory.buffer);
    dims.forEach((dim, i) => view.setUint32(DIMS + 4 * i, dim, true));
    view.setUint32(TENSOR, DIMS, true);
    view.setUint32(TENSOR + 4, dims.length, true);
    view.setUint32(TENSOR + 8, TensorType[type], true);
    view.setUint32(TENSOR + 12, DATA, true);
    view.setUint32(TENSOR + 16, bytes.length, true);
    new Uint8Array(this.#memory.buffer, DATA, bytes.length).set(bytes);
    const errno = this.#nn.set_input(this.#context, index, TENSOR);
    if (errno !== NnErrno.Success) {
      throw callFailed('set_input', errno, `Input ${index} (${type}, dims [${dims.join(',')}], ${bytes.length} bytes) does not match the model's input tensor.`);
    }
  }

  /** Raw bytes of output `index`, or undefined if the model has no such output. */
  output(index: number): Uint8Array | undefined {
    this.#assertLive();
    // Ask for the size first: TooLarge reports it without copying.
    let errno = this.#nn.get_output(this.#context, index, DATA, 0, WRITTEN_OUT);
    if (errno === NnErrno.InvalidArgument) return undefined;
    if (errno !== NnErrno.Success && errno !== NnErrno.TooLarge) throw callFailed('get_output', errno, 'Run compute() first.');
    const size = new DataView(this.#memory.buffer).getUint32(WRITTEN_OUT, true);
    this.#reserve(DATA + size);
    errno = this.#nn.get_output(this.#context, index, DATA, size, WRITTEN_OUT);
    if (errno !== NnErrno.Success) throw callFailed('get_output', errno, 'Run compute() first.');
    return new Uint8Array(this.#memory.buffer, DATA, size).slice();
  }

  /** Frees the context, the graph and the module instance. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#nn.finalize_execution_context(this.#context);
    this.#nn.unload(this.#graph);
    this.#module.dispose();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  #reserve(bytes: number): void {
    const missing = bytes - this.#memory.buffer.byteLength;
    if (missing > 0) this.#memory.grow(Math.ceil(missing / PAGE));
  }

  #assertLive(): void {
    if (this.#disposed) throw new WasiNnError('WS_NN_USAGE', 'This graph was disposed. Load it again with loadGraph().');
  }
}

function normalizeInput(input: TensorInput): { data: ArrayBufferView; dims: number[]; type: TensorTypeName } {
  const spec = ArrayBuffer.isView(input) ? { data: input } : input;
  const data = spec.data;
  const type: TensorTypeName =
    spec.type ?? (data instanceof Float32Array ? 'F32' : data instanceof Int32Array ? 'I32' : data instanceof Uint16Array ? 'F16' : 'U8');
  return { data, dims: spec.dims ? [...spec.dims] : [data.length], type };
}

/**
 * Loads a model through the wasi_nn plug-in and creates one execution
 * context: `const g = await loadGraph(bytes, 'tflite'); g.compute([input])`.
 */
export async function loadGraph(model: Uint8Array, encoding: GraphEncodingName | 'tflite' | number = 'tflite', options: LoadGraphOptions = {}): Promise<Graph> {
  const plugin = loadWasiNnPlugin();
  const pluginOptions = wasiNnPluginOptions({ threads: options.threads, tfliteLibrary: options.tfliteLibrary });
  const module = plugin.createModule('wasi_nn', { options: pluginOptions });
  try {
    const memory = new WebAssembly.Memory({ initial: Math.ceil((DATA + model.length) / PAGE) });
    const nn = module.bind(memory) as unknown as WasiEphemeralNnFunctions;
    new Uint8Array(memory.buffer, DATA, model.length).set(model);
    const view = new DataView(memory.buffer);
    view.setUint32(BUILDERS, DATA, true);
    view.setUint32(BUILDERS + 4, model.length, true);
    const target = ExecutionTarget[options.target ?? 'CPU'];
    let errno = nn.load(BUILDERS, 1, encodingValue(encoding), target, HANDLE_OUT);
    if (errno !== NnErrno.Success) throw callFailed('load', errno, 'Check the message the plug-in printed above (a backend package that is not installed, or a model it refused), that the bytes are a model of this encoding, and that the target is CPU.');
    const graph = view.getUint32(HANDLE_OUT, true);
    errno = nn.init_execution_context(graph, HANDLE_OUT);
    if (errno !== NnErrno.Success) throw callFailed('init_execution_context', errno, 'The model could not be prepared for inference.');
    const context = new DataView(memory.buffer).getUint32(HANDLE_OUT, true);
    return new Graph(module, memory, nn, graph, context);
  } catch (error) {
    module.dispose();
    throw error;
  }
}
