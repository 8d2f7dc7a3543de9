import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { platformKey } from '../platform.js';
import type { PluginExtensionManifest, PluginManifest } from './npm-manifest.js';

/** `tfjs-tflite-node/cc_deps/x.so` → ['tfjs-tflite-node', 'cc_deps/x.so']; scoped names keep their scope. */
function splitPackageFile(file: string): [string, string] {
  const parts = file.split('/');
  const count = file.startsWith('@') ? 2 : 1;
  return [parts.slice(0, count).join('/'), parts.slice(count).join('/')];
}

/**
 * Resolves a manifest's default options for this platform: each names a file
 * inside a dependency of the plug-in package, found the way Node finds that
 * dependency from the package's own folder. Options whose file is missing
 * are left out (the plug-in then reports what it lacks).
 */
export function resolveDefaultOptions(manifest: Pick<PluginManifest | PluginExtensionManifest, 'packageDir' | 'defaultOptions'>): Record<string, string> {
  const key = platformKey();
  const resolved: Record<string, string> = {};
  if (!key) return resolved;
  const require = createRequire(join(manifest.packageDir, 'package.json'));
  for (const [option, perPlatform] of Object.entries(manifest.defaultOptions)) {
    const file = perPlatform[key];
    if (!file) continue;
    const [packageName, inside] = splitPackageFile(file);
    try {
      const path = join(dirname(require.resolve(`${packageName}/package.json`)), inside);
      if (existsSync(path)) resolved[option] = path;
    } catch {
      // The dependency is not installed: nothing to default to.
    }
  }
  return resolved;
}
