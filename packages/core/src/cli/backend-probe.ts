import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadKoffi } from '../runtime/native-functions.js';

/**
 * Optional backend libraries that plug-ins load by path, probed for
 * `ws doctor` with koffi (dlopen + dlclose): no plug-in is loaded.
 */
interface Backend {
  name: string;
  /** Which plug-in uses it. */
  usedBy: string;
  /** Library names the dynamic loader may find, or absolute paths. */
  candidates: () => string[];
}

const tfliteDir: Partial<Record<string, string>> = { 'linux-x64': 'linux_amd64', 'linux-arm64': 'linux_arm64' };

/** libtensorflowlite_c.so shipped by tfjs-tflite-node, when @ws/wasi-nn brought it. */
function tflitePackaged(fromDir: string): string[] {
  const dir = tfliteDir[`${process.platform}-${process.arch}`];
  if (!dir) return [];
  for (const base of [join(fromDir, 'package.json'), join(fromDir, 'node_modules', '@ws', 'wasi-nn', 'package.json')]) {
    try {
      const main = createRequire(base).resolve('tfjs-tflite-node');
      const root = main.slice(0, main.lastIndexOf(`${join('node_modules', 'tfjs-tflite-node')}`) + join('node_modules', 'tfjs-tflite-node').length);
      const file = join(root, 'cc_deps', dir, 'libtensorflowlite_c.so');
      if (existsSync(file)) return [file];
    } catch {
      // not installed from here
    }
  }
  return [];
}

function backends(fromDir: string): Backend[] {
  return [
    { name: 'TensorFlow Lite C', usedBy: 'wasi_nn (TensorflowLite)', candidates: () => [...tflitePackaged(fromDir), 'libtensorflowlite_c.so'] },
    { name: 'ONNX Runtime', usedBy: 'wasi_nn (ONNX)', candidates: () => ['libonnxruntime.so.1', 'libonnxruntime.so'] },
    { name: 'libtorch', usedBy: 'wasi_nn (PyTorch)', candidates: () => ['libtorch.so', 'libtorch_cpu.so'] },
    { name: 'OpenVINO', usedBy: 'wasi_nn (OpenVINO)', candidates: () => ['libopenvino_c.so'] },
    { name: 'TensorFlow C', usedBy: 'wasmedge_tensorflow', candidates: () => ['libtensorflow.so.2', 'libtensorflow.so'] },
    { name: 'libjpeg', usedBy: 'wasmedge_image', candidates: () => ['libjpeg.so.62'] },
    { name: 'libpng', usedBy: 'wasmedge_image', candidates: () => ['libpng16.so.16'] },
  ];
}

/** One line per backend: `found (<name>)` or `not found`. */
export function probeBackends(fromDir: string = process.cwd()): string[] {
  let koffi: ReturnType<typeof loadKoffi>;
  try {
    koffi = loadKoffi('Probing backend libraries');
  } catch (error) {
    return [`  not probed: ${(error as Error).message}`];
  }
  return backends(fromDir).map((backend) => {
    for (const candidate of backend.candidates()) {
      try {
        const library = koffi.load(candidate) as { unload?: () => void };
        library.unload?.();
        return `  ${backend.name} (${backend.usedBy}): found (${candidate})`;
      } catch {
        // try the next name
      }
    }
    return `  ${backend.name} (${backend.usedBy}): not found`;
  });
}
