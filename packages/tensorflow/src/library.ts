import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** File names of the two plug-in libraries (WasmEdge's names). */
export const tensorflowLiteLibraryName = 'libwasmedgePluginWasmEdgeTensorflowLite.so';
export const tensorflowLibraryName = 'libwasmedgePluginWasmEdgeTensorflow.so';

function fromWorkspace(file: string, envVar: string): string {
  const fromEnvironment = process.env[envVar];
  if (fromEnvironment) return fromEnvironment;
  for (let directory = dirname(fileURLToPath(import.meta.url)); ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'pnpm-workspace.yaml'))) return join(directory, 'native', 'build', 'plugins', file);
    if (dirname(directory) === directory) break;
  }
  throw new Error(`[ws:tensorflow] Could not find ${file}: this package is not inside the ws workspace. Set ${envVar} to the absolute path of the plug-in library.`);
}

/**
 * Absolute path of the wasmedge_tensorflowlite plug-in: `WS_TENSORFLOWLITE_PLUGIN`
 * when set, otherwise the workspace's `native/build/plugins/`.
 */
export function resolveTensorflowLitePlugin(): string {
  return fromWorkspace(tensorflowLiteLibraryName, 'WS_TENSORFLOWLITE_PLUGIN');
}

/**
 * Absolute path of the wasmedge_tensorflow plug-in: `WS_TENSORFLOW_PLUGIN`
 * when set, otherwise the workspace's `native/build/plugins/`.
 */
export function resolveTensorflowPlugin(): string {
  return fromWorkspace(tensorflowLibraryName, 'WS_TENSORFLOW_PLUGIN');
}

/**
 * libtensorflowlite_c.so of the npm package tfjs-tflite-node (a dependency of
 * this package) for this platform, or undefined. Pass it as the
 * `tfliteLibrary` option when the plug-in cannot find it by itself.
 */
export function tfliteLibraryPath(): string | undefined {
  const platformDir =
    process.platform === 'linux' && process.arch === 'x64' ? 'linux_amd64' : process.platform === 'linux' && process.arch === 'arm64' ? 'linux_arm64' : undefined;
  if (!platformDir) return undefined;
  try {
    const packageJson = createRequire(import.meta.url).resolve('tfjs-tflite-node/package.json');
    const library = join(dirname(packageJson), 'cc_deps', platformDir, 'libtensorflowlite_c.so');
    return existsSync(library) ? library : undefined;
  } catch {
    return undefined;
  }
}
