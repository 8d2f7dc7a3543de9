/**
 * WasmEdge's wasi_ephemeral_nn enumerations (plugins/wasi_nn/wasinntypes.h),
 * with WasmEdge's numbering.
 */

/** `graph_encoding` values; ws has backends for OpenVINO, ONNX, PyTorch, TensorflowLite and GGML (Autodetect picks one of them). */
export const GraphEncoding = {
  OpenVINO: 0,
  ONNX: 1,
  Tensorflow: 2,
  PyTorch: 3,
  TensorflowLite: 4,
  Autodetect: 5,
  GGML: 6,
  NeuralSpeed: 7,
  Whisper: 9,
  MLX: 10,
  Piper: 11,
  ChatTTS: 12,
  OpenVINOGenAI: 13,
  BitNet: 14,
} as const;
export type GraphEncodingName = keyof typeof GraphEncoding;

/** `execution_target` values. AUTO can only come from a preload. */
export const ExecutionTarget = { CPU: 0, GPU: 1, TPU: 2, AUTO: 3 } as const;
export type ExecutionTargetName = keyof typeof ExecutionTarget;

/**
 * `tensor_type` since WasmEdge 0.15. Older WasmEdge and guest crates used
 * F16 0, F32 1, U8 2, I32 3; the plug-in accepts both where unambiguous.
 */
export const TensorType = { F16: 0, F32: 1, F64: 2, U8: 3, I32: 4, I64: 5 } as const;
export type TensorTypeName = keyof typeof TensorType;

/** The errno every host function returns. */
export const NnErrno = {
  Success: 0,
  InvalidArgument: 1,
  InvalidEncoding: 2,
  MissingMemory: 3,
  Busy: 4,
  RuntimeError: 5,
  UnsupportedOperation: 6,
  TooLarge: 7,
  NotFound: 8,
  EndOfSequence: 100,
  ContextFull: 101,
  PromptTooLong: 102,
  ModelNotFound: 103,
} as const;

/** `InvalidArgument` for 1, `errno 42` for an unknown value. */
export function errnoName(errno: number): string {
  const entry = Object.entries(NnErrno).find(([, value]) => value === errno);
  return entry ? entry[0] : `errno ${errno}`;
}
