/* wasmedge_tensorflowlite imports of WasmEdge 0.13+ (i32 ids, errno results). */
#ifndef WS_TFLITE_CURRENT_H
#define WS_TFLITE_CURRENT_H

#include <stdint.h>

#define TFL_IMPORT(name) __attribute__((import_module("wasmedge_tensorflowlite"), import_name(name)))
TFL_IMPORT("create_session") int32_t tfl_create_session(const void *model, uint32_t len, uint32_t *session);
TFL_IMPORT("delete_session") int32_t tfl_delete_session(uint32_t session);
TFL_IMPORT("append_input") int32_t tfl_append_input(uint32_t session, const char *name, uint32_t len, const void *data, uint32_t data_len);
TFL_IMPORT("run_session") int32_t tfl_run_session(uint32_t session);
TFL_IMPORT("get_output_tensor") int32_t tfl_get_output_tensor(uint32_t session, const char *name, uint32_t len, uint32_t *tensor);
TFL_IMPORT("get_tensor_len") int32_t tfl_get_tensor_len(uint32_t session, uint32_t tensor, uint32_t *len);
TFL_IMPORT("get_tensor_data") int32_t tfl_get_tensor_data(uint32_t session, uint32_t tensor, void *buf, uint32_t buf_len, uint32_t *written);
#undef TFL_IMPORT

#endif
