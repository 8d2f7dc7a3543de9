/*
 * wasmedge_tensorflow_legacy.h: the WasmEdge 0.12 (and earlier) imports of
 * module "wasmedge_tensorflow" (@ws/tensorflow), as the Rust crate
 * wasmedge_tensorflow_interface 0.2 declared them: 64-bit session and tensor
 * handles, 0 meaning none, and no errno. New guests should use
 * <wasmedge_tensorflow.h>; both can be included together.
 *
 *   #include <wasmedge_tensorflow_legacy.h>
 *   clang --target=wasm32-wasi -O2 -I node_modules/@ws/tensorflow/include -o app.wasm app.c
 *
 * Inputs and outputs are an operation name plus an output index (the
 * "op:index" of the current ABI). A call with a bad handle or an
 * out-of-range buffer does nothing (returns 0, or 1 for run_session).
 */
#ifndef WASMEDGE_TENSORFLOW_LEGACY_H
#define WASMEDGE_TENSORFLOW_LEGACY_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WASMEDGE_TF_LEGACY_IMPORT(name) __attribute__((import_module("wasmedge_tensorflow"), import_name(#name)))

/* Creates a session from a frozen GraphDef; returns its handle, 0 on failure. */
WASMEDGE_TF_LEGACY_IMPORT(wasmedge_tensorflow_create_session)
uint64_t wasmedge_tensorflow_create_session(const void *graph, uint32_t graph_length);

/* Deletes a session. */
WASMEDGE_TF_LEGACY_IMPORT(wasmedge_tensorflow_delete_session)
void wasmedge_tensorflow_delete_session(uint64_t session);

/* Feeds output `index` of operation `name` with a tensor of TF_DataType
 * `data_type`, `dim_count` int64 dimensions at `dims` and `data_length`
 * bytes at `data`; feeding the same input again replaces it. */
WASMEDGE_TF_LEGACY_IMPORT(wasmedge_tensorflow_append_input)
void wasmedge_tensorflow_append_input(uint64_t session, const char *name, uint32_t name_length, uint32_t index,
                                      const int64_t *dims, uint32_t dim_count, uint32_t data_type, const void *data,
                                      uint32_t data_length);

/* Asks the next runs to fetch output `index` of operation `name`. */
WASMEDGE_TF_LEGACY_IMPORT(wasmedge_tensorflow_append_output)
void wasmedge_tensorflow_append_output(uint64_t session, const char *name, uint32_t name_length, uint32_t index);

/* Removes every input. */
WASMEDGE_TF_LEGACY_IMPORT(wasmedge_tensorflow_clear_input)
void wasmedge_tensorflow_clear_input(uint64_t session);

/* Removes every output. */
WASMEDGE_TF_LEGACY_IMPORT(wasmedge_tensorflow_clear_output)
void wasmedge_tensorflow_clear_output(uint64_t session);

/* Runs the graph: 0 on success, 1 on failure. */
WASMEDGE_TF_LEGACY_IMPORT(wasmedge_tensorflow_run_session)
uint32_t wasmedge_tensorflow_run_session(uint64_t session);

/* The handle of registered output `index` of operation `name`; 0 if none. */
WASMEDGE_TF_LEGACY_IMPORT(wasmedge_tensorflow_get_output_tensor)
uint64_t wasmedge_tensorflow_get_output_tensor(uint64_t session, const char *name, uint32_t name_length, uint32_t index);

/* Byte size of a tensor; 0 for a bad handle. */
WASMEDGE_TF_LEGACY_IMPORT(wasmedge_tensorflow_get_tensor_len)
uint32_t wasmedge_tensorflow_get_tensor_len(uint64_t tensor);

/* Copies the whole tensor (get_tensor_len bytes) to `buffer`; nothing before
 * a successful run or if the range is outside memory. */
WASMEDGE_TF_LEGACY_IMPORT(wasmedge_tensorflow_get_tensor_data)
void wasmedge_tensorflow_get_tensor_data(uint64_t tensor, void *buffer);

#undef WASMEDGE_TF_LEGACY_IMPORT

#ifdef __cplusplus
}
#endif

#endif /* WASMEDGE_TENSORFLOW_LEGACY_H */
