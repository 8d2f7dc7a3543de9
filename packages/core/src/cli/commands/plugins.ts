import { logPrefix, setWarningHandler } from '../../log.js';
import { installCommand } from '../../package-manager.js';
import { Plugin } from '../../plugins/plugin.js';
import { wasmEdgeReleasesOf } from '../../plugins/plugin-library.js';
import { allStrings, checkPositionals, flag, parseArguments } from '../arguments.js';
import { loadCliPlugins } from '../plugin-paths.js';

const USAGE = `Usage: ws plugins [--plugin-path PATH]... [--json]

Lists the plug-ins found (WASMEDGE_PLUGIN_PATH, the default folders, installed
packages, --plugin-path) and every file rejected, with the reason.

Options:
  --plugin-path PATH  load a plug-in file, or every plug-in in a folder (repeatable)
  --json              print the report as JSON
  --log-level LEVEL   off, critical, error, warning (default), info, debug or trace
  --help, -h          print this help`;

interface PluginReport {
  name: string;
  loaded: boolean;
  package?: string;
  version?: string;
  apiVersion?: number;
  path?: string;
  modules?: string[];
  importNames: string[];
  options?: { name: string; type: string; description: string }[];
  /** Installed packages extending it (e.g. WASI-NN backends), with the option defaults they set. */
  extensions: { package: string; version: string; options: string[] }[];
  error?: string;
}

/** `ws plugins [--plugin-path P]... [--json]`: what was found, and why anything was rejected. */
export function pluginsCommand(argv: readonly string[]): number {
  const parsed = parseArguments(argv, { command: 'plugins', options: { 'plugin-path': { type: 'string' }, json: { type: 'boolean' } } });
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  checkPositionals(parsed, 'plugins', 0, USAGE);
  // Rejected files are this command's output: not also as warnings on stderr.
  setWarningHandler((code, message) => {
    if (!Plugin.rejected().some((rejected) => rejected.message === message)) process.stderr.write(`${logPrefix()} ${code}: ${message}\n`);
  });
  loadCliPlugins(allStrings(parsed, 'plugin-path'));
  const json = flag(parsed, 'json');
  const reports: PluginReport[] = Plugin.all().map((plugin) => {
    const extensions = plugin.extensions.map((e) => ({ package: e.packageName, version: e.packageVersion, options: Object.keys(e.defaultOptions) }));
    const report: PluginReport = { name: plugin.name, loaded: plugin.loaded, package: plugin.packageName, importNames: plugin.knownImportNames(), extensions };
    if (plugin.loaded) {
      report.version = plugin.version;
      report.apiVersion = plugin.apiVersion;
      report.path = plugin.path;
      report.modules = plugin.listModules();
      report.options = plugin.options.map(({ name, type, description }) => ({ name, type, description }));
    }
    return report;
  });
  const rejected = Plugin.rejected();
  if (json) {
    process.stdout.write(`${JSON.stringify({ plugins: reports, rejected }, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  if (reports.length === 0) out.push(`No plug-ins found. Use --plugin-path, WASMEDGE_PLUGIN_PATH, or install a plug-in package (${installCommand(['@ws/process'])}).`);
  for (const report of reports) {
    if (report.loaded) {
      const releases = wasmEdgeReleasesOf(report.apiVersion!);
      out.push(`${report.name} ${report.version} (plug-in API ${report.apiVersion}${releases ? `, ${releases}` : ''})${report.package ? ` from ${report.package}` : ''}`);
      out.push(`  path: ${report.path}`);
      out.push(`  modules: ${report.modules!.join(', ')}`);
      for (const option of report.options!) out.push(`  --${option.name} (${option.type}) ${option.description}`);
    } else {
      out.push(`${report.name} from ${report.package} (not loaded yet: loads when a guest imports ${report.importNames.join(', ')})`);
    }
    for (const extension of report.extensions) out.push(`  extended by ${extension.package} ${extension.version} (sets ${extension.options.map((o) => `--${o}`).join(', ')})`);
  }
  if (rejected.length > 0) {
    out.push('', 'Rejected files:');
    for (const entry of rejected) out.push(`  ${entry.path}`, `    ${entry.code}: ${entry.message.replace(/\n/g, '\n    ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
