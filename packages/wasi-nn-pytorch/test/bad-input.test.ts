// Bad input for the PyTorch backend: corrupt models, wrong targets, wrong
// input types, sizes and shapes, non-tensor results, small output buffers,
// unknown handles and out-of-range pointers. Nothing crashes the host.
import { describe, expect, it } from 'vitest';
import { libtorchPresent, PYTORCH, runTorch } from './torch-guest.js';

describe.runIf(libtorchPresent)('PyTorch backend: bad input', () => {
  it('refuses corrupt models, non-TorchScript bytes, several builders and targets other than CPU', async () => {
    const run = await runTorch([
      'load', 'm/truncated.pt', PYTORCH, 'load_text', 'not a model', PYTORCH,
      'load', 'm/scale_shift.pt', PYTORCH, '1', 'load', 'm/scale_shift.pt', PYTORCH, '2', 'load', 'm/scale_shift.pt', PYTORCH, '0',
    ]);
    expect(run.lines).toEqual(['load 1 -1', 'load_text 1 -1', 'load 1 -1', 'load 1 -1', 'load 0 0']);
    expect(run.stderr).toContain('[ws:wasi-nn] PyTorch: cannot load the model');
  });

  it('accepts F32 only and a byte size equal to the dimensions; a shape forward() rejects is RuntimeError', async () => {
    const run = await runTorch([
      'load', 'm/scale_shift.pt', PYTORCH, 'init', '0',
      'set', '0', '0', '3', '1,4', 'u8:1,2,3,4', 'set', '0', '0', '4', '1,4', 'i32:1,2,3,4', 'set', '0', '0', '0', '1,2', 'u8:0,60,0,60',
      'set', '0', '0', '1', '1,4', 'f32:1,2,3', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4,5', 'set', '0', '300', '1', '1', 'f32:1',
      'load', 'm/colour_classifier.pt', PYTORCH, 'init', '1', 'set', '1', '0', '1', '1,2', 'f32:1,2', 'compute', '1', 'get', '1', '0', '12', 'f32',
    ]);
    expect(run.lines.slice(2)).toEqual([
      'set 1', 'set 1', 'set 1', 'set 1', 'set 1', 'set 1', 'load 0 1', 'init 0 1', 'set 0', 'compute 5', 'get 1 -1 untouched',
    ]);
    expect(run.stderr).toContain('[ws:wasi-nn] PyTorch: compute failed');
  });

  it('refuses a forward() result that is not tensors, and get_output before compute', async () => {
    const run = await runTorch(['load', 'm/count_elements.pt', PYTORCH, 'init', '0', 'get', '0', '0', '4', 'f32', 'set', '0', '0', '1', '2', 'f32:1,2', 'compute', '0']);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'get 1 -1 untouched', 'set 0', 'compute 1']);
    expect(run.stderr).toContain('forward() returned Int');
  });

  it('reports the needed size with TooLarge and writes nothing', async () => {
    const run = await runTorch([
      'load', 'm/scale_shift.pt', PYTORCH, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0',
      'get', '0', '0', '15', 'f32', 'get', '0', '0', '0', 'f32', 'get', '0', '0', '16', 'f32',
    ]);
    expect(run.lines.slice(4)).toEqual(['get 7 16 untouched', 'get 7 16 ok', 'get 0 16 ok 3 5 7 9']);
  });

  it('refuses unknown handles and out-of-range pointers', async () => {
    const run = await runTorch([
      'load', 'm/scale_shift.pt', PYTORCH, 'init', '0', 'init', '5', 'set', '4', '0', '1', '1', 'f32:1', 'compute', '4', 'get', '4', '0', '4', 'f32',
      'set_fields', '0', '0', 'end-4', '2', '1', '0', '16', 'set_fields', '0', '0', '0', '1', '1', 'end-2', '4', 'get_raw', '0', '0', 'end-2', '4', '0',
      'finalize', '4', 'unload', '4',
    ]);
    expect(run.lines.slice(2)).toEqual([
      'init 1 -1', 'set 1', 'compute 1', 'get 1 -1 untouched', 'set_fields 1', 'set_fields 1', 'get_raw 1', 'finalize 1', 'unload 1',
    ]);
  });
});
