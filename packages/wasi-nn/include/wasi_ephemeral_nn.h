/*
 * wasi_ephemeral_nn.h: guest-side imports of WASI-NN (@ws/wasi-nn): the 12
 * functions of module "wasi_ephemeral_nn" with WasmEdge's numbering of
 * encodings, targets, tensor types and error codes (WasmEdge's wasi_nn
 * plug-in, a superset of the upstream witx ABI).
 *
 *   #include <wasi_ephemeral_nn.h>
 *   clang --target=wasm32-wasi -O2 -I node_modules/@ws/wasi-nn/include -o app.wasm app.c
 *
 * Conventions:
 * - Every function returns an errno: NN_SUCCESS (0) or one of the codes
 *   below. Handles and byte counts are written through out-pointers, only
 *   on success (get_output also writes the required size with NN_TOO_LARGE).
 * - Pointers are addresses in the guest's linear memory; lengths are in
 *   bytes unless noted. Names and configs need no NUL terminator.
 * - Graph and context handles start at 0 and are never reused.
 * - Which encodings work depends on the backend packages installed
 *   (@ws/wasi-nn-tflite, -onnx, -pytorch, -ggml, ...); others return
 *   NN_INVALID_ARGUMENT or NN_INVALID_ENCODING.
 */
#ifndef WASI_EPHEMERAL_NN_H
#define WASI_EPHEMERAL_NN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* graph_encoding (argument `encoding` of nn_load). */
enum {
  NN_ENCODING_OPENVINO = 0,
  NN_ENCODING_ONNX = 1,
  NN_ENCODING_TENSORFLOW = 2,
  NN_ENCODING_PYTORCH = 3,
  NN_ENCODING_TENSORFLOWLITE = 4,
  NN_ENCODING_AUTODETECT = 5,
  NN_ENCODING_GGML = 6,
  NN_ENCODING_NEURALSPEED = 7,
  NN_ENCODING_WHISPER = 9,
  NN_ENCODING_MLX = 10,
  NN_ENCODING_PIPER = 11,
  NN_ENCODING_CHATTTS = 12,
  NN_ENCODING_OPENVINOGENAI = 13,
  NN_ENCODING_BITNET = 14
};

/* execution_target. NN_TARGET_AUTO is accepted only in a preload
 * (`--nn-preload name:encoding:auto:path`); nn_load rejects it. */
enum { NN_TARGET_CPU = 0, NN_TARGET_GPU = 1, NN_TARGET_TPU = 2, NN_TARGET_AUTO = 3 };

/* tensor_type (numbering of WasmEdge 0.15+; guests built for older WasmEdge
 * used U8 = 2 and I32 = 3, which ws also accepts where unambiguous).
 * set_input accepts F16, F32, U8 and I32. */
enum { NN_TYPE_F16 = 0, NN_TYPE_F32 = 1, NN_TYPE_F64 = 2, NN_TYPE_U8 = 3, NN_TYPE_I32 = 4, NN_TYPE_I64 = 5 };

/* Error codes. */
enum {
  NN_SUCCESS = 0,
  NN_INVALID_ARGUMENT = 1,       /* bad handle, index, pointer, shape or type */
  NN_INVALID_ENCODING = 2,       /* unknown encoding; bad GGML metadata JSON */
  NN_MISSING_MEMORY = 3,         /* graph or context without a model */
  NN_BUSY = 4,                   /* backend could not allocate or run */
  NN_RUNTIME_ERROR = 5,          /* backend failure */
  NN_UNSUPPORTED_OPERATION = 6,
  NN_TOO_LARGE = 7,              /* output buffer too small; required size written */
  NN_NOT_FOUND = 8,              /* load_by_name: no model preloaded under that name */
  NN_END_OF_SEQUENCE = 100,      /* compute_single: generation finished (GGML) */
  NN_CONTEXT_FULL = 101,         /* GGML context window exhausted */
  NN_PROMPT_TOO_LONG = 102,      /* GGML */
  NN_MODEL_NOT_FOUND = 103       /* GGML model file missing */
};

/* One graph builder: a byte range of model data (nn_load takes an array). */
typedef struct nn_builder {
  const uint8_t *data;
  uint32_t length;
} nn_builder;

/* A tensor for nn_set_input: 20 bytes on wasm32 (dims pointer, dims count,
 * one type byte plus 3 padding bytes, data pointer, data length in bytes). */
typedef struct nn_tensor {
  const uint32_t *dims;
  uint32_t dim_count;
  uint8_t type; /* NN_TYPE_* */
  const uint8_t *data;
  uint32_t data_length;
} nn_tensor;

/* Handles. */
typedef uint32_t nn_graph;
typedef uint32_t nn_context;

/* Pass pointers directly. NN_PTR is the identity, kept for code written
 * against the first version of this header, which took uint32_t addresses. */
#define NN_PTR(pointer) (pointer)

#define WASI_NN_IMPORT(name) __attribute__((import_module("wasi_ephemeral_nn"), import_name(#name)))

/* Loads a graph from `builder_count` model byte ranges (their number and
 * meaning depend on the encoding: one .tflite, .onnx or TorchScript file;
 * OpenVINO's .xml then .bin; ...) for `encoding` (NN_ENCODING_*) on `target`
 * (NN_TARGET_*). */
WASI_NN_IMPORT(load)
int32_t nn_load(const nn_builder *builders, uint32_t builder_count, uint32_t encoding, uint32_t target, nn_graph *graph);

/* Loads the model the host preloaded under `name` (`--nn-preload
 * name:encoding:target:path`); the same live name gives the same handle.
 * NN_NOT_FOUND if nothing was preloaded under it. */
WASI_NN_IMPORT(load_by_name)
int32_t nn_load_by_name(const char *name, uint32_t name_length, nn_graph *graph);

/* As nn_load_by_name, with `config` bytes (JSON metadata for GGML-style
 * backends) added as a last builder. Ignored if the name is already loaded. */
WASI_NN_IMPORT(load_by_name_with_config)
int32_t nn_load_by_name_with_config(const char *name, uint32_t name_length, const char *config, uint32_t config_length,
                                    nn_graph *graph);

/* Creates an execution context for `graph`. */
WASI_NN_IMPORT(init_execution_context)
int32_t nn_init_execution_context(nn_graph graph, nn_context *context);

/* Sets input `index` of `context` from `tensor` (the data is copied). Shape
 * and type must match the model's input. */
WASI_NN_IMPORT(set_input)
int32_t nn_set_input(nn_context context, uint32_t index, const nn_tensor *tensor);

/* Copies output `index` of the last compute into `buffer` (`buffer_length`
 * bytes) and writes the byte count at `written`. With NN_TOO_LARGE nothing
 * is copied and the required size is written. */
WASI_NN_IMPORT(get_output)
int32_t nn_get_output(nn_context context, uint32_t index, void *buffer, uint32_t buffer_length, uint32_t *written);

/* As nn_get_output, for the token produced by the last nn_compute_single
 * (GGML-style backends only). */
WASI_NN_IMPORT(get_output_single)
int32_t nn_get_output_single(nn_context context, uint32_t index, void *buffer, uint32_t buffer_length, uint32_t *written);

/* Runs inference on the inputs set so far. */
WASI_NN_IMPORT(compute)
int32_t nn_compute(nn_context context);

/* Produces one more token (GGML-style backends); NN_END_OF_SEQUENCE at the end. */
WASI_NN_IMPORT(compute_single)
int32_t nn_compute_single(nn_context context);

/* Ends a nn_compute_single sequence and resets it for a new prompt. */
WASI_NN_IMPORT(fini_single)
int32_t nn_fini_single(nn_context context);

/* Unloads a graph; its contexts can still be read but no longer compute. */
WASI_NN_IMPORT(unload)
int32_t nn_unload(nn_graph graph);

/* Frees an execution context. */
WASI_NN_IMPORT(finalize_execution_context)
int32_t nn_finalize_execution_context(nn_context context);

#undef WASI_NN_IMPORT

#ifdef __cplusplus
}
#endif

#endif /* WASI_EPHEMERAL_NN_H */
