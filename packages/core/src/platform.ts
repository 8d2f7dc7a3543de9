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

/** What this process runs on. */
export function currentPlatformFacts(): PlatformFacts {
  const report = process.platform === 'linux' ? (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined) : undefined;
  return {
    platform: process.platform,
    arch: process.arch,
    glibcVersion: report?.header?.glibcVersionRuntime,
  };
}

/**
 * The platform key, computed in exactly one place: `linux-x64-gnu`,
 * `linux-arm64-gnu`, `linux-x64-musl`, `darwin-arm64`, `win32-x64`, ...
 * Returns undefined for a platform ws has no name for.
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

/** Platforms whose binaries are built and tested by this repository's CI. */
export const builtPlatforms: readonly PlatformKey[] = ['linux-x64-gnu', 'linux-arm64-gnu'];

/** Platforms ws knows but cannot build here yet (no toolchain in CI). */
export const unbuiltPlatforms: readonly PlatformKey[] = ['linux-x64-musl', 'linux-arm64-musl', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64'];

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
