import { createRequire } from 'node:module';
import type { WASI as WasiClass } from 'node:wasi';
import { catalogDeclaresOption, catalogEntryForModule, pluginCatalog } from '../catalog.js';
import { GuestTerminated, ImportResolutionError, withArticle, WsError, type UnresolvedImport } from '../errors.js';
import type { Handle, RawFunctionInfo } from '../native/addon-types.js';
import { logLevelEnabled } from '../log.js';
import { loadBridge } from '../native/load-bridge.js';
import { installCommand } from '../package-manager.js';
import type { HostModule } from '../plugins/host-module.js';
import { knownPluginOptionNames } from '../plugins/option-names.js';
import { applicationFolders } from '../plugins/npm-manifest.js';
import { optionValues, Plugin, type PluginOptionValue } from '../plugins/plugin.js';
import type { WasmBytes, WasmImports, WasmInstanceLike, WasmModuleLike } from '../wasm-types.js';
import { closestName } from '../suggest.js';
import { withArity } from './arity.js';
import { resolveNativeImport, type NativeModuleOptions } from './native-functions.js';
import { enosysFunction, wasmEdgeExtraWasiFunctions } from './wasi-extras.js';
import { checkPreopens, checkStdio } from './wasi-option-checks.js';
import { readonlyWasiImport, splitPreopens, type PreopenValue } from './readonly-preopens.js';
import { invokeArguments, type InvokeArgument } from './reactor.js';
import { StatisticsRecorder, type RunStatistics } from './statistics.js';
import { instantiateLinkedModules } from './linked-modules.js';
import { resolveWasiLoggingImport, WASI_LOGGING_MODULE, WASI_LOGGING_PLUGIN } from './wasi-logging.js';
import { checkIsolation, type Isolation } from './isolation/options.js';
import { runIsolated } from './isolation/run-isolated.js';
import { checkMemoryPageLimit, limitMemoryPages } from './memory-limit.js';
import { callWithTimeLimit, checkTimeLimit } from './time-limit.js';
import { gasLimitErrorFor, gasSettings, gasUsedBy, meterGuest, type GasSettings } from './gas/gas-limit.js';
import { exportMemoryZero, readModuleInfo, type WasmFunctionType, type WasmImport, type WasmModuleInfo } from './wasm-binary.js';

const WASI_MODULE = 'wasi_snapshot_preview1';

// node:wasi is loaded on first use: importing @ws/core should cost nothing.
const require = createRequire(import.meta.url);
let wasiClass: typeof WasiClass | undefined;
function loadWasi(): typeof WasiClass {
  if (wasiClass) return wasiClass;
  // Loading node:wasi emits "ExperimentalWarning: WASI is an experimental feature": Node
  // speaking of its own module, nothing a ws user can act on. Below the debug log level it
  // is dropped (as the CLI does); any other warning emitted meanwhile passes untouched.
  const emitWarning = process.emitWarning;
  if (!logLevelEnabled('debug')) {
    process.emitWarning = function emitWarningButWasi(this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
      const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
      if (type === 'ExperimentalWarning' && String(warning).includes('WASI')) return;
      return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest);
    } as typeof process.emitWarning;
  }
  try {
    wasiClass = (require('node:wasi') as typeof import('node:wasi')).WASI;
  } finally {
    process.emitWarning = emitWarning;
  }
  return wasiClass;
}

/** Options of a {@link Runtime}. */
export interface RuntimeOptions {
  /** argv of the guest; `args[0]` is conventionally the program name. Default `[]`. */
  args?: string[];
  /** Environment of the guest. Default `{}` (nothing of the host's). */
  env?: Record<string, string>;
  /**
   * Guest path → host folder, like `ws run --dir GUEST:HOST`; `{ path, readonly: true }` is
   * `--dir GUEST:HOST:readonly`: the guest may read the folder but not change anything under it
   * (as WasmEdge answers: writes fail with EBADF, creating, truncating, renaming, unlinking with
   * ENOTCAPABLE). Default `{}`.
   */
  preopens?: Record<string, PreopenValue>;
  /** JS modules the guest may import, by module name; they take precedence over plug-ins. */
  imports?: WasmImports;
  /**
   * Wasm modules registered for linking, by import name, like `wasmedge --module NAME:PATH`: each
   * is instantiated before the guest (a fresh instance per run), in the order given, and the guest
   * imports its exports under that name. A linked module may import only the ones linked before it
   * (not WASI nor plug-in modules, which ws gives the guest alone). Default `{}`.
   */
  modules?: Record<string, WasmBytes | WasmModuleLike>;
  /**
   * Import modules made of C library functions, called through koffi (loaded
   * only when this is used), e.g. `{ mymod: { library: 'libm.so.6', functions:
   * { cos: 'double cos(double)' } } }`. Each declaration is checked against the
   * guest's import type. Default `{}`.
   */
  native?: Record<string, NativeModuleOptions>;
  /**
   * Plug-in options by name as on the command line without dashes, e.g.
   * `{ 'allow-command': ['ls'], 'allow-command-all': true }`. Applied to each
   * plug-in before the runtime creates its modules.
   */
  pluginOptions?: Record<string, PluginOptionValue>;
  /** File descriptors for the guest's stdin, stdout, stderr. Default 0, 1, 2. */
  stdin?: number;
  stdout?: number;
  stderr?: number;
  /**
   * Register installed npm plug-in packages (seen from the current directory
   * and from the main script's folder) before the first instantiation.
   * Default true. No library is loaded until a guest imports one of their
   * modules.
   */
  discoverPackages?: boolean;
  /**
   * Plug-in names whose modules this runtime never uses, like `wasmedge
   * --forbidden-plugin NAME`: a guest importing one of their modules fails to
   * instantiate. Default `[]`.
   */
  forbiddenPlugins?: readonly string[];
  /**
   * Where {@link Runtime.run} runs the guest: `'none'` (default) in this thread; `'worker'` in a
   * new worker thread (a time limit ends it even in a host call that does not return);
   * `'process'` in a new child process (a plug-in that crashes it becomes an
   * {@link IsolatedCrashError}, this process lives on). Same output and exit codes in all three;
   * `imports` (JS functions) cannot be used with isolation. instantiate() always runs here.
   * docs/running-many-guests.md compares them.
   */
  isolation?: Isolation;
  /**
   * Milliseconds the guest may run, like `wasmedge --time-limit MS`: past it, V8 stops the guest
   * wherever it is (wasm code, or as soon as a host call returns; the process plug-in kills its
   * command and wasi_nn's GGML generation stops between tokens) and run() / instantiate() reject
   * with a {@link TimeLimitError} (`WS_TIME_LIMIT`); the process stays usable. It bounds each
   * run from the start function through `_start` (or `_initialize`), not calls made later into
   * a reactor's exports. Default 0: no limit. DESIGN.md ("Time limit") says how it works.
   */
  timeLimitMs?: number;
  /**
   * The most 64 KiB pages any memory of the guest may have, like `wasmedge --memory-page-limit N`:
   * memory.grow past it returns -1; a memory declaring a larger minimum fails to instantiate with a
   * {@link MemoryPageLimitError} (`WS_MEMORY_PAGE_LIMIT`). Needs the guest's bytes (not a
   * compiled WebAssembly.Module). Default: none (V8's own maximum, 65536 pages).
   */
  memoryPageLimit?: number;
  /**
   * The most gas the guest may use, like `wasmedge --gas-limit N`: every executed instruction
   * costs 1 (WasmEdge's default cost table), counted by a meter compiled into the guest's bytes.
   * Past it the guest is stopped and run() rejects with a {@link GasLimitError} (`WS_GAS_LIMIT`).
   * A whole number from 0 to 2^64 - 1 (a bigint above 2^53 - 1). Needs the guest's bytes (not a
   * compiled WebAssembly.Module). Default: none. DESIGN.md ("Gas") says what counts.
   */
  gasLimit?: number | bigint;
  /**
   * Count gas without a limit, like `wasmedge --enable-gas-measuring`: {@link Runtime.lastGasUsed}
   * then says what the last run used. Implied by `gasLimit`. Default false.
   */
  gasMeasuring?: boolean;
  /**
   * Time the guest's code and its host calls, like `wasmedge --enable-time-measuring`:
   * {@link Runtime.lastStatistics} then says how long the last run or invoke took, in wasm and in
   * host functions (each one's calls and time). Wraps every import in a timing function, so it
   * costs something per host call. Default false.
   */
  statistics?: boolean;
}

/** What {@link Runtime.instantiate} resolved, for diagnostics and tests. */
export interface Instantiated {
  instance: WasmInstanceLike;
  /** Plug-in module instances the guest imports, by import name. */
  modules: ReadonlyMap<string, HostModule>;
}

/** When a run's time limit ends (performance.now()), set when the guest's first code starts. */
interface TimeBudget {
  end?: number;
}

let packagesDiscovered = false;

/**
 * Runs WebAssembly guests on Node's V8 with node:wasi (preview1) and the
 * host modules of loaded WasmEdge plug-ins.
 */
export class Runtime {
  readonly #options: RuntimeOptions;
  readonly #modules = new Map<string, HostModule>();
  readonly #gas: GasSettings | undefined;
  #lastGasUsed: bigint | undefined;
  #statistics: StatisticsRecorder | undefined;
  #disposed = false;

  constructor(options: RuntimeOptions = {}) {
    // Option values are checked now, not when a guest first needs the plug-in.
    for (const [name, value] of Object.entries(options.pluginOptions ?? {})) optionValues(name, value);
    checkIsolation(options.isolation);
    if (options.timeLimitMs !== undefined) checkTimeLimit(options.timeLimitMs);
    if (options.memoryPageLimit !== undefined) checkMemoryPageLimit(options.memoryPageLimit);
    this.#gas = gasSettings(options);
    this.#options = options;
  }

  /**
   * With `gasLimit` or `gasMeasuring`: the gas the last run() to end used (start function and
   * `_start`, and the instantiation's constant expressions, as WasmEdge counts them); the limit when
   * it stopped the guest. Undefined before, and without metering.
   */
  get lastGasUsed(): bigint | undefined {
    return this.#lastGasUsed;
  }

  /** With `statistics`: the time statistics of the last guest instantiated (its run or invoke). */
  get lastStatistics(): RunStatistics | undefined {
    return this.#statistics?.statistics;
  }

  /** Plug-in module instances created so far, by import name. */
  get modules(): ReadonlyMap<string, HostModule> {
    return this.#modules;
  }

  /**
   * Compiles (if needed) and instantiates a guest. Every import must resolve,
   * or one {@link ImportResolutionError} lists them all. A reactor
   * (`_initialize`) is initialised.
   */
  async instantiate(source: WasmBytes | WasmModuleLike): Promise<WasmInstanceLike> {
    return (await this.instantiateDetailed(source)).instance;
  }

  /** Like {@link instantiate}, also returning the plug-in modules it bound. */
  async instantiateDetailed(source: WasmBytes | WasmModuleLike): Promise<Instantiated> {
    const { instance, modules } = await this.#instantiate(source);
    return { instance, modules };
  }

  /**
   * Each instance gets its own WASI object, returned with it (not kept on the
   * runtime): two runs of one Runtime may overlap at their awaits.
   */
  async #instantiate(source: WasmBytes | WasmModuleLike, budget = this.#timeBudget()): Promise<Instantiated & { wasi: WasiClass }> {
    this.#assertLive();
    const { module, info } = await compile(source, this.#options.memoryPageLimit, this.#gas);
    // Disposed while compiling: creating modules now would leak them.
    this.#assertLive();
    if (this.#options.discoverPackages !== false && !packagesDiscovered) {
      packagesDiscovered = true;
      for (const folder of applicationFolders()) Plugin.discoverPackages(folder);
    }
    this.#checkPluginOptions();
    const { hostPaths, readonlyGuestPaths } = splitPreopens(this.#options.preopens ?? {});
    checkPreopens(hostPaths);
    checkStdio(this.#options);
    const WASI = loadWasi();
    const wasi = new WASI({
      version: 'preview1',
      args: this.#options.args ?? [],
      env: this.#options.env ?? {},
      preopens: hostPaths,
      returnOnExit: true,
      stdin: this.#options.stdin,
      stdout: this.#options.stdout,
      stderr: this.#options.stderr,
    });
    // The bridge is loaded only when a plug-in may provide an import (a loaded one may provide
    // any; an npm one those its manifest names): an unknown module (say `env` of a C guest)
    // is an unresolved import, not a reason to load native code, nor a bridge error.
    const plugins = Plugin.all();
    const usesPlugins = info.imports.some(
      (i) =>
        i.module !== WASI_MODULE &&
        i.module !== WASI_LOGGING_MODULE &&
        !this.#options.imports?.[i.module] &&
        !this.#options.modules?.[i.module] &&
        !this.#options.native?.[i.module] &&
        plugins.some((plugin) => plugin.loaded || plugin.claimsImport(i.module)),
    );
    const bridge = usesPlugins ? loadBridge() : undefined;
    const guest = bridge?.createGuestBinding('');
    // Memory 0 for ws's own host functions (wasi_logging, read-only preopens), once instantiated.
    let memory: WebAssembly.Memory | undefined;
    const wasiImport = readonlyWasiImport(wasi.wasiImport as Record<string, WebAssembly.ImportValue>, hostPaths, readonlyGuestPaths, () => memory);
    const linked = this.#options.modules ? await instantiateLinkedModules(this.#options.modules as Record<string, WasmBytes | WebAssembly.Module>) : undefined;
    const { imports, modules } = this.#resolveImports(info, wasiImport, guest, () => memory, linked);
    if (this.#options.statistics) {
      this.#statistics = new StatisticsRecorder();
      this.#statistics.wrapImports(imports);
    }
    // With a time limit, a start function runs under it: synchronously, where it can be stopped.
    const instance = budget ? this.#limited(() => new WebAssembly.Instance(module, imports), budget) : await WebAssembly.instantiate(module, imports);
    memory = withMemory(instance).exports.memory as WebAssembly.Memory;
    if (bridge && guest) {
      const memory = instance.exports.memory;
      if (memory instanceof WebAssembly.Memory) bridge.attachGuestMemory(guest, memory);
      bridge.attachGuestExports(guest, instance.exports, exportedFunctionTypes(info));
    }
    if (typeof instance.exports._initialize === 'function' && typeof instance.exports._start !== 'function') {
      try {
        this.#limited(() => wasi.initialize(withMemory(instance)), budget);
      } catch (error) {
        // Terminate during _initialize ends initialisation, like proc_exit(0) would.
        if (!(error instanceof GuestTerminated)) throw gasLimitErrorFor(error, instance, this.#gas);
      }
    }
    return { instance, modules, wasi };
  }

  /**
   * Instantiates and runs `_start`; resolves to the exit code (proc_exit's
   * value, 0 when `_start` returns or a host function terminates the guest).
   * A trap rejects with the `WebAssembly.RuntimeError`.
   */
  async run(source: WasmBytes | WasmModuleLike): Promise<number> {
    const isolation = this.#options.isolation;
    if (isolation && isolation !== 'none') {
      this.#assertLive();
      // The isolated Runtime's gas count comes back with the exit code.
      return runIsolated(isolation, source, this.#options, (report) => {
        this.#lastGasUsed = report.gasUsed;
      });
    }
    const budget = this.#timeBudget();
    const { instance, wasi } = await this.#instantiate(source, budget);
    if (typeof instance.exports._start !== 'function') {
      throw new WsError('WS_USAGE', 'The guest has no _start function, so it cannot be run. Use runtime.instantiate() for a reactor module and call its exports.');
    }
    try {
      return this.#limited(() => wasi.start(withMemory(instance)), budget) ?? 0;
    } catch (error) {
      if (error instanceof GuestTerminated) return 0;
      throw gasLimitErrorFor(error, instance, this.#gas);
    } finally {
      this.#lastGasUsed = gasUsedBy(instance, this.#gas);
    }
  }

  /**
   * Instantiates a reactor (its `_initialize` runs, as in {@link instantiate}) and calls its
   * exported function `name` with `args`, like `wasmedge --reactor app.wasm NAME ARGS...`: a string
   * is read by the parameter's type as WasmEdge reads it (i32 / i64 as C's strtoll in base 10,
   * f32 / f64 as strtod), a number or bigint is used as it is. Resolves to the results, one per
   * result type (i64 as bigint); `formatResult(value, type)` writes one as `ws run --reactor` prints it.
   * Needs the guest's bytes (the function's type comes from them). Runs in this thread under
   * `timeLimitMs`, whatever `isolation` says.
   */
  async invoke(source: WasmBytes, name: string, args: readonly InvokeArgument[] = []): Promise<unknown[]> {
    const type = exportedFunctionType(source, name);
    const values = invokeArguments(name, type, args);
    const budget = this.#timeBudget();
    const { instance } = await this.#instantiate(source, budget);
    // Initialised already: WasmEdge runs it once too.
    if (name === '_initialize' && typeof instance.exports._start !== 'function') return [];
    const fn = instance.exports[name] as (...values: (number | bigint)[]) => unknown;
    let result: unknown;
    try {
      result = this.#limited(() => fn(...values), budget);
    } catch (error) {
      throw gasLimitErrorFor(error, instance, this.#gas);
    } finally {
      this.#lastGasUsed = gasUsedBy(instance, this.#gas);
    }
    return type.results.length === 0 ? [] : type.results.length === 1 ? [result] : [...(result as unknown[])];
  }

  /** Deletes every plug-in module instance this runtime created (their finalizers run). */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const module of this.#modules.values()) module.dispose();
    this.#modules.clear();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  // ---- Import resolution -----------------------------------------------------

  #resolveImports(
    info: WasmModuleInfo,
    wasiImport: Record<string, WebAssembly.ImportValue>,
    guest: Handle | undefined,
    memory: () => WebAssembly.Memory | undefined,
    linked: ReadonlyMap<string, WebAssembly.Exports> | undefined,
  ): { imports: WebAssembly.Imports; modules: Map<string, HostModule> } {
    const imports: WebAssembly.Imports = {};
    const modules = new Map<string, HostModule>();
    const unresolved: UnresolvedImport[] = [];
    // What to do about each kind of failure, in the order first met (the error ends with them).
    const fixes = new Set<string>();
    const fail = (entry: WasmImport, reason: string, fix: string, packageName?: string): void => {
      unresolved.push({ ...describe(entry), ...(packageName ? { package: packageName } : {}), reason });
      fixes.add(fix);
    };
    const hostFunctions = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
    const extraWasi = new Set<string>(wasmEdgeExtraWasiFunctions);

    for (const entry of info.imports) {
      const target = (imports[entry.module] ??= {}) as Record<string, WebAssembly.ImportValue>;
      const user = this.#options.imports?.[entry.module];
      if (user) {
        if (entry.name in user) target[entry.name] = user[entry.name]!;
        else fail(entry, `the JS module ${entry.module} given in imports has no ${entry.name}`, FIX_USER_IMPORTS);
        continue;
      }
      const native = this.#options.native?.[entry.module];
      if (native) {
        const resolved = resolveNativeImport(entry.module, native, entry);
        if ('value' in resolved) target[entry.name] = resolved.value;
        else fail(entry, resolved.reason, FIX_NATIVE);
        continue;
      }
      if (entry.module === WASI_MODULE) {
        if (wasiImport[entry.name]) target[entry.name] = wasiImport[entry.name]!;
        else if (extraWasi.has(entry.name)) target[entry.name] = enosysFunction();
        else fail(entry, 'node:wasi (preview1) has no such function', FIX_WASI);
        continue;
      }
      const linkedExports = linked?.get(entry.module);
      if (linkedExports) {
        if (entry.name in linkedExports) target[entry.name] = linkedExports[entry.name]!;
        else fail(entry, `the linked module ${entry.module} (--module / RuntimeOptions.modules) does not export ${entry.name}`, FIX_PLUGIN_VERSION);
        continue;
      }
      // WasmEdge's built-in wasi_logging plug-in, registered before any other.
      if (entry.module === WASI_LOGGING_MODULE) {
        const io = { stdout: this.#options.stdout ?? 1, stderr: this.#options.stderr ?? 2, memory };
        const resolved = resolveWasiLoggingImport(entry.name, entry.kind, entry.type, io);
        if ((this.#options.forbiddenPlugins ?? []).includes(WASI_LOGGING_PLUGIN)) {
          fail(entry, `plug-in ${WASI_LOGGING_PLUGIN} provides it, but it is forbidden (forbiddenPlugins / --forbidden-plugin)`, FIX_FORBIDDEN);
        } else if ('value' in resolved) target[entry.name] = resolved.value;
        else fail(entry, resolved.reason, resolved.reason.startsWith('type mismatch') ? FIX_TYPES : FIX_PLUGIN_VERSION);
        continue;
      }
      const module = this.#pluginModule(entry.module);
      if (!module) {
        const known = catalogEntryForModule(entry.module);
        const forbidden = this.#forbiddenProvider(entry.module, known?.plugin);
        if (forbidden) {
          fail(entry, `plug-in ${forbidden} provides it, but it is forbidden (forbiddenPlugins / --forbidden-plugin)`, FIX_FORBIDDEN);
          continue;
        }
        if (known) fail(entry, `plug-in ${known.plugin} is not installed`, FIX_INSTALL, known.package);
        else fail(entry, 'no loaded plug-in or JS module provides this module', FIX_LOAD);
        continue;
      }
      modules.set(entry.module, module);
      const hostType = module.functionType(entry.name);
      if (entry.kind !== 'function' || !hostType) {
        fail(entry, `plug-in ${module.plugin} has no function ${entry.name} in module ${entry.module}`, FIX_PLUGIN_VERSION);
        continue;
      }
      if (entry.type && !sameType(entry.type, hostType)) {
        fail(entry, `type mismatch: the guest imports ${formatType(entry.type)}, plug-in ${module.plugin} provides ${formatType(hostType)}`, FIX_TYPES);
        continue;
      }
      let functions = hostFunctions.get(entry.module);
      if (!functions) {
        functions = module.functionsFor(guest!);
        hostFunctions.set(entry.module, functions);
      }
      target[entry.name] = withArity(functions[entry.name]!, hostType.params.length) as WebAssembly.ImportValue;
    }
    if (unresolved.length > 0) throw unresolvedError(unresolved, fixes);
    return { imports, modules };
  }

  /** The module instance for an import name, created on first need. */
  #pluginModule(importName: string): HostModule | undefined {
    const existing = this.#modules.get(importName);
    if (existing) return existing;
    const forbidden = this.#options.forbiddenPlugins ?? [];
    const plugins = Plugin.all().filter((plugin) => !forbidden.includes(plugin.name));
    for (const plugin of plugins) {
      const descriptor = plugin.descriptorForImport(importName);
      if (descriptor) return this.#create(plugin, descriptor, importName);
    }
    // Learn import names by creating modules: first of plug-ins whose manifest
    // claims the name (this loads an npm plug-in), then of every loaded one.
    const claiming = plugins.filter((p) => p.claimsImport(importName));
    for (const plugin of [...claiming, ...plugins.filter((p) => p.loaded && !claiming.includes(p))]) {
      if (!plugin.loaded) plugin.load();
      for (const descriptor of plugin.unmappedDescriptors()) {
        const module = this.#create(plugin, descriptor, importName);
        if (module?.name === importName) return module;
      }
    }
    return this.#modules.get(importName);
  }

  /** The forbidden plug-in that would provide `importName`, as far as is known without loading one. */
  #forbiddenProvider(importName: string, cataloguePlugin: string | undefined): string | undefined {
    const forbidden = this.#options.forbiddenPlugins ?? [];
    if (cataloguePlugin && forbidden.includes(cataloguePlugin)) return cataloguePlugin;
    const provider = Plugin.all().find(
      (plugin) => forbidden.includes(plugin.name) && (plugin.claimsImport(importName) || (plugin.loaded && plugin.listModules().includes(importName))),
    );
    return provider?.name;
  }

  #create(plugin: Plugin, descriptor: string, wanted: string): HostModule | undefined {
    // This runtime's options are set, Create run and the options reset in one
    // native call under the plug-in's lock: a Runtime in another worker never
    // sees them, and no later module inherits them (issue 15).
    const module = plugin.createModule(descriptor, { options: this.#options.pluginOptions ?? {} });
    if (this.#modules.has(module.name)) {
      // First registered wins on a name clash, as in WasmEdge.
      module.dispose();
      return module.name === wanted ? this.#modules.get(wanted) : undefined;
    }
    this.#modules.set(module.name, module);
    return module;
  }

  /** Every plug-in option must be declared by some plug-in (typos fail early). */
  #checkPluginOptions(): void {
    const names = Object.keys(this.#options.pluginOptions ?? {});
    if (names.length === 0) return;
    for (const name of names) {
      // An npm plug-in the catalogue knows is not loaded for this: a guest may never import it.
      const declares = (plugin: Plugin): boolean => (plugin.loaded ? undefined : catalogDeclaresOption(plugin.name, name)) ?? plugin.declaresOption(name);
      if (Plugin.inOptionSearchOrder(name).some(declares)) continue;
      throw new WsError('WS_PLUGIN_OPTION', unknownOptionMessage(name));
    }
  }

  /** The time limit of one run, or undefined without one. */
  #timeBudget(): TimeBudget | undefined {
    return (this.#options.timeLimitMs ?? 0) > 0 ? {} : undefined;
  }

  /**
   * fn() under what is left of the run's time limit: the clock starts at the guest's first
   * code (start function, `_initialize` or `_start`), not while compiling and linking.
   */
  #limited<T>(guestCode: () => T, budget: TimeBudget | undefined): T {
    const statistics = this.#statistics;
    const fn = statistics ? () => statistics.measure(guestCode) : guestCode;
    const limit = this.#options.timeLimitMs ?? 0;
    if (!budget || limit === 0) return fn();
    budget.end ??= performance.now() + limit;
    return callWithTimeLimit(fn, budget.end - performance.now(), limit);
  }

  #assertLive(): void {
    if (this.#disposed) throw new WsError('WS_RUNTIME_DISPOSED', 'This Runtime was disposed. Create a new Runtime to run another guest.');
  }
}

/** The type of the function `name` the guest exports (for {@link Runtime.invoke}). */
function exportedFunctionType(source: WasmBytes, name: string): WasmFunctionType {
  if (!isBinarySource(source)) {
    throw new WsError('WS_USAGE', `Runtime.invoke() takes the guest's bytes (Buffer, Uint8Array, ArrayBuffer), not ${describeSource(source)}: the function's parameter types are read from them.`);
  }
  const bytes = ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : new Uint8Array(source);
  let info: WasmModuleInfo;
  try {
    info = readModuleInfo(bytes);
  } catch (error) {
    throw new WsError('WS_NOT_WASM', `The guest is not a valid WebAssembly module: ${(error as Error).message}. Rebuild it for wasm32-wasi.`, { cause: error });
  }
  const functions = info.exports.filter((e) => e.kind === 'function' && e.type);
  const found = functions.find((e) => e.name === name);
  if (!found) {
    throw new WsError('WS_USAGE', `Function "${name}" not found in the guest's exports (it exports: ${functions.map((e) => e.name).join(', ') || 'no functions'}). Give the name of one of its exported functions.`);
  }
  return found.type!;
}

/** What a caller passed instead of bytes or a module, for the error message. */
function describeSource(source: unknown): string {
  if (typeof source === 'string') return `the string "${source}"`;
  if (source === null) return 'null';
  if (typeof source === 'object') return withArticle((source as object).constructor?.name ?? 'object');
  return withArticle(typeof source);
}

function isBinarySource(source: unknown): source is WasmBytes {
  const tag = Object.prototype.toString.call(source);
  return ArrayBuffer.isView(source) || tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

async function compile(source: WasmBytes | WebAssembly.Module, memoryPageLimit?: number, gas?: GasSettings): Promise<{ module: WebAssembly.Module; info: WasmModuleInfo }> {
  if (!(source instanceof WebAssembly.Module) && !isBinarySource(source)) {
    // A path is the usual mistake; new Uint8Array('app.wasm') would be empty and say "not WebAssembly".
    const fix = typeof source === 'string' ? ` Read the file first: runtime.run(await readFile(${JSON.stringify(source)})).` : '';
    throw new WsError(
      'WS_USAGE',
      `Runtime.run() and Runtime.instantiate() take the guest's bytes (Buffer, Uint8Array, ArrayBuffer) or a WebAssembly.Module, not ${describeSource(source)}.${fix}`,
    );
  }
  if (source instanceof WebAssembly.Module) {
    if (memoryPageLimit !== undefined) {
      throw new WsError('WS_USAGE', 'memoryPageLimit needs the guest\'s bytes: a compiled WebAssembly.Module cannot be given a smaller maximum. Pass the bytes (Buffer, Uint8Array, ArrayBuffer) to run() / instantiate().');
    }
    if (gas) {
      throw new WsError('WS_USAGE', 'gasLimit and gasMeasuring need the guest\'s bytes: a compiled WebAssembly.Module cannot be metered. Pass the bytes (Buffer, Uint8Array, ArrayBuffer) to run() / instantiate().');
    }
    // Without the bytes, imports have no types: they are not type-checked.
    const imports = WebAssembly.Module.imports(source).map((i) => ({ module: i.module, name: i.name, kind: i.kind as WasmImport['kind'] }));
    const exports = WebAssembly.Module.exports(source).map((e, index) => ({ name: e.name, kind: e.kind as WasmImport['kind'], index }));
    const memoryCount = imports.filter((i) => i.kind === 'memory').length + exports.filter((e) => e.kind === 'memory').length;
    return { module: source, info: { imports, exports, memoryCount, importedMemoryCount: 0 } };
  }
  const bytes = ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : new Uint8Array(source);
  const info = readModuleInfo(bytes);
  const exported = exportMemoryZero(bytes, info);
  const limited = memoryPageLimit === undefined ? exported : limitMemoryPages(exported, memoryPageLimit);
  const rewritten = gas ? meterGuest(limited, gas) : limited;
  const finalInfo = rewritten === bytes ? info : readModuleInfo(rewritten);
  try {
    return { module: await WebAssembly.compile(rewritten as Uint8Array<ArrayBuffer>), info: finalInfo };
  } catch (error) {
    throw new WsError('WS_NOT_WASM', `The guest is not a valid WebAssembly module: ${(error as Error).message}. Rebuild it for wasm32-wasi.`, { cause: error });
  }
}

/**
 * node:wasi insists on an exported memory; a guest without any memory gets an
 * empty one, so WASI calls with pointers fail instead of start/initialize.
 */
function withMemory(instance: WebAssembly.Instance): WebAssembly.Instance {
  if (instance.exports.memory instanceof WebAssembly.Memory) return instance;
  return { exports: { ...instance.exports, memory: new WebAssembly.Memory({ initial: 0 }) } } as WebAssembly.Instance;
}

function exportedFunctionTypes(info: WasmModuleInfo): RawFunctionInfo[] {
  return info.exports
    .filter((e) => e.kind === 'function' && e.type)
    .map((e) => ({ name: e.name, params: e.type!.params, results: e.type!.results }));
}

function describe(entry: WasmImport): Omit<UnresolvedImport, 'reason'> {
  return { module: entry.module, name: entry.name, kind: entry.kind };
}

function sameType(a: WasmFunctionType, b: WasmFunctionType): boolean {
  return a.params.length === b.params.length && a.results.length === b.results.length && a.params.every((t, i) => t === b.params[i]) && a.results.every((t, i) => t === b.results[i]);
}

function formatType(type: WasmFunctionType): string {
  return `(${type.params.join(', ')}) -> (${type.results.join(', ')})`;
}

// The fix for each kind of unresolved import; the error lists those its causes need.
const FIX_INSTALL = 'install';
const FIX_LOAD = 'For modules ws does not know: load the plug-ins that provide them (--plugin-path, WASMEDGE_PLUGIN_PATH, Plugin.loadFromPath()) or pass JS modules in RuntimeOptions.imports.';
const FIX_USER_IMPORTS = 'Add the missing functions to the modules in RuntimeOptions.imports (a module given there is used instead of any plug-in).';
const FIX_NATIVE = 'Fix the declarations in RuntimeOptions.native so that they name C functions of the library with the types the guest imports.';
const FIX_WASI = 'Rebuild the guest for wasm32-wasi (wasi_snapshot_preview1): node:wasi has no other WASI functions.';
const FIX_FORBIDDEN = 'Take the plug-in out of forbiddenPlugins / --forbidden-plugin if the guest may use it.';
const FIX_PLUGIN_VERSION = 'Use the plug-in version the guest was built for, or rebuild the guest against this one.';
const FIX_TYPES = 'Rebuild the guest against the function types the host provides (ws typegen <plugin> prints a plug-in\'s).';

function unresolvedError(unresolved: UnresolvedImport[], fixKinds: ReadonlySet<string>): ImportResolutionError {
  const packages = [...new Set(unresolved.map((u) => u.package).filter((name) => name !== undefined))];
  const lines = unresolved.map((u) => `  ${u.module}.${u.name}: ${u.reason}${u.package ? ` (install ${u.package})` : ''}`);
  const fixes = [...fixKinds].map((fix) =>
    fix === FIX_INSTALL ? `Install the plug-in packages: ${installCommand(packages)}; or load plug-ins with --plugin-path / Plugin.loadFromPath().` : fix,
  );
  const mismatch = unresolved.every((u) => u.reason.startsWith('type mismatch'));
  return new ImportResolutionError(
    mismatch ? 'WS_IMPORT_TYPE_MISMATCH' : 'WS_IMPORT_UNRESOLVED',
    unresolved,
    [`The guest has ${unresolved.length} import${unresolved.length === 1 ? '' : 's'} that did not resolve:`, ...lines, ...fixes].join('\n'),
  );
}

function unknownOptionMessage(name: string): string {
  if (name.startsWith('-')) return `The plug-in option "${name}" is written with dashes. Use the name without them: pluginOptions: { '${name.replace(/^-+/, '')}': ... }.`;
  const owner = pluginCatalog.find((entry) => entry.options.some((o) => o.name === name));
  if (owner) return `The plug-in option --${name} belongs to ${owner.plugin}, which is not installed. Install it: ${installCommand([owner.package])}`;
  // allowCommand, allow_command, allow-comand: pluginOptions keys are the names of the command line.
  const suggestion = closestName(name, knownPluginOptionNames());
  if (suggestion) return `No loaded plug-in declares the option --${name}: did you mean '${suggestion}'? Name it as on the command line without the dashes: pluginOptions: { '${suggestion}': ... }.`;
  return `No loaded plug-in declares the option --${name}. Check its spelling, or load the plug-in that declares it (--plugin-path).`;
}
