// Packs what a user would download: @ws/core and @ws/process (pnpm pack
// rewrites workspace:* to the exact version), their linux-x64-gnu platform
// packages staged with binaries by scripts/package-binaries.mjs, and koffi
// with its linux-x64 binary taken from the workspace's own install (so the
// temporary projects install offline).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
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

export function packAll(work: string): Packed {
  const tarballs: Record<string, string> = {};
  const destination = join(work, 'tarballs');
  mkdirSync(destination, { recursive: true });
  const staged = JSON.parse(
    execFileSync(process.execPath, [join(root, 'scripts/package-binaries.mjs'), '--out', join(work, 'stage'), '--only', 'core,process', '--platform', 'linux-x64-gnu'], { encoding: 'utf8' }),
  ) as string[];
  if (staged.length !== 2) throw new Error(`expected 2 staged platform packages, got ${JSON.stringify(staged)}`);
  for (const dir of staged) tarballs[`@ws/${dir.split('/').at(-2)}-linux-x64-gnu`] = packInto(dir, destination, 'npm');
  tarballs['@ws/core'] = packInto(join(root, 'packages/core'), destination, 'pnpm');
  tarballs['@ws/process'] = packInto(join(root, 'packages/process'), destination, 'pnpm');
  // Both packages have their main file at the package root.
  const koffiDir = dirname(createRequire(join(root, 'packages/core/package.json')).resolve('koffi'));
  tarballs.koffi = packInto(koffiDir, destination, 'npm');
  const koffiBinaryDir = dirname(createRequire(join(koffiDir, 'package.json')).resolve('@koromix/koffi-linux-x64'));
  tarballs['@koromix/koffi-linux-x64'] = packInto(koffiBinaryDir, destination, 'npm');
  return { tarballs };
}
