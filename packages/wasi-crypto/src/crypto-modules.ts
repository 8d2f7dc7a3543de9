import { Plugin, type HostModule, type WasmMemoryLike } from '@ws/core';
import { resolveWasiCryptoLibrary } from './library.js';
import type { WasiCryptoImports } from './types.js';

/** Import names of the five modules, in WasmEdge's registration order. */
export const wasiCryptoModuleNames = [
  'wasi_ephemeral_crypto_asymmetric_common',
  'wasi_ephemeral_crypto_common',
  'wasi_ephemeral_crypto_kx',
  'wasi_ephemeral_crypto_signatures',
  'wasi_ephemeral_crypto_symmetric',
] as const;

/** The wasi_crypto plug-in: the registered one, else loaded from {@link resolveWasiCryptoLibrary}. */
export function loadWasiCryptoPlugin(): Plugin {
  const registered = Plugin.find('wasi_crypto');
  if (registered) return registered;
  Plugin.loadFromPath(resolveWasiCryptoLibrary());
  const loaded = Plugin.find('wasi_crypto');
  if (!loaded) {
    throw new Error(
      `[ws:wasi-crypto] ${resolveWasiCryptoLibrary()} did not register plug-in wasi_crypto. Point WS_WASI_CRYPTO_LIBRARY at libwasmedgePluginWasiCrypto.so.`,
    );
  }
  return loaded;
}

/** The five module instances, sharing one handle space (see DESIGN.md). Dispose each when done. */
export interface WasiCryptoModules {
  modules: HostModule[];
  /** Host functions bound to `memory`, by import module name. */
  bind(memory?: WasmMemoryLike): WasiCryptoImports;
  dispose(): void;
}

/** Creates the five wasi-crypto modules, e.g. to call them directly from JavaScript. */
export function createWasiCryptoModules(): WasiCryptoModules {
  const plugin = loadWasiCryptoPlugin();
  const modules = plugin.listModules().map((descriptor) => plugin.createModule(descriptor));
  return {
    modules,
    bind(memory?: WasmMemoryLike): WasiCryptoImports {
      const imports: Record<string, unknown> = {};
      for (const module of modules) imports[module.name] = memory ? module.bind(memory) : module.bind();
      return imports as unknown as WasiCryptoImports;
    },
    dispose(): void {
      for (const module of modules) module.dispose();
    },
  };
}
