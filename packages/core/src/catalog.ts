/**
 * The single catalogue of WasmEdge plug-ins ws knows: plug-in name, the
 * module (import) names it provides, and the npm package that ships it.
 * Used to tell users which package to install for an unresolved import, and
 * to show plug-in options in `ws run --help` when the plug-in is not installed.
 */
export const pluginCatalog = [
  {
    plugin: 'wasmedge_process',
    package: '@ws/process',
    modules: ['wasmedge_process'],
    options: [
      { name: 'allow-command', value: 'CMD', description: 'allow the guest to run CMD (repeatable)' },
      { name: 'allow-command-all', value: null, description: 'allow the guest to run any command' },
      { name: 'process-output-limit', value: 'BYTES', description: 'cap on captured stdout and stderr, each (default 16 MiB)' },
      { name: 'process-timeout-ms', value: 'MS', description: 'timeout of a command when the guest sets none (default 10000)' },
    ],
  },
  {
    plugin: 'wasi_nn',
    package: '@ws/wasi-nn',
    modules: ['wasi_ephemeral_nn'],
    options: [
      {
        name: 'nn-preload',
        value: 'NAME:ENCODING:TARGET:PATH[:PATH]',
        description: 'preload a model the guest can load by name (repeatable)',
      },
      { name: 'nn-threads', value: 'N', description: 'threads per inference context (default 0 = available cores)' },
      { name: 'nn-tflite-library', value: 'PATH', description: 'absolute path of libtensorflowlite_c.so (default: the one of tfjs-tflite-node)' },
    ],
  },
  {
    plugin: 'wasi_crypto',
    package: '@ws/wasi-crypto',
    modules: [
      'wasi_ephemeral_crypto_common',
      'wasi_ephemeral_crypto_asymmetric_common',
      'wasi_ephemeral_crypto_kx',
      'wasi_ephemeral_crypto_signatures',
      'wasi_ephemeral_crypto_symmetric',
    ],
    options: [],
  },
  { plugin: 'wasmedge_image', package: '@ws/image', modules: ['wasmedge_image'], options: [] },
  { plugin: 'wasmedge_tensorflow', package: '@ws/tensorflow', modules: ['wasmedge_tensorflow'], options: [] },
  { plugin: 'wasmedge_tensorflowlite', package: '@ws/tensorflow', modules: ['wasmedge_tensorflowlite'], options: [] },
] as const;

export type CatalogEntry = (typeof pluginCatalog)[number];

/** The catalogue entry whose plug-in provides `moduleName`, if any. */
export function catalogEntryForModule(moduleName: string): CatalogEntry | undefined {
  return pluginCatalog.find((entry) => (entry.modules as readonly string[]).includes(moduleName));
}
