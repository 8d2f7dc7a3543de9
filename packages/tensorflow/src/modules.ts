import { Plugin, type HostModule } from '@ws/core';
import { resolveTensorflowLitePlugin, resolveTensorflowPlugin } from './library.js';
import { toTensorflowLitePluginOptions, toTensorflowPluginOptions, type TensorflowLiteOptions, type TensorflowOptions } from './options.js';

function loadPlugin(name: string, path: string): Plugin {
  const loaded = Plugin.find(name);
  if (loaded) return loaded.load();
  const plugin = Plugin.loadFromPath(path).find((candidate) => candidate.name === name);
  if (!plugin) throw new Error(`[ws:tensorflow] ${path} did not register the ${name} plug-in. Rebuild it with: node scripts/build-native.mjs`);
  return plugin;
}

function createModule(plugin: Plugin, name: string, options: Record<string, string>): HostModule {
  plugin.configure(options);
  try {
    return plugin.createModule(name);
  } finally {
    plugin.resetOptions();
  }
}

/** Loads the wasmedge_tensorflowlite plug-in (once per process). */
export function loadTensorflowLitePlugin(): Plugin {
  return loadPlugin('wasmedge_tensorflowlite', resolveTensorflowLitePlugin());
}

/** Loads the wasmedge_tensorflow plug-in (once per process). */
export function loadTensorflowPlugin(): Plugin {
  return loadPlugin('wasmedge_tensorflow', resolveTensorflowPlugin());
}

/** A new `wasmedge_tensorflowlite` module instance; dispose it when done (deletes its sessions). */
export function createTensorflowLiteModule(options: TensorflowLiteOptions = {}): HostModule {
  return createModule(loadTensorflowLitePlugin(), 'wasmedge_tensorflowlite', toTensorflowLitePluginOptions(options));
}

/** A new `wasmedge_tensorflow` module instance; dispose it when done (deletes its sessions). */
export function createTensorflowModule(options: TensorflowOptions = {}): HostModule {
  return createModule(loadTensorflowPlugin(), 'wasmedge_tensorflow', toTensorflowPluginOptions(options));
}
