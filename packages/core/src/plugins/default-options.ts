import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { platformKey } from '../platform.js';
import { readPackageManifests, type PluginExtensionManifest, type PluginManifest } from './npm-manifest.js';

/** `tfjs-tflite-node/cc_deps/x.so` → ['tfjs-tflite-node', 'cc_deps/x.so']; scoped names keep their scope. */
function splitPackageFile(file: string): [string, string] {
  const parts = file.split('/');
  const count = file.startsWith('@') ? 2 : 1;
  return [parts.slice(0, count).join('/'), parts.slice(count).join('/')];
}

/**
 * The folder of `packageName` as Node would find it from `fromDir`, found by
 * folder (not by require.resolve: a package's "exports" may hide its
 * package.json, as @node-llama-cpp's do). Undefined when not installed.
 */
function packageFolder(fromDir: string, packageName: string): string | undefined {
  const searched = createRequire(join(fromDir, 'package.json')).resolve.paths(packageName) ?? [];
  return searched.map((dir) => join(dir, packageName)).find((dir) => existsSync(join(dir, 'package.json')));
}

function realFolder(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
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
  // From the package's real folder: pnpm links a package from its store, where
  // its own dependencies are; the link's folder (node_modules/@ws/x) sees only the project's.
  const packageDir = realFolder(manifest.packageDir);
  for (const [option, perPlatform] of Object.entries(manifest.defaultOptions)) {
    // Several candidates: the first installed wins (the platform package a user
    // installs, then the build-time package a development checkout has).
    for (const file of [perPlatform[key] ?? []].flat()) {
      const [packageName, inside] = splitPackageFile(file);
      const folder = packageFolder(packageDir, packageName);
      // A dependency that is not installed (or lacks the file) gives nothing to default to.
      if (folder && existsSync(join(folder, inside))) {
        resolved[option] = join(folder, inside);
        break;
      }
    }
  }
  return resolved;
}

/**
 * The option defaults that the installed extension package in `packageDir`
 * (e.g. @ws/wasi-nn-tflite) gives plug-in `pluginName` on this platform; {}
 * when it has none. For wrappers that configure a plug-in without discovery.
 */
export function resolveExtensionOptions(packageDir: string, pluginName: string): Record<string, string> {
  const extension = readPackageManifests(packageDir).extensions.find((e) => e.extends === pluginName);
  return extension ? resolveDefaultOptions(extension) : {};
}
