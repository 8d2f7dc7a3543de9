/**
 * Options of the two plug-ins. The same values are CLI flags of `ws run` and
 * `pluginOptions` of `new Runtime(...)` in @ws/core; a module copies them when
 * it is created (WasmEdge's rule), so set them first. WasmEdge's own plug-ins
 * have no options: these are ws additions with WasmEdge's behaviour as default.
 */
export interface TensorflowLiteOptions {
  /** Threads of each interpreter. Default 2 (WasmEdge's fixed value). CLI: `--tflite-threads N`. */
  threads?: number;
  /**
   * Absolute path of libtensorflowlite_c.so. Default: `WS_TFLITE_LIBRARY`,
   * then tfjs-tflite-node's library. CLI: `--tflite-library PATH`.
   */
  tfliteLibrary?: string;
  /**
   * Sessions a guest may hold at once in one module instance (one Runtime);
   * creating another returns 4 (Busy) until one is deleted. Default 64.
   * CLI: `--tflite-max-sessions N`.
   */
  maxSessions?: number;
}

export interface TensorflowOptions {
  /**
   * Path of TensorFlow's C library (libtensorflow.so.2). Default:
   * `WS_LIBTENSORFLOW`, then the loader's search path. CLI: `--tensorflow-library PATH`.
   */
  tensorflowLibrary?: string;
  /**
   * Sessions a guest may hold at once in one module instance (one Runtime);
   * creating another returns 4 (Busy) until one is deleted. Default 64.
   * CLI: `--tensorflow-max-sessions N`.
   */
  maxSessions?: number;
}

/** Plug-in option values keyed by option name, as @ws/core takes them. */
export type TensorflowPluginOptions = Record<string, string>;

/** Option names declared by the plug-ins. */
export const tensorflowOptionNames = {
  threads: 'tflite-threads',
  tfliteLibrary: 'tflite-library',
  tensorflowLibrary: 'tensorflow-library',
  tfliteMaxSessions: 'tflite-max-sessions',
  tensorflowMaxSessions: 'tensorflow-max-sessions',
} as const;

/** Default of `maxSessions` of both plug-ins. */
export const defaultMaxSessions = 64;

/** The largest `maxSessions` the plug-ins take (their hard cap). */
export const maxSessionsCap = 1 << 20;

function sessionCount(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > maxSessionsCap) {
    throw new RangeError(`[ws:tensorflow] maxSessions must be an integer from 1 to ${maxSessionsCap}, got ${value}. Pass e.g. ${defaultMaxSessions}.`);
  }
  return String(value);
}

/** Default of {@link TensorflowLiteOptions.threads}. */
export const defaultTfliteThreads = 2;

function absolutePath(name: string, value: string): string {
  if (!value.startsWith('/')) {
    throw new RangeError(`[ws:tensorflow] ${name} must be an absolute path, got ${JSON.stringify(value)}. Pass the full path of the library file.`);
  }
  return value;
}

/** Converts typed options into plug-in option values for wasmedge_tensorflowlite. */
export function toTensorflowLitePluginOptions(options: TensorflowLiteOptions): TensorflowPluginOptions {
  const values: TensorflowPluginOptions = {};
  if (options.threads !== undefined) {
    if (!Number.isInteger(options.threads) || options.threads < 1 || options.threads > 256) {
      throw new RangeError(`[ws:tensorflow] threads must be an integer from 1 to 256, got ${options.threads}. Pass e.g. ${defaultTfliteThreads}.`);
    }
    values[tensorflowOptionNames.threads] = String(options.threads);
  }
  if (options.tfliteLibrary !== undefined) values[tensorflowOptionNames.tfliteLibrary] = absolutePath('tfliteLibrary', options.tfliteLibrary);
  if (options.maxSessions !== undefined) values[tensorflowOptionNames.tfliteMaxSessions] = sessionCount(options.maxSessions);
  return values;
}

/** Converts typed options into plug-in option values for wasmedge_tensorflow. */
export function toTensorflowPluginOptions(options: TensorflowOptions): TensorflowPluginOptions {
  const values: TensorflowPluginOptions = {};
  if (options.tensorflowLibrary !== undefined) values[tensorflowOptionNames.tensorflowLibrary] = options.tensorflowLibrary;
  if (options.maxSessions !== undefined) values[tensorflowOptionNames.tensorflowMaxSessions] = sessionCount(options.maxSessions);
  return values;
}
