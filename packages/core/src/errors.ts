/**
 * Coded errors of @ws/core. Every message names the thing that failed and ends
 * with what to do about it.
 */

/** Stable error codes. */
export type WsErrorCode =
  | 'WS_BRIDGE_LOAD_FAILED'
  | 'WS_PLUGIN_NOT_FOUND'
  | 'WS_PLUGIN_PATH_NOT_FOUND'
  | 'WS_PLUGIN_NOT_SHARED_LIBRARY'
  | 'WS_PLUGIN_DLOPEN_FAILED'
  | 'WS_PLUGIN_NO_DESCRIPTOR'
  | 'WS_PLUGIN_CXX'
  | 'WS_PLUGIN_NULL_DESCRIPTOR'
  | 'WS_PLUGIN_API_MISMATCH'
  | 'WS_PLUGIN_VERSION_MISMATCH'
  | 'WS_PLUGIN_DUPLICATE'
  | 'WS_PLUGIN_BAD_DESCRIPTOR'
  | 'WS_PLUGIN_SYMBOL_VERSION'
  | 'WS_PLUGIN_TRUNCATED'
  | 'WS_PLUGIN_NOT_A_FILE'
  | 'WS_PLUGIN_LINK_LOOP'
  | 'WS_PLUGIN_DANGLING_LINK'
  | 'WS_PLUGIN_UNREADABLE'
  | 'WS_PLUGIN_OPTION'
  | 'WS_PLUGIN_MANIFEST'
  | 'WS_MODULE_NOT_FOUND'
  | 'WS_MODULE_CREATE_FAILED'
  | 'WS_MODULE_DISPOSED'
  | 'WS_IMPORT_UNRESOLVED'
  | 'WS_IMPORT_TYPE_MISMATCH'
  | 'WS_NOT_WASM'
  | 'WS_PREOPEN'
  | 'WS_RUNTIME_DISPOSED'
  | 'WS_HOST_FUNCTION_FAILED'
  | 'WS_TIME_LIMIT'
  | 'WS_MEMORY_PAGE_LIMIT'
  | 'WS_GAS_LIMIT'
  | 'WS_GAS_METERING'
  | 'WS_NATIVE_LIBRARY'
  | 'WS_ISOLATION'
  | 'WS_ISOLATED_CRASH'
  | 'WS_ISOLATED_TIME_LIMIT'
  | 'WS_POOL_QUEUE_FULL'
  | 'WS_POOL_CLOSED'
  | 'WS_POOL_UNAVAILABLE'
  | 'WS_USAGE';

/** `object` → `an object`, `function` → `a function` (for messages). */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Base class of every error @ws/core throws on purpose. */
export class WsError extends Error {
  readonly code: WsErrorCode;
  constructor(code: WsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WsError';
    this.code = code;
  }
}

/** A plug-in file could not be loaded; `path` names it. */
export class PluginLoadError extends WsError {
  readonly path: string;
  constructor(code: WsErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'PluginLoadError';
    this.path = path;
  }
}

/** One entry of {@link ImportResolutionError.unresolved}. */
export interface UnresolvedImport {
  module: string;
  name: string;
  kind: string;
  /** The npm package that provides the module, when the catalogue knows it. */
  package?: string;
  /** Why it did not resolve. */
  reason: string;
}

/** Instantiation failed because imports did not resolve; lists every one. */
export class ImportResolutionError extends WsError {
  readonly unresolved: UnresolvedImport[];
  constructor(code: WsErrorCode, unresolved: UnresolvedImport[], message: string) {
    super(code, message);
    this.name = 'ImportResolutionError';
    this.unresolved = unresolved;
  }
}

// Typed as a plain Error class so that the declarations name no DOM type (issue 14);
// at run time the base is WebAssembly.RuntimeError.
const RuntimeError: new (message?: string) => Error = WebAssembly.RuntimeError;

/**
 * A host function returned a failure: the guest traps. A subclass of
 * `WebAssembly.RuntimeError`, like any other trap.
 */
export class HostFunctionError extends RuntimeError {
  readonly code = 'WS_HOST_FUNCTION_FAILED' as const;
  /** The plug-in that provides the function. */
  readonly plugin: string;
  /** `module.function`. */
  readonly function: string;
  /** WasmEdge error code (the low 24 bits of WasmEdge_Result). */
  readonly errorCode: number;
  /** WasmEdge error category: 0 = WASM, 1 = user level. */
  readonly category: number;
  constructor(plugin: string, fn: string, errorCode: number, category: number, detail: string) {
    const codeText = `0x${errorCode.toString(16).padStart(category === 0 ? 4 : 1, '0')}`;
    super(
      `host function ${fn} of plug-in ${plugin || '(unknown)'} failed with ${category === 0 ? 'WasmEdge' : 'user'} error ${codeText} (${detail}). ` +
        'The guest was stopped; check the arguments the guest passed, or the plug-in\'s documentation for this code.',
    );
    this.name = 'HostFunctionError';
    this.plugin = plugin;
    this.function = fn;
    this.errorCode = errorCode;
    this.category = category;
  }
}

/**
 * Thrown through the guest when a host function returns WasmEdge's Terminate
 * result; the runtime turns it into a clean exit with code 0, like proc_exit(0).
 */
export class GuestTerminated extends Error {
  readonly plugin: string;
  readonly function: string;
  constructor(plugin: string, fn: string) {
    super(`host function ${fn} of plug-in ${plugin} terminated the guest`);
    this.name = 'GuestTerminated';
    this.plugin = plugin;
    this.function = fn;
  }
}

/**
 * The guest ran past its time limit (RuntimeOptions.timeLimitMs, `ws run
 * --time-limit`) and V8 stopped it. The process and the thread are usable
 * afterwards; the guest's instance is not (it was stopped anywhere).
 */
export class TimeLimitError extends WsError {
  declare readonly code: 'WS_TIME_LIMIT';
  /** The limit that fired, in milliseconds. */
  readonly limitMs: number;
  constructor(limitMs: number) {
    super(
      'WS_TIME_LIMIT',
      `The guest ran longer than its time limit of ${limitMs} ms and was stopped. Raise the limit (timeLimitMs / --time-limit) if the guest needs more time, or look for an endless loop in it.`,
    );
    this.name = 'TimeLimitError';
    this.limitMs = limitMs;
  }
}

/**
 * A memory of the guest declares more pages than its memory page limit
 * (RuntimeOptions.memoryPageLimit, `ws run --memory-page-limit`), so it cannot
 * be instantiated. (Growing past the limit is no error: memory.grow returns -1.)
 */
export class MemoryPageLimitError extends WsError {
  declare readonly code: 'WS_MEMORY_PAGE_LIMIT';
  /** Index of the memory (imported memories first). */
  readonly memoryIndex: number;
  /** The pages it declares as its minimum. */
  readonly minimumPages: number;
  /** The limit, in 64 KiB pages. */
  readonly limitPages: number;
  constructor(memoryIndex: number, minimumPages: number, limitPages: number) {
    super(
      'WS_MEMORY_PAGE_LIMIT',
      `Memory ${memoryIndex} of the guest needs at least ${minimumPages} page${minimumPages === 1 ? '' : 's'} of 64 KiB, above its memory page limit of ${limitPages}. Raise the limit (memoryPageLimit / --memory-page-limit) to ${minimumPages} or more, or build the guest with a smaller initial memory.`,
    );
    this.name = 'MemoryPageLimitError';
    this.memoryIndex = memoryIndex;
    this.minimumPages = minimumPages;
    this.limitPages = limitPages;
  }
}

/**
 * The guest used up its gas (RuntimeOptions.gasLimit, `ws run --gas-limit`):
 * the instrumented binary trapped before the block that would pass the limit,
 * as WasmEdge stops with "cost limit exceeded". Every instruction costs 1, as in
 * WasmEdge's default cost table.
 */
export class GasLimitError extends WsError {
  declare readonly code: 'WS_GAS_LIMIT';
  /** The limit. */
  readonly limit: bigint;
  /** Gas used when the guest was stopped: the limit (it had used all of it), as WasmEdge reports. */
  readonly gasUsed: bigint;
  constructor(limit: bigint) {
    super(
      'WS_GAS_LIMIT',
      `The guest used all of its gas limit of ${limit} (gas used: ${limit}; one per instruction, as WasmEdge counts) and was stopped. Raise the limit (gasLimit / --gas-limit N) if the guest needs more, or look for an endless loop in it.`,
    );
    this.name = 'GasLimitError';
    this.limit = limit;
    this.gasUsed = limit;
  }
}
