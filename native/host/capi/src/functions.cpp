// Function instances: host functions of plug-ins, bindings, and guest
// functions the embedder exposes to plug-ins.
#include "internal.h"
#include "log.h"

#include <new>

namespace ws {

void deleteFunctionInstance(WasmEdge_FunctionInstanceContext *F) noexcept {
  if (F == nullptr) return;
  clearFunctionType(F->Type);
  delete F;
}

}  // namespace ws

namespace {

WasmEdge_FunctionInstanceContext *newFunction(const WasmEdge_FunctionTypeContext *Type, enum ws_function_kind Kind) noexcept {
  auto *F = new (std::nothrow) WasmEdge_FunctionInstanceContext();
  if (F == nullptr) return nullptr;
  F->Kind = Kind;
  // The type is copied: the caller may delete its type right after.
  if (!ws::copyFunctionType(F->Type, *Type)) {
    delete F;
    return nullptr;
  }
  return F;
}

}  // namespace

WS_EXPORT WasmEdge_FunctionInstanceContext *WasmEdge_FunctionInstanceCreate(const WasmEdge_FunctionTypeContext *Type,
                                                                           WasmEdge_HostFunc_t HostFunc, void *Data,
                                                                           const uint64_t Cost) {
  if (Type == nullptr || HostFunc == nullptr) return nullptr;
  WasmEdge_FunctionInstanceContext *F = newFunction(Type, WS_FUNCTION_HOST);
  if (F == nullptr) return nullptr;
  F->HostFunc = HostFunc;
  F->Data = Data;
  F->Cost = Cost;
  return F;
}

WS_EXPORT WasmEdge_FunctionInstanceContext *WasmEdge_FunctionInstanceCreateBinding(const WasmEdge_FunctionTypeContext *Type,
                                                                                  WasmEdge_WrapFunc_t WrapFunc,
                                                                                  void *Binding, void *Data,
                                                                                  const uint64_t Cost) {
  if (Type == nullptr || WrapFunc == nullptr) return nullptr;
  WasmEdge_FunctionInstanceContext *F = newFunction(Type, WS_FUNCTION_BINDING);
  if (F == nullptr) return nullptr;
  F->WrapFunc = WrapFunc;
  F->Binding = Binding;
  F->Data = Data;
  F->Cost = Cost;
  return F;
}

WS_EXPORT const WasmEdge_FunctionTypeContext *WasmEdge_FunctionInstanceGetFunctionType(
    const WasmEdge_FunctionInstanceContext *Cxt) {
  return Cxt != nullptr ? &Cxt->Type : nullptr;
}

WS_EXPORT const void *WasmEdge_FunctionInstanceGetData(const WasmEdge_FunctionInstanceContext *Cxt) {
  return Cxt != nullptr ? Cxt->Data : nullptr;
}

WS_EXPORT void WasmEdge_FunctionInstanceDelete(WasmEdge_FunctionInstanceContext *Cxt) {
  if (Cxt == nullptr) return;
  if (Cxt->Owner != nullptr) {
    // WasmEdge would free it twice (here and with its module); ws refuses.
    ws::logMessage(WasmEdge_LogLevel_Warn,
                   "WasmEdge_FunctionInstanceDelete: the function belongs to module \"%s\", which deletes it; "
                   "delete only functions not added to a module",
                   Cxt->Owner->Name.c_str());
    return;
  }
  ws::deleteFunctionInstance(Cxt);
}

WS_EXPORT WasmEdge_FunctionInstanceContext *ws_host_function_create_embedder(const WasmEdge_FunctionTypeContext *Type,
                                                                            ws_embedder_call_t Call,
                                                                            void *EmbedderData) {
  if (Type == nullptr || Call == nullptr) return nullptr;
  WasmEdge_FunctionInstanceContext *F = newFunction(Type, WS_FUNCTION_EMBEDDER);
  if (F == nullptr) return nullptr;
  F->EmbedderCall = Call;
  F->EmbedderData = EmbedderData;
  return F;
}
