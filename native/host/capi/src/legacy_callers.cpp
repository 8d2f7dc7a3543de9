// Which code belongs to plug-ins built for plug-in API 3 or 4 (WasmEdge
// 0.14.0-0.16). Their headers declare the memory functions' offsets, lengths
// and page counts as uint32_t; ours (API 5) as uint64_t. The SysV x86-64 and
// AArch64 ABIs leave the upper half of a register carrying a 32-bit argument
// undefined, so a call from such a plug-in may arrive with garbage there. The
// memory functions ask calledFromLegacyPlugin(__builtin_return_address(0))
// and then keep only the low 32 bits, as WasmEdge 0.16 read them.
//
// Ranges are added under the registry lock (plug-ins are never unloaded) and
// read without a lock: a reader sees a count whose ranges are complete.
#include "internal.h"

#include <atomic>
#include <cstdint>
#include <cstring>
#include <dlfcn.h>
#include <link.h>

namespace {

struct CodeRange {
  uintptr_t Begin;
  uintptr_t End;
};

constexpr size_t kMaxRanges = 256;
CodeRange Ranges[kMaxRanges];
std::atomic<size_t> RangeCount{0};

struct Search {
  uintptr_t Base;
  const char *Name;
};

int addExecutableSegments(struct dl_phdr_info *Info, size_t, void *Data) {
  const auto *Wanted = static_cast<const Search *>(Data);
  if (Info->dlpi_addr != Wanted->Base || Info->dlpi_name == nullptr || Wanted->Name == nullptr ||
      std::strcmp(Info->dlpi_name, Wanted->Name) != 0) {
    return 0;
  }
  for (ElfW(Half) I = 0; I < Info->dlpi_phnum; ++I) {
    const ElfW(Phdr) &Segment = Info->dlpi_phdr[I];
    if (Segment.p_type != PT_LOAD || (Segment.p_flags & PF_X) == 0) continue;
    size_t Count = RangeCount.load(std::memory_order_relaxed);
    if (Count == kMaxRanges) break;
    uintptr_t Begin = Info->dlpi_addr + Segment.p_vaddr;
    Ranges[Count] = CodeRange{Begin, Begin + Segment.p_memsz};
    RangeCount.store(Count + 1, std::memory_order_release);
  }
  return 1;
}

}  // namespace

void ws::registerLegacyPlugin(void *Handle) noexcept {
  struct link_map *Map = nullptr;
  if (Handle == nullptr || ::dlinfo(Handle, RTLD_DI_LINKMAP, &Map) != 0 || Map == nullptr) return;
  Search Wanted{static_cast<uintptr_t>(Map->l_addr), Map->l_name};
  ::dl_iterate_phdr(addExecutableSegments, &Wanted);
}

bool ws::calledFromLegacyPlugin(const void *ReturnAddress) noexcept {
  size_t Count = RangeCount.load(std::memory_order_acquire);
  if (Count == 0) return false;
  auto Address = reinterpret_cast<uintptr_t>(ReturnAddress);
  for (size_t I = 0; I < Count; ++I) {
    if (Address >= Ranges[I].Begin && Address < Ranges[I].End) return true;
  }
  return false;
}
