/*
 * wasmedge_tensorflowlite_* host functions of WasmEdge 0.12 and earlier
 * (second-state/WasmEdge-tensorflow lib/tensorflowlite_func.cpp; guest crate
 * wasmedge_tensorflow_interface 0.2.x). No errno: create_session and
 * get_output_tensor return 0 on failure, run_session returns 0 or 1, the
 * others return nothing. Guest ranges are checked here (upstream did not);
 * a call that fails a check does nothing. get_tensor_data writes nothing before
 * a successful run (upstream copied the uninitialised output arena).
 */
#include <string.h>

#include "../common/add_function.h"
#include "../common/errno.h"
#include "../common/guest.h"
#include "../common/legacy_handles.h"
#include "tflite_functions.h"
#include "tflite_session.h"

/* The session behind a legacy handle, or NULL. */
static ws_tflite_session *session_for(ws_tflite_env *Env, uint64_t Handle, const ws_tflite **Lib) {
  uint32_t Id;
  *Lib = ws_tflite_env_library(Env);
  if (*Lib == NULL || !ws_legacy_session_id(Handle, &Id)) return NULL;
  return ws_tflite_session_get(Env, Id);
}

/* The output tensor behind a legacy tensor handle, or NULL. With
 * RequireRun, also NULL until the session has run successfully: before that
 * the output's bytes are the interpreter's uninitialised arena, which can
 * hold freed host memory (e.g. another session's results). */
static const TfLiteTensor *tensor_for(ws_tflite_env *Env, uint64_t Handle, bool RequireRun, const ws_tflite **Lib) {
  uint32_t Id, Index;
  *Lib = ws_tflite_env_library(Env);
  if (*Lib == NULL || !ws_legacy_tensor_id(Handle, &Id, &Index)) return NULL;
  const ws_tflite_session *Session = ws_tflite_session_get(Env, Id);
  if (Session == NULL || (RequireRun && !Session->Ran)) return NULL;
  return ws_tflite_output(*Lib, Session, Index);
}

static WasmEdge_Result create_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  const uint32_t ModelLen = ws_param_u32(Params, 1);
  const uint8_t *Model = ws_guest_bytes(ws_guest_memory(Frame), ws_param_u32(Params, 0), ModelLen);
  uint32_t Id;
  if (Model == NULL || ws_tflite_session_create(Data, Model, ModelLen, &Id) != WS_TF_SUCCESS) return ws_return_i64(Returns, 0);
  return ws_return_i64(Returns, ws_legacy_session_handle(Id));
}

static WasmEdge_Result delete_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  (void)Frame;
  (void)Returns;
  uint32_t Id;
  if (ws_legacy_session_id(ws_param_u64(Params, 0), &Id)) ws_tflite_session_delete(Data, Id);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result run_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                   WasmEdge_Value *Returns) {
  (void)Frame;
  const ws_tflite *Lib;
  ws_tflite_session *Session = session_for(Data, ws_param_u64(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, 1);
  return ws_return_i32(Returns, ws_tflite_run(Lib, Session) == WS_TF_SUCCESS ? 0 : 1);
}

static WasmEdge_Result get_output_tensor(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                         WasmEdge_Value *Returns) {
  const ws_tflite *Lib;
  const uint64_t Handle = ws_param_u64(Params, 0);
  ws_tflite_session *Session = session_for(Data, Handle, &Lib);
  const uint32_t NameLen = ws_param_u32(Params, 2);
  const uint8_t *Name = ws_guest_bytes(ws_guest_memory(Frame), ws_param_u32(Params, 1), NameLen);
  if (Session == NULL || Name == NULL) return ws_return_i64(Returns, 0);
  const int32_t Index = ws_tflite_find_output(Lib, Session, Name, NameLen);
  if (Index < 0) return ws_return_i64(Returns, 0);
  return ws_return_i64(Returns, ws_legacy_tensor_handle((uint32_t)(Handle - 1), (uint32_t)Index));
}

static WasmEdge_Result get_tensor_len(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  (void)Frame;
  const ws_tflite *Lib;
  const TfLiteTensor *Tensor = tensor_for(Data, ws_param_u64(Params, 0), false, &Lib);
  return ws_return_i32(Returns, Tensor != NULL ? (uint32_t)Lib->Api.TensorByteSize(Tensor) : 0);
}

static WasmEdge_Result get_tensor_data(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                       WasmEdge_Value *Returns) {
  (void)Returns;
  const ws_tflite *Lib;
  const TfLiteTensor *Tensor = tensor_for(Data, ws_param_u64(Params, 0), true, &Lib);
  if (Tensor == NULL) return WasmEdge_Result_Success;
  /* No buffer length in this ABI: the buffer must hold the whole tensor. */
  const size_t Size = Lib->Api.TensorByteSize(Tensor);
  uint8_t *Buffer = ws_guest_bytes(ws_guest_memory(Frame), ws_param_u32(Params, 1), Size);
  const void *Source = Lib->Api.TensorData(Tensor);
  if (Buffer != NULL && Source != NULL && Size > 0) memcpy(Buffer, Source, Size);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result append_input(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                    WasmEdge_Value *Returns) {
  (void)Returns;
  const ws_tflite *Lib;
  ws_tflite_session *Session = session_for(Data, ws_param_u64(Params, 0), &Lib);
  const uint32_t NameLen = ws_param_u32(Params, 2), DataLen = ws_param_u32(Params, 4);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Name = ws_guest_bytes(Memory, ws_param_u32(Params, 1), NameLen);
  const uint8_t *Bytes = ws_guest_bytes(Memory, ws_param_u32(Params, 3), DataLen);
  if (Session != NULL && Name != NULL && Bytes != NULL) ws_tflite_set_input(Lib, Session, Name, NameLen, Bytes, DataLen);
  return WasmEdge_Result_Success;
}

bool ws_tflite_add_legacy_functions(WasmEdge_ModuleInstanceContext *Module, ws_tflite_env *Env) {
  return ws_add_function(Module, "wasmedge_tensorflowlite_create_session", "ii", "I", create_session, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_delete_session", "I", "", delete_session, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_run_session", "I", "i", run_session, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_get_output_tensor", "Iii", "I", get_output_tensor, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_get_tensor_len", "I", "i", get_tensor_len, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_get_tensor_data", "Ii", "", get_tensor_data, Env) &&
         ws_add_function(Module, "wasmedge_tensorflowlite_append_input", "Iiiii", "", append_input, Env);
}
