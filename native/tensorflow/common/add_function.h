/* Registers one host function on a module instance from a compact signature. */
#ifndef WS_TF_ADD_FUNCTION_H
#define WS_TF_ADD_FUNCTION_H

#include <stdbool.h>

#include <wasmedge/wasmedge.h>

/* Params and Results are strings of 'i' (i32) and 'I' (i64), e.g. "iii" and
 * "i"; an empty Results string means no result. */
bool ws_add_function(WasmEdge_ModuleInstanceContext *Module, const char *Name, const char *Params,
                     const char *Results, WasmEdge_HostFunc_t Function, void *Data);

#endif /* WS_TF_ADD_FUNCTION_H */
