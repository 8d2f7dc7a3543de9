import { Plugin, type HostModule, type WasmMemoryLike } from '@ws/core';
import { toWasiCryptoPluginOptions, type WasiCryptoOptions } from './options.js';
import type { WasiCryptoImports } from './types.js';

/** Import names of the five modules, in WasmEdge's registration order. */
export const wasiCryptoModuleNames = [
  'wasi_ephemeral_crypto_asymmetric_common',
  'wasi_ephemeral_crypto_common',
  'wasi_ephemeral_crypto_kx',
  'wasi_ephemeral_crypto_signatures',
  'wasi_ephemeral_crypto_symmetric',
] as const;

/**
 * The wasi_crypto plug-in of this package (`Plugin.forPackage`): the one
 * already registered, else this package's, loaded on first use from
 * `WS_WASI_CRYPTO_LIBRARY`, the platform package @ws/wasi-crypto-<platform>,
 * or a ws checkout's native/build.
 */
export function loadWasiCryptoPlugin(): Plugin {
  return Plugin.forPackage(import.meta.url);
}

/** The five module instances, sharing one handle space (see DESIGN.md). Dispose each when done. */
export interface WasiCryptoModules {
  modules: HostModule[];
  /** Host functions bound to `memory`, by import module name. */
  bind(memory?: WasmMemoryLike): WasiCryptoImports;
  dispose(): void;
}

/**
 * Creates the five wasi-crypto modules, e.g. to call them directly from
 * JavaScript, each with the budgets of `options`. Disposing a module closes
 * every handle created through it.
 */
export function createWasiCryptoModules(options: WasiCryptoOptions = {}): WasiCryptoModules {
  const plugin = loadWasiCryptoPlugin();
  const pluginOptions = toWasiCryptoPluginOptions(options);
  const modules = plugin.listModules().map((descriptor) => plugin.createModule(descriptor, { options: pluginOptions }));
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
