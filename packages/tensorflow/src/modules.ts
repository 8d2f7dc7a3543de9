import { Plugin, type HostModule } from '@ws/core';
import { toTensorflowLitePluginOptions, toTensorflowPluginOptions, type TensorflowLiteOptions, type TensorflowOptions } from './options.js';

// Options set, Create and reset in one native call (see Plugin#createModule).
function createModule(plugin: Plugin, name: string, options: Record<string, string>): HostModule {
  return plugin.createModule(name, { options });
}

/**
 * The wasmedge_tensorflowlite plug-in of this package (`Plugin.forPackage`):
 * the one already registered, else this package's, loaded on first use from
 * the folder `WS_TENSORFLOW_LIBRARY` names, the platform package
 * @ws/tensorflow-<platform>, or a ws checkout's native/build.
 */
export function loadTensorflowLitePlugin(): Plugin {
  return Plugin.forPackage(import.meta.url, 'wasmedge_tensorflowlite').load();
}

/** The wasmedge_tensorflow plug-in of this package, found as {@link loadTensorflowLitePlugin} finds its sibling. */
export function loadTensorflowPlugin(): Plugin {
  return Plugin.forPackage(import.meta.url, 'wasmedge_tensorflow').load();
}

/** A new `wasmedge_tensorflowlite` module instance; dispose it when done (deletes its sessions). */
export function createTensorflowLiteModule(options: TensorflowLiteOptions = {}): HostModule {
  // createModule() applies the package's default tflite-library (see tflite-library.ts) when none is given.
  return createModule(loadTensorflowLitePlugin(), 'wasmedge_tensorflowlite', toTensorflowLitePluginOptions(options));
}

/** A new `wasmedge_tensorflow` module instance; dispose it when done (deletes its sessions). */
export function createTensorflowModule(options: TensorflowOptions = {}): HostModule {
  return createModule(loadTensorflowPlugin(), 'wasmedge_tensorflow', toTensorflowPluginOptions(options));
}
