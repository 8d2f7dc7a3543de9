export { loadGraph, loadWasiNnPlugin, Graph } from './load-graph.js';
export type { LoadGraphOptions, TensorInput } from './load-graph.js';
export { wasiNnPluginOptions, formatPreload } from './options.js';
export type { NnPreload, WasiNnOptions } from './options.js';
export { GraphEncoding, ExecutionTarget, TensorType, NnErrno, errnoName } from './enums.js';
export type { GraphEncodingName, ExecutionTargetName, TensorTypeName } from './enums.js';
export { WasiNnError } from './errors.js';
export type { WasiNnErrorCode } from './errors.js';
export type { WasiEphemeralNnFunctions, WasiNnImports } from './types.js';
