import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pluginCatalog } from '../../catalog.js';
import { installCommand } from '../../package-manager.js';
import { knownPluginOptionNames } from '../../plugins/option-names.js';
import { Plugin, type PluginOptionInfo, type PluginOptionValue } from '../../plugins/plugin.js';
import { Runtime } from '../../runtime/runtime.js';
import type { PreopenValue } from '../../runtime/readonly-preopens.js';
import { isolationLevels, type Isolation } from '../../runtime/isolation/options.js';
import { WsError } from '../../errors.js';
import { allStrings, badValue, lastString, parseArguments, type OptionSpec, type ParsedArguments } from '../arguments.js';
import { MAX_MEMORY_PAGE_LIMIT } from '../../runtime/memory-limit.js';
import { MAX_TIME_LIMIT_MS } from '../../runtime/time-limit.js';
import { gasLimitValue, runWithGasStatistics } from './run-gas.js';
import { runReactor, runsAsReactor, runWithStatistics } from './run-wasmedge.js';
import { WASMEDGE_RUN_OPTIONS, wasmEdgeHelpSections, wasmEdgeRunSettings, type WasmEdgeRunSettings } from './run-wasmedge-options.js';
import { guestIndex, loadCliPlugins, scanOption } from '../plugin-paths.js';
import { UsageError } from '../output.js';

interface RunArguments {
  wasmPath: string;
  guestArgs: string[];
  preopens: Record<string, PreopenValue>;
  env: Record<string, string>;
  pluginOptions: Record<string, PluginOptionValue>;
  forbiddenPlugins: string[];
  isolation: Isolation;
  timeLimitMs?: number;
  memoryPageLimit?: number;
  gasLimit?: bigint;
  gasMeasuring: boolean;
  /** --reactor, the statistics switches. */
  wasmedge: WasmEdgeRunSettings;
}

/** ws run's own options, with their help lines. */
const CORE_OPTIONS = {
  dir: { type: 'string', help: '--dir GUEST:HOST[:readonly]  preopen HOST as GUEST in the guest (--dir .:. for the current folder; :readonly: the guest cannot change anything under it)' },
  env: { type: 'string', help: '--env NAME=VALUE         set an environment variable of the guest (repeatable)' },
  'plugin-path': { type: 'string', help: '--plugin-path PATH       load a plug-in file, or every plug-in in a folder (repeatable)' },
  'forbidden-plugin': { type: 'string', help: '--forbidden-plugin NAME  never give the guest the modules of plug-in NAME (repeatable)' },
  isolation: { type: 'string', help: '--isolation LEVEL        where the guest runs: none (this process, default), worker (a worker thread) or process (a child process: a crashing plug-in cannot take ws down)' },
  'log-level': { type: 'string', help: '--log-level LEVEL        off, critical, error, warning (default), info, debug or trace' },
  help: { type: 'boolean', short: 'h', help: '--help, -h               print this help' },
} as const satisfies Record<string, OptionSpec & { help: string }>;

/** ws run's limits (WasmEdge's names), shown under their own heading. */
const LIMIT_OPTIONS = {
  'time-limit': { type: 'string', help: '--time-limit MS          stop the guest after MS milliseconds (exit code 124); 0: no limit (default)' },
  'memory-page-limit': { type: 'string', help: '--memory-page-limit N    at most N pages of 64 KiB in every memory: memory.grow past it returns -1' },
  'gas-limit': { type: 'string', help: '--gas-limit N            stop the guest once it has used N gas (1 per instruction, as WasmEdge; exit code 134)' },
  'enable-gas-measuring': { type: 'boolean', help: '--enable-gas-measuring   print the gas the guest used (stderr, as WasmEdge\'s statistics)' },
} as const satisfies Record<string, OptionSpec & { help: string }>;

/** A limit's value: a whole number from 0 to `most`. */
function limitValue(parsed: ParsedArguments, name: keyof typeof LIMIT_OPTIONS, unit: string, most: number): number | undefined {
  const value = lastString(parsed, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > most) throw badValue('run', name, `a whole number of ${unit} from 0 to ${most}`, JSON.stringify(value));
  return Number(value);
}

/** Why installed plug-ins could not be asked for their options, by plug-in name. */
const loadFailures = new Map<string, Error>();

function findPluginOption(name: string): PluginOptionInfo | undefined {
  for (const plugin of Plugin.inOptionSearchOrder(name)) {
    try {
      const option = plugin.options.find((o) => o.name === name);
      if (option) return option;
    } catch (error) {
      // An npm plug-in whose library cannot load: its options stay unknown.
      loadFailures.set(plugin.name, error as Error);
    }
  }
  return undefined;
}

/** How a plug-in option is written (WasmEdge's rules): a toggle is a flag; a value may be left out when the option has a default. */
function pluginOptionSpec(option: PluginOptionInfo): OptionSpec {
  if (option.type === 'toggle') return { type: 'boolean' };
  return { type: 'string', valueOptional: option.defaultValue !== null, emptyAllowed: true };
}

/** An option the plug-ins loaded so far do not declare: the catalogue may know whose it is. */
function unknownPluginOption(name: string): Error | undefined {
  const owner = pluginCatalog.find((entry) => entry.options.some((o) => o.name === name));
  // Installed but its library does not load: that error (a checklist) is the real answer.
  const failure = owner && loadFailures.get(owner.plugin);
  if (failure) return failure;
  if (owner) return new UsageError(`--${name} is an option of the ${owner.plugin} plug-in, which is not installed. Install it: ${installCommand([owner.package])} (or pass --plugin-path to its library).`);
  return undefined;
}

/** `--dir HOST`, `--dir GUEST:HOST` or `--dir GUEST:HOST:readonly` (WasmEdge's forms; `:readwrite` is the default). */
function preopen(value: string): [guest: string, host: PreopenValue] {
  const parts = value.split(':');
  const mode = parts.length === 3 ? parts[2] : 'readwrite';
  const [guest, host] = parts.length === 1 ? [value, value] : parts;
  if (parts.length > 3 || guest === '' || !host || (mode !== 'readonly' && mode !== 'readwrite')) {
    throw new UsageError(`--dir takes HOST, GUEST:HOST or GUEST:HOST:readonly (e.g. --dir .:. or --dir /data:./data:readonly), got "${value}".`);
  }
  return [guest!, mode === 'readonly' ? { path: resolve(host), readonly: true } : resolve(host)];
}

/** `--isolation LEVEL`: none, worker or process. */
function isolationValue(value: string | undefined): Isolation {
  if (value === undefined) return 'none';
  if ((isolationLevels as readonly string[]).includes(value)) return value as Isolation;
  throw badValue('run', 'isolation', `one of ${isolationLevels.join(', ')}`, JSON.stringify(value));
}

/** `--env NAME=VALUE`: a name, then `=`. */
function environmentVariable(value: string): [name: string, value: string] {
  const at = value.indexOf('=');
  if (at <= 0) throw badValue('run', 'env', 'NAME=VALUE', value);
  return [value.slice(0, at), value.slice(at + 1)];
}

function runArgumentsFrom(parsed: ParsedArguments, argv: readonly string[], pluginOptions: ReadonlyMap<string, PluginOptionInfo>): RunArguments {
  if (parsed.stopIndex >= argv.length) {
    if (parsed.lastSeparateValue?.value.endsWith('.wasm')) {
      const { name, value } = parsed.lastSeparateValue;
      throw new UsageError(`no WebAssembly file given: --${name} took ${value} as its value. Give --${name} its value before the guest (--${name} VALUE ${value}, or --${name}=VALUE).`);
    }
    throw new UsageError('no WebAssembly file given. Usage: ws run [options] app.wasm [args...]');
  }
  const result: RunArguments = {
    wasmPath: argv[parsed.stopIndex]!,
    guestArgs: argv.slice(parsed.stopIndex + 1),
    preopens: Object.fromEntries(allStrings(parsed, 'dir').map(preopen)),
    env: Object.fromEntries(allStrings(parsed, 'env').map(environmentVariable)),
    pluginOptions: {},
    forbiddenPlugins: allStrings(parsed, 'forbidden-plugin'),
    isolation: isolationValue(lastString(parsed, 'isolation')),
    timeLimitMs: limitValue(parsed, 'time-limit', 'milliseconds', MAX_TIME_LIMIT_MS),
    memoryPageLimit: limitValue(parsed, 'memory-page-limit', 'pages', MAX_MEMORY_PAGE_LIMIT),
    gasLimit: gasLimitValue(lastString(parsed, 'gas-limit')),
    gasMeasuring: parsed.values.get('enable-gas-measuring')?.at(-1) === true,
    wasmedge: wasmEdgeRunSettings(parsed),
  };
  for (const [name, option] of pluginOptions) {
    const values = parsed.values.get(name);
    if (!values) continue;
    if (option.type === 'toggle') result.pluginOptions[name] = values.at(-1)!;
    // Repeatable; given without a value, the option's default value is one.
    else if (option.type === 'string-list') result.pluginOptions[name] = values.map((value) => (typeof value === 'string' ? value : (option.defaultValue ?? '')));
    // null: given without a value (the plug-in uses its default value).
    else result.pluginOptions[name] = values.at(-1)!;
  }
  return result;
}

/** Parses `ws run` arguments like the wasmedge command: options, then the guest, then its arguments (never parsed). */
export function parseRunArguments(argv: readonly string[]): RunArguments | undefined {
  const options: Record<string, OptionSpec> = { ...CORE_OPTIONS, ...LIMIT_OPTIONS, ...WASMEDGE_RUN_OPTIONS };
  const pluginOptions = new Map<string, PluginOptionInfo>();
  // Only the options given are looked up: asking a plug-in loads it.
  for (const token of argv.slice(0, guestIndex(argv))) {
    const name = /^--([^=]+)/.exec(token)?.[1];
    if (name === undefined || Object.hasOwn(options, name)) continue;
    const option = findPluginOption(name);
    if (!option) continue;
    pluginOptions.set(name, option);
    options[name] = pluginOptionSpec(option);
  }
  const parsed = parseArguments(argv, {
    command: 'run',
    options,
    stopAtPositional: true,
    suggestions: knownPluginOptionNames(),
    unknownOption: unknownPluginOption,
  });
  return parsed.help ? undefined : runArgumentsFrom(parsed, argv, pluginOptions);
}

export function runHelp(): string {
  const lines = [
    'Usage: ws run [options] app.wasm [args...]',
    '',
    'Runs a WebAssembly (wasm32-wasi) guest with the host modules of WasmEdge plug-ins.',
    'Arguments after app.wasm are the guest\'s (ws run app.wasm --help passes --help to the guest).',
    '',
    'Options:',
    ...Object.values(CORE_OPTIONS).map((option) => `  ${option.help}`),
    '',
    'WebAssembly proposals:',
    ...wasmEdgeHelpSections().proposals,
    '',
    'Limits:',
    ...Object.values(LIMIT_OPTIONS).map((option) => `  ${option.help}`),
    '',
    'Statistics (on stderr after the run):',
    ...wasmEdgeHelpSections().statistics,
    '',
    'Execution:',
    ...wasmEdgeHelpSections().execution,
    '',
    'Plug-in options:',
  ];
  const shown = new Set<string>();
  for (const plugin of Plugin.all()) {
    let options: PluginOptionInfo[] = [];
    try {
      options = plugin.options;
    } catch {
      continue;
    }
    for (const option of options) {
      shown.add(option.name);
      const value = option.type === 'toggle' ? '' : ` ${option.type.toUpperCase()}`;
      lines.push(`  --${option.name}${value}`.padEnd(40) + ` ${option.description} [${plugin.name}]`);
    }
  }
  for (const entry of pluginCatalog) {
    for (const option of entry.options) {
      if (shown.has(option.name)) continue;
      lines.push(`  --${option.name}${option.value ? ` ${option.value}` : ''}`.padEnd(40) + ` ${option.description} [${entry.plugin}: not installed, ${installCommand([entry.package])}]`);
    }
  }
  return lines.join('\n');
}

/** `ws run`: resolves to the guest's exit code. */
export async function runCommand(argv: readonly string[]): Promise<number> {
  loadCliPlugins(scanOption(argv, 'plugin-path', { stopAtGuest: true }));
  const args = argv.length === 0 ? undefined : parseRunArguments(argv);
  if (!args) {
    process.stdout.write(`${runHelp()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(args.wasmPath);
  } catch (error) {
    throw new WsError('WS_USAGE', `cannot read ${args.wasmPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check the path of the .wasm file.`);
  }
  const linked = args.wasmedge.modules.map(([name, path]): [string, Buffer] => {
    try {
      return [name, readFileSync(path)];
    } catch (error) {
      throw new WsError('WS_USAGE', `cannot read ${path} (--module ${name}:${path}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check the path of the .wasm file.`);
    }
  });
  const runtime = new Runtime({
    ...(linked.length > 0 ? { modules: Object.fromEntries(linked) } : {}),
    args: [args.wasmPath, ...args.guestArgs],
    env: args.env,
    preopens: args.preopens,
    pluginOptions: args.pluginOptions,
    forbiddenPlugins: args.forbiddenPlugins,
    ...(args.isolation !== 'none' ? { isolation: args.isolation } : {}),
    ...(args.timeLimitMs ? { timeLimitMs: args.timeLimitMs } : {}),
    ...(args.memoryPageLimit !== undefined ? { memoryPageLimit: args.memoryPageLimit } : {}),
    ...(args.gasLimit !== undefined ? { gasLimit: args.gasLimit } : {}),
    ...(args.gasMeasuring || args.wasmedge.instructionCount ? { gasMeasuring: true } : {}),
    ...(args.wasmedge.timeMeasuring ? { statistics: true } : {}),
  });
  try {
    if (args.wasmedge.timeMeasuring && args.isolation !== 'none') {
      throw new UsageError(`ws run: --enable-time-measuring times the guest in this process: it cannot be used with --isolation ${args.isolation}. Leave one of them out.`);
    }
    const reactor = runsAsReactor(args.wasmedge, bytes, args.guestArgs);
    const run = (): Promise<number> => (reactor ? runReactor(runtime, bytes, args.guestArgs) : runtime.run(bytes));
    const gas = args.gasLimit !== undefined || args.gasMeasuring || args.wasmedge.allStatistics;
    // A reactor's gas too: run-gas.ts prints it for run() only.
    if (args.wasmedge.timeMeasuring || args.wasmedge.instructionCount || (reactor && gas)) return await runWithStatistics(runtime, run, { ...args.wasmedge, gas });
    if (reactor) return await run();
    if (args.gasLimit !== undefined || args.gasMeasuring) return await runWithGasStatistics(runtime, bytes);
    return await runtime.run(bytes);
  } finally {
    runtime.dispose();
  }
}
