/**
 * Calling one exported function of a reactor with arguments written as text, and writing its
 * results, as `wasmedge --reactor app.wasm NAME ARGS...` does (WasmEdge 0.17, checked with its
 * binary): integers are read as C's strtoll in base 10 (a sign, leading spaces; what follows the
 * digits is ignored, so `1.5` is 1 and `0x10` is 0; outside the 64-bit range is an error; an i32
 * keeps the low 32 bits), floats as strtof / strtod (decimal, hex, `inf`, `nan`; overflow and denormal
 * results are errors). Results print one per line: integers signed, floats in their shortest
 * round-trip form with fmt's layout (`0.1`, `1e+16`, `1e-05`, `inf`, `nan`, `-0`).
 */
import { WsError } from '../errors.js';
import type { WasmFunctionType, WasmValType } from './wasm-binary.js';

/** An argument of {@link Runtime.invoke}: text (read as the CLI reads it), a number or a bigint. */
export type InvokeArgument = string | number | bigint;

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const FLOAT32_MIN_NORMAL = 1.1754943508222875e-38;
const FLOAT64_MIN_NORMAL = 2.2250738585072014e-308;

function argumentError(message: string): WsError {
  return new WsError('WS_USAGE', message);
}

/** strtoll(text, 10)'s value, undefined when no digits start the text. */
function parseInteger(text: string): bigint | undefined {
  const match = /^\s*([+-]?)(\d+)/.exec(text);
  if (!match) return undefined;
  const magnitude = BigInt(match[2]!);
  return match[1] === '-' ? -magnitude : magnitude;
}

/** strtod(text)'s value, undefined when no number starts the text. */
function parseFloatPrefix(text: string): number | undefined {
  const trimmed = text.replace(/^\s+/, '');
  const special = /^([+-]?)(inf(?:inity)?|nan)/i.exec(trimmed);
  if (special) {
    const value = /^nan/i.test(special[2]!) ? NaN : Infinity;
    return special[1] === '-' ? -value : value;
  }
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?/.exec(trimmed);
  if (hex && (hex[2] || hex[3])) {
    const fraction = hex[3] ?? '';
    const mantissa = Number.parseInt(`${hex[2]}${fraction}` || '0', 16);
    const value = mantissa * 2 ** (Number(hex[4] ?? 0) - 4 * fraction.length);
    return hex[1] === '-' ? -value : value;
  }
  const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(trimmed);
  return decimal ? Number(decimal[0]) : undefined;
}

/** One argument for a parameter of type `type` (the `index`th, from 1), as WasmEdge reads it. */
export function parseArgument(value: InvokeArgument, type: WasmValType, index: number): number | bigint {
  if (type !== 'i32' && type !== 'i64' && type !== 'f32' && type !== 'f64') {
    throw argumentError(`Parameter ${index} is of type ${type}, which cannot be given as an argument: only i32, i64, f32 and f64 parameters can. Call such a function from JavaScript (runtime.instantiate()).`);
  }
  if (typeof value !== 'string') {
    if (type === 'i64') return BigInt.asIntN(64, BigInt(value));
    if (type === 'i32') return Number(BigInt.asIntN(32, BigInt(value)));
    return Number(value);
  }
  if (type === 'i32' || type === 'i64') {
    const parsed = parseInteger(value);
    if (parsed === undefined) throw argumentError(`Invalid argument '${value}' for parameter ${index}: expected ${type}. Give a whole number in decimal.`);
    if (parsed < INT64_MIN || parsed > INT64_MAX) throw argumentError(`Argument '${value}' for parameter ${index}: ${type} out of range. Give a number from ${INT64_MIN} to ${INT64_MAX}.`);
    return type === 'i64' ? parsed : Number(BigInt.asIntN(32, parsed));
  }
  const parsed = parseFloatPrefix(value);
  if (parsed === undefined) throw argumentError(`Invalid argument '${value}' for parameter ${index}: expected ${type}. Give a number (1.5, 1e-3, 0x1p3, inf, nan).`);
  const result = type === 'f32' ? Math.fround(parsed) : parsed;
  // strtof / strtod set ERANGE on overflow (1e400, or 1e40 for an f32) and on denormal results.
  const written = /^\s*[+-]?(inf|nan)/i.test(value);
  const overflow = !written && !Number.isFinite(result);
  const underflow = parsed !== 0 && Number.isFinite(result) && Math.abs(result) < (type === 'f32' ? FLOAT32_MIN_NORMAL : FLOAT64_MIN_NORMAL);
  if (overflow || underflow) throw argumentError(`Argument '${value}' for parameter ${index}: ${type} out of range. Give a number the type can hold.`);
  return result;
}

/** The shortest `d.ddde±N` digits that read back as `value` (an f32 or an f64). */
function shortestExponential(value: number, type: 'f32' | 'f64'): string {
  if (type === 'f64') return value.toExponential();
  for (let digits = 0; digits < 9; digits++) {
    const text = value.toExponential(digits);
    if (Math.fround(Number(text)) === value) return text;
  }
  return value.toExponential(8);
}

/** A result as WasmEdge prints it. */
export function formatResult(value: unknown, type: WasmValType): string {
  if (type === 'i32' || type === 'i64') return String(value);
  if (type !== 'f32' && type !== 'f64') return `<${type}>`;
  const number = value as number;
  if (Number.isNaN(number)) return 'nan';
  if (!Number.isFinite(number)) return number > 0 ? 'inf' : '-inf';
  if (number === 0) return Object.is(number, -0) ? '-0' : '0';
  const [mantissa, exponentText] = shortestExponential(number, type).split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  let fixed: string;
  if (exponent < 0) fixed = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  else if (digits.length <= exponent + 1) fixed = digits + '0'.repeat(exponent + 1 - digits.length);
  else fixed = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  return negative ? `-${fixed}` : fixed;
}

/** The arguments for a call to `name` of type `type`, checked (count and values). */
export function invokeArguments(name: string, type: WasmFunctionType, args: readonly InvokeArgument[]): (number | bigint)[] {
  if (args.length !== type.params.length) {
    throw argumentError(`The function ${name} takes ${type.params.length} argument${type.params.length === 1 ? '' : 's'} (${type.params.join(', ') || 'none'}), got ${args.length}. Give one argument for each parameter.`);
  }
  return args.map((arg, i) => parseArgument(arg, type.params[i]!, i + 1));
}
