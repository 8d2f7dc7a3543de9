/*
 * A plug-in that crashes its process on purpose, for the isolation tests
 * (Runtime({ isolation: 'process' }) must turn the crash into an error naming
 * the signal and this plug-in, with the caller's process alive).
 *
 * Module ws_crash:
 *   ok() -> i32        returns 42 (the plug-in works until told to crash)
 *   segfault() -> i32  writes through a null pointer: SIGSEGV
 *   abort() -> i32     calls abort(): SIGABRT
 *   sleep_ms(i32) -> i32  blocks in nanosleep for that many milliseconds, never checking
 *                      for an interrupt (a host call no time limit can stop); returns 0
 */
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <wasmedge/wasmedge.h>

static WasmEdge_Result ok(void *Data, const WasmEdge_CallingFrameContext *Frame,
                          const WasmEdge_Value *In, WasmEdge_Value *Out) {
  (void)Data, (void)Frame, (void)In;
  Out[0] = WasmEdge_ValueGenI32(42);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result segfault(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                const WasmEdge_Value *In, WasmEdge_Value *Out) {
  (void)Data, (void)Frame, (void)In;
  /* volatile: the compiler may not drop or reorder the faulting store. */
  volatile int *Null = (volatile int *)0;
  *Null = 1;
  /* Node installs no SIGSEGV handler that returns here; if one ever did, still die. */
  raise(SIGSEGV);
  Out[0] = WasmEdge_ValueGenI32(-1);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result abort_now(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                 const WasmEdge_Value *In, WasmEdge_Value *Out) {
  (void)Data, (void)Frame, (void)In;
  abort();
  Out[0] = WasmEdge_ValueGenI32(-1);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result sleep_ms(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                const WasmEdge_Value *In, WasmEdge_Value *Out) {
  (void)Data, (void)Frame;
  int32_t Milliseconds = WasmEdge_ValueGetI32(In[0]);
  struct timespec Time = {.tv_sec = Milliseconds / 1000, .tv_nsec = (long)(Milliseconds % 1000) * 1000000L};
  /* Restarted after a signal: only the full time ends the call. */
  while (nanosleep(&Time, &Time) != 0) {
  }
  Out[0] = WasmEdge_ValueGenI32(0);
  return WasmEdge_Result_Success;
}

static void add(WasmEdge_ModuleInstanceContext *Module, const char *Name, WasmEdge_HostFunc_t Function,
                uint32_t ParamCount) {
  WasmEdge_ValType Types[1] = {WasmEdge_ValTypeGenI32()};
  WasmEdge_ValType Result = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Types, ParamCount, &Result, 1);
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString(Name);
  WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, WasmEdge_FunctionInstanceCreate(Type, Function, NULL, 0));
  WasmEdge_StringDelete(FunctionName);
  WasmEdge_FunctionTypeDelete(Type);
}

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  WasmEdge_String Name = WasmEdge_StringCreateByCString(Descriptor->Name);
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreate(Name);
  WasmEdge_StringDelete(Name);
  if (Module == NULL) return NULL;
  add(Module, "ok", ok, 0);
  add(Module, "segfault", segfault, 0);
  add(Module, "abort", abort_now, 0);
  add(Module, "sleep_ms", sleep_ms, 1);
  return Module;
}

static WasmEdge_ModuleDescriptor ModuleDescriptors[] = {
    {.Name = "ws_crash", .Description = "host functions that crash the process", .Create = create_module},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = "ws_crash",
    .Description = "ws crash fixture (isolation tests)",
    .APIVersion = WasmEdge_Plugin_CurrentAPIVersion,
    .Version = {.Major = 0, .Minor = 1, .Patch = 0, .Build = 0},
    .ModuleCount = 1,
    .ProgramOptionCount = 0,
    .ModuleDescriptions = ModuleDescriptors,
    .ProgramOptions = NULL,
};

WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
