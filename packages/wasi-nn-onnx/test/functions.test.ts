// The ONNX backend (encoding 1) through a real guest and real ONNX Runtime,
// with exact outputs (models from scripts/models.mjs).
import { describe, expect, it } from 'vitest';
import { modelDir, ONNX, runOnnx } from './onnx-guest.js';

describe('wasi_ephemeral_nn with the ONNX backend', () => {
  it('loads, runs and returns y = 2x + 1', async () => {
    const run = await runOnnx([
      'load', 'm/scale_shift.onnx', ONNX, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0',
      'get', '0', '0', '16', 'f32', 'finalize', '0', 'unload', '0',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 3 5 7 9', 'finalize 0', 'unload 0']);
    expect(run.code).toBe(0);
  });

  it('sets inputs and reads outputs by index, and recomputes after a new input', async () => {
    const run = await runOnnx([
      'load', 'm/sum_product.onnx', ONNX, 'init', '0',
      'set', '0', '0', '1', '2,2', 'f32:1,2,3,4', 'compute', '0',
      'set', '0', '1', '1', '2,2', 'f32:10,20,30,40', 'compute', '0',
      'get', '0', '0', '16', 'f32', 'get', '0', '1', '16', 'f32', 'get', '0', '2', '16', 'f32',
      'set', '0', '1', '1', '2,2', 'f32:0.5,0.5,0.5,0.5', 'compute', '0', 'get', '0', '1', '16', 'f32',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'set 0', 'compute 1', 'set 0', 'compute 0',
      'get 0 16 ok 11 22 33 44', 'get 0 16 ok 10 40 90 160', 'get 1 -1 untouched',
      'set 0', 'compute 0', 'get 0 16 ok 0.5 1 1.5 2',
    ]);
  });

  it('takes the shape from the guest for dynamic dimensions', async () => {
    const run = await runOnnx([
      'load', 'm/dynamic_relu.onnx', ONNX, 'init', '0',
      'set', '0', '0', '1', '2,3', 'f32:-1,2,-3,4,-5,6', 'compute', '0', 'get', '0', '0', '64', 'f32',
      'set', '0', '0', '1', '1,3', 'f32:7,-8,9', 'compute', '0', 'get', '0', '0', '64', 'f32',
    ]);
    expect(run.lines.slice(2)).toEqual(['set 0', 'compute 0', 'get 0 24 ok 0 2 0 4 0 6', 'set 0', 'compute 0', 'get 0 12 ok 7 0 9']);
  });

  it('accepts u8, i32 and f16 inputs and returns raw bytes of any output type (int64 here)', async () => {
    const run = await runOnnx([
      'load', 'm/cast_u8.onnx', ONNX, 'init', '0', 'set', '0', '0', '3', '1,4', 'u8:1,2,3,255', 'compute', '0', 'get', '0', '0', '16', 'f32',
      'load', 'm/add_i32.onnx', ONNX, 'init', '1', 'set', '1', '0', '4', '1,4', 'i32:1,2,3,-4', 'compute', '1', 'get', '1', '0', '16', 'i32',
      // f16 1.0 = 0x3C00, -2.0 = 0xC000 (little-endian bytes)
      'load', 'm/identity_f16.onnx', ONNX, 'init', '2', 'set', '2', '0', '0', '1,2', 'u8:0,60,0,192', 'compute', '2', 'get', '2', '0', '4', 'u8',
      'load', 'm/argmax.onnx', ONNX, 'init', '3', 'set', '3', '0', '1', '1,5', 'f32:0.1,0.2,0.9,0.3,0.5', 'compute', '3', 'get', '3', '0', '8', 'i32',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 1 2 3 255',
      'load 0 1', 'init 0 1', 'set 0', 'compute 0', 'get 0 16 ok 101 102 103 96',
      'load 0 2', 'init 0 2', 'set 0', 'compute 0', 'get 0 4 ok 0 60 0 192',
      'load 0 3', 'init 0 3', 'set 0', 'compute 0', 'get 0 8 ok 2 0',
    ]);
  });

  it('loads a preloaded ONNX model by name (AUTO target allowed there) and caches its handle', async () => {
    const run = await runOnnx(
      ['load_by_name', 'scale', 'load_by_name', 'scale', 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:0,0,0,1', 'compute', '0', 'get', '0', '0', '16', 'f32'],
      { preloads: [`scale:ONNX:AUTO:${modelDir}/scale_shift.onnx`] },
    );
    expect(run.lines).toEqual(['load_by_name 0 0', 'load_by_name 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 1 1 1 3']);
  });
});
