/*
 * The wasi_nn plug-in: its descriptor and the module instance
 * (import name wasi_ephemeral_nn) with its environment.
 */
#include "nn_env.h"
#include "program_options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

ws_nn_env *ws_nn_env_create(void) {
  ws_nn_env *Env = calloc(1, sizeof(*Env));
  if (Env == NULL) return NULL;
  char Err[4096];
  if (ws_nn_preload_parse(ws_nn_option_preloads(), &Env->Preloads, Err, sizeof(Err)) != 0) {
    fprintf(stderr, "[ws:wasi-nn] %s.\n", Err);
    free(Env);
    return NULL;
  }
  Env->Named = calloc(Env->Preloads.Count > 0 ? Env->Preloads.Count : 1, sizeof(ws_nn_named_graph));
  for (uint32_t Encoding = 0; Encoding < WS_NN_ENCODING_COUNT; ++Encoding) {
    const char *Stem = ws_nn_encoding_stem(Encoding);
    if (Stem == NULL) continue;
    Env->Locations[Encoding].Backend = ws_nn_option_backend_path(Stem, "backend");
    Env->Locations[Encoding].Runtime = ws_nn_option_backend_path(Stem, "library");
  }
  if (Env->Named == NULL) {
    ws_nn_env_destroy(Env);
    return NULL;
  }
  for (uint32_t I = 0; I < Env->Preloads.Count; ++I) Env->Named[I].Preload = &Env->Preloads.Items[I];
  long Cores = sysconf(_SC_NPROCESSORS_ONLN);
  uint32_t Threads = ws_nn_option_threads();
  Env->Settings.Threads = Threads > 0 ? Threads : (Cores > 0 ? (uint32_t)Cores : 1);
  Env->Settings.LogLevel = WS_NN_LOG_LEVEL_DEFAULT;
  Env->Graphs.Limit = ws_nn_option_max_graphs();
  Env->Contexts.Limit = ws_nn_option_max_contexts();
  return Env;
}

void ws_nn_graph_release(ws_nn_graph *Graph) {
  if (Graph == NULL || --Graph->References > 0) return;
  Graph->Backend->GraphRelease(Graph->BackendGraph);
  free(Graph);
}

void ws_nn_env_destroy(void *Opaque) {
  ws_nn_env *Env = Opaque;
  if (Env == NULL) return;
  /* Contexts first: each holds a reference to its graph. */
  for (uint32_t Id = 0; Id < Env->Contexts.NextId; ++Id) {
    ws_nn_context *Context = ws_nn_table_remove(&Env->Contexts, Id);
    if (Context == NULL) continue;
    Context->Graph->Backend->ContextRelease(Context->BackendContext);
    ws_nn_graph_release(Context->Graph);
    free(Context);
  }
  for (uint32_t Id = 0; Id < Env->Graphs.NextId; ++Id)
    ws_nn_graph_release(ws_nn_table_remove(&Env->Graphs, Id));
  ws_nn_table_free(&Env->Contexts);
  ws_nn_table_free(&Env->Graphs);
  ws_nn_preload_free(&Env->Preloads);
  free(Env->Named);
  for (uint32_t Encoding = 0; Encoding < WS_NN_ENCODING_COUNT; ++Encoding) {
    free(Env->Locations[Encoding].Backend);
    free(Env->Locations[Encoding].Runtime);
  }
  free(Env);
}

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  (void)Descriptor;
  ws_nn_env *Env = ws_nn_env_create();
  if (Env == NULL) return NULL;
  /* Descriptor name wasi_nn, instance (import) name wasi_ephemeral_nn, as WasmEdge. */
  WasmEdge_String Name = WasmEdge_StringCreateByCString("wasi_ephemeral_nn");
  WasmEdge_ModuleInstanceContext *Module =
      WasmEdge_ModuleInstanceCreateWithData(Name, Env, ws_nn_env_destroy);
  WasmEdge_StringDelete(Name);
  if (Module == NULL) {
    ws_nn_env_destroy(Env);
    return NULL;
  }
  if (!ws_nn_add_functions(Module, Env)) {
    WasmEdge_ModuleInstanceDelete(Module); /* the finalizer frees Env */
    return NULL;
  }
  return Module;
}

static WasmEdge_ModuleDescriptor ModuleDescriptors[] = {
    {.Name = "wasi_nn",
     .Description = "WASI-NN (wasi_ephemeral_nn) with the TensorFlow-Lite backend.",
     .Create = create_module},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "wasi_nn",
    .Description = "WASI-NN plug-in for ws (WasmEdge-compatible wasi_ephemeral_nn).",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 1, .Patch = 34, .Build = 0},
    .ModuleCount = 1,
    .ProgramOptionCount = WS_NN_PROGRAM_OPTION_COUNT,
    .ModuleDescriptions = ModuleDescriptors,
    .ProgramOptions = ws_nn_program_options,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
