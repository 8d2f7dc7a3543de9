import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pluginCatalog } from '../../catalog.js';
import { Plugin, type PluginOptionInfo, type PluginOptionValue } from '../../plugins/plugin.js';
import { Runtime } from '../../runtime/runtime.js';
import { WsError } from '../../errors.js';
import { guestIndex, loadCliPlugins, scanPluginPaths } from '../plugin-paths.js';
import { UsageError } from '../output.js';

interface RunArguments {
  wasmPath: string;
  guestArgs: string[];
  preopens: Record<string, string>;
  env: Record<string, string>;
  pluginOptions: Record<string, PluginOptionValue>;
  forbiddenPlugins: string[];
}

const CORE_VALUE_OPTIONS = new Set(['dir', 'env', 'plugin-path', 'forbidden-plugin']);

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

function unknownOption(name: string): Error {
  const owner = pluginCatalog.find((entry) => entry.options.some((o) => o.name === name));
  // Installed but its library does not load: that error (a checklist) is the real answer.
  const failure = owner && loadFailures.get(owner.plugin);
  if (failure) return failure;
  if (owner) return new UsageError(`--${name} is an option of the ${owner.plugin} plug-in, which is not installed. Install it: pnpm add ${owner.package} (or pass --plugin-path to its library).`);
  return new UsageError(`unknown option --${name}. Run ws run --help for the options.`);
}

/** Parses `ws run` arguments like the wasmedge command: options, then the guest, then its arguments. */
export function parseRunArguments(argv: readonly string[]): RunArguments {
  const result: RunArguments = { wasmPath: '', guestArgs: [], preopens: {}, env: {}, pluginOptions: {}, forbiddenPlugins: [] };
  // The last value taken from the token after its option: it may be the guest's path.
  let lastTakenValue: { name: string; value: string } | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      i++;
      break;
    }
    if (/^-[^-]/.test(token)) throw new UsageError(`unknown option ${token}: options start with two dashes (--name). Run ws run --help for the options, or put -- before a guest file whose name starts with a dash.`);
    if (!token.startsWith('--') || token === '-') break;
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const inlineValue = eq === -1 ? undefined : token.slice(eq + 1);
    const next = argv[i + 1];
    const takeValue = (required: boolean): string | null => {
      if (inlineValue !== undefined) return inlineValue;
      // As in WasmEdge: the next token is taken even if it looks like a file name.
      if (next !== undefined && !next.startsWith('-')) {
        i++;
        lastTakenValue = { name, value: next };
        return next;
      }
      if (required) throw new UsageError(`--${name} needs a value.`);
      return null;
    };
    if (CORE_VALUE_OPTIONS.has(name)) {
      const value = takeValue(true)!;
      if (value === '') throw new UsageError(`--${name} needs a value.`);
      if (name === 'dir') {
        const colon = value.indexOf(':');
        const guest = colon === -1 ? value : value.slice(0, colon);
        const host = colon === -1 ? value : value.slice(colon + 1);
        if (guest === '' || host === '') throw new UsageError(`--dir takes GUEST:HOST (e.g. --dir .:. or --dir /data:./data), got "${value}".`);
        result.preopens[guest] = resolve(host);
      } else if (name === 'env') {
        const at = value.indexOf('=');
        result.env[at === -1 ? value : value.slice(0, at)] = at === -1 ? '' : value.slice(at + 1);
      } else if (name === 'forbidden-plugin') {
        result.forbiddenPlugins.push(value);
      }
      continue;
    }
    const option = findPluginOption(name);
    if (!option) throw unknownOption(name);
    if (option.type === 'toggle') {
      if (inlineValue !== undefined && inlineValue !== 'true' && inlineValue !== 'false') throw new UsageError(`--${name} is a flag and takes no value.`);
      result.pluginOptions[name] = inlineValue !== 'false';
      continue;
    }
    const value = takeValue(option.defaultValue === null);
    const previous = result.pluginOptions[name];
    if (option.type === 'string-list') {
      result.pluginOptions[name] = [...(Array.isArray(previous) ? previous : []), value ?? option.defaultValue ?? ''];
    } else {
      result.pluginOptions[name] = value;
    }
  }
  if (i >= argv.length) {
    if (lastTakenValue?.value.endsWith('.wasm')) {
      const { name, value } = lastTakenValue;
      throw new UsageError(`no WebAssembly file given: --${name} took ${value} as its value. Give --${name} its value before the guest (--${name} VALUE ${value}, or --${name}=VALUE).`);
    }
    throw new UsageError('no WebAssembly file given. Usage: ws run [options] app.wasm [args...]');
  }
  result.wasmPath = argv[i]!;
  result.guestArgs = argv.slice(i + 1);
  return result;
}

export function runHelp(): string {
  const lines = [
    'Usage: ws run [options] app.wasm [args...]',
    '',
    'Runs a WebAssembly (wasm32-wasi) guest with the host modules of WasmEdge plug-ins.',
    '',
    'Options:',
    '  --dir GUEST:HOST         preopen HOST as GUEST in the guest (--dir .:. for the current folder)',
    '  --env NAME=VALUE         set an environment variable of the guest (repeatable)',
    '  --plugin-path PATH       load a plug-in file, or every plug-in in a folder (repeatable)',
    '  --forbidden-plugin NAME  never give the guest the modules of plug-in NAME (repeatable)',
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
      lines.push(`  --${option.name}${option.value ? ` ${option.value}` : ''}`.padEnd(40) + ` ${option.description} [${entry.plugin}: not installed, pnpm add ${entry.package}]`);
    }
  }
  return lines.join('\n');
}

/** `ws run`: resolves to the guest's exit code. */
export async function runCommand(argv: readonly string[]): Promise<number> {
  loadCliPlugins(scanPluginPaths(argv, { stopAtGuest: true }));
  const options = argv.slice(0, guestIndex(argv));
  if (argv.length === 0 || options.includes('--help') || options.includes('-h')) {
    process.stdout.write(`${runHelp()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const args = parseRunArguments(argv);
  let bytes: Buffer;
  try {
    bytes = readFileSync(args.wasmPath);
  } catch (error) {
    throw new WsError('WS_USAGE', `cannot read ${args.wasmPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check the path of the .wasm file.`);
  }
  const runtime = new Runtime({
    args: [args.wasmPath, ...args.guestArgs],
    env: args.env,
    preopens: args.preopens,
    pluginOptions: args.pluginOptions,
    forbiddenPlugins: args.forbiddenPlugins,
  });
  try {
    return await runtime.run(bytes);
  } finally {
    runtime.dispose();
  }
}
