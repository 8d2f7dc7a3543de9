/*
 * ONNX backend of wasi_nn (libws_wasi_nn_onnx.so, encoding 1) on ONNX Runtime
 * from the npm package onnxruntime-node. WasmEdge has only a stub for this
 * encoding; inputs and outputs follow Wasmtime's ONNX backend: inputs and
 * outputs by index, the guest's dimensions become the tensor's shape, and an
 * output is the raw bytes of the tensor, whatever its element type. Checks are
 * WasmEdge's usual ones: a wrong index, element type, rank, fixed dimension
 * or byte size is InvalidArgument; compute before every input is set is
 * InvalidArgument; a runtime failure is RuntimeError; a small buffer is
 * TooLarge with the required size written.
 *
 * Copies: the model bytes are parsed at load (ONNX Runtime keeps no pointer to
 * them); set_input copies the guest bytes once into the context; get_output
 * copies the output tensor once into guest memory.
 */
#include "../../backend.h"
#include "../common/library_search.h"
#include "ort_api.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef WS_ONNXRUNTIME_DEFAULT_LIBRARY
#define WS_ONNXRUNTIME_DEFAULT_LIBRARY ""
#endif

/* The library inside the onnxruntime-node package for this machine. */
#if defined(__aarch64__)
#define ORT_NODE_LIBRARY "bin/napi-v6/linux/arm64/libonnxruntime.so.1"
#else
#define ORT_NODE_LIBRARY "bin/napi-v6/linux/x64/libonnxruntime.so.1"
#endif

/* A model's rank limit: larger ranks are refused before any allocation. */
#define ONNX_MAX_RANK 16

static ort_api Api;
static OrtEnv *Env;
static OrtMemoryInfo *CpuMemory;

typedef struct onnx_input_info {
  int ElementType;
  size_t Rank;
  int64_t Dims[ONNX_MAX_RANK]; /* -1 (or 0) for a dynamic dimension */
} onnx_input_info;

typedef struct onnx_graph {
  OrtSession *Session;
  size_t InputCount, OutputCount;
  char **InputNames, **OutputNames;  /* malloc'ed copies */
  onnx_input_info *Inputs;
} onnx_graph;

typedef struct onnx_input {
  void *Data;          /* owned copy of the guest bytes, backing Value */
  OrtValue *Value;
} onnx_input;

typedef struct onnx_context {
  onnx_graph *Graph;   /* kept alive by the generic layer's reference */
  onnx_input *Inputs;  /* Graph->InputCount slots */
  OrtValue **Outputs;  /* Graph->OutputCount slots, NULL until compute */
} onnx_context;

/* Prints ONNX Runtime's message for a failed call and frees the status. */
static bool failed(OrtStatus *Status, const char *What) {
  if (Status == NULL) return false;
  fprintf(stderr, "[ws:wasi-nn] ONNX: %s: %s\n", What, Api.GetErrorMessage(Status));
  Api.ReleaseStatus(Status);
  return true;
}

static int open_candidate(const char *Path, void *State, char *Reason, size_t ReasonLen) {
  (void)State;
  return ort_api_open(&Api, Path, Reason, ReasonLen);
}

/* OrtLoggingLevel for the host's log level: ONNX Runtime's own log is chatter
 * next to the errors ws reports from its statuses, so nothing of it is shown
 * below `info` (its warnings from `info`, its info from `debug`, verbose at
 * `trace`). */
static int ort_log_level(int32_t LogLevel) {
  switch (LogLevel) {
  case 0: return 0; /* trace: ORT_LOGGING_LEVEL_VERBOSE */
  case 1: return 1; /* debug: INFO */
  case 2: return 2; /* info: WARNING */
  default: return ORT_LOGGING_LEVEL_FATAL;
  }
}

static int onnx_open(const ws_nn_backend_settings *Settings, char *Err, size_t ErrLen) {
  /* Installed from npm, @ws/core passes the path (option nn-onnx-library); otherwise
   * onnxruntime-node next to (or inside) @ws/wasi-nn-onnx. */
  char Hoisted[4096], Nested[4096];
  ws_nn_find_in_node_modules("onnxruntime-node/" ORT_NODE_LIBRARY, Hoisted, sizeof(Hoisted));
  ws_nn_find_in_node_modules("@ws/wasi-nn-onnx/node_modules/onnxruntime-node/" ORT_NODE_LIBRARY, Nested, sizeof(Nested));
  const ws_nn_library_candidate Candidates[] = {
      {"WS_ONNXRUNTIME_LIBRARY", getenv("WS_ONNXRUNTIME_LIBRARY")},
      {"nn-onnx-library", Settings->LibraryPath},
      {"node_modules", Hoisted},
      {"node_modules", Nested},
      {"build-time path", WS_ONNXRUNTIME_DEFAULT_LIBRARY},
      {"system", "libonnxruntime.so.1"},
  };
  if (ws_nn_library_search(Candidates, 6, open_candidate, NULL, Err, ErrLen) < 0) return -1;
  OrtStatus *Status = Api.CreateEnv(ort_log_level(Settings->LogLevel), "ws-wasi-nn", &Env);
  if (Status == NULL) Status = Api.CreateCpuMemoryInfo(ORT_DEVICE_ALLOCATOR, ORT_MEM_TYPE_DEFAULT, &CpuMemory);
  if (Status != NULL) {
    snprintf(Err, ErrLen, "ONNX Runtime %s could not start: %s", Api.Version, Api.GetErrorMessage(Status));
    Api.ReleaseStatus(Status);
    return -1;
  }
  return 0;
}

const char *ws_nn_backend_runtime(void) {
  static char Text[96];
  snprintf(Text, sizeof(Text), "ONNX Runtime %s (C API %u)", Api.Version, Api.ApiVersion);
  return Text;
}

static void onnx_graph_release(void *Opaque) {
  onnx_graph *Graph = Opaque;
  if (Graph == NULL) return;
  if (Graph->Session != NULL) Api.ReleaseSession(Graph->Session);
  for (size_t I = 0; Graph->InputNames != NULL && I < Graph->InputCount; ++I) free(Graph->InputNames[I]);
  for (size_t I = 0; Graph->OutputNames != NULL && I < Graph->OutputCount; ++I) free(Graph->OutputNames[I]);
  free(Graph->InputNames);
  free(Graph->OutputNames);
  free(Graph->Inputs);
  free(Graph);
}

/* Copies the name ONNX Runtime allocated into a malloc'ed string. */
static char *take_name(OrtAllocator *Allocator, char *Name) {
  char *Copy = strdup(Name);
  OrtStatus *Status = Api.AllocatorFree(Allocator, Name);
  if (Status != NULL) Api.ReleaseStatus(Status);
  return Copy;
}

/* Reads the element type and shape of input Index. */
static bool read_input_info(const OrtSession *Session, size_t Index, onnx_input_info *Out) {
  OrtTypeInfo *TypeInfo = NULL;
  const OrtTensorTypeAndShapeInfo *Tensor = NULL;
  int OnnxType = 0;
  bool Ok = !failed(Api.SessionGetInputTypeInfo(Session, Index, &TypeInfo), "reading an input type") &&
            !failed(Api.GetOnnxTypeFromTypeInfo(TypeInfo, &OnnxType), "reading an input type");
  if (Ok && OnnxType != ORT_ONNX_TYPE_TENSOR) {
    fprintf(stderr, "[ws:wasi-nn] ONNX: input %zu is not a tensor; only tensor inputs can be set.\n", Index);
    Ok = false;
  }
  Ok = Ok && !failed(Api.CastTypeInfoToTensorInfo(TypeInfo, &Tensor), "reading an input shape") &&
       !failed(Api.GetTensorElementType(Tensor, &Out->ElementType), "reading an input type") &&
       !failed(Api.GetDimensionsCount(Tensor, &Out->Rank), "reading an input shape");
  if (Ok && Out->Rank > ONNX_MAX_RANK) {
    fprintf(stderr, "[ws:wasi-nn] ONNX: input %zu has rank %zu; at most %d is supported.\n", Index, Out->Rank,
            ONNX_MAX_RANK);
    Ok = false;
  }
  Ok = Ok && !failed(Api.GetDimensions(Tensor, Out->Dims, Out->Rank), "reading an input shape");
  if (TypeInfo != NULL) Api.ReleaseTypeInfo(TypeInfo);
  return Ok;
}

/* Reads input/output counts, names and input types of a new session. */
static bool describe_session(onnx_graph *Graph) {
  OrtAllocator *Allocator = NULL;
  if (failed(Api.GetAllocatorWithDefaultOptions(&Allocator), "getting the allocator") ||
      failed(Api.SessionGetInputCount(Graph->Session, &Graph->InputCount), "counting inputs") ||
      failed(Api.SessionGetOutputCount(Graph->Session, &Graph->OutputCount), "counting outputs"))
    return false;
  Graph->InputNames = calloc(Graph->InputCount + 1, sizeof(char *));
  Graph->OutputNames = calloc(Graph->OutputCount + 1, sizeof(char *));
  Graph->Inputs = calloc(Graph->InputCount + 1, sizeof(onnx_input_info));
  if (Graph->InputNames == NULL || Graph->OutputNames == NULL || Graph->Inputs == NULL) return false;
  for (size_t I = 0; I < Graph->InputCount; ++I) {
    char *Name = NULL;
    if (failed(Api.SessionGetInputName(Graph->Session, I, Allocator, &Name), "reading an input name")) return false;
    if ((Graph->InputNames[I] = take_name(Allocator, Name)) == NULL) return false;
    if (!read_input_info(Graph->Session, I, &Graph->Inputs[I])) return false;
  }
  for (size_t I = 0; I < Graph->OutputCount; ++I) {
    char *Name = NULL;
    if (failed(Api.SessionGetOutputName(Graph->Session, I, Allocator, &Name), "reading an output name")) return false;
    if ((Graph->OutputNames[I] = take_name(Allocator, Name)) == NULL) return false;
  }
  return true;
}

static uint32_t onnx_load(const ws_nn_bytes *Builders, uint32_t BuilderCount, uint32_t Target,
                          const ws_nn_backend_settings *Settings, void **GraphOut) {
  if (BuilderCount != 1 || Builders[0].Length == 0) return WS_NN_INVALID_ARGUMENT;
  /* onnxruntime-node's library has only the CPU execution provider. */
  if (Target != WS_NN_TARGET_CPU && Target != WS_NN_TARGET_AUTO) {
    fprintf(stderr, "[ws:wasi-nn] ONNX: only the CPU target is available (got target %u). Load with CPU.\n", Target);
    return WS_NN_INVALID_ARGUMENT;
  }
  onnx_graph *Graph = calloc(1, sizeof(*Graph));
  OrtSessionOptions *Options = NULL;
  if (Graph == NULL || failed(Api.CreateSessionOptions(&Options), "creating session options")) {
    free(Graph);
    return WS_NN_RUNTIME_ERROR;
  }
  bool Ok = !failed(Api.SetSessionLogSeverityLevel(Options, ort_log_level(Settings->LogLevel)), "setting options") &&
            !failed(Api.SetSessionGraphOptimizationLevel(Options, ORT_ENABLE_ALL), "setting options") &&
            !failed(Api.SetIntraOpNumThreads(Options, (int)Settings->Threads), "setting options") &&
            !failed(Api.SetInterOpNumThreads(Options, 1), "setting options");
  /* A model ONNX Runtime cannot parse or run is the guest's bad argument. */
  uint32_t Errno = WS_NN_INVALID_ARGUMENT;
  if (Ok && !failed(Api.CreateSessionFromArray(Env, Builders[0].Data, Builders[0].Length, Options, &Graph->Session),
                    "cannot load the model")) {
    Errno = describe_session(Graph) ? WS_NN_SUCCESS : WS_NN_RUNTIME_ERROR;
  }
  Api.ReleaseSessionOptions(Options);
  if (Errno != WS_NN_SUCCESS) {
    onnx_graph_release(Graph);
    return Errno;
  }
  *GraphOut = Graph;
  return WS_NN_SUCCESS;
}

static void clear_outputs(onnx_context *Context) {
  for (size_t I = 0; I < Context->Graph->OutputCount; ++I) {
    if (Context->Outputs[I] != NULL) Api.ReleaseValue(Context->Outputs[I]);
    Context->Outputs[I] = NULL;
  }
}

static void clear_input(onnx_input *Input) {
  if (Input->Value != NULL) Api.ReleaseValue(Input->Value);
  free(Input->Data);
  Input->Value = NULL;
  Input->Data = NULL;
}

static void onnx_context_release(void *Opaque) {
  onnx_context *Context = Opaque;
  if (Context == NULL) return;
  for (size_t I = 0; I < Context->Graph->InputCount; ++I) clear_input(&Context->Inputs[I]);
  clear_outputs(Context);
  free(Context->Inputs);
  free(Context->Outputs);
  free(Context);
}

static uint32_t onnx_init_context(void *Opaque, void **ContextOut) {
  onnx_graph *Graph = Opaque;
  if (Graph == NULL || Graph->Session == NULL) return WS_NN_MISSING_MEMORY;
  onnx_context *Context = calloc(1, sizeof(*Context));
  if (Context == NULL) return WS_NN_RUNTIME_ERROR;
  Context->Graph = Graph;
  Context->Inputs = calloc(Graph->InputCount + 1, sizeof(onnx_input));
  Context->Outputs = calloc(Graph->OutputCount + 1, sizeof(OrtValue *));
  if (Context->Inputs == NULL || Context->Outputs == NULL) {
    onnx_context_release(Context);
    return WS_NN_RUNTIME_ERROR;
  }
  *ContextOut = Context;
  return WS_NN_SUCCESS;
}

/* Bytes per element of the element types a guest can pass (and 0 for others). */
static size_t input_element_size(int ElementType, uint32_t TypeCandidates) {
  switch (ElementType) {
  case ORT_ELEMENT_FLOAT: return (TypeCandidates & WS_NN_TYPE_BIT(WS_NN_TENSOR_F32)) ? 4 : 0;
  case ORT_ELEMENT_FLOAT16: return (TypeCandidates & WS_NN_TYPE_BIT(WS_NN_TENSOR_F16)) ? 2 : 0;
  case ORT_ELEMENT_UINT8: return (TypeCandidates & WS_NN_TYPE_BIT(WS_NN_TENSOR_U8)) ? 1 : 0;
  case ORT_ELEMENT_INT32: return (TypeCandidates & WS_NN_TYPE_BIT(WS_NN_TENSOR_I32)) ? 4 : 0;
  default: return 0;
  }
}

static uint32_t onnx_set_input(void *Opaque, uint32_t Index, const ws_nn_tensor *Tensor) {
  onnx_context *Context = Opaque;
  onnx_graph *Graph = Context->Graph;
  if (Index >= Graph->InputCount) return WS_NN_INVALID_ARGUMENT;
  const onnx_input_info *Info = &Graph->Inputs[Index];
  size_t ElementSize = input_element_size(Info->ElementType, Tensor->TypeCandidates);
  if (ElementSize == 0 || Tensor->DimCount != Info->Rank) return WS_NN_INVALID_ARGUMENT;
  int64_t Shape[ONNX_MAX_RANK];
  uint64_t Elements = 1;
  for (size_t I = 0; I < Info->Rank; ++I) {
    uint32_t Dim;
    memcpy(&Dim, &Tensor->Dims[I], sizeof(Dim));
    if (Info->Dims[I] > 0 && (uint64_t)Info->Dims[I] != Dim) return WS_NN_INVALID_ARGUMENT;
    Shape[I] = Dim;
    Elements *= Dim;
    if (Elements > UINT32_MAX) return WS_NN_INVALID_ARGUMENT; /* more than any guest buffer holds */
  }
  if (Elements * ElementSize != Tensor->DataLength) return WS_NN_INVALID_ARGUMENT;
  onnx_input Input = {malloc(Tensor->DataLength > 0 ? Tensor->DataLength : 1), NULL};
  if (Input.Data == NULL) return WS_NN_RUNTIME_ERROR;
  if (Tensor->DataLength > 0) memcpy(Input.Data, Tensor->Data, Tensor->DataLength);
  if (failed(Api.CreateTensorWithDataAsOrtValue(CpuMemory, Input.Data, Tensor->DataLength, Shape, Info->Rank,
                                                Info->ElementType, &Input.Value),
             "creating the input tensor")) {
    free(Input.Data);
    return WS_NN_RUNTIME_ERROR;
  }
  clear_input(&Context->Inputs[Index]);
  Context->Inputs[Index] = Input;
  return WS_NN_SUCCESS;
}

static uint32_t onnx_compute(void *Opaque) {
  onnx_context *Context = Opaque;
  onnx_graph *Graph = Context->Graph;
  const OrtValue **Inputs = calloc(Graph->InputCount + 1, sizeof(OrtValue *));
  if (Inputs == NULL) return WS_NN_RUNTIME_ERROR;
  for (size_t I = 0; I < Graph->InputCount; ++I) {
    if (Context->Inputs[I].Value == NULL) { /* every input must be set first */
      free(Inputs);
      return WS_NN_INVALID_ARGUMENT;
    }
    Inputs[I] = Context->Inputs[I].Value;
  }
  clear_outputs(Context);
  OrtStatus *Status = Api.Run(Graph->Session, NULL, (const char *const *)Graph->InputNames, Inputs,
                              Graph->InputCount, (const char *const *)Graph->OutputNames, Graph->OutputCount,
                              Context->Outputs);
  free(Inputs);
  if (failed(Status, "compute failed")) {
    clear_outputs(Context);
    return WS_NN_RUNTIME_ERROR;
  }
  return WS_NN_SUCCESS;
}

static size_t output_element_size(int ElementType) {
  switch (ElementType) {
  case ORT_ELEMENT_UINT8: case ORT_ELEMENT_INT8: case ORT_ELEMENT_BOOL: return 1;
  case ORT_ELEMENT_UINT16: case ORT_ELEMENT_INT16: case ORT_ELEMENT_FLOAT16: case ORT_ELEMENT_BFLOAT16: return 2;
  case ORT_ELEMENT_FLOAT: case ORT_ELEMENT_INT32: case ORT_ELEMENT_UINT32: return 4;
  case ORT_ELEMENT_INT64: case ORT_ELEMENT_DOUBLE: case ORT_ELEMENT_UINT64: return 8;
  default: return 0; /* strings and complex numbers have no raw byte form here */
  }
}

static uint32_t onnx_get_output(void *Opaque, uint32_t Index, uint8_t *Buffer, uint32_t BufferLength,
                                uint32_t *Written) {
  onnx_context *Context = Opaque;
  if (Index >= Context->Graph->OutputCount || Context->Outputs[Index] == NULL) return WS_NN_INVALID_ARGUMENT;
  OrtValue *Value = Context->Outputs[Index];
  int IsTensor = 0, ElementType = 0;
  size_t Count = 0;
  OrtTensorTypeAndShapeInfo *Info = NULL;
  void *Data = NULL;
  bool Ok = !failed(Api.IsTensor(Value, &IsTensor), "reading an output") && IsTensor &&
            !failed(Api.GetTensorTypeAndShape(Value, &Info), "reading an output") &&
            !failed(Api.GetTensorElementType(Info, &ElementType), "reading an output") &&
            !failed(Api.GetTensorShapeElementCount(Info, &Count), "reading an output") &&
            !failed(Api.GetTensorMutableData(Value, &Data), "reading an output");
  if (Info != NULL) Api.ReleaseTensorTypeAndShapeInfo(Info);
  size_t ElementSize = output_element_size(ElementType);
  if (!Ok || ElementSize == 0) return WS_NN_INVALID_ARGUMENT;
  uint64_t Size = (uint64_t)Count * ElementSize;
  if (Size > UINT32_MAX) return WS_NN_TOO_LARGE;
  *Written = (uint32_t)Size;
  if (Size > BufferLength) return WS_NN_TOO_LARGE;
  if (Size > 0) memcpy(Buffer, Data, Size);
  return WS_NN_SUCCESS;
}

static const ws_nn_backend Backend = {
    .AbiVersion = WS_NN_BACKEND_ABI_VERSION,
    .Name = "ONNX",
    .Open = onnx_open,
    .Load = onnx_load,
    .GraphRelease = onnx_graph_release,
    .InitContext = onnx_init_context,
    .ContextRelease = onnx_context_release,
    .SetInput = onnx_set_input,
    .Compute = onnx_compute,
    .GetOutput = onnx_get_output,
};

__attribute__((visibility("default"))) const ws_nn_backend *ws_wasi_nn_backend(void) { return &Backend; }
