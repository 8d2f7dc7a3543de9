import { existsSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { PluginLoadError, type WsErrorCode } from '../errors.js';
import { logPrefix } from '../log.js';
import { checklistMessage, localBuildCandidate, platformPackageCandidate, type Candidate, type LoadFailure } from '../native/binary-checklist.js';
import { corePlatformPackageSpecifier, localNativeBuildDir } from '../native/load-bridge.js';
import { platformKey, platformPackageName } from '../platform.js';
import { readPluginManifests, type PluginManifest } from './npm-manifest.js';

/**
 * Plug-in API versions this @ws/core (its libwasmedge.so.0 stand-in) accepts:
 * 3 and 4 (WasmEdge 0.14.0-0.16) share 5's C plug-in ABI except for the five
 * limit functions, which the stand-in exports in both editions.
 */
export const supportedPluginApiVersions: readonly number[] = [3, 4, 5];

/** The WasmEdge releases whose headers declare a plug-in API version. */
export function wasmEdgeReleasesOf(apiVersion: number): string | undefined {
  return ({ 1: 'WasmEdge 0.10.0-0.11.0', 2: 'WasmEdge 0.11.1-0.13.5', 3: 'WasmEdge 0.14.0', 4: 'WasmEdge 0.14.1-0.16', 5: 'WasmEdge 0.17' } as Record<number, string>)[apiVersion];
}

/** `@ws/wasi-nn` → `WS_WASI_NN_LIBRARY`. */
export function libraryEnvVar(packageName: string): string {
  const bare = packageName.replace(/^@[^/]+\//, '');
  return `WS_${bare.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_LIBRARY`;
}

/**
 * The file `WS_<PACKAGE>_LIBRARY=value` names for this manifest's plug-in
 * (undefined when `value` does not exist). A folder stands for
 * `<folder>/<library>`. A file is the library of a package with one plug-in,
 * whatever its name; a package with several (@ws/tensorflow) keeps them in one
 * folder, as its platform package does, so there a file stands for its folder
 * and each plug-in takes its own file name from it.
 */
function libraryFromEnv(manifest: PluginManifest, value: string): string | undefined {
  const stats = statSync(value, { throwIfNoEntry: false });
  if (!stats) return undefined;
  if (stats.isDirectory()) return join(value, manifest.library);
  if (basename(value) === manifest.library || readPluginManifests(manifest.packageDir).length <= 1) return value;
  return join(dirname(value), manifest.library);
}

/** What a platform package's index.cjs exports. */
interface PlatformBinary {
  libraryPath: string;
  version: string;
}

/** Outcome of trying to load one candidate file. */
export type LoadAttempt<T> = { ok: true; value: T } | { ok: false; code: WsErrorCode; message: string };

/**
 * The candidates, in the fixed order: WS_<PACKAGE>_LIBRARY, the platform
 * package `<package>-<platform>`, the repository's local build. Nothing is
 * loaded here.
 */
export function pluginLibraryCandidates(manifest: PluginManifest): Candidate[] {
  const candidates: Candidate[] = [];
  const envVar = libraryEnvVar(manifest.packageName);
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    const file = libraryFromEnv(manifest, fromEnv);
    if (file && existsSync(file)) {
      candidates.push({ source: envVar, path: file });
    } else {
      console.error(`${logPrefix()} Ignoring bad configuration: ${envVar}=${fromEnv} (${file ? `no ${manifest.library} there` : 'no such file'})`);
      candidates.push({ source: envVar, kind: 'bad-env', detail: `${file ?? fromEnv} does not exist` });
    }
  }
  const key = platformKey();
  if (key) {
    const name = platformPackageName(manifest.packageName, key);
    try {
      const binary = requirePlatformPackage(manifest.packageDir, name);
      // libraryPath names the package's (first) library; a package with several
      // plug-ins (@ws/tensorflow) keeps them all in the same folder.
      const file = binary && join(dirname(binary.libraryPath), manifest.library);
      candidates.push(platformPackageCandidate(name, manifest.packageName, manifest.packageVersion, binary && file ? { version: binary.version, file } : undefined));
    } catch (error) {
      // Installed but its index.cjs fails: a broken install, reported as a cause.
      candidates.push({ source: name, kind: 'load-failed', detail: (error as Error).message.split('\n')[0]! });
    }
  }
  const buildDir = localNativeBuildDir();
  if (buildDir) candidates.push(localBuildCandidate(join(buildDir, 'plugins', manifest.library)));
  return candidates;
}

/**
 * Loads an installed plug-in package's library: tries every candidate with
 * `load` until one works; otherwise throws one checklist error with every
 * cause (house style points 1-2).
 */
export function loadPluginLibrary<T>(manifest: PluginManifest, load: (path: string) => LoadAttempt<T>): { path: string; value: T } {
  if (!supportedPluginApiVersions.includes(manifest.apiVersion)) {
    throw new PluginLoadError(
      'WS_PLUGIN_API_MISMATCH',
      manifest.packageDir,
      `${manifest.packageName}@${manifest.packageVersion} declares plug-in API version ${manifest.apiVersion}${wasmEdgeReleasesOf(manifest.apiVersion) ? ` (${wasmEdgeReleasesOf(manifest.apiVersion)})` : ''}, but this @ws/core supports plug-in API versions ${supportedPluginApiVersions.join(', ')}. Install versions of ${manifest.packageName} and @ws/core made for each other (the same release).`,
    );
  }
  const failures: LoadFailure[] = [];
  let code: WsErrorCode = 'WS_PLUGIN_NOT_FOUND';
  for (const candidate of pluginLibraryCandidates(manifest)) {
    if (!('path' in candidate)) {
      failures.push(candidate);
      if (candidate.kind === 'version-mismatch' && code === 'WS_PLUGIN_NOT_FOUND') code = 'WS_PLUGIN_VERSION_MISMATCH';
      continue;
    }
    const attempt = load(candidate.path);
    if (attempt.ok) return { path: candidate.path, value: attempt.value };
    failures.push({ source: candidate.source, kind: 'load-failed', detail: attempt.message });
    code = attempt.code;
  }
  const core = corePlatformPackageSpecifier();
  throw new PluginLoadError(
    code,
    manifest.packageDir,
    checklistMessage({
      headline: `Could not load the ${manifest.plugin} plug-in (${manifest.packageName})`,
      failures,
      packageName: manifest.packageName,
      version: manifest.packageVersion,
      envVar: libraryEnvVar(manifest.packageName),
      fileName: manifest.library,
      searchFrom: realFolder(manifest.packageDir),
      alsoInstall: core && !core.installed ? [`${core.name}@${core.version}`] : [],
    }),
    // The raw chain, for programs: every candidate tried and why it failed.
    { cause: failures },
  );
}

function realFolder(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** The platform package as the wrapper would require it (from its real folder: pnpm links packages). */
function requirePlatformPackage(packageDir: string, name: string): PlatformBinary | undefined {
  const require = createRequire(join(realFolder(packageDir), 'package.json'));
  let resolved: string;
  try {
    resolved = require.resolve(name);
  } catch {
    return undefined;
  }
  return require(resolved) as PlatformBinary;
}
