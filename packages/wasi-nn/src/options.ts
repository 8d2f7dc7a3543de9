import { existsSync } from 'node:fs';
import type { PluginOptionValue } from '@ws/core';
import { ExecutionTarget, GraphEncoding } from './enums.js';
import { WasiNnError } from './errors.js';

/** A named model, as `--nn-preload NAME:ENCODING:TARGET:PATH[:PATH]`. */
export interface NnPreload {
  /** What guests pass to `load_by_name`; no `:`. */
  name: string;
  /** Encoding name, case-insensitive: `TensorflowLite` for .tflite models. */
  encoding: string;
  /** `CPU` (TensorFlow-Lite runs on CPU only), `GPU`, `TPU` or `AUTO`. Default `CPU`. */
  target?: string;
  /** Model files, read once when the wasi_ephemeral_nn module is created. */
  paths: string[];
}

/** Options of the wasi_nn plug-in. */
export interface WasiNnOptions {
  /**
   * Named models the guest may load with `load_by_name`. Model files are only
   * ever read from this trusted list, never from paths a guest supplies.
   * Strings use the `--nn-preload` syntax. Default: none.
   */
  preloads?: readonly (string | NnPreload)[];
  /** Threads per inference context. Default 0 = the number of available cores (`--nn-threads`). */
  threads?: number;
  /**
   * Absolute path of libtensorflowlite_c.so. Default: the library shipped by
   * tfjs-tflite-node with @ws/wasi-nn-tflite. The env var `WS_TFLITE_LIBRARY`
   * takes precedence.
   */
  tfliteLibrary?: string;
  /**
   * Graphs a guest may hold at once (loaded and not unloaded) in one module
   * instance (one Runtime); `load` returns RuntimeError (5) past it. Default
   * 64; 0 = no limit. CLI: `--nn-max-graphs N`.
   */
  maxGraphs?: number;
  /**
   * Execution contexts a guest may hold at once (not finalized) in one module
   * instance; `init_execution_context` returns RuntimeError (5) past it.
   * Default 256; 0 = no limit. CLI: `--nn-max-contexts N`.
   */
  maxContexts?: number;
}

const encodingNames = new Set([...Object.keys(GraphEncoding).map((n) => n.toLowerCase()), 'pytorchaoti']);
const targetNames = new Set(Object.keys(ExecutionTarget).map((n) => n.toLowerCase()));

/** `NAME:ENCODING:TARGET:PATH[:PATH]`, validated: unknown encodings or targets and missing files throw, naming them. */
export function formatPreload(preload: string | NnPreload): string {
  const text = typeof preload === 'string' ? preload : [preload.name, preload.encoding, preload.target ?? 'CPU', ...preload.paths].join(':');
  const [name = '', encoding = '', target = '', ...paths] = text.split(':');
  const fail = (why: string) => new WasiNnError('WS_NN_PRELOAD', `nn-preload ${text}: ${why}`);
  if (!name || paths.length === 0) throw fail('expected NAME:ENCODING:TARGET:PATH[:PATH], e.g. face:TensorflowLite:CPU:/models/face.tflite.');
  if (!encodingNames.has(encoding.toLowerCase())) throw fail(`unknown encoding '${encoding}'. Use TensorflowLite for .tflite models.`);
  if (!targetNames.has(target.toLowerCase())) throw fail(`unknown target '${target}'. Use CPU, GPU, TPU or AUTO.`);
  const lazy = ['ggml', 'bitnet', 'pytorchaoti'].includes(encoding.toLowerCase());
  for (const path of lazy ? [] : paths) {
    if (!existsSync(path)) throw fail(`model file '${path}' does not exist. Check the path.`);
  }
  return text;
}

/**
 * The plug-in options (`Runtime({ pluginOptions })`, `plugin.configure()`)
 * for these settings. Throws a WasiNnError naming a bad preload at once. The
 * backend packages' paths are not among them: `configure()` adds those of
 * the installed backend packages (their manifests' default options).
 */
export function wasiNnPluginOptions(options: WasiNnOptions = {}): Record<string, PluginOptionValue> {
  const threads = options.threads ?? 0;
  if (!Number.isInteger(threads) || threads < 0 || threads > 0xffffffff) {
    throw new WasiNnError('WS_NN_USAGE', `threads must be a whole number >= 0 (0 = available cores), got ${threads}.`);
  }
  const result: Record<string, PluginOptionValue> = {
    'nn-preload': (options.preloads ?? []).map(formatPreload),
    'nn-threads': threads,
  };
  if (options.tfliteLibrary) result['nn-tflite-library'] = options.tfliteLibrary;
  for (const [name, option, value] of [['maxGraphs', 'nn-max-graphs', options.maxGraphs], ['maxContexts', 'nn-max-contexts', options.maxContexts]] as const) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw new WasiNnError('WS_NN_USAGE', `${name} must be a whole number >= 0 (0 = no limit), got ${value}.`);
    }
    result[option] = value;
  }
  return result;
}
