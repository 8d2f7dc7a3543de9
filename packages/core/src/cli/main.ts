/** The `ws` command: mirrors the `wasmedge` command for Node.js. */
import './quiet-warnings.js';
import { setLogLevel, setWarningHandler, logPrefix } from '../log.js';
import { coreVersion } from '../native/load-bridge.js';
import { supportedPluginApiVersions } from '../plugins/plugin-library.js';
import { emulatedWasmEdgeVersion } from '../wasmedge-version.js';
import { closestName } from '../suggest.js';
import { logLevelValue } from './arguments.js';
import { doctorCommand } from './commands/doctor.js';
import { newPluginCommand } from './commands/new-plugin.js';
import { pluginsCommand } from './commands/plugins.js';
import { runCommand } from './commands/run.js';
import { typegenCommand } from './commands/typegen.js';
import { WsError } from '../errors.js';
import { printError, TIME_LIMIT_EXIT_CODE, USAGE_EXIT_CODE, UsageError } from './output.js';
import { scanOption } from './plugin-paths.js';

setWarningHandler((code, message) => process.stderr.write(`${logPrefix()} ${code}: ${message}\n`));

const USAGE = `Usage: ws <command> [options]

Commands:
  run [options] app.wasm [args...]   run a guest (see ws run --help)
  plugins [--plugin-path P]... [--json]  list plug-ins found and files rejected
  typegen <plugin> [--out FILE]      write TypeScript types of a plug-in's host functions
  doctor                             check platform, native bridge and plug-ins
  new-plugin <name> [--dir D]        create a C plug-in package (build, test, types)
  --version                          print the version of ws (@ws/core) and of the WasmEdge APIs it emulates

Every command takes --help (-h) and --log-level LEVEL (off, critical, error,
warning (default), info, debug, trace).
A .wasm file as the first argument is the same as ws run.`;

const commands: Readonly<Record<string, (argv: readonly string[]) => number | Promise<number>>> = {
  run: runCommand,
  plugins: pluginsCommand,
  typegen: typegenCommand,
  doctor: doctorCommand,
  'new-plugin': newPluginCommand,
};

/** `ws --log-level debug plugins`: a --log-level before a command name belongs to that command. */
function commandFirst(argv: string[]): string[] {
  const length = argv[0] === '--log-level' ? 2 : argv[0]?.startsWith('--log-level=') ? 1 : 0;
  const command = argv[length];
  if (length === 0 || command === undefined || !Object.hasOwn(commands, command)) return argv;
  return [command, ...argv.slice(0, length), ...argv.slice(length + 1)];
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = commandFirst(argv);
  switch (first) {
    case '--version':
    case '-v':
    case 'version':
      process.stdout.write(`ws ${coreVersion} (WasmEdge ${emulatedWasmEdgeVersion} C API, plug-in API ${supportedPluginApiVersions.join(', ')})\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return first === undefined ? USAGE_EXIT_CODE : 0;
  }
  // `ws app.wasm ...` and `ws --dir .:. app.wasm ...` are `ws run`.
  const implicitRun = first.endsWith('.wasm') || first.startsWith('--');
  const name = implicitRun ? 'run' : first;
  if (!Object.hasOwn(commands, name)) {
    const suggestion = closestName(first, Object.keys(commands));
    throw new UsageError(`unknown command ${first}.${suggestion ? ` Did you mean ws ${suggestion}?` : ''}\n${USAGE}`);
  }
  const args = implicitRun ? [first, ...rest] : rest;
  // Before anything runs (plug-ins print from the moment they load).
  const level = scanOption(args, 'log-level', { stopAtGuest: name === 'run' }).at(-1);
  if (level !== undefined) setLogLevel(logLevelValue(name, level));
  return commands[name]!(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printError(error);
    // A plug-in option value the plug-in refuses (--scale abc) is a usage error too.
    const usage = error instanceof UsageError || (error instanceof WsError && error.code === 'WS_PLUGIN_OPTION');
    // WS_ISOLATED_TIME_LIMIT: a worker or process (--isolation) ended at the limit.
    const timeLimit = error instanceof WsError && (error.code === 'WS_TIME_LIMIT' || error.code === 'WS_ISOLATED_TIME_LIMIT');
    process.exitCode = usage ? USAGE_EXIT_CODE : timeLimit ? TIME_LIMIT_EXIT_CODE : 1;
  },
);
