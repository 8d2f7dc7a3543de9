/** The `ws` command: mirrors the `wasmedge` command for Node.js. */
import './quiet-warnings.js';
import { setWarningHandler, logPrefix } from '../log.js';
import { coreVersion } from '../native/load-bridge.js';
import { doctorCommand } from './commands/doctor.js';
import { newPluginCommand } from './commands/new-plugin.js';
import { pluginsCommand } from './commands/plugins.js';
import { runCommand } from './commands/run.js';
import { typegenCommand } from './commands/typegen.js';
import { WsError } from '../errors.js';
import { printError, USAGE_EXIT_CODE, UsageError } from './output.js';

setWarningHandler((code, message) => process.stderr.write(`${logPrefix()} ${code}: ${message}\n`));

const USAGE = `Usage: ws <command> [options]

Commands:
  run [options] app.wasm [args...]   run a guest (see ws run --help)
  plugins [--plugin-path P]... [--json]  list plug-ins found and files rejected
  typegen <plugin> [--out FILE]      write TypeScript types of a plug-in's host functions
  doctor                             check platform, native bridge and plug-ins
  new-plugin <name> [--dir D]        create a C plug-in package (build, test, types)
  --version                          print the version of ws (@ws/core)

A .wasm file as the first argument is the same as ws run.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runCommand(rest);
    case 'plugins':
      return pluginsCommand(rest);
    case 'typegen':
      return typegenCommand(rest);
    case 'doctor':
      return doctorCommand(rest);
    case 'new-plugin':
      return newPluginCommand(rest);
    case '--version':
    case '-v':
    case 'version':
      process.stdout.write(`ws ${coreVersion}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? USAGE_EXIT_CODE : 0;
    default:
      if (command.endsWith('.wasm') || command.startsWith('--')) return runCommand(argv);
      throw new UsageError(`unknown command ${command}.\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printError(error);
    // A plug-in option value the plug-in refuses (--scale abc) is a usage error too.
    const usage = error instanceof UsageError || (error instanceof WsError && error.code === 'WS_PLUGIN_OPTION');
    process.exitCode = usage ? USAGE_EXIT_CODE : 1;
  },
);
