import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { platformKey } from '../../platform.js';
import { loadBridge } from '../../native/load-bridge.js';
import { installCommand } from '../../package-manager.js';

/** The backends ws's wasi_nn plug-in knows, by library stem, with their encodings. */
const BACKENDS: readonly [stem: string, label: string][] = [
  ['tflite', 'TensorFlow-Lite (encoding 4)'],
  ['onnx', 'ONNX (encoding 1)'],
  ['pytorch', 'PyTorch (encoding 3)'],
  ['ggml', 'GGML / llama.cpp (encoding 6)'],
  ['openvino', 'OpenVINO (encoding 0)'],
];

/** Folders the plug-in searches for libws_wasi_nn_<stem>.so when no option names it (backend_registry.c): env, then the build layout. */
function backendDirectories(pluginPath: string): string[] {
  const dirs = [process.env.WS_WASI_NN_BACKEND_DIR, join(dirname(pluginPath), 'wasi-nn-backends'), join(dirname(pluginPath), '..', 'wasi-nn-backends')];
  return dirs.filter((dir): dir is string => !!dir && existsSync(dir));
}

/** The backend library the plug-in would load: the nn-<stem>-backend option (from the installed @ws/wasi-nn-<stem>), else a searched folder. */
function backendPath(stem: string, options: Readonly<Record<string, string>>, dirs: readonly string[]): string | undefined {
  const file = `libws_wasi_nn_${stem}.so`;
  const given = options[`nn-${stem}-backend`];
  if (given && existsSync(given)) return given;
  const dir = dirs.find((candidate) => readdirSync(candidate).includes(file));
  return dir ? join(dir, file) : undefined;
}

/**
 * `ws doctor` lines for the wasi_nn plug-in at pluginPath: each backend with
 * its library, the runtime and version it found, and whether it loads.
 * `options` are the plug-in's option defaults from installed backend packages
 * (nn-<stem>-backend, nn-<stem>-library). Each backend is probed through its
 * ws_wasi_nn_backend_probe_with() (through the bridge's probeLibrary), which
 * loads its runtime as a guest's first load() would. Called once the bridge
 * has loaded the plug-in.
 */
export function wasiNnBackendLines(pluginPath: string, options: Readonly<Record<string, string>> = {}, installedPackages: readonly string[] = []): string[] {
  const dirs = backendDirectories(pluginPath);
  const lines = ['    backends:'];
  for (const [stem, label] of BACKENDS) {
    const path = backendPath(stem, options, dirs);
    const backendPackage = `@ws/wasi-nn-${stem}`;
    if (!path && installedPackages.includes(backendPackage)) {
      // The wrapper is there but npm/pnpm left out its optional platform package.
      const binary = `${backendPackage}-${platformKey() ?? '<platform>'}`;
      lines.push(`      ${label}: ${backendPackage} is installed but not its binary ${binary} (optional dependencies omitted?): ${installCommand([binary])}`);
      continue;
    }
    if (!path) {
      lines.push(`      ${label}: not installed (install ${backendPackage})`);
      continue;
    }
    const probe = loadBridge().probeLibrary(path, 'ws_wasi_nn_backend_probe_with', options[`nn-${stem}-library`]);
    if (!probe.loaded) {
      lines.push(`      ${label}: FAILED to load ${path}: ${probe.error?.split('\n')[0]}`);
    } else if (probe.result === undefined) {
      // A backend without a probe (e.g. TFLite): the library itself loads.
      lines.push(`      ${label}: library loads (${path}); its runtime is checked at the first load()`);
    } else {
      lines.push(probe.result === 0 ? `      ${label}: loads, ${probe.text}` : `      ${label}: NOT AVAILABLE: ${probe.text}`, `        ${path}`);
    }
  }
  return lines;
}
