// ws run --reactor and the statistics switches (--enable-time-measuring, --enable-instruction-count,
// --enable-all-statistics): the call, its printed results and WasmEdge's statistics block on stderr.
import { writeSync } from 'node:fs';
import { WsError } from '../../errors.js';
import { logPrefix } from '../../log.js';
import { formatResult } from '../../runtime/reactor.js';
import type { Runtime } from '../../runtime/runtime.js';
import { readModuleInfo } from '../../runtime/wasm-binary.js';
import { printError } from '../output.js';
import { GAS_LIMIT_EXIT_CODE } from './run-gas.js';
import type { WasmEdgeRunSettings } from './run-wasmedge-options.js';

/**
 * True when the guest is run as a reactor: --reactor, or (as WasmEdge does) a guest that exports
 * no `_start` but a function named by its first argument.
 */
export function runsAsReactor(settings: WasmEdgeRunSettings, bytes: Uint8Array, guestArgs: readonly string[]): boolean {
  if (settings.reactor) return true;
  const name = guestArgs[0];
  if (name === undefined) return false;
  try {
    const functions = readModuleInfo(bytes).exports.filter((e) => e.kind === 'function');
    return !functions.some((e) => e.name === '_start') && functions.some((e) => e.name === name);
  } catch {
    // Not wasm: run() says so.
    return false;
  }
}

/** `--reactor app.wasm NAME ARGS...`: calls NAME, prints its results one per line; the exit code. */
export async function runReactor(runtime: Runtime, bytes: Uint8Array, guestArgs: readonly string[]): Promise<number> {
  const [name, ...args] = guestArgs;
  if (name === undefined) {
    throw new WsError('WS_USAGE', 'A function name is required when reactor mode is enabled: ws run --reactor app.wasm NAME [ARGS...].');
  }
  const type = readModuleInfo(bytes).exports.find((e) => e.kind === 'function' && e.name === name)?.type;
  const results = await runtime.invoke(bytes, name, args);
  // The guest writes to descriptor 1 directly: so do the results, in order after it.
  for (const [i, value] of results.entries()) writeSync(1, `${formatResult(value, type!.results[i]!)}\n`);
  return 0;
}

/** The statistics block, as WasmEdge prints it (on stderr, with ws's prefix). */
export function printStatistics(runtime: Runtime, settings: WasmEdgeRunSettings & { gas: boolean }, gasUsed: bigint | undefined): void {
  const prefix = logPrefix();
  const lines = ['====================  Statistics  ===================='];
  const time = runtime.lastStatistics;
  if (settings.timeMeasuring && time) {
    lines.push(` Total execution time: ${time.totalNanoseconds} ns`, ` Wasm instructions execution time: ${time.wasmNanoseconds} ns`, ` Host functions execution time: ${time.hostNanoseconds} ns`);
  }
  if (settings.instructionCount) lines.push(` Executed wasm instructions count: ${gasUsed ?? 'not available'}`);
  if (settings.gas) lines.push(` Gas costs: ${gasUsed ?? 'not available'}`);
  if (settings.allStatistics) {
    if (time && gasUsed !== undefined && time.wasmNanoseconds > 0n) lines.push(` Instructions per second: ${(gasUsed * 1_000_000_000n) / time.wasmNanoseconds}`);
  }
  if (settings.timeMeasuring && time) {
    // ws's own lines: what WasmEdge sums up as host time, by function.
    for (const [name, entry] of time.hostFunctions) lines.push(`  ${name}: ${entry.calls} call${entry.calls === 1 ? '' : 's'}, ${entry.nanoseconds} ns`);
  }
  lines.push('=======================   End   ======================');
  process.stderr.write(lines.map((line) => `${prefix} ${line}\n`).join(''));
}

/** Runs the guest (or calls it as a reactor) and prints the statistics asked for, even when the gas limit stops it. */
export async function runWithStatistics(runtime: Runtime, run: () => Promise<number>, settings: WasmEdgeRunSettings & { gas: boolean }): Promise<number> {
  let code: number;
  try {
    code = await run();
  } catch (error) {
    if (!(error instanceof WsError) || error.code !== 'WS_GAS_LIMIT') throw error;
    printError(error);
    printStatistics(runtime, settings, (error as WsError & { gasUsed: bigint }).gasUsed);
    return GAS_LIMIT_EXIT_CODE;
  }
  printStatistics(runtime, settings, runtime.lastGasUsed);
  return code;
}
