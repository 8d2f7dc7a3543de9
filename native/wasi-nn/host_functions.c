/*
 * The 12 host functions of wasi_ephemeral_nn, in WasmEdge's registration
 * order, with WasmEdge's check order and error codes (spec A.2, A.6). Each
 * returns one i32 errno; handles and sizes go to u32 out-pointers, which are
 * written only on success (and for TooLarge, the required size).
 */
#include "autodetect.h"
#include "backend_registry.h"
#include "guest_memory.h"
#include "nn_env.h"

#include <wasmedge/ws_extensions.h>

#include <stdlib.h>
#include <string.h>

uint8_t ws_nn_empty_region[1];

/* A builder count no backend needs; larger arrays are refused before any
 * allocation proportional to a guest-chosen number. */
#define WS_NN_MAX_BUILDERS 64

typedef struct call {
  ws_nn_env *Env;
  WasmEdge_MemoryInstanceContext *Memory;
  const WasmEdge_Value *Params;
  WasmEdge_Value *Returns;
} call;

static uint32_t param(const call *Call, int Index) { return (uint32_t)WasmEdge_ValueGetI32(Call->Params[Index]); }

static WasmEdge_Result finish(const call *Call, uint32_t Errno) {
  Call->Returns[0] = WasmEdge_ValueGenI32((int32_t)Errno);
  return WasmEdge_Result_Success;
}

/* A missing memory 0 traps (WasmEdge raises HostFuncError, not an errno). */
static WasmEdge_Result missing_memory_trap(void) {
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_HostFuncError);
}

#define BEGIN_CALL(Call, Data, Frame, Params, Returns)                                             \
  call Call = {(ws_nn_env *)(Data), WasmEdge_CallingFrameGetMemoryInstance((Frame), 0), (Params),  \
               (Returns)};                                                                         \
  if (Call.Memory == NULL) return missing_memory_trap()

/* Builds a graph with Backend and publishes it; writes its id at Out. */
static uint32_t publish_graph(ws_nn_env *Env, uint32_t Encoding, const ws_nn_bytes *Builders,
                              uint32_t BuilderCount, uint32_t Target, uint32_t *IdOut) {
  /* Autodetect (5) picks the backend from the model bytes. */
  if (Encoding == WS_NN_ENCODING_AUTODETECT) Encoding = ws_nn_autodetect_encoding(Builders, BuilderCount);
  if (Encoding >= WS_NN_ENCODING_COUNT) return WS_NN_INVALID_ENCODING;
  /* Before any loading: a guest over its budget costs no backend work. */
  if (ws_nn_table_refuses(&Env->Graphs, "graphs", "nn-max-graphs")) return WS_NN_RUNTIME_ERROR;
  const ws_nn_backend *Backend = NULL;
  /* The host's level now: @ws/core may change it between runs. */
  Env->Settings.LogLevel = (int32_t)ws_current_log_level();
  uint32_t Errno = ws_nn_backend_for(Encoding, &Env->Locations[Encoding], &Env->Settings, &Backend);
  if (Errno != WS_NN_SUCCESS) return Errno;
  void *BackendGraph = NULL;
  Errno = Backend->Load(Builders, BuilderCount, Target, &Env->Settings, &BackendGraph);
  if (Errno != WS_NN_SUCCESS) return Errno;
  ws_nn_graph *Graph = calloc(1, sizeof(*Graph));
  if (Graph == NULL) {
    Backend->GraphRelease(BackendGraph);
    return WS_NN_RUNTIME_ERROR;
  }
  *Graph = (ws_nn_graph){Backend, BackendGraph, Encoding, 1, WS_NN_GRAPH_READY};
  if (!ws_nn_table_insert(&Env->Graphs, Graph, IdOut)) {
    ws_nn_graph_release(Graph);
    return WS_NN_RUNTIME_ERROR;
  }
  return WS_NN_SUCCESS;
}

static WasmEdge_Result nn_load(void *Data, const WasmEdge_CallingFrameContext *Frame,
                               const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  BEGIN_CALL(Call, Data, Frame, Params, Returns);
  uint32_t ArrayPtr = param(&Call, 0), ArrayLength = param(&Call, 1);
  uint32_t Encoding = param(&Call, 2) & 0xFF, Target = param(&Call, 3);
  uint8_t *Out = ws_nn_guest_region(Call.Memory, param(&Call, 4), 4);
  if (Out == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  if (Target > WS_NN_TARGET_TPU) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  const uint8_t *Array = ws_nn_guest_region(Call.Memory, ArrayPtr, (uint64_t)ArrayLength * 8);
  if (Array == NULL || ArrayLength > WS_NN_MAX_BUILDERS) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  ws_nn_bytes Builders[WS_NN_MAX_BUILDERS];
  for (uint32_t I = 0; I < ArrayLength; ++I) {
    uint32_t Ptr = ws_nn_read_u32(Array + I * 8), Length = ws_nn_read_u32(Array + I * 8 + 4);
    Builders[I].Data = ws_nn_guest_region(Call.Memory, Ptr, Length);
    Builders[I].Length = Length;
    if (Builders[I].Data == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
    /* "preload:<path>" names a host file: honoured only from --nn-preload. */
    if (Length >= 8 && memcmp(Builders[I].Data, "preload:", 8) == 0) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  }
  if (!ws_nn_encoding_is_known(Encoding)) return finish(&Call, WS_NN_INVALID_ENCODING);
  uint32_t Id;
  uint32_t Errno = publish_graph(Call.Env, Encoding, Builders, ArrayLength, Target, &Id);
  if (Errno == WS_NN_SUCCESS) ws_nn_write_u32(Out, Id);
  return finish(&Call, Errno);
}

/* load_by_name and load_by_name_with_config; Config may be empty. */
static uint32_t load_named(ws_nn_env *Env, const char *Name, uint32_t NameLength,
                           const uint8_t *Config, uint32_t ConfigLength, uint8_t *Out) {
  const ws_nn_preload *Preload = ws_nn_preload_find(&Env->Preloads, Name, NameLength);
  if (Preload == NULL) return WS_NN_NOT_FOUND;
  ws_nn_named_graph *Named = &Env->Named[Preload - Env->Preloads.Items];
  if (Named->Live && ws_nn_table_get(&Env->Graphs, Named->GraphId) != NULL) {
    /* WasmEdge returns the cached handle and ignores a config here. */
    ws_nn_write_u32(Out, Named->GraphId);
    return WS_NN_SUCCESS;
  }
  ws_nn_bytes Builders[WS_NN_MAX_BUILDERS + 1];
  uint32_t Count = Preload->BuilderCount;
  if (Count > WS_NN_MAX_BUILDERS) return WS_NN_INVALID_ARGUMENT;
  for (uint32_t I = 0; I < Count; ++I) Builders[I] = Preload->Builders[I];
  /* A non-empty config becomes an extra, last builder (WasmEdge semantics). */
  if (ConfigLength > 0) Builders[Count++] = (ws_nn_bytes){Config, ConfigLength};
  uint32_t Id;
  uint32_t Errno = publish_graph(Env, Preload->Encoding, Builders, Count, Preload->Target, &Id);
  if (Errno != WS_NN_SUCCESS) return Errno;
  Named->GraphId = Id;
  Named->Live = 1;
  ws_nn_write_u32(Out, Id);
  return WS_NN_SUCCESS;
}

static WasmEdge_Result nn_load_by_name(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                       const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  BEGIN_CALL(Call, Data, Frame, Params, Returns);
  uint8_t *Out = ws_nn_guest_region(Call.Memory, param(&Call, 2), 4);
  if (Out == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  uint32_t NameLength = param(&Call, 1);
  const uint8_t *Name = ws_nn_guest_region(Call.Memory, param(&Call, 0), NameLength);
  if (Name == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  return finish(&Call, load_named(Call.Env, (const char *)Name, NameLength, NULL, 0, Out));
}

static WasmEdge_Result nn_load_by_name_with_config(void *Data,
                                                   const WasmEdge_CallingFrameContext *Frame,
                                                   const WasmEdge_Value *Params,
                                                   WasmEdge_Value *Returns) {
  BEGIN_CALL(Call, Data, Frame, Params, Returns);
  uint8_t *Out = ws_nn_guest_region(Call.Memory, param(&Call, 4), 4);
  if (Out == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  uint32_t NameLength = param(&Call, 1), ConfigLength = param(&Call, 3);
  const uint8_t *Name = ws_nn_guest_region(Call.Memory, param(&Call, 0), NameLength);
  if (Name == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  const uint8_t *Config = ws_nn_guest_region(Call.Memory, param(&Call, 2), ConfigLength);
  if (Config == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  return finish(&Call, load_named(Call.Env, (const char *)Name, NameLength, Config, ConfigLength, Out));
}

static WasmEdge_Result nn_init_execution_context(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                                 const WasmEdge_Value *Params,
                                                 WasmEdge_Value *Returns) {
  BEGIN_CALL(Call, Data, Frame, Params, Returns);
  uint8_t *Out = ws_nn_guest_region(Call.Memory, param(&Call, 1), 4);
  if (Out == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  ws_nn_graph *Graph = ws_nn_table_get(&Call.Env->Graphs, param(&Call, 0));
  if (Graph == NULL || Graph->Status != WS_NN_GRAPH_READY) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  if (ws_nn_table_refuses(&Call.Env->Contexts, "contexts", "nn-max-contexts")) return finish(&Call, WS_NN_RUNTIME_ERROR);
  void *BackendContext = NULL;
  uint32_t Errno = Graph->Backend->InitContext(Graph->BackendGraph, &BackendContext);
  if (Errno != WS_NN_SUCCESS) return finish(&Call, Errno);
  ws_nn_context *Context = calloc(1, sizeof(*Context));
  uint32_t Id;
  if (Context == NULL) {
    Graph->Backend->ContextRelease(BackendContext);
    return finish(&Call, WS_NN_RUNTIME_ERROR);
  }
  *Context = (ws_nn_context){Graph, BackendContext};
  if (!ws_nn_table_insert(&Call.Env->Contexts, Context, &Id)) {
    Graph->Backend->ContextRelease(BackendContext);
    free(Context);
    return finish(&Call, WS_NN_RUNTIME_ERROR);
  }
  Graph->References++;
  ws_nn_write_u32(Out, Id);
  return finish(&Call, WS_NN_SUCCESS);
}

/* The tensor types a guest's tag may mean. WasmEdge >= 0.15 numbers
 * F16 0, F32 1, F64 2, U8 3, I32 4, I64 5; older WasmEdge and guest crates
 * numbered F16 0, F32 1, U8 2, I32 3. F64 and I64 are refused by WasmEdge's
 * set_input, so 2 can only mean U8 and 4 only I32; 3 is U8 or I32 and the
 * backend decides by the model's input type (which also fixes the byte size). */
static uint32_t tensor_type_candidates(uint8_t Tag) {
  switch (Tag) {
  case 0: return WS_NN_TYPE_BIT(WS_NN_TENSOR_F16);
  case 1: return WS_NN_TYPE_BIT(WS_NN_TENSOR_F32);
  case 2: return WS_NN_TYPE_BIT(WS_NN_TENSOR_U8);
  case 3: return WS_NN_TYPE_BIT(WS_NN_TENSOR_U8) | WS_NN_TYPE_BIT(WS_NN_TENSOR_I32);
  case 4: return WS_NN_TYPE_BIT(WS_NN_TENSOR_I32);
  default: return 0;
  }
}

static WasmEdge_Result nn_set_input(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                    const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  BEGIN_CALL(Call, Data, Frame, Params, Returns);
  /* Tensor struct: dims ptr, dims len (elements), type (1 byte + 3 padding), data ptr, data len. */
  const uint8_t *Struct = ws_nn_guest_region(Call.Memory, param(&Call, 2), 20);
  if (Struct == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  ws_nn_tensor Tensor;
  uint32_t DimsPtr = ws_nn_read_u32(Struct), DataPtr = ws_nn_read_u32(Struct + 12);
  Tensor.DimCount = ws_nn_read_u32(Struct + 4);
  Tensor.DataLength = ws_nn_read_u32(Struct + 16);
  Tensor.Dims = (const uint32_t *)ws_nn_guest_region(Call.Memory, DimsPtr, (uint64_t)Tensor.DimCount * 4);
  if (Tensor.Dims == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  Tensor.Data = ws_nn_guest_region(Call.Memory, DataPtr, Tensor.DataLength);
  if (Tensor.Data == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  Tensor.TypeCandidates = tensor_type_candidates(Struct[8]); /* only the low byte counts */
  if (Tensor.TypeCandidates == 0) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  ws_nn_context *Context = ws_nn_table_get(&Call.Env->Contexts, param(&Call, 0));
  if (Context == NULL || Context->Graph->Status == WS_NN_GRAPH_DETACHED)
    return finish(&Call, WS_NN_INVALID_ARGUMENT);
  return finish(&Call, Context->Graph->Backend->SetInput(Context->BackendContext, param(&Call, 1), &Tensor));
}

/* get_output and get_output_single share their checks. */
static WasmEdge_Result get_output_common(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                         const WasmEdge_Value *Params, WasmEdge_Value *Returns,
                                         int Single) {
  BEGIN_CALL(Call, Data, Frame, Params, Returns);
  uint32_t BufferLength = param(&Call, 3);
  uint8_t *Buffer = ws_nn_guest_region(Call.Memory, param(&Call, 2), BufferLength);
  if (Buffer == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  uint8_t *Written = ws_nn_guest_region(Call.Memory, param(&Call, 4), 4);
  if (Written == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  ws_nn_context *Context = ws_nn_table_get(&Call.Env->Contexts, param(&Call, 0));
  if (Context == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  const ws_nn_backend *Backend = Context->Graph->Backend;
  /* Single-token streaming exists only for LLM backends (GGML). */
  if (Single && Backend->GetOutputSingle == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  uint32_t Size = 0;
  uint32_t Errno = (Single ? Backend->GetOutputSingle : Backend->GetOutput)(
      Context->BackendContext, param(&Call, 1), Buffer, BufferLength, &Size);
  if (Errno == WS_NN_SUCCESS || Errno == WS_NN_TOO_LARGE) ws_nn_write_u32(Written, Size);
  return finish(&Call, Errno);
}

static WasmEdge_Result nn_get_output(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                     const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  return get_output_common(Data, Frame, Params, Returns, 0);
}

static WasmEdge_Result nn_get_output_single(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                            const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  return get_output_common(Data, Frame, Params, Returns, 1);
}

static WasmEdge_Result nn_compute(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                  const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  BEGIN_CALL(Call, Data, Frame, Params, Returns);
  ws_nn_context *Context = ws_nn_table_get(&Call.Env->Contexts, param(&Call, 0));
  if (Context == NULL || Context->Graph->Status != WS_NN_GRAPH_READY)
    return finish(&Call, WS_NN_INVALID_ARGUMENT);
  return finish(&Call, Context->Graph->Backend->Compute(Context->BackendContext));
}

/* compute_single (needs a Ready graph, like compute) and fini_single (any
 * graph status): token streaming, LLM backends only. */
static WasmEdge_Result streaming_call(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                      const WasmEdge_Value *Params, WasmEdge_Value *Returns, int Fini) {
  BEGIN_CALL(Call, Data, Frame, Params, Returns);
  ws_nn_context *Context = ws_nn_table_get(&Call.Env->Contexts, param(&Call, 0));
  if (Context == NULL || (!Fini && Context->Graph->Status != WS_NN_GRAPH_READY))
    return finish(&Call, WS_NN_INVALID_ARGUMENT);
  uint32_t (*Function)(void *) = Fini ? Context->Graph->Backend->FiniSingle : Context->Graph->Backend->ComputeSingle;
  if (Function == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  return finish(&Call, Function(Context->BackendContext));
}

static WasmEdge_Result nn_compute_single(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                         const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  return streaming_call(Data, Frame, Params, Returns, 0);
}

static WasmEdge_Result nn_fini_single(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                      const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  return streaming_call(Data, Frame, Params, Returns, 1);
}

static WasmEdge_Result nn_unload(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                 const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  call Call = {(ws_nn_env *)Data, NULL, Params, Returns};
  uint32_t Id = param(&Call, 0);
  ws_nn_graph *Graph = ws_nn_table_remove(&Call.Env->Graphs, Id);
  if (Graph == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  Graph->Status = WS_NN_GRAPH_DETACHED; /* contexts may still drain outputs */
  for (uint32_t I = 0; I < Call.Env->Preloads.Count; ++I)
    if (Call.Env->Named[I].Live && Call.Env->Named[I].GraphId == Id) Call.Env->Named[I].Live = 0;
  ws_nn_graph_release(Graph);
  return finish(&Call, WS_NN_SUCCESS);
}

static WasmEdge_Result nn_finalize_execution_context(void *Data,
                                                     const WasmEdge_CallingFrameContext *Frame,
                                                     const WasmEdge_Value *Params,
                                                     WasmEdge_Value *Returns) {
  call Call = {(ws_nn_env *)Data, NULL, Params, Returns};
  ws_nn_context *Context = ws_nn_table_remove(&Call.Env->Contexts, param(&Call, 0));
  if (Context == NULL) return finish(&Call, WS_NN_INVALID_ARGUMENT);
  Context->Graph->Backend->ContextRelease(Context->BackendContext);
  ws_nn_graph_release(Context->Graph);
  free(Context);
  return finish(&Call, WS_NN_SUCCESS);
}

static bool add_function(WasmEdge_ModuleInstanceContext *Module, const char *Name,
                         uint32_t ParamCount, WasmEdge_HostFunc_t Function, ws_nn_env *Env) {
  WasmEdge_ValType Params[5], Result = WasmEdge_ValTypeGenI32();
  for (uint32_t I = 0; I < ParamCount; ++I) Params[I] = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Params, ParamCount, &Result, 1);
  if (Type == NULL) return false;
  WasmEdge_FunctionInstanceContext *Instance = WasmEdge_FunctionInstanceCreate(Type, Function, Env, 0);
  WasmEdge_FunctionTypeDelete(Type);
  if (Instance == NULL) return false;
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString(Name);
  WasmEdge_Result Added = WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, Instance);
  WasmEdge_StringDelete(FunctionName);
  if (!WasmEdge_ResultOK(Added)) {
    WasmEdge_FunctionInstanceDelete(Instance);
    return false;
  }
  return true;
}

bool ws_nn_add_functions(WasmEdge_ModuleInstanceContext *Module, ws_nn_env *Env) {
  static const struct {
    const char *Name;
    uint32_t ParamCount;
    WasmEdge_HostFunc_t Function;
  } Functions[] = {
      {"load", 5, nn_load},
      {"load_by_name", 3, nn_load_by_name},
      {"load_by_name_with_config", 5, nn_load_by_name_with_config},
      {"init_execution_context", 2, nn_init_execution_context},
      {"set_input", 3, nn_set_input},
      {"get_output", 5, nn_get_output},
      {"get_output_single", 5, nn_get_output_single},
      {"compute", 1, nn_compute},
      {"compute_single", 1, nn_compute_single},
      {"fini_single", 1, nn_fini_single},
      {"unload", 1, nn_unload},
      {"finalize_execution_context", 1, nn_finalize_execution_context},
  };
  for (size_t I = 0; I < sizeof(Functions) / sizeof(Functions[0]); ++I)
    if (!add_function(Module, Functions[I].Name, Functions[I].ParamCount, Functions[I].Function, Env))
      return false;
  return true;
}
