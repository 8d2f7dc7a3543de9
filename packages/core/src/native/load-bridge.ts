import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GuestTerminated, HostFunctionError, WsError } from '../errors.js';
import { getLogLevel, logLevelWasSet, logPrefix, onLogLevelChange } from '../log.js';
import { platformKey, platformPackageName } from '../platform.js';
import { checklistMessage, localBuildCandidate, platformPackageCandidate, type Candidate, type LoadFailure } from './binary-checklist.js';
import { NativeLogLevel, type BridgeAddon, type HostErrorKind } from './addon-types.js';

const require = createRequire(import.meta.url);

/** What @ws/core's platform package (`@ws/core-<platform>`) exports. */
interface CorePlatformBinary {
  bridgePath: string;
  libraryPath: string;
  version: string;
}

/** The version of this @ws/core: its platform package must have the same. */
export const coreVersion = (require('../../package.json') as { version: string }).version;

/**
 * The platform package of @ws/core, spelled out so bundlers can see it;
 * undefined when it is not installed or this platform has none.
 */
function requireCorePlatformPackage(): CorePlatformBinary | undefined {
  const attempt = (load: () => unknown): CorePlatformBinary | undefined => {
    try {
      return load() as CorePlatformBinary;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
      throw error;
    }
  };
  switch (platformKey()) {
    case 'linux-x64-gnu':
      return attempt(() => require('@ws/core-linux-x64-gnu'));
    case 'linux-arm64-gnu':
      return attempt(() => require('@ws/core-linux-arm64-gnu'));
    default:
      return undefined;
  }
}

/** @ws/core's platform package for this platform and whether it is installed (undefined: no such platform). */
export function corePlatformPackageSpecifier(): { name: string; version: string; installed: boolean } | undefined {
  const key = platformKey();
  if (!key) return undefined;
  let installed: boolean;
  try {
    installed = requireCorePlatformPackage() !== undefined;
  } catch {
    installed = true; // present but broken: loading it reports why
  }
  return { name: platformPackageName('@ws/core', key), version: coreVersion, installed };
}

/** native/build of the repository this file lives in (only inside the ws repository). */
export function localNativeBuildDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'native', 'build');
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The bridge candidates in the fixed order: WS_CORE_BRIDGE, the platform package, the local build. */
function bridgeCandidates(): Candidate[] {
  const candidates: Candidate[] = [];
  const fromEnv = process.env.WS_CORE_BRIDGE;
  if (fromEnv) {
    if (existsSync(fromEnv)) {
      candidates.push({ source: 'WS_CORE_BRIDGE', path: fromEnv });
    } else {
      console.error(`${logPrefix()} Ignoring bad configuration: WS_CORE_BRIDGE=${fromEnv} (no such file)`);
      candidates.push({ source: 'WS_CORE_BRIDGE', kind: 'bad-env', detail: `${fromEnv} does not exist` });
    }
  }
  const key = platformKey();
  if (key) {
    const name = platformPackageName('@ws/core', key);
    try {
      const binary = requireCorePlatformPackage();
      candidates.push(platformPackageCandidate(name, '@ws/core', coreVersion, binary && { version: binary.version, file: binary.bridgePath }));
    } catch (error) {
      candidates.push({ source: name, kind: 'load-failed', detail: (error as Error).message.split('\n')[0]! });
    }
  }
  const buildDir = localNativeBuildDir();
  if (buildDir) candidates.push(localBuildCandidate(join(buildDir, 'host', 'ws_bridge.node')));
  return candidates;
}

let bridge: BridgeAddon | undefined;

/**
 * Where the bridge (and the stand-in libwasmedge.so.0 beside it) loads from,
 * found without loading anything: the install-relative plug-in folder
 * derives from it.
 */
export function bridgeLocation(): string | undefined {
  for (const candidate of bridgeCandidates()) {
    if ('path' in candidate && existsSync(candidate.path)) return candidate.path;
  }
  return undefined;
}

function makeHostError(kind: HostErrorKind, plugin: string, fn: string, code: number, category: number, message: string): Error {
  if (kind === 'terminate') return new GuestTerminated(plugin, fn);
  if (kind === 'disposed') {
    return new WsError('WS_MODULE_DISPOSED', `host function ${fn} of plug-in ${plugin} was called after its module was disposed. Keep the Runtime (or HostModule) alive while the guest runs.`);
  }
  return new HostFunctionError(plugin, fn, code, category, message);
}

/**
 * Loads ws_bridge.node (and with it libwasmedge.so.0) on first use. Tries, in
 * order: WS_CORE_BRIDGE, the platform package, the repository's local build;
 * collects every failure into one checklist error.
 */
export function loadBridge(): BridgeAddon {
  if (bridge) return bridge;
  const failures: LoadFailure[] = [];
  for (const candidate of bridgeCandidates()) {
    if (!('path' in candidate)) {
      failures.push(candidate);
      continue;
    }
    try {
      const addon = require(candidate.path) as BridgeAddon;
      addon.init(makeHostError);
      // Native code (plug-ins, their backends) follows setLogLevel from here on.
      // Its level is one per process: this thread's default (no setLogLevel
      // call yet) applies only if no other thread has set a level.
      addon.setLogLevel(NativeLogLevel[getLogLevel()], !logLevelWasSet());
      onLogLevelChange((level) => addon.setLogLevel(NativeLogLevel[level]));
      bridge = addon;
      return addon;
    } catch (error) {
      failures.push({ source: candidate.source, kind: 'load-failed', detail: `${candidate.path}: ${(error as Error).message}` });
    }
  }
  throw new WsError(
    'WS_BRIDGE_LOAD_FAILED',
    checklistMessage({
      headline: 'Could not load the ws native bridge (@ws/core)',
      failures,
      packageName: '@ws/core',
      version: coreVersion,
      envVar: 'WS_CORE_BRIDGE',
      fileName: 'ws_bridge.node',
      searchFrom: dirname(fileURLToPath(import.meta.url)),
    }),
    // The raw chain, for programs: every candidate tried and why it failed.
    { cause: failures },
  );
}

/** True once the bridge (and libwasmedge.so.0) was loaded into this process. */
export function isBridgeLoaded(): boolean {
  return bridge !== undefined;
}
