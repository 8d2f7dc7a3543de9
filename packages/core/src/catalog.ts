/**
 * The single catalogue of WasmEdge plug-ins ws knows: plug-in name, the
 * module (import) names it provides, and the npm package that ships it.
 * Used to tell users which package to install for an unresolved import, and
 * to show plug-in options in `ws run --help` when the plug-in is not installed.
 */
/** The wasi_nn options through which an installed @ws/wasi-nn-<stem> package points the plug-in at its backend (and runtime) library. */
function backendOptions(stem: string, backend: string, runtimeLibrary?: string): { name: string; value: string; description: string }[] {
  const options = [{ name: `nn-${stem}-backend`, value: 'PATH', description: `the ${backend} backend, libws_wasi_nn_${stem}.so (default: the one of @ws/wasi-nn-${stem})` }];
  if (runtimeLibrary) options.push({ name: `nn-${stem}-library`, value: 'PATH', description: `absolute path of ${runtimeLibrary} (default: the one @ws/wasi-nn-${stem} installs)` });
  return options;
}

export const pluginCatalog = [
  {
    plugin: 'wasmedge_process',
    package: '@ws/process',
    modules: ['wasmedge_process'],
    options: [
      { name: 'allow-command', value: 'CMD', description: 'allow the guest to run CMD (repeatable)' },
      { name: 'allow-command-all', value: null, description: 'allow the guest to run any command' },
      { name: 'process-output-limit', value: 'BYTES', description: 'cap on captured stdout and stderr, each (default 16 MiB)' },
      { name: 'process-input-limit', value: 'BYTES', description: 'cap on what a guest queues for one command: name, arguments, variables, stdin (default 16 MiB)' },
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
      { name: 'nn-max-graphs', value: 'N', description: 'graphs a guest may hold at once (default 64; 0 = no limit)' },
      { name: 'nn-max-contexts', value: 'N', description: 'execution contexts a guest may hold at once (default 256; 0 = no limit)' },
      ...backendOptions('tflite', 'TensorFlow-Lite', 'libtensorflowlite_c.so'),
      ...backendOptions('onnx', 'ONNX', 'libonnxruntime.so.1'),
      ...backendOptions('ggml', 'GGML', 'libllama.so'),
      ...backendOptions('pytorch', 'PyTorch'),
      ...backendOptions('openvino', 'OpenVINO', 'libopenvino_c.so'),
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
    options: [
      { name: 'crypto-max-handles', value: 'N', description: 'handles a guest may hold at once per module instance (default 4096)' },
      { name: 'crypto-max-bytes', value: 'BYTES', description: 'bytes a guest\'s handles may hold per module instance (default 64 MiB)' },
    ],
  },
  {
    plugin: 'wasmedge_image',
    package: '@ws/image',
    modules: ['wasmedge_image'],
    options: [
      { name: 'image-f32-gamma', value: null, description: 'f32 outputs become (v/255)^2.2 (WasmEdge >= 0.15) instead of v/255' },
      { name: 'image-max-pixels', value: 'N', description: 'refuse images with more pixels (default 100000000)' },
    ],
  },
  {
    plugin: 'wasmedge_tensorflow',
    package: '@ws/tensorflow',
    modules: ['wasmedge_tensorflow'],
    options: [
      { name: 'tensorflow-library', value: 'PATH', description: 'path of libtensorflow.so.2 (default: from the loader\'s search path)' },
      { name: 'tensorflow-max-sessions', value: 'N', description: 'sessions a guest may hold at once (default 64)' },
    ],
  },
  {
    plugin: 'wasmedge_tensorflowlite',
    package: '@ws/tensorflow',
    modules: ['wasmedge_tensorflowlite'],
    options: [
      { name: 'tflite-library', value: 'PATH', description: 'absolute path of libtensorflowlite_c.so (default: the one of tfjs-tflite-node)' },
      { name: 'tflite-threads', value: 'N', description: 'threads of each TensorFlow-Lite interpreter (default 2)' },
      { name: 'tflite-max-sessions', value: 'N', description: 'sessions a guest may hold at once (default 64)' },
    ],
  },
] as const;

export type CatalogEntry = (typeof pluginCatalog)[number];

/** The catalogue entry whose plug-in provides `moduleName`, if any. */
export function catalogEntryForModule(moduleName: string): CatalogEntry | undefined {
  return pluginCatalog.find((entry) => (entry.modules as readonly string[]).includes(moduleName));
}

/**
 * Whether the catalogue says plug-in `plugin` declares option `option`;
 * undefined when the catalogue does not know the plug-in. Lets option names
 * be checked without loading a plug-in library (test/core/catalog.test.ts
 * keeps the catalogue in step with the descriptors).
 */
export function catalogDeclaresOption(plugin: string, option: string): boolean | undefined {
  const entry = pluginCatalog.find((e) => e.plugin === plugin);
  return entry ? entry.options.some((o) => o.name === option) : undefined;
}
