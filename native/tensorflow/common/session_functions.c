/* The host functions and helpers declared in session_functions.h. */
#include "session_functions.h"

#include <string.h>

#include "errno.h"
#include "guest.h"
#include "legacy_handles.h"

static const ws_session_backend *backend(const void *Env) { return ((const ws_session_env *)Env)->Backend; }

void *ws_session_for(void *Env, uint32_t Id, const void **Lib) {
  *Lib = backend(Env)->Library(Env);
  return *Lib != NULL ? backend(Env)->SessionGet(Env, Id) : NULL;
}

void *ws_legacy_session_for(void *Env, uint64_t Handle, const void **Lib) {
  uint32_t Id;
  *Lib = backend(Env)->Library(Env);
  if (*Lib == NULL || !ws_legacy_session_id(Handle, &Id)) return NULL;
  return backend(Env)->SessionGet(Env, Id);
}

/* The session and output index behind a legacy tensor handle, or NULL. The
 * tensor is looked up again on every use (see legacy_handles.h). */
static void *legacy_output_for(void *Env, uint64_t Handle, const void **Lib, uint32_t *Index) {
  uint32_t Id;
  *Lib = backend(Env)->Library(Env);
  if (*Lib == NULL || !ws_legacy_tensor_id(Handle, &Id, Index)) return NULL;
  return backend(Env)->SessionGet(Env, Id);
}

WasmEdge_Result ws_session_finish_create(void *Env, WasmEdge_MemoryInstanceContext *Memory, uint32_t IdPtr, uint32_t Errno,
                                         uint32_t Id, WasmEdge_Value *Returns) {
  if (Errno != WS_TF_SUCCESS) return ws_return_i32(Returns, Errno);
  if (!ws_guest_store_u32(Memory, IdPtr, Id)) {
    backend(Env)->SessionDelete(Env, Id);
    return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  }
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

WasmEdge_Result ws_session_create(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                  WasmEdge_Value *Returns) {
  const uint32_t Length = ws_param_u32(Params, 1), IdPtr = ws_param_u32(Params, 2);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Model = ws_guest_bytes(Memory, ws_param_u32(Params, 0), Length);
  if (Model == NULL || ws_guest_bytes(Memory, IdPtr, 4) == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  uint32_t Id = 0;
  const uint32_t Errno = backend(Data)->SessionCreate(Data, Model, Length, &Id);
  return ws_session_finish_create(Data, Memory, IdPtr, Errno, Id, Returns);
}

WasmEdge_Result ws_session_delete(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                  WasmEdge_Value *Returns) {
  (void)Frame;
  backend(Data)->SessionDelete(Data, ws_param_u32(Params, 0));
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

WasmEdge_Result ws_session_run(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                               WasmEdge_Value *Returns) {
  (void)Frame;
  const void *Lib;
  void *Session = ws_session_for(Data, ws_param_u32(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  return ws_return_i32(Returns, backend(Data)->Run(Lib, Session));
}

WasmEdge_Result ws_session_get_output_tensor(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                             const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  const void *Lib;
  const void *Session = ws_session_for(Data, ws_param_u32(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t NameLen = ws_param_u32(Params, 2), IdPtr = ws_param_u32(Params, 3);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Name = ws_guest_bytes(Memory, ws_param_u32(Params, 1), NameLen);
  if (Name == NULL || ws_guest_bytes(Memory, IdPtr, 4) == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  const int32_t Index = backend(Data)->FindOutput(Lib, Session, Name, NameLen);
  if (Index < 0) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  ws_guest_store_u32(Memory, IdPtr, (uint32_t)Index);
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

WasmEdge_Result ws_session_get_tensor_len(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                          WasmEdge_Value *Returns) {
  const void *Lib;
  const void *Session = ws_session_for(Data, ws_param_u32(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t LenPtr = ws_param_u32(Params, 2);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  if (ws_guest_bytes(Memory, LenPtr, 4) == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  size_t Size;
  if (!backend(Data)->OutputSize(Lib, Session, ws_param_u32(Params, 1), &Size))
    return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  ws_guest_store_u32(Memory, LenPtr, (uint32_t)Size);
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

WasmEdge_Result ws_legacy_create_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                         WasmEdge_Value *Returns) {
  const uint32_t Length = ws_param_u32(Params, 1);
  const uint8_t *Model = ws_guest_bytes(ws_guest_memory(Frame), ws_param_u32(Params, 0), Length);
  uint32_t Id;
  if (Model == NULL || backend(Data)->SessionCreate(Data, Model, Length, &Id) != WS_TF_SUCCESS)
    return ws_return_i64(Returns, 0);
  return ws_return_i64(Returns, ws_legacy_session_handle(Id));
}

WasmEdge_Result ws_legacy_run_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  (void)Frame;
  const void *Lib;
  void *Session = ws_legacy_session_for(Data, ws_param_u64(Params, 0), &Lib);
  if (Session == NULL) return ws_return_i32(Returns, 1);
  return ws_return_i32(Returns, backend(Data)->Run(Lib, Session) == WS_TF_SUCCESS ? 0 : 1);
}

uint64_t ws_legacy_output_handle(const ws_session_env *Env, const void *Lib, const void *Session, uint64_t SessionHandle,
                                 const uint8_t *Name, uint32_t Length) {
  if (Session == NULL || Name == NULL) return 0;
  const int32_t Index = Env->Backend->FindOutput(Lib, Session, Name, Length);
  if (Index < 0) return 0;
  return ws_legacy_tensor_handle((uint32_t)(SessionHandle - 1), (uint32_t)Index);
}

WasmEdge_Result ws_legacy_get_tensor_len(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                         WasmEdge_Value *Returns) {
  (void)Frame;
  const void *Lib;
  uint32_t Index;
  const void *Session = legacy_output_for(Data, ws_param_u64(Params, 0), &Lib, &Index);
  size_t Size;
  if (Session == NULL || !backend(Data)->OutputSize(Lib, Session, Index, &Size)) return ws_return_i32(Returns, 0);
  return ws_return_i32(Returns, (uint32_t)Size);
}

WasmEdge_Result ws_legacy_get_tensor_data(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                          WasmEdge_Value *Returns) {
  (void)Returns;
  const void *Lib;
  uint32_t Index;
  const void *Session = legacy_output_for(Data, ws_param_u64(Params, 0), &Lib, &Index);
  const void *Source;
  size_t Size;
  if (Session == NULL || !backend(Data)->OutputBytes(Lib, Session, Index, &Source, &Size)) return WasmEdge_Result_Success;
  /* No buffer length in this ABI: the buffer must hold the whole tensor. */
  uint8_t *Buffer = ws_guest_bytes(ws_guest_memory(Frame), ws_param_u32(Params, 1), Size);
  if (Buffer != NULL && Source != NULL && Size > 0) memcpy(Buffer, Source, Size);
  return WasmEdge_Result_Success;
}

WasmEdge_ModuleInstanceContext *ws_session_module_create(const char *Name, void *Env, void (*DeleteEnv)(void *),
                                                         ws_add_functions_t AddCurrent, ws_add_functions_t AddLegacy) {
  WasmEdge_String ModuleName = WasmEdge_StringCreateByCString(Name);
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreateWithData(ModuleName, Env, DeleteEnv);
  WasmEdge_StringDelete(ModuleName);
  if (Module == NULL) {
    DeleteEnv(Env);
    return NULL;
  }
  if (!AddCurrent(Module, Env) || !AddLegacy(Module, Env)) {
    WasmEdge_ModuleInstanceDelete(Module); /* runs DeleteEnv */
    return NULL;
  }
  return Module;
}
