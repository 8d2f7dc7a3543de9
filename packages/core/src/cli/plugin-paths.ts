import { PluginLoadError } from '../errors.js';
import { Plugin } from '../plugins/plugin.js';
import { warnOnce } from '../log.js';

/**
 * Where the guest's path probably is, before plug-ins are loaded (so before
 * it is known which options take a value): the first token after `--`, the
 * first `.wasm` file, or the first other token that is not an option and does
 * not follow a bare `--name` (which may take it as its value). The rest
 * belongs to the guest.
 */
export function guestIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return i + 1;
    if (token.startsWith('-') && token !== '-') continue;
    if (token.endsWith('.wasm')) return i;
    const previous = argv[i - 1];
    const mayBeValue = previous !== undefined && previous.startsWith('--') && !previous.includes('=');
    if (!mayBeValue) return i;
  }
  return argv.length;
}

/**
 * The values of `--name V` / `--name=V`, found before the arguments are
 * parsed: `--plugin-path` (plug-ins must load before `ws run` knows their
 * options) and `--log-level` (set before anything runs). For `ws run`
 * (`stopAtGuest`), only those before the guest's path. Empty values are left
 * for the parser to report.
 */
export function scanOption(argv: readonly string[], name: string, options: { stopAtGuest?: boolean } = {}): string[] {
  const values: string[] = [];
  const end = options.stopAtGuest ? guestIndex(argv) : argv.length;
  for (let i = 0; i < end; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token === `--${name}` && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) values.push(argv[++i]!);
    // An empty value is a usage error of the command; resolve('') would load the current folder.
    else if (token.startsWith(`--${name}=`) && token.length > `--${name}=`.length) values.push(token.slice(`--${name}=`.length));
  }
  return values;
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
