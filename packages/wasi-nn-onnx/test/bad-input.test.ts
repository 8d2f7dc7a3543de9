// Bad input for the ONNX backend: corrupt models, wrong input index, type,
// rank, shape and size, small output buffers, unknown handles and
// out-of-range pointers. Every case returns an errno; none crashes the host.
import { describe, expect, it } from 'vitest';
import { ONNX, runOnnx } from './onnx-guest.js';

const ready = ['load', 'm/scale_shift.onnx', ONNX, 'init', '0'];

describe('ONNX backend: bad input', () => {
  it('refuses corrupt and foreign models with InvalidArgument, and a GPU or TPU target', async () => {
    const run = await runOnnx([
      'load', 'm/truncated.onnx', ONNX, 'load_text', 'not an onnx model', ONNX, 'load', 'm/red_disc.ppm', ONNX,
      'load', 'm/scale_shift.onnx', ONNX, '1', 'load', 'm/scale_shift.onnx', ONNX, '2', 'load', 'm/scale_shift.onnx', ONNX, '0',
    ]);
    expect(run.lines).toEqual(['load 1 -1', 'load_text 1 -1', 'load 1 -1', 'load 1 -1', 'load 1 -1', 'load 0 0']);
    expect(run.stderr).toContain('[ws:wasi-nn] ONNX: cannot load the model');
    expect(run.stderr).toContain('only the CPU target is available');
    expect(run.code).toBe(0);
  });

  it('refuses a wrong input index, element type, rank, dimension or byte size', async () => {
    const run = await runOnnx([
      ...ready,
      'set', '0', '1', '1', '1,4', 'f32:1,2,3,4', // index 1 of a one-input model
      'set', '0', '0', '3', '1,4', 'u8:1,2,3,4', // u8 for a float input
      'set', '0', '0', '4', '1,4', 'i32:1,2,3,4', // i32 for a float input
      'set', '0', '0', '1', '4', 'f32:1,2,3,4', // rank 1 for rank 2
      'set', '0', '0', '1', '1,5', 'f32:1,2,3,4,5', // fixed dimension 4 given as 5
      'set', '0', '0', '1', '1,4', 'f32:1,2,3', // 12 bytes for 16
      'set', '0', '0', '1', '1,4', 'f32:1,2,3,4,5', // 20 bytes for 16
      'set', '0', '0', '2', '1,4', 'f32:1,2,3,4', // F64 tag: refused by the generic check
      'compute', '0', // nothing set yet
      'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0', 'get', '0', '0', '16', 'f32',
    ]);
    expect(run.lines.slice(2)).toEqual([
      'set 1', 'set 1', 'set 1', 'set 1', 'set 1', 'set 1', 'set 1', 'set 1', 'compute 1',
      'set 0', 'compute 0', 'get 0 16 ok 3 5 7 9',
    ]);
  });

  it('reports the needed size with TooLarge and writes nothing; get_output before compute is InvalidArgument', async () => {
    const run = await runOnnx([
      ...ready, 'get', '0', '0', '64', 'f32',
      'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0',
      'get', '0', '0', '15', 'f32', 'get', '0', '0', '0', 'f32', 'get', '0', '1', '64', 'f32', 'get', '0', '0', '16', 'f32',
    ]);
    expect(run.lines.slice(2)).toEqual([
      'get 1 -1 untouched', 'set 0', 'compute 0', 'get 7 16 untouched', 'get 7 16 ok', 'get 1 -1 untouched', 'get 0 16 ok 3 5 7 9',
    ]);
  });

  it('returns RuntimeError when ONNX Runtime fails during compute, and the context stays usable', async () => {
    const run = await runOnnx([
      'load', 'm/reshape_by_input.onnx', ONNX, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4',
      'set', '0', '1', '4', '2', 'i32:3,3', 'compute', '0', 'get', '0', '0', '16', 'f32',
      'set', '0', '1', '4', '2', 'i32:2,2', 'compute', '0', 'get', '0', '0', '16', 'f32',
    ]);
    expect(run.lines.slice(2)).toEqual(['set 0', 'set 0', 'compute 5', 'get 1 -1 untouched', 'set 0', 'compute 0', 'get 0 16 ok 1 2 3 4']);
    expect(run.stderr).toContain('[ws:wasi-nn] ONNX: compute failed');
  });

  it('refuses unknown handles and out-of-range pointers', async () => {
    const run = await runOnnx([
      ...ready, 'init', '7', 'set', '9', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '9', 'get', '9', '0', '16', 'f32',
      'set_raw', '0', '0', 'end-8', 'set_fields', '0', '0', 'end-4', '2', '1', '0', '16', 'set_fields', '0', '0', '0', '2', '1', 'end-8', '16',
      'set_fields', '0', '0', '0', '0x40000000', '1', '0', '16',
      'get_raw', '0', '0', 'end-8', '16', '0', 'get_raw', '0', '0', '0', '16', 'end-2', 'get_raw', '0', '0', '0xFFFFFFFF', '2', '0',
      'finalize', '9', 'unload', '9', 'finalize', '0', 'unload', '0', 'compute', '0',
    ]);
    expect(run.lines.slice(2)).toEqual([
      'init 1 -1', 'set 1', 'compute 1', 'get 1 -1 untouched', 'set_raw 1', 'set_fields 1', 'set_fields 1', 'set_fields 1',
      'get_raw 1', 'get_raw 1', 'get_raw 1', 'finalize 1', 'unload 1', 'finalize 0', 'unload 0', 'compute 1',
    ]);
    expect(run.code).toBe(0);
  });

  it('refuses "preload:" builders from a guest (host paths come only from --nn-preload)', async () => {
    const run = await runOnnx(['load_text', 'preload:/etc/passwd', ONNX, 'load_text', 'preload:/etc/passwd', '6']);
    expect(run.lines).toEqual(['load_text 1 -1', 'load_text 1 -1']);
  });
});
