/* Registration of wasmedge_tensorflow's host functions, both ABIs. */
#ifndef WS_TF_FUNCTIONS_H
#define WS_TF_FUNCTIONS_H

#include <stdbool.h>

#include <wasmedge/wasmedge.h>

#include "tf_session.h"

/* The eleven functions of WasmEdge 0.13+ (spec §6.2). */
bool ws_tf_add_current_functions(WasmEdge_ModuleInstanceContext *Module, void *Env);
/* The ten wasmedge_tensorflow_* functions of WasmEdge 0.12 and earlier. */
bool ws_tf_add_legacy_functions(WasmEdge_ModuleInstanceContext *Module, void *Env);

#endif /* WS_TF_FUNCTIONS_H */
