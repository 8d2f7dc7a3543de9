// `wasmedge run`'s options that ws run takes besides its own: what each means on V8, or why it
// cannot mean anything there (a usage error, exit code 2). packages/core/README.md lists them.
import type { OptionSpec, ParsedArguments } from '../arguments.js';
import { UsageError } from '../output.js';

interface WasmEdgeOption extends OptionSpec {
  help: string;
  /** Why V8 cannot do what the option asks: given, it is a usage error with this reason. */
  refused?: string;
}

const NO_PROPOSAL_SWITCH = 'V8 decides which WebAssembly proposals it runs for the whole process (Node 20 runs every standard one it has): ws cannot turn one off for a guest. Leave the option out.';
const proposal = (name: string): WasmEdgeOption => ({ type: 'boolean', help: `--disable-${name}`, refused: NO_PROPOSAL_SWITCH });

/** WasmEdge's proposal switches, as `wasmedge run --help` lists them. */
export const PROPOSAL_OPTIONS: Readonly<Record<string, WasmEdgeOption>> = {
  'wasm-1': { type: 'boolean', help: '--wasm-1', refused: NO_PROPOSAL_SWITCH },
  'wasm-2': { type: 'boolean', help: '--wasm-2', refused: NO_PROPOSAL_SWITCH },
  'wasm-3': { type: 'boolean', help: '--wasm-3                 accepted: V8 runs the WebAssembly 3.0 proposals it has (WasmEdge\'s default too)' },
  ...Object.fromEntries(
    [
      'import-export-mut-globals',
      'non-trap-float-to-int',
      'sign-extension-operators',
      'multi-value',
      'bulk-memory',
      'reference-types',
      'simd',
      'tail-call',
      'extended-const',
      'function-reference',
      'gc',
      'multi-memory',
      'relaxed-simd',
      'exception-handling',
      'memory64',
    ].map((name) => [`disable-${name}`, proposal(name)]),
  ),
  'enable-threads': { type: 'boolean', help: '--enable-threads         accepted: V8 always has shared memories and atomics (no wasi-threads thread-spawn)' },
  'enable-all': { type: 'boolean', help: '--enable-all             accepted: V8 runs every proposal it has' },
  'enable-component': {
    type: 'boolean',
    help: '--enable-component',
    refused: 'V8 has no WebAssembly component model: ws runs core modules only. Run a core module (e.g. built for wasm32-wasip1), or use WasmEdge for components.',
  },
};

/** WasmEdge's statistics switches. */
export const STATISTICS_OPTIONS: Readonly<Record<string, WasmEdgeOption>> = {
  'enable-time-measuring': { type: 'boolean', help: '--enable-time-measuring  print the execution time: total, in wasm, in host functions (with each one\'s calls)' },
  'enable-instruction-count': { type: 'boolean', help: '--enable-instruction-count  print the number of wasm instructions executed (counted by the gas meter, one per instruction)' },
  'enable-all-statistics': { type: 'boolean', help: '--enable-all-statistics  all of the above and the gas used' },
};

/** WasmEdge's execution-mode and debugging switches. */
export const EXECUTION_OPTIONS: Readonly<Record<string, WasmEdgeOption>> = {
  reactor: { type: 'boolean', help: '--reactor                call _initialize if exported, then the function named by the first argument with the others as its parameters; print its results one per line' },
  'enable-jit': { type: 'boolean', help: '--enable-jit             accepted: V8 always compiles wasm to machine code' },
  'run-mode': { type: 'string', help: '--run-mode MODE          jit or lazyjit (what V8 does: compile, then tier up); interpreter and aot cannot be had' },
  'force-interpreter': {
    type: 'boolean',
    help: '--force-interpreter',
    refused: 'V8 has no WebAssembly interpreter in Node\'s release builds: it always compiles. Leave the option out.',
  },
  'enable-coredump': {
    type: 'boolean',
    help: '--enable-coredump',
    refused: 'V8 cannot write a WasmEdge core dump of a trapped guest. Leave the option out; a trap prints its reason and stack.',
  },
  'coredump-for-wasmgdb': {
    type: 'boolean',
    help: '--coredump-for-wasmgdb',
    refused: 'V8 cannot write a WasmEdge core dump for wasm-gdb. Leave the option out; debug the guest with node --inspect.',
  },
  'allow-af-unix': {
    type: 'boolean',
    help: '--allow-af-unix',
    refused: 'ws has no WasmEdge socket functions (node:wasi has no sockets: they return ENOSYS), so there are no UNIX domain sockets to allow. Leave the option out.',
  },
  module: { type: 'string', help: '--module NAME:PATH       link the wasm module at PATH as import module NAME (repeatable; it may import only modules linked before it)' },
};

/** Every option above. */
export const WASMEDGE_RUN_OPTIONS: Readonly<Record<string, WasmEdgeOption>> = { ...PROPOSAL_OPTIONS, ...STATISTICS_OPTIONS, ...EXECUTION_OPTIONS };

/** What the options above ask of this run. */
export interface WasmEdgeRunSettings {
  reactor: boolean;
  timeMeasuring: boolean;
  instructionCount: boolean;
  allStatistics: boolean;
  /** --module NAME:PATH, in the order given. */
  modules: [name: string, path: string][];
}

/** Reads them, refusing (exit code 2) those V8 cannot honour. */
export function wasmEdgeRunSettings(parsed: ParsedArguments): WasmEdgeRunSettings {
  const on = (name: string): boolean => parsed.values.get(name)?.at(-1) === true;
  for (const [name, option] of Object.entries(WASMEDGE_RUN_OPTIONS)) {
    const given = option.type === 'boolean' ? on(name) : parsed.values.has(name);
    if (option.refused && given) throw new UsageError(`ws run: --${name} cannot be honoured: ${option.refused}`);
  }
  const mode = parsed.values.get('run-mode')?.at(-1);
  if (typeof mode === 'string' && mode !== 'jit' && mode !== 'lazyjit') {
    const why =
      mode === 'interpreter'
        ? 'V8 has no WebAssembly interpreter in Node\'s release builds: it always compiles'
        : mode === 'aot'
          ? 'V8 compiles the guest when it loads (there is no WasmEdge AOT .so to run); a WasmEdge AOT-compiled file still runs, from its wasm sections'
          : `WasmEdge's modes are interpreter, jit, aot and lazyjit`;
    throw new UsageError(`ws run: --run-mode ${mode} cannot be honoured: ${why}. Use --run-mode jit, or leave the option out.`);
  }
  const modules = (parsed.values.get('module') ?? []).map((value): [string, string] => {
    const text = String(value);
    const colon = text.indexOf(':');
    if (colon <= 0 || colon === text.length - 1) throw new UsageError(`ws run: --module needs NAME:PATH (e.g. --module lib:lib.wasm), got "${text}".`);
    return [text.slice(0, colon), text.slice(colon + 1)];
  });
  const all = on('enable-all-statistics');
  return { modules, reactor: on('reactor'), timeMeasuring: all || on('enable-time-measuring'), instructionCount: all || on('enable-instruction-count'), allStatistics: all };
}

/** ws run --help's sections for these options, in `wasmedge run --help`'s order. */
export function wasmEdgeHelpSections(): { proposals: string[]; statistics: string[]; execution: string[] } {
  const section = (options: Readonly<Record<string, WasmEdgeOption>>): string[] => {
    const entries = Object.values(options);
    const refused = entries.filter((option) => option.refused).map((option) => option.help);
    return [
      ...entries.filter((option) => !option.refused).map((option) => `  ${option.help}`),
      ...(refused.length > 0 ? [`  not on V8 (exit code 2, with the reason): ${refused.join(', ')}`] : []),
    ];
  };
  return { proposals: section(PROPOSAL_OPTIONS), statistics: section(STATISTICS_OPTIONS), execution: section(EXECUTION_OPTIONS) };
}
