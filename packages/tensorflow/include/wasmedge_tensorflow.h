/*
 * wasmedge_tensorflow.h: guest-side imports of module "wasmedge_tensorflow"
 * (@ws/tensorflow; WasmEdge 0.13+ ABI of the wasmedge_tensorflow plug-in):
 * run a frozen TensorFlow graph or a SavedModel with the TensorFlow C
 * library (libtensorflow) on the host. For guests built against WasmEdge
 * 0.12 and earlier, see <wasmedge_tensorflow_legacy.h>.
 *
 *   #include <wasmedge_tensorflow.h>
 *   clang --target=wasm32-wasi -O2 -I node_modules/@ws/tensorflow/include -o app.wasm app.c
 *
 * Use: tf_create_session(graph) -> tf_append_input(...) for each input ->
 * tf_append_output(name) for each output -> tf_run_session ->
 * tf_get_output_tensor(name) -> tf_get_tensor_len -> tf_get_tensor_data ->
 * tf_delete_session.
 *
 * Every function returns a WASMEDGE_TF_* errno. Session ids start at 0 (a
 * valid id); a deleted id is reused. Names are operation names, "op" or
 * "op:index" (output `index` of the operation, default 0), as byte ranges
 * without a NUL terminator; lengths are in bytes.
 *
 * Security: a graph runs with the host process's rights (TensorFlow file
 * ops, SavedModel paths are host paths, outside the WASI preopens).
 */
#ifndef WASMEDGE_TENSORFLOW_H
#define WASMEDGE_TENSORFLOW_H

#include <stdint.h>

#include "wasmedge_tensorflow_errno.h"

#ifdef __cplusplus
extern "C" {
#endif

/* TensorFlow element types (TF_DataType) for tf_append_input. */
enum {
  WASMEDGE_TF_FLOAT = 1,
  WASMEDGE_TF_DOUBLE = 2,
  WASMEDGE_TF_INT32 = 3,
  WASMEDGE_TF_UINT8 = 4,
  WASMEDGE_TF_INT16 = 5,
  WASMEDGE_TF_INT8 = 6,
  WASMEDGE_TF_COMPLEX64 = 8,
  WASMEDGE_TF_INT64 = 9,
  WASMEDGE_TF_BOOL = 10,
  WASMEDGE_TF_QINT8 = 11,
  WASMEDGE_TF_QUINT8 = 12,
  WASMEDGE_TF_QINT32 = 13,
  WASMEDGE_TF_BFLOAT16 = 14,
  WASMEDGE_TF_QINT16 = 15,
  WASMEDGE_TF_QUINT16 = 16,
  WASMEDGE_TF_UINT16 = 17,
  WASMEDGE_TF_COMPLEX128 = 18,
  WASMEDGE_TF_HALF = 19,
  WASMEDGE_TF_UINT32 = 22,
  WASMEDGE_TF_UINT64 = 23
};

/* One tag of tf_create_session_saved_model: 8 bytes on wasm32. */
typedef struct tf_tag {
  const char *name;
  uint32_t length;
} tf_tag;

#define WASMEDGE_TF_IMPORT(name) __attribute__((import_module("wasmedge_tensorflow"), import_name(#name)))

/* Creates a session from `graph_length` bytes of a frozen GraphDef (binary
 * protobuf); writes its id at `session`. */
WASMEDGE_TF_IMPORT(create_session)
int32_t tf_create_session(const void *graph, uint32_t graph_length, uint32_t *session);

/* Creates a session from the SavedModel directory at host path `path`,
 * loading the meta graph with the `tag_count` tags at `tags`. */
WASMEDGE_TF_IMPORT(create_session_saved_model)
int32_t tf_create_session_saved_model(const char *path, uint32_t path_length, const tf_tag *tags, uint32_t tag_count,
                                      uint32_t *session);

/* Deletes a session, its inputs and outputs, and frees its id. Always returns 0. */
WASMEDGE_TF_IMPORT(delete_session)
int32_t tf_delete_session(uint32_t session);

/* Feeds `name` ("op" or "op:index") with a tensor of type `data_type`
 * (WASMEDGE_TF_*), `dim_count` dimensions at `dims` (int64), and
 * `data_length` bytes of little-endian elements at `data`; data_length must
 * equal the shape's element count times the element size. Feeding the same
 * name again replaces the tensor. */
WASMEDGE_TF_IMPORT(append_input)
int32_t tf_append_input(uint32_t session, const char *name, uint32_t name_length, const int64_t *dims, uint32_t dim_count,
                        uint32_t data_type, const void *data, uint32_t data_length);

/* Asks the next runs to fetch `name` ("op" or "op:index"). */
WASMEDGE_TF_IMPORT(append_output)
int32_t tf_append_output(uint32_t session, const char *name, uint32_t name_length);

/* Removes every input. */
WASMEDGE_TF_IMPORT(clear_input)
int32_t tf_clear_input(uint32_t session);

/* Removes every output and its results. */
WASMEDGE_TF_IMPORT(clear_output)
int32_t tf_clear_output(uint32_t session);

/* Runs the graph on the inputs, computing the outputs. */
WASMEDGE_TF_IMPORT(run_session)
int32_t tf_run_session(uint32_t session);

/* Writes at `tensor` the index of the output registered as `name` (the
 * exact string given to tf_append_output). */
WASMEDGE_TF_IMPORT(get_output_tensor)
int32_t tf_get_output_tensor(uint32_t session, const char *name, uint32_t name_length, uint32_t *tensor);

/* Writes at `length` the byte size of output `tensor` of the last run. */
WASMEDGE_TF_IMPORT(get_tensor_len)
int32_t tf_get_tensor_len(uint32_t session, uint32_t tensor, uint32_t *length);

/* Copies up to `buffer_length` bytes of output `tensor` of the last
 * successful run into `buffer`; writes the bytes copied at `written`. */
WASMEDGE_TF_IMPORT(get_tensor_data)
int32_t tf_get_tensor_data(uint32_t session, uint32_t tensor, void *buffer, uint32_t buffer_length, uint32_t *written);

#undef WASMEDGE_TF_IMPORT

#ifdef __cplusplus
}
#endif

#endif /* WASMEDGE_TENSORFLOW_H */
