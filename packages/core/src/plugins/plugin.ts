import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { catalogDeclaresOption } from '../catalog.js';
import { PluginLoadError, withArticle, WsError } from '../errors.js';
import { warnOnce } from '../log.js';
import type { BridgeAddon, Handle, RawPluginInfo } from '../native/addon-types.js';
import { LoadStatus } from '../native/addon-types.js';
import { bridgeLocation, loadBridge } from '../native/load-bridge.js';
import { defaultPluginPaths } from './default-paths.js';
import { HostModule } from './host-module.js';
import { loadStatusCode, type RejectedPlugin } from './load-errors.js';
import { discoverPluginPackages, type PluginExtensionManifest, type PluginManifest } from './npm-manifest.js';
import { resolveDefaultOptions } from './default-options.js';
import { packagePluginManifest } from './package-plugin.js';
import { scanPluginFolder } from './plugin-files.js';
import { loadPluginLibrary, type LoadAttempt } from './plugin-library.js';

/** A program option a plug-in declares (WasmEdge_ProgramOption). */
export interface PluginOptionInfo {
  /** Name without dashes, as on the command line: `allow-command`. */
  name: string;
  description: string;
  /** toggle, int8..int64, uint8..uint64, float, double, string, string-list. */
  type: string;
  /** Value used when the option is given without one (null: a value is required). */
  defaultValue: string | null;
}

/** Value of a plug-in option in `RuntimeOptions.pluginOptions`. */
export type PluginOptionValue = string | number | bigint | boolean | null | readonly (string | number | bigint)[];

interface LoadedState {
  handle: Handle;
  info: RawPluginInfo;
}

const registry = {
  plugins: new Map<string, Plugin>(),
  byPath: new Map<string, Plugin>(),
  rejected: [] as RejectedPlugin[],
  /** Extension packages by the plug-in name they extend (however that plug-in was loaded). */
  extensions: new Map<string, PluginExtensionManifest[]>(),
  /** Folders Plugin.forPackage() has searched for extension packages. */
  extensionsSearched: new Set<string>(),
};

/** Adds extension packages; the first one of a package name stays. */
function registerExtensions(extensions: readonly PluginExtensionManifest[]): void {
  for (const extension of extensions) {
    const list = registry.extensions.get(extension.extends) ?? [];
    if (!list.some((known) => known.packageName === extension.packageName)) list.push(extension);
    registry.extensions.set(extension.extends, list);
  }
}

/**
 * A WasmEdge plug-in: a shared library exporting WasmEdge_Plugin_GetDescriptor,
 * or an installed npm package that ships one (loaded on first use).
 */
export class Plugin {
  /** Plug-in name from its descriptor (or manifest, before loading). */
  readonly name: string;
  /** The npm package it came from, if discovered as one. */
  readonly packageName: string | undefined;
  #manifest: PluginManifest | undefined;
  #state: LoadedState | undefined;
  /** descriptor name → instance (import) name, learnt when modules are created. */
  #importNames = new Map<string, string>();
  /** Import names an npm manifest says the plug-in provides (before loading). */
  #claimedImports = new Set<string>();
  /** Options configure()/setOption() gave, applied to each createModule() without options of its own. */
  #configured: [string, string | null][] = [];

  private constructor(name: string, state?: LoadedState, manifest?: PluginManifest) {
    this.name = name;
    this.#state = state;
    this.#manifest = manifest;
    this.packageName = manifest?.packageName;
  }

  // ---- Loading --------------------------------------------------------------

  /**
   * Loads a plug-in file, or every `.so` (platform extension) in a directory.
   * A file that cannot be loaded throws a PluginLoadError; in a directory,
   * failures are recorded in {@link Plugin.rejected} (and warned about) and
   * loading continues: a truncated plug-in, a link that loops or dangles, a
   * folder, FIFO or socket named `*.so` each get a coded entry (see
   * plugin-files.ts) and never stop the others. Returns the plug-ins this
   * call loaded.
   */
  static loadFromPath(path: string, options: { recursive?: boolean } = {}): Plugin[] {
    if (typeof path !== 'string' || path === '') {
      // resolve('') is the current folder: loading it is never what an empty setting meant.
      throw new PluginLoadError('WS_PLUGIN_PATH_NOT_FOUND', String(path), `Plugin.loadFromPath() needs the path of a plug-in file or folder, got ${path === '' ? 'an empty string' : String(path)}. Pass the path (e.g. Plugin.loadFromPath('./plugins')).`);
    }
    const absolute = resolve(path);
    if (!existsSync(absolute)) {
      throw new PluginLoadError('WS_PLUGIN_PATH_NOT_FOUND', absolute, `Plug-in path ${absolute} does not exist. Check --plugin-path / WASMEDGE_PLUGIN_PATH.`);
    }
    if (!statSync(absolute).isDirectory()) {
      const plugin = loadFile(absolute, true);
      return plugin ? [plugin] : [];
    }
    const loaded: Plugin[] = [];
    const { files, rejected } = scanPluginFolder(absolute, options.recursive ?? false);
    for (const rejection of rejected) recordRejection(rejection);
    for (const file of files) {
      const plugin = loadFile(file, false);
      if (plugin) loaded.push(plugin);
    }
    return loaded;
  }

  /**
   * WasmEdge's default locations (WASMEDGE_PLUGIN_PATH, the install-relative
   * plugin folder, ~/.wasmedge/plugin) plus installed npm plug-in packages
   * seen from `fromDir`. npm plug-ins are only registered: their library is
   * loaded when a guest imports one of their modules. Never throws for a bad
   * file: see {@link Plugin.rejected}.
   */
  static loadWithDefaultPaths(options: { fromDir?: string } = {}): Plugin[] {
    const loaded: Plugin[] = [];
    // The stand-in sits beside the bridge; finding it loads nothing, so a
    // machine with no plug-in folders never maps native code here.
    const bridgePath = bridgeLocation();
    const standIn = bridgePath ? join(dirname(bridgePath), 'libwasmedge.so.0') : undefined;
    for (const path of defaultPluginPaths(standIn)) {
      if (!existsSync(path)) continue;
      try {
        loaded.push(...Plugin.loadFromPath(path, { recursive: true }));
      } catch (error) {
        recordRejection(error as PluginLoadError);
      }
    }
    loaded.push(...Plugin.discoverPackages(options.fromDir));
    return loaded;
  }

  /** Registers installed npm plug-in packages without loading any library. */
  static discoverPackages(fromDir?: string): Plugin[] {
    const { manifests, extensions, errors } = discoverPluginPackages(fromDir);
    for (const error of errors) warnOnce(error.code, error.message);
    registerExtensions(extensions);
    return manifests.filter((manifest) => !registry.plugins.has(manifest.plugin)).map((manifest) => Plugin.#register(manifest));
  }

  /**
   * The plug-in of the package that holds `packageUrlOrDir` (a wrapper passes
   * its own `import.meta.url`): the package is the nearest folder upwards whose
   * package.json has a `"wasmedge"` field, `pluginName` picks one of several.
   * A plug-in of that name already registered (WASMEDGE_PLUGIN_PATH,
   * loadWithDefaultPaths(), discovery) is returned as is; otherwise it is
   * registered from the manifest and loaded on first use, through the loader
   * chain (WS_<PACKAGE>_LIBRARY, platform package, local build). Extension
   * packages (the WASI-NN backends) installed next to the package or in the
   * working directory's project are registered too, for {@link configure}.
   */
  static forPackage(packageUrlOrDir: string | URL, pluginName?: string): Plugin {
    const manifest = packagePluginManifest(packageUrlOrDir, pluginName);
    for (const dir of [manifest.packageDir, process.cwd()]) {
      if (registry.extensionsSearched.has(dir)) continue;
      registry.extensionsSearched.add(dir);
      const { extensions, errors } = discoverPluginPackages(dir);
      for (const error of errors) warnOnce(error.code, error.message);
      registerExtensions(extensions);
    }
    return registry.plugins.get(manifest.plugin) ?? Plugin.#register(manifest);
  }

  /** Registers an npm plug-in from its manifest; its library is loaded on first use. */
  static #register(manifest: PluginManifest): Plugin {
    const plugin = new Plugin(manifest.plugin, undefined, manifest);
    for (const module of manifest.modules) plugin.#claimedImports.add(module);
    registry.plugins.set(plugin.name, plugin);
    return plugin;
  }

  /** Names of registered plug-ins, in registration order. */
  static list(): string[] {
    return [...registry.plugins.keys()];
  }

  /** The registered plug-in with this name. */
  static find(name: string): Plugin | undefined {
    return registry.plugins.get(name);
  }

  /** Every registered plug-in, in registration order. */
  static all(): Plugin[] {
    return [...registry.plugins.values()];
  }

  /** Files that were not loaded, with the reason (for `ws plugins`). */
  static rejected(): readonly RejectedPlugin[] {
    return registry.rejected;
  }

  // ---- Description ------------------------------------------------------------

  /** True once the library is loaded (npm plug-ins load on first use). */
  get loaded(): boolean {
    return this.#state !== undefined;
  }

  /** Loads the library now if it is an npm plug-in not loaded yet. */
  load(): this {
    this.#ensureLoaded();
    return this;
  }

  get description(): string {
    return this.#ensureLoaded().info.description;
  }

  /** The plug-in's own version, `major.minor.patch.build`. */
  get version(): string {
    return this.#ensureLoaded().info.version.join('.');
  }

  get apiVersion(): number {
    return this.#ensureLoaded().info.apiVersion;
  }

  /** Path of the library file. */
  get path(): string {
    return this.#ensureLoaded().info.path;
  }

  /** Program options it declares. */
  get options(): PluginOptionInfo[] {
    return this.#ensureLoaded().info.options.map((o) => ({ ...o }));
  }

  /** Module descriptor names, in descriptor order. */
  listModules(): string[] {
    return this.#ensureLoaded().info.modules.map((m) => m.name);
  }

  /** Import names known without loading (manifest) or learnt from created modules. */
  knownImportNames(): string[] {
    return [...new Set([...this.#claimedImports, ...this.#importNames.values()])];
  }

  /** True when the manifest, or an earlier module, says this plug-in provides `importName`. */
  claimsImport(importName: string): boolean {
    return this.#claimedImports.has(importName) || [...this.#importNames.values()].includes(importName);
  }

  // ---- Use ---------------------------------------------------------------------

  /**
   * Creates a new instance of a module (by descriptor name) with fresh state.
   * With `options`, the module is created with those plug-in options (on top
   * of the package's default options, as {@link configure} takes them);
   * without, with those {@link configure} / {@link setOption} gave this
   * Plugin object, else the plug-in's load-time values. Setting the options,
   * Create and restoring the load-time values are one native call under the
   * plug-in's lock: workers creating modules at the same time never see each
   * other's options, and no later module inherits them.
   */
  createModule(descriptorName: string, options?: { options?: Readonly<Record<string, PluginOptionValue>> }): HostModule {
    const state = this.#ensureLoaded();
    const bridge = loadBridge();
    if (!state.info.modules.some((m) => m.name === descriptorName)) {
      throw new WsError('WS_MODULE_NOT_FOUND', `Plug-in ${this.name} has no module ${descriptorName}; it has: ${this.listModules().join(', ')}.`);
    }
    const pairs = options?.options !== undefined ? this.#optionPairs(options.options).pairs : this.#configured;
    const handle = this.#withOptions(state, descriptorName, pairs);
    if (!handle) {
      throw new WsError('WS_MODULE_CREATE_FAILED', `Plug-in ${this.name} (${state.info.path}) failed to create module ${descriptorName}: its Create function returned NULL. Check the plug-in's options and its messages above.`);
    }
    const module = new HostModule(bridge, handle, this.name, descriptorName);
    this.#importNames.set(descriptorName, module.name);
    return module;
  }

  /** The descriptor whose instances are imported as `importName`, when learnt. */
  descriptorForImport(importName: string): string | undefined {
    for (const [descriptor, instance] of this.#importNames) if (instance === importName) return descriptor;
    return undefined;
  }

  /** Descriptors whose import names are not learnt yet (loaded plug-ins only). */
  unmappedDescriptors(): string[] {
    if (!this.#state) return [];
    return this.#state.info.modules.map((m) => m.name).filter((d) => !this.#importNames.has(d));
  }

  /** True when the plug-in declares an option of this name (loads npm plug-ins). */
  declaresOption(name: string): boolean {
    return this.#ensureLoaded().info.options.some((o) => o.name === name);
  }

  /**
   * Registered plug-ins in the order to ask about option `name`: loaded ones,
   * then those the catalogue says declare it, then the rest. Asking loads an
   * npm plug-in, so the likely owner goes first (house style point 6).
   */
  static inOptionSearchOrder(name: string): Plugin[] {
    const plugins = Plugin.all();
    const owners = plugins.filter((p) => !p.loaded && catalogDeclaresOption(p.name, name) === true);
    return [...plugins.filter((p) => p.loaded), ...owners, ...plugins.filter((p) => !p.loaded && !owners.includes(p))];
  }

  /**
   * Sets a program option, parsed as WasmEdge's CLI does, for the modules this
   * Plugin object creates from now on without options of their own. `null`
   * means the flag without a value (its default value; toggles become true);
   * a string-list option appends. The value is checked now (a bad one throws
   * WS_PLUGIN_OPTION) and applied when a module is created: the plug-in's
   * storage keeps its load-time values in between, so another worker's
   * Plugin object never sees it.
   */
  setOption(name: string, value: string | null): void {
    const state = this.#ensureLoaded();
    this.#withOptions(state, null, [[name, value]]);
    this.#configured = [...this.#configured, [name, value]];
  }

  /** Installed packages that extend this plug-in (e.g. the WASI-NN backends of wasi_nn), found by discovery. */
  get extensions(): readonly PluginExtensionManifest[] {
    return registry.extensions.get(this.name) ?? [];
  }

  /** Forgets the options {@link configure} and {@link setOption} gave: modules are created with the load-time values. */
  resetOptions(): void {
    const state = this.#ensureLoaded();
    this.#configured = [];
    loadBridge().resetPluginOptions(state.handle);
  }

  /**
   * Replaces the options this Plugin object creates modules with (see
   * {@link createModule}) by those of `options` this plug-in declares, on top
   * of its package's default options (see PluginManifest.defaultOptions) and
   * those of installed packages extending it (PluginExtensionManifest). Every
   * value is checked now. Returns the names used. Prefer
   * `createModule(name, { options })`, which needs no state in between.
   */
  configure(options: Readonly<Record<string, PluginOptionValue>>): string[] {
    const state = this.#ensureLoaded();
    const { pairs, used } = this.#optionPairs(options);
    this.#withOptions(state, null, pairs);
    this.#configured = pairs;
    return used;
  }

  /** The [name, value] pairs to set for `options` and the package defaults, declared options only. */
  #optionPairs(options: Readonly<Record<string, PluginOptionValue>>): { pairs: [string, string | null][]; used: string[] } {
    const declared = new Set(this.options.map((o) => o.name));
    const pairs: [string, string | null][] = [];
    const used: string[] = [];
    for (const [name, value] of Object.entries({ ...this.defaultOptions(), ...options })) {
      if (!declared.has(name)) continue;
      used.push(name);
      for (const item of optionValues(name, value)) pairs.push([name, item]);
    }
    return { pairs, used };
  }

  /** Sets `pairs` and creates `descriptorName` (null: only checks them) in one native call. */
  #withOptions(state: LoadedState, descriptorName: string | null, pairs: readonly (readonly [string, string | null])[]): Handle | null {
    try {
      return loadBridge().createModuleWithOptions(state.handle, descriptorName, pairs);
    } catch (error) {
      throw new WsError('WS_PLUGIN_OPTION', `Plug-in ${this.name}: ${(error as Error).message}`, { cause: error });
    }
  }

  /**
   * The option values {@link Plugin.configure} applies where none is given:
   * its package's `defaultOptions` and those of installed packages extending
   * it, resolved to files for this platform (e.g. `tflite-library` → the
   * TensorFlow Lite library in @ws/tensorflow's platform package). Loads nothing.
   */
  defaultOptions(): Record<string, string> {
    return Object.assign(this.#manifest ? resolveDefaultOptions(this.#manifest) : {}, ...this.extensions.map((extension) => resolveDefaultOptions(extension)));
  }

  #ensureLoaded(): LoadedState {
    if (this.#state) return this.#state;
    const manifest = this.#manifest!;
    // The loader chain (env var, platform package, local build): the first
    // candidate that loads wins; otherwise one checklist error.
    const { path, value: state } = loadPluginLibrary(manifest, (candidate): LoadAttempt<LoadedState> => {
      const bridge = loadBridge();
      const result = bridge.loadPluginFile(candidate);
      if ((result.status === LoadStatus.Ok || result.status === LoadStatus.AlreadyLoaded) && result.plugin) {
        return { ok: true, value: { handle: result.plugin, info: bridge.pluginInfo(result.plugin)! } };
      }
      return { ok: false, code: loadStatusCode(result.status), message: `${candidate}: ${result.message}` };
    });
    if (state.info.name !== this.name) {
      throw new PluginLoadError('WS_PLUGIN_MANIFEST', path, `${manifest.packageName} says it ships plug-in ${this.name}, but ${path} is plug-in ${state.info.name}. Reinstall ${manifest.packageName}.`);
    }
    this.#state = state;
    registry.byPath.set(path, this);
    return this.#state;
  }

  /** @internal */
  static fromLoaded(bridge: BridgeAddon, handle: Handle): Plugin {
    const info = bridge.pluginInfo(handle)!;
    const existing = registry.plugins.get(info.name);
    if (existing && !existing.#state) {
      // An npm plug-in registered lazily, now loaded from a path: keep one object.
      existing.#state = { handle, info };
      return existing;
    }
    if (existing) return existing;
    const plugin = new Plugin(info.name, { handle, info });
    registry.plugins.set(plugin.name, plugin);
    return plugin;
  }
}

const isOptionScalar = (value: unknown): value is string | number | bigint => ['string', 'number', 'bigint'].includes(typeof value);

/**
 * The values to set for one option, in order. Anything but a
 * {@link PluginOptionValue} is refused: String() would turn an object into
 * "[object Object]" and hand that to the plug-in.
 */
export function optionValues(name: string, value: PluginOptionValue): (string | null)[] {
  if (value === false || value === undefined) return [];
  if (value === true || value === null) return [null];
  if (Array.isArray(value) && value.every(isOptionScalar)) return value.map((v) => String(v));
  if (isOptionScalar(value)) return [String(value)];
  const shown = Array.isArray(value) ? 'an array with a value that is not a string or number' : withArticle(typeof value);
  throw new WsError(
    'WS_PLUGIN_OPTION',
    `The plug-in option ${name} is ${shown}. Pass a string, number, bigint, boolean, null (the implicit value), or an array of strings/numbers for a repeatable option.`,
  );
}

function recordRejection(error: PluginLoadError): void {
  if (registry.rejected.some((r) => r.path === error.path && r.code === error.code)) return;
  registry.rejected.push({ path: error.path, code: error.code, message: error.message });
  warnOnce(error.code, error.message);
}

function loadFile(path: string, throwOnFailure: boolean): Plugin | undefined {
  const known = registry.byPath.get(path);
  if (known) return known;
  const bridge = loadBridge();
  const result = bridge.loadPluginFile(path);
  if ((result.status === LoadStatus.Ok || result.status === LoadStatus.AlreadyLoaded) && result.plugin) {
    const plugin = Plugin.fromLoaded(bridge, result.plugin);
    registry.byPath.set(path, plugin);
    return plugin;
  }
  const error = new PluginLoadError(loadStatusCode(result.status), path, result.message || `${path} could not be loaded as a plug-in.`);
  if (result.status === LoadStatus.DuplicateName) {
    // WasmEdge semantics: the first plug-in of a name wins. A warning, not an error.
    recordRejection(error);
    return undefined;
  }
  if (throwOnFailure) {
    if (!registry.rejected.some((r) => r.path === path)) registry.rejected.push({ path, code: error.code, message: error.message });
    throw error;
  }
  recordRejection(error);
  return undefined;
}
