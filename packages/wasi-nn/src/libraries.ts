import { existsSync } from 'node:fs';
import { resolveExtensionOptions } from '@ws/core';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WasiNnError } from './errors.js';

const PLUGIN_FILE = 'libwasmedgePluginWasiNN.so';

/**
 * The wasi_nn plug-in library: `WS_WASI_NN_LIBRARY`, then the repository's
 * `native/build/plugins/` (found by walking up to pnpm-workspace.yaml).
 */
export function wasiNnLibraryPath(): string {
  const fromEnv = process.env.WS_WASI_NN_LIBRARY;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`[ws:wasi-nn] Ignoring bad configuration: WS_WASI_NN_LIBRARY=${fromEnv} (no such file)`);
  }
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'native', 'build', 'plugins', PLUGIN_FILE);
    if (existsSync(join(dir, 'pnpm-workspace.yaml')) && existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new WasiNnError(
    'WS_NN_LIBRARY_NOT_FOUND',
    `Could not find ${PLUGIN_FILE}. Build it with \`node scripts/build-native.mjs\` in the ws repository, or set WS_WASI_NN_LIBRARY=/path/${PLUGIN_FILE}.`,
  );
}

/**
 * Folder of the installed @ws/wasi-nn-tflite (the TensorFlow-Lite backend
 * package): looked up from the application (the working directory), then
 * from @ws/wasi-nn. Undefined when it is not installed.
 */
function tflitePackageDir(): string | undefined {
  for (const from of [join(process.cwd(), 'package.json'), fileURLToPath(import.meta.url)]) {
    try {
      return dirname(createRequire(from).resolve('@ws/wasi-nn-tflite/package.json'));
    } catch {
      // Not visible from there.
    }
  }
  return undefined;
}

/**
 * The wasi_nn plug-in options that @ws/wasi-nn-tflite provides on this
 * platform: `nn-tflite-backend` (its backend library) and `nn-tflite-library`
 * (libtensorflowlite_c.so of tfjs-tflite-node), each when installed. Runtime
 * applies them by itself (package discovery); loadGraph() uses this.
 */
export function tfliteBackendOptions(): Record<string, string> {
  const dir = tflitePackageDir();
  return dir ? resolveExtensionOptions(dir, 'wasi_nn') : {};
}

/**
 * libtensorflowlite_c.so shipped by tfjs-tflite-node (a dependency of
 * @ws/wasi-nn-tflite), or undefined when it is not installed. The plug-in's
 * backend tries `WS_TFLITE_LIBRARY` before this path.
 */
export function tfliteLibraryPath(): string | undefined {
  return tfliteBackendOptions()['nn-tflite-library'];
}
