// The caller's side of Runtime({ isolation }).run(): start a worker thread or a
// child process, send the guest and the options, wait for the exit code.
import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { WsError } from '../../errors.js';
import type { WasmBytes, WasmModuleLike } from '../../wasm-types.js';
import type { RuntimeOptions } from '../runtime.js';
import { IsolatedCrashError, isolatedExitError, isolatedTimeLimitError } from './errors.js';
import type { RunReport, RunRequest } from './guest-side.js';
import { capturePluginSetup, isolatedOptions, timeLimitOf, type Isolation } from './options.js';
import { reviveError } from './serialized-error.js';

/**
 * How long after the time limit the worker or process is ended: a Runtime
 * that enforces timeLimitMs itself answers first with its own error; this
 * ends what it cannot stop (a host call that does not return).
 */
export const TIME_LIMIT_GRACE_MS = 100;

/**
 * Runs `_start` of the guest in a new worker thread or child process; resolves to its exit code.
 * `onExit` gets the rest of what the run reports (the gas used) before that.
 */
export function runIsolated(isolation: Exclude<Isolation, 'none'>, source: WasmBytes | WasmModuleLike, options: RuntimeOptions, onExit?: (report: { gasUsed?: bigint }) => void): Promise<number> {
  const limit = timeLimitOf(options);
  const request: RunRequest = { source: sourceFor(isolation, source), options: isolatedOptions(options, isolation), setup: capturePluginSetup(options) };
  return isolation === 'worker' ? runInWorker(request, limit, onExit) : runInProcess(request, limit, onExit);
}

function sourceFor(isolation: Exclude<Isolation, 'none'>, source: WasmBytes | WasmModuleLike): Uint8Array | WebAssembly.Module {
  if (source instanceof WebAssembly.Module) {
    if (isolation === 'worker') return source; // cloned to the worker, not recompiled
    throw new WsError('WS_ISOLATION', "A WebAssembly.Module cannot be sent to another process. Pass the guest's bytes to run() with isolation 'process'.");
  }
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  const tag = Object.prototype.toString.call(source);
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') return new Uint8Array(source as ArrayBuffer);
  // Anything else: the isolated Runtime gives its usual WS_USAGE error.
  return source as Uint8Array;
}

/** Settles once; clears the timer. */
function settler(resolve: (code: number) => void, reject: (error: unknown) => void) {
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  return {
    get done() {
      return done;
    },
    setTimer(t: NodeJS.Timeout) {
      timer = t;
    },
    resolve(code: number) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(code);
    },
    reject(error: unknown) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(error);
    },
  };
}

function onReport(message: RunReport, settle: ReturnType<typeof settler>, onExit: ((report: { gasUsed?: bigint }) => void) | undefined): void {
  if (message.type === 'plugins') return;
  if (message.type === 'exit') {
    if (!settle.done) onExit?.(message);
    settle.resolve(message.code);
  } else if (message.type === 'error') settle.reject(reviveError(message.error));
}

function runInWorker(request: RunRequest, limit: number | undefined, onExit: Parameters<typeof onReport>[2]): Promise<number> {
  return new Promise((resolve, reject) => {
    const settle = settler(resolve, reject);
    const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: request });
    worker.on('message', (message: RunReport) => {
      // The limit counts from the guest's start there, as in this thread (not the thread's start-up).
      if (message.type === 'plugins' && limit !== undefined) {
        settle.setTimer(
          setTimeout(() => {
            settle.reject(isolatedTimeLimitError(limit, 'worker thread'));
            // Ends wasm code at once and a host call when it returns to V8.
            void worker.terminate();
          }, limit + TIME_LIMIT_GRACE_MS),
        );
      }
      onReport(message, settle, onExit);
    });
    worker.once('error', (error) => settle.reject(error));
    worker.once('exit', (code) => settle.reject(isolatedExitError(code, 'worker thread')));
  });
}

function runInProcess(request: RunRequest, limit: number | undefined, onExit: Parameters<typeof onReport>[2]): Promise<number> {
  const { stdin, stdout, stderr } = request.options;
  // The guest's descriptors become the child's 0, 1, 2.
  const options = { ...request.options, stdin: undefined, stdout: undefined, stderr: undefined };
  return new Promise((resolve, reject) => {
    const settle = settler(resolve, reject);
    let imported: { module: string; plugin: string }[] = [];
    const child = fork(new URL('./process-runner.js', import.meta.url), [], {
      stdio: [stdin ?? 0, stdout ?? 1, stderr ?? 2, 'ipc'],
      serialization: 'advanced',
      execArgv: [],
    });
    child.on('message', (message: RunReport) => {
      if (message.type !== 'plugins') return onReport(message, settle, onExit);
      imported = message.imported;
      // The limit counts from the guest's start there, as in this process (not the process's start-up).
      if (limit !== undefined) {
        settle.setTimer(
          setTimeout(() => {
            settle.reject(isolatedTimeLimitError(limit, 'process'));
            child.kill('SIGKILL');
          }, limit + TIME_LIMIT_GRACE_MS),
        );
      }
    });
    child.once('error', (error) => settle.reject(new WsError('WS_ISOLATION', `Could not start the guest's process: ${error.message}. Check that ${process.execPath} can be run.`, { cause: error })));
    // 'close', not 'exit': the last IPC message may be read after the process has exited.
    child.once('close', (code, signal) => {
      if (signal) settle.reject(new IsolatedCrashError(signal, imported));
      else settle.reject(isolatedExitError(code, 'process'));
    });
    child.send({ ...request, options });
  });
}
