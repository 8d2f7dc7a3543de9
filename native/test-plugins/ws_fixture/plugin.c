/* ws_fixture plug-in descriptor, module creation and host-data finalizer. */
#include "fixture.h"
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static WasmEdge_ValType value_type_of(char Letter) {
  switch (Letter) {
  case 'I': return WasmEdge_ValTypeGenI64();
  case 'f': return WasmEdge_ValTypeGenF32();
  case 'F': return WasmEdge_ValTypeGenF64();
  default: return WasmEdge_ValTypeGenI32();
  }
}

bool fixture_add_function(WasmEdge_ModuleInstanceContext *Module, const char *Name,
                          const char *Params, const char *Results, WasmEdge_HostFunc_t Func,
                          void *Data) {
  WasmEdge_ValType ParamTypes[8], ResultTypes[8];
  uint32_t ParamCount = (uint32_t)strlen(Params), ResultCount = (uint32_t)strlen(Results);
  if (ParamCount > 8 || ResultCount > 8) return false;
  for (uint32_t I = 0; I < ParamCount; ++I) ParamTypes[I] = value_type_of(Params[I]);
  for (uint32_t I = 0; I < ResultCount; ++I) ResultTypes[I] = value_type_of(Results[I]);

  WasmEdge_FunctionTypeContext *Type =
      WasmEdge_FunctionTypeCreate(ParamTypes, ParamCount, ResultTypes, ResultCount);
  if (Type == NULL) return false;
  /* The instance copies the type, so the type is deleted right away. */
  WasmEdge_FunctionInstanceContext *Function = WasmEdge_FunctionInstanceCreate(Type, Func, Data, 0);
  WasmEdge_FunctionTypeDelete(Type);
  if (Function == NULL) return false;
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString(Name);
  WasmEdge_Result Added = WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, Function);
  WasmEdge_StringDelete(FunctionName);
  if (!WasmEdge_ResultOK(Added)) {
    WasmEdge_FunctionInstanceDelete(Function);
    return false;
  }
  return true;
}

/* Tests prove that finalizers run by looking for this line on stderr or in
 * the file named by WS_FIXTURE_FINALIZER_LOG. */
static void finalize_host_data(void *HostData) {
  FixtureData *Data = HostData;
  fprintf(stderr, "ws_fixture: finalizer ran\n");
  const char *LogPath = getenv("WS_FIXTURE_FINALIZER_LOG");
  if (LogPath != NULL && LogPath[0] != '\0') {
    FILE *Log = fopen(LogPath, "a");
    if (Log != NULL) {
      fprintf(Log, "ws_fixture: finalizer ran (counter=%d)\n", Data->Counter);
      fclose(Log);
    }
  }
  fixture_options_release(&Data->Options);
  free(Data);
}

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  FixtureData *Data = calloc(1, sizeof(FixtureData));
  if (Data == NULL) return NULL;
  if (!fixture_options_snapshot(&Data->Options)) {
    free(Data);
    return NULL;
  }
  /* The instance (import) name equals the descriptor name: ws_fixture. */
  WasmEdge_String Name = WasmEdge_StringCreateByCString(Descriptor->Name);
  WasmEdge_ModuleInstanceContext *Module =
      WasmEdge_ModuleInstanceCreateWithData(Name, Data, finalize_host_data);
  WasmEdge_StringDelete(Name);
  if (Module == NULL) {
    fixture_options_release(&Data->Options);
    free(Data);
    return NULL;
  }
  if (!fixture_add_numeric_functions(Module, Data) || !fixture_add_memory_functions(Module, Data) ||
      !fixture_add_control_functions(Module, Data)) {
    WasmEdge_ModuleInstanceDelete(Module); /* runs the finalizer, which frees Data */
    return NULL;
  }
  return Module;
}

static WasmEdge_ModuleDescriptor ModuleDescriptors[] = {
    {.Name = "ws_fixture",
     .Description = "Host functions covering every value type, memory access and result kind.",
     .Create = create_module},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "ws_fixture",
    .Description = "ws test fixture plug-in",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 1, .Minor = 0, .Patch = 0, .Build = 0},
    .ModuleCount = 1,
    .ProgramOptionCount = FIXTURE_OPTION_COUNT,
    .ModuleDescriptions = ModuleDescriptors,
    .ProgramOptions = FixtureProgramOptions,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
