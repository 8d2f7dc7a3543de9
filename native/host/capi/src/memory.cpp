// Memory instances. Two kinds share one struct (see ws_host.h): memories the
// stand-in owns (plug-ins that export one; realloc'ed on growth) and memories
// of the embedder (a guest's WebAssembly.Memory, reached through hooks).
#include "internal.h"
#include "log.h"

#include <cstdlib>
#include <cstring>
#include <new>

// A plug-in built for API 3 or 4 passes these as uint32_t: keep the low
// halves (legacy_callers.cpp). Must run in the exported function itself.
#define WS_NARROW_LEGACY(First, Second)                                     \
  do {                                                                      \
    if (ws::calledFromLegacyPlugin(__builtin_return_address(0))) {          \
      First &= 0xFFFFFFFFu;                                                 \
      Second &= 0xFFFFFFFFu;                                                \
    }                                                                       \
  } while (0)

namespace {

// WebAssembly's page limits: 2^16 pages for 32-bit memories, 2^48 for 64-bit.
constexpr uint64_t kMaxPages32 = 65536;
constexpr uint64_t kMaxPages64 = uint64_t(1) << 48;

// Base and Size of an embedder memory are current (see ws_host.h: Epoch).
inline void makeCurrent(const WasmEdge_MemoryInstanceContext *M) noexcept {
  if (M->Hooks != nullptr && (M->Epoch == nullptr || *M->Epoch != M->RefreshedAt)) {
    ws_host_memory_refresh(const_cast<WasmEdge_MemoryInstanceContext *>(M));
  }
}

bool inBounds(const WasmEdge_MemoryInstanceContext *M, uint64_t Offset, uint64_t Length) noexcept {
  // Written so that Offset + Length cannot overflow.
  return Offset <= M->Size && Length <= M->Size - Offset;
}

WasmEdge_Result growOwned(WasmEdge_MemoryInstanceContext *M, uint64_t Pages) noexcept {
  uint64_t Current = M->Size / ws::kPageSize;
  if (Pages > M->MaxPages || Current > M->MaxPages - Pages) return ws::makeResult(WasmEdge_ErrCode_MemoryOutOfBounds);
  uint64_t NewSize = (Current + Pages) * ws::kPageSize;
  if (NewSize > SIZE_MAX) return ws::makeResult(WasmEdge_ErrCode_MemoryOutOfBounds);
  auto *Grown = static_cast<uint8_t *>(std::realloc(M->Base, static_cast<size_t>(NewSize)));
  if (Grown == nullptr) return ws::makeResult(WasmEdge_ErrCode_MemoryOutOfBounds);
  std::memset(Grown + M->Size, 0, static_cast<size_t>(NewSize - M->Size));
  M->Base = Grown;
  M->Size = NewSize;
  if (M->Type != nullptr) M->Type->Limit.Min = Current + Pages;
  return ws::kSuccess;
}

}  // namespace

namespace ws {

void deleteMemoryInstance(WasmEdge_MemoryInstanceContext *M) noexcept {
  if (M == nullptr) return;
  if (M->Hooks == nullptr) std::free(M->Base);
  delete M->Type;
  delete M;
}

}  // namespace ws

WS_EXPORT WasmEdge_MemoryInstanceContext *WasmEdge_MemoryInstanceCreate(const WasmEdge_MemoryTypeContext *MemType) {
  if (MemType == nullptr) return nullptr;
  const WasmEdge_LimitContext &Limit = MemType->Limit;
  uint64_t MaxPages = Limit.Is64Bit ? kMaxPages64 : kMaxPages32;
  if (Limit.HasMax) {
    if (Limit.Max < Limit.Min || Limit.Max > MaxPages) return nullptr;
    MaxPages = Limit.Max;
  }
  if (Limit.Min > MaxPages || Limit.Min > SIZE_MAX / ws::kPageSize) return nullptr;
  auto *M = new (std::nothrow) WasmEdge_MemoryInstanceContext();
  if (M == nullptr) return nullptr;
  M->Type = new (std::nothrow) WasmEdge_MemoryTypeContext(*MemType);
  size_t Bytes = static_cast<size_t>(Limit.Min * ws::kPageSize);
  M->Base = Bytes > 0 ? static_cast<uint8_t *>(std::calloc(1, Bytes)) : nullptr;
  if (M->Type == nullptr || (Bytes > 0 && M->Base == nullptr)) {
    ws::deleteMemoryInstance(M);
    return nullptr;
  }
  M->Size = Bytes;
  M->MaxPages = MaxPages;
  return M;
}

WS_EXPORT const WasmEdge_MemoryTypeContext *WasmEdge_MemoryInstanceGetMemoryType(const WasmEdge_MemoryInstanceContext *Cxt) {
  if (Cxt == nullptr) return nullptr;
  makeCurrent(Cxt);  // the type's minimum is the current size
  return Cxt->Type;
}

WS_EXPORT WasmEdge_Result WasmEdge_MemoryInstanceGetData(const WasmEdge_MemoryInstanceContext *Cxt, uint8_t *Data,
                                                         uint64_t Offset, uint64_t Length) {
  WS_NARROW_LEGACY(Offset, Length);
  if (Cxt == nullptr || Data == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  makeCurrent(Cxt);
  if (!inBounds(Cxt, Offset, Length)) return ws::makeResult(WasmEdge_ErrCode_MemoryOutOfBounds);
  if (Length > 0) std::memmove(Data, Cxt->Base + Offset, static_cast<size_t>(Length));
  return ws::kSuccess;
}

WS_EXPORT WasmEdge_Result WasmEdge_MemoryInstanceSetData(WasmEdge_MemoryInstanceContext *Cxt, const uint8_t *Data,
                                                         uint64_t Offset, uint64_t Length) {
  WS_NARROW_LEGACY(Offset, Length);
  if (Cxt == nullptr || Data == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  makeCurrent(Cxt);
  if (!inBounds(Cxt, Offset, Length)) return ws::makeResult(WasmEdge_ErrCode_MemoryOutOfBounds);
  if (Length > 0) std::memmove(Cxt->Base + Offset, Data, static_cast<size_t>(Length));
  return ws::kSuccess;
}

namespace {

uint8_t *pointerAt(WasmEdge_MemoryInstanceContext *Cxt, uint64_t Offset, uint64_t Length) {
  if (Cxt == nullptr) return nullptr;
  makeCurrent(Cxt);
  if (!inBounds(Cxt, Offset, Length)) return nullptr;
  if (Cxt->Base == nullptr) {
    // An empty memory (0 pages) has no buffer, but a zero-length view of it
    // is valid: give a non-NULL address that must never be dereferenced.
    static uint8_t NoBytes;
    return &NoBytes;
  }
  return Cxt->Base + Offset;
}

}  // namespace

WS_EXPORT uint8_t *WasmEdge_MemoryInstanceGetPointer(WasmEdge_MemoryInstanceContext *Cxt, uint64_t Offset,
                                                     uint64_t Length) {
  WS_NARROW_LEGACY(Offset, Length);
  return pointerAt(Cxt, Offset, Length);
}

WS_EXPORT const uint8_t *WasmEdge_MemoryInstanceGetPointerConst(const WasmEdge_MemoryInstanceContext *Cxt,
                                                                uint64_t Offset, uint64_t Length) {
  WS_NARROW_LEGACY(Offset, Length);
  return pointerAt(const_cast<WasmEdge_MemoryInstanceContext *>(Cxt), Offset, Length);
}

WS_EXPORT uint64_t WasmEdge_MemoryInstanceGetPageSize(const WasmEdge_MemoryInstanceContext *Cxt) {
  if (Cxt == nullptr) return 0;
  makeCurrent(Cxt);
  return Cxt->Size / ws::kPageSize;
}

WS_EXPORT WasmEdge_Result WasmEdge_MemoryInstanceGrowPage(WasmEdge_MemoryInstanceContext *Cxt, uint64_t Page) {
  WS_NARROW_LEGACY(Page, Page);
  if (Cxt == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  if (Page == 0) return ws::kSuccess;
  if (Cxt->Hooks == nullptr) return growOwned(Cxt, Page);
  if (Cxt->Hooks->Grow == nullptr || Cxt->Hooks->Grow(Cxt->EmbedderData, Page) != 0) {
    ws_host_memory_refresh(Cxt);
    return ws::makeResult(WasmEdge_ErrCode_MemoryOutOfBounds);
  }
  ws_host_memory_refresh(Cxt);
  return ws::kSuccess;
}

WS_EXPORT void WasmEdge_MemoryInstanceDelete(WasmEdge_MemoryInstanceContext *Cxt) {
  if (Cxt == nullptr) return;
  if (Cxt->Owner != nullptr) {
    ws::logMessage(WasmEdge_LogLevel_Warn,
                   "WasmEdge_MemoryInstanceDelete: the memory belongs to module \"%s\", which deletes it; "
                   "delete only memories not added to a module",
                   Cxt->Owner->Name.c_str());
    return;
  }
  ws::deleteMemoryInstance(Cxt);
}

WS_EXPORT WasmEdge_MemoryInstanceContext *ws_host_memory_create_embedder(const ws_memory_hooks *Hooks,
                                                                        void *EmbedderData) {
  if (Hooks == nullptr || Hooks->Refresh == nullptr) return nullptr;
  auto *M = new (std::nothrow) WasmEdge_MemoryInstanceContext();
  if (M == nullptr) return nullptr;
  M->Hooks = Hooks;
  M->EmbedderData = EmbedderData;
  M->MaxPages = kMaxPages32;
  M->Type = new (std::nothrow) WasmEdge_MemoryTypeContext();
  if (M->Type == nullptr) {
    delete M;
    return nullptr;
  }
  ws_host_memory_refresh(M);
  return M;
}

WS_EXPORT int ws_host_memory_refresh(WasmEdge_MemoryInstanceContext *Memory) {
  if (Memory == nullptr) return -1;
  if (Memory->Hooks == nullptr) return 0;
  uint8_t *Base = nullptr;
  uint64_t Size = 0;
  int Status = Memory->Hooks->Refresh(Memory->EmbedderData, &Base, &Size);
  if (Status != 0) {
    // The embedder's memory is gone (say, a WebAssembly.Memory collected while
    // a HostModule.bind function lives on): nothing stays addressable.
    Memory->Base = nullptr;
    Memory->Size = 0;
    if (Memory->Type != nullptr) Memory->Type->Limit.Min = 0;
    return Status;
  }
  Memory->Base = Base;
  Memory->Size = Base != nullptr ? Size : 0;
  if (Memory->Epoch != nullptr) Memory->RefreshedAt = *Memory->Epoch;
  // The memory type reports the current size as its minimum.
  if (Memory->Type != nullptr) Memory->Type->Limit.Min = Memory->Size / ws::kPageSize;
  return 0;
}
