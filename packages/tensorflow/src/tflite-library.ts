import { Plugin } from '@ws/core';

/**
 * The TensorFlow Lite C library the wasmedge_tensorflowlite plug-in uses when
 * no `tfliteLibrary` option is given: this package's default option, the copy
 * in its platform package @ws/tensorflow-<platform> (in a ws checkout,
 * tfjs-tflite-node's); undefined when neither is installed.
 */
export function tfliteLibraryPath(): string | undefined {
  return Plugin.forPackage(import.meta.url, 'wasmedge_tensorflowlite').defaultOptions()['tflite-library'];
}
