// ws run --gas-limit / --enable-gas-measuring: the value, and WasmEdge's statistics block on stderr.
import { WsError } from '../../errors.js';
import { logPrefix } from '../../log.js';
import { MAX_GAS_LIMIT } from '../../runtime/gas/gas-limit.js';
import type { Runtime } from '../../runtime/runtime.js';
import { badValue } from '../arguments.js';
import { printError } from '../output.js';

/** Exit code of a guest stopped by --gas-limit: WasmEdge's 134, as for any trap. */
export const GAS_LIMIT_EXIT_CODE = 134;

/** `--gas-limit N`: a whole number from 0 to 2^64 - 1 (undefined when not given). */
export function gasLimitValue(value: string | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || BigInt(value) > MAX_GAS_LIMIT) throw badValue('run', 'gas-limit', `a whole number from 0 to ${MAX_GAS_LIMIT}`, JSON.stringify(value));
  return BigInt(value);
}

/** The lines `wasmedge --enable-gas-measuring` prints after a run, with ws's prefix. */
export function printGasStatistics(gasUsed: bigint): void {
  const prefix = logPrefix();
  process.stderr.write(
    `${prefix} ====================  Statistics  ====================\n` +
      `${prefix}  Gas costs: ${gasUsed}\n` +
      `${prefix} =======================   End   ======================\n`,
  );
}

/**
 * Runs the guest and prints the gas it used, as WasmEdge does with --gas-limit or
 * --enable-gas-measuring; the guest stopped by the limit: the error, the statistics
 * (gas used: the limit) and exit code 134.
 */
export async function runWithGasStatistics(runtime: Runtime, bytes: Uint8Array): Promise<number> {
  let code: number;
  try {
    code = await runtime.run(bytes);
  } catch (error) {
    // Checked by code: from an isolated worker or process it comes back as a WsError with its fields.
    if (!(error instanceof WsError) || error.code !== 'WS_GAS_LIMIT') throw error;
    printError(error);
    printGasStatistics((error as WsError & { gasUsed: bigint }).gasUsed);
    return GAS_LIMIT_EXIT_CODE;
  }
  if (runtime.lastGasUsed !== undefined) printGasStatistics(runtime.lastGasUsed);
  return code;
}
