import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { WsError } from '../errors.js';

/**
 * The `"wasmedge"` field of a plug-in package's package.json, plus where the
 * package is. Reading it loads no library.
 */
export interface PluginManifest {
  /** Plug-in name of the descriptor, e.g. `wasmedge_process`. */
  plugin: string;
  /** Import (instance) names of its modules. */
  modules: string[];
  apiVersion: number;
  /** File name of the library, e.g. `libwasmedgePluginWasmEdgeProcess.so`. */
  library: string;
  packageName: string;
  packageVersion: string;
  packageDir: string;
  /**
   * Options set when the runtime configures the plug-in and the user did not:
   * option name → a file inside one of the package's dependencies, per
   * platform key, or a list of such files of which the first installed one
   * is used, e.g. the TFLite library that @ws/tensorflow's plug-in loads
   * (`{ "tflite-library": { "linux-x64-gnu": ["@ws/tensorflow-linux-x64-gnu/lib/libtensorflowlite_c.so"] } }`).
   */
  defaultOptions: DefaultOptions;
}

/** Option name → platform key → `<package>/<file>`, or candidates of that form (first installed wins). */
export type DefaultOptions = Record<string, Record<string, string | string[]>>;

/**
 * The `"wasmedge"` field of a package that adds to another package's plug-in
 * instead of shipping one: `{ "extends": "wasi_nn", "defaultOptions": {...} }`.
 * Each WASI-NN backend package is one: its options tell the wasi_nn plug-in
 * where the backend library and its runtime are, so installing the package
 * is all it takes.
 */
export interface PluginExtensionManifest {
  /** Name of the plug-in it extends, e.g. `wasi_nn`. */
  extends: string;
  packageName: string;
  packageVersion: string;
  packageDir: string;
  /** As PluginManifest.defaultOptions; applied after the plug-in's own defaults. */
  defaultOptions: DefaultOptions;
}

interface ManifestField {
  extends?: unknown;
  plugin?: unknown;
  modules?: unknown;
  apiVersion?: unknown;
  library?: unknown;
  defaultOptions?: unknown;
}

interface PackageJson {
  name?: string;
  version?: string;
  /** One plug-in, or an array when the package ships several libraries. */
  wasmedge?: ManifestField | ManifestField[];
}

/** Everything a package's `"wasmedge"` field declares. */
export interface PackageManifests {
  plugins: PluginManifest[];
  extensions: PluginExtensionManifest[];
}

/**
 * Reads a package's `"wasmedge"` field: `{...}` is one entry, `[{...}, {...}]`
 * one per plug-in library (e.g. @ws/tensorflow ships wasmedge_tensorflowlite
 * and wasmedge_tensorflow); an entry with `"extends"` is an extension. Empty
 * if the package has no "wasmedge" field.
 */
export function readPackageManifests(packageDir: string): PackageManifests {
  const found: PackageManifests = { plugins: [], extensions: [] };
  let json: PackageJson;
  try {
    const text = readFileSync(join(packageDir, 'package.json'), 'utf8');
    // Discovery reads every installed package.json: parse only candidates.
    if (!text.includes('"wasmedge"')) return found;
    json = JSON.parse(text) as PackageJson;
  } catch {
    return found;
  }
  const field = json.wasmedge;
  if (!field) return found;
  for (const entry of Array.isArray(field) ? field : [field]) {
    if (typeof entry?.extends === 'string') found.extensions.push(toExtension(entry, json, packageDir));
    else found.plugins.push(toManifest(entry, json, packageDir));
  }
  return found;
}

/** Reads every plug-in manifest of a package (extensions left out); see readPackageManifests. */
export function readPluginManifests(packageDir: string): PluginManifest[] {
  return readPackageManifests(packageDir).plugins;
}

/** Reads a package's (first) plug-in manifest; undefined if it has no "wasmedge" field. */
export function readPluginManifest(packageDir: string): PluginManifest | undefined {
  return readPluginManifests(packageDir)[0];
}

function toManifest(field: ManifestField, json: PackageJson, packageDir: string): PluginManifest {
  const { plugin, modules, apiVersion, library } = field ?? {};
  if (typeof plugin !== 'string' || !Array.isArray(modules) || !modules.every((m) => typeof m === 'string') || typeof library !== 'string') {
    throw new WsError(
      'WS_PLUGIN_MANIFEST',
      `The "wasmedge" field of ${join(packageDir, 'package.json')} is invalid: it needs { "plugin": string, "modules": string[], "apiVersion": number, "library": string } (or an array of them). Fix the package or reinstall it.`,
    );
  }
  return {
    plugin,
    modules: modules as string[],
    apiVersion: typeof apiVersion === 'number' ? apiVersion : 5,
    library,
    packageName: json.name ?? packageDir,
    packageVersion: json.version ?? '0.0.0',
    packageDir,
    defaultOptions: isDefaultOptions(field.defaultOptions) ? field.defaultOptions : {},
  };
}

function toExtension(field: ManifestField, json: PackageJson, packageDir: string): PluginExtensionManifest {
  if (field.defaultOptions !== undefined && !isDefaultOptions(field.defaultOptions)) {
    throw new WsError(
      'WS_PLUGIN_MANIFEST',
      `The "wasmedge" field of ${join(packageDir, 'package.json')} is invalid: "defaultOptions" must map option names to { "<platform>": "<package>/<file>" } (or a list of such files). Fix the package or reinstall it.`,
    );
  }
  return {
    extends: field.extends as string,
    packageName: json.name ?? packageDir,
    packageVersion: json.version ?? '0.0.0',
    packageDir,
    defaultOptions: (field.defaultOptions as DefaultOptions | undefined) ?? {},
  };
}

function isDefaultOptions(value: unknown): value is DefaultOptions {
  if (typeof value !== 'object' || value === null) return false;
  const isFiles = (files: unknown): boolean => typeof files === 'string' || (Array.isArray(files) && files.every((file) => typeof file === 'string'));
  return Object.values(value).every((perPlatform) => typeof perPlatform === 'object' && perPlatform !== null && Object.values(perPlatform).every(isFiles));
}

/** node_modules folders Node would search from `fromDir`, nearest first. */
function nodeModulesDirs(fromDir: string): string[] {
  const paths = createRequire(join(fromDir, 'noop.js')).resolve.paths('noop') ?? [];
  return paths.filter((dir) => dir.endsWith('node_modules') && existsSync(dir));
}

/** Entries of a folder; none when it cannot be read (a dangling link or a stray file left by a package manager). */
function entriesOf(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Package folders directly under a node_modules folder (scoped ones included). */
function packageDirs(nodeModules: string): string[] {
  const dirs: string[] = [];
  for (const entry of entriesOf(nodeModules)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const scoped of entriesOf(join(nodeModules, entry))) dirs.push(join(nodeModules, entry, scoped));
    } else {
      dirs.push(join(nodeModules, entry));
    }
  }
  return dirs;
}

/**
 * The folders an application's packages are seen from: the working
 * directory, then the folder of the main script (for a script run from
 * another working directory), by its real path.
 */
export function applicationFolders(): string[] {
  const folders = [process.cwd()];
  const main = process.argv[1];
  if (!main) return folders;
  try {
    const real = realpathSync(main);
    const folder = statSync(real).isDirectory() ? real : dirname(real);
    if (!folders.includes(folder)) folders.push(folder);
  } catch {
    // `node -e`, the REPL or a script deleted since: the working directory only.
  }
  return folders;
}

/**
 * Installed plug-in packages visible from `fromDir` (the application's
 * folder): the nearest package itself, then every package in the node_modules
 * folders Node would search. Nearest wins for a plug-in name, and for an
 * extension package's name.
 */
export function discoverPluginPackages(fromDir: string = process.cwd()): { manifests: PluginManifest[]; extensions: PluginExtensionManifest[]; errors: WsError[] } {
  const manifests = new Map<string, PluginManifest>();
  const extensions = new Map<string, PluginExtensionManifest>();
  const errors: WsError[] = [];
  const consider = (dir: string): void => {
    try {
      const found = readPackageManifests(dir);
      for (const manifest of found.plugins) {
        if (!manifests.has(manifest.plugin)) manifests.set(manifest.plugin, manifest);
      }
      for (const extension of found.extensions) {
        const key = `${extension.packageName}\0${extension.extends}`;
        if (!extensions.has(key)) extensions.set(key, extension);
      }
    } catch (error) {
      errors.push(error as WsError);
    }
  };
  consider(fromDir);
  for (const nodeModules of nodeModulesDirs(fromDir)) {
    for (const dir of packageDirs(nodeModules)) consider(dir);
  }
  return { manifests: [...manifests.values()], extensions: [...extensions.values()], errors };
}
