import { loadBridge } from '../../native/load-bridge.js';
import { Plugin } from '../../plugins/plugin.js';
import { currentPlatformFacts, libcDescription, osName, platformKey } from '../../platform.js';
import { probeBackends } from '../backend-probe.js';
import { allStrings, checkPositionals, parseArguments } from '../arguments.js';
import { loadCliPlugins } from '../plugin-paths.js';
import { resolveDefaultOptions } from '../../plugins/default-options.js';
import { wasiNnBackendLines } from './doctor-wasi-nn.js';

const USAGE = `Usage: ws doctor [--plugin-path PATH]...

Checks this platform, the native bridge, every plug-in found and the optional
backend libraries. Exits 1 when something that should work does not.

Options:
  --plugin-path PATH  load a plug-in file, or every plug-in in a folder, too (repeatable)
  --log-level LEVEL   off, critical, error, warning (default), info, debug or trace
  --help, -h          print this help`;

/**
 * `ws doctor`: platform key, libc, Node and N-API, the native bridge, every
 * plug-in found (installed packages included) and whether it loads, and the
 * optional backend libraries present (probed through the native bridge, no plug-in loaded).
 */
export function doctorCommand(argv: readonly string[]): number {
  const parsed = parseArguments(argv, { command: 'doctor', options: { 'plugin-path': { type: 'string' } } });
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  checkPositionals(parsed, 'doctor', 0, USAGE);
  const facts = currentPlatformFacts();
  const lines = [
    `platform: ${platformKey(facts) ?? `${facts.platform}-${facts.arch} (no prebuilt binaries)`}`,
    `os: ${osName() || facts.platform}`,
    `libc: ${libcDescription(facts)}`,
    `node: ${process.version} (N-API ${process.versions.napi})`,
  ];
  let healthy = true;
  try {
    const bridge = loadBridge();
    const info = bridge.hostInfo();
    lines.push(`native bridge: ok (WasmEdge C API ${info.wasmedgeVersion}, plug-in API ${info.apiVersion})`, `  ${info.standInPath}`);
    lines.push(`  host calls: ${bridge.hostCallPath()}`);
  } catch (error) {
    healthy = false;
    lines.push(`native bridge: FAILED`, `  ${(error as Error).message.replace(/\n/g, '\n  ')}`);
  }
  if (healthy) {
    loadCliPlugins(allStrings(parsed, 'plugin-path'));
  } else {
    // Without the bridge nothing can be loaded, but installed packages are still worth listing.
    Plugin.discoverPackages();
  }
  lines.push('plug-ins:');
  for (const plugin of Plugin.all()) {
    const label = `${plugin.name}${plugin.packageName ? ` (${plugin.packageName})` : ''}`;
    if (!healthy) {
      lines.push(`  ${label}: not loaded (the native bridge failed)`);
      continue;
    }
    try {
      plugin.load();
      lines.push(`  ${plugin.name} ${plugin.version}: loads (${plugin.path})`);
      // wasi_nn's backends are libraries of their own, each with its own runtime.
      if (plugin.name === 'wasi_nn') {
        const options: Record<string, string> = Object.assign({}, ...plugin.extensions.map((e) => resolveDefaultOptions(e)));
        lines.push(...wasiNnBackendLines(plugin.path, options, plugin.extensions.map((e) => e.packageName)));
      }
    } catch (error) {
      healthy = false;
      lines.push(`  ${label}: FAILED`, `    ${(error as Error).message.replace(/\n/g, '\n    ')}`);
    }
  }
  for (const rejected of Plugin.rejected()) lines.push(`  rejected ${rejected.path}: ${rejected.code}`);
  lines.push('backend libraries (optional):', ...probeBackends());
  process.stdout.write(`${lines.join('\n')}\n`);
  return healthy ? 0 : 1;
}
