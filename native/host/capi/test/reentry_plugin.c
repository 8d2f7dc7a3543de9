/* "ws_reentry": host functions that call back into the guest and keep going
 * afterwards, for the host-call tests of the bridge (test/core/host-call-paths.test.ts).
 * They exercise what a plug-in may do that the fixture plug-in does not:
 *   call_ignoring_failure(name_ptr, name_len, arg) -> i32
 *     calls the caller's export `name` (i32 -> i32) and returns 7 even when
 *     it trapped: the trap must still end the guest.
 *   read_after_callback(name_ptr, name_len, offset) -> i32
 *     takes memory 0 once, calls the export (which may grow memory), then
 *     reads the byte at offset through the same memory instance: -1 if out
 *     of range, so a stale size after the growth shows. */
#include "wasmedge/wasmedge.h"

static WasmEdge_Result callExport(const WasmEdge_CallingFrameContext *Frame, WasmEdge_MemoryInstanceContext *Memory,
                                  const WasmEdge_Value *In, int32_t *Result) {
  uint32_t Length = (uint32_t)WasmEdge_ValueGetI32(In[1]);
  const char *Name = (const char *)WasmEdge_MemoryInstanceGetPointerConst(Memory, (uint32_t)WasmEdge_ValueGetI32(In[0]), Length);
  if (Name == NULL) return WasmEdge_Result_Fail;
  const WasmEdge_FunctionInstanceContext *Function =
      WasmEdge_ModuleInstanceFindFunction(WasmEdge_CallingFrameGetModuleInstance(Frame), WasmEdge_StringWrap(Name, Length));
  if (Function == NULL) return WasmEdge_Result_Fail;
  WasmEdge_Value Argument = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(In[2]));
  WasmEdge_Value Out = WasmEdge_ValueGenI32(0);
  WasmEdge_Result Called = WasmEdge_ExecutorInvoke(WasmEdge_CallingFrameGetExecutor(Frame), Function, &Argument, 1, &Out, 1);
  *Result = WasmEdge_ValueGetI32(Out);
  return Called;
}

static WasmEdge_Result callIgnoringFailure(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                           const WasmEdge_Value *In, WasmEdge_Value *Out) {
  (void)Data;
  int32_t Ignored = 0;
  (void)callExport(Frame, WasmEdge_CallingFrameGetMemoryInstance(Frame, 0), In, &Ignored);
  Out[0] = WasmEdge_ValueGenI32(7);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result readAfterCallback(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                         const WasmEdge_Value *In, WasmEdge_Value *Out) {
  (void)Data;
  WasmEdge_MemoryInstanceContext *Memory = WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
  int32_t Ignored = 0;
  WasmEdge_Result Called = callExport(Frame, Memory, In, &Ignored);
  if (!WasmEdge_ResultOK(Called)) return Called;
  const uint8_t *Byte = WasmEdge_MemoryInstanceGetPointerConst(Memory, (uint32_t)WasmEdge_ValueGetI32(In[2]), 1);
  Out[0] = WasmEdge_ValueGenI32(Byte == NULL ? -1 : *Byte);
  return WasmEdge_Result_Success;
}

static void addFunction(WasmEdge_ModuleInstanceContext *Module, const char *Name, WasmEdge_HostFunc_t Function) {
  WasmEdge_ValType I32 = WasmEdge_ValTypeGenI32();
  WasmEdge_ValType Params[3] = {I32, I32, I32};
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Params, 3, &I32, 1);
  WasmEdge_ModuleInstanceAddFunction(Module, WasmEdge_StringWrap(Name, (uint32_t)__builtin_strlen(Name)),
                                     WasmEdge_FunctionInstanceCreate(Type, Function, NULL, 0));
  WasmEdge_FunctionTypeDelete(Type);
}

static WasmEdge_ModuleInstanceContext *createModule(const struct WasmEdge_ModuleDescriptor *Desc) {
  (void)Desc;
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("ws_reentry", 10));
  addFunction(Module, "call_ignoring_failure", callIgnoringFailure);
  addFunction(Module, "read_after_callback", readAfterCallback);
  return Module;
}

static WasmEdge_ModuleDescriptor Modules[] = {{"ws_reentry", "host functions that call back into the guest", createModule}};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "ws_reentry",
    .Description = "host-call test plug-in: re-entrant calls into the guest",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {0, 1, 0, 0},
    .ModuleCount = 1,
    .ProgramOptionCount = 0,
    .ModuleDescriptions = Modules,
    .ProgramOptions = NULL,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) { return &Descriptor; }
