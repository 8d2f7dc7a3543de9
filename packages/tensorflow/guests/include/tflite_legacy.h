/* wasmedge_tensorflowlite imports of WasmEdge 0.12 and earlier (u64 handles, no errno). */
#ifndef WS_TFLITE_LEGACY_H
#define WS_TFLITE_LEGACY_H

#include <stdint.h>

#define TFL_IMPORT(name) __attribute__((import_module("wasmedge_tensorflowlite"), import_name(name)))
TFL_IMPORT("wasmedge_tensorflowlite_create_session") uint64_t tfl_create_session(const void *model, uint32_t len);
TFL_IMPORT("wasmedge_tensorflowlite_delete_session") void tfl_delete_session(uint64_t session);
TFL_IMPORT("wasmedge_tensorflowlite_run_session") uint32_t tfl_run_session(uint64_t session);
TFL_IMPORT("wasmedge_tensorflowlite_get_output_tensor") uint64_t tfl_get_output_tensor(uint64_t session, const char *name, uint32_t len);
TFL_IMPORT("wasmedge_tensorflowlite_get_tensor_len") uint32_t tfl_get_tensor_len(uint64_t tensor);
TFL_IMPORT("wasmedge_tensorflowlite_get_tensor_data") void tfl_get_tensor_data(uint64_t tensor, void *buf);
TFL_IMPORT("wasmedge_tensorflowlite_append_input") void tfl_append_input(uint64_t session, const char *name, uint32_t len, const void *data, uint32_t data_len);
#undef TFL_IMPORT

#endif
