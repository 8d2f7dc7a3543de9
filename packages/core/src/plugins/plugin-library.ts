import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PluginLoadError } from '../errors.js';
import { localNativeBuildDir } from '../native/load-bridge.js';
import { platformKey } from '../platform.js';
import type { PluginManifest } from './npm-manifest.js';

/** `@ws/wasi-nn` → `WS_WASI_NN_LIBRARY`. */
export function libraryEnvVar(packageName: string): string {
  const bare = packageName.replace(/^@[^/]+\//, '');
  return `WS_${bare.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_LIBRARY`;
}

/**
 * Finds the library of an installed plug-in package: the env var
 * WS_<PACKAGE>_LIBRARY, the platform package `<package>-<platform>`, then the
 * repository's local build. One checklist error when none works.
 */
export function resolvePluginLibrary(manifest: PluginManifest): string {
  const failures: string[] = [];
  const envVar = libraryEnvVar(manifest.packageName);
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`[ws] Ignoring bad configuration: ${envVar}=${fromEnv} (no such file)`);
    failures.push(`${envVar}: ${fromEnv} does not exist`);
  }
  const key = platformKey();
  const platformPackage = `${manifest.packageName}-${key ?? `${process.platform}-${process.arch}`}`;
  if (key) {
    try {
      const require = createRequire(join(manifest.packageDir, 'package.json'));
      const binary = require(platformPackage) as { libraryPath: string; version: string };
      if (binary.version !== manifest.packageVersion) {
        throw new PluginLoadError(
          'WS_PLUGIN_API_MISMATCH',
          binary.libraryPath,
          `${platformPackage}@${binary.version} does not match ${manifest.packageName}@${manifest.packageVersion}. Install matching versions: pnpm add ${manifest.packageName}@${manifest.packageVersion} ${platformPackage}@${manifest.packageVersion}`,
        );
      }
      if (existsSync(binary.libraryPath)) return binary.libraryPath;
      failures.push(`${platformPackage}: ${binary.libraryPath} is missing`);
    } catch (error) {
      if (error instanceof PluginLoadError) throw error;
      failures.push(`${platformPackage}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const buildDir = localNativeBuildDir();
  if (buildDir) {
    const local = join(buildDir, 'plugins', manifest.library);
    if (existsSync(local)) return local;
    failures.push(`local build: ${local} does not exist`);
  }
  const solutions = key
    ? [`- Install the binary for this platform: pnpm add ${platformPackage} (optional dependencies must not be omitted)`]
    : [`- ${process.platform}-${process.arch} has no prebuilt ${manifest.packageName}: build it from source.`];
  solutions.push(`- Or point ${envVar} at the plug-in library file.`);
  throw new PluginLoadError(
    'WS_PLUGIN_NOT_FOUND',
    manifest.packageDir,
    [`Could not find the ${manifest.plugin} plug-in library (${manifest.packageName}) for ${key ?? process.platform}.`, ...failures.map((f) => `  ${f}`), 'Possible solutions:', ...solutions].join('\n'),
  );
}
