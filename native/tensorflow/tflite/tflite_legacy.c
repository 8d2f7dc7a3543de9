/*
 * wasmedge_tensorflowlite_* host functions of WasmEdge 0.12 and earlier
 * (second-state/WasmEdge-tensorflow lib/tensorflowlite_func.cpp; guest crate
 * wasmedge_tensorflow_interface 0.2.x). No errno: create_session and
 * get_output_tensor return 0 on failure, run_session returns 0 or 1, the
 * others return nothing. Guest ranges are checked here (upstream did not);
 * a call that fails a check does nothing. get_tensor_data writes nothing before
 * a successful run (upstream copied the uninitialised output arena).
 * create_session, run_session, get_tensor_len and get_tensor_data are the
 * ones shared with wasmedge_tensorflow (common/session_functions.c).
 */
#include "../common/add_function.h"
#include "../common/guest.h"
#include "../common/legacy_handles.h"
#include "../common/session_functions.h"
#include "tflite_functions.h"
#include "tflite_session.h"

static WasmEdge_Result delete_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  (void)Frame;
  (void)Returns;
  uint32_t Id;
  if (ws_legacy_session_id(ws_param_u64(Params, 0), &Id)) ws_tflite_session_delete(Data, Id);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result get_output_tensor(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                         WasmEdge_Value *Returns) {
  const void *Lib;
  const uint64_t Handle = ws_param_u64(Params, 0);
  ws_tflite_session *Session = ws_legacy_session_for(Data, Handle, &Lib);
  const uint32_t NameLen = ws_param_u32(Params, 2);
  const uint8_t *Name = ws_guest_bytes(ws_guest_memory(Frame), ws_param_u32(Params, 1), NameLen);
  return ws_return_i64(Returns, ws_legacy_output_handle(Data, Lib, Session, Handle, Name, NameLen));
}

static WasmEdge_Result append_input(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                    WasmEdge_Value *Returns) {
  (void)Returns;
  const void *Lib;
  ws_tflite_session *Session = ws_legacy_session_for(Data, ws_param_u64(Params, 0), &Lib);
  const uint32_t NameLen = ws_param_u32(Params, 2), DataLen = ws_param_u32(Params, 4);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Name = ws_guest_bytes(Memory, ws_param_u32(Params, 1), NameLen);
  const uint8_t *Bytes = ws_guest_bytes(Memory, ws_param_u32(Params, 3), DataLen);
  if (Session != NULL && Name != NULL && Bytes != NULL) ws_tflite_set_input(Lib, Session, Name, NameLen, Bytes, DataLen);
  return WasmEdge_Result_Success;
}

bool ws_tflite_add_legacy_functions(WasmEdge_ModuleInstanceContext *Module, void *Env) {
  return ws_add_function(Module, "wasmedge_tensorflowlite_create_session", "ii", "I", ws_legacy_create_session, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_delete_session", "I", "", delete_session, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_run_session", "I", "i", ws_legacy_run_session, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_get_output_tensor", "Iii", "I", get_output_tensor, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_get_tensor_len", "I", "i", ws_legacy_get_tensor_len, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_get_tensor_data", "Ii", "", ws_legacy_get_tensor_data, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_append_input", "Iiiii", "", append_input, Env);
}
