import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** File name of the plug-in library (WasmEdge's name for it). */
export const imageLibraryName = 'libwasmedgePluginWasmEdgeImage.so';

/**
 * Absolute path of the wasmedge_image plug-in library.
 *
 * `WS_IMAGE_LIBRARY` wins when set; otherwise the development build
 * `<repo>/native/build/plugins/libwasmedgePluginWasmEdgeImage.so` of the
 * workspace this package lives in. (Temporary: the shared loader chain of
 * @ws/core replaces this function.)
 */
export function resolveImageLibrary(): string {
  const fromEnvironment = process.env.WS_IMAGE_LIBRARY;
  if (fromEnvironment) return fromEnvironment;
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(directory, 'pnpm-workspace.yaml'))) {
      return join(directory, 'native', 'build', 'plugins', imageLibraryName);
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  throw new Error(
    `[ws:image] Could not find ${imageLibraryName}: this package is not inside the ws workspace. ` +
      'Set WS_IMAGE_LIBRARY to the absolute path of the plug-in library.',
  );
}
