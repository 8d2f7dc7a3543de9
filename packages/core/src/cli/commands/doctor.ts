import { loadBridge } from '../../native/load-bridge.js';
import { Plugin } from '../../plugins/plugin.js';
import { currentPlatformFacts, libcDescription, osName, platformKey } from '../../platform.js';
import { probeBackends } from '../backend-probe.js';
import { loadCliPlugins, scanPluginPaths } from '../plugin-paths.js';

/** `ws doctor`: platform, libc, Node, the native bridge and every plug-in found. */
export function doctorCommand(argv: readonly string[]): number {
  const facts = currentPlatformFacts();
  const lines = [
    `platform: ${platformKey(facts) ?? `${facts.platform}-${facts.arch} (no prebuilt binaries)`}`,
    `os: ${osName() || facts.platform}`,
    `libc: ${libcDescription(facts)}`,
    `node: ${process.version} (N-API ${process.versions.napi})`,
  ];
  let healthy = true;
  try {
    const info = loadBridge().hostInfo();
    lines.push(`native bridge: ok (WasmEdge C API ${info.wasmedgeVersion}, plug-in API ${info.apiVersion})`, `  ${info.standInPath}`);
  } catch (error) {
    healthy = false;
    lines.push(`native bridge: FAILED`, `  ${(error as Error).message.replace(/\n/g, '\n  ')}`);
  }
  if (healthy) {
    loadCliPlugins(scanPluginPaths(argv));
    lines.push('plug-ins:');
    for (const plugin of Plugin.all()) {
      try {
        plugin.load();
        lines.push(`  ${plugin.name} ${plugin.version}: loads (${plugin.path})`);
      } catch (error) {
        healthy = false;
        lines.push(`  ${plugin.name}${plugin.packageName ? ` (${plugin.packageName})` : ''}: FAILED`, `    ${(error as Error).message.replace(/\n/g, '\n    ')}`);
      }
    }
    for (const rejected of Plugin.rejected()) lines.push(`  rejected ${rejected.path}: ${rejected.code}`);
  }
  lines.push('backend libraries (optional):', ...probeBackends());
  process.stdout.write(`${lines.join('\n')}\n`);
  return healthy ? 0 : 1;
}
