import { Plugin, type HostModule } from '@ws/core';
import { resolveImageLibrary } from './library.js';
import { toPluginOptions, type ImageOptions } from './options.js';

/** Loads the wasmedge_image plug-in (once per process) and returns it. */
export function loadImagePlugin(): Plugin {
  const loaded = Plugin.find('wasmedge_image');
  if (loaded) return loaded;
  const [plugin] = Plugin.loadFromPath(resolveImageLibrary());
  if (!plugin) {
    throw new Error(`[ws:image] ${resolveImageLibrary()} did not register the wasmedge_image plug-in. Rebuild it with: node scripts/build-native.mjs`);
  }
  return plugin;
}

/**
 * A new `wasmedge_image` module instance with these options (a module copies
 * the plug-in options when it is created). Dispose it when done.
 */
export function createImageModule(options: ImageOptions = {}): HostModule {
  const plugin = loadImagePlugin();
  plugin.configure(toPluginOptions(options));
  try {
    return plugin.createModule('wasmedge_image');
  } finally {
    plugin.resetOptions();
  }
}
