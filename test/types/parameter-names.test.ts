// `ws typegen` names the parameters of the official plug-ins' host functions
// from one table, packages/core/src/typegen/parameter-names.ts. It must cover
// every function each built plug-in registers, with its parameter count, and
// agree with the names @ws/image and @ws/tensorflow write into their own
// src/types.ts (rendered by their scripts/render-types.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePluginTypes, Plugin } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { parameterNames } from '../../packages/core/src/typegen/parameter-names.js';
import { root } from '../helpers/paths.js';

const officialPlugins = ['wasmedge_process', 'wasi_crypto', 'wasi_nn', 'wasmedge_image', 'wasmedge_tensorflow', 'wasmedge_tensorflowlite'];

/** Host functions and their parameter counts, by module import name. */
function describePlugin(plugin: Plugin): Record<string, Record<string, number>> {
  const modules: Record<string, Record<string, number>> = {};
  for (const descriptor of plugin.listModules()) {
    const module = plugin.createModule(descriptor);
    try {
      modules[module.name] = Object.fromEntries(module.listFunctions().map((name) => [name, module.functionType(name)!.params.length]));
    } finally {
      module.dispose();
    }
  }
  return modules;
}

/** `name(a: T, b: U): R;` lines of each exported interface of a types.ts, as parameter-name lists. */
function namesInTypesFile(file: string): Record<string, Record<string, string[]>> {
  const interfaces: Record<string, Record<string, string[]>> = {};
  let current: Record<string, string[]> | undefined;
  for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
    const start = /^export interface (\w+) \{$/.exec(line);
    if (start) interfaces[start[1]!] = current = {};
    else if (line === '}') current = undefined;
    const member = /^ {2}(\w+)\((.*)\): [^;]+;$/.exec(line);
    if (current && member) current[member[1]!] = member[2] ? member[2].split(', ').map((parameter) => parameter.split(':')[0]!) : [];
  }
  return interfaces;
}

describe('parameter names of ws typegen', () => {
  const loaded = Plugin.loadFromPath(join(root, 'native/build/plugins'));

  it.each(officialPlugins)('%s: the table names every parameter of every host function', (name) => {
    const plugin = loaded.find((p) => p.name === name);
    expect(plugin, `${name} is built into native/build/plugins`).toBeDefined();
    for (const [module, functions] of Object.entries(describePlugin(plugin!))) {
      const table = parameterNames[module];
      expect(table, `parameter-names.ts has module ${module}`).toBeDefined();
      expect(Object.keys(table!).sort()).toEqual(Object.keys(functions).sort());
      for (const [fn, count] of Object.entries(functions)) expect(table![fn], `${module}.${fn}`).toHaveLength(count);
    }
    expect(generatePluginTypes(plugin!)).not.toMatch(/\barg\d+:/);
  });

  it('lists only modules of the official plug-ins', () => {
    const modules = loaded.filter((p) => officialPlugins.includes(p.name)).flatMap((p) => Object.keys(describePlugin(p)));
    expect(Object.keys(parameterNames).sort()).toEqual(modules.sort());
  });

  it('names a function as the specification does', () => {
    const text = generatePluginTypes(loaded.find((p) => p.name === 'wasmedge_process')!);
    expect(text).toContain('  wasmedge_process_add_env(namePointer: number, nameLength: number, valuePointer: number, valueLength: number): void;');
    expect(text).toContain('  wasmedge_process_run(): number;');
  });

  it('agrees with the names in src/types.ts of @ws/image and @ws/tensorflow', () => {
    const image = namesInTypesFile('packages/image/src/types.ts');
    const tensorflow = namesInTypesFile('packages/tensorflow/src/types.ts');
    expect(image.WasmedgeImageFunctions).toEqual(parameterNames.wasmedge_image);
    expect(tensorflow.WasmedgeTensorflowLiteFunctions).toEqual(parameterNames.wasmedge_tensorflowlite);
    expect(tensorflow.WasmedgeTensorflowFunctions).toEqual(parameterNames.wasmedge_tensorflow);
  });
});
