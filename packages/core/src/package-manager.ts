import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A JavaScript package manager, to write install hints in the one the user runs. */
export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

/** Lockfiles by the package manager that writes them, in the order they are looked for in a folder. */
const lockfiles: readonly (readonly [string, PackageManager])[] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['yarn.lock', 'yarn'],
  ['bun.lockb', 'bun'],
  ['bun.lock', 'bun'],
];

const managers: readonly PackageManager[] = ['npm', 'pnpm', 'yarn', 'bun'];

/** Where to look; both default to the running process's. */
export interface PackageManagerContext {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * The package manager in use: the one that started this process
 * (`npm_config_user_agent`, e.g. `pnpm/12.4.2 npm/? node/v20.20.2 linux x64`,
 * set by `npx`, `pnpm exec`, `yarn`, `bun` and package scripts), else the one
 * whose lockfile is nearest walking up from the working directory, else npm.
 */
export function packageManager(context: PackageManagerContext = {}): PackageManager {
  const agent = (context.env ?? process.env).npm_config_user_agent;
  const name = agent?.split('/', 1)[0]?.trim();
  if (name && (managers as readonly string[]).includes(name)) return name as PackageManager;
  for (let dir = resolve(context.cwd ?? process.cwd()); ; dir = dirname(dir)) {
    const found = lockfiles.find(([file]) => existsSync(join(dir, file)));
    if (found) return found[1];
    if (dirname(dir) === dir) return 'npm';
  }
}

/** The command that adds `specs` to the project: `npm install a b`, `pnpm add a b`, `yarn add a b`, `bun add a b`. */
export function installCommand(specs: readonly string[], manager: PackageManager = packageManager()): string {
  return `${manager} ${manager === 'npm' ? 'install' : 'add'} ${specs.join(' ')}`;
}
