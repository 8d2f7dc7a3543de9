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
 * The package manager in use: the one whose lockfile is nearest walking up
 * from the working directory (it manages that node_modules), else the one
 * that started this process (`npm_config_user_agent`, e.g. `pnpm/12.4.2 npm/?
 * node/v20.20.2 linux x64`, set by npx, pnpm, yarn, bun and package scripts),
 * else npm. The lockfile comes first because `npx ws` is usual in a pnpm
 * project too: its user agent says npm, and `npm install` there would be wrong.
 */
export function packageManager(context: PackageManagerContext = {}): PackageManager {
  for (let dir = resolve(context.cwd ?? process.cwd()); ; dir = dirname(dir)) {
    const found = lockfiles.find(([file]) => existsSync(join(dir, file)));
    if (found) return found[1];
    if (dirname(dir) === dir) break;
  }
  const agent = (context.env ?? process.env).npm_config_user_agent;
  const name = agent?.split('/', 1)[0]?.trim();
  return name && (managers as readonly string[]).includes(name) ? (name as PackageManager) : 'npm';
}

/** The command that adds `specs` to the project: `npm install a b`, `pnpm add a b`, `yarn add a b`, `bun add a b`. */
export function installCommand(specs: readonly string[], manager: PackageManager = packageManager()): string {
  return `${manager} ${manager === 'npm' ? 'install' : 'add'} ${specs.join(' ')}`;
}
