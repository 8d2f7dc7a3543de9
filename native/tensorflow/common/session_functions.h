/*
 * Host functions and helpers whose logic is the same in wasmedge_tensorflow
 * and wasmedge_tensorflowlite, written once over ws_session_backend. Each
 * plug-in registers them under its own names; Data is its environment, which
 * begins with a ws_session_env. Functions the two plug-ins do differently
 * (inputs, get_tensor_data of the current ABI, ...) stay in each plug-in.
 */
#ifndef WS_TF_SESSION_FUNCTIONS_H
#define WS_TF_SESSION_FUNCTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include <wasmedge/wasmedge.h>

#include "session_backend.h"

/* The session with table id Id, or NULL when the library is missing or the id
 * is unknown; *Lib is the library (or NULL). */
void *ws_session_for(void *Env, uint32_t Id, const void **Lib);
/* The same for a legacy u64 session handle. */
void *ws_legacy_session_for(void *Env, uint64_t Handle, const void **Lib);

/* Current ABI (i32 parameters, errno result). */
/* Stores a new session's id at IdPtr, or deletes it when IdPtr is out of range. */
WasmEdge_Result ws_session_finish_create(void *Env, WasmEdge_MemoryInstanceContext *Memory, uint32_t IdPtr, uint32_t Errno,
                                         uint32_t Id, WasmEdge_Value *Returns);
/* create_session(model_ptr, model_len, id_ptr) after any library check. */
WasmEdge_Result ws_session_create(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                  WasmEdge_Value *Returns);
/* delete_session(id) after any library check: always 0. */
WasmEdge_Result ws_session_delete(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                  WasmEdge_Value *Returns);
WasmEdge_Result ws_session_run(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                               WasmEdge_Value *Returns);
WasmEdge_Result ws_session_get_output_tensor(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                             const WasmEdge_Value *Params, WasmEdge_Value *Returns);
WasmEdge_Result ws_session_get_tensor_len(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                          WasmEdge_Value *Returns);

/* Legacy ABI (<= 0.12, u64 handles, no errno). */
WasmEdge_Result ws_legacy_create_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                         WasmEdge_Value *Returns);
WasmEdge_Result ws_legacy_run_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns);
/* The tensor handle of output Name (0 when Session is NULL, Name is NULL or unknown). */
uint64_t ws_legacy_output_handle(const ws_session_env *Env, const void *Lib, const void *Session, uint64_t SessionHandle,
                                 const uint8_t *Name, uint32_t Length);
WasmEdge_Result ws_legacy_get_tensor_len(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                         WasmEdge_Value *Returns);
WasmEdge_Result ws_legacy_get_tensor_data(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                          WasmEdge_Value *Returns);

typedef bool (*ws_add_functions_t)(WasmEdge_ModuleInstanceContext *Module, void *Env);

/* The plug-in's one module instance named Name over Env (freed by
 * DeleteEnv, also on failure), with the current and the legacy host functions. */
WasmEdge_ModuleInstanceContext *ws_session_module_create(const char *Name, void *Env, void (*DeleteEnv)(void *),
                                                         ws_add_functions_t AddCurrent, ws_add_functions_t AddLegacy);

#endif /* WS_TF_SESSION_FUNCTIONS_H */
