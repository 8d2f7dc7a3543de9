import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadKoffi } from '../../runtime/native-functions.js';

/** The backends ws's wasi_nn plug-in knows, by library stem, with their encodings. */
const BACKENDS: readonly [stem: string, label: string][] = [
  ['tflite', 'TensorFlow-Lite (encoding 4)'],
  ['onnx', 'ONNX (encoding 1)'],
  ['pytorch', 'PyTorch (encoding 3)'],
  ['ggml', 'GGML / llama.cpp (encoding 6)'],
  ['openvino', 'OpenVINO (encoding 0)'],
];

/** Where the plug-in looks for libws_wasi_nn_<stem>.so (backend_registry.c): env, packaged, build layout. */
function backendDirectories(pluginPath: string): string[] {
  const dirs = [process.env.WS_WASI_NN_BACKEND_DIR, join(dirname(pluginPath), 'wasi-nn-backends'), join(dirname(pluginPath), '..', 'wasi-nn-backends')];
  return dirs.filter((dir): dir is string => !!dir && existsSync(dir));
}

/**
 * `ws doctor` lines for the wasi_nn plug-in at pluginPath: each backend with
 * its library, the runtime and version it found, and whether it loads. Each
 * backend is probed through its ws_wasi_nn_backend_probe() (through koffi),
 * which loads its runtime as a guest's first load() would.
 */
export function wasiNnBackendLines(pluginPath: string): string[] {
  const dirs = backendDirectories(pluginPath);
  const lines = ['    backends:'];
  for (const [stem, label] of BACKENDS) {
    const file = `libws_wasi_nn_${stem}.so`;
    const dir = dirs.find((candidate) => readdirSync(candidate).includes(file));
    if (!dir) {
      lines.push(`      ${label}: not installed (no ${file})`);
      continue;
    }
    const path = join(dir, file);
    try {
      const koffi = loadKoffi('ws doctor (wasi-nn backends)') as unknown as {
        load(path: string): { func(declaration: string): (out: Buffer, length: number) => number };
      };
      let probe: ((out: Buffer, length: number) => number) | undefined;
      try {
        probe = koffi.load(path).func('int ws_wasi_nn_backend_probe(_Out_ uint8_t *out, size_t len)');
      } catch {
        probe = undefined; // a backend without a probe (e.g. TFLite): the library itself loads
      }
      if (!probe) {
        lines.push(`      ${label}: library loads (${path}); its runtime is checked at the first load()`);
        continue;
      }
      const text = Buffer.alloc(8192);
      const status = probe(text, text.length);
      const message = text.toString('utf8', 0, Math.max(0, text.indexOf(0)));
      lines.push(status === 0 ? `      ${label}: loads, ${message}` : `      ${label}: NOT AVAILABLE: ${message}`, `        ${path}`);
    } catch (error) {
      lines.push(`      ${label}: FAILED to load ${path}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return lines;
}
