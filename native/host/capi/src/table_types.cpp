// Table types (plug-in API 5 signatures). The stand-in has no table
// instances a plug-in can create, but plug-ins may build and inspect table
// types; their API-4 editions live in compat_limit_v016.cpp.
#include "internal.h"

#include <new>

WS_EXPORT WasmEdge_TableTypeContext *WasmEdge_TableTypeCreate(const WasmEdge_ValType RefType,
                                                              const WasmEdge_LimitContext *Limit) {
  if (Limit == nullptr || !WasmEdge_ValTypeIsRef(RefType)) return nullptr;
  return ws::newTableType(RefType, *Limit);
}

WS_EXPORT WasmEdge_ValType WasmEdge_TableTypeGetRefType(const WasmEdge_TableTypeContext *Cxt) {
  if (Cxt != nullptr) return Cxt->RefType;
  // WasmEdge answers funcref for a NULL context.
  return WasmEdge_ValTypeGenFuncRef();
}

WS_EXPORT const WasmEdge_LimitContext *WasmEdge_TableTypeGetLimit(const WasmEdge_TableTypeContext *Cxt) {
  return Cxt != nullptr ? &Cxt->Limit : nullptr;
}

WS_EXPORT void WasmEdge_TableTypeDelete(WasmEdge_TableTypeContext *Cxt) { delete Cxt; }

WasmEdge_TableTypeContext *ws::newTableType(const WasmEdge_ValType &RefType, const WasmEdge_LimitContext &Limit) noexcept {
  auto *T = new (std::nothrow) WasmEdge_TableTypeContext();
  if (T == nullptr) return nullptr;
  T->RefType = RefType;
  T->Limit = Limit;
  return T;
}
