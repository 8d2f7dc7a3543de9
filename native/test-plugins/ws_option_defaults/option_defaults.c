/*
 * ws_option_defaults: one program option of every WasmEdge type, each with a
 * static initial value in its Storage and a different DefaultValue, so a test
 * sees which of the two a plug-in gets:
 *   option absent               -> the initial value (WasmEdge leaves Storage untouched)
 *   option given without value  -> DefaultValue (the implicit value; a toggle becomes true)
 *   option given a value        -> that value
 * Every non-toggle option has a DefaultValue, so WasmEdge's CLI does not make
 * it mandatory and the same guest runs under wasmedge for comparison.
 *
 * Module ws_option_defaults:
 *   report(buf: i32, cap: i32) -> i32   writes the values seen when the module
 *                                       was created, one line, returns its length
 */
#include <wasmedge/wasmedge.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool Toggle = false;
static int8_t Int8 = -8;
static int16_t Int16 = -16;
static int32_t Int32 = -32;
static int64_t Int64 = -64;
static uint8_t UInt8 = 200;
static uint16_t UInt16 = 1600;
static uint32_t UInt32 = 3200;
static uint64_t UInt64 = 6400;
static float Float = 0.5f;
static double Double = 0.25;
static WasmEdge_String String = {6, "static"};

static const int8_t Int8Default = 8;
static const int16_t Int16Default = 16;
static const int32_t Int32Default = 32;
static const int64_t Int64Default = 64;
static const uint8_t UInt8Default = 18;
static const uint16_t UInt16Default = 116;
static const uint32_t UInt32Default = 132;
static const uint64_t UInt64Default = 164;
static const float FloatDefault = 1.5f;
static const double DoubleDefault = 2.25;
static const WasmEdge_String StringDefault = {8, "implicit"};

#define OPTION(Suffix, Kind, Variable, Default)                                                    \
  {.Name = "defaults-" Suffix, .Description = "ws_option_defaults: a " Suffix " option.",           \
   .Type = WasmEdge_ProgramOptionType_##Kind, .Storage = &Variable, .DefaultValue = Default}

static WasmEdge_ProgramOption Options[] = {
    OPTION("toggle", Toggle, Toggle, NULL),
    OPTION("int8", Int8, Int8, &Int8Default),
    OPTION("int16", Int16, Int16, &Int16Default),
    OPTION("int32", Int32, Int32, &Int32Default),
    OPTION("int64", Int64, Int64, &Int64Default),
    OPTION("uint8", UInt8, UInt8, &UInt8Default),
    OPTION("uint16", UInt16, UInt16, &UInt16Default),
    OPTION("uint32", UInt32, UInt32, &UInt32Default),
    OPTION("uint64", UInt64, UInt64, &UInt64Default),
    OPTION("float", Float, Float, &FloatDefault),
    OPTION("double", Double, Double, &DoubleDefault),
    OPTION("string", String, String, &StringDefault),
};

static WasmEdge_Result report(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                              WasmEdge_Value *Out) {
  const char *Line = Data;
  uint32_t Length = (uint32_t)strlen(Line);
  uint32_t Capacity = (uint32_t)WasmEdge_ValueGetI32(In[1]);
  uint8_t *Buffer = WasmEdge_MemoryInstanceGetPointer(WasmEdge_CallingFrameGetMemoryInstance(Frame, 0),
                                                      (uint32_t)WasmEdge_ValueGetI32(In[0]), Capacity);
  if (Buffer == NULL || Length > Capacity) return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_HostFuncError);
  memcpy(Buffer, Line, Length);
  Out[0] = WasmEdge_ValueGenI32((int32_t)Length);
  return WasmEdge_Result_Success;
}

/* The options are read here, when the module is created, as plug-ins must. */
static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  char *Line = malloc(512);
  if (Line == NULL) return NULL;
  int StringLength = String.Buf != NULL ? (int)String.Length : 0;
  snprintf(Line, 512,
           "toggle=%d int8=%d int16=%d int32=%d int64=%lld uint8=%u uint16=%u uint32=%u uint64=%llu "
           "float=%g double=%g string=%.*s\n",
           Toggle ? 1 : 0, Int8, Int16, Int32, (long long)Int64, UInt8, UInt16, UInt32, (unsigned long long)UInt64,
           (double)Float, Double, StringLength, String.Buf != NULL ? String.Buf : "");
  WasmEdge_String Name = WasmEdge_StringCreateByCString(Descriptor->Name);
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreateWithData(Name, Line, free);
  WasmEdge_StringDelete(Name);
  if (Module == NULL) {
    free(Line);
    return NULL;
  }
  WasmEdge_ValType Params[2] = {WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenI32()};
  WasmEdge_ValType Result = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Params, 2, &Result, 1);
  WasmEdge_FunctionInstanceContext *Function = WasmEdge_FunctionInstanceCreate(Type, report, Line, 0);
  WasmEdge_FunctionTypeDelete(Type);
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString("report");
  WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, Function);
  WasmEdge_StringDelete(FunctionName);
  return Module;
}

static WasmEdge_ModuleDescriptor Modules[] = {
    {.Name = "ws_option_defaults", .Description = "reports its options", .Create = create_module},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "ws_option_defaults",
    .Description = "one option of every type, initial value and DefaultValue different",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 1, .Patch = 0, .Build = 0},
    .ModuleCount = 1,
    .ProgramOptionCount = sizeof(Options) / sizeof(Options[0]),
    .ModuleDescriptions = Modules,
    .ProgramOptions = Options,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) { return &Descriptor; }
