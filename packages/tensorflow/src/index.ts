export { tfliteLibraryPath } from './tflite-library.js';
export { toTensorflowLitePluginOptions, toTensorflowPluginOptions, tensorflowOptionNames, defaultTfliteThreads, defaultMaxSessions } from './options.js';
export type { TensorflowLiteOptions, TensorflowOptions, TensorflowPluginOptions } from './options.js';
export { loadTensorflowLitePlugin, loadTensorflowPlugin, createTensorflowLiteModule, createTensorflowModule } from './modules.js';
export { TensorflowErrno, TfDataType } from './errno.js';
export type { TensorflowErrnoValue } from './errno.js';
export { wasmedgeTensorflowLiteFunctionNames, wasmedgeTensorflowFunctionNames } from './types.js';
export type { WasmedgeTensorflowLiteFunctions, WasmedgeTensorflowFunctions } from './types.js';
