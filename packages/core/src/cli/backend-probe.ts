import type { BridgeAddon } from '../native/addon-types.js';
import { loadBridge } from '../native/load-bridge.js';
import { resolveDefaultOptions } from '../plugins/default-options.js';
import { discoverPluginPackages } from '../plugins/npm-manifest.js';

/**
 * Optional backend libraries that plug-ins load by path, probed for
 * `ws doctor` through the bridge (dlopen + dlclose): no plug-in is loaded.
 */
interface Backend {
  name: string;
  /** Which plug-in uses it. */
  usedBy: string;
  /** Library names the dynamic loader may find, or absolute paths. */
  candidates: () => string[];
}

/**
 * The TensorFlow Lite C library the installed @ws/wasi-nn-tflite names
 * (its `nn-tflite-library` default option for this platform), if any.
 */
function tflitePackaged(fromDir: string): string[] {
  const { extensions } = discoverPluginPackages(fromDir);
  const options = Object.assign({}, ...extensions.filter((e) => e.extends === 'wasi_nn').map((e) => resolveDefaultOptions(e))) as Record<string, string>;
  const library = options['nn-tflite-library'];
  return library ? [library] : [];
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
  let bridge: BridgeAddon;
  try {
    bridge = loadBridge();
  } catch {
    // doctor has printed why under "native bridge".
    return ['  not probed: the native bridge did not load (see "native bridge" above)'];
  }
  return backends(fromDir).map((backend) => {
    const found = backend.candidates().find((candidate) => bridge.probeLibrary(candidate).loaded);
    return `  ${backend.name} (${backend.usedBy}): ${found ? `found (${found})` : 'not found'}`;
  });
}
