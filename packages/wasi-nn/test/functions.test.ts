// Every wasi_ephemeral_nn function through a real guest and real TFLite
// models, with exact outputs (the models are made by scripts/make-test-models.mjs).
import { join } from 'node:path';
import { resolveExtensionOptions } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { guestModel, packageDir, runGuest } from './run-guest.js';

const addF32 = guestModel('add_f32.tflite');

describe('wasi_ephemeral_nn through a guest (TensorFlow-Lite)', () => {
  it('load, init_execution_context, set_input, compute, get_output, finalize_execution_context, unload', async () => {
    const run = await runGuest([
      'load', addF32, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:10,20,30,40', 'compute', '0',
      'get', '0', '0', '16', 'f32', 'finalize', '0', 'unload', '0',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 11 22 33 44', 'finalize 0', 'unload 0']);
    expect(run.code).toBe(0);
  });

  it('hands out graph and context ids from 0 and never reuses them', async () => {
    const run = await runGuest([
      'load', addF32, 'load', addF32, 'unload', '0', 'load', addF32, 'init', '0', 'init', '2', 'init', '2',
      'finalize', '0', 'init', '2', 'finalize', '0', 'unload', '0', 'unload', '7',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'load 0 1', 'unload 0', 'load 0 2', 'init 1 -1', 'init 0 0', 'init 0 1',
      'finalize 0', 'init 0 2', 'finalize 1', 'unload 1', 'unload 1',
    ]);
  });

  it('runs a two-input model and recomputes after new inputs', async () => {
    const run = await runGuest([
      'load', guestModel('add2_f32.tflite'), 'init', '0',
      'set', '0', '0', '1', '2,2', 'f32:1,2,3,4', 'compute', '0',
      'set', '0', '1', '1', '2,2', 'f32:10,20,30,40', 'compute', '0', 'get', '0', '0', '16', 'f32',
      'set', '0', '0', '1', '2,2', 'f32:0.5,0.5,0.5,0.5', 'compute', '0', 'get', '0', '0', '16', 'f32',
      'set', '0', '2', '1', '2,2', 'f32:1,2,3,4',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'set 0', 'compute 1', 'set 0', 'compute 0', 'get 0 16 ok 11 22 33 44',
      'set 0', 'compute 0', 'get 0 16 ok 10.5 20.5 30.5 40.5', 'set 1',
    ]);
  });

  it('returns every output of a two-output model by index', async () => {
    const run = await runGuest([
      'load', guestModel('two_outputs.tflite'), 'init', '0', 'set', '0', '0', '1', '1,3', 'f32:1,2,3', 'compute', '0',
      'get', '0', '0', '12', 'f32', 'get', '0', '1', '12', 'f32', 'get', '0', '2', '12', 'f32',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 12 ok 3 4 5', 'get 0 12 ok 2 4 6', 'get 1 -1 untouched',
    ]);
  });

  it('runs uint8 and int32 models', async () => {
    const run = await runGuest([
      'load', guestModel('cast_u8.tflite'), 'init', '0', 'set', '0', '0', '3', '1,4', 'u8:1,2,3,255', 'compute', '0', 'get', '0', '0', '16', 'f32',
      'load', guestModel('add_i32.tflite'), 'init', '1', 'set', '1', '0', '4', '1,4', 'i32:1,2,3,-4', 'compute', '1', 'get', '1', '0', '16', 'i32',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 1 2 3 255',
      'load 0 1', 'init 0 1', 'set 0', 'compute 0', 'get 0 16 ok 101 202 303 396',
    ]);
  });

  it('get_output reports the required size with TooLarge and copies nothing; a larger buffer works', async () => {
    const run = await runGuest([
      'load', addF32, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:10,20,30,40', 'compute', '0',
      'get', '0', '0', '15', 'f32', 'get', '0', '0', '0', 'f32', 'get', '0', '0', '100', 'f32',
    ]);
    expect(run.lines.slice(4)).toEqual(['get 7 16 untouched', 'get 7 16 ok', 'get 0 16 ok 11 22 33 44']);
  });

  it('drains a context after its graph is unloaded, but refuses to compute or set inputs', async () => {
    const run = await runGuest([
      'load', addF32, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,1,1,1', 'compute', '0', 'unload', '0',
      'get', '0', '0', '16', 'f32', 'compute', '0', 'set', '0', '0', '1', '1,4', 'f32:1,1,1,1', 'init', '0',
      'unload', '0', 'finalize', '0', 'get', '0', '0', '16', 'f32',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'set 0', 'compute 0', 'unload 0', 'get 0 16 ok 2 3 4 5', 'compute 1', 'set 1',
      'init 1 -1', 'unload 1', 'finalize 0', 'get 1 -1 untouched',
    ]);
  });

  it('compute_single, fini_single and get_output_single exist and answer InvalidArgument for TensorFlow-Lite', async () => {
    const run = await runGuest([
      'load', addF32, 'init', '0', 'compute_single', '0', 'fini_single', '0', 'get_single', '0', '0', '16', 'u8',
      'compute_single', '9', 'fini_single', '9', 'get_single', '9', '0', '16', 'u8',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'compute_single 1', 'fini_single 1', 'get_single 1 -1 untouched',
      'compute_single 1', 'fini_single 1', 'get_single 1 -1 untouched',
    ]);
  });

  it('checks encodings and targets as WasmEdge does', async () => {
    const run = await runGuest([
      'load', addF32, '5', 'load', addF32, '8', 'load', addF32, '15', 'load', addF32, '0', 'load', addF32, '260',
      'load', addF32, '4', '1', 'load', addF32, '4', '3', 'load', addF32, '4', '7', 'load_n', addF32, '2', 'load_n', addF32, '0',
    ]);
    expect(run.lines).toEqual([
      // 5 (autodetect) recognises the TFLite flatbuffer; 0 (OpenVINO) has no runtime installed here.
      'load 0 0', 'load 2 -1', 'load 2 -1', 'load 1 -1', 'load 0 1',
      'load 1 -1', 'load 1 -1', 'load 1 -1', 'load_n 1 -1', 'load_n 1 -1',
    ]);
    expect(run.stderr).toContain('[ws:wasi-nn] OpenVINO backend not available');
  });

  it('uses the thread count given by --nn-threads', async () => {
    const run = await runGuest(['load', addF32, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0', 'get', '0', '0', '16', 'f32'], {
      cliArgs: ['--nn-threads', '1'],
    });
    expect(run.lines.at(-1)).toBe('get 0 16 ok 2 4 6 8');
  });

  it('gives the same results without the XNNPACK delegate (WS_TFLITE_XNNPACK=0)', async () => {
    const script = ['load', guestModel('two_outputs.tflite'), 'init', '0', 'set', '0', '0', '1', '1,3', 'f32:1.5,-2,3', 'compute', '0', 'get', '0', '0', '12', 'f32', 'get', '0', '1', '12', 'f32'];
    const [withXnnpack, without] = await Promise.all([runGuest(script), runGuest(script, { env: { WS_TFLITE_XNNPACK: '0' } })]);
    expect(withXnnpack.lines.slice(-2)).toEqual(['get 0 12 ok 3.5 0 5', 'get 0 12 ok 3 -4 6']);
    expect(without.lines).toEqual(withXnnpack.lines);
  });

  it('finds TFLite through --nn-tflite-library, and says so when WS_TFLITE_LIBRARY is wrong but carries on', async () => {
    const script = ['load', addF32, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0', 'get', '0', '0', '16', 'f32'];
    const library = resolveExtensionOptions(join(packageDir, 'node_modules', '@ws', 'wasi-nn-tflite'), 'wasi_nn')['nn-tflite-library'];
    expect(library).toMatch(/libtensorflowlite_c\.so$/);
    const viaOption = await runGuest(script, { cliArgs: ['--nn-tflite-library', library!] });
    expect(viaOption.lines.at(-1)).toBe('get 0 16 ok 2 4 6 8');
    const badEnv = await runGuest(script, { env: { WS_TFLITE_LIBRARY: '/no/such/libtensorflowlite_c.so' } });
    expect(badEnv.lines.at(-1)).toBe('get 0 16 ok 2 4 6 8');
    expect(badEnv.stderr).toContain('[ws:wasi-nn] Ignoring bad configuration: WS_TFLITE_LIBRARY=/no/such/libtensorflowlite_c.so');
  });

  it('loads the backend and TFLite only at the first load with the TensorFlow-Lite encoding', async () => {
    const run = await runGuest(
      [
        'mapped', 'libwasmedgePluginWasiNN', 'mapped', 'libws_wasi_nn_tflite', 'mapped', 'libtensorflowlite_c',
        'load_by_name', 'nope', 'load', addF32, '8', 'mapped', 'libws_wasi_nn_tflite',
        'load', addF32, 'mapped', 'libws_wasi_nn_tflite', 'mapped', 'libtensorflowlite_c',
      ],
      { cliArgs: ['--dir', '/proc:/proc'] },
    );
    expect(run.lines).toEqual([
      'mapped libwasmedgePluginWasiNN yes', 'mapped libws_wasi_nn_tflite no', 'mapped libtensorflowlite_c no',
      'load_by_name 8 -1', 'load 2 -1', 'mapped libws_wasi_nn_tflite no',
      'load 0 0', 'mapped libws_wasi_nn_tflite yes', 'mapped libtensorflowlite_c yes',
    ]);
  });
});
