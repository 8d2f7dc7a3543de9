/* A well-formed C plug-in used by capi_tests to exercise registration,
 * listing, module creation and program options. Compiled several times:
 *   WS_TEST_PLUGIN_KIND 0  "ws_capi_test": every option type, two modules
 *   WS_TEST_PLUGIN_KIND 1  "wasmedge_process": allow-command(-all) options
 *   WS_TEST_PLUGIN_KIND 2  "wasi_nn": nn-preload option
 *   WS_TEST_PLUGIN_KIND 3  "ws_capi_test" again, from another file (duplicate)
 *   WS_TEST_PLUGIN_KIND 4  "ws_capi_old_api": declares plug-in API version 2
 *   WS_TEST_PLUGIN_KIND 5  "ws_capi_env": found only through WASMEDGE_PLUGIN_PATH */
#include "wasmedge/wasmedge.h"
#include "wasmedge/ws_extensions.h"

#include <stdlib.h>

static int FinalizedCount = 0;

/* Read by capi_tests through dlsym: how many module host data were freed. */
WASMEDGE_CAPI_PLUGIN_EXPORT int ws_capi_test_finalized(void) { return FinalizedCount; }

static void finalize(void *Data) {
  ++FinalizedCount;
  free(Data);
}

static WasmEdge_Result add(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                           WasmEdge_Value *Out) {
  (void)Frame;
  int32_t Sum = WasmEdge_ValueGetI32(In[0]) + WasmEdge_ValueGetI32(In[1]);
  *(int32_t *)Data += Sum; /* accumulator in the module's host data */
  Out[0] = WasmEdge_ValueGenI32(Sum);
  return WasmEdge_Result_Success;
}

/* The --i32 option as the last createModule read it, for the atomic
 * create-with-options checks (plugin_options_test.c reads it with dlsym). */
static int32_t OptI32;
__attribute__((visibility("default"))) int32_t ws_capi_test_created_with_i32 = -1;

__attribute__((unused)) static WasmEdge_ModuleInstanceContext *createModule(const struct WasmEdge_ModuleDescriptor *Desc) {
  (void)Desc;
  ws_capi_test_created_with_i32 = OptI32;
  int32_t *Accumulator = calloc(1, sizeof(int32_t));
  WasmEdge_String Name = WasmEdge_StringCreateByCString("ws_capi_test_instance");
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreateWithData(Name, Accumulator, finalize);
  WasmEdge_StringDelete(Name);
  WasmEdge_ValType I32 = WasmEdge_ValTypeGenI32();
  WasmEdge_ValType Params[2] = {I32, I32};
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Params, 2, &I32, 1);
  WasmEdge_FunctionInstanceContext *Add = WasmEdge_FunctionInstanceCreate(Type, add, Accumulator, 0);
  WasmEdge_FunctionTypeDelete(Type);
  Name = WasmEdge_StringCreateByCString("add");
  WasmEdge_ModuleInstanceAddFunction(Module, Name, Add);
  WasmEdge_StringDelete(Name);
  return Module;
}

__attribute__((unused)) static WasmEdge_ModuleInstanceContext *createNothing(const struct WasmEdge_ModuleDescriptor *Desc) {
  (void)Desc;
  return NULL;
}

__attribute__((unused)) static WasmEdge_ModuleInstanceContext *createNamedByDescriptor(const struct WasmEdge_ModuleDescriptor *Desc) {
  WasmEdge_String Name = WasmEdge_StringCreateByCString(Desc->Name);
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreate(Name);
  WasmEdge_StringDelete(Name);
  return Module;
}

#if WS_TEST_PLUGIN_KIND == 0 || WS_TEST_PLUGIN_KIND == 3 || WS_TEST_PLUGIN_KIND == 4

static bool OptToggle = false;
static int8_t OptI8 = -1;
static const int8_t DefaultI8 = 7;
static int16_t OptI16 = 0;
static int32_t OptI32 = 0; /* no DefaultValue: a value is required */
static int64_t OptI64 = 0;
static uint8_t OptU8 = 0;
static const uint8_t DefaultU8 = 200;
static uint16_t OptU16 = 0;
static uint32_t OptU32 = 0;
static uint64_t OptU64 = 0;
static float OptF32 = 0;
static const float DefaultF32 = 1.5f;
static double OptF64 = 0;
static WasmEdge_String OptName = {0, NULL};
static const WasmEdge_String DefaultName = {4, "dflt"};
static WasmEdge_String OptRequired = {0, NULL};
static WS_StringList OptList = {0, NULL};
static int OptIgnored = 0;

static WasmEdge_ProgramOption Options[] = {
    {"toggle", "a toggle", WasmEdge_ProgramOptionType_Toggle, &OptToggle, NULL},
    {"i8", "int8", WasmEdge_ProgramOptionType_Int8, &OptI8, &DefaultI8},
    {"i16", "int16", WasmEdge_ProgramOptionType_Int16, &OptI16, NULL},
    {"i32", "int32", WasmEdge_ProgramOptionType_Int32, &OptI32, NULL},
    {"i64", "int64", WasmEdge_ProgramOptionType_Int64, &OptI64, NULL},
    {"u8", "uint8", WasmEdge_ProgramOptionType_UInt8, &OptU8, &DefaultU8},
    {"u16", "uint16", WasmEdge_ProgramOptionType_UInt16, &OptU16, NULL},
    {"u32", "uint32", WasmEdge_ProgramOptionType_UInt32, &OptU32, NULL},
    {"u64", "uint64", WasmEdge_ProgramOptionType_UInt64, &OptU64, NULL},
    {"f32", "float", WasmEdge_ProgramOptionType_Float, &OptF32, &DefaultF32},
    {"f64", "double", WasmEdge_ProgramOptionType_Double, &OptF64, NULL},
    {"name", "string with an implicit value", WasmEdge_ProgramOptionType_String, &OptName, &DefaultName},
    {"required", "string without one", WasmEdge_ProgramOptionType_String, &OptRequired, NULL},
    {"list", "repeatable string", WS_ProgramOptionType_StringList, &OptList, NULL},
    {"ignored", "type None", WasmEdge_ProgramOptionType_None, &OptIgnored, NULL},
};

static WasmEdge_ModuleDescriptor Modules[] = {
    {"ws_capi_test_module", "adds numbers", createModule},
    {"ws_capi_null_module", "Create returns NULL", createNothing},
};

static const WasmEdge_PluginDescriptor Descriptor = {
#if WS_TEST_PLUGIN_KIND == 4
    .Name = "ws_capi_old_api",
    .Description = "capi_tests fixture built for WasmEdge 0.11.1-0.13.5",
    .APIVersion = 2,
#else
    .Name = "ws_capi_test",
    .Description = "capi_tests fixture",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
#endif
    .Version = {0, 1, 0, 0},
    .ModuleCount = 2,
    .ProgramOptionCount = sizeof(Options) / sizeof(Options[0]),
    .ModuleDescriptions = Modules,
    .ProgramOptions = Options,
};

#elif WS_TEST_PLUGIN_KIND == 1

static WS_StringList AllowCommand = {0, NULL};
static bool AllowCommandAll = false;

static WasmEdge_ProgramOption Options[] = {
    {"allow-command", "allowed program", WS_ProgramOptionType_StringList, &AllowCommand, NULL},
    {"allow-command-all", "allow every program", WasmEdge_ProgramOptionType_Toggle, &AllowCommandAll, NULL},
};

static WasmEdge_ModuleDescriptor Modules[] = {{"wasmedge_process", "", createNamedByDescriptor}};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "wasmedge_process",
    .Description = "capi_tests stand-in for the process plug-in",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {0, 1, 0, 0},
    .ModuleCount = 1,
    .ProgramOptionCount = 2,
    .ModuleDescriptions = Modules,
    .ProgramOptions = Options,
};

#elif WS_TEST_PLUGIN_KIND == 2

static WS_StringList Preloads = {0, NULL};

static WasmEdge_ProgramOption Options[] = {
    {"nn-preload", "preload a model", WS_ProgramOptionType_StringList, &Preloads, NULL},
};

static WasmEdge_ModuleDescriptor Modules[] = {{"wasi_nn", "", createNamedByDescriptor}};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "wasi_nn",
    .Description = "capi_tests stand-in for the wasi_nn plug-in",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {0, 1, 0, 0},
    .ModuleCount = 1,
    .ProgramOptionCount = 1,
    .ModuleDescriptions = Modules,
    .ProgramOptions = Options,
};

#elif WS_TEST_PLUGIN_KIND == 5

static WasmEdge_ModuleDescriptor Modules[] = {{"ws_capi_env_module", "", createNamedByDescriptor}};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "ws_capi_env",
    .Description = "capi_tests fixture loaded through the default paths",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {0, 1, 0, 0},
    .ModuleCount = 1,
    .ProgramOptionCount = 0,
    .ModuleDescriptions = Modules,
    .ProgramOptions = NULL,
};

#endif

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
