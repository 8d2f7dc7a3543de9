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
 * A fresh wasmedge_process module whose policy is `options`. The policy is
 * set, the module created and the plug-in's options restored in one native
 * call, so a module created at the same time in another worker never gets it.
 */
export function createProcessModule(options: ProcessOptions): HostModule {
  return loadProcessPlugin().createModule('wasmedge_process', { options: toPluginOptions(options) });
}
