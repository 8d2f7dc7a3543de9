import { Plugin, type HostModule } from '@ws/core';
import { resolveProcessLibrary } from './library.js';
import { toPluginOptions, type ProcessOptions } from './options.js';

/** The wasmedge_process plug-in: the registered one, else loaded from {@link resolveProcessLibrary}. */
export function loadProcessPlugin(): Plugin {
  const registered = Plugin.find('wasmedge_process');
  if (registered) return registered;
  Plugin.loadFromPath(resolveProcessLibrary());
  const loaded = Plugin.find('wasmedge_process');
  if (!loaded) {
    throw new Error(`[ws:process] ${resolveProcessLibrary()} did not register plug-in wasmedge_process. Point WS_PROCESS_LIBRARY at libwasmedgePluginWasmEdgeProcess.so.`);
  }
  return loaded;
}

/**
 * A fresh wasmedge_process module whose policy is `options`. The plug-in's
 * options are process-wide and read at creation, so they are applied just
 * for this creation and reset afterwards.
 */
export function createProcessModule(options: ProcessOptions): HostModule {
  const plugin = loadProcessPlugin();
  plugin.configure(toPluginOptions(options));
  try {
    return plugin.createModule('wasmedge_process');
  } finally {
    plugin.resetOptions();
  }
}
