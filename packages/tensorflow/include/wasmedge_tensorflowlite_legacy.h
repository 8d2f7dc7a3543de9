/*
 * wasmedge_tensorflowlite_legacy.h: the WasmEdge 0.12 (and earlier) imports
 * of module "wasmedge_tensorflowlite" (@ws/tensorflow), as the Rust crate
 * wasmedge_tensorflow_interface 0.2 declared them: 64-bit session and tensor
 * handles, 0 meaning none, and no errno. New guests should use
 * <wasmedge_tensorflowlite.h>; both can be included together.
 *
 *   #include <wasmedge_tensorflowlite_legacy.h>
 *   clang --target=wasm32-wasi -O2 -I node_modules/@ws/tensorflow/include -o app.wasm app.c
 *
 * A call with a bad handle or an out-of-range buffer does nothing (returns
 * 0, or 1 for run_session). Names are byte ranges; lengths are in bytes.
 */
#ifndef WASMEDGE_TENSORFLOWLITE_LEGACY_H
#define WASMEDGE_TENSORFLOWLITE_LEGACY_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WASMEDGE_TFLITE_LEGACY_IMPORT(name) __attribute__((import_module("wasmedge_tensorflowlite"), import_name(#name)))

/* Creates a session from a .tflite model; returns its handle, 0 on failure. */
WASMEDGE_TFLITE_LEGACY_IMPORT(wasmedge_tensorflowlite_create_session)
uint64_t wasmedge_tensorflowlite_create_session(const void *model, uint32_t model_length);

/* Deletes a session. */
WASMEDGE_TFLITE_LEGACY_IMPORT(wasmedge_tensorflowlite_delete_session)
void wasmedge_tensorflowlite_delete_session(uint64_t session);

/* Copies `data_length` bytes into the input tensor named `name` (ignored
 * unless data_length equals the tensor's byte size). */
WASMEDGE_TFLITE_LEGACY_IMPORT(wasmedge_tensorflowlite_append_input)
void wasmedge_tensorflowlite_append_input(uint64_t session, const char *name, uint32_t name_length, const void *data,
                                          uint32_t data_length);

/* Runs the model: 0 on success, 1 on failure. */
WASMEDGE_TFLITE_LEGACY_IMPORT(wasmedge_tensorflowlite_run_session)
uint32_t wasmedge_tensorflowlite_run_session(uint64_t session);

/* The handle of the output tensor named `name`; 0 if there is none. */
WASMEDGE_TFLITE_LEGACY_IMPORT(wasmedge_tensorflowlite_get_output_tensor)
uint64_t wasmedge_tensorflowlite_get_output_tensor(uint64_t session, const char *name, uint32_t name_length);

/* Byte size of a tensor; 0 for a bad handle. */
WASMEDGE_TFLITE_LEGACY_IMPORT(wasmedge_tensorflowlite_get_tensor_len)
uint32_t wasmedge_tensorflowlite_get_tensor_len(uint64_t tensor);

/* Copies the whole tensor (get_tensor_len bytes) to `buffer`; nothing before
 * a successful run or if the range is outside memory. */
WASMEDGE_TFLITE_LEGACY_IMPORT(wasmedge_tensorflowlite_get_tensor_data)
void wasmedge_tensorflowlite_get_tensor_data(uint64_t tensor, void *buffer);

#undef WASMEDGE_TFLITE_LEGACY_IMPORT

#ifdef __cplusplus
}
#endif

#endif /* WASMEDGE_TENSORFLOWLITE_LEGACY_H */
