import { writeFileSync } from 'node:fs';
import { WsError } from '../../errors.js';
import { Plugin } from '../../plugins/plugin.js';
import { generatePluginTypes } from '../../typegen/typegen.js';
import { allStrings, checkPositionals, lastString, parseArguments } from '../arguments.js';
import { loadCliPlugins } from '../plugin-paths.js';
import { UsageError } from '../output.js';

const USAGE = `Usage: ws typegen <plugin-name> [--plugin-path PATH]... [--out FILE]

Writes TypeScript types of a plug-in's host functions (one interface per module).

Options:
  --plugin-path PATH  load a plug-in file, or every plug-in in a folder (repeatable)
  --out FILE          write the types to FILE instead of standard output
  --log-level LEVEL   off, critical, error, warning (default), info, debug or trace
  --help, -h          print this help`;

/** `ws typegen <plugin> [--plugin-path P]... [--out FILE]`. */
export function typegenCommand(argv: readonly string[]): number {
  const parsed = parseArguments(argv, { command: 'typegen', options: { 'plugin-path': { type: 'string' }, out: { type: 'string' } } });
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  checkPositionals(parsed, 'typegen', 1, USAGE);
  const name = parsed.positionals[0];
  if (!name) throw new UsageError(USAGE);
  const out = lastString(parsed, 'out');
  loadCliPlugins(allStrings(parsed, 'plugin-path'));
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
