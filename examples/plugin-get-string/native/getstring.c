/*
 * WasmEdge's classic "get-string" example plug-in (examples/plugin/get-string
 * in the WasmEdge repository), rewritten for ws as a C plug-in.
 *
 *   plug-in  plugin_name
 *   module   descriptor module_name, instance (import namespace) module_wasm_name
 *   function get_string(buf_ptr: i32, buf_len: i32, written_ptr: i32) -> ()
 *   options  --string <text>   ("hello" when absent, and when given without text)
 *            --upper           (upper-case the text)
 *
 * As in WasmEdge, an option's DefaultValue is only its implicit value (used
 * when the flag is given without a value); an absent option leaves Storage as
 * the plug-in initialised it. So the storage starts as "hello" too, and
 * WasmEdge's own test guest prints hello without options, under ws and under
 * WasmEdge alike.
 *
 * Difference from WasmEdge's example, on purpose: WasmEdge copies the whole
 * string even when it is longer than buf_len (writing past the guest's
 * buffer). Here at most buf_len bytes are written and *written_ptr says how
 * many.
 */
#include <wasmedge/wasmedge.h>

#include <stdlib.h>
#include <string.h>

/* Option storage, written by the host before modules are created. */
static WasmEdge_String StringOption = {5, "hello"};
static bool UpperOption = false;
static const WasmEdge_String StringImplicit = {5, "hello"};

/* What a module instance returns, copied from the options when it is created. */
typedef struct GetStringData {
  char *Text; /* already upper-cased if --upper */
  uint32_t Length;
} GetStringData;

static WasmEdge_Result host_function_error(void) {
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_HostFuncError);
}

static WasmEdge_Result get_string(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                  const WasmEdge_Value *In, WasmEdge_Value *Out) {
  const GetStringData *State = Data;
  uint32_t BufPtr = (uint32_t)WasmEdge_ValueGetI32(In[0]);
  uint32_t BufLen = (uint32_t)WasmEdge_ValueGetI32(In[1]);
  uint32_t WrittenPtr = (uint32_t)WasmEdge_ValueGetI32(In[2]);

  /* Memory 0 of the calling guest, exported or not. */
  WasmEdge_MemoryInstanceContext *Memory = WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
  uint8_t *Buffer = WasmEdge_MemoryInstanceGetPointer(Memory, BufPtr, BufLen);
  uint8_t *Written = WasmEdge_MemoryInstanceGetPointer(Memory, WrittenPtr, 4);
  if (Buffer == NULL || Written == NULL) return host_function_error(); /* traps the guest */

  uint32_t Count = State->Length < BufLen ? State->Length : BufLen;
  if (Count > 0) memcpy(Buffer, State->Text, Count);
  for (int I = 0; I < 4; ++I) Written[I] = (uint8_t)(Count >> (8 * I)); /* u32 little-endian */
  return WasmEdge_Result_Success;
}

static void free_data(void *HostData) {
  GetStringData *State = HostData;
  free(State->Text);
  free(State);
}

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  GetStringData *State = calloc(1, sizeof(GetStringData));
  if (State == NULL) return NULL;
  State->Length = StringOption.Buf != NULL ? StringOption.Length : 0;
  State->Text = malloc((size_t)State->Length + 1);
  if (State->Text == NULL) {
    free(State);
    return NULL;
  }
  for (uint32_t I = 0; I < State->Length; ++I) {
    char C = StringOption.Buf[I];
    State->Text[I] = (UpperOption && C >= 'a' && C <= 'z') ? (char)(C - 'a' + 'A') : C;
  }

  /* The import namespace differs from the descriptor name on purpose. */
  WasmEdge_String InstanceName = WasmEdge_StringCreateByCString("module_wasm_name");
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreateWithData(InstanceName, State, free_data);
  WasmEdge_StringDelete(InstanceName);
  if (Module == NULL) {
    free_data(State);
    return NULL;
  }

  WasmEdge_ValType Params[3] = {WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenI32()};
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Params, 3, NULL, 0);
  WasmEdge_FunctionInstanceContext *Function = WasmEdge_FunctionInstanceCreate(Type, get_string, State, 0);
  WasmEdge_FunctionTypeDelete(Type);
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString("get_string");
  WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, Function);
  WasmEdge_StringDelete(FunctionName);
  return Module;
}

static WasmEdge_ModuleDescriptor ModuleDescriptors[] = {
    {.Name = "module_name", .Description = "Example module", .Create = create_module},
};

static WasmEdge_ProgramOption ProgramOptions[] = {
    {.Name = "string",
     .Description = "The string get_string returns (default: hello).",
     .Type = WasmEdge_ProgramOptionType_String,
     .Storage = &StringOption,
     .DefaultValue = &StringImplicit},
    {.Name = "upper",
     .Description = "Return the string in upper case.",
     .Type = WasmEdge_ProgramOptionType_Toggle,
     .Storage = &UpperOption,
     .DefaultValue = NULL},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "plugin_name",
    .Description = "Example plugin",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 1, .Patch = 0, .Build = 0},
    .ModuleCount = 1,
    .ProgramOptionCount = 2,
    .ModuleDescriptions = ModuleDescriptors,
    .ProgramOptions = ProgramOptions,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
