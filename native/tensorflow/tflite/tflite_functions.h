/* Registration of wasmedge_tensorflowlite's host functions, both ABIs. */
#ifndef WS_TFLITE_FUNCTIONS_H
#define WS_TFLITE_FUNCTIONS_H

#include <stdbool.h>

#include <wasmedge/wasmedge.h>

#include "tflite_session.h"

/* create_session, delete_session, append_input, run_session,
 * get_output_tensor, get_tensor_len, get_tensor_data (WasmEdge 0.13+). */
bool ws_tflite_add_current_functions(WasmEdge_ModuleInstanceContext *Module, void *Env);
/* The same seven with the prefix wasmedge_tensorflowlite_ and u64 handles
 * (WasmEdge 0.12 and earlier, second-state/WasmEdge-tensorflow). */
bool ws_tflite_add_legacy_functions(WasmEdge_ModuleInstanceContext *Module, void *Env);

#endif /* WS_TFLITE_FUNCTIONS_H */
