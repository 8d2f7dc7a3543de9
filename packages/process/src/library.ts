import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** File name of the plug-in library (WasmEdge's name for it). */
export const processLibraryName = 'libwasmedgePluginWasmEdgeProcess.so';

/**
 * Absolute path of the wasmedge_process plug-in library.
 *
 * `WS_PROCESS_LIBRARY` wins when set; otherwise the development build
 * `<repo>/native/build/plugins/libwasmedgePluginWasmEdgeProcess.so` of the
 * workspace this package lives in. (Temporary: the shared loader chain of
 * @ws/core replaces this function.)
 */
export function resolveProcessLibrary(): string {
  const fromEnvironment = process.env.WS_PROCESS_LIBRARY;
  if (fromEnvironment) return fromEnvironment;
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(directory, 'pnpm-workspace.yaml'))) {
      return join(directory, 'native', 'build', 'plugins', processLibraryName);
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  throw new Error(
    `[ws:process] Could not find ${processLibraryName}: this package is not inside the ws workspace. ` +
      'Set WS_PROCESS_LIBRARY to the absolute path of the plug-in library.',
  );
}
