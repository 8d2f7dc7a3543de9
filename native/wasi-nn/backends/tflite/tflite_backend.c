/*
 * TensorFlow-Lite backend of wasi_nn (libws_wasi_nn_tflite.so), on the TFLite
 * C library shipped by the npm package tfjs-tflite-node. Behaviour follows
 * WasmEdge's wasinn_tfl.cpp (spec A.8.4), made lenient where WasmEdge is
 * needlessly strict: the input is validated by byte size and element type,
 * and either tensor-type numbering is accepted (see nn_types.h).
 *
 * Copies: set_input copies the guest bytes straight into the interpreter's
 * input tensor; get_output copies the output tensor straight into guest
 * memory. The model flatbuffer is copied once at load (TFLite borrows it for
 * the model's whole life).
 */
#include "../../backend.h"
#include "tflite_api.h"
#include "tflite_model_check.h"
#include "tflite_log_filter.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef WS_TFLITE_DEFAULT_LIBRARY
#define WS_TFLITE_DEFAULT_LIBRARY ""
#endif

static tflite_api Api;

typedef struct tflite_graph {
  uint8_t *ModelBytes;  /* owned; must outlive Model and every interpreter */
  TfLiteModel *Model;
  uint32_t Threads;
  int32_t LogLevel;     /* the host's log level at load (ws_nn_backend_settings) */
} tflite_graph;

typedef struct tflite_context {
  tflite_graph *Graph;  /* kept alive by the generic layer's reference */
  TfLiteInterpreter *Interpreter;
  TfLiteDelegate *Xnnpack; /* must outlive Interpreter; NULL when not used */
  int32_t InputCount;
  bool *InputSet;       /* which inputs set_input has filled */
} tflite_context;

/* Tries one candidate path; appends the failure to Err on the way. */
static bool try_open(const char *Origin, const char *Path, char *Err, size_t ErrLen) {
  if (Path == NULL || Path[0] == '\0') return false;
  char Reason[512];
  if (Path[0] != '/') {
    snprintf(Reason, sizeof(Reason), "not an absolute path");
  } else if (access(Path, R_OK) != 0) {
    snprintf(Reason, sizeof(Reason), "file not found");
  } else if (tflite_api_open(&Api, Path, Reason, sizeof(Reason)) == 0) {
    return true;
  }
  size_t Used = strlen(Err);
  if (Used < ErrLen)
    snprintf(Err + Used, ErrLen - Used, "%s%s=%s: %s", Used > 0 ? "; " : "", Origin, Path, Reason);
  return false;
}

static int tflite_open(const ws_nn_backend_settings *Settings, char *Err, size_t ErrLen) {
  Err[0] = '\0';
  /* Fixed order: explicit env override, the path the host found, the path
   * known when this backend was built. */
  const char *EnvPath = getenv("WS_TFLITE_LIBRARY");
  if (EnvPath != NULL && EnvPath[0] != '\0') {
    if (try_open("WS_TFLITE_LIBRARY", EnvPath, Err, ErrLen)) return 0;
    fprintf(stderr, "[ws:wasi-nn] Ignoring bad configuration: WS_TFLITE_LIBRARY=%s\n", EnvPath);
  }
  if (try_open("nn-tflite-library", Settings->LibraryPath, Err, ErrLen)) return 0;
  if (try_open("build-time path", WS_TFLITE_DEFAULT_LIBRARY, Err, ErrLen)) return 0;
  if (Err[0] == '\0') snprintf(Err, ErrLen, "no libtensorflowlite_c.so path is known");
  return -1;
}

static uint32_t tflite_load(const ws_nn_bytes *Builders, uint32_t BuilderCount, uint32_t Target,
                            const ws_nn_backend_settings *Settings, void **GraphOut) {
  if (Target != WS_NN_TARGET_CPU) return WS_NN_INVALID_ARGUMENT;
  if (BuilderCount != 1 || Builders[0].Length == 0) return WS_NN_INVALID_ARGUMENT;
  tflite_graph *Graph = calloc(1, sizeof(*Graph));
  if (Graph == NULL) return WS_NN_RUNTIME_ERROR;
  Graph->ModelBytes = malloc(Builders[0].Length);
  if (Graph->ModelBytes == NULL) {
    free(Graph);
    return WS_NN_RUNTIME_ERROR;
  }
  memcpy(Graph->ModelBytes, Builders[0].Data, Builders[0].Length);
  /* TfLiteModelCreate verifies the flatbuffer, so corrupt bytes give NULL;
   * the verifier lets through what crashes TfLiteInterpreterCreate later
   * (tflite_model_check.h). */
  if (ws_tflite_model_well_formed(Graph->ModelBytes, Builders[0].Length))
    Graph->Model = Api.ModelCreate(Graph->ModelBytes, Builders[0].Length);
  if (Graph->Model == NULL) {
    free(Graph->ModelBytes);
    free(Graph);
    return WS_NN_INVALID_ARGUMENT;
  }
  Graph->Threads = Settings->Threads > 0 ? Settings->Threads : 1;
  Graph->LogLevel = Settings->LogLevel;
  *GraphOut = Graph;
  return WS_NN_SUCCESS;
}

static void tflite_graph_release(void *Opaque) {
  tflite_graph *Graph = Opaque;
  if (Graph == NULL) return;
  Api.ModelDelete(Graph->Model);
  free(Graph->ModelBytes);
  free(Graph);
}

static void tflite_context_release(void *Opaque) {
  tflite_context *Context = Opaque;
  if (Context == NULL) return;
  if (Context->Interpreter != NULL) Api.InterpreterDelete(Context->Interpreter);
  if (Context->Xnnpack != NULL) Api.XnnpackDelete(Context->Xnnpack);
  free(Context->InputSet);
  free(Context);
}

/* XNNPACK runs float models several times faster than TFLite's reference
 * kernels (1.3 ms instead of 8 ms for MediaPipe's face detector on one core).
 * WS_TFLITE_XNNPACK=0 turns it off. */
static bool xnnpack_wanted(void) {
  const char *Setting = getenv("WS_TFLITE_XNNPACK");
  return Api.XnnpackCreate != NULL && Api.XnnpackDelete != NULL && Api.OptionsAddDelegate != NULL &&
         !(Setting != NULL && strcmp(Setting, "0") == 0);
}

/* An allocated interpreter, with the XNNPACK delegate when possible; without
 * it when the delegate cannot be applied to this model. */
static TfLiteInterpreter *create_interpreter_logging(tflite_graph *Graph, TfLiteDelegate **XnnpackOut) {
  for (int UseXnnpack = xnnpack_wanted(); UseXnnpack >= 0; --UseXnnpack) {
    TfLiteInterpreterOptions *Options = Api.OptionsCreate();
    if (Options == NULL) return NULL;
    Api.OptionsSetNumThreads(Options, (int32_t)Graph->Threads);
    TfLiteDelegate *Xnnpack = NULL;
    if (UseXnnpack) {
      TfLiteXNNPackDelegateOptions XnnpackOptions;
      memset(&XnnpackOptions, 0, sizeof(XnnpackOptions));
      XnnpackOptions.num_threads = (int32_t)Graph->Threads;
      Xnnpack = Api.XnnpackCreate(&XnnpackOptions);
      if (Xnnpack != NULL) Api.OptionsAddDelegate(Options, Xnnpack);
    }
    TfLiteInterpreter *Interpreter = Api.InterpreterCreate(Graph->Model, Options);
    Api.OptionsDelete(Options);
    if (Interpreter != NULL && Api.AllocateTensors(Interpreter) == kTfLiteOk) {
      *XnnpackOut = Xnnpack;
      return Interpreter;
    }
    if (Interpreter != NULL) Api.InterpreterDelete(Interpreter);
    if (Xnnpack != NULL) Api.XnnpackDelete(Xnnpack);
  }
  return NULL;
}

/* TfLiteXNNPackDelegateCreate prints "INFO: Created TensorFlow Lite XNNPACK
 * delegate for CPU." (once per process); newer TFLite versions print the same
 * from AllocateTensors when they apply XNNPACK by default. Below `info` those
 * lines are dropped (tflite_log_filter.h). */
static TfLiteInterpreter *create_interpreter(tflite_graph *Graph, TfLiteDelegate **XnnpackOut) {
  tflite_log_filter Filter;
  tflite_log_filter_begin(&Filter, Graph->LogLevel);
  TfLiteInterpreter *Interpreter = create_interpreter_logging(Graph, XnnpackOut);
  tflite_log_filter_end(&Filter);
  return Interpreter;
}

static uint32_t tflite_init_context(void *Opaque, void **ContextOut) {
  tflite_graph *Graph = Opaque;
  if (Graph == NULL || Graph->Model == NULL) return WS_NN_MISSING_MEMORY;
  tflite_context *Context = calloc(1, sizeof(*Context));
  if (Context == NULL) return WS_NN_RUNTIME_ERROR;
  Context->Graph = Graph;
  Context->Interpreter = create_interpreter(Graph, &Context->Xnnpack);
  if (Context->Interpreter == NULL) {
    tflite_context_release(Context);
    return WS_NN_BUSY;
  }
  Context->InputCount = Api.InputCount(Context->Interpreter);
  Context->InputSet = calloc(Context->InputCount > 0 ? (size_t)Context->InputCount : 1, sizeof(bool));
  if (Context->InputSet == NULL) {
    tflite_context_release(Context);
    return WS_NN_RUNTIME_ERROR;
  }
  *ContextOut = Context;
  return WS_NN_SUCCESS;
}

/* The wasi-nn tensor type of a TFLite tensor type, or -1 when wasi-nn has none
 * that set_input accepts. */
static int wasi_nn_type_of(int TfLiteType, uint32_t *ElementSize) {
  switch (TfLiteType) {
  case kTfLiteFloat32: *ElementSize = 4; return WS_NN_TENSOR_F32;
  case kTfLiteInt32: *ElementSize = 4; return WS_NN_TENSOR_I32;
  case kTfLiteUInt8: *ElementSize = 1; return WS_NN_TENSOR_U8;
  case kTfLiteFloat16: *ElementSize = 2; return WS_NN_TENSOR_F16;
  default: return -1;
  }
}

static uint32_t tflite_set_input(void *Opaque, uint32_t Index, const ws_nn_tensor *Tensor) {
  tflite_context *Context = Opaque;
  if (Context == NULL || Context->Interpreter == NULL) return WS_NN_MISSING_MEMORY;
  if (Index >= (uint32_t)Context->InputCount) return WS_NN_INVALID_ARGUMENT;
  TfLiteTensor *Input = Api.InputTensor(Context->Interpreter, (int32_t)Index);
  if (Input == NULL) return WS_NN_INVALID_ARGUMENT;

  uint32_t ElementSize = 0;
  int ModelType = wasi_nn_type_of(Api.TensorType(Input), &ElementSize);
  if (ModelType < 0 || (Tensor->TypeCandidates & WS_NN_TYPE_BIT(ModelType)) == 0)
    return WS_NN_INVALID_ARGUMENT;
  size_t ByteSize = Api.TensorByteSize(Input);
  if ((size_t)Tensor->DataLength != ByteSize) return WS_NN_INVALID_ARGUMENT;
  /* The guest's dimensions must describe the same number of elements. */
  uint64_t Elements = 1;
  for (uint32_t I = 0; I < Tensor->DimCount; ++I) {
    uint32_t Dim;
    memcpy(&Dim, &Tensor->Dims[I], sizeof(Dim));
    Elements *= Dim;
    if (Elements > ByteSize) return WS_NN_INVALID_ARGUMENT;
  }
  if (Elements * ElementSize != ByteSize) return WS_NN_INVALID_ARGUMENT;

  void *Destination = Api.TensorData(Input);
  if (Destination == NULL && ByteSize > 0) return WS_NN_BUSY;
  if (ByteSize > 0) memcpy(Destination, Tensor->Data, ByteSize); /* the one input copy */
  Context->InputSet[Index] = true;
  return WS_NN_SUCCESS;
}

static uint32_t tflite_compute(void *Opaque) {
  tflite_context *Context = Opaque;
  if (Context == NULL || Context->Interpreter == NULL) return WS_NN_MISSING_MEMORY;
  /* Invoking on inputs nobody set would compute on stale or zero memory. */
  for (int32_t I = 0; I < Context->InputCount; ++I)
    if (!Context->InputSet[I]) return WS_NN_INVALID_ARGUMENT;
  return Api.Invoke(Context->Interpreter) == kTfLiteOk ? WS_NN_SUCCESS : WS_NN_BUSY;
}

static uint32_t tflite_get_output(void *Opaque, uint32_t Index, uint8_t *Buffer,
                                  uint32_t BufferLength, uint32_t *Written) {
  tflite_context *Context = Opaque;
  if (Context == NULL || Context->Interpreter == NULL) return WS_NN_MISSING_MEMORY;
  if (Index >= (uint32_t)Api.OutputCount(Context->Interpreter)) return WS_NN_INVALID_ARGUMENT;
  const TfLiteTensor *Output = Api.OutputTensor(Context->Interpreter, (int32_t)Index);
  if (Output == NULL) return WS_NN_INVALID_ARGUMENT;
  size_t ByteSize = Api.TensorByteSize(Output);
  if (ByteSize > UINT32_MAX) return WS_NN_TOO_LARGE;
  *Written = (uint32_t)ByteSize;
  if (BufferLength < ByteSize) return WS_NN_TOO_LARGE; /* size reported, nothing copied */
  const void *Source = Api.TensorData(Output);
  if (Source == NULL && ByteSize > 0) return WS_NN_BUSY;
  if (ByteSize > 0) memcpy(Buffer, Source, ByteSize); /* the one output copy */
  return WS_NN_SUCCESS;
}

static const ws_nn_backend Backend = {
    .AbiVersion = WS_NN_BACKEND_ABI_VERSION,
    .Name = "TensorflowLite",
    .Open = tflite_open,
    .Load = tflite_load,
    .GraphRelease = tflite_graph_release,
    .InitContext = tflite_init_context,
    .ContextRelease = tflite_context_release,
    .SetInput = tflite_set_input,
    .Compute = tflite_compute,
    .GetOutput = tflite_get_output,
};

__attribute__((visibility("default"))) const ws_nn_backend *ws_wasi_nn_backend(void) {
  return &Backend;
}
