/*
 * Enumerations of WasmEdge's wasi_ephemeral_nn, with WasmEdge's numbering
 * (plugins/wasi_nn/wasinntypes.h; spec part A.4). Shared by the generic layer
 * and the backends.
 */
#ifndef WS_WASI_NN_TYPES_H
#define WS_WASI_NN_TYPES_H

#include <stdint.h>

/* ErrNo: the i32 every host function returns. */
enum ws_nn_errno {
  WS_NN_SUCCESS = 0,
  WS_NN_INVALID_ARGUMENT = 1,
  WS_NN_INVALID_ENCODING = 2,
  WS_NN_MISSING_MEMORY = 3,
  WS_NN_BUSY = 4,
  WS_NN_RUNTIME_ERROR = 5,
  WS_NN_UNSUPPORTED_OPERATION = 6,
  WS_NN_TOO_LARGE = 7,
  WS_NN_NOT_FOUND = 8
};

/* graph_encoding. Only the low byte of the guest's u32 counts. */
enum ws_nn_encoding {
  WS_NN_ENCODING_OPENVINO = 0,
  WS_NN_ENCODING_ONNX = 1,
  WS_NN_ENCODING_TENSORFLOW = 2,
  WS_NN_ENCODING_PYTORCH = 3,
  WS_NN_ENCODING_TENSORFLOWLITE = 4,
  WS_NN_ENCODING_AUTODETECT = 5,
  WS_NN_ENCODING_GGML = 6,
  WS_NN_ENCODING_NEURALSPEED = 7,
  /* 8 is unassigned in WasmEdge (the wasmedge-wasi-nn crate calls it Burn). */
  WS_NN_ENCODING_WHISPER = 9,
  WS_NN_ENCODING_MLX = 10,
  WS_NN_ENCODING_PIPER = 11,
  WS_NN_ENCODING_CHATTTS = 12,
  WS_NN_ENCODING_OPENVINOGENAI = 13,
  WS_NN_ENCODING_BITNET = 14,
  WS_NN_ENCODING_COUNT = 15
};

/* execution_target. AUTO is reachable only through --nn-preload. */
enum ws_nn_target {
  WS_NN_TARGET_CPU = 0,
  WS_NN_TARGET_GPU = 1,
  WS_NN_TARGET_TPU = 2,
  WS_NN_TARGET_AUTO = 3
};

/* tensor_type in WasmEdge >= 0.15 numbering. Before 0.15 (and in older guest
 * crates) U8 was 2 and I32 was 3; see ws_nn_tensor_type_candidates(). */
enum ws_nn_tensor_type {
  WS_NN_TENSOR_F16 = 0,
  WS_NN_TENSOR_F32 = 1,
  WS_NN_TENSOR_F64 = 2,
  WS_NN_TENSOR_U8 = 3,
  WS_NN_TENSOR_I32 = 4,
  WS_NN_TENSOR_I64 = 5
};

#define WS_NN_TYPE_BIT(Type) (1u << (Type))

#endif /* WS_WASI_NN_TYPES_H */
