import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * libtensorflowlite_c.so of the npm package tfjs-tflite-node (a dependency of
 * this package) for this platform, or undefined. The TensorFlow-Lite helpers
 * pass it as the `tfliteLibrary` option when none is given.
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
