/*
 * wasmedge_plugintest_c: the minimal C plug-in WasmEdge uses to test its
 * loader (test/plugins/unittest/testplugin.c), written anew for ws from the
 * facts in the spec (§2.4): same names, types, option and output lines, so
 * tests written against WasmEdge's behaviour apply to ws unchanged.
 */
#include <wasmedge/wasmedge.h>

#include <stdio.h>
#include <stdlib.h>

/* `--name`: String option. The storage starts as the implicit value. */
static const WasmEdge_String NameImplicit = {4, "name"};
static WasmEdge_String NameOption = {4, "name"};

/* Both functions add their result to the module's accumulator (host data). */
static WasmEdge_Result accumulate(void *Data, int32_t Value, WasmEdge_Value *Out) {
  int32_t *Accumulator = Data;
  *Accumulator += Value;
  printf("Current accumulate: %d\n", *Accumulator);
  fflush(stdout);
  Out[0] = WasmEdge_ValueGenI32(Value);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result add(void *Data, const WasmEdge_CallingFrameContext *Frame,
                           const WasmEdge_Value *In, WasmEdge_Value *Out) {
  uint32_t Sum = (uint32_t)WasmEdge_ValueGetI32(In[0]) + (uint32_t)WasmEdge_ValueGetI32(In[1]);
  return accumulate(Data, (int32_t)Sum, Out);
}

static WasmEdge_Result sub(void *Data, const WasmEdge_CallingFrameContext *Frame,
                           const WasmEdge_Value *In, WasmEdge_Value *Out) {
  uint32_t Difference = (uint32_t)WasmEdge_ValueGetI32(In[0]) - (uint32_t)WasmEdge_ValueGetI32(In[1]);
  return accumulate(Data, (int32_t)Difference, Out);
}

static void release_accumulator(void *HostData) {
  printf("Deallocate host data\n");
  fflush(stdout);
  free(HostData);
}

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  int32_t *Accumulator = malloc(sizeof(int32_t));
  if (Accumulator == NULL) return NULL;
  *Accumulator = 0;

  WasmEdge_String ModuleName = WasmEdge_StringCreateByCString(Descriptor->Name);
  WasmEdge_ModuleInstanceContext *Module =
      WasmEdge_ModuleInstanceCreateWithData(ModuleName, Accumulator, release_accumulator);
  WasmEdge_StringDelete(ModuleName);
  if (Module == NULL) {
    free(Accumulator);
    return NULL;
  }

  /* One (i32, i32) -> i32 type serves both functions; instances copy it. */
  WasmEdge_ValType Params[2] = {WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenI32()};
  WasmEdge_ValType Results[1] = {WasmEdge_ValTypeGenI32()};
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Params, 2, Results, 1);
  const struct {
    const char *Name;
    WasmEdge_HostFunc_t Func;
  } Functions[] = {{"add", add}, {"sub", sub}};
  for (size_t I = 0; I < sizeof(Functions) / sizeof(Functions[0]); ++I) {
    WasmEdge_String Name = WasmEdge_StringCreateByCString(Functions[I].Name);
    WasmEdge_FunctionInstanceContext *Function =
        WasmEdge_FunctionInstanceCreate(Type, Functions[I].Func, Accumulator, 0);
    WasmEdge_ModuleInstanceAddFunction(Module, Name, Function); /* module owns it */
    WasmEdge_StringDelete(Name);
  }
  WasmEdge_FunctionTypeDelete(Type);
  return Module;
}

static WasmEdge_ModuleDescriptor ModuleDescriptors[] = {
    {.Name = "wasmedge_plugintest_c_module",
     .Description = "Module with add and sub sharing an accumulator.",
     .Create = create_module},
};

static WasmEdge_ProgramOption ProgramOptions[] = {
    {.Name = "name",
     .Description = "A string option (implicit value: name).",
     .Type = WasmEdge_ProgramOptionType_String,
     .Storage = &NameOption,
     .DefaultValue = &NameImplicit},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "wasmedge_plugintest_c",
    .Description = "Loader test plug-in written in C (ws rewrite of WasmEdge's testplugin.c).",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 10, .Patch = 0, .Build = 0},
    .ModuleCount = 1,
    .ProgramOptionCount = 1,
    .ModuleDescriptions = ModuleDescriptors,
    .ProgramOptions = ProgramOptions,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
