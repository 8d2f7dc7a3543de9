/**
 * The gas limit of a Runtime (RuntimeOptions.gasLimit, gasMeasuring): checks the
 * options, meters the guest's bytes, reads the counter back and turns the meter's
 * trap into a {@link GasLimitError}.
 */
import { GasLimitError, WsError } from '../../errors.js';
import { GAS_EXPORT, GasInstrumentError, instrumentGas } from './instrument.js';

/** The largest gas limit: WasmEdge's is an unsigned 64-bit number too. */
export const MAX_GAS_LIMIT = 2n ** 64n - 1n;

/** An instance, as far as the meter reads it (declarations name no DOM or WebAssembly type: issue 14). */
export interface InstanceWithExports {
  readonly exports: Readonly<Record<string, unknown>>;
}

/** How a run is metered: `limit` undefined counts without stopping. */
export interface GasSettings {
  limit?: bigint;
}

/** A gas limit given as a number or a bigint, checked: a whole number from 0 to 2^64 - 1. */
export function checkGasLimit(value: unknown, source = 'gasLimit'): bigint {
  const whole = typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value));
  if (!whole || BigInt(value as number | bigint) < 0n || BigInt(value as number | bigint) > MAX_GAS_LIMIT) {
    throw new WsError('WS_USAGE', `${source} must be a whole number from 0 to ${MAX_GAS_LIMIT} (a number up to 2^53 - 1, or a bigint), not ${String(value)}. Pass e.g. 1000000 for a million instructions.`);
  }
  return BigInt(value as number | bigint);
}

/** The metering a Runtime's options ask for, or undefined for none. */
export function gasSettings(options: { gasLimit?: number | bigint; gasMeasuring?: boolean }): GasSettings | undefined {
  if (options.gasLimit !== undefined) return { limit: checkGasLimit(options.gasLimit) };
  return options.gasMeasuring ? {} : undefined;
}

/** The guest's bytes with the gas meter in them. */
export function meterGuest(bytes: Uint8Array, settings: GasSettings): Uint8Array {
  try {
    return instrumentGas(bytes, settings.limit === undefined ? {} : { limit: settings.limit });
  } catch (error) {
    if (!(error instanceof GasInstrumentError)) throw error;
    throw new WsError(
      'WS_GAS_METERING',
      `The guest cannot be metered for gas: ${error.message}. Run it without gasLimit / --gas-limit and --enable-gas-measuring, or rebuild it without that feature (exception handling and GC are not metered).`,
      { cause: error },
    );
  }
}

/** The gas a metered instance has used so far (at most the limit), or undefined when it is not metered. */
export function gasUsedBy(instance: InstanceWithExports, settings: GasSettings | undefined): bigint | undefined {
  const used = settings ? counterOf(instance) : undefined;
  if (!settings || used === undefined) return undefined;
  return settings.limit !== undefined && used > settings.limit ? settings.limit : used;
}

/** A GasLimitError when `error` is the meter's trap (the counter is past the limit), else `error` itself. */
export function gasLimitErrorFor(error: unknown, instance: InstanceWithExports, settings: GasSettings | undefined): unknown {
  if (settings?.limit === undefined || !(error instanceof WebAssembly.RuntimeError)) return error;
  const used = counterOf(instance);
  if (used === undefined || used <= settings.limit) return error;
  return new GasLimitError(settings.limit);
}

/** The counter global's value, unsigned. */
function counterOf(instance: InstanceWithExports): bigint | undefined {
  const value = (instance.exports[GAS_EXPORT] as { value?: unknown } | undefined)?.value;
  return typeof value === 'bigint' ? BigInt.asUintN(64, value) : undefined;
}
