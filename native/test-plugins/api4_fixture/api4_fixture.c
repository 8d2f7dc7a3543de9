/*
 * ws_api4_fixture: a plug-in built against plug-in API 4 headers
 * (wasmedge_api4.h, as WasmEdge 0.14.1-0.16 plug-ins are). It calls each of
 * the five functions whose signatures changed in API 5 through its old
 * signature and reports what it got back, so a guest can check that an API-4
 * plug-in binds to the stand-in's WASMEDGE_0.16 editions.
 *
 * Module ws_api4, every function writes one report line into the guest's
 * buffer [buf, buf + cap) and returns its length (-1 if it does not fit):
 *   limit_is_equal(has_max1, min1, max1, has_max2, min2, max2, buf, cap)
 *   memory_type(has_max, shared, min, max, buf, cap)   Create + GetLimit
 *   table_type(funcref, has_max, min, max, buf, cap)    Create + GetLimit
 *   read_byte(offset, buf, cap)  GetPointer(offset, 1) called with garbage in
 *                                the upper register halves, as an API-4
 *                                caller may leave them
 */
#include "wasmedge_api4.h"

/* Built twice: as API 4 (WasmEdge 0.14.1-0.16) and, with
 * -DWS_FIXTURE_API_VERSION=3 -DWS_FIXTURE_NAME=..., as API 3 (WasmEdge 0.14.0),
 * whose C plug-in ABI is the same. */
#ifndef WS_FIXTURE_API_VERSION
#define WS_FIXTURE_API_VERSION WasmEdge_Plugin_CurrentAPIVersion
#endif
#ifndef WS_FIXTURE_NAME
#define WS_FIXTURE_NAME "ws_api4_fixture"
#endif

#include <stdio.h>
#include <string.h>

static const WasmEdge_Result Success = {0};
static const WasmEdge_Result HostFuncError = {0x040E}; /* phase-based numbering, API 3 to 5 */

static uint32_t arg(const WasmEdge_Value *In, int Index) { return (uint32_t)WasmEdge_ValueGetI32(In[Index]); }

/* Copies Line into the guest buffer named by In[BufIndex], In[BufIndex + 1]. */
static WasmEdge_Result reply(const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In, int BufIndex,
                             WasmEdge_Value *Out, const char *Line) {
  uint32_t Length = (uint32_t)strlen(Line);
  uint32_t Capacity = arg(In, BufIndex + 1);
  WasmEdge_MemoryInstanceContext *Memory = WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
  uint8_t *Buffer = WasmEdge_MemoryInstanceGetPointer(Memory, arg(In, BufIndex), Capacity);
  if (Buffer == NULL) return HostFuncError;
  if (Length > Capacity) {
    Out[0] = WasmEdge_ValueGenI32(-1);
    return Success;
  }
  memcpy(Buffer, Line, Length);
  Out[0] = WasmEdge_ValueGenI32((int32_t)Length);
  return Success;
}

static void format_limit(char *Text, size_t Size, WasmEdge_Limit Limit) {
  snprintf(Text, Size, "{has_max=%d shared=%d min=%u max=%u}", Limit.HasMax ? 1 : 0, Limit.Shared ? 1 : 0,
           Limit.Min, Limit.Max);
}

static WasmEdge_Result limit_is_equal(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                      const WasmEdge_Value *In, WasmEdge_Value *Out) {
  (void)Data;
  WasmEdge_Limit A = {.HasMax = arg(In, 0) != 0, .Shared = false, .Min = arg(In, 1), .Max = arg(In, 2)};
  WasmEdge_Limit B = {.HasMax = arg(In, 3) != 0, .Shared = false, .Min = arg(In, 4), .Max = arg(In, 5)};
  char Left[64], Right[64], Line[200];
  format_limit(Left, sizeof(Left), A);
  format_limit(Right, sizeof(Right), B);
  snprintf(Line, sizeof(Line), "limit_is_equal %s %s = %d\n", Left, Right, WasmEdge_LimitIsEqual(A, B) ? 1 : 0);
  return reply(Frame, In, 6, Out, Line);
}

static WasmEdge_Result memory_type(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                                   WasmEdge_Value *Out) {
  (void)Data;
  WasmEdge_Limit Limit = {.HasMax = arg(In, 0) != 0, .Shared = arg(In, 1) != 0, .Min = arg(In, 2), .Max = arg(In, 3)};
  WasmEdge_MemoryTypeContext *Type = WasmEdge_MemoryTypeCreate(Limit);
  char Given[64], Back[64], Line[200];
  format_limit(Given, sizeof(Given), Limit);
  if (Type == NULL) {
    snprintf(Line, sizeof(Line), "memory_type %s -> NULL\n", Given);
  } else {
    format_limit(Back, sizeof(Back), WasmEdge_MemoryTypeGetLimit(Type));
    snprintf(Line, sizeof(Line), "memory_type %s -> %s\n", Given, Back);
    WasmEdge_MemoryTypeDelete(Type);
  }
  return reply(Frame, In, 4, Out, Line);
}

static WasmEdge_Result table_type(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                                  WasmEdge_Value *Out) {
  (void)Data;
  bool FuncRef = arg(In, 0) != 0;
  WasmEdge_Limit Limit = {.HasMax = arg(In, 1) != 0, .Shared = false, .Min = arg(In, 2), .Max = arg(In, 3)};
  WasmEdge_TableTypeContext *Type =
      WasmEdge_TableTypeCreate(FuncRef ? WasmEdge_ValTypeGenFuncRef() : WasmEdge_ValTypeGenI32(), Limit);
  char Given[64], Back[64], Line[200];
  format_limit(Given, sizeof(Given), Limit);
  const char *Kind = FuncRef ? "funcref" : "i32";
  if (Type == NULL) {
    snprintf(Line, sizeof(Line), "table_type %s %s -> NULL\n", Kind, Given);
  } else {
    format_limit(Back, sizeof(Back), WasmEdge_TableTypeGetLimit(Type));
    snprintf(Line, sizeof(Line), "table_type %s %s -> %s\n", Kind, Given, Back);
    WasmEdge_TableTypeDelete(Type);
  }
  return reply(Frame, In, 4, Out, Line);
}

/* GetPointer as the machine sees it: both 32-bit arguments in 64-bit
 * registers. The upper halves are filled with garbage on purpose. */
typedef uint8_t *(*GetPointerRegisters)(WasmEdge_MemoryInstanceContext *, uint64_t, uint64_t);

static WasmEdge_Result read_byte(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                                 WasmEdge_Value *Out) {
  (void)Data;
  uint32_t Offset = arg(In, 0);
  WasmEdge_MemoryInstanceContext *Memory = WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
  /* volatile: the compiler must not see through the cast and clean the registers. */
  GetPointerRegisters volatile GetPointer = (GetPointerRegisters)(void (*)(void))WasmEdge_MemoryInstanceGetPointer;
  const uint8_t *Byte = GetPointer(Memory, 0xDEAD000000000000ULL | Offset, 0xBEEF000000000000ULL | 1U);
  char Line[100];
  if (Byte == NULL) {
    snprintf(Line, sizeof(Line), "read_byte %u -> NULL\n", Offset);
  } else {
    snprintf(Line, sizeof(Line), "read_byte %u -> %u\n", Offset, *Byte);
  }
  return reply(Frame, In, 1, Out, Line);
}

static void add_function(WasmEdge_ModuleInstanceContext *Module, const char *Name, uint32_t ParamCount,
                         WasmEdge_HostFunc_t Function) {
  WasmEdge_ValType Params[8], Result = WasmEdge_ValTypeGenI32();
  for (uint32_t I = 0; I < ParamCount; ++I) Params[I] = WasmEdge_ValTypeGenI32();
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(Params, ParamCount, &Result, 1);
  WasmEdge_FunctionInstanceContext *Instance = WasmEdge_FunctionInstanceCreate(Type, Function, NULL, 0);
  WasmEdge_FunctionTypeDelete(Type);
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString(Name);
  WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, Instance);
  WasmEdge_StringDelete(FunctionName);
}

static WasmEdge_ModuleInstanceContext *create_module(const WasmEdge_ModuleDescriptor *Descriptor) {
  WasmEdge_String Name = WasmEdge_StringCreateByCString(Descriptor->Name);
  WasmEdge_ModuleInstanceContext *Module = WasmEdge_ModuleInstanceCreate(Name);
  WasmEdge_StringDelete(Name);
  if (Module == NULL) return NULL;
  add_function(Module, "limit_is_equal", 8, limit_is_equal);
  add_function(Module, "memory_type", 6, memory_type);
  add_function(Module, "table_type", 6, table_type);
  add_function(Module, "read_byte", 3, read_byte);
  return Module;
}

static WasmEdge_ModuleDescriptor Modules[] = {
    {.Name = "ws_api4", .Description = "the API-4 limit functions, called through their old signatures",
     .Create = create_module},
};

static const WasmEdge_PluginDescriptor Descriptor = {
    .Name = WS_FIXTURE_NAME,
    .Description = "a plug-in built against plug-in API 4 (WasmEdge 0.14.1-0.16) headers",
    .APIVersion = WS_FIXTURE_API_VERSION,
    .Version = {.Major = 0, .Minor = 16, .Patch = 0, .Build = 0},
    .ModuleCount = 1,
    .ProgramOptionCount = 0,
    .ModuleDescriptions = Modules,
    .ProgramOptions = NULL,
};

__attribute__((visibility("default"))) const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
