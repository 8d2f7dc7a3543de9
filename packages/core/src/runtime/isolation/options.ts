// What crosses into a worker thread or a child process: the runtime options
// (structured-clonable ones only) and the plug-ins the caller's thread has.
import { WsError } from '../../errors.js';
import { getLogLevel, logLevelWasSet, setLogLevel, type LogLevel } from '../../log.js';
import { applicationFolders } from '../../plugins/npm-manifest.js';
import { Plugin } from '../../plugins/plugin.js';
import type { RuntimeOptions } from '../runtime.js';

/**
 * Where a guest runs: `'none'` in the caller's thread (the default), `'worker'`
 * in a new worker thread, `'process'` in a new child process. See
 * docs/running-many-guests.md for what each protects against.
 */
export type Isolation = 'none' | 'worker' | 'process';

/** Every isolation level. */
export const isolationLevels: readonly Isolation[] = Object.freeze(['none', 'worker', 'process'] as const);

/** RuntimeOptions as sent to the isolated side: no JS callbacks, no isolation of its own. */
export type IsolatedRuntimeOptions = Omit<RuntimeOptions, 'imports' | 'isolation'>;

/** The caller's plug-ins, to register the same ones in the same order on the other side. */
export interface PluginSetup {
  /** Library files of plug-ins loaded by path (--plugin-path, Plugin.loadFromPath, default paths). */
  paths: string[];
  /** Folders whose installed npm plug-in packages the caller would discover. */
  packageFolders: string[];
  logLevel: LogLevel | undefined;
}

/** The time limit of the options (`timeLimitMs`), if any; checked. */
export function timeLimitOf(options: RuntimeOptions): number | undefined {
  const value = (options as { timeLimitMs?: unknown }).timeLimitMs;
  if (value === undefined || value === 0) return undefined; // 0: no limit, as in Runtime
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new WsError('WS_USAGE', `timeLimitMs must be a number of milliseconds (0: no limit), got ${String(value)}. Pass e.g. timeLimitMs: 5000.`);
  }
  return value;
}

/** Checks `isolation` (for a value from JS or a command line). */
export function checkIsolation(value: unknown): Isolation {
  if (value === undefined) return 'none';
  if (typeof value === 'string' && (isolationLevels as readonly string[]).includes(value)) return value as Isolation;
  throw new WsError('WS_ISOLATION', `isolation must be one of ${isolationLevels.map((l) => `'${l}'`).join(', ')}, got ${JSON.stringify(value)}. Pass isolation: 'worker' or 'process', or leave it out to run in this thread.`);
}

/**
 * The options without `isolation`; refuses JS functions (`imports`): a
 * function cannot cross a thread or process boundary.
 */
export function isolatedOptions(options: RuntimeOptions, isolation: Isolation): IsolatedRuntimeOptions {
  const { imports, isolation: _isolation, ...rest } = options as RuntimeOptions & { isolation?: unknown };
  if (imports && Object.keys(imports).length > 0) {
    throw new WsError(
      'WS_ISOLATION',
      `RuntimeOptions.imports (JS modules ${Object.keys(imports).join(', ')}) cannot be used with isolation '${isolation}': JS functions cannot cross a ${isolation === 'worker' ? 'thread' : 'process'} boundary. Provide those modules from a plug-in or a C library (RuntimeOptions.native), or run without isolation.`,
    );
  }
  try {
    structuredClone(rest);
  } catch (error) {
    throw new WsError('WS_ISOLATION', `The RuntimeOptions cannot be sent to an isolated ${isolation}: ${(error as Error).message}. Use plain values (strings, numbers, arrays, objects) in the options.`, { cause: error });
  }
  return rest;
}

/** What the caller's thread has registered, to register it again on the isolated side. */
export function capturePluginSetup(options: RuntimeOptions): PluginSetup {
  const paths: string[] = [];
  for (const plugin of Plugin.all()) {
    // npm plug-ins are found again from the package folders (their manifests and extensions come too).
    if (plugin.loaded && plugin.packageName === undefined) paths.push(plugin.path);
  }
  return {
    paths,
    packageFolders: options.discoverPackages === false ? [] : applicationFolders(),
    logLevel: logLevelWasSet() ? getLogLevel() : undefined,
  };
}

/** On the isolated side: registers the caller's plug-ins; the returned options discover nothing more. */
export function applyPluginSetup(setup: PluginSetup, options: IsolatedRuntimeOptions): IsolatedRuntimeOptions {
  if (setup.logLevel) setLogLevel(setup.logLevel);
  for (const path of setup.paths) {
    if (Plugin.all().some((plugin) => plugin.loaded && plugin.packageName === undefined && plugin.path === path)) continue;
    Plugin.loadFromPath(path);
  }
  for (const folder of setup.packageFolders) Plugin.discoverPackages(folder);
  return { ...options, discoverPackages: false };
}
