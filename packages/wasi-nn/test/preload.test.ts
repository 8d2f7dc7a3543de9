// Named models: --nn-preload, load_by_name, load_by_name_with_config, and
// errors at start-up for preloads that cannot be used.
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { loadWasiNnPlugin, WasiNnError, wasiNnPluginOptions } from '../src/index.js';
import { models, packageDir, runGuest } from './run-guest.js';

const addPath = join(models, 'add_f32.tflite');
const preloads = [`add:TensorflowLite:CPU:${addPath}`, `two:tensorflowlite:cpu:${join(models, 'two_outputs.tflite')}`, `gpu:TensorflowLite:GPU:${addPath}`];

describe('named models', () => {
  it('load_by_name returns one handle per live name and a new one after unload', async () => {
    const run = await runGuest(
      [
        'load_by_name', 'add', 'load_by_name', 'add', 'load_by_name', 'two', 'init', '0',
        'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0', 'get', '0', '0', '16', 'f32',
        'unload', '0', 'load_by_name', 'add', 'get', '0', '0', '16', 'f32',
      ],
      { preloads },
    );
    expect(run.lines).toEqual([
      'load_by_name 0 0', 'load_by_name 0 0', 'load_by_name 0 1', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 2 4 6 8',
      'unload 0', 'load_by_name 0 2', 'get 0 16 ok 2 4 6 8',
    ]);
  });

  it('answers NotFound for unknown names and for host paths: models are read only from the preload list', async () => {
    const run = await runGuest(['load_by_name', 'nope', 'load_by_name', addPath, 'load_by_name', `preload:${addPath}`, 'load_by_name', 'ad'], { preloads });
    expect(run.lines).toEqual(['load_by_name 8 -1', 'load_by_name 8 -1', 'load_by_name 8 -1', 'load_by_name 8 -1']);
  });

  it('load_by_name_with_config: an empty config loads, a config becomes an extra builder, a cached name ignores it', async () => {
    const run = await runGuest(
      ['load_by_name_with_config', 'add', '{"x":1}', 'load_by_name_with_config', 'add', '', 'load_by_name_with_config', 'add', '{"x":1}', 'load_by_name_with_config', 'nope', ''],
      { preloads },
    );
    expect(run.lines).toEqual(['load_by_name_with_config 1 -1', 'load_by_name_with_config 0 0', 'load_by_name_with_config 0 0', 'load_by_name_with_config 8 -1']);
  });

  it('passes the preload target to the backend (TensorFlow-Lite runs on CPU only)', async () => {
    const run = await runGuest(['load_by_name', 'gpu'], { preloads });
    expect(run.lines).toEqual(['load_by_name 1 -1']);
  });

  it('fails at start-up, naming the file, when a preloaded model does not exist', async () => {
    const run = await runGuest(['load_by_name', 'add'], { preloads: ['add:TensorflowLite:CPU:/no/such/model.tflite'] });
    expect(run.code).not.toBe(0);
    expect(run.lines).toEqual([]);
    expect(run.stderr).toContain("[ws:wasi-nn] --nn-preload add: cannot read model file '/no/such/model.tflite': No such file or directory. Check the path.");
  });

  it('fails at start-up on malformed entries, unknown encodings and unknown targets', async () => {
    const cases: [string, string][] = [
      ['add', 'expected NAME:ENCODING:TARGET:PATH[:PATH]'],
      [`add:TFLiteX:CPU:${addPath}`, "unknown encoding 'TFLiteX'"],
      [`add:TensorflowLite:NPU:${addPath}`, "unknown target 'NPU'"],
    ];
    for (const [preload, message] of cases) {
      const run = await runGuest(['load_by_name', 'add'], { preloads: [preload] });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(message);
    }
  });

  it('validates preloads given as JS options at once', () => {
    expect(() => wasiNnPluginOptions({ preloads: [{ name: 'add', encoding: 'TensorflowLite', paths: ['/no/such/model.tflite'] }] })).toThrow(
      new WasiNnError('WS_NN_PRELOAD', "nn-preload add:TensorflowLite:CPU:/no/such/model.tflite: model file '/no/such/model.tflite' does not exist. Check the path."),
    );
    expect(() => wasiNnPluginOptions({ preloads: ['add:onnxx:CPU:/x'] })).toThrow(/unknown encoding 'onnxx'/);
    expect(() => wasiNnPluginOptions({ threads: -1 })).toThrow(/threads must be a whole number/);
    const options = wasiNnPluginOptions({ preloads: [`add:TensorflowLite:CPU:${addPath}`], threads: 2 });
    expect(options['nn-preload']).toEqual([`add:TensorflowLite:CPU:${addPath}`]);
    expect(options['nn-threads']).toBe(2);
    expect(Object.keys(options)).toEqual(['nn-preload', 'nn-threads']);
  });

  it('the backend package next to this one gives its options when the plug-in is configured', () => {
    const plugin = loadWasiNnPlugin();
    expect(plugin.extensions.map((extension) => extension.packageName)).toContain('@ws/wasi-nn-tflite');
    expect(plugin.configure(wasiNnPluginOptions({ threads: 1 }))).toEqual(expect.arrayContaining(['nn-threads', 'nn-tflite-library']));
    plugin.resetOptions();
  });

  it('takes preloads and threads as JS options of a Runtime', async () => {
    loadWasiNnPlugin();
    const outPath = join(mkdtempSync(join(tmpdir(), 'ws-nn-')), 'stdout.txt');
    const stdout = openSync(outPath, 'w');
    const runtime = new Runtime({
      args: ['nn_script.wasm', 'load_by_name', 'add', 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0', 'get', '0', '0', '16', 'f32'],
      preopens: { '.': packageDir },
      stdout,
      pluginOptions: wasiNnPluginOptions({ preloads: [{ name: 'add', encoding: 'TensorflowLite', paths: [addPath] }], threads: 1 }),
      discoverPackages: false,
    });
    const code = await runtime.run(readFileSync(join(packageDir, 'guests', 'build', 'nn_script.wasm')));
    runtime.dispose();
    closeSync(stdout);
    expect(code).toBe(0);
    expect(readFileSync(outPath, 'utf8').trim().split('\n')).toEqual(['load_by_name 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 2 4 6 8']);
  });
});
