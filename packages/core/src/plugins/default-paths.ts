import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/**
 * Splits WASMEDGE_PLUGIN_PATH like WasmEdge on POSIX (':'), but on `;` on
 * Windows (':' would split drive letters), dropping empty entries; a trailing
 * separator never fails.
 */
export function splitPluginPath(value: string | undefined, separator: string = delimiter): string[] {
  if (!value) return [];
  return value.split(separator).filter((entry) => entry.length > 0);
}

/** Where system-wide WasmEdge installs put plug-ins (`<libdir>/wasmedge`). */
export const systemPluginDirs: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  linux: ['/usr/local/lib/wasmedge', '/usr/lib/wasmedge'],
  darwin: ['/usr/local/lib/wasmedge', '/opt/homebrew/lib/wasmedge'],
};

/**
 * The default plug-in locations, in WasmEdge's order: WASMEDGE_PLUGIN_PATH
 * entries; the install-relative directory of the stand-in library
 * (`<libdir>/wasmedge` under /usr or /lib, else `<libdir>/../plugin`); the
 * system install folders; and `~/.wasmedge/plugin`. Duplicates are dropped.
 */
export function defaultPluginPaths(
  standInPath: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const paths = splitPluginPath(env.WASMEDGE_PLUGIN_PATH);
  if (standInPath) {
    const libDir = dirname(standInPath);
    paths.push(libDir.startsWith('/usr') || libDir.startsWith('/lib') ? join(libDir, 'wasmedge') : join(libDir, '..', 'plugin'));
  }
  paths.push(...(systemPluginDirs[platform] ?? []));
  const home = env.HOME ?? homedir();
  if (home) paths.push(join(home, '.wasmedge', 'plugin'));
  return [...new Set(paths)];
}
