// Global instances: a typed value, mutable or constant.
#include "internal.h"
#include "log.h"

#include <new>

namespace ws {

void deleteGlobalInstance(WasmEdge_GlobalInstanceContext *G) noexcept { delete G; }

}  // namespace ws

WS_EXPORT WasmEdge_GlobalInstanceContext *WasmEdge_GlobalInstanceCreate(const WasmEdge_GlobalTypeContext *GlobType,
                                                                       const WasmEdge_Value Value) {
  if (GlobType == nullptr) return nullptr;
  if (!WasmEdge_ValTypeIsEqual(GlobType->ValType, Value.Type)) return nullptr;
  auto *G = new (std::nothrow) WasmEdge_GlobalInstanceContext();
  if (G == nullptr) return nullptr;
  G->Type = *GlobType;
  G->Value = Value;
  return G;
}

WS_EXPORT const WasmEdge_GlobalTypeContext *WasmEdge_GlobalInstanceGetGlobalType(const WasmEdge_GlobalInstanceContext *Cxt) {
  return Cxt != nullptr ? &Cxt->Type : nullptr;
}

WS_EXPORT WasmEdge_Value WasmEdge_GlobalInstanceGetValue(const WasmEdge_GlobalInstanceContext *Cxt) {
  if (Cxt == nullptr) return WasmEdge_ValueGenI32(0);
  return Cxt->Value;
}

WS_EXPORT WasmEdge_Result WasmEdge_GlobalInstanceSetValue(WasmEdge_GlobalInstanceContext *Cxt, const WasmEdge_Value Value) {
  if (Cxt == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  if (Cxt->Type.Mutability != WasmEdge_Mutability_Var) return ws::makeResult(WasmEdge_ErrCode_SetValueToConst);
  if (!WasmEdge_ValTypeIsEqual(Cxt->Type.ValType, Value.Type)) return ws::makeResult(WasmEdge_ErrCode_SetValueErrorType);
  Cxt->Value = Value;
  return ws::kSuccess;
}

WS_EXPORT void WasmEdge_GlobalInstanceDelete(WasmEdge_GlobalInstanceContext *Cxt) {
  if (Cxt == nullptr) return;
  if (Cxt->Owner != nullptr) {
    ws::logMessage(WasmEdge_LogLevel_Warn,
                   "WasmEdge_GlobalInstanceDelete: the global belongs to module \"%s\", which deletes it; "
                   "delete only globals not added to a module",
                   Cxt->Owner->Name.c_str());
    return;
  }
  ws::deleteGlobalInstance(Cxt);
}
