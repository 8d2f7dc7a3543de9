import { readFileSync } from 'node:fs';

/** A platform ws ships binaries for (or declares it cannot build yet). */
export type PlatformKey =
  | 'linux-x64-gnu'
  | 'linux-arm64-gnu'
  | 'linux-x64-musl'
  | 'linux-arm64-musl'
  | 'darwin-x64'
  | 'darwin-arm64'
  | 'win32-x64'
  | 'win32-arm64';

export interface PlatformFacts {
  platform: NodeJS.Platform;
  arch: string;
  /** glibc version when running on glibc, e.g. "2.36"; undefined on musl and non-Linux. */
  glibcVersion?: string;
}

/** The `os`/`cpu`/`libc` fields of a platform package's manifest. */
export interface PlatformTarget {
  key: PlatformKey;
  os: 'linux' | 'darwin' | 'win32';
  cpu: 'x64' | 'arm64';
  libc?: 'glibc' | 'musl';
}

/** Every platform ws has a name for, with what npm matches it on. */
export const platformTargets: readonly PlatformTarget[] = [
  { key: 'linux-x64-gnu', os: 'linux', cpu: 'x64', libc: 'glibc' },
  { key: 'linux-arm64-gnu', os: 'linux', cpu: 'arm64', libc: 'glibc' },
  { key: 'linux-x64-musl', os: 'linux', cpu: 'x64', libc: 'musl' },
  { key: 'linux-arm64-musl', os: 'linux', cpu: 'arm64', libc: 'musl' },
  { key: 'darwin-x64', os: 'darwin', cpu: 'x64' },
  { key: 'darwin-arm64', os: 'darwin', cpu: 'arm64' },
  { key: 'win32-x64', os: 'win32', cpu: 'x64' },
  { key: 'win32-arm64', os: 'win32', cpu: 'arm64' },
];

/** Platforms whose binaries are built (linux-arm64-gnu: cross-compiled) and tested by this repository. */
export const builtPlatforms: readonly PlatformKey[] = ['linux-x64-gnu', 'linux-arm64-gnu'];

/**
 * Platforms ws knows but cannot build here (no toolchain: musl binaries cannot
 * be loaded here, macOS and Windows cannot be built here). Installing on one
 * gives WS_PLUGIN_NOT_FOUND / WS_BRIDGE_LOAD_FAILED saying so.
 */
export const unbuiltPlatforms: readonly PlatformKey[] = platformTargets.map((t) => t.key).filter((key) => !builtPlatforms.includes(key));

let cachedFacts: PlatformFacts | undefined;

/**
 * The C library as the text of /usr/bin/ldd tells it (glibc's ldd is a shell
 * script naming its version; musl's is the musl loader itself): a file read,
 * where the process report costs several milliseconds. Undefined when ldd is
 * missing or says neither.
 */
export function libcFromLddText(text: string): { glibcVersion?: string } | undefined {
  if (text.includes('musl')) return {};
  const version = /LIBC[a-z0-9 \-).]*?(\d+\.\d+)/i.exec(text)?.[1];
  return version ? { glibcVersion: version } : undefined;
}

function libcFromLdd(): { glibcVersion?: string } | undefined {
  try {
    return libcFromLddText(readFileSync('/usr/bin/ldd', 'latin1'));
  } catch {
    return undefined;
  }
}

/** What this process runs on (computed once). */
export function currentPlatformFacts(): PlatformFacts {
  if (cachedFacts) return cachedFacts;
  let glibcVersion: string | undefined;
  if (process.platform === 'linux') {
    const fromLdd = libcFromLdd();
    if (fromLdd) {
      glibcVersion = fromLdd.glibcVersion;
    } else if (process.report) {
      // No usable ldd: ask the process report (a few ms); skipping its network part makes it ~30 % cheaper.
      (process.report as { excludeNetwork?: boolean }).excludeNetwork = true;
      glibcVersion = (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime;
    }
  }
  cachedFacts = { platform: process.platform, arch: process.arch, glibcVersion };
  return cachedFacts;
}

/**
 * The platform key, computed in exactly one place: `linux-x64-gnu`,
 * `linux-arm64-gnu`, `linux-x64-musl`, `darwin-arm64`, `win32-x64`, ...
 * Package names (`@ws/core-<key>`), folders (`npm/<package>/<key>`) and
 * messages derive from it. Returns undefined for a platform ws has no name for.
 */
export function platformKey(facts: PlatformFacts = currentPlatformFacts()): PlatformKey | undefined {
  const arch = facts.arch === 'x64' || facts.arch === 'arm64' ? facts.arch : undefined;
  if (!arch) return undefined;
  switch (facts.platform) {
    case 'linux':
      return `linux-${arch}-${facts.glibcVersion ? 'gnu' : 'musl'}`;
    case 'darwin':
      return `darwin-${arch}`;
    case 'win32':
      return `win32-${arch}`;
    default:
      return undefined;
  }
}

/** `platformKey()`, or `<platform>-<arch>` for a platform ws has no name for (messages only). */
export function platformDescription(facts: PlatformFacts = currentPlatformFacts()): string {
  return platformKey(facts) ?? `${facts.platform}-${facts.arch}`;
}

/** `@ws/wasi-nn` + `linux-x64-gnu` → `@ws/wasi-nn-linux-x64-gnu`. */
export function platformPackageName(packageName: string, key: PlatformKey): string {
  return `${packageName}-${key}`;
}

/** libc as a person would name it: `glibc 2.36`, `musl`, or `n/a` off Linux. */
export function libcDescription(facts: PlatformFacts = currentPlatformFacts()): string {
  if (facts.platform !== 'linux') return 'n/a';
  return facts.glibcVersion ? `glibc ${facts.glibcVersion}` : 'musl';
}

/** Extension of shared libraries (plug-ins) on a platform. */
export function sharedLibraryExtension(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return '.dylib';
  if (platform === 'win32') return '.dll';
  return '.so';
}

/** Reads /etc/os-release's PRETTY_NAME for diagnostics (empty elsewhere). */
export function osName(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1] ?? '';
  } catch {
    return '';
  }
}
