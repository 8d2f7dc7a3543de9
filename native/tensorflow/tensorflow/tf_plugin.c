/*
 * Plug-in descriptor of wasmedge_tensorflow (libwasmedgePluginWasmEdgeTensorflow.so):
 * one module, `wasmedge_tensorflow`, with the current (0.13+) and legacy
 * (<= 0.12) host functions. libtensorflow is loaded on the first call, so the
 * module can be created (and guests importing it instantiated) without it.
 */
#include <stdlib.h>

#include <wasmedge/wasmedge.h>

#include "../common/id_table.h"
#include "../common/option_string.h"
#include "../common/session_functions.h"
#include "tf_backend.h"
#include "tf_functions.h"
#include "tf_session.h"

static WasmEdge_String LibraryOption = {0, NULL};
static const WasmEdge_String LibraryImplicit = {0, NULL};
static uint32_t MaxSessionsOption = WS_TF_DEFAULT_MAX_SESSIONS;
static const uint32_t MaxSessionsImplicit = WS_TF_DEFAULT_MAX_SESSIONS;

static WasmEdge_ProgramOption Options[] = {
    {.Name = "tensorflow-library",
     .Description = "Path of libtensorflow.so.2, TensorFlow's C library (env WS_LIBTENSORFLOW takes precedence; "
                    "default: libtensorflow.so.2 from the loader's search path).",
     .Type = WasmEdge_ProgramOptionType_String,
     .Storage = &LibraryOption,
     .DefaultValue = &LibraryImplicit},
    {.Name = "tensorflow-max-sessions",
     .Description = "Sessions a guest may hold at once (default 64); creating another returns 4 (Busy).",
     .Type = WasmEdge_ProgramOptionType_UInt32,
     .Storage = &MaxSessionsOption,
     .DefaultValue = &MaxSessionsImplicit},
};

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  (void)Descriptor;
  ws_tf_env *Env = calloc(1, sizeof(*Env));
  if (Env == NULL) return NULL;
  Env->Base.Backend = &ws_tf_backend;
  Env->LibraryPath = ws_option_string_copy(LibraryOption);
  Env->Sessions.Limit = MaxSessionsOption;
  return ws_session_module_create("wasmedge_tensorflow", Env, ws_tf_env_delete, ws_tf_add_current_functions,
                                  ws_tf_add_legacy_functions);
}

static WasmEdge_ModuleDescriptor Modules[] = {
    {.Name = "wasmedge_tensorflow", .Description = "TensorFlow inference sessions.", .Create = create_module},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "wasmedge_tensorflow",
    .Description = "Tensorflow plug-in for WasmEdge.",
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
