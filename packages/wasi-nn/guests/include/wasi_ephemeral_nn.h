/*
 * Imports of WasmEdge's wasi_ephemeral_nn for C guests (wasm32), with
 * WasmEdge's numbering. Every function returns an errno (0 = success).
 */
#ifndef WASI_EPHEMERAL_NN_H
#define WASI_EPHEMERAL_NN_H

#include <stdint.h>

#define WASI_NN_IMPORT(name) __attribute__((import_module("wasi_ephemeral_nn"), import_name(name)))

enum { NN_ENCODING_TENSORFLOWLITE = 4 };
enum { NN_TARGET_CPU = 0, NN_TARGET_GPU = 1, NN_TARGET_TPU = 2, NN_TARGET_AUTO = 3 };
/* tensor_type since WasmEdge 0.15 (older guests used U8 = 2, I32 = 3). */
enum { NN_TYPE_F16 = 0, NN_TYPE_F32 = 1, NN_TYPE_F64 = 2, NN_TYPE_U8 = 3, NN_TYPE_I32 = 4, NN_TYPE_I64 = 5 };
enum {
  NN_SUCCESS = 0, NN_INVALID_ARGUMENT = 1, NN_INVALID_ENCODING = 2, NN_MISSING_MEMORY = 3,
  NN_BUSY = 4, NN_RUNTIME_ERROR = 5, NN_UNSUPPORTED_OPERATION = 6, NN_TOO_LARGE = 7, NN_NOT_FOUND = 8
};

typedef struct nn_builder {
  const uint8_t *data;
  uint32_t length;
} nn_builder;

/* 20 bytes: dims ptr, dims count, type (1 byte + 3 padding), data ptr, data length. */
typedef struct nn_tensor {
  const uint32_t *dims;
  uint32_t dim_count;
  uint8_t type;
  const uint8_t *data;
  uint32_t data_length;
} nn_tensor;

WASI_NN_IMPORT("load") int32_t nn_load(uint32_t builders, uint32_t count, uint32_t encoding, uint32_t target, uint32_t graph_out);
WASI_NN_IMPORT("load_by_name") int32_t nn_load_by_name(uint32_t name, uint32_t name_len, uint32_t graph_out);
WASI_NN_IMPORT("load_by_name_with_config") int32_t nn_load_by_name_with_config(uint32_t name, uint32_t name_len, uint32_t config, uint32_t config_len, uint32_t graph_out);
WASI_NN_IMPORT("init_execution_context") int32_t nn_init_execution_context(uint32_t graph, uint32_t context_out);
WASI_NN_IMPORT("set_input") int32_t nn_set_input(uint32_t context, uint32_t index, uint32_t tensor);
WASI_NN_IMPORT("get_output") int32_t nn_get_output(uint32_t context, uint32_t index, uint32_t buffer, uint32_t buffer_len, uint32_t written_out);
WASI_NN_IMPORT("get_output_single") int32_t nn_get_output_single(uint32_t context, uint32_t index, uint32_t buffer, uint32_t buffer_len, uint32_t written_out);
WASI_NN_IMPORT("compute") int32_t nn_compute(uint32_t context);
WASI_NN_IMPORT("compute_single") int32_t nn_compute_single(uint32_t context);
WASI_NN_IMPORT("fini_single") int32_t nn_fini_single(uint32_t context);
WASI_NN_IMPORT("unload") int32_t nn_unload(uint32_t graph);
WASI_NN_IMPORT("finalize_execution_context") int32_t nn_finalize_execution_context(uint32_t context);

/* Guest addresses are 32-bit offsets into linear memory. */
#define NN_PTR(p) ((uint32_t)(uintptr_t)(p))

#endif /* WASI_EPHEMERAL_NN_H */
