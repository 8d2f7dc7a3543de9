import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageManager } from '../../package-manager.js';
import { libraryEnvVar } from '../../plugins/plugin-library.js';
import { sharedLibraryExtension } from '../../platform.js';
import { checkPositionals, flag, lastString, parseArguments } from '../arguments.js';
import { UsageError } from '../output.js';
import * as templates from './new-plugin-templates.js';

const USAGE = `Usage: ws new-plugin <name> [--dir DIR] [--local-deps]

Creates a C plug-in package: source, CMakeLists.txt, package.json with the
"wasmedge" field, a test guest, a test and TypeScript types.

  <name>             plug-in, module and C name: lower case letters, digits and _ (e.g. my_plugin)
  --dir DIR          where to create the package (default: ./<name with - for _>)
  --local-deps       depend on this ws installation's @ws/core and @ws/plugin-sdk with file: paths
                     (for a ws checkout, or while the @ws packages are not on your registry)
  --log-level LEVEL  off, critical, error, warning (default), info, debug or trace
  --help, -h         print this help`;

/** The folder of the @ws/core package this CLI belongs to (dist/cli/commands → package). */
function corePackageDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
}

/** @ws/plugin-sdk next to this @ws/core: the ws repository's packages/plugin-sdk. */
function localSdkDir(coreDir: string): string {
  const sibling = resolve(coreDir, '..', 'plugin-sdk');
  if (existsSync(join(sibling, 'package.json'))) return sibling;
  throw new UsageError(`--local-deps needs @ws/plugin-sdk next to @ws/core (${sibling}); it is not there. Drop --local-deps to depend on the published packages.`);
}

function parse(argv: readonly string[]): { name: string; dir: string | undefined; localDeps: boolean } | undefined {
  const parsed = parseArguments(argv, { command: 'new-plugin', options: { dir: { type: 'string' }, 'local-deps': { type: 'boolean' } } });
  if (parsed.help) return undefined;
  checkPositionals(parsed, 'new-plugin', 1, USAGE);
  const name = parsed.positionals[0];
  if (name === undefined) throw new UsageError(USAGE);
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) {
    throw new UsageError(`${JSON.stringify(name)} cannot name a plug-in: use lower case letters, digits and _ and start with a letter (e.g. my_plugin).`);
  }
  return { name, dir: lastString(parsed, 'dir'), localDeps: flag(parsed, 'local-deps') };
}

/**
 * `ws new-plugin <name> [--dir DIR] [--local-deps]`: writes a buildable C
 * plug-in package (source, CMakeLists.txt, package.json with the "wasmedge"
 * field, test guest, node:test test, types.d.ts).
 */
export function newPluginCommand(argv: readonly string[]): number {
  const parsed = parse(argv);
  if (!parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { name, dir, localDeps } = parsed;
  const manager = packageManager();
  const packageName = name.replace(/_/g, '-');
  const target = resolve(dir ?? packageName);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new UsageError(`${target} exists and is not empty. Choose another folder with --dir.`);
  }
  const coreDir = corePackageDir();
  const coreVersion = (JSON.parse(readFileSync(join(coreDir, 'package.json'), 'utf8')) as { version: string }).version;
  const names: templates.ScaffoldNames = {
    name,
    packageName,
    library: `lib${name}${sharedLibraryExtension()}`,
    libraryEnvVar: libraryEnvVar(packageName),
    coreSpec: localDeps ? `file:${coreDir}` : `^${coreVersion}`,
    sdkSpec: localDeps ? `file:${localSdkDir(coreDir)}` : `^${coreVersion}`,
  };
  const files: [string, string][] = [
    ['package.json', templates.packageJson(names)],
    ['CMakeLists.txt', templates.cmakeLists(names)],
    [`src/${name}.c`, templates.pluginSource(names)],
    [`guests/${name}_test.c`, templates.guestSource(names)],
    ['scripts/build.mjs', templates.buildScript(names)],
    ['test/plugin.test.mjs', templates.testFile(names)],
    ['types.d.ts', templates.typesFile(names)],
    ['README.md', templates.readme(names)],
    ['.gitignore', templates.gitignore()],
  ];
  for (const [file, text] of files) {
    const path = join(target, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  process.stdout.write(
    [
      `Created plug-in package ${packageName} in ${target}:`,
      ...files.map(([file]) => `  ${file}`),
      'Next:',
      `  cd ${target}`,
      `  ${manager} install && ${manager} run build && ${manager} run test`,
      '',
    ].join('\n'),
  );
  return 0;
}
