// Bad input from a guest: corrupt models, wrong tensors, unknown handles,
// out-of-range pointers in every function. Each gets an errno, never a crash,
// and nothing is written outside the guest's buffers.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guestModel, models, packageDir, runGuest } from './run-guest.js';

const addF32 = guestModel('add_f32.tflite');
/** load, init and one valid input: the context is ready to compute. */
const ready = ['load', addF32, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4'];
const readyLines = ['load 0 0', 'init 0 0', 'set 0'];

describe('bad input', () => {
  it('rejects corrupt, truncated and zero-length models and host paths given as model bytes', async () => {
    const run = await runGuest([
      'load', guestModel('truncated.tflite'), 'load', guestModel('noise.tflite'), 'load', guestModel('empty.tflite'),
      'load_text', join(models, 'add_f32.tflite'), 'load_text', `preload:${join(models, 'add_f32.tflite')}`, 'load', addF32,
    ]);
    expect(run.lines).toEqual(['load 1 -1', 'load 1 -1', 'load 1 -1', 'load_text 1 -1', 'load_text 1 -1', 'load 0 0']);
    expect(run.code).toBe(0);
  });

  it('rejects inputs of the wrong size, type or shape', async () => {
    const run = await runGuest([
      ...ready.slice(0, 4),
      'set', '0', '0', '1', '1,3', 'f32:1,2,3', // 12 bytes for a 16-byte tensor
      'set', '0', '0', '1', '1,8', 'f32:1,2,3,4,5,6,7,8', // 32 bytes
      'set', '0', '0', '4', '1,4', 'i32:1,2,3,4', // I32 tag, same byte size, f32 model
      'set', '0', '0', '0', '1,8', 'f32:1,2,3,4', // F16 tag
      'set', '0', '0', '2', '1,4', 'f32:1,2,3,4', // F64 (new) / U8 (old) tag
      'set', '0', '0', '5', '1,4', 'f32:1,2,3,4', // I64
      'set', '0', '0', '9', '1,4', 'f32:1,2,3,4', // not a tensor type
      'set', '0', '0', '1', '2,4', 'f32:1,2,3,4', // dims describe 8 elements
      'set', '0', '0', '1', '1,4', 'f32:1,2,3,4',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'set 1', 'set 1', 'set 1', 'set 1', 'set 1', 'set 1', 'set 1', 'set 1', 'set 0']);
  });

  it('answers unknown graph and context ids with InvalidArgument', async () => {
    const run = await runGuest([
      'init', '0', 'init', '0xFFFFFFFF', 'set', '3', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '3', 'get', '3', '0', '16', 'f32',
      'finalize', '3', 'unload', '3', 'compute', '0xFFFFFFFF', 'finalize', '0xFFFFFFFF', 'unload', '0xFFFFFFFF',
    ]);
    expect(run.lines).toEqual([
      'init 1 -1', 'init 1 -1', 'set 1', 'compute 1', 'get 1 -1 untouched', 'finalize 1', 'unload 1', 'compute 1', 'finalize 1', 'unload 1',
    ]);
  });

  it('refuses compute before set_input', async () => {
    const run = await runGuest(['load', addF32, 'init', '0', 'compute', '0']);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'compute 1']);
  });

  it('never writes past a too-small output buffer', async () => {
    const run = await runGuest([...ready, 'compute', '0', 'get', '0', '0', '4', 'f32', 'get', '0', '0', '12', 'f32', 'get', '0', '0', '16', 'f32']);
    expect(run.lines).toEqual([...readyLines, 'compute 0', 'get 7 16 untouched', 'get 7 16 untouched', 'get 0 16 ok 2 4 6 8']);
  });

  it('load rejects out-of-range builder arrays, builders, out-pointers and huge counts', async () => {
    const run = await runGuest([
      'load_raw', 'end', '1', '4', '0', 'end-4', // builder array past the end
      'load_raw', 'end-4', '1', '4', '0', 'end-8', // array half inside
      'load_raw', '0xFFFFFFF8', '1', '4', '0', 'end-4', // array address wraps
      'load_raw', '0', '0x20000000', '4', '0', 'end-4', // 4 GiB of builders
      'load_raw', '0', '1', '4', '0', 'end-2', // graph out-pointer half outside
      'load_raw', '0', '1', '4', '0', '0xFFFFFFFF',
      'load_builder', 'end-8', '16', // builder bytes past the end
      'load_builder', '0xFFFFFFFF', '2',
      'load_builder', '1024', '0xFFFFFFFF',
      'load', addF32,
    ]);
    expect(run.lines).toEqual([
      'load_raw 1', 'load_raw 1', 'load_raw 1', 'load_raw 1', 'load_raw 1', 'load_raw 1',
      'load_builder 1', 'load_builder 1', 'load_builder 1', 'load 0 0',
    ]);
  });

  it('load_by_name and load_by_name_with_config reject out-of-range names, configs and out-pointers', async () => {
    const run = await runGuest(
      [
        'load_by_name_raw', '0xFFFFFFFF', '0', 'end-4', // zero length beyond memory: WasmEdge's own test
        'load_by_name_raw', 'end-2', '4', 'end-8',
        'load_by_name_raw', '1024', '4', 'end-2',
        'load_by_name_raw', 'end', '0', 'end-4', // zero length exactly at the end: in bounds, but no such name
        'load_by_name_with_config_raw', '0xFFFFFFFF', '0', '0', '0', 'end-4',
        'load_by_name_with_config_raw', '1024', '3', 'end-1', '2', 'end-8',
        'load_by_name_with_config_raw', '1024', '3', '0xFFFFFFFF', '1', 'end-8',
        'load_by_name_with_config_raw', '1024', '3', '0', '0', 'end-3',
      ],
      { preloads: [`add:TensorflowLite:CPU:${join(models, 'add_f32.tflite')}`] },
    );
    expect(run.lines).toEqual([
      'load_by_name_raw 1', 'load_by_name_raw 1', 'load_by_name_raw 1', 'load_by_name_raw 8',
      'load_by_name_with_config_raw 1', 'load_by_name_with_config_raw 1', 'load_by_name_with_config_raw 1', 'load_by_name_with_config_raw 1',
    ]);
  });

  it('init_execution_context, set_input and get_output reject out-of-range pointers', async () => {
    const run = await runGuest([
      ...ready, 'compute', '0',
      'init_raw', '0', 'end-3', 'init_raw', '0', '0xFFFFFFFF',
      'set_raw', '0', '0', 'end-19', 'set_raw', '0', '0', '0xFFFFFFFF',
      'set_fields', '0', '0', 'end-4', '2', '1', '1024', '16', // dims past the end
      'set_fields', '0', '0', '1024', '0x40000000', '1', '1024', '16', // 4 GiB of dims
      'set_fields', '0', '0', '1024', '2', '1', 'end-8', '16', // data past the end
      'set_fields', '0', '0', '1024', '2', '1', '1024', '0xFFFFFFFF',
      'get_raw', '0', '0', 'end-8', '16', 'end-64', // output buffer past the end
      'get_raw', '0', '0', '0xFFFFFFFF', '1', 'end-64',
      'get_raw', '0', '0', 'end-64', '16', 'end-2', // bytes_written half outside
      'get', '0', '0', '16', 'f32',
    ]);
    expect(run.lines).toEqual([
      ...readyLines, 'compute 0', 'init_raw 1', 'init_raw 1', 'set_raw 1', 'set_raw 1',
      'set_fields 1', 'set_fields 1', 'set_fields 1', 'set_fields 1', 'get_raw 1', 'get_raw 1', 'get_raw 1', 'get 0 16 ok 2 4 6 8',
    ]);
  });

  it('traps (HostFuncError, as WasmEdge) when the calling guest has no memory', async () => {
    const run = await runGuest([], { wasm: join(packageDir, 'guests', 'build', 'no_memory.wasm') });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('host function wasi_ephemeral_nn.load of plug-in wasi_nn failed with WasmEdge error 0x040e');
  });

  it('reports a missing TensorFlow-Lite backend library once, with what to install', async () => {
    const { mkdtempSync, mkdirSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { pluginDir } = await import('./run-guest.js');
    const lonely = join(mkdtempSync(join(tmpdir(), 'ws-nn-')), 'plugins');
    mkdirSync(lonely);
    copyFileSync(join(pluginDir, 'libwasmedgePluginWasiNN.so'), join(lonely, 'libwasmedgePluginWasiNN.so'));
    const run = await runGuest(['load', addF32, 'load', addF32], { pluginDir: lonely });
    expect(run.lines).toEqual(['load 1 -1', 'load 1 -1']);
    const messages = run.stderr.split('\n').filter((line) => line.startsWith('[ws:wasi-nn]'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^\[ws:wasi-nn\] TensorFlow-Lite backend not available: .*libws_wasi_nn_tflite\.so.*Install @ws\/wasi-nn-tflite \(npm i @ws\/wasi-nn-tflite; its platform package carries TFLite C\), or set WS_TFLITE_LIBRARY=\/path\/libtensorflowlite_c\.so$/);
  });
});
