/*
 * wasmedge_tensorflowlite.h: guest-side imports of module
 * "wasmedge_tensorflowlite" (@ws/tensorflow; WasmEdge 0.13+ ABI of the
 * wasmedge_tensorflowlite plug-in): run a TensorFlow Lite model on tensors
 * addressed by name. For guests built against WasmEdge 0.12 and earlier, see
 * <wasmedge_tensorflowlite_legacy.h>.
 *
 *   #include <wasmedge_tensorflowlite.h>
 *   clang --target=wasm32-wasi -O2 -I node_modules/@ws/tensorflow/include -o app.wasm app.c
 *
 * Use: tfl_create_session(model) -> tfl_append_input(name, bytes) for each
 * input -> tfl_run_session -> tfl_get_output_tensor(name) -> tfl_get_tensor_len
 * -> tfl_get_tensor_data -> tfl_delete_session.
 *
 * Every function returns a WASMEDGE_TF_* errno. Session ids start at 0 (a
 * valid id); a deleted id is reused. Names are byte ranges without a NUL
 * terminator; lengths are in bytes. Tensor data is the raw little-endian
 * element array in the model's shape and type.
 */
#ifndef WASMEDGE_TENSORFLOWLITE_H
#define WASMEDGE_TENSORFLOWLITE_H

#include <stdint.h>

#include "wasmedge_tensorflow_errno.h"

#ifdef __cplusplus
extern "C" {
#endif

#define WASMEDGE_TFLITE_IMPORT(name) __attribute__((import_module("wasmedge_tensorflowlite"), import_name(#name)))

/* Creates a session (interpreter) from `model_length` bytes of a .tflite
 * flatbuffer (copied by the host); writes its id at `session`. */
WASMEDGE_TFLITE_IMPORT(create_session)
int32_t tfl_create_session(const void *model, uint32_t model_length, uint32_t *session);

/* Deletes a session and frees its id. Always returns 0. */
WASMEDGE_TFLITE_IMPORT(delete_session)
int32_t tfl_delete_session(uint32_t session);

/* Copies `data_length` bytes into the model input tensor named `name`;
 * data_length must equal that tensor's byte size. */
WASMEDGE_TFLITE_IMPORT(append_input)
int32_t tfl_append_input(uint32_t session, const char *name, uint32_t name_length, const void *data, uint32_t data_length);

/* Runs the model on the inputs set so far. */
WASMEDGE_TFLITE_IMPORT(run_session)
int32_t tfl_run_session(uint32_t session);

/* Writes at `tensor` the index of the model output named `name`. */
WASMEDGE_TFLITE_IMPORT(get_output_tensor)
int32_t tfl_get_output_tensor(uint32_t session, const char *name, uint32_t name_length, uint32_t *tensor);

/* Writes at `length` the byte size of output `tensor`. */
WASMEDGE_TFLITE_IMPORT(get_tensor_len)
int32_t tfl_get_tensor_len(uint32_t session, uint32_t tensor, uint32_t *length);

/* Copies output `tensor` of the last successful run into `buffer`, whose
 * `buffer_length` must equal the tensor's byte size; writes the bytes
 * copied at `written`. */
WASMEDGE_TFLITE_IMPORT(get_tensor_data)
int32_t tfl_get_tensor_data(uint32_t session, uint32_t tensor, void *buffer, uint32_t buffer_length, uint32_t *written);

#undef WASMEDGE_TFLITE_IMPORT

#ifdef __cplusplus
}
#endif

#endif /* WASMEDGE_TENSORFLOWLITE_H */
