/* Plug-in descriptor and module creation of wasmedge_process. */
#include <wasmedge/wasmedge.h>

#include "process_env.h"
#include "process_functions.h"
#include "process_options.h"

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  ws_process_env *env = ws_process_env_create();
  if (!env) return NULL;
  WasmEdge_String name = WasmEdge_StringCreateByCString("wasmedge_process");
  WasmEdge_ModuleInstanceContext *module =
      WasmEdge_ModuleInstanceCreateWithData(name, env, ws_process_env_destroy);
  WasmEdge_StringDelete(name);
  if (!module) {
    ws_process_env_destroy(env);
    return NULL;
  }
  WasmEdge_ValType i32[4];
  for (int i = 0; i < 4; ++i) i32[i] = WasmEdge_ValTypeGenI32();
  for (uint32_t i = 0; i < ws_process_function_count; ++i) {
    const ws_process_function *spec = &ws_process_functions[i];
    WasmEdge_FunctionTypeContext *type =
        WasmEdge_FunctionTypeCreate(i32, spec->param_count, i32, spec->result_count);
    WasmEdge_FunctionInstanceContext *function =
        type ? WasmEdge_FunctionInstanceCreate(type, spec->function, env, 0) : NULL;
    WasmEdge_FunctionTypeDelete(type);
    if (!function) {
      WasmEdge_ModuleInstanceDelete(module); /* runs the finalizer */
      return NULL;
    }
    WasmEdge_String function_name = WasmEdge_StringCreateByCString(spec->name);
    WasmEdge_ModuleInstanceAddFunction(module, function_name, function);
    WasmEdge_StringDelete(function_name);
  }
  return module;
}

static WasmEdge_ModuleDescriptor module_descriptors[] = {
    {.Name = "wasmedge_process",
     .Description = "Run host commands (deny-by-default allow-list; no shell).",
     .Create = create_module},
};

static WasmEdge_PluginDescriptor plugin_descriptor = {
    .Name = "wasmedge_process",
    .Description = "",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 10, .Patch = 0, .Build = 0},
    .ModuleCount = 1,
    .ModuleDescriptions = module_descriptors,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  plugin_descriptor.ProgramOptionCount = ws_process_program_option_count;
  plugin_descriptor.ProgramOptions = ws_process_program_options;
  return &plugin_descriptor;
}
