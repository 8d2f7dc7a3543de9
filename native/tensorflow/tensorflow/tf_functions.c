/*
 * The eleven host functions of module wasmedge_tensorflow, current ABI
 * (WasmEdge 0.13+, spec §6.2): i32 parameters and results, errno results.
 * When libtensorflow is missing, every function returns 1 before looking at
 * its arguments, as WasmEdge's stand-in module for an absent plug-in does.
 * Differences from upstream (all where upstream crashes or reads out of
 * bounds): get_tensor_data before a successful run returns 1; a failed run
 * leaves no stale outputs; append_input checks the byte length against the
 * shape and data type; an "op:index" index beyond the op's outputs is 1.
 * run_session, get_output_tensor and get_tensor_len are the ones shared with
 * wasmedge_tensorflowlite (common/session_functions.c).
 */
#include <stdlib.h>
#include <string.h>

#include "../common/add_function.h"
#include "../common/errno.h"
#include "../common/guest.h"
#include "../common/session_functions.h"
#include "tf_backend.h"
#include "tf_functions.h"

#define WS_TF_MAX_DIMS 64
#define WS_TF_MAX_TAGS 256

static WasmEdge_Result create_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  if (ws_tf_env_api(Data) == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  return ws_session_create(Data, Frame, Params, Returns);
}

/* A NUL-terminated copy of guest bytes, or NULL if they contain a NUL. */
static char *c_string(const uint8_t *Bytes, uint32_t Length) {
  if (memchr(Bytes, '\0', Length) != NULL) return NULL;
  char *Copy = malloc((size_t)Length + 1);
  if (Copy == NULL) return NULL;
  memcpy(Copy, Bytes, Length);
  Copy[Length] = '\0';
  return Copy;
}

static WasmEdge_Result create_session_saved_model(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                                  const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  ws_tf_env *Env = Data;
  if (ws_tf_env_api(Env) == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t PathLen = ws_param_u32(Params, 1), TagCount = ws_param_u32(Params, 3), IdPtr = ws_param_u32(Params, 4);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Path = ws_guest_bytes(Memory, ws_param_u32(Params, 0), PathLen);
  const uint8_t *TagEntries = ws_guest_bytes(Memory, ws_param_u32(Params, 2), (uint64_t)TagCount * 8);
  if (Path == NULL || TagEntries == NULL || ws_guest_bytes(Memory, IdPtr, 4) == NULL)
    return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  if (TagCount > WS_TF_MAX_TAGS) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  /* Each tag is {u32 ptr, u32 len}, e.g. a Rust &[&str]. */
  for (uint32_t I = 0; I < TagCount; ++I) {
    uint32_t Entry[2];
    memcpy(Entry, TagEntries + (size_t)I * 8, 8);
    if (ws_guest_bytes(Memory, Entry[0], Entry[1]) == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  }
  uint32_t Errno = WS_TF_INVALID_ARGUMENT, Id = 0;
  char *PathCopy = c_string(Path, PathLen);
  char **Tags = calloc(TagCount > 0 ? TagCount : 1, sizeof(char *));
  bool TagsOk = PathCopy != NULL && Tags != NULL;
  for (uint32_t I = 0; TagsOk && I < TagCount; ++I) {
    uint32_t Entry[2];
    memcpy(Entry, TagEntries + (size_t)I * 8, 8);
    Tags[I] = c_string(ws_guest_bytes(Memory, Entry[0], Entry[1]), Entry[1]);
    TagsOk = Tags[I] != NULL;
  }
  if (TagsOk) Errno = ws_tf_session_create_saved_model(Env, PathCopy, (const char *const *)Tags, (int)TagCount, &Id);
  for (uint32_t I = 0; Tags != NULL && I < TagCount; ++I) free(Tags[I]);
  free(Tags);
  free(PathCopy);
  return ws_session_finish_create(Env, Memory, IdPtr, Errno, Id, Returns);
}

static WasmEdge_Result delete_session(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                      WasmEdge_Value *Returns) {
  if (ws_tf_env_api(Data) == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  return ws_session_delete(Data, Frame, Params, Returns);
}

static WasmEdge_Result append_input(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                    WasmEdge_Value *Returns) {
  const void *Api;
  ws_tf_session *Session = ws_session_for(Data, ws_param_u32(Params, 0), &Api);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t NameLen = ws_param_u32(Params, 2), DimCount = ws_param_u32(Params, 4);
  const uint32_t DataType = ws_param_u32(Params, 5), DataLen = ws_param_u32(Params, 7);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  const uint8_t *Bytes = ws_guest_bytes(Memory, ws_param_u32(Params, 6), DataLen);
  const uint8_t *DimBytes = ws_guest_bytes(Memory, ws_param_u32(Params, 3), (uint64_t)DimCount * 8);
  const uint8_t *Name = ws_guest_bytes(Memory, ws_param_u32(Params, 1), NameLen);
  if (Bytes == NULL || DimBytes == NULL || Name == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  if (DimCount > WS_TF_MAX_DIMS) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  int64_t Dims[WS_TF_MAX_DIMS];
  memcpy(Dims, DimBytes, (size_t)DimCount * 8); /* guest i64s need not be aligned */
  return ws_return_i32(Returns, ws_tf_set_input(Api, Session, Name, NameLen, Dims, DimCount, DataType, Bytes, DataLen));
}

static WasmEdge_Result append_output(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                     WasmEdge_Value *Returns) {
  const void *Api;
  ws_tf_session *Session = ws_session_for(Data, ws_param_u32(Params, 0), &Api);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t NameLen = ws_param_u32(Params, 2);
  const uint8_t *Name = ws_guest_bytes(ws_guest_memory(Frame), ws_param_u32(Params, 1), NameLen);
  if (Name == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  return ws_return_i32(Returns, ws_tf_add_output(Api, Session, Name, NameLen));
}

static WasmEdge_Result clear_input(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                   WasmEdge_Value *Returns) {
  (void)Frame;
  const void *Api;
  ws_tf_session *Session = ws_session_for(Data, ws_param_u32(Params, 0), &Api);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  ws_tf_clear_inputs(Api, Session);
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

static WasmEdge_Result clear_output(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                    WasmEdge_Value *Returns) {
  (void)Frame;
  const void *Api;
  ws_tf_session *Session = ws_session_for(Data, ws_param_u32(Params, 0), &Api);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  ws_tf_clear_outputs(Api, Session);
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

static WasmEdge_Result get_tensor_data(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params,
                                       WasmEdge_Value *Returns) {
  const void *Api;
  ws_tf_session *Session = ws_session_for(Data, ws_param_u32(Params, 0), &Api);
  if (Session == NULL) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  const uint32_t TensorId = ws_param_u32(Params, 1), BufLen = ws_param_u32(Params, 3), WrittenPtr = ws_param_u32(Params, 4);
  WasmEdge_MemoryInstanceContext *Memory = ws_guest_memory(Frame);
  uint8_t *Buffer = ws_guest_bytes(Memory, ws_param_u32(Params, 2), BufLen);
  if (Buffer == NULL || ws_guest_bytes(Memory, WrittenPtr, 4) == NULL) return ws_return_i32(Returns, WS_TF_MISSING_MEMORY);
  const void *Source;
  size_t Size;
  if (!ws_tf_backend.OutputBytes(Api, Session, TensorId, &Source, &Size)) return ws_return_i32(Returns, WS_TF_INVALID_ARGUMENT);
  if (Size > BufLen) Size = BufLen; /* the first BufLen bytes */
  if (Size > 0) memcpy(Buffer, Source, Size);
  ws_guest_store_u32(Memory, WrittenPtr, (uint32_t)Size);
  return ws_return_i32(Returns, WS_TF_SUCCESS);
}

bool ws_tf_add_current_functions(WasmEdge_ModuleInstanceContext *Module, void *Env) {
  return ws_add_function(Module, "create_session", "iii", "i", create_session, Env) &&
         ws_add_function(Module, "create_session_saved_model", "iiiii", "i", create_session_saved_model, Env) &&
         ws_add_function(Module, "delete_session", "i", "i", delete_session, Env) &&
         ws_add_function(Module, "append_input", "iiiiiiii", "i", append_input, Env) &&
         ws_add_function(Module, "append_output", "iii", "i", append_output, Env) &&
         ws_add_function(Module, "clear_input", "i", "i", clear_input, Env) &&
         ws_add_function(Module, "clear_output", "i", "i", clear_output, Env) &&
         ws_add_function(Module, "run_session", "i", "i", ws_session_run, Env) &&
         ws_add_function(Module, "get_output_tensor", "iiii", "i", ws_session_get_output_tensor, Env) &&
         ws_add_function(Module, "get_tensor_len", "iii", "i", ws_session_get_tensor_len, Env) &&
         ws_add_function(Module, "get_tensor_data", "iiiii", "i", get_tensor_data, Env);
}
