/*
 * A minimal valid C plug-in, compiled several times with different macros to
 * make the loader fixtures: one module whose function which() -> i32 tells
 * the tests which copy answered.
 *
 *   WS_PLUGIN_NAME   plug-in and module name (string literal, required)
 *   WS_API_VERSION   declared plug-in API version (default: current)
 *   WS_WHICH         value returned by which() (default 1)
 *   WS_NEEDS_GONE    which() returns ws_gone_value() from libws_gone.so
 */
#include <wasmedge/wasmedge.h>

#ifndef WS_PLUGIN_NAME
#error "define WS_PLUGIN_NAME"
#endif
#ifndef WS_API_VERSION
#define WS_API_VERSION WasmEdge_Plugin_CurrentAPIVersion
#endif
#ifndef WS_WHICH
#define WS_WHICH 1
#endif

#ifdef WS_NEEDS_GONE
extern int32_t ws_gone_value(void);
#define WS_WHICH_VALUE ws_gone_value()
#else
#define WS_WHICH_VALUE WS_WHICH
#endif

static WasmEdge_Result which(void *Data, const WasmEdge_CallingFrameContext *Frame,
                             const WasmEdge_Value *In, WasmEdge_Value *Out) {
  Out[0] = WasmEdge_ValueGenI32(WS_WHICH_VALUE);
  return WasmEdge_Result_Success;
}

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  WasmEdge_String Name = WasmEdge_StringCreateByCString(Descriptor->Name);
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreate(Name);
  WasmEdge_StringDelete(Name);
  if (Module == NULL) return NULL;
  WasmEdge_ValType Result = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(NULL, 0, &Result, 1);
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString("which");
  WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, WasmEdge_FunctionInstanceCreate(Type, which, NULL, 0));
  WasmEdge_StringDelete(FunctionName);
  WasmEdge_FunctionTypeDelete(Type);
  return Module;
}

static WasmEdge_ModuleDescriptor ModuleDescriptors[] = {
    {.Name = WS_PLUGIN_NAME, .Description = "loader fixture module", .Create = create_module},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = WS_PLUGIN_NAME,
    .Description = "ws loader fixture",
    .APIVersion = WS_API_VERSION,
    .Version = {.Major = 0, .Minor = 1, .Patch = 0, .Build = WS_WHICH},
    .ModuleCount = 1,
    .ProgramOptionCount = 0,
    .ModuleDescriptions = ModuleDescriptors,
    .ProgramOptions = NULL,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
