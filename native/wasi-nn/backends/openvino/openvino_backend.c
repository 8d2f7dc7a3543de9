/*
 * OpenVINO backend of wasi_nn (libws_wasi_nn_openvino.so, encoding 0) on
 * OpenVINO's C API (libopenvino_c.so) found on the system. Behaviour follows
 * WasmEdge's wasinn_openvino.cpp (spec A.8.2), with the fixes the spec
 * recommends: the model is compiled once at load (not at every set_input),
 * inputs are copied (not borrowed from guest memory) and several inputs can be
 * set. Builders: [0] IR XML, [1] weights. F32 inputs only, rank <= 8.
 *
 * OpenVINO cannot be obtained from this project's registries, so what is
 * tested here is the "OpenVINO runtime not installed" path; see the
 * @ws/wasi-nn README for installing OpenVINO.
 */
#include "../../backend.h"
#include "../common/library_search.h"
#include "ov_api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OV_MAX_RANK 8

static ov_api Api;
static ov_core_t *Core;

typedef struct ov_graph {
  ov_model_t *Model;
  ov_compiled_model_t *Compiled;
  size_t InputCount, OutputCount;
} ov_graph;

typedef struct ov_context {
  ov_graph *Graph;
  ov_infer_request_t *Request;
  int Computed;
} ov_context;

static int open_candidate(const char *Path, void *State, char *Reason, size_t ReasonLen) {
  (void)State;
  return ov_api_open(&Api, Path, Reason, ReasonLen);
}

static int openvino_open(const ws_nn_backend_settings *Settings, char *Err, size_t ErrLen) {
  const ws_nn_library_candidate Candidates[] = {
      {"WS_OPENVINO_LIBRARY", getenv("WS_OPENVINO_LIBRARY")},
      {"nn-openvino-library", Settings->LibraryPath},
      {"system", "libopenvino_c.so"},
  };
  if (ws_nn_library_search(Candidates, 3, open_candidate, NULL, Err, ErrLen) < 0) return -1;
  if (Api.core_create(&Core) != 0) {
    snprintf(Err, ErrLen, "OpenVINO %s could not create its core", Api.Version);
    return -1;
  }
  return 0;
}

const char *ws_nn_backend_runtime(void) {
  static char Text[160];
  snprintf(Text, sizeof(Text), "OpenVINO %s", Api.Version[0] ? Api.Version : "(version unknown)");
  return Text;
}

static void openvino_graph_release(void *Opaque) {
  ov_graph *Graph = Opaque;
  if (Graph == NULL) return;
  if (Graph->Compiled != NULL) Api.compiled_model_free(Graph->Compiled);
  if (Graph->Model != NULL) Api.model_free(Graph->Model);
  free(Graph);
}

/* A u8 tensor holding a copy of the weights. */
static ov_tensor_t *weights_tensor(const ws_nn_bytes *Weights) {
  int64_t Dims[1] = {Weights->Length};
  ov_shape_t Shape;
  ov_tensor_t *Tensor = NULL;
  void *Data = NULL;
  if (Api.shape_create(1, Dims, &Shape) != 0) return NULL;
  int Status = Api.tensor_create(OV_ELEMENT_U8, Shape, &Tensor);
  Api.shape_free(&Shape);
  if (Status != 0 || Api.tensor_data(Tensor, &Data) != 0) {
    if (Tensor != NULL) Api.tensor_free(Tensor);
    return NULL;
  }
  if (Weights->Length > 0) memcpy(Data, Weights->Data, Weights->Length);
  return Tensor;
}

static uint32_t openvino_load(const ws_nn_bytes *Builders, uint32_t BuilderCount, uint32_t Target,
                              const ws_nn_backend_settings *Settings, void **GraphOut) {
  (void)Settings;
  if (BuilderCount != 2) return WS_NN_INVALID_ARGUMENT;
  if (Target == WS_NN_TARGET_TPU) return WS_NN_INVALID_ARGUMENT;
  const char *Device = Target == WS_NN_TARGET_GPU ? "GPU" : "CPU";
  ov_graph *Graph = calloc(1, sizeof(*Graph));
  ov_tensor_t *Weights = Graph != NULL ? weights_tensor(&Builders[1]) : NULL;
  if (Weights == NULL) {
    free(Graph);
    return WS_NN_RUNTIME_ERROR;
  }
  /* WasmEdge answers a model OpenVINO cannot read with RuntimeError. */
  uint32_t Errno = WS_NN_RUNTIME_ERROR;
  if (Api.core_read_model_from_memory_buffer(Core, (const char *)Builders[0].Data, Builders[0].Length, Weights,
                                             &Graph->Model) == 0 &&
      Api.model_inputs_size(Graph->Model, &Graph->InputCount) == 0 &&
      Api.model_outputs_size(Graph->Model, &Graph->OutputCount) == 0 &&
      Api.core_compile_model(Core, Graph->Model, Device, 0, &Graph->Compiled) == 0)
    Errno = WS_NN_SUCCESS;
  Api.tensor_free(Weights);
  if (Errno != WS_NN_SUCCESS) {
    fprintf(stderr, "[ws:wasi-nn] OpenVINO could not read or compile the model for %s.\n", Device);
    openvino_graph_release(Graph);
    return Errno;
  }
  *GraphOut = Graph;
  return WS_NN_SUCCESS;
}

static void openvino_context_release(void *Opaque) {
  ov_context *Context = Opaque;
  if (Context == NULL) return;
  if (Context->Request != NULL) Api.infer_request_free(Context->Request);
  free(Context);
}

static uint32_t openvino_init_context(void *Opaque, void **ContextOut) {
  ov_graph *Graph = Opaque;
  if (Graph == NULL || Graph->Compiled == NULL) return WS_NN_MISSING_MEMORY;
  ov_context *Context = calloc(1, sizeof(*Context));
  if (Context == NULL) return WS_NN_RUNTIME_ERROR;
  Context->Graph = Graph;
  if (Api.compiled_model_create_infer_request(Graph->Compiled, &Context->Request) != 0) {
    free(Context);
    return WS_NN_RUNTIME_ERROR;
  }
  *ContextOut = Context;
  return WS_NN_SUCCESS;
}

static uint32_t openvino_set_input(void *Opaque, uint32_t Index, const ws_nn_tensor *Tensor) {
  ov_context *Context = Opaque;
  if (Tensor->DimCount > OV_MAX_RANK) return WS_NN_INVALID_ARGUMENT;
  if (!(Tensor->TypeCandidates & WS_NN_TYPE_BIT(WS_NN_TENSOR_F32))) return WS_NN_INVALID_ARGUMENT;
  if (Index >= Context->Graph->InputCount) return WS_NN_INVALID_ARGUMENT;
  int64_t Dims[OV_MAX_RANK];
  uint64_t Elements = 1;
  for (uint32_t I = 0; I < Tensor->DimCount; ++I) {
    uint32_t Dim;
    memcpy(&Dim, &Tensor->Dims[I], sizeof(Dim));
    Dims[I] = Dim;
    Elements *= Dim;
    if (Elements > UINT32_MAX) return WS_NN_INVALID_ARGUMENT;
  }
  if (Elements * 4 != Tensor->DataLength) return WS_NN_INVALID_ARGUMENT;
  ov_shape_t Shape;
  ov_tensor_t *Input = NULL;
  void *Data = NULL;
  if (Api.shape_create(Tensor->DimCount, Dims, &Shape) != 0) return WS_NN_RUNTIME_ERROR;
  int Status = Api.tensor_create(OV_ELEMENT_F32, Shape, &Input);
  Api.shape_free(&Shape);
  if (Status != 0 || Api.tensor_data(Input, &Data) != 0) {
    if (Input != NULL) Api.tensor_free(Input);
    return WS_NN_RUNTIME_ERROR;
  }
  if (Tensor->DataLength > 0) memcpy(Data, Tensor->Data, Tensor->DataLength);
  /* The request keeps its own reference to the tensor. */
  Status = Api.infer_request_set_input_tensor_by_index(Context->Request, Index, Input);
  Api.tensor_free(Input);
  return Status == 0 ? WS_NN_SUCCESS : WS_NN_INVALID_ARGUMENT;
}

static uint32_t openvino_compute(void *Opaque) {
  ov_context *Context = Opaque;
  if (Api.infer_request_infer(Context->Request) != 0) return WS_NN_RUNTIME_ERROR;
  Context->Computed = 1;
  return WS_NN_SUCCESS;
}

static uint32_t openvino_get_output(void *Opaque, uint32_t Index, uint8_t *Buffer, uint32_t BufferLength,
                                    uint32_t *Written) {
  ov_context *Context = Opaque;
  if (Index >= Context->Graph->OutputCount || !Context->Computed) return WS_NN_INVALID_ARGUMENT;
  ov_tensor_t *Output = NULL;
  size_t Size = 0;
  void *Data = NULL;
  uint32_t Errno = WS_NN_RUNTIME_ERROR;
  if (Api.infer_request_get_output_tensor_by_index(Context->Request, Index, &Output) == 0 &&
      Api.tensor_get_byte_size(Output, &Size) == 0 && Api.tensor_data(Output, &Data) == 0) {
    if (Size > UINT32_MAX) {
      Errno = WS_NN_TOO_LARGE;
    } else {
      *Written = (uint32_t)Size;
      Errno = Size > BufferLength ? WS_NN_TOO_LARGE : WS_NN_SUCCESS;
      if (Errno == WS_NN_SUCCESS && Size > 0) memcpy(Buffer, Data, Size);
    }
  }
  if (Output != NULL) Api.tensor_free(Output);
  return Errno;
}

static const ws_nn_backend Backend = {
    .AbiVersion = WS_NN_BACKEND_ABI_VERSION,
    .Name = "OpenVINO",
    .Open = openvino_open,
    .Load = openvino_load,
    .GraphRelease = openvino_graph_release,
    .InitContext = openvino_init_context,
    .ContextRelease = openvino_context_release,
    .SetInput = openvino_set_input,
    .Compute = openvino_compute,
    .GetOutput = openvino_get_output,
};

__attribute__((visibility("default"))) const ws_nn_backend *ws_wasi_nn_backend(void) { return &Backend; }
