// Packs what a user would download: ws packages (pnpm pack rewrites
// workspace:* to the exact version), their linux-x64-gnu platform packages
// staged with binaries by scripts/package-binaries.mjs, and koffi (with its
// linux-x64 binary) and other third-party packages taken from the workspace's
// own install (so the temporary projects install offline).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { root } from '../helpers/paths.js';

export interface Packed {
  /** Package name → absolute path of its .tgz. */
  tarballs: Record<string, string>;
}

/** Environment for package managers run by the tests: nothing inherited from the pnpm that runs the suite. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|NODE_OPTIONS$|NODE_PATH$|VITEST|WS_|WASMEDGE_PLUGIN_PATH$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false', NODE_NO_WARNINGS: '1', ...extra };
}

function packInto(dir: string, destination: string, tool: 'pnpm' | 'npm'): string {
  const before = new Set(readdirSync(destination));
  execFileSync(tool, ['pack', '--pack-destination', destination], { cwd: dir, env: cleanEnv(), stdio: 'pipe' });
  const created = readdirSync(destination).filter((file) => !before.has(file) && file.endsWith('.tgz'));
  if (created.length !== 1) throw new Error(`${tool} pack in ${dir} created ${created.join(', ') || 'nothing'}`);
  return join(destination, created[0]!);
}

/** The folder of an installed package, found from `fromPackageDir` (by folder: "exports" may hide package.json). */
function installedPackageDir(fromPackageDir: string, name: string): string {
  const searched = createRequire(join(fromPackageDir, 'package.json')).resolve.paths(name) ?? [];
  const dir = searched.map((base) => join(base, name)).find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed for ${fromPackageDir}: run pnpm install`);
  return realpathSync(dir);
}

/**
 * Packs the ws packages in `folders` (packages/<folder>) with their
 * linux-x64-gnu platform packages, koffi, and `thirdParty` packages
 * (name → the workspace package that depends on it).
 */
export function packAll(work: string, folders: readonly string[] = ['core', 'process'], thirdParty: Readonly<Record<string, string>> = {}): Packed {
  const tarballs: Record<string, string> = {};
  const destination = join(work, 'tarballs');
  mkdirSync(destination, { recursive: true });
  const staged = JSON.parse(
    execFileSync(process.execPath, [join(root, 'scripts/package-binaries.mjs'), '--out', join(work, 'stage'), '--only', folders.join(','), '--platform', 'linux-x64-gnu'], { encoding: 'utf8' }),
  ) as string[];
  if (staged.length !== folders.length) throw new Error(`expected ${folders.length} staged platform packages, got ${JSON.stringify(staged)}`);
  for (const dir of staged) tarballs[`@ws/${dir.split('/').at(-2)}-linux-x64-gnu`] = packInto(dir, destination, 'npm');
  for (const folder of folders) tarballs[`@ws/${folder}`] = packInto(join(root, 'packages', folder), destination, 'pnpm');
  // Both packages have their main file at the package root.
  const koffiDir = dirname(createRequire(join(root, 'packages/core/package.json')).resolve('koffi'));
  tarballs.koffi = packInto(koffiDir, destination, 'npm');
  const koffiBinaryDir = dirname(createRequire(join(koffiDir, 'package.json')).resolve('@koromix/koffi-linux-x64'));
  tarballs['@koromix/koffi-linux-x64'] = packInto(koffiBinaryDir, destination, 'npm');
  for (const [name, dependent] of Object.entries(thirdParty)) {
    tarballs[name] = packInto(installedPackageDir(join(root, 'packages', dependent), name), destination, 'npm');
  }
  return { tarballs };
}

export type Manager = 'npm' | 'pnpm';

/**
 * A new project `work/<name>` outside the workspace that depends on the
 * packed packages `dependencies`, installed with `manager install <args>`;
 * every package (transitive ones included) resolves to its local tarball.
 */
export function installProject(work: string, packed: Packed, manager: Manager, name: string, dependencies: readonly string[], args: readonly string[]): string {
  const app = join(work, name);
  mkdirSync(app);
  const file = (pkg: string): string => `file:${packed.tarballs[pkg]}`;
  const overrides = Object.fromEntries(Object.keys(packed.tarballs).map((pkg) => [pkg, file(pkg)]));
  const manifest: Record<string, unknown> = {
    name: 'ws-install-test',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(dependencies.map((pkg) => [pkg, file(pkg)])),
  };
  if (manager === 'npm') manifest.overrides = overrides;
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (manager === 'pnpm') {
    // A project of its own (not the ws workspace): overrides and build decisions live here.
    const yaml = [
      'overrides:',
      ...Object.entries(overrides).map(([pkg, spec]) => `  ${JSON.stringify(pkg)}: ${JSON.stringify(spec)}`),
      'allowBuilds:',
      '  koffi: false',
      '',
    ].join('\n');
    writeFileSync(join(app, 'pnpm-workspace.yaml'), yaml);
  }
  execFileSync(manager, ['install', '--offline', ...args], { cwd: app, env: cleanEnv(), stdio: 'pipe', timeout: 180000 });
  return app;
}
