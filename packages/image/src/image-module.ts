import { Plugin, type HostModule } from '@ws/core';
import { toPluginOptions, type ImageOptions } from './options.js';

/**
 * The wasmedge_image plug-in of this package (`Plugin.forPackage`): the one
 * already registered, else this package's, loaded on first use from
 * `WS_IMAGE_LIBRARY`, the platform package @ws/image-<platform>, or a ws
 * checkout's native/build.
 */
export function loadImagePlugin(): Plugin {
  return Plugin.forPackage(import.meta.url);
}

/**
 * A new `wasmedge_image` module instance with these options (a module copies
 * the plug-in options when it is created). Dispose it when done.
 */
export function createImageModule(options: ImageOptions = {}): HostModule {
  return loadImagePlugin().createModule('wasmedge_image', { options: toPluginOptions(options) });
}
