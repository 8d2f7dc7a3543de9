// The WASMEDGE_0.16 editions of the five functions whose signatures changed
// between plug-in API 4 (WasmEdge 0.14.1-0.16) and 5 (0.17): API 4 passes and
// returns limits as the 12-byte WasmEdge_Limit struct by value, API 5 as the
// opaque WasmEdge_LimitContext. A plug-in linked against API-4 headers (no
// symbol versions) binds to WASMEDGE_0.16, the oldest version node; one
// linked against 0.17.1 references WASMEDGE_0.17, the default editions.
// Layout (spec section 3.2): HasMax @0, Shared @1, Min @4, Max @8 (uint32_t).
#include "internal.h"

#include <cstdint>
#include <new>

namespace {

struct LimitV4 {
  bool HasMax;
  bool Shared;
  uint32_t Min;
  uint32_t Max;
};
static_assert(sizeof(LimitV4) == 12 && alignof(LimitV4) == 4, "WasmEdge_Limit of plug-in API 4");

WasmEdge_LimitContext fromV4(const LimitV4 &Limit) noexcept {
  WasmEdge_LimitContext L;
  L.Min = Limit.Min;
  // A shared limit always has a maximum in WebAssembly; API 4 took Max then.
  L.HasMax = Limit.HasMax || Limit.Shared;
  L.Max = L.HasMax ? Limit.Max : 0;
  L.Shared = Limit.Shared;
  return L;
}

// 64-bit values are cut to their low 32 bits, as the old struct holds them;
// without a maximum the maximum reads as the minimum (WasmEdge_LimitGetMax).
LimitV4 toV4(const WasmEdge_LimitContext &Limit) noexcept {
  return LimitV4{Limit.HasMax, Limit.Shared, static_cast<uint32_t>(Limit.Min),
                 static_cast<uint32_t>(Limit.HasMax ? Limit.Max : Limit.Min)};
}

}  // namespace

#define WS_V016(Name) ws_v016_##Name
#define WS_V016_SYMVER(Name) __asm__(".symver ws_v016_" #Name ", WasmEdge_" #Name "@WASMEDGE_0.16");

extern "C" {

__attribute__((visibility("default"))) bool WS_V016(LimitIsEqual)(const LimitV4 Lim1, const LimitV4 Lim2) {
  return Lim1.HasMax == Lim2.HasMax && Lim1.Shared == Lim2.Shared && Lim1.Min == Lim2.Min && Lim1.Max == Lim2.Max;
}

__attribute__((visibility("default"))) WasmEdge_MemoryTypeContext *WS_V016(MemoryTypeCreate)(const LimitV4 Limit) {
  auto *T = new (std::nothrow) WasmEdge_MemoryTypeContext();
  if (T == nullptr) return nullptr;
  T->Limit = fromV4(Limit);
  return T;
}

__attribute__((visibility("default"))) LimitV4 WS_V016(MemoryTypeGetLimit)(const WasmEdge_MemoryTypeContext *Cxt) {
  if (Cxt == nullptr) return LimitV4{false, false, 0, 0};
  return toV4(Cxt->Limit);
}

__attribute__((visibility("default"))) WasmEdge_TableTypeContext *WS_V016(TableTypeCreate)(const WasmEdge_ValType RefType,
                                                                                         const LimitV4 Limit) {
  if (!WasmEdge_ValTypeIsRef(RefType)) return nullptr;
  return ws::newTableType(RefType, fromV4(Limit));
}

__attribute__((visibility("default"))) LimitV4 WS_V016(TableTypeGetLimit)(const WasmEdge_TableTypeContext *Cxt) {
  if (Cxt == nullptr) return LimitV4{false, false, 0, 0};
  return toV4(Cxt->Limit);
}

}  // extern "C"

WS_V016_SYMVER(LimitIsEqual)
WS_V016_SYMVER(MemoryTypeCreate)
WS_V016_SYMVER(MemoryTypeGetLimit)
WS_V016_SYMVER(TableTypeCreate)
WS_V016_SYMVER(TableTypeGetLimit)
