// Reads what the loader needs from an ELF shared object before dlopen runs
// any of its code: machine, entry symbols, and the symbol versions it needs
// from libwasmedge.so.0 (an unknown one would make glibc abort the process).
#ifndef WS_CAPI_ELF_INSPECT_H
#define WS_CAPI_ELF_INSPECT_H

#include <string>
#include <vector>

namespace ws {

struct ElfInfo {
  // False when the file is not an ELF shared object for this machine;
  // Problem then says why, as a sentence fragment ("is not an ELF file").
  bool Loadable = false;
  std::string Problem;
  // True when the file is cut short: a loadable segment (PT_LOAD), the
  // program or section header table ends past the end of the file. dlopen
  // would map pages past the end and the first touch is a SIGBUS.
  bool Truncated = false;
  // False when the file has no section headers (stripped with sstrip): the
  // symbol facts below are then unknown and dlopen decides.
  bool HasSymbols = false;
  bool DefinesCDescriptor = false;    // WasmEdge_Plugin_GetDescriptor
  bool DefinesCxxDescriptor = false;  // GetDescriptor (WasmEdge C++ plug-in)
  bool ImportsWasmEdgeCxx = false;    // undefined _ZN8WasmEdge... symbols
  std::string FirstWasmEdgeCxxImport;
  // Version names needed from libwasmedge.so.0 (.gnu.version_r).
  std::vector<std::string> WasmEdgeVersionsNeeded;
};

// Returns false (with Problem set) only when the file cannot be read.
bool inspectElf(const std::string &Path, ElfInfo &Info) noexcept;

// The name of this build's machine as ELF calls it ("x86_64", "aarch64").
const char *hostMachineName() noexcept;

}  // namespace ws

#endif
