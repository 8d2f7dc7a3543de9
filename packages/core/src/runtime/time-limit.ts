/**
 * The time limit of a guest (RuntimeOptions.timeLimitMs, `ws run --time-limit`).
 *
 * A guest's entry point (start function, `_initialize`, `_start`) is synchronous JS underneath; it
 * is called through the bridge's callWithTimeLimit: a watchdog thread calls V8's
 * `Isolate::TerminateExecution()` at the deadline, as node:vm's `timeout` does, and sets the
 * calling thread's interrupt flag that plug-ins poll (ws_interrupt_requested). Once the call has
 * unwound, the termination is cancelled and a {@link TimeLimitError} thrown: the process, the
 * thread and its event loop go on. DESIGN.md ("Time limit") has the details.
 *
 * Without ws_bridge_v8 for the running Node (a Node ABI the build has no V8 headers for, or no
 * bridge for the platform at all), node:vm's own watchdog terminates the call instead: wasm code
 * is stopped the same way, but plug-ins never see the interrupt flag, so a host call blocked in a
 * plug-in finishes first.
 *
 * Node 20's V8 (11.3) can corrupt its heap when it terminates a guest while a concurrent GC
 * marking is running (reproduced without ws: node:wasi and node:vm's `timeout`, a guest that read a
 * 43 MB file and then spins; a segfault or "unreachable code" in the marker soon after). Node 22
 * and 24 are not affected. On V8 before 12, the first time limit therefore turns concurrent marking
 * off for the process (`--no-concurrent-marking`: marking runs on the main thread, with longer GC
 * pauses), which avoids it.
 */
import { createRequire } from 'node:module';
import { TimeLimitError, WsError } from '../errors.js';
import type { BridgeAddon } from '../native/addon-types.js';
import { loadBridge } from '../native/load-bridge.js';

const require = createRequire(import.meta.url);

/** The largest time limit, in milliseconds (node:vm's and V8's watchdogs take 32-bit values). */
export const MAX_TIME_LIMIT_MS = 0xffff_ffff;

/** How a time limit is enforced in this thread: "v8", or "vm (<why the V8 path is unavailable>)". */
export function timeLimitPath(): string {
  const bridge = bridgeWithTimeLimit();
  if ('bridge' in bridge) return 'v8';
  return `vm (${bridge.why})`;
}

/**
 * Checks a timeLimitMs / --time-limit value: an integer number of milliseconds, 0 for none
 * (WasmEdge's default). Returns it.
 */
export function checkTimeLimit(value: unknown, source = 'timeLimitMs'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_TIME_LIMIT_MS) {
    throw new WsError('WS_USAGE', `${source} must be a whole number of milliseconds from 0 (no limit) to ${MAX_TIME_LIMIT_MS}, not ${String(value)}. Pass e.g. 5000 for five seconds.`);
  }
  return value;
}

/**
 * Calls `fn()` and lets it run for at most `milliseconds` (0: no limit); past that, V8 stops it
 * wherever it is and a {@link TimeLimitError} is thrown. `limitMs` is the limit named in the error
 * (the whole run's, when `milliseconds` is what is left of it).
 */
export function callWithTimeLimit<T>(fn: () => T, milliseconds: number, limitMs = milliseconds): T {
  if (limitMs <= 0) return fn();
  avoidV8MarkingCrash();
  // Already past the deadline (an earlier entry point used it up): V8 gets 1 ms.
  const budget = Math.max(1, Math.ceil(milliseconds));
  const found = bridgeWithTimeLimit();
  if ('bridge' in found) {
    const [timedOut, result] = found.bridge.callWithTimeLimit(fn, undefined, [], budget);
    if (timedOut) throw new TimeLimitError(limitMs);
    return result as T;
  }
  return callWithVmTimeout(fn, budget, limitMs);
}

/** The fallback: node:vm's watchdog (Node's own TerminateExecution), loaded only when needed. */
export function callWithVmTimeout<T>(fn: () => T, milliseconds: number, limitMs = milliseconds): T {
  const vm = require('node:vm') as typeof import('node:vm');
  const context = vm.createContext({ fn });
  try {
    return vm.runInContext('fn()', context, { timeout: milliseconds, displayErrors: false }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitError(limitMs);
    throw error;
  }
}

let markingChecked = false;

/** See the file's comment: V8 11 (Node 20) and termination during concurrent marking. */
function avoidV8MarkingCrash(): void {
  if (markingChecked) return;
  markingChecked = true;
  const major = Number(process.versions.v8.split('.')[0]);
  if (major >= 12) return;
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-concurrent-marking');
}

let cached: { bridge: BridgeAddon } | { why: string } | undefined;

function bridgeWithTimeLimit(): { bridge: BridgeAddon } | { why: string } {
  if (cached) return cached;
  try {
    const bridge = loadBridge();
    const path = bridge.timeLimitPath();
    cached = path === 'v8' ? { bridge } : { why: path.replace(/^unavailable \((.*)\)$/, '$1') };
  } catch (error) {
    cached = { why: `the bridge did not load: ${(error as Error).message.split('\n')[0]}` };
  }
  return cached;
}
