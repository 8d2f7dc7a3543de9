// RuntimePool: guests on N worker threads (piscina), the compiled module shared.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { WsError } from '../../errors.js';
import { installCommand } from '../../package-manager.js';
import type { WasmBytes, WasmModuleLike } from '../../wasm-types.js';
import type { RuntimeOptions } from '../runtime.js';
import { exportMemoryZero, readModuleInfo } from '../wasm-binary.js';
import { isolatedTimeLimitError } from './errors.js';
import { capturePluginSetup, isolatedOptions, timeLimitOf } from './options.js';
import type { PoolWorkerData, PoolWorkerResult, PoolWorkerTask } from './pool-worker.js';
import { TIME_LIMIT_GRACE_MS } from './run-isolated.js';
import { reviveError } from './serialized-error.js';

const require = createRequire(import.meta.url);

/**
 * piscina is loaded on first use. It is an optional peer dependency of @ws/core, installed by
 * the user who makes pools: a plain install of ws stays within its size budget (issue 14).
 */
function loadPiscina(): typeof Piscina {
  try {
    return (require('piscina') as typeof import('piscina')).Piscina;
  } catch (error) {
    const version = (require('../../../package.json') as { peerDependencies: Record<string, string> }).peerDependencies.piscina;
    throw new WsError(
      'WS_POOL_UNAVAILABLE',
      `RuntimePool runs on piscina, an optional peer dependency of @ws/core that could not be loaded (${(error as Error).message.split('\n')[0]}). Install it: ${installCommand([`piscina@${version}`])}.`,
      { cause: error },
    );
  }
}

/** Options of a {@link RuntimePool}: the runtime options every task shares, and the pool's own. */
export interface RuntimePoolOptions extends Omit<RuntimeOptions, 'imports' | 'isolation' | 'stdin' | 'stdout' | 'stderr'> {
  /** Worker threads. Default: `os.availableParallelism()`. */
  workers?: number;
  /**
   * Tasks that may wait for a free worker: with `workers + maxQueue` tasks accepted and
   * unfinished, run() rejects at once with `WS_POOL_QUEUE_FULL` (back-pressure). Default: no bound.
   */
  maxQueue?: number;
  /** How long close() waits for running and queued tasks before it rejects. Default 30000 ms. */
  closeTimeoutMs?: number;
}

/** One guest run in a pool. */
export interface PoolTask {
  /** argv of the guest. Default: the pool's `args`. */
  args?: string[];
  /** Environment of the guest. Default: the pool's `env`. */
  env?: Record<string, string>;
  /** The guest's stdin (a string is UTF-8). Default: empty. */
  stdin?: Uint8Array | string;
  /**
   * Milliseconds this task may run (default: the pool's `timeLimitMs`). Past it, its worker is
   * ended (even in a host call that does not return) and replaced; the task rejects.
   */
  timeLimitMs?: number;
  /** Aborts the task: a waiting one leaves the queue, a running one ends its worker. */
  signal?: AbortSignal;
}

/** What a task returns: the exit code and everything the guest wrote. */
export interface PoolResult {
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
}

/**
 * Runs WASI guests on a pool of worker threads ({@link https://github.com/piscinajs/piscina piscina}).
 * Each task gets a new Runtime in a worker (plug-in module instances are not shared between
 * tasks); the compiled module is shared (sent to the workers, never recompiled), and plug-in
 * libraries are loaded once per process. docs/running-many-guests.md says what is shared.
 */
export class RuntimePool {
  readonly #piscina: Piscina<PoolWorkerTask, PoolWorkerResult>;
  readonly #timeLimitMs: number | undefined;
  readonly #compiled = new WeakMap<object, WebAssembly.Module>();
  /** memoryPageLimit and the gas meter rewrite the bytes in each worker's Runtime: send bytes, not the module. */
  readonly #sendBytes: boolean;
  #closed: 'closed' | 'destroyed' | undefined;
  readonly #maxAccepted: number;
  /** Tasks accepted and not settled: close() waits for them (piscina's close ends queued ones). */
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(options: RuntimePoolOptions = {}) {
    const { workers, maxQueue, closeTimeoutMs, ...runtimeOptions } = options;
    for (const [name, value] of [['workers', workers], ['maxQueue', maxQueue]] as const) {
      if (value !== undefined && !(Number.isInteger(value) && value >= (name === 'workers' ? 1 : 0))) {
        throw new WsError('WS_USAGE', `RuntimePool option ${name} must be a whole number${name === 'workers' ? ' of at least 1' : ''}, got ${String(value)}.`);
      }
    }
    this.#timeLimitMs = timeLimitOf(runtimeOptions);
    const rewrites = runtimeOptions as { memoryPageLimit?: number; gasLimit?: number | bigint; gasMeasuring?: boolean };
    this.#sendBytes = rewrites.memoryPageLimit !== undefined || rewrites.gasLimit !== undefined || rewrites.gasMeasuring === true;
    const threads = workers ?? availableParallelism();
    this.#maxAccepted = threads + (maxQueue ?? Infinity);
    const workerData: PoolWorkerData = { options: isolatedOptions(runtimeOptions, 'worker'), setup: capturePluginSetup(runtimeOptions) };
    this.#piscina = new (loadPiscina())({
      filename: new URL('./pool-worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      // Back-pressure is counted here (#maxAccepted): piscina's own count also lets in as many
      // tasks as there are workers still starting, so a burst at start-up got past it.
      maxQueue: Infinity,
      idleTimeout: Infinity,
      closeTimeout: closeTimeoutMs ?? 30000,
      workerData,
    });
  }

  /** Worker threads of the pool. */
  get workers(): number {
    return this.#piscina.maxThreads;
  }

  /** Tasks waiting for a worker. */
  get queueSize(): number {
    return this.#piscina.queueSize;
  }

  /**
   * Compiles the guest once (also when the same bytes object is passed again) and runs it
   * on a free worker. Resolves to the exit code and the captured output; a trap or any
   * other guest error rejects as in Runtime.run().
   */
  run(source: WasmBytes | WasmModuleLike, task: PoolTask = {}): Promise<PoolResult> {
    try {
      this.#assertOpen();
      if (this.#inFlight.size >= this.#maxAccepted) {
        throw new WsError(
          'WS_POOL_QUEUE_FULL',
          `The RuntimePool is full: ${this.#inFlight.size} tasks accepted and unfinished (its ${this.workers} workers busy and maxQueue ${this.#maxAccepted - this.workers} waiting). Wait for running tasks (await some results) before adding more, or raise maxQueue.`,
        );
      }
    } catch (error) {
      return Promise.reject(error);
    }
    const result = this.#run(source, task);
    const tracked = result.catch(() => undefined).finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
    return result;
  }

  async #run(source: WasmBytes | WasmModuleLike, task: PoolTask): Promise<PoolResult> {
    // Synchronous up to the submission: tasks enter the queue in call order, and a close()
    // called after run() lets them finish.
    const module = this.#sendBytes && !(source instanceof WebAssembly.Module) ? bytesOf(source as WasmBytes) : this.#module(source);
    const limit = task.timeLimitMs === undefined ? this.#timeLimitMs : timeLimitOf({ timeLimitMs: task.timeLimitMs } as RuntimeOptions);
    const abort = new AbortController();
    const onAbort = (): void => abort.abort(task.signal!.reason);
    task.signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    // The worker's Runtime answers first at the limit when it can stop the guest itself.
    const timer = limit === undefined ? undefined : setTimeout(() => ((timedOut = true), abort.abort()), limit + TIME_LIMIT_GRACE_MS);
    const stdin = typeof task.stdin === 'string' ? new TextEncoder().encode(task.stdin) : task.stdin;
    try {
      const result = await this.#piscina.run(
        { source: module, args: task.args, env: task.env, stdin, timeLimitMs: task.timeLimitMs },
        { signal: task.signal?.aborted ? task.signal : abort.signal },
      );
      if ('error' in result) throw reviveError(result.error);
      return { exitCode: result.exitCode, stdout: Buffer.from(result.stdout), stderr: Buffer.from(result.stderr) };
    } catch (error) {
      throw this.#poolError(error, timedOut, limit);
    } finally {
      clearTimeout(timer);
      task.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Takes no more tasks; resolves when the running and queued ones have finished and the workers have ended. */
  async close(): Promise<void> {
    this.#closed ??= 'closed';
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
    await this.#piscina.close();
  }

  /** Ends the workers now: running and queued tasks reject with `WS_POOL_CLOSED`. */
  async destroy(): Promise<void> {
    this.#closed = 'destroyed';
    await this.#piscina.destroy();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #module(source: WasmBytes | WasmModuleLike): WebAssembly.Module {
    if (source instanceof WebAssembly.Module) return source;
    if (typeof source !== 'object' || source === null) {
      throw new WsError('WS_USAGE', `RuntimePool.run() takes the guest's bytes (Buffer, Uint8Array, ArrayBuffer) or a WebAssembly.Module, not ${source === null ? 'null' : typeof source}. Read the file first.`);
    }
    let compiled = this.#compiled.get(source);
    if (!compiled) {
      compiled = compileGuest(source as WasmBytes);
      this.#compiled.set(source, compiled);
    }
    return compiled;
  }

  #assertOpen(): void {
    if (this.#closed) throw new WsError('WS_POOL_CLOSED', `This RuntimePool was ${this.#closed}: it runs no more tasks. Create a new RuntimePool.`);
  }

  #poolError(error: unknown, timedOut: boolean, limit: number | undefined): unknown {
    if (timedOut && limit !== undefined) return isolatedTimeLimitError(limit, 'worker thread');
    const message = (error as Error | undefined)?.message ?? '';
    if (this.#closed === 'destroyed' && (message === 'Terminating worker thread' || (error as Error).name === 'AbortError')) {
      return new WsError('WS_POOL_CLOSED', 'The RuntimePool was destroyed before this task finished. Use close() to let running tasks finish.', { cause: error });
    }
    return error;
  }
}

function bytesOf(source: WasmBytes): Uint8Array {
  return ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : new Uint8Array(source as ArrayBuffer);
}

/**
 * As Runtime compiles (the memory exported for node:wasi if the guest does not), but
 * synchronously: once per bytes object, and run() stays synchronous up to the queue.
 */
function compileGuest(source: WasmBytes): WebAssembly.Module {
  const bytes = bytesOf(source);
  let rewritten: Uint8Array = bytes;
  try {
    rewritten = exportMemoryZero(bytes, readModuleInfo(bytes));
  } catch {
    // Not WebAssembly: WebAssembly.compile says so below.
  }
  try {
    return new WebAssembly.Module(rewritten as Uint8Array<ArrayBuffer>);
  } catch (error) {
    throw new WsError('WS_NOT_WASM', `The guest is not a valid WebAssembly module: ${(error as Error).message}. Rebuild it for wasm32-wasi.`, { cause: error });
  }
}
