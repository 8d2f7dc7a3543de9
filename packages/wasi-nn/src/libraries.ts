import { existsSync } from 'node:fs';
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

/** tfjs-tflite-node's folder for this platform, or undefined if it has none. */
function tflitePlatformDir(): string | undefined {
  if (process.platform === 'linux' && process.arch === 'x64') return 'linux_amd64';
  if (process.platform === 'linux' && process.arch === 'arm64') return 'linux_arm64';
  return undefined;
}

/**
 * libtensorflowlite_c.so shipped by the npm package tfjs-tflite-node (a
 * dependency of @ws/wasi-nn), or undefined when it is not installed. The
 * plug-in's backend tries `WS_TFLITE_LIBRARY` before this path.
 */
export function tfliteLibraryPath(): string | undefined {
  const platformDir = tflitePlatformDir();
  if (!platformDir) return undefined;
  try {
    const packageJson = createRequire(import.meta.url).resolve('tfjs-tflite-node/package.json');
    const library = join(dirname(packageJson), 'cc_deps', platformDir, 'libtensorflowlite_c.so');
    return existsSync(library) ? library : undefined;
  } catch {
    return undefined;
  }
}
