/*
 * The seven host functions of module wasmedge_tensorflowlite, current ABI
 * (WasmEdge 0.13+, spec §6.3): every parameter and result is i32 and every
 * failure is an errno. Differences from upstream, all on paths where upstream
 * crashes or misleads: the model bytes are copied; get_tensor_data before a
 * successful run_session returns 1; get_tensor_data writes the number of
 * bytes copied (upstream always writes 0).
 */
#include "tflite_functions.h"

#include "../common/add_function.h"
#include "../common/errno.h"
#include "../common/guest.h"
#include "tflite_session.h"

/* The session for a call, or NULL with *Errno set (library missing → 1, unknown id → 1). */
static ws_tflite_session *session_for(ws_tflite_env *Env, uint32_t Id, const ws_tflite **Lib) {
  *Lib = ws_tflite_env_library(Env);
  return *Lib != NULL ? ws_tflite_session_get(Env, Id) : NULL;
}

static WasmEdge_Result create_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  ws_tflite_env *Env = Data;
  const uint32_t ModelPtr = ws_param_u32(Params, 0), ModelLen = ws_param_u32(Params, 1);
  const uint32_t IdPtr = ws_param_u32(Params, 2);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Model = ws_guest_bytes(Memory, ModelPtr, ModelLen);
  if (Model == NULL || ws_guest_bytes(Memory, IdPtr, 4) == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  uint32_t Id;
  const uint32_t Errno = ws_tflite_session_create(Env, Model, ModelLen, &Id);
  if (Errno != WS_TF_SUCCESS) return ws_return_i32(Returns, Errno);
  if (!ws_guest_store_u32(Memory, IdPtr, Id)) {
    ws_tflite_session_delete(Env, Id);
    return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  }
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

static WasmEdge_Result delete_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  (void)Frame;
  ws_tflite_session_delete(Data, ws_param_u32(Params, 0));
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

static WasmEdge_Result append_input(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                    WasmEdge_Value *Returns) {
  const ws_tflite *Lib;
  ws_tflite_session *Session = session_for(Data, ws_param_u32(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t NameLen = ws_param_u32(Params, 2), DataLen = ws_param_u32(Params, 4);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Name = ws_guest_bytes(Memory, ws_param_u32(Params, 1), NameLen);
  const uint8_t *Bytes = ws_guest_bytes(Memory, ws_param_u32(Params, 3), DataLen);
  if (Name == NULL || Bytes == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  return ws_return_i32(Returns, ws_tflite_set_input(Lib, Session, Name, NameLen, Bytes, DataLen));
}

static WasmEdge_Result run_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                   WasmEdge_Value *Returns) {
  (void)Frame;
  const ws_tflite *Lib;
  ws_tflite_session *Session = session_for(Data, ws_param_u32(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  return ws_return_i32(Returns, ws_tflite_run(Lib, Session));
}

static WasmEdge_Result get_output_tensor(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                         WasmEdge_Value *Returns) {
  const ws_tflite *Lib;
  ws_tflite_session *Session = session_for(Data, ws_param_u32(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t NameLen = ws_param_u32(Params, 2), IdPtr = ws_param_u32(Params, 3);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Name = ws_guest_bytes(Memory, ws_param_u32(Params, 1), NameLen);
  if (Name == NULL || ws_guest_bytes(Memory, IdPtr, 4) == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  const int32_t Index = ws_tflite_find_output(Lib, Session, Name, NameLen);
  if (Index < 0) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  ws_guest_store_u32(Memory, IdPtr, (uint32_t)Index);
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

static WasmEdge_Result get_tensor_len(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  const ws_tflite *Lib;
  ws_tflite_session *Session = session_for(Data, ws_param_u32(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint32_t LenPtr = ws_param_u32(Params, 2);
  if (ws_guest_bytes(Memory, LenPtr, 4) == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  const TfLiteTensor *Tensor = ws_tflite_output(Lib, Session, ws_param_u32(Params, 1));
  if (Tensor == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  ws_guest_store_u32(Memory, LenPtr, (uint32_t)Lib->Api.TensorByteSize(Tensor));
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

static WasmEdge_Result get_tensor_data(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                       WasmEdge_Value *Returns) {
  const ws_tflite *Lib;
  ws_tflite_session *Session = session_for(Data, ws_param_u32(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t BufLen = ws_param_u32(Params, 3), WrittenPtr = ws_param_u32(Params, 4);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  uint8_t *Buffer = ws_guest_bytes(Memory, ws_param_u32(Params, 2), BufLen);
  if (Buffer == NULL || ws_guest_bytes(Memory, WrittenPtr, 4) == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  ws_guest_store_u32(Memory, WrittenPtr, 0);
  const TfLiteTensor *Tensor = ws_tflite_output(Lib, Session, ws_param_u32(Params, 1));
  if (Tensor == NULL || !Session->Ran) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const size_t Size = Lib->Api.TensorByteSize(Tensor);
  if (Size != BufLen) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const void *Source = Lib->Api.TensorData(Tensor);
  if (Source == NULL && Size > 0) return ws_return_i32(Returns, WS_TF_BUSY);
  if (Size > 0) memcpy(Buffer, Source, Size);
  ws_guest_store_u32(Memory, WrittenPtr, (uint32_t)Size);
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

bool ws_tflite_add_current_functions(WasmEdge_ModuleInstanceContext *Module, ws_tflite_env *Env) {
  return ws_add_function(Module, "create_session", "iii", "i", create_session, Env) &&
         ws_add_function(Module, "delete_session", "i", "i", delete_session, Env) &&
         ws_add_function(Module, "append_input", "iiiii", "i", append_input, Env) &&
         ws_add_function(Module, "run_session", "i", "i", run_session, Env) &&
         ws_add_function(Module, "get_output_tensor", "iiii", "i", get_output_tensor, Env) &&
         ws_add_function(Module, "get_tensor_len", "iii", "i", get_tensor_len, Env) &&
         ws_add_function(Module, "get_tensor_data", "iiiii", "i", get_tensor_data, Env);
}
