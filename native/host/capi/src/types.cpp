// Limits, function types, memory types and global types.
#include "internal.h"

#include <cstdlib>
#include <cstring>
#include <new>

namespace ws {

void clearFunctionType(WasmEdge_FunctionTypeContext &Type) noexcept {
  std::free(Type.Params);
  std::free(Type.Results);
  Type.Params = nullptr;
  Type.Results = nullptr;
  Type.ParamCount = 0;
  Type.ResultCount = 0;
}

namespace {

// Copies Count value types into a new malloc'ed list (NULL when Count is 0).
bool copyList(WasmEdge_ValType *&Dst, uint32_t &DstCount, const WasmEdge_ValType *Src, uint32_t Count) noexcept {
  Dst = nullptr;
  DstCount = 0;
  if (Src == nullptr || Count == 0) return true;
  Dst = static_cast<WasmEdge_ValType *>(std::malloc(sizeof(WasmEdge_ValType) * Count));
  if (Dst == nullptr) return false;
  std::memcpy(Dst, Src, sizeof(WasmEdge_ValType) * Count);
  DstCount = Count;
  return true;
}

uint32_t copyOut(const WasmEdge_ValType *Src, uint32_t Count, WasmEdge_ValType *List, uint32_t Len) noexcept {
  if (List != nullptr && Src != nullptr) {
    uint32_t N = Count < Len ? Count : Len;
    std::memcpy(List, Src, sizeof(WasmEdge_ValType) * N);
  }
  return Count;
}

}  // namespace

bool copyFunctionType(WasmEdge_FunctionTypeContext &Dst, const WasmEdge_FunctionTypeContext &Src) noexcept {
  if (!copyList(Dst.Params, Dst.ParamCount, Src.Params, Src.ParamCount) ||
      !copyList(Dst.Results, Dst.ResultCount, Src.Results, Src.ResultCount)) {
    clearFunctionType(Dst);
    return false;
  }
  return true;
}

}  // namespace ws

/* ---- Limits ---------------------------------------------------------------- */

WS_EXPORT WasmEdge_LimitContext *WasmEdge_LimitCreate(const uint64_t Min, const bool Is64Bit) {
  auto *L = new (std::nothrow) WasmEdge_LimitContext();
  if (L == nullptr) return nullptr;
  L->Min = Min;
  L->Is64Bit = Is64Bit;
  return L;
}

WS_EXPORT WasmEdge_LimitContext *WasmEdge_LimitCreateWithMax(const uint64_t Min, const uint64_t Max, const bool Is64Bit,
                                                             const bool IsShared) {
  auto *L = new (std::nothrow) WasmEdge_LimitContext();
  if (L == nullptr) return nullptr;
  L->Min = Min;
  L->Max = Max;
  L->HasMax = true;
  L->Is64Bit = Is64Bit;
  L->Shared = IsShared;
  return L;
}

WS_EXPORT bool WasmEdge_LimitHasMax(const WasmEdge_LimitContext *Cxt) { return Cxt != nullptr && Cxt->HasMax; }
WS_EXPORT bool WasmEdge_LimitIsShared(const WasmEdge_LimitContext *Cxt) { return Cxt != nullptr && Cxt->Shared; }
WS_EXPORT bool WasmEdge_LimitIs64Bit(const WasmEdge_LimitContext *Cxt) { return Cxt != nullptr && Cxt->Is64Bit; }
WS_EXPORT uint64_t WasmEdge_LimitGetMin(const WasmEdge_LimitContext *Cxt) { return Cxt != nullptr ? Cxt->Min : 0; }
// Without a maximum, WasmEdge reports the minimum as the maximum.
WS_EXPORT uint64_t WasmEdge_LimitGetMax(const WasmEdge_LimitContext *Cxt) {
  if (Cxt == nullptr) return 0;
  return Cxt->HasMax ? Cxt->Max : Cxt->Min;
}

WS_EXPORT bool WasmEdge_LimitIsEqual(const WasmEdge_LimitContext *Cxt1, const WasmEdge_LimitContext *Cxt2) {
  if (Cxt1 == nullptr || Cxt2 == nullptr) return false;
  return Cxt1->Min == Cxt2->Min && Cxt1->HasMax == Cxt2->HasMax && (!Cxt1->HasMax || Cxt1->Max == Cxt2->Max) &&
         Cxt1->Shared == Cxt2->Shared && Cxt1->Is64Bit == Cxt2->Is64Bit;
}

WS_EXPORT void WasmEdge_LimitDelete(WasmEdge_LimitContext *Cxt) { delete Cxt; }

/* ---- Function types ------------------------------------------------------- */

WS_EXPORT WasmEdge_FunctionTypeContext *WasmEdge_FunctionTypeCreate(const WasmEdge_ValType *ParamList,
                                                                    const uint32_t ParamLen,
                                                                    const WasmEdge_ValType *ReturnList,
                                                                    const uint32_t ReturnLen) {
  auto *T = new (std::nothrow) WasmEdge_FunctionTypeContext();
  if (T == nullptr) return nullptr;
  WasmEdge_FunctionTypeContext View{ParamLen, ReturnLen, const_cast<WasmEdge_ValType *>(ParamList),
                                    const_cast<WasmEdge_ValType *>(ReturnList)};
  // A NULL list is an empty list (WasmEdge would read through it).
  if (ParamList == nullptr) View.ParamCount = 0;
  if (ReturnList == nullptr) View.ResultCount = 0;
  if (!ws::copyFunctionType(*T, View)) {
    delete T;
    return nullptr;
  }
  return T;
}

WS_EXPORT uint32_t WasmEdge_FunctionTypeGetParametersLength(const WasmEdge_FunctionTypeContext *Cxt) {
  return Cxt != nullptr ? Cxt->ParamCount : 0;
}

WS_EXPORT uint32_t WasmEdge_FunctionTypeGetParameters(const WasmEdge_FunctionTypeContext *Cxt, WasmEdge_ValType *List,
                                                      const uint32_t Len) {
  if (Cxt == nullptr) return 0;
  return ws::copyOut(Cxt->Params, Cxt->ParamCount, List, Len);
}

WS_EXPORT uint32_t WasmEdge_FunctionTypeGetReturnsLength(const WasmEdge_FunctionTypeContext *Cxt) {
  return Cxt != nullptr ? Cxt->ResultCount : 0;
}

WS_EXPORT uint32_t WasmEdge_FunctionTypeGetReturns(const WasmEdge_FunctionTypeContext *Cxt, WasmEdge_ValType *List,
                                                   const uint32_t Len) {
  if (Cxt == nullptr) return 0;
  return ws::copyOut(Cxt->Results, Cxt->ResultCount, List, Len);
}

WS_EXPORT void WasmEdge_FunctionTypeDelete(WasmEdge_FunctionTypeContext *Cxt) {
  if (Cxt == nullptr) return;
  ws::clearFunctionType(*Cxt);
  delete Cxt;
}

/* ---- Memory types --------------------------------------------------------- */

WS_EXPORT WasmEdge_MemoryTypeContext *WasmEdge_MemoryTypeCreate(const WasmEdge_LimitContext *Limit) {
  if (Limit == nullptr) return nullptr;
  auto *T = new (std::nothrow) WasmEdge_MemoryTypeContext();
  if (T == nullptr) return nullptr;
  T->Limit = *Limit;
  return T;
}

WS_EXPORT const WasmEdge_LimitContext *WasmEdge_MemoryTypeGetLimit(const WasmEdge_MemoryTypeContext *Cxt) {
  return Cxt != nullptr ? &Cxt->Limit : nullptr;
}

WS_EXPORT void WasmEdge_MemoryTypeDelete(WasmEdge_MemoryTypeContext *Cxt) { delete Cxt; }

/* ---- Global types --------------------------------------------------------- */

WS_EXPORT WasmEdge_GlobalTypeContext *WasmEdge_GlobalTypeCreate(const WasmEdge_ValType ValType,
                                                                const enum WasmEdge_Mutability Mut) {
  auto *T = new (std::nothrow) WasmEdge_GlobalTypeContext();
  if (T == nullptr) return nullptr;
  T->ValType = ValType;
  T->Mutability = Mut;
  return T;
}

WS_EXPORT WasmEdge_ValType WasmEdge_GlobalTypeGetValType(const WasmEdge_GlobalTypeContext *Cxt) {
  if (Cxt == nullptr) return WasmEdge_ValTypeGenI32();
  return Cxt->ValType;
}

WS_EXPORT enum WasmEdge_Mutability WasmEdge_GlobalTypeGetMutability(const WasmEdge_GlobalTypeContext *Cxt) {
  return Cxt != nullptr ? Cxt->Mutability : WasmEdge_Mutability_Const;
}

WS_EXPORT void WasmEdge_GlobalTypeDelete(WasmEdge_GlobalTypeContext *Cxt) { delete Cxt; }
