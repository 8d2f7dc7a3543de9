/*
 * The part of WasmEdge's C API at plug-in API version 4 (WasmEdge 0.14.1 to
 * 0.16, ABI generation B) that the api4_fixture plug-in uses, written for ws
 * from the layout facts (docs/plugin-authoring.md, "Plug-in API versions").
 * It differs from API 5 where the fixture needs it to: limits are the 12-byte
 * WasmEdge_Limit struct passed and returned by value, and memory offsets and
 * lengths are uint32_t. No symbol versions: WasmEdge 0.16 had none.
 */
#ifndef WS_TEST_WASMEDGE_API4_H
#define WS_TEST_WASMEDGE_API4_H

#include <stdbool.h>
#include <stdint.h>

#define WasmEdge_Plugin_CurrentAPIVersion 4

typedef unsigned __int128 uint128_t;

typedef struct WasmEdge_String {
  uint32_t Length;
  const char *Buf;
} WasmEdge_String;

typedef struct WasmEdge_Result {
  uint32_t Code;
} WasmEdge_Result;

typedef struct WasmEdge_ValType {
  uint8_t Data[8];
} WasmEdge_ValType;

typedef struct WasmEdge_Value {
  uint128_t Value;
  WasmEdge_ValType Type;
} WasmEdge_Value;

/* 12 bytes, align 4: HasMax @0, Shared @1, Min @4, Max @8. */
typedef struct WasmEdge_Limit {
  bool HasMax;
  bool Shared;
  uint32_t Min;
  uint32_t Max;
} WasmEdge_Limit;

typedef struct WasmEdge_ModuleInstanceContext WasmEdge_ModuleInstanceContext;
typedef struct WasmEdge_FunctionTypeContext WasmEdge_FunctionTypeContext;
typedef struct WasmEdge_FunctionInstanceContext WasmEdge_FunctionInstanceContext;
typedef struct WasmEdge_MemoryTypeContext WasmEdge_MemoryTypeContext;
typedef struct WasmEdge_TableTypeContext WasmEdge_TableTypeContext;
typedef struct WasmEdge_MemoryInstanceContext WasmEdge_MemoryInstanceContext;
typedef struct WasmEdge_CallingFrameContext WasmEdge_CallingFrameContext;

typedef WasmEdge_Result (*WasmEdge_HostFunc_t)(void *Data, const WasmEdge_CallingFrameContext *CallFrameCxt,
                                               const WasmEdge_Value *Params, WasmEdge_Value *Returns);

extern WasmEdge_ValType WasmEdge_ValTypeGenI32(void);
extern WasmEdge_ValType WasmEdge_ValTypeGenFuncRef(void);
extern WasmEdge_Value WasmEdge_ValueGenI32(const int32_t Val);
extern int32_t WasmEdge_ValueGetI32(const WasmEdge_Value Val);
extern WasmEdge_String WasmEdge_StringCreateByCString(const char *Str);
extern void WasmEdge_StringDelete(WasmEdge_String Str);

/* The five functions whose signatures changed in API 5. */
extern bool WasmEdge_LimitIsEqual(const WasmEdge_Limit Lim1, const WasmEdge_Limit Lim2);
extern WasmEdge_MemoryTypeContext *WasmEdge_MemoryTypeCreate(const WasmEdge_Limit Limit);
extern WasmEdge_Limit WasmEdge_MemoryTypeGetLimit(const WasmEdge_MemoryTypeContext *Cxt);
extern WasmEdge_TableTypeContext *WasmEdge_TableTypeCreate(const WasmEdge_ValType RefType, const WasmEdge_Limit Limit);
extern WasmEdge_Limit WasmEdge_TableTypeGetLimit(const WasmEdge_TableTypeContext *Cxt);
extern void WasmEdge_MemoryTypeDelete(WasmEdge_MemoryTypeContext *Cxt);
extern void WasmEdge_TableTypeDelete(WasmEdge_TableTypeContext *Cxt);

extern WasmEdge_FunctionTypeContext *WasmEdge_FunctionTypeCreate(const WasmEdge_ValType *ParamList,
                                                                 const uint32_t ParamLen,
                                                                 const WasmEdge_ValType *ReturnList,
                                                                 const uint32_t ReturnLen);
extern void WasmEdge_FunctionTypeDelete(WasmEdge_FunctionTypeContext *Cxt);
extern WasmEdge_FunctionInstanceContext *WasmEdge_FunctionInstanceCreate(const WasmEdge_FunctionTypeContext *Type,
                                                                         WasmEdge_HostFunc_t HostFunc, void *Data,
                                                                         const uint64_t Cost);
extern WasmEdge_ModuleInstanceContext *WasmEdge_ModuleInstanceCreate(const WasmEdge_String ModuleName);
/* void in API 4 (WasmEdge_Result from WasmEdge 0.18 on). */
extern void WasmEdge_ModuleInstanceAddFunction(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name,
                                               WasmEdge_FunctionInstanceContext *FuncCxt);

extern WasmEdge_MemoryInstanceContext *WasmEdge_CallingFrameGetMemoryInstance(const WasmEdge_CallingFrameContext *Cxt,
                                                                             const uint32_t Idx);
/* uint32_t offsets and lengths in API 4 (uint64_t in API 5). */
extern uint8_t *WasmEdge_MemoryInstanceGetPointer(WasmEdge_MemoryInstanceContext *Cxt, const uint32_t Offset,
                                                  const uint32_t Length);

typedef struct WasmEdge_ModuleDescriptor {
  const char *Name;
  const char *Description;
  WasmEdge_ModuleInstanceContext *(*Create)(const struct WasmEdge_ModuleDescriptor *);
} WasmEdge_ModuleDescriptor;

typedef struct WasmEdge_PluginVersionData {
  uint32_t Major;
  uint32_t Minor;
  uint32_t Patch;
  uint32_t Build;
} WasmEdge_PluginVersionData;

typedef struct WasmEdge_ProgramOption WasmEdge_ProgramOption;

typedef struct WasmEdge_PluginDescriptor {
  const char *Name;
  const char *Description;
  uint32_t APIVersion;
  WasmEdge_PluginVersionData Version;
  uint32_t ModuleCount;
  uint32_t ProgramOptionCount;
  WasmEdge_ModuleDescriptor *ModuleDescriptions;
  WasmEdge_ProgramOption *ProgramOptions;
} WasmEdge_PluginDescriptor;

#endif /* WS_TEST_WASMEDGE_API4_H */
