/*
 * wasmedge_tensorflow_* host functions of WasmEdge 0.12 and earlier
 * (second-state/WasmEdge-tensorflow lib/tensorflow_func.cpp; guest crate
 * wasmedge_tensorflow_interface 0.2.x). Names and output indexes come as
 * separate (name, index) parameters; they are stored as "name:index", so
 * one session can be driven through either ABI. No errno: create_session
 * and get_output_tensor return 0 on failure, run_session 0 or 1, the rest
 * nothing. A call that fails a check does nothing. create_session,
 * run_session, get_tensor_len and get_tensor_data are the ones shared with
 * wasmedge_tensorflowlite (common/session_functions.c).
 */
#include <stdio.h>
#include <string.h>

#include "../common/add_function.h"
#include "../common/errno.h"
#include "../common/guest.h"
#include "../common/legacy_handles.h"
#include "../common/session_functions.h"
#include "tf_functions.h"

#define WS_TF_MAX_DIMS 64

/* "name:index" from guest bytes into Key; its length, or 0 if it does not fit. */
static uint32_t legacy_key(const uint8_t *Name, uint32_t Length, uint32_t Index, char *Key, size_t KeySize) {
  if ((size_t)Length + 12 > KeySize) return 0;
  memcpy(Key, Name, Length);
  return Length + (uint32_t)snprintf(Key + Length, KeySize - Length, ":%u", Index);
}

static WasmEdge_Result delete_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  (void)Frame;
  (void)Returns;
  uint32_t Id;
  if (ws_tf_env_api(Data) != NULL && ws_legacy_session_id(ws_param_u64(Params, 0), &Id)) ws_tf_session_delete(Data, Id);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result get_output_tensor(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                         WasmEdge_Value *Returns) {
  const void *Api;
  const uint64_t Handle = ws_param_u64(Params, 0);
  ws_tf_session *Session = ws_legacy_session_for(Data, Handle, &Api);
  const uint32_t NameLen = ws_param_u32(Params, 2);
  const uint8_t *Name = ws_guest_bytes(ws_guest_memory(Frame), ws_param_u32(Params, 1), NameLen);
  char Key[1024];
  const uint32_t KeyLen = Name != NULL ? legacy_key(Name, NameLen, ws_param_u32(Params, 3), Key, sizeof(Key)) : 0;
  const uint8_t *KeyBytes = KeyLen > 0 ? (const uint8_t *)Key : NULL;
  return ws_return_i64(Returns, ws_legacy_output_handle(Data, Api, Session, Handle, KeyBytes, KeyLen));
}

static WasmEdge_Result append_input(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                    WasmEdge_Value *Returns) {
  (void)Returns;
  const void *Api;
  ws_tf_session *Session = ws_legacy_session_for(Data, ws_param_u64(Params, 0), &Api);
  const uint32_t NameLen = ws_param_u32(Params, 2), Index = ws_param_u32(Params, 3);
  const uint32_t DimCount = ws_param_u32(Params, 5), DataType = ws_param_u32(Params, 6), DataLen = ws_param_u32(Params, 8);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Name = ws_guest_bytes(Memory, ws_param_u32(Params, 1), NameLen);
  const uint8_t *DimBytes = ws_guest_bytes(Memory, ws_param_u32(Params, 4), (uint64_t)DimCount * 8);
  const uint8_t *Bytes = ws_guest_bytes(Memory, ws_param_u32(Params, 7), DataLen);
  if (Session == NULL || Name == NULL || DimBytes == NULL || Bytes == NULL || DimCount > WS_TF_MAX_DIMS)
    return WasmEdge_Result_Success;
  char Key[1024];
  const uint32_t KeyLen = legacy_key(Name, NameLen, Index, Key, sizeof(Key));
  if (KeyLen == 0) return WasmEdge_Result_Success;
  int64_t Dims[WS_TF_MAX_DIMS];
  memcpy(Dims, DimBytes, (size_t)DimCount * 8);
  ws_tf_set_input(Api, Session, (const uint8_t *)Key, KeyLen, Dims, DimCount, DataType, Bytes, DataLen);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result append_output(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                     WasmEdge_Value *Returns) {
  (void)Returns;
  const void *Api;
  ws_tf_session *Session = ws_legacy_session_for(Data, ws_param_u64(Params, 0), &Api);
  const uint32_t NameLen = ws_param_u32(Params, 2);
  const uint8_t *Name = ws_guest_bytes(ws_guest_memory(Frame), ws_param_u32(Params, 1), NameLen);
  char Key[1024];
  const uint32_t KeyLen = Name != NULL ? legacy_key(Name, NameLen, ws_param_u32(Params, 3), Key, sizeof(Key)) : 0;
  if (Session != NULL && KeyLen > 0) ws_tf_add_output(Api, Session, (const uint8_t *)Key, KeyLen);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result clear_input(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                   WasmEdge_Value *Returns) {
  (void)Frame;
  (void)Returns;
  const void *Api;
  ws_tf_session *Session = ws_legacy_session_for(Data, ws_param_u64(Params, 0), &Api);
  if (Session != NULL) ws_tf_clear_inputs(Api, Session);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result clear_output(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                    WasmEdge_Value *Returns) {
  (void)Frame;
  (void)Returns;
  const void *Api;
  ws_tf_session *Session = ws_legacy_session_for(Data, ws_param_u64(Params, 0), &Api);
  if (Session != NULL) ws_tf_clear_outputs(Api, Session);
  return WasmEdge_Result_Success;
}

bool ws_tf_add_legacy_functions(WasmEdge_ModuleInstanceContext *Module, void *Env) {
  return ws_add_function(Module, "wasmedge_tensorflow_create_session", "ii", "I", ws_legacy_create_session, Env) &&
         ws_add_function(Module, "wasmedge_tensorflow_delete_session", "I", "", delete_session, Env) &&
         ws_add_function(Module, "wasmedge_tensorflow_run_session", "I", "i", ws_legacy_run_session, Env) &&
         ws_add_function(Module, "wasmedge_tensorflow_get_output_tensor", "Iiii", "I", get_output_tensor, Env) &&
         ws_add_function(Module, "wasmedge_tensorflow_get_tensor_len", "I", "i", ws_legacy_get_tensor_len, Env) &&
         ws_add_function(Module, "wasmedge_tensorflow_get_tensor_data", "Ii", "", ws_legacy_get_tensor_data, Env) &&
         ws_add_function(Module, "wasmedge_tensorflow_append_input", "Iiiiiiiii", "", append_input, Env) &&
         ws_add_function(Module, "wasmedge_tensorflow_append_output", "Iiii", "", append_output, Env) &&
         ws_add_function(Module, "wasmedge_tensorflow_clear_input", "I", "", clear_input, Env) &&
         ws_add_function(Module, "wasmedge_tensorflow_clear_output", "I", "", clear_output, Env);
}
