// `ws doctor` lists every wasi_nn backend library with the runtime and
// version it found, and whether it loads.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../../wasi-nn/test/run-guest.js';
import { plugins } from './onnx-guest.js';

describe('ws doctor: wasi_nn backends', () => {
  it('probes each backend library', () => {
    let output: string;
    try {
      output = execFileSync(process.execPath, [cliPath, 'doctor', '--plugin-path', plugins], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout; // doctor exits 1 when another plug-in fails; the lines are still there
    }
    const lines = output.split('\n');
    const start = lines.findIndex((line) => line.trim() === 'backends:');
    expect(start).toBeGreaterThan(0);
    const backendLines = lines.slice(start + 1).filter((line) => line.startsWith('      ')).map((line) => line.trim());
    expect(backendLines.find((line) => line.startsWith('ONNX (encoding 1): '))).toMatch(
      /^ONNX \(encoding 1\): loads, ONNX Runtime 1\.30\.0 \(C API 30\) \(.*onnxruntime-node\/bin\/napi-v6\/linux\/x64\/libonnxruntime\.so\.1\)$/,
    );
    expect(backendLines.find((line) => line.startsWith('GGML'))).toMatch(/^GGML \/ llama\.cpp \(encoding 6\): loads, llama\.cpp libllama .*libllama\.v0\.5\.0\.so\)$/);
    expect(backendLines.find((line) => line.startsWith('OpenVINO'))).toMatch(/^OpenVINO \(encoding 0\): NOT AVAILABLE: .*libopenvino_c\.so/);
    expect(backendLines.find((line) => line.startsWith('PyTorch'))).toMatch(/^PyTorch \(encoding 3\): (loads, libtorch 1\.13\.\d|not installed)/);
    expect(backendLines.find((line) => line.startsWith('TensorFlow-Lite'))).toMatch(/^TensorFlow-Lite \(encoding 4\): /);
  });
});
