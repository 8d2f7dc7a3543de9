import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** File name of the plug-in library (WasmEdge's name for it). */
export const wasiCryptoLibraryName = 'libwasmedgePluginWasiCrypto.so';

/**
 * Absolute path of the wasi_crypto plug-in library.
 *
 * `WS_WASI_CRYPTO_LIBRARY` wins when set; otherwise the development build
 * `<repo>/native/build/plugins/libwasmedgePluginWasiCrypto.so` of the
 * workspace this package lives in.
 */
export function resolveWasiCryptoLibrary(): string {
  const fromEnvironment = process.env.WS_WASI_CRYPTO_LIBRARY;
  if (fromEnvironment) return fromEnvironment;
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(directory, 'pnpm-workspace.yaml'))) {
      return join(directory, 'native', 'build', 'plugins', wasiCryptoLibraryName);
    }
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  throw new Error(
    `[ws:wasi-crypto] Could not find ${wasiCryptoLibraryName}: this package is not inside the ws workspace. ` +
      'Set WS_WASI_CRYPTO_LIBRARY to the absolute path of the plug-in library.',
  );
}
