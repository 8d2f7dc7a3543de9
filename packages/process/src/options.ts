/**
 * Options of the wasmedge_process plug-in. The same values are CLI flags of
 * `ws run` and `pluginOptions` of `new Runtime(...)` in @ws/core; a module
 * copies them when it is created (WasmEdge's rule), so set them first.
 */
export interface ProcessOptions {
  /**
   * Programs the guest may run. An entry matches the program string the guest
   * passes byte for byte (WasmEdge's rule: `ls` does not allow `/bin/ls`); an
   * absolute entry such as `/usr/bin/ls` also allows a bare `ls` that the host
   * `PATH` resolves to that file. Default: none (every command is denied).
   * CLI: `--allow-command CMD` (repeatable).
   */
  allowCommands?: readonly string[];
  /**
   * Allow every program. Unsafe: the guest then runs anything with the host
   * user's rights. Default: `false`. CLI: `--allow-command-all`.
   */
  allowAll?: boolean;
  /**
   * Bytes of stdout and of stderr kept per command; the rest is read and
   * discarded, and the truncation is reported at the end of the command's
   * stderr. Default: 16777216 (16 MiB). CLI: `--process-output-limit BYTES`.
   */
  outputLimitBytes?: number;
  /**
   * Bytes a guest may queue for one command before `run`: the program name,
   * each argument and variable (name and value) plus 64 bytes of bookkeeping
   * per argument and per variable, and stdin. Past it everything queued is
   * dropped and `run` returns -1 without running anything, with the reason on
   * the command's stderr. Counted only when some command is allowed (a
   * deny-all policy keeps no input). Default: 16777216 (16 MiB).
   * CLI: `--process-input-limit BYTES`.
   */
  inputLimitBytes?: number;
  /**
   * Timeout in milliseconds for commands whose guest did not call
   * `wasmedge_process_set_timeout`. Default: 10000. CLI: `--process-timeout-ms MS`.
   */
  defaultTimeoutMs?: number;
}

/** Plug-in option values keyed by option name, as @ws/core takes them. */
export type ProcessPluginOptions = Record<string, string[] | boolean | string>;

/** Option names declared by the plug-in. */
export const processOptionNames = {
  allowCommands: 'allow-command',
  allowAll: 'allow-command-all',
  outputLimitBytes: 'process-output-limit',
  inputLimitBytes: 'process-input-limit',
  defaultTimeoutMs: 'process-timeout-ms',
} as const;

/** `value` as a decimal string; a RangeError naming `name` unless it is a whole number in [0, maximum]. */
export function checkCount(name: string, value: number, maximum: number): string {
  if (!Number.isInteger(value) || value < 0 || value > maximum) {
    throw new RangeError(`[ws:process] ${name} must be an integer from 0 to ${maximum}, got ${value}. Pass a whole number.`);
  }
  return String(value);
}

/** Converts typed options into plug-in option values (`pluginOptions` of a Runtime). */
export function toPluginOptions(options: ProcessOptions): ProcessPluginOptions {
  const values: ProcessPluginOptions = {};
  if (options.allowCommands && options.allowCommands.length > 0) {
    values[processOptionNames.allowCommands] = [...options.allowCommands];
  }
  if (options.allowAll) values[processOptionNames.allowAll] = true;
  if (options.outputLimitBytes !== undefined) {
    values[processOptionNames.outputLimitBytes] = checkCount('outputLimitBytes', options.outputLimitBytes, Number.MAX_SAFE_INTEGER);
  }
  if (options.inputLimitBytes !== undefined) {
    values[processOptionNames.inputLimitBytes] = checkCount('inputLimitBytes', options.inputLimitBytes, Number.MAX_SAFE_INTEGER);
  }
  if (options.defaultTimeoutMs !== undefined) {
    values[processOptionNames.defaultTimeoutMs] = checkCount('defaultTimeoutMs', options.defaultTimeoutMs, 0xffffffff);
  }
  return values;
}
