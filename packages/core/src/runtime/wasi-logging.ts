/**
 * `wasi:logging/logging`, WasmEdge's built-in `wasi_logging` plug-in, in TypeScript: guests built
 * with the `wasi-logging` crate (or declaring the import in C or WAT) log through it.
 *
 * `log(level: i32, context_ptr: i32, context_len: i32, message_ptr: i32, message_len: i32)`, levels
 * 0 trace, 1 debug, 2 info, 3 warn, 4 error, 5 critical. As WasmEdge 0.17 prints them: one line
 * `[YYYY-MM-DD HH:MM:SS.mmm] [level] message` (local time, spdlog's level names: `warning` for 3),
 * to the guest's stdout when the context is empty or `stdout`, to its stderr when it is `stderr`.
 * WasmEdge appends to a host file named by any other context, outside the guest's preopens; ws
 * does not write host files for a guest: such lines go to stderr, prefixed by `context: `.
 * A level above 5 is a host function failure (the guest traps), as in WasmEdge.
 *
 * WasmEdge prints every level whatever its `--log-level`; ws does too until a log level is set
 * (`ws run --log-level`, setLogLevel()): from then on, lines below that level are dropped.
 */
import { writeSync } from 'node:fs';
import { WsError } from '../errors.js';
import { logLevelEnabled, logLevelWasSet, type LogLevel } from '../log.js';
import type { WasmFunctionType } from './wasm-binary.js';

/** The import module of WasmEdge's built-in wasi_logging plug-in. */
export const WASI_LOGGING_MODULE = 'wasi:logging/logging';
/** The plug-in's name, for forbiddenPlugins / --forbidden-plugin. */
export const WASI_LOGGING_PLUGIN = 'wasi_logging';

const LOG_TYPE: WasmFunctionType = { params: ['i32', 'i32', 'i32', 'i32', 'i32'], results: [] };

/** WASI logging level number → [spdlog's name in the line, ws's log level that shows it]. */
const LEVELS: readonly (readonly [string, Exclude<LogLevel, 'off'>])[] = [
  ['trace', 'trace'],
  ['debug', 'debug'],
  ['info', 'info'],
  ['warning', 'warning'],
  ['error', 'error'],
  ['critical', 'critical'],
];

export interface WasiLoggingTarget {
  /** The guest's stdout and stderr descriptors. */
  stdout: number;
  stderr: number;
  /** Memory 0 of the guest (known once it is instantiated). */
  memory: () => WebAssembly.Memory | undefined;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** spdlog's default time stamp: `2026-12-07 23:02:19.010`, local time. */
export function logTimestamp(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** The import `name` of wasi:logging/logging, or why it does not resolve (an unresolved-import reason). */
export function resolveWasiLoggingImport(
  name: string,
  kind: string,
  type: WasmFunctionType | undefined,
  target: WasiLoggingTarget,
): { value: (...args: number[]) => void } | { reason: string } {
  if (name !== 'log' || kind !== 'function') return { reason: `the built-in wasi_logging plug-in has no function ${name} in module ${WASI_LOGGING_MODULE} (it has: log)` };
  if (type && (type.params.join() !== LOG_TYPE.params.join() || type.results.length > 0)) {
    return { reason: `type mismatch: the guest imports (${type.params.join(', ')}) -> (${type.results.join(', ')}), the built-in wasi_logging plug-in provides (i32, i32, i32, i32, i32) -> ()` };
  }
  const decoder = new TextDecoder();
  const value = (level: number, contextPointer: number, contextLength: number, messagePointer: number, messageLength: number): void => {
    const entry = LEVELS[level >>> 0];
    if (!entry) {
      throw new WsError(
        'WS_HOST_FUNCTION_FAILED',
        `The guest called ${WASI_LOGGING_MODULE} log with level ${level >>> 0}; the levels are 0 (trace), 1 (debug), 2 (info), 3 (warn), 4 (error) and 5 (critical). Fix the level the guest passes.`,
      );
    }
    const memory = target.memory();
    const read = (pointer: number, length: number): string => {
      const start = pointer >>> 0;
      const end = start + (length >>> 0);
      if (!memory || end > memory.buffer.byteLength) {
        throw new WsError('WS_HOST_FUNCTION_FAILED', `The guest called ${WASI_LOGGING_MODULE} log with a string at ${start}..${end}, outside its memory. Pass pointers into the guest's memory 0.`);
      }
      return decoder.decode(new Uint8Array(memory.buffer, start, end - start));
    };
    const context = read(contextPointer, contextLength);
    const message = read(messagePointer, messageLength);
    if (logLevelWasSet() && !logLevelEnabled(entry[1])) return;
    const toStdout = context === '' || context === 'stdout';
    const text = toStdout || context === 'stderr' ? message : `${context}: ${message}`;
    writeSync(toStdout ? target.stdout : target.stderr, `[${logTimestamp(new Date())}] [${entry[0]}] ${text}\n`);
  };
  return { value: value as (...args: number[]) => void };
}
