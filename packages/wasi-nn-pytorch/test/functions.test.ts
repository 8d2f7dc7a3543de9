// The PyTorch backend (encoding 3) on Debian's libtorch 1.13, through a real
// guest, with TorchScript models made by scripts/make_models.py.
import { describe, expect, it } from 'vitest';
import { libtorchPresent, modelDir, PYTORCH, runTorch } from './torch-guest.js';

describe.runIf(libtorchPresent)('wasi_ephemeral_nn with the PyTorch backend', () => {
  it('loads TorchScript, runs forward and returns y = 2x + 1', async () => {
    const run = await runTorch([
      'load', 'm/scale_shift.pt', PYTORCH, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0',
      'get', '0', '0', '16', 'f32', 'finalize', '0', 'unload', '0',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 3 5 7 9', 'finalize 0', 'unload 0']);
  });

  it('passes inputs positionally, needs every slot set, and returns tuple and list outputs by index', async () => {
    const run = await runTorch([
      'load', 'm/sum_product.pt', PYTORCH, 'init', '0', 'compute', '0', 'set', '0', '1', '1', '2', 'f32:1,2', 'compute', '0',
      'set', '0', '0', '1', '2', 'f32:3,4', 'compute', '0', 'get', '0', '0', '8', 'f32', 'get', '0', '1', '8', 'f32', 'get', '0', '2', '8', 'f32',
      'load', 'm/split_list.pt', PYTORCH, 'init', '1', 'set', '1', '0', '1', '2,2', 'f32:1,2,3,4', 'compute', '1',
      'get', '1', '0', '8', 'f32', 'get', '1', '1', '8', 'f32',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'compute 1', 'set 0', 'compute 1', 'set 0', 'compute 0',
      'get 0 8 ok 4 6', 'get 0 8 ok 3 8', 'get 1 -1 untouched',
      'load 0 1', 'init 0 1', 'set 0', 'compute 0', 'get 0 8 ok 1 2', 'get 0 8 ok 30 40',
    ]);
  });

  it('replaces outputs on every compute (WasmEdge appends them)', async () => {
    const run = await runTorch([
      'load', 'm/scale_shift.pt', PYTORCH, 'init', '0', 'set', '0', '0', '1', '2', 'f32:1,1', 'compute', '0',
      'set', '0', '0', '1', '2', 'f32:5,6', 'compute', '0', 'get', '0', '0', '8', 'f32', 'get', '0', '1', '8', 'f32',
    ]);
    expect(run.lines.slice(5)).toEqual(['compute 0', 'get 0 8 ok 11 13', 'get 1 -1 untouched']);
  });

  it('classifies the colour of a tiny image with a small CNN', async () => {
    // 1x3x2x2: a reddish image, then a blueish one.
    const run = await runTorch([
      'load', 'm/colour_classifier.pt', PYTORCH, 'init', '0',
      'set', '0', '0', '1', '1,3,2,2', 'f32:0.9,0.8,0.9,1,0.1,0.2,0.1,0,0.1,0.1,0.2,0', 'compute', '0', 'get', '0', '0', '12', 'f32',
      'set', '0', '0', '1', '1,3,2,2', 'f32:0.2,0.2,0.2,0.2,0.4,0.4,0.4,0.4,0.9,0.9,0.9,0.9', 'compute', '0', 'get', '0', '0', '12', 'f32',
    ]);
    const probabilities = (line: string) => line.split(' ').slice(4).map(Number);
    const red = probabilities(run.lines[4]);
    const blue = probabilities(run.lines[7]);
    expect(red.indexOf(Math.max(...red))).toBe(0);
    expect(blue.indexOf(Math.max(...blue))).toBe(2);
    expect(red.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('loads a preloaded TorchScript model by name', async () => {
    const run = await runTorch(['load_by_name', 'scale', 'init', '0', 'set', '0', '0', '1', '1', 'f32:10', 'compute', '0', 'get', '0', '0', '4', 'f32'], {
      preloads: [`scale:PyTorch:CPU:${modelDir}/scale_shift.pt`],
    });
    expect(run.lines).toEqual(['load_by_name 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 4 ok 21']);
  });

  it('loads TorchScript with autodetect (5) from the zip signature', async () => {
    const run = await runTorch(['load', 'm/scale_shift.pt', '5', 'init', '0', 'set', '0', '0', '1', '1', 'f32:0', 'compute', '0', 'get', '0', '0', '4', 'f32']);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 4 ok 1']);
  });
});

describe.skipIf(libtorchPresent)('PyTorch backend without libtorch', () => {
  it('answers InvalidArgument and names what to install', async () => {
    const run = await runTorch(['load_text', 'PK\u0003\u0004', PYTORCH]);
    expect(run.lines).toEqual(['load_text 1 -1']);
    expect(run.stderr).toContain('PyTorch backend not available');
    expect(run.stderr).toContain('apt-get install libtorch-dev');
  });
});
