// Encoding 5 (autodetect) picks the backend from the model bytes; encoding 0
// (OpenVINO) reports clearly that the OpenVINO runtime is not installed
// (it cannot be obtained from this project's registries).
import { describe, expect, it } from 'vitest';
import { AUTODETECT, modelDir, runOnnx } from './onnx-guest.js';

describe('autodetect (encoding 5)', () => {
  it('runs an ONNX model and a TFLite model loaded with encoding 5', async () => {
    const run = await runOnnx([
      'load', 'm/scale_shift.onnx', AUTODETECT, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,1,1,1', 'compute', '0', 'get', '0', '0', '16', 'f32',
      'load', 'test-models/build/add_f32.tflite', AUTODETECT, 'init', '1', 'set', '1', '0', '1', '1,4', 'f32:10,20,30,40', 'compute', '1', 'get', '1', '0', '16', 'f32',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 3 3 3 3',
      'load 0 1', 'init 0 1', 'set 0', 'compute 0', 'get 0 16 ok 11 22 33 44',
    ]);
  });

  it('answers InvalidEncoding for bytes of no known format', async () => {
    const run = await runOnnx(['load_text', 'just some text', AUTODETECT, 'load', 'm/truncated.onnx', AUTODETECT, 'load', 'm/red_disc.ppm', AUTODETECT]);
    expect(run.lines).toEqual(['load_text 2 -1', 'load 2 -1', 'load 2 -1']);
  });

  it('works for a preloaded model with the autodetect encoding', async () => {
    const run = await runOnnx(
      ['load_by_name', 'any', 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0', 'get', '0', '0', '16', 'f32'],
      { preloads: [`any:autodetect:CPU:${modelDir}/scale_shift.onnx`] },
    );
    expect(run.lines).toEqual(['load_by_name 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 3 5 7 9']);
  });
});

describe('OpenVINO (encoding 0) without the OpenVINO runtime', () => {
  it('answers InvalidArgument and says once how to install OpenVINO', async () => {
    const run = await runOnnx(['load_text', '<net/>', '0', 'load_text', '<net/>', '0'], { env: { WS_OPENVINO_LIBRARY: '/nonexistent/libopenvino_c.so' } });
    expect(run.lines).toEqual(['load_text 1 -1', 'load_text 1 -1']);
    const messages = run.stderr.split('\n').filter((line) => line.includes('OpenVINO backend not available'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('WS_OPENVINO_LIBRARY=/nonexistent/libopenvino_c.so: file not found');
    expect(messages[0]).toContain('system=libopenvino_c.so');
    expect(messages[0]).toContain('The OpenVINO runtime is not installed: install OpenVINO 2025');
  });
});
