// Internal definitions of the stand-in libwasmedge.so.0: the contexts that
// ws_host.h leaves opaque, and helpers shared by the source files.
#ifndef WS_CAPI_INTERNAL_H
#define WS_CAPI_INTERNAL_H

#include "ws_host.h"

#include <cstdint>
#include <map>
#include <string>

// Every exported function of the C API.
#define WS_EXPORT extern "C" WASMEDGE_CAPI_EXPORT

struct WasmEdge_LimitContext {
  uint64_t Min = 0;
  uint64_t Max = 0;
  bool HasMax = false;
  bool Shared = false;
  bool Is64Bit = false;
};

struct WasmEdge_MemoryTypeContext {
  WasmEdge_LimitContext Limit;
};

struct WasmEdge_TableTypeContext {
  WasmEdge_ValType RefType;
  WasmEdge_LimitContext Limit;
};

struct WasmEdge_GlobalTypeContext {
  WasmEdge_ValType ValType;
  enum WasmEdge_Mutability Mutability;
};

struct WasmEdge_GlobalInstanceContext {
  WasmEdge_GlobalTypeContext Type;
  WasmEdge_Value Value;
  WasmEdge_ModuleInstanceContext *Owner = nullptr;
};

// No C function creates tables (wasmedge.h declares none); a module only
// stores what WasmEdge_ModuleInstanceAddTable hands it.
struct WasmEdge_TableInstanceContext {
  WasmEdge_ModuleInstanceContext *Owner = nullptr;
};

struct WasmEdge_ModuleInstanceContext {
  std::string Name;
  void *HostData = nullptr;
  void (*Finalizer)(void *) = nullptr;
  // std::map: WasmEdge lists exports in lexicographic byte order.
  std::map<std::string, WasmEdge_FunctionInstanceContext *> Functions;
  std::map<std::string, WasmEdge_MemoryInstanceContext *> Memories;
  std::map<std::string, WasmEdge_GlobalInstanceContext *> Globals;
  std::map<std::string, WasmEdge_TableInstanceContext *> Tables;
};

struct WasmEdge_ExecutorContext {
  int Unused = 0;
};

namespace ws {

inline constexpr uint64_t kPageSize = 65536;

inline std::string toStdString(const WasmEdge_String &S) {
  if (S.Buf == nullptr || S.Length == 0) return std::string();
  return std::string(S.Buf, S.Length);
}

inline WasmEdge_String wrapStdString(const std::string &S) {
  WasmEdge_String R;
  R.Length = static_cast<uint32_t>(S.size());
  R.Buf = S.empty() ? nullptr : S.data();
  return R;
}

inline WasmEdge_Result makeResult(uint32_t Code) {
  WasmEdge_Result R;
  R.Code = Code & 0x00FFFFFFU;
  return R;
}

inline const WasmEdge_Result kSuccess = makeResult(WasmEdge_ErrCode_Success);

// Allocates a string buffer as WasmEdge_StringDelete expects (new char[]).
WasmEdge_String copyToNewString(const char *Buf, uint32_t Len) noexcept;

// Frees a function type's owned lists (the struct itself is not freed).
void clearFunctionType(WasmEdge_FunctionTypeContext &Type) noexcept;
// Copies Src into Dst (Dst must be empty). Returns false if out of memory.
bool copyFunctionType(WasmEdge_FunctionTypeContext &Dst, const WasmEdge_FunctionTypeContext &Src) noexcept;

// A table type holding copies of RefType and Limit (NULL if out of memory).
WasmEdge_TableTypeContext *newTableType(const WasmEdge_ValType &RefType, const WasmEdge_LimitContext &Limit) noexcept;

// Plug-ins declaring API version 3 or 4 (WasmEdge 0.14.0-0.16) pass memory
// offsets, lengths and page counts as uint32_t, whose upper register halves
// the SysV ABI leaves undefined (legacy_callers.cpp).
void registerLegacyPlugin(void *Handle) noexcept;
bool calledFromLegacyPlugin(const void *ReturnAddress) noexcept;

void deleteFunctionInstance(WasmEdge_FunctionInstanceContext *F) noexcept;
void deleteMemoryInstance(WasmEdge_MemoryInstanceContext *M) noexcept;
void deleteGlobalInstance(WasmEdge_GlobalInstanceContext *G) noexcept;

}  // namespace ws

#endif
