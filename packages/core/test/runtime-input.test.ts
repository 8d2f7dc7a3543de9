// What Runtime and Plugin refuse before any native code is involved: sources
// that are not bytes or a module, option values that are not option values,
// preopens and descriptors node:wasi would reject with UVWASI_* codes, empty paths.
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Plugin } from '../src/plugins/plugin.js';
import { Runtime } from '../src/runtime/runtime.js';
import { isBridgeLoaded } from '../src/native/load-bridge.js';

describe('Runtime input checks', () => {
  it('a path instead of the bytes says to read the file', async () => {
    await expect(new Runtime().run('app.wasm' as unknown as Uint8Array)).rejects.toThrow(
      expect.objectContaining({
        code: 'WS_USAGE',
        message:
          'Runtime.run() and Runtime.instantiate() take the guest\'s bytes (Buffer, Uint8Array, ArrayBuffer) or a WebAssembly.Module, not the string "app.wasm". Read the file first: runtime.run(await readFile("app.wasm")).',
      }),
    );
  });

  it('null, numbers and plain objects are refused by what they are', async () => {
    await expect(new Runtime().instantiate(null as unknown as Uint8Array)).rejects.toThrow(/or a WebAssembly\.Module, not null\.$/);
    await expect(new Runtime().instantiate(42 as unknown as Uint8Array)).rejects.toThrow(/not a number\.$/);
    await expect(new Runtime().instantiate({} as unknown as Uint8Array)).rejects.toThrow(/not an Object\.$/);
  });

  it('bytes that are not WebAssembly still give WS_NOT_WASM', async () => {
    await expect(new Runtime().run(new Uint8Array(0))).rejects.toThrow(expect.objectContaining({ code: 'WS_NOT_WASM' }));
    await expect(new Runtime().run(new ArrayBuffer(4))).rejects.toThrow(expect.objectContaining({ code: 'WS_NOT_WASM' }));
  });

  it('a preopen that is missing or not a directory is named, with the fix (not UVWASI_ENOENT)', async () => {
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await expect(new Runtime({ preopens: { '.': '/no/such/dir' } }).instantiate(empty)).rejects.toThrow(
      expect.objectContaining({
        code: 'WS_PREOPEN',
        message: 'The host directory /no/such/dir preopened as . does not exist. Give an existing directory (ws run --dir GUEST:HOST, RuntimeOptions.preopens).',
      }),
    );
    await expect(new Runtime({ preopens: { data: fileURLToPath(import.meta.url) } }).instantiate(empty)).rejects.toThrow(/preopened as data is not a directory\./);
    await expect(new Runtime({ preopens: { '.': tmpdir() } }).instantiate(empty)).resolves.toBeInstanceOf(WebAssembly.Instance);
  });

  it('a stdin/stdout/stderr that is not an open descriptor names the option (not UVWASI_EBADF)', async () => {
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await expect(new Runtime({ stdout: 999 }).instantiate(empty)).rejects.toThrow(
      expect.objectContaining({
        code: 'WS_USAGE',
        message: "RuntimeOptions.stdout is 999, which is not an open file descriptor. Pass a descriptor from fs.openSync(), or leave stdout out to use the process's own.",
      }),
    );
    await expect(new Runtime({ stdin: -1 }).instantiate(empty)).rejects.toThrow(/RuntimeOptions\.stdin is -1, which is not an open file descriptor/);
    await expect(new Runtime({ stderr: 2 }).instantiate(empty)).resolves.toBeInstanceOf(WebAssembly.Instance);
  });

  it('with no plug-in registered, an unknown import module is an unresolved import and loads nothing native', async () => {
    // (module (import "env" "undefined_symbol" (func)))
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 24, 1, 3, 101, 110, 118, 16, 117, 110, 100, 101, 102, 105, 110, 101, 100, 95, 115, 121, 109, 98, 111, 108, 0, 0]);
    await expect(new Runtime({ discoverPackages: false }).instantiate(bytes)).rejects.toThrow(
      expect.objectContaining({ code: 'WS_IMPORT_UNRESOLVED', message: expect.stringContaining('  env.undefined_symbol: no loaded plug-in or JS module provides this module\n') }),
    );
    expect(isBridgeLoaded()).toBe(false);
  });

  it('a plug-in option written with dashes says to drop them', async () => {
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await expect(new Runtime({ discoverPackages: false, pluginOptions: { '--allow-command': ['ls'] } }).instantiate(empty)).rejects.toThrow(
      expect.objectContaining({
        code: 'WS_PLUGIN_OPTION',
        message: `The plug-in option "--allow-command" is written with dashes. Use the name without them: pluginOptions: { 'allow-command': ... }.`,
      }),
    );
  });

  it('Plugin.loadFromPath with an empty or missing path throws instead of loading the current folder', () => {
    expect(() => Plugin.loadFromPath('')).toThrow(
      expect.objectContaining({
        code: 'WS_PLUGIN_PATH_NOT_FOUND',
        message: "Plugin.loadFromPath() needs the path of a plug-in file or folder, got an empty string. Pass the path (e.g. Plugin.loadFromPath('./plugins')).",
      }),
    );
    expect(() => Plugin.loadFromPath(undefined as unknown as string)).toThrow(/got undefined\./);
    expect(isBridgeLoaded()).toBe(false);
  });

  it('a plug-in option value that is not a string, number, boolean, null or list is refused at construction', () => {
    const make = (value: unknown) => () => new Runtime({ pluginOptions: { greeting: value as string } });
    expect(make({ a: 1 })).toThrow(
      expect.objectContaining({
        code: 'WS_PLUGIN_OPTION',
        message:
          'The plug-in option greeting is an object. Pass a string, number, bigint, boolean, null (the implicit value), or an array of strings/numbers for a repeatable option.',
      }),
    );
    expect(make(['a', { b: 2 }])).toThrow(/greeting is an array with a value that is not a string or number/);
    expect(make(() => 1)).toThrow(/greeting is a function/);
    for (const fine of ['x', 3, 3n, true, false, null, ['a', 2]]) expect(make(fine)).not.toThrow();
    expect(isBridgeLoaded()).toBe(false);
  });
});
