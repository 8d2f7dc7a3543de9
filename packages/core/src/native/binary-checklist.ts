import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { installCommand, packageManager } from '../package-manager.js';
import { builtPlatforms, currentPlatformFacts, platformDescription, platformKey, platformPackageName, platformTargets, type PlatformFacts } from '../platform.js';

/**
 * The one error a user sees when a native binary (the bridge or a plug-in)
 * cannot be loaded: a headline, every cause in the order the loader chain
 * tried, then "Possible solutions:" with only the bullets the causes support.
 * (House style points 1-2; modelled on sharp's and esbuild's errors.)
 */

/** One failed step of a loader chain. */
export interface LoadFailure {
  /** Where the candidate came from: `WS_PROCESS_LIBRARY`, `@ws/process-linux-x64-gnu`, `local build`. */
  source: string;
  detail: string;
  /** What kind of failure, to choose solutions. */
  kind: 'bad-env' | 'not-installed' | 'missing-file' | 'version-mismatch' | 'load-failed';
}

/** A loader-chain candidate: a file to try, or why its source gives none. */
export type Candidate = { source: string; path: string } | LoadFailure;

/**
 * The candidate a platform package gives: its file, or not installed,
 * version mismatch (house style point 5: both numbers), file missing.
 */
export function platformPackageCandidate(name: string, wrapper: string, wrapperVersion: string, installed: { version: string; file: string } | undefined): Candidate {
  if (!installed) return { source: name, kind: 'not-installed', detail: 'not installed' };
  if (installed.version !== wrapperVersion) {
    return { source: name, kind: 'version-mismatch', detail: `version ${installed.version} does not match ${wrapper} ${wrapperVersion}; both must be the same version` };
  }
  if (!existsSync(installed.file)) return { source: name, kind: 'missing-file', detail: `${installed.file} is missing (the package was installed without its binary)` };
  return { source: name, path: installed.file };
}

/** The repository's local build of a file, when running inside the ws repository. */
export function localBuildCandidate(file: string): Candidate {
  return existsSync(file) ? { source: 'local build', path: file } : { source: 'local build', kind: 'missing-file', detail: `${file} does not exist (run pnpm build)` };
}

export interface ChecklistInput {
  /** First line, without the platform: `Could not load the wasmedge_process plug-in (@ws/process)`. */
  headline: string;
  failures: readonly LoadFailure[];
  /** The wrapper package (`@ws/process`) and its version. */
  packageName: string;
  version: string;
  /** WS_<PACKAGE>_LIBRARY (or WS_CORE_BRIDGE) and the file it should name. */
  envVar: string;
  fileName: string;
  /** Folders whose node_modules may hold platform packages (the wrapper's real folder). */
  searchFrom: string;
  /** Other platform packages the fix must install too (e.g. @ws/core's when it is missing as well). */
  alsoInstall?: readonly string[];
  facts?: PlatformFacts;
}

/** Shared libraries the official plug-ins need from the system, with the Debian/Ubuntu package providing them. */
const systemLibraryPackages: Record<string, string> = {
  'libjpeg.so.62': 'libjpeg62-turbo',
  'libpng16.so.16': 'libpng16-16',
  'libstdc++.so.6': 'libstdc++6',
};

/** Highest `GLIBC_x.y` a dlopen message says is missing. */
export function requiredGlibc(text: string): string | undefined {
  const versions = [...text.matchAll(/GLIBC_([0-9]+(?:\.[0-9]+)+)' not found/g)].map((m) => m[1]!);
  return versions.sort((a, b) => compareVersions(b, a))[0];
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Platform packages of `packageName` for other platforms installed under `fromDir`'s node_modules chain. */
export function foreignPlatformPackages(packageName: string, fromDir: string, current: string | undefined): { name: string; key: string }[] {
  const found: { name: string; key: string }[] = [];
  const dirs: string[] = [];
  for (let dir = fromDir; ; ) {
    dirs.push(join(dir, 'node_modules'));
    const parent = join(dir, '..');
    if (parent === dir) break;
    dir = parent;
  }
  for (const target of platformTargets) {
    if (target.key === current) continue;
    const name = platformPackageName(packageName, target.key);
    if (dirs.some((dir) => existsSync(join(dir, name, 'package.json')))) found.push({ name, key: target.key });
  }
  return found;
}

/** The checklist message (headline, causes, possible solutions). */
export function checklistMessage(input: ChecklistInput): string {
  const facts = input.facts ?? currentPlatformFacts();
  const key = platformKey(facts);
  const where = platformDescription(facts);
  const lines = [`${input.headline} for ${where}:`];
  if (input.failures.length === 0) lines.push('  - no candidate was found');
  for (const failure of input.failures) lines.push(`  - ${failure.source}: ${failure.detail.replace(/\n/g, '\n    ')}`);
  lines.push('Possible solutions:');
  const solutions: string[] = [];
  const kinds = new Set(input.failures.map((f) => f.kind));
  const packageName = key ? platformPackageName(input.packageName, key) : undefined;
  // The project whose node_modules holds the package: its lockfile says which package manager installs there.
  const manager = packageManager({ cwd: input.searchFrom });

  if (!key || !builtPlatforms.includes(key)) {
    solutions.push(
      `ws publishes no prebuilt ${input.packageName} for ${where} (prebuilt: ${builtPlatforms.join(', ')}). Build it from source: in a clone of the ws repository run "bash scripts/setup.sh --no-demo", then set ${input.envVar} to the built ${input.fileName}.`,
    );
  } else if (input.failures.some((f) => f.source === packageName && (f.kind === 'not-installed' || f.kind === 'missing-file'))) {
    const packages = [...(input.alsoInstall ?? []), `${packageName}@${input.version}`];
    solutions.push(
      `Install the prebuilt binary for ${key} (an optional dependency of ${input.packageName}: it is left out by npm --omit=optional, pnpm --no-optional or a lockfile made on another platform):\n` +
        `      ${installCommand(packages, manager)}`,
    );
  }
  if (kinds.has('version-mismatch') && packageName) {
    solutions.push(`Install matching versions: ${installCommand([`${input.packageName}@${input.version}`, `${packageName}@${input.version}`], manager)}`);
  }
  const loadText = input.failures.filter((f) => f.kind === 'load-failed').map((f) => f.detail).join('\n');
  const glibc = requiredGlibc(loadText);
  if (glibc) {
    solutions.push(`This system has glibc ${facts.glibcVersion ?? 'unknown'}, but the binary needs glibc ${glibc} or newer: upgrade the operating system, or build from source and set ${input.envVar}.`);
  }
  const missingLibraries = [...new Set([...loadText.matchAll(/([A-Za-z0-9_.+-]+\.so[.0-9]*): cannot open shared object file/g)].map((m) => m[1]!))];
  for (const library of missingLibraries) {
    const debian = systemLibraryPackages[library];
    solutions.push(`A shared library it needs is missing: ${library}. Install it with the system package manager${debian ? ` (Debian/Ubuntu: apt-get install ${debian})` : ''}.`);
  }
  for (const foreign of foreignPlatformPackages(input.packageName, input.searchFrom, key)) {
    solutions.push(`${foreign.name} is installed, but it is for ${foreign.key}, not ${where}: node_modules was installed on another machine. Reinstall on this one (delete node_modules, then ${manager} install).`);
  }
  if (kinds.has('bad-env')) solutions.push(`Fix or unset ${input.envVar}.`);
  else solutions.push(`Or set ${input.envVar} to the path of ${input.fileName}.`);
  lines.push(...solutions.map((s) => `  - ${s}`));
  return lines.join('\n');
}
