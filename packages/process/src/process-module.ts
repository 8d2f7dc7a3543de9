import { Plugin, type HostModule } from '@ws/core';
import { toPluginOptions, type ProcessOptions } from './options.js';

/**
 * The wasmedge_process plug-in of this package (`Plugin.forPackage`): the one
 * already registered, else this package's, loaded on first use from
 * `WS_PROCESS_LIBRARY`, the platform package @ws/process-<platform>, or a ws
 * checkout's native/build.
 */
export function loadProcessPlugin(): Plugin {
  return Plugin.forPackage(import.meta.url);
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
