/* The wasi_nn plug-in's program options (see program_options.h). */
#include "program_options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static WS_StringList PreloadOption = {0, NULL};
static uint32_t ThreadsOption = 0;
static uint32_t MaxGraphsOption = WS_NN_DEFAULT_MAX_GRAPHS;
static uint32_t MaxContextsOption = WS_NN_DEFAULT_MAX_CONTEXTS;
static const uint32_t MaxGraphsImplicit = WS_NN_DEFAULT_MAX_GRAPHS;
static const uint32_t MaxContextsImplicit = WS_NN_DEFAULT_MAX_CONTEXTS;

/* Where each backend's files are. @ws/core fills these from the installed
 * backend packages (@ws/wasi-nn-<stem>, "wasmedge".defaultOptions); CLI users
 * may pass them. Index order: tflite, onnx, ggml, pytorch, openvino. */
enum { TFLITE, ONNX, GGML, PYTORCH, OPENVINO, BACKEND_COUNT };
static WasmEdge_String BackendLibraryOption[BACKEND_COUNT];
static WasmEdge_String RuntimeLibraryOption[BACKEND_COUNT];

/* Implicit values for a flag given without a value. */
static const WS_StringList PreloadImplicit = {0, NULL};
static const uint32_t ThreadsImplicit = 0;
static const WasmEdge_String EmptyString = {0, NULL};

#define STRING_OPTION(OptionName, Text, Slot)                                                      \
  {.Name = OptionName, .Description = Text, .Type = WasmEdge_ProgramOptionType_String,             \
   .Storage = &(Slot), .DefaultValue = &EmptyString}

WasmEdge_ProgramOption ws_nn_program_options[WS_NN_PROGRAM_OPTION_COUNT] = {
    {.Name = "nn-preload",
     .Description = "Preload a model: NAME:ENCODING:TARGET:PATH[:PATH] (repeatable), e.g. "
                    "face:TensorflowLite:CPU:face.tflite. Guests load it with load_by_name(NAME).",
     .Type = WS_ProgramOptionType_StringList,
     .Storage = &PreloadOption,
     .DefaultValue = &PreloadImplicit},
    {.Name = "nn-threads",
     .Description = "Threads per inference context (0 = the number of available cores).",
     .Type = WasmEdge_ProgramOptionType_UInt32,
     .Storage = &ThreadsOption,
     .DefaultValue = &ThreadsImplicit},
    {.Name = "nn-max-graphs",
     .Description = "Graphs a guest may hold at once (default 64; 0 = no limit); load returns 5 "
                    "(RuntimeError) past it.",
     .Type = WasmEdge_ProgramOptionType_UInt32,
     .Storage = &MaxGraphsOption,
     .DefaultValue = &MaxGraphsImplicit},
    {.Name = "nn-max-contexts",
     .Description = "Execution contexts a guest may hold at once (default 256; 0 = no limit); "
                    "init_execution_context returns 5 (RuntimeError) past it.",
     .Type = WasmEdge_ProgramOptionType_UInt32,
     .Storage = &MaxContextsOption,
     .DefaultValue = &MaxContextsImplicit},
    STRING_OPTION("nn-tflite-backend", "Path of the TensorFlow-Lite backend, libws_wasi_nn_tflite.so "
                  "(set by @ws/wasi-nn-tflite).", BackendLibraryOption[TFLITE]),
    STRING_OPTION("nn-tflite-library", "Path of libtensorflowlite_c.so (env WS_TFLITE_LIBRARY takes "
                  "precedence).", RuntimeLibraryOption[TFLITE]),
    STRING_OPTION("nn-onnx-backend", "Path of the ONNX backend, libws_wasi_nn_onnx.so (set by "
                  "@ws/wasi-nn-onnx).", BackendLibraryOption[ONNX]),
    STRING_OPTION("nn-onnx-library", "Path of ONNX Runtime's libonnxruntime.so.1 (env "
                  "WS_ONNXRUNTIME_LIBRARY takes precedence).", RuntimeLibraryOption[ONNX]),
    STRING_OPTION("nn-ggml-backend", "Path of the GGML backend, libws_wasi_nn_ggml.so (set by "
                  "@ws/wasi-nn-ggml).", BackendLibraryOption[GGML]),
    STRING_OPTION("nn-ggml-library", "Path of llama.cpp's libllama.so (env WS_LLAMA_LIBRARY takes "
                  "precedence).", RuntimeLibraryOption[GGML]),
    STRING_OPTION("nn-pytorch-backend", "Path of the PyTorch backend, libws_wasi_nn_pytorch.so (set by "
                  "@ws/wasi-nn-pytorch).", BackendLibraryOption[PYTORCH]),
    STRING_OPTION("nn-openvino-backend", "Path of the OpenVINO backend, libws_wasi_nn_openvino.so (set "
                  "by @ws/wasi-nn-openvino).", BackendLibraryOption[OPENVINO]),
    STRING_OPTION("nn-openvino-library", "Path of OpenVINO's libopenvino_c.so (env WS_OPENVINO_LIBRARY "
                  "takes precedence).", RuntimeLibraryOption[OPENVINO]),
};
_Static_assert(sizeof(ws_nn_program_options) / sizeof(ws_nn_program_options[0]) == WS_NN_PROGRAM_OPTION_COUNT,
               "WS_NN_PROGRAM_OPTION_COUNT must match the table");

const WS_StringList *ws_nn_option_preloads(void) { return &PreloadOption; }

uint32_t ws_nn_option_threads(void) { return ThreadsOption; }

uint32_t ws_nn_option_max_graphs(void) { return MaxGraphsOption; }

uint32_t ws_nn_option_max_contexts(void) { return MaxContextsOption; }

char *ws_nn_option_backend_path(const char *Stem, const char *Kind) {
  char Name[64];
  snprintf(Name, sizeof(Name), "nn-%s-%s", Stem, Kind);
  for (uint32_t I = 0; I < WS_NN_PROGRAM_OPTION_COUNT; ++I) {
    const WasmEdge_ProgramOption *Option = &ws_nn_program_options[I];
    if (Option->Type != WasmEdge_ProgramOptionType_String || strcmp(Option->Name, Name) != 0) continue;
    const WasmEdge_String *Value = Option->Storage;
    if (Value->Buf == NULL || Value->Length == 0) return NULL;
    char *Copy = malloc((size_t)Value->Length + 1);
    if (Copy == NULL) return NULL;
    memcpy(Copy, Value->Buf, Value->Length);
    Copy[Value->Length] = '\0';
    return Copy;
  }
  return NULL;
}
