// A small, bounds-checked ELF64 reader (both byte orders). It never trusts an
// offset or a count from the file without checking it against the file size.
#include "elf_inspect.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <vector>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr uint16_t kEtDyn = 3;
constexpr uint32_t kShtDynsym = 11;
constexpr uint32_t kShtGnuVerneed = 0x6ffffffe;
constexpr uint16_t kShnUndef = 0;

struct MachineName {
  uint16_t Machine;
  const char *Name;
};

constexpr MachineName kMachines[] = {
    {3, "i386"},      {8, "mips"},   {20, "powerpc"}, {21, "powerpc64"}, {22, "s390x"},
    {40, "arm"},      {62, "x86_64"}, {183, "aarch64"}, {243, "riscv64"}, {258, "loongarch64"},
};

#if defined(__x86_64__)
constexpr uint16_t kHostMachine = 62;
#elif defined(__aarch64__)
constexpr uint16_t kHostMachine = 183;
#elif defined(__riscv) && __riscv_xlen == 64
constexpr uint16_t kHostMachine = 243;
#elif defined(__s390x__)
constexpr uint16_t kHostMachine = 22;
#elif defined(__powerpc64__)
constexpr uint16_t kHostMachine = 21;
#elif defined(__loongarch64)
constexpr uint16_t kHostMachine = 258;
#else
#error "unsupported host machine: add its ELF e_machine value"
#endif

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr bool kHostLittleEndian = true;
#else
constexpr bool kHostLittleEndian = false;
#endif

std::string machineName(uint16_t Machine) {
  for (const MachineName &M : kMachines) {
    if (M.Machine == Machine) return M.Name;
  }
  return "machine " + std::to_string(Machine);
}

// A read-only view of the mapped file with checked, byte-order-aware reads.
class ElfView {
 public:
  ElfView(const uint8_t *Data, uint64_t Size, bool Little) : Data(Data), Size(Size), Little(Little) {}

  bool has(uint64_t Offset, uint64_t Length) const { return Offset <= Size && Length <= Size - Offset; }

  uint64_t read(uint64_t Offset, unsigned Bytes) const {
    uint64_t Value = 0;
    for (unsigned I = 0; I < Bytes; ++I) {
      uint64_t Byte = Data[Offset + I];
      Value |= Little ? Byte << (8 * I) : Byte << (8 * (Bytes - 1 - I));
    }
    return Value;
  }

  // A NUL-terminated string inside [TableOffset, TableOffset + TableSize).
  bool string(uint64_t TableOffset, uint64_t TableSize, uint64_t Index, std::string &Out) const {
    if (!has(TableOffset, TableSize) || Index >= TableSize) return false;
    const char *Start = reinterpret_cast<const char *>(Data + TableOffset + Index);
    const void *End = std::memchr(Start, 0, TableSize - Index);
    if (End == nullptr) return false;
    Out.assign(Start, static_cast<const char *>(End) - Start);
    return true;
  }

 private:
  const uint8_t *Data;
  uint64_t Size;
  bool Little;
};

struct Section {
  uint32_t Type = 0;
  uint64_t Offset = 0;
  uint64_t Size = 0;
  uint32_t Link = 0;
  uint32_t Info = 0;
  uint64_t EntrySize = 0;
};

bool readSection(const ElfView &File, uint64_t SectionTable, uint64_t Index, uint64_t EntrySize, Section &Out) {
  uint64_t At = SectionTable + Index * EntrySize;
  if (!File.has(At, 64)) return false;
  Out.Type = static_cast<uint32_t>(File.read(At + 4, 4));
  Out.Offset = File.read(At + 24, 8);
  Out.Size = File.read(At + 32, 8);
  Out.Link = static_cast<uint32_t>(File.read(At + 40, 4));
  Out.Info = static_cast<uint32_t>(File.read(At + 44, 4));
  Out.EntrySize = File.read(At + 56, 8);
  return true;
}

void scanDynamicSymbols(const ElfView &File, const Section &Symbols, const Section &Strings, ws::ElfInfo &Info) {
  if (Symbols.EntrySize < 24 || !File.has(Symbols.Offset, Symbols.Size)) return;
  uint64_t Count = Symbols.Size / Symbols.EntrySize;
  std::string Name;
  for (uint64_t I = 1; I < Count; ++I) {
    uint64_t At = Symbols.Offset + I * Symbols.EntrySize;
    uint64_t NameIndex = File.read(At, 4);
    uint16_t SectionIndex = static_cast<uint16_t>(File.read(At + 6, 2));
    if (!File.string(Strings.Offset, Strings.Size, NameIndex, Name)) continue;
    bool Defined = SectionIndex != kShnUndef;
    if (Defined && Name == "WasmEdge_Plugin_GetDescriptor") Info.DefinesCDescriptor = true;
    if (Defined && Name == "GetDescriptor") Info.DefinesCxxDescriptor = true;
    if (!Defined && Name.compare(0, 12, "_ZN8WasmEdge") == 0) {
      if (!Info.ImportsWasmEdgeCxx) Info.FirstWasmEdgeCxxImport = Name;
      Info.ImportsWasmEdgeCxx = true;
    }
  }
}

// Walks Elf64_Verneed / Elf64_Vernaux records; Count bounds the walk so a
// looping vn_next chain cannot hang the loader.
void scanVersionNeeds(const ElfView &File, const Section &Needs, const Section &Strings, ws::ElfInfo &Info) {
  if (!File.has(Needs.Offset, Needs.Size)) return;
  uint64_t End = Needs.Offset + Needs.Size;
  uint64_t At = Needs.Offset;
  std::string FileName;
  std::string VersionName;
  for (uint32_t Need = 0; Need < Needs.Info && Need < 4096; ++Need) {
    if (At > End || End - At < 16) return;
    uint16_t AuxCount = static_cast<uint16_t>(File.read(At + 2, 2));
    uint64_t FileIndex = File.read(At + 4, 4);
    uint64_t AuxOffset = File.read(At + 8, 4);
    uint64_t Next = File.read(At + 12, 4);
    bool ForWasmEdge =
        File.string(Strings.Offset, Strings.Size, FileIndex, FileName) && FileName == "libwasmedge.so.0";
    uint64_t Aux = At + AuxOffset;
    for (uint16_t A = 0; ForWasmEdge && A < AuxCount; ++A) {
      if (Aux > End || End - Aux < 16) break;
      uint64_t NameIndex = File.read(Aux + 8, 4);
      if (File.string(Strings.Offset, Strings.Size, NameIndex, VersionName)) {
        Info.WasmEdgeVersionsNeeded.push_back(VersionName);
      }
      uint64_t AuxNext = File.read(Aux + 12, 4);
      if (AuxNext == 0) break;
      Aux += AuxNext;
    }
    if (Next == 0) return;
    At += Next;
  }
}

// The version needs as the dynamic loader sees them: through PT_DYNAMIC
// (DT_VERNEED, DT_VERNEEDNUM, DT_STRTAB, DT_STRSZ), whose addresses are
// mapped to file offsets through the PT_LOAD segments. Works on files whose
// section headers were stripped. Returns false if the file has no usable
// dynamic segment.
bool scanDynamicVersionNeeds(const ElfView &File, uint64_t FileSize, ws::ElfInfo &Info) {
  constexpr uint32_t kPtLoad = 1, kPtDynamic = 2;
  constexpr uint64_t kDtNull = 0, kDtStrtab = 5, kDtStrsz = 10, kDtVerneed = 0x6ffffffe, kDtVerneednum = 0x6fffffff;
  uint64_t Table = File.read(32, 8);
  uint64_t EntrySize = File.read(54, 2);
  uint64_t Count = File.read(56, 2);
  if (Table == 0 || EntrySize < 56 || !File.has(Table, Count * EntrySize)) return false;
  struct Load {
    uint64_t Offset, VirtualAddress, FileSize;
  };
  std::vector<Load> Loads;
  uint64_t DynamicOffset = 0, DynamicSize = 0;
  bool HasDynamic = false;
  for (uint64_t I = 0; I < Count; ++I) {
    uint64_t At = Table + I * EntrySize;
    uint32_t Type = static_cast<uint32_t>(File.read(At, 4));
    uint64_t Offset = File.read(At + 8, 8);
    uint64_t Address = File.read(At + 16, 8);
    uint64_t Bytes = File.read(At + 32, 8);
    if (Type == kPtLoad) Loads.push_back({Offset, Address, Bytes});
    if (Type == kPtDynamic) {
      HasDynamic = true;
      DynamicOffset = Offset;
      DynamicSize = Bytes;
    }
  }
  if (!HasDynamic || !File.has(DynamicOffset, DynamicSize)) return false;
  auto toOffset = [&Loads](uint64_t Address, uint64_t &Offset) {
    for (const Load &L : Loads) {
      if (Address >= L.VirtualAddress && Address - L.VirtualAddress < L.FileSize) {
        Offset = L.Offset + (Address - L.VirtualAddress);
        return true;
      }
    }
    return false;
  };
  uint64_t StringTable = 0, StringSize = 0, Needs = 0, NeedCount = 0;
  bool HasStrings = false, HasNeeds = false;
  for (uint64_t At = DynamicOffset; DynamicOffset + DynamicSize - At >= 16; At += 16) {
    uint64_t Tag = File.read(At, 8);
    uint64_t Value = File.read(At + 8, 8);
    if (Tag == kDtNull) break;
    if (Tag == kDtStrtab) HasStrings = toOffset(Value, StringTable);
    if (Tag == kDtStrsz) StringSize = Value;
    if (Tag == kDtVerneed) HasNeeds = toOffset(Value, Needs);
    if (Tag == kDtVerneednum) NeedCount = Value;
  }
  if (!HasNeeds) return true;  // needs no versions at all
  if (!HasStrings || !File.has(StringTable, StringSize) || Needs > FileSize) return false;
  Section NeedSection;
  NeedSection.Offset = Needs;
  NeedSection.Size = FileSize - Needs;
  NeedSection.Info = static_cast<uint32_t>(NeedCount > 4096 ? 4096 : NeedCount);
  Section Strings;
  Strings.Offset = StringTable;
  Strings.Size = StringSize;
  scanVersionNeeds(File, NeedSection, Strings, Info);
  return true;
}

// Everything dlopen maps or reads must lie inside the file: the program
// header table, each PT_LOAD's file bytes (p_offset + p_filesz) and the
// section header table. A file cut short (an interrupted copy) would
// otherwise be mapped past its end, and the loader's first touch of such a
// page (memset of the .bss tail) kills the process with SIGBUS.
bool checkExtents(const ElfView &File, uint64_t Size, ws::ElfInfo &Info) {
  constexpr uint32_t kPtLoad = 1;
  auto truncated = [&](const std::string &What, uint64_t End) {
    Info.Truncated = true;
    Info.Problem = "is a truncated ELF file (" + std::to_string(Size) + " bytes; its " + What + " ends at byte " +
                   std::to_string(End) + ")";
    return false;
  };
  uint64_t Table = File.read(32, 8);
  uint64_t EntrySize = File.read(54, 2);
  uint64_t Count = File.read(56, 2);
  if (Count > 0) {
    if (EntrySize < 56) {
      Info.Problem = "is an ELF file with a malformed program header table";
      return false;
    }
    uint64_t Bytes = Count * EntrySize;  // both 16-bit: cannot overflow
    if (Table > UINT64_MAX - Bytes || !File.has(Table, Bytes)) return truncated("program header table", Table + Bytes);
    for (uint64_t I = 0; I < Count; ++I) {
      uint64_t At = Table + I * EntrySize;
      if (static_cast<uint32_t>(File.read(At, 4)) != kPtLoad) continue;
      uint64_t Offset = File.read(At + 8, 8);
      uint64_t FileBytes = File.read(At + 32, 8);
      if (Offset > UINT64_MAX - FileBytes) return truncated("segment " + std::to_string(I), UINT64_MAX);
      if (!File.has(Offset, FileBytes)) return truncated("loadable segment " + std::to_string(I), Offset + FileBytes);
    }
  }
  uint64_t SectionTable = File.read(40, 8);
  uint64_t SectionEntrySize = File.read(58, 2);
  uint64_t SectionCount = File.read(60, 2);
  if (SectionTable != 0 && SectionCount > 0) {
    uint64_t Bytes = SectionCount * SectionEntrySize;
    if (SectionTable > UINT64_MAX - Bytes || !File.has(SectionTable, Bytes)) {
      return truncated("section header table", SectionTable + Bytes);
    }
  }
  return true;
}

void inspectMapped(const uint8_t *Data, uint64_t Size, ws::ElfInfo &Info) {
  if (Size < 20 || std::memcmp(Data, "\x7f" "ELF", 4) != 0) {
    Info.Problem = "is not an ELF file";
    return;
  }
  uint8_t Class = Data[4];
  uint8_t Encoding = Data[5];
  if (Encoding != 1 && Encoding != 2) {
    Info.Problem = "is an ELF file with an unknown byte order";
    return;
  }
  bool Little = Encoding == 1;
  ElfView File(Data, Size, Little);
  uint16_t Machine = static_cast<uint16_t>(File.read(18, 2));
  if (Class != 2) {
    Info.Problem = "is a 32-bit ELF file for " + machineName(Machine) + ", this host is 64-bit " + ws::hostMachineName();
    return;
  }
  if (Machine != kHostMachine || Little != kHostLittleEndian) {
    Info.Problem = "is an ELF file for " + machineName(Machine) + (Little ? "" : " (big-endian)") + ", this host is " +
                   ws::hostMachineName();
    return;
  }
  if (!File.has(0, 64)) {
    Info.Problem = "is a truncated ELF file (" + std::to_string(Size) + " bytes, shorter than its 64-byte header)";
    Info.Truncated = true;
    return;
  }
  uint16_t Type = static_cast<uint16_t>(File.read(16, 2));
  if (Type != kEtDyn) {
    Info.Problem = Type == 2 ? "is an executable, not a shared library" : "is an ELF file but not a shared library";
    return;
  }
  if (!checkExtents(File, Size, Info)) return;
  Info.Loadable = true;
  bool VersionsFromDynamic = scanDynamicVersionNeeds(File, Size, Info);

  uint64_t SectionTable = File.read(40, 8);
  uint64_t SectionEntrySize = File.read(58, 2);
  uint64_t SectionCount = File.read(60, 2);
  if (SectionTable == 0 || SectionCount == 0 || SectionEntrySize < 64 ||
      !File.has(SectionTable, SectionCount * SectionEntrySize)) {
    return;  // no section headers: leave the symbol facts unknown
  }
  Section Dynsym, DynsymStrings, Verneed, VerneedStrings;
  bool HasDynsym = false, HasVerneed = false;
  for (uint64_t I = 0; I < SectionCount; ++I) {
    Section S;
    if (!readSection(File, SectionTable, I, SectionEntrySize, S)) return;
    if (S.Type == kShtDynsym && !HasDynsym) {
      HasDynsym = S.Link < SectionCount && readSection(File, SectionTable, S.Link, SectionEntrySize, DynsymStrings);
      Dynsym = S;
    } else if (S.Type == kShtGnuVerneed && !HasVerneed) {
      HasVerneed = S.Link < SectionCount && readSection(File, SectionTable, S.Link, SectionEntrySize, VerneedStrings);
      Verneed = S;
    }
  }
  if (HasDynsym) {
    Info.HasSymbols = true;
    scanDynamicSymbols(File, Dynsym, DynsymStrings, Info);
  }
  if (HasVerneed && !VersionsFromDynamic) scanVersionNeeds(File, Verneed, VerneedStrings, Info);
}

}  // namespace

namespace ws {

const char *hostMachineName() noexcept {
  for (const MachineName &M : kMachines) {
    if (M.Machine == kHostMachine) return M.Name;
  }
  return "this machine";
}

bool inspectElf(const std::string &Path, ElfInfo &Info) noexcept {
  Info = ElfInfo();
  try {
    // O_NONBLOCK: a FIFO named *.so must not block the loader (it is refused
    // below as not a regular file); it has no effect on regular files.
    int Fd = ::open(Path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (Fd < 0) {
      Info.Problem = std::string("cannot be opened (") + std::strerror(errno) + ")";
      return false;
    }
    struct stat St;
    if (::fstat(Fd, &St) != 0 || !S_ISREG(St.st_mode)) {
      ::close(Fd);
      Info.Problem = "is not a regular file";
      return false;
    }
    uint64_t Size = static_cast<uint64_t>(St.st_size);
    if (Size == 0) {
      ::close(Fd);
      Info.Problem = "is empty, not an ELF file";
      return true;
    }
    void *Map = ::mmap(nullptr, Size, PROT_READ, MAP_PRIVATE, Fd, 0);
    ::close(Fd);
    if (Map == MAP_FAILED) {
      Info.Problem = std::string("cannot be read (") + std::strerror(errno) + ")";
      return false;
    }
    const auto *Data = static_cast<const uint8_t *>(Map);
    inspectMapped(Data, Size, Info);
    ::munmap(Map, Size);
    return true;
  } catch (...) {
    Info.Problem = "could not be inspected (out of memory)";
    return false;
  }
}

}  // namespace ws
