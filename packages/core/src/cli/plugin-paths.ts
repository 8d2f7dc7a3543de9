import { PluginLoadError } from '../errors.js';
import { Plugin } from '../plugins/plugin.js';
import { warnOnce } from '../log.js';

/** `--plugin-path P` values that appear before the guest file (pre-scan: plug-ins must load before their options parse). */
export function scanPluginPaths(argv: readonly string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token.endsWith('.wasm') && !argv[i - 1]?.startsWith('--')) break;
    if (token === '--plugin-path' && argv[i + 1] !== undefined) paths.push(argv[++i]!);
    // An empty value is a usage error of the command; resolve('') would load the current folder.
    else if (token.startsWith('--plugin-path=') && token.length > '--plugin-path='.length) paths.push(token.slice('--plugin-path='.length));
  }
  return paths;
}

/**
 * Loads the default locations, installed packages, then each --plugin-path.
 * A bad file is reported and skipped: the command goes on with the others.
 */
export function loadCliPlugins(paths: readonly string[]): void {
  Plugin.loadWithDefaultPaths();
  for (const path of paths) {
    try {
      Plugin.loadFromPath(path);
    } catch (error) {
      // A warning (same `[ws] CODE: message` line): ws plugins lists rejections itself.
      if (error instanceof PluginLoadError) warnOnce(error.code, error.message);
      else throw error;
    }
  }
}
