/*
 * Plug-in descriptor of wasmedge_tensorflowlite
 * (libwasmedgePluginWasmEdgeTensorflowLite.so): one module,
 * `wasmedge_tensorflowlite`, holding the current (0.13+) and the legacy
 * (<= 0.12) host functions, plus two ws options.
 */
#include <stdlib.h>

#include <wasmedge/wasmedge.h>

#include "../common/id_table.h"
#include "../common/option_string.h"
#include "../common/session_functions.h"
#include "tflite_backend.h"
#include "tflite_functions.h"
#include "tflite_session.h"

/* Upstream fixes the interpreter at 2 threads. */
#define WS_TFLITE_DEFAULT_THREADS 2

static WasmEdge_String LibraryOption = {0, NULL};
static uint32_t ThreadsOption = WS_TFLITE_DEFAULT_THREADS;
static const WasmEdge_String LibraryImplicit = {0, NULL};
static const uint32_t ThreadsImplicit = WS_TFLITE_DEFAULT_THREADS;
static uint32_t MaxSessionsOption = WS_TF_DEFAULT_MAX_SESSIONS;
static const uint32_t MaxSessionsImplicit = WS_TF_DEFAULT_MAX_SESSIONS;

static WasmEdge_ProgramOption Options[] = {
    {.Name = "tflite-library",
     .Description = "Absolute path of libtensorflowlite_c.so (env WS_TFLITE_LIBRARY takes precedence; "
                    "default: the one of the npm package tfjs-tflite-node).",
     .Type = WasmEdge_ProgramOptionType_String,
     .Storage = &LibraryOption,
     .DefaultValue = &LibraryImplicit},
    {.Name = "tflite-threads",
     .Description = "Threads of each TensorFlow-Lite interpreter (default 2, WasmEdge's fixed value).",
     .Type = WasmEdge_ProgramOptionType_UInt32,
     .Storage = &ThreadsOption,
     .DefaultValue = &ThreadsImplicit},
    {.Name = "tflite-max-sessions",
     .Description = "Sessions a guest may hold at once (default 64); create_session returns 4 (Busy) past it.",
     .Type = WasmEdge_ProgramOptionType_UInt32,
     .Storage = &MaxSessionsOption,
     .DefaultValue = &MaxSessionsImplicit},
};

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  (void)Descriptor;
  ws_tflite_env *Env = calloc(1, sizeof(*Env));
  if (Env == NULL) return NULL;
  Env->Base.Backend = &ws_tflite_backend;
  Env->Threads = ThreadsOption > 0 ? ThreadsOption : WS_TFLITE_DEFAULT_THREADS;
  Env->LibraryPath = ws_option_string_copy(LibraryOption);
  Env->Sessions.Limit = MaxSessionsOption;
  return ws_session_module_create("wasmedge_tensorflowlite", Env, ws_tflite_env_delete, ws_tflite_add_current_functions,
                                  ws_tflite_add_legacy_functions);
}

static WasmEdge_ModuleDescriptor Modules[] = {
    {.Name = "wasmedge_tensorflowlite",
     .Description = "TensorFlow-Lite inference sessions.",
     .Create = create_module},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "wasmedge_tensorflowlite",
    .Description = "Tensorflow-Lite plug-in for WasmEdge.",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 13, .Patch = 0, .Build = 0},
    .ModuleCount = sizeof(Modules) / sizeof(Modules[0]),
    .ProgramOptionCount = sizeof(Options) / sizeof(Options[0]),
    .ModuleDescriptions = Modules,
    .ProgramOptions = Options,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
