import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GuestTerminated, HostFunctionError, WsError } from '../errors.js';
import { logPrefix } from '../log.js';
import { currentPlatformFacts, platformKey } from '../platform.js';
import type { BridgeAddon, HostErrorKind } from './addon-types.js';

const require = createRequire(import.meta.url);

interface Candidate {
  source: string;
  path: () => string | undefined;
}

/** The platform package of @ws/core, spelled out so bundlers can see it. */
function platformPackageBridge(): string | undefined {
  const resolve = (specifier: string): string => require(specifier).bridgePath as string;
  switch (platformKey()) {
    case 'linux-x64-gnu':
      return resolve('@ws/core-linux-x64-gnu');
    case 'linux-arm64-gnu':
      return resolve('@ws/core-linux-arm64-gnu');
    default:
      return undefined;
  }
}

/** native/build/host/ws_bridge.node of the repository this file lives in. */
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

const candidates: Candidate[] = [
  { source: 'WS_CORE_BRIDGE', path: () => process.env.WS_CORE_BRIDGE || undefined },
  { source: 'platform package', path: platformPackageBridge },
  {
    source: 'local build',
    path: () => {
      const dir = localNativeBuildDir();
      return dir ? join(dir, 'host', 'ws_bridge.node') : undefined;
    },
  },
];

let bridge: BridgeAddon | undefined;

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
 * collects every failure into one error.
 */
export function loadBridge(): BridgeAddon {
  if (bridge) return bridge;
  const failures: string[] = [];
  for (const candidate of candidates) {
    let path: string | undefined;
    try {
      path = candidate.path();
    } catch (error) {
      failures.push(`${candidate.source}: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    if (!path) continue;
    if (!existsSync(path)) {
      if (candidate.source === 'WS_CORE_BRIDGE') console.error(`${logPrefix()} Ignoring bad configuration: WS_CORE_BRIDGE=${path} (no such file)`);
      failures.push(`${candidate.source}: ${path} does not exist`);
      continue;
    }
    try {
      const addon = require(path) as BridgeAddon;
      addon.init(makeHostError);
      bridge = addon;
      return addon;
    } catch (error) {
      failures.push(`${candidate.source}: ${(error as Error).message}`);
    }
  }
  const key = platformKey() ?? `${process.platform}-${process.arch}`;
  const facts = currentPlatformFacts();
  const solutions = [`- Install the native part for this platform: pnpm add @ws/core-${key} (or npm install --include=optional @ws/core)`];
  if (failures.some((f) => /GLIBC_[0-9.]+' not found/.test(f))) {
    solutions.push(`- This system has glibc ${facts.glibcVersion ?? 'unknown'}; the prebuilt binaries need a newer one: upgrade the OS or build from source (pnpm build in the ws repository).`);
  }
  solutions.push('- In the ws repository: run pnpm build (it builds native/build/host/ws_bridge.node).');
  throw new WsError(
    'WS_BRIDGE_LOAD_FAILED',
    [
      `Could not load the ws native bridge (@ws/core) for ${key}.`,
      ...(failures.length ? failures.map((f) => `  ${f}`) : ['  no candidate was found']),
      'Possible solutions:',
      ...solutions,
    ].join('\n'),
  );
}

/** True once the bridge (and libwasmedge.so.0) was loaded into this process. */
export function isBridgeLoaded(): boolean {
  return bridge !== undefined;
}
