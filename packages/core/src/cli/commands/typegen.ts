import { writeFileSync } from 'node:fs';
import { WsError } from '../../errors.js';
import { Plugin } from '../../plugins/plugin.js';
import { generatePluginTypes } from '../../typegen/typegen.js';
import { loadCliPlugins, scanPluginPaths } from '../plugin-paths.js';
import { UsageError } from '../output.js';

/** `ws typegen <plugin> [--plugin-path P]... [--out FILE]`. */
export function typegenCommand(argv: readonly string[]): number {
  loadCliPlugins(scanPluginPaths(argv));
  let name: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--plugin-path') i++;
    else if (token === '--out') {
      out = argv[++i];
      if (out === undefined || out.startsWith('--')) throw new UsageError('--out needs a file name: ws typegen <plugin-name> --out FILE');
    }
    else if (!token.startsWith('--')) name ??= token;
  }
  if (!name) throw new UsageError('Usage: ws typegen <plugin-name> [--plugin-path PATH]... [--out FILE]');
  const plugin = Plugin.find(name);
  if (!plugin) {
    throw new WsError('WS_PLUGIN_NOT_FOUND', `No plug-in named ${name} was found (found: ${Plugin.list().join(', ') || 'none'}). Load it with --plugin-path.`);
  }
  const text = generatePluginTypes(plugin);
  if (out) {
    try {
      writeFileSync(out, text);
    } catch (error) {
      throw new WsError('WS_USAGE', `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check that its folder exists and is writable.`);
    }
  }
  else process.stdout.write(text);
  return 0;
}
