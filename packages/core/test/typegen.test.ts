// ws typegen without a native library: a stand-in plug-in object reports
// modules and function types, as a loaded plug-in's descriptor would.
import { describe, expect, it } from 'vitest';
import type { HostFunctionType } from '../src/plugins/host-module.js';
import type { Plugin } from '../src/plugins/plugin.js';
import { generatePluginTypes, parameterNamesFor } from '../src/typegen/typegen.js';

/** The members of Plugin that generatePluginTypes reads. */
function fakePlugin(name: string, modules: Record<string, Record<string, HostFunctionType>>): Plugin {
  return {
    name,
    version: '1.2.3.4',
    apiVersion: 5,
    listModules: () => Object.keys(modules),
    createModule: (descriptor: string) => ({
      name: descriptor,
      listFunctions: () => Object.keys(modules[descriptor]!),
      functionType: (fn: string) => modules[descriptor]![fn],
      dispose: () => {},
    }),
  } as unknown as Plugin;
}

describe('parameterNamesFor', () => {
  it('names the parameters of a function of an official module', () => {
    expect(parameterNamesFor('wasi_ephemeral_nn', 'set_input', 3)).toEqual(['context', 'index', 'tensorPointer']);
    expect(parameterNamesFor('wasmedge_process', 'wasmedge_process_run', 0)).toEqual([]);
  });

  it('falls back to arg0, arg1, ... for an unknown module or function, or another parameter count', () => {
    expect(parameterNamesFor('my_module', 'f', 2)).toEqual(['arg0', 'arg1']);
    expect(parameterNamesFor('wasi_ephemeral_nn', 'no_such_function', 1)).toEqual(['arg0']);
    expect(parameterNamesFor('wasi_ephemeral_nn', 'set_input', 4)).toEqual(['arg0', 'arg1', 'arg2', 'arg3']);
    expect(parameterNamesFor('wasi_ephemeral_nn', 'constructor', 1)).toEqual(['arg0']);
    expect(parameterNamesFor('toString', 'f', 1)).toEqual(['arg0']);
  });
});

describe('generatePluginTypes', () => {
  it('names known parameters and numbers the others', () => {
    const text = generatePluginTypes(
      fakePlugin('wasi_nn', {
        wasi_ephemeral_nn: {
          init_execution_context: { params: ['i32', 'i32'], results: ['i32'] },
          future_function: { params: ['i32', 'i64'], results: [] },
        },
      }),
    );
    expect(text).toContain('  init_execution_context(graph: number, contextOutPointer: number): number;');
    expect(text).toContain('  future_function(arg0: number, arg1: bigint): void;');
  });
});
