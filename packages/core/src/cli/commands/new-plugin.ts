import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { libraryEnvVar } from '../../plugins/plugin-library.js';
import { sharedLibraryExtension } from '../../platform.js';
import { UsageError } from '../output.js';
import * as templates from './new-plugin-templates.js';

const USAGE = `Usage: ws new-plugin <name> [--dir DIR] [--local-deps]
  <name>        plug-in, module and C name: lower case letters, digits and _ (e.g. my_plugin)
  --dir DIR     where to create the package (default: ./<name with - for _>)
  --local-deps  depend on this ws installation's @ws/core and @ws/plugin-sdk with file: paths
                (for a ws checkout, or while the @ws packages are not on your registry)`;

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
  let name: string | undefined;
  let dir: string | undefined;
  let localDeps = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--dir') {
      dir = argv[++i];
      if (dir === undefined) throw new UsageError(`--dir needs a folder.\n${USAGE}`);
    } else if (token.startsWith('--dir=')) dir = token.slice('--dir='.length);
    else if (token === '--local-deps') localDeps = true;
    else if (token === '--help' || token === '-h') return undefined;
    else if (token.startsWith('-')) throw new UsageError(`unknown option ${token}.\n${USAGE}`);
    else if (name === undefined) name = token;
    else throw new UsageError(`unexpected argument ${token}.\n${USAGE}`);
  }
  if (name === undefined) throw new UsageError(USAGE);
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) {
    throw new UsageError(`${JSON.stringify(name)} cannot name a plug-in: use lower case letters, digits and _ and start with a letter (e.g. my_plugin).`);
  }
  return { name, dir, localDeps };
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
      '  npm install && npm run build && npm test',
      '',
    ].join('\n'),
  );
  return 0;
}
