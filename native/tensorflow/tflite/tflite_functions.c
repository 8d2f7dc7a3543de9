/*
 * The seven host functions of module wasmedge_tensorflowlite, current ABI
 * (WasmEdge 0.13+, spec §6.3): every parameter and result is i32 and every
 * failure is an errno. Differences from upstream, all on paths where upstream
 * crashes or misleads: the model bytes are copied; get_tensor_data before a
 * successful run_session returns 1; get_tensor_data writes the number of
 * bytes copied (upstream always writes 0). All but append_input and
 * get_tensor_data are the ones shared with wasmedge_tensorflow
 * (common/session_functions.c).
 */
#include "tflite_functions.h"

#include "../common/add_function.h"
#include "../common/errno.h"
#include "../common/guest.h"
#include "../common/session_functions.h"
#include "tflite_backend.h"
#include "tflite_session.h"

static WasmEdge_Result append_input(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                    WasmEdge_Value *Returns) {
  const void *Lib;
  ws_tflite_session *Session = ws_session_for(Data, ws_param_u32(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t NameLen = ws_param_u32(Params, 2), DataLen = ws_param_u32(Params, 4);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Name = ws_guest_bytes(Memory, ws_param_u32(Params, 1), NameLen);
  const uint8_t *Bytes = ws_guest_bytes(Memory, ws_param_u32(Params, 3), DataLen);
  if (Name == NULL || Bytes == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  return ws_return_i32(Returns, ws_tflite_set_input(Lib, Session, Name, NameLen, Bytes, DataLen));
}

static WasmEdge_Result get_tensor_data(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                       WasmEdge_Value *Returns) {
  const void *Lib;
  ws_tflite_session *Session = ws_session_for(Data, ws_param_u32(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t BufLen = ws_param_u32(Params, 3), WrittenPtr = ws_param_u32(Params, 4);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  uint8_t *Buffer = ws_guest_bytes(Memory, ws_param_u32(Params, 2), BufLen);
  if (Buffer == NULL || ws_guest_bytes(Memory, WrittenPtr, 4) == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  ws_guest_store_u32(Memory, WrittenPtr, 0);
  const void *Source;
  size_t Size;
  if (!ws_tflite_backend.OutputBytes(Lib, Session, ws_param_u32(Params, 1), &Source, &Size) || Size != BufLen)
    return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  if (Source == NULL && Size > 0) return ws_return_i32(Returns, WS_TF_BUSY);
  if (Size > 0) memcpy(Buffer, Source, Size);
  ws_guest_store_u32(Memory, WrittenPtr, (uint32_t)Size);
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

bool ws_tflite_add_current_functions(WasmEdge_ModuleInstanceContext *Module, void *Env) {
  return ws_add_function(Module, "create_session", "iii", "i", ws_session_create, Env) &&
         ws_add_function(Module, "delete_session", "i", "i", ws_session_delete, Env) &&
         ws_add_function(Module, "append_input", "iiiii", "i", append_input, Env) &&
         ws_add_function(Module, "run_session", "i", "i", ws_session_run, Env) &&
         ws_add_function(Module, "get_output_tensor", "iiii", "i", ws_session_get_output_tensor, Env) &&
         ws_add_function(Module, "get_tensor_len", "iii", "i", ws_session_get_tensor_len, Env) &&
         ws_add_function(Module, "get_tensor_data", "iiiii", "i", get_tensor_data, Env);
}
