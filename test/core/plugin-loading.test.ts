// Loading real plug-in files through @ws/core: good ones register, every
// broken fixture gives its coded error naming the file, and the process goes on.
import { Plugin, PluginLoadError } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PLUGIN, fixtureDir } from '../helpers/paths.js';

function loadError(path: string): PluginLoadError {
  try {
    Plugin.loadFromPath(path);
  } catch (error) {
    expect(error).toBeInstanceOf(PluginLoadError);
    return error as PluginLoadError;
  }
  throw new Error(`loading ${path} did not fail`);
}

describe('Plugin.loadFromPath with good plug-ins', () => {
  it('loads the fixture plug-in and describes it from its descriptor', () => {
    const [plugin] = Plugin.loadFromPath(FIXTURE_PLUGIN);
    expect(plugin!.name).toBe('ws_fixture');
    expect(Plugin.list()).toContain('ws_fixture');
    expect(Plugin.find('ws_fixture')).toBe(plugin);
    expect(plugin!.apiVersion).toBe(5);
    expect(plugin!.path).toBe(FIXTURE_PLUGIN);
    expect(plugin!.listModules()).toEqual(['ws_fixture']);
    expect(plugin!.options.map((o) => [o.name, o.type, o.defaultValue])).toEqual([
      ['greeting', 'string', 'hello'],
      ['scale', 'int32', null],
      ['verbose', 'toggle', null],
      ['ratio', 'double', null],
      ['tags', 'string-list', null],
    ]);
  });

  it('loading the same file again returns the same plug-in', () => {
    const [first] = Plugin.loadFromPath(FIXTURE_PLUGIN);
    const [second] = Plugin.loadFromPath(FIXTURE_PLUGIN);
    expect(second).toBe(first);
  });

  it('loads a directory of plug-ins', () => {
    const loaded = Plugin.loadFromPath(fixtureDir('wasmedge_plugintest_c'));
    expect(loaded.map((p) => p.name)).toEqual(['wasmedge_plugintest_c']);
    expect(loaded[0]!.listModules()).toEqual(['wasmedge_plugintest_c_module']);
  });

  it('creates module instances with their functions and types', () => {
    const module = Plugin.find('ws_fixture')!.createModule('ws_fixture');
    expect(module.name).toBe('ws_fixture');
    expect(module.listFunctions()).toContain('add_i32');
    expect(module.functionType('add_i64')).toEqual({ params: ['i64', 'i64'], results: ['i64'] });
    expect(module.functionType('divmod')).toEqual({ params: ['i32', 'i32'], results: ['i32', 'i32'] });
    expect(module.functionType('mixed')).toEqual({ params: ['i32', 'i64', 'f32', 'f64'], results: ['f64'] });
    expect(module.functionType('nope')).toBeUndefined();
    module.dispose();
    expect(module.disposed).toBe(true);
  });

  it('refuses an unknown module name with the list of modules', () => {
    expect(() => Plugin.find('ws_fixture')!.createModule('nope')).toThrow(/has no module nope; it has: ws_fixture/);
  });
});

describe('Plugin.loadFromPath with broken plug-ins', () => {
  const cases: [string, string, RegExp][] = [
    ['not_a_library', 'WS_PLUGIN_NOT_SHARED_LIBRARY', /libnot_a_library\.so is not an ELF file/],
    ['no_descriptor', 'WS_PLUGIN_NO_DESCRIPTOR', /does not export WasmEdge_Plugin_GetDescriptor/],
    ['missing_dependency', 'WS_PLUGIN_DLOPEN_FAILED', /libws_gone\.so: cannot open shared object file/],
    ['null_descriptor', 'WS_PLUGIN_NULL_DESCRIPTOR', /returned NULL/],
    ['cxx_plugin', 'WS_PLUGIN_CXX', /WasmEdge C\+\+ plug-in/],
    ['unknown_symbol_version', 'WS_PLUGIN_SYMBOL_VERSION', /WASMEDGE_9\.99/],
    ['arm64_plugin', 'WS_PLUGIN_NOT_SHARED_LIBRARY', /for aarch64, this host is x86_64/],
    ['wrong_api_version', 'WS_PLUGIN_API_MISMATCH', /plug-in API version 2/],
  ];
  for (const [folder, code, message] of cases) {
    it(`${folder}: ${code} naming the file, and the process keeps running`, async () => {
      const { readdirSync } = await import('node:fs');
      const file = readdirSync(fixtureDir(folder)).find((f) => f.endsWith('.so'))!;
      const path = `${fixtureDir(folder)}/${file}`;
      const error = loadError(path);
      expect(error.code).toBe(code);
      expect(error.path).toBe(path);
      expect(error.message).toContain(path);
      expect(error.message).toMatch(message);
      expect(Plugin.rejected().some((r) => r.path === path && r.code === code)).toBe(true);
    });
  }

  it('a missing path is WS_PLUGIN_PATH_NOT_FOUND', () => {
    expect(loadError('/no/such/plugin.so').code).toBe('WS_PLUGIN_PATH_NOT_FOUND');
  });

  it('two plug-ins with the same name: the first wins, the second is reported', () => {
    const loaded = Plugin.loadFromPath(fixtureDir('duplicate_name'));
    expect(loaded.map((p) => p.name)).toEqual(['ws_duplicate']);
    expect(Plugin.find('ws_duplicate')!.path).toMatch(/libdup_a\.so$/);
    const rejection = Plugin.rejected().find((r) => r.path.endsWith('libdup_b.so'))!;
    expect(rejection.code).toBe('WS_PLUGIN_DUPLICATE');
    expect(rejection.message).toMatch(/already loaded from .*libdup_a\.so/);
    const module = Plugin.find('ws_duplicate')!.createModule(Plugin.find('ws_duplicate')!.listModules()[0]!);
    expect(module.bind().which!()).toBe(1);
    module.dispose();
  });
});

describe('plug-in options', () => {
  it('rejects unknown options and bad values with the parser message', () => {
    const plugin = Plugin.find('ws_fixture')!;
    expect(() => plugin.setOption('nope', 'x')).toThrow(expect.objectContaining({ code: 'WS_PLUGIN_OPTION' }));
    expect(() => plugin.setOption('scale', 'twelve')).toThrow(/scale/);
    expect(() => plugin.setOption('scale', '99999999999')).toThrow(/scale/);
    expect(() => plugin.setOption('scale', null)).toThrow(/needs a value/);
    plugin.resetOptions();
  });
});
