// libFuzzer harness for the host functions of one WasmEdge C-API plug-in,
// driven through the stand-in's C API exactly as the Node bridge drives it:
// the plug-in file is loaded with ws_host_plugin_load_file, its options set
// with ws_host_plugin_set_option, its modules created with
// ws_host_plugin_create_module, and each host function called with
// ws_host_function_invoke and a calling frame whose memory 0 is a fuzzed
// "guest memory" (an embedder memory, as a WebAssembly.Memory is).
//
// One binary per plug-in (native/fuzz/CMakeLists.txt), configured by:
//   WS_FUZZ_PLUGIN   the plug-in file (absolute path in the fuzz build)
//   WS_FUZZ_OPTIONS  "name=value\n..." program options set once at start-up
//
// Input layout (docs/fuzzing.md):
//   byte 0        memory pages (value % 3: 0, 1 or 2 pages of 64 KiB)
//   bytes 1..2    L, little-endian: how many of the next bytes are the memory's
//                 first bytes (cut to what is left and to the memory's size)
//   L bytes       the memory content (the rest of the memory is zero)
//   then calls (at most 32, none started after 3 s): one byte picks the function (index % count, over
//   every function of every module, modules and names in byte order), then
//   one selector byte per parameter (+ payload bytes for some selectors):
//     0: 0            1: size-1      2: size        3: size+1
//     4: all ones     5: handle 0..16 (next byte % 17)
//     6: next byte    7: next 2 bytes (LE)          8: next 4 bytes (LE)
//     9: size - next byte (an offset near the end)  10: next 8 bytes (i64/f64)
//     11: 0x80000000 (i32) / 2^63 (i64)
//     12: a result of an earlier call of this input (next byte % 8 calls back)
//     13: the value in guest memory at the next 2 bytes (LE) as an offset:
//         how a handle a function wrote through an out-pointer is passed on
// The state of one input (handles, sessions) lives in its modules, which are
// deleted at the end of the input, so inputs do not depend on each other.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "wasmedge/wasmedge.h"
#include "ws_host.h"

namespace {

constexpr uint64_t kPage = 65536;
constexpr int kMaxCalls = 32;
// No new call starts after this much time in one input: a few slow calls
// (RSA-4096 key generation, a process at its time-out) must not add up to
// libFuzzer's -timeout, which is kept for calls that hang.
constexpr auto kInputBudget = std::chrono::seconds(3);

struct GuestMemory {
  uint8_t *Base = nullptr;
  uint64_t Size = 0;
};

int refresh(void *Data, uint8_t **Base, uint64_t *Size) {
  auto *G = static_cast<GuestMemory *>(Data);
  *Base = G->Base;
  *Size = G->Size;
  return 0;
}

// A guest memory that cannot grow (as one at its declared maximum).
int grow(void *, uint64_t) { return 1; }

const ws_memory_hooks Hooks = {refresh, grow};

struct Function {
  std::string Name;
  std::string Module;
  uint32_t ModuleIndex;
  std::vector<WasmEdge_ValType> Params;
  uint32_t ResultCount;
};

const WasmEdge_PluginContext *Plugin = nullptr;
std::vector<std::string> ModuleNames;
std::vector<Function> Functions; // the table, from one module set made at start-up
bool Trace = false;               // WS_FUZZ_TRACE=1: one stderr line per call

struct Reader {
  const uint8_t *Data;
  size_t Size;
  size_t Pos = 0;
  bool empty() const { return Pos >= Size; }
  uint8_t byte() { return Pos < Size ? Data[Pos++] : 0; }
  uint64_t le(int N) {
    uint64_t V = 0;
    for (int I = 0; I < N; ++I) V |= uint64_t(byte()) << (8 * I);
    return V;
  }
};

struct History {
  uint64_t Results[8] = {0};
  unsigned Next = 0;
  void push(uint64_t V) { Results[Next++ % 8] = V; }
  uint64_t back(unsigned N) const { return Results[(Next + 7 - N % 8) % 8]; }
};

uint64_t pick(Reader &In, const GuestMemory &Guest, const History &Past, bool Wide) {
  const uint64_t Size = Guest.Size;
  const uint64_t Ones = Wide ? ~uint64_t(0) : 0xffffffffu;
  switch (In.byte() % 14) {
  case 0: return 0;
  case 1: return (Size - 1) & Ones;
  case 2: return Size & Ones;
  case 3: return (Size + 1) & Ones;
  case 4: return Ones;
  case 5: return In.byte() % 17;
  case 6: return In.byte();
  case 7: return In.le(2);
  case 8: return In.le(4);
  case 9: return (Size - In.byte()) & Ones;
  case 10: return In.le(8) & Ones;
  case 12: return Past.back(In.byte()) & Ones;
  case 13: {
    const uint64_t At = In.le(2), Width = Wide ? 8 : 4;
    uint64_t V = 0;
    if (At + Width <= Size) std::memcpy(&V, Guest.Base + At, Width);
    return V;
  }
  default: return Wide ? uint64_t(1) << 63 : 0x80000000u;
  }
}

std::vector<WasmEdge_ModuleInstanceContext *> createModules() {
  std::vector<WasmEdge_ModuleInstanceContext *> Modules;
  for (const std::string &Name : ModuleNames) {
    WasmEdge_ModuleInstanceContext *M = ws_host_plugin_create_module(Plugin, Name.c_str());
    if (M == nullptr) {
      std::fprintf(stderr, "[ws-fuzz] creating module %s failed\n", Name.c_str());
      std::abort();
    }
    Modules.push_back(M);
  }
  return Modules;
}

void deleteModules(std::vector<WasmEdge_ModuleInstanceContext *> &Modules) {
  for (auto *M : Modules) WasmEdge_ModuleInstanceDelete(M);
  Modules.clear();
}

void setOptions(const char *Options) {
  std::string All(Options);
  size_t Start = 0;
  while (Start < All.size()) {
    size_t End = All.find('\n', Start);
    if (End == std::string::npos) End = All.size();
    std::string Line = All.substr(Start, End - Start);
    Start = End + 1;
    if (Line.empty()) continue;
    size_t Eq = Line.find('=');
    std::string Name = Line.substr(0, Eq);
    std::string Value = Eq == std::string::npos ? std::string() : Line.substr(Eq + 1);
    char Err[512] = {0};
    if (ws_host_plugin_set_option(Plugin, Name.c_str(), Eq == std::string::npos ? nullptr : Value.c_str(), Err,
                                  sizeof(Err)) != 0) {
      std::fprintf(stderr, "[ws-fuzz] option %s: %s\n", Name.c_str(), Err);
      std::abort();
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  ws_load_result Result;
  std::memset(&Result, 0, sizeof(Result));
  if (ws_host_plugin_load_file(WS_FUZZ_PLUGIN, &Result) != WS_LOAD_OK) {
    std::fprintf(stderr, "[ws-fuzz] cannot load %s: %s\n", WS_FUZZ_PLUGIN, Result.Message);
    std::abort();
  }
  Plugin = Result.Plugin;
  setOptions(WS_FUZZ_OPTIONS);

  uint32_t Count = WasmEdge_PluginListModuleLength(Plugin);
  std::vector<WasmEdge_String> Names(Count);
  WasmEdge_PluginListModule(Plugin, Names.data(), Count);
  for (const WasmEdge_String &N : Names) ModuleNames.emplace_back(N.Buf, N.Length);

  std::vector<WasmEdge_ModuleInstanceContext *> Modules = createModules();
  for (uint32_t MI = 0; MI < Modules.size(); ++MI) {
    uint32_t N = WasmEdge_ModuleInstanceListFunctionLength(Modules[MI]);
    std::vector<WasmEdge_String> FNames(N);
    WasmEdge_ModuleInstanceListFunction(Modules[MI], FNames.data(), N);
    for (const WasmEdge_String &FN : FNames) {
      const WasmEdge_FunctionInstanceContext *F = WasmEdge_ModuleInstanceFindFunction(Modules[MI], FN);
      const WasmEdge_FunctionTypeContext *T = WasmEdge_FunctionInstanceGetFunctionType(F);
      Function Fn{std::string(FN.Buf, FN.Length), ModuleNames[MI], MI, {}, WasmEdge_FunctionTypeGetReturnsLength(T)};
      Fn.Params.resize(WasmEdge_FunctionTypeGetParametersLength(T));
      WasmEdge_FunctionTypeGetParameters(T, Fn.Params.data(), uint32_t(Fn.Params.size()));
      Functions.push_back(std::move(Fn));
    }
  }
  deleteModules(Modules);
  if (Functions.empty()) {
    std::fprintf(stderr, "[ws-fuzz] %s has no host functions\n", WS_FUZZ_PLUGIN);
    std::abort();
  }
  if (const char *T = std::getenv("WS_FUZZ_TRACE"); T != nullptr && T[0] == '1') Trace = true;
  // The plug-ins' (and TFLite's) messages about bad input would bury
  // libFuzzer's output; sanitizer reports do not go through the log.
  if (!Trace) WasmEdge_LogOff();
  // WS_FUZZ_LIST=1: print the function table (the seed generator reads it).
  if (const char *List = std::getenv("WS_FUZZ_LIST"); List != nullptr && List[0] == '1') {
    for (size_t I = 0; I < Functions.size(); ++I) {
      std::printf("%zu %s %s", I, Functions[I].Module.c_str(), Functions[I].Name.c_str());
      for (const WasmEdge_ValType &P : Functions[I].Params) std::printf(" %s", WasmEdge_ValTypeIsI64(P) ? "i64" : "i32");
      std::printf(" -> %u\n", Functions[I].ResultCount);
    }
    std::fflush(stdout);
    std::_Exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  Reader In{Data, Size};
  GuestMemory Guest;
  Guest.Size = (In.byte() % 3) * kPage;
  size_t ContentLen = size_t(In.le(2));
  if (ContentLen > Size - In.Pos) ContentLen = Size - In.Pos;
  // Exactly Size bytes from malloc: ASan reports any access past the end.
  if (Guest.Size > 0) {
    Guest.Base = static_cast<uint8_t *>(std::malloc(Guest.Size));
    std::memset(Guest.Base, 0, Guest.Size);
    std::memcpy(Guest.Base, Data + In.Pos, ContentLen < Guest.Size ? ContentLen : Guest.Size);
  }
  In.Pos += ContentLen;

  WasmEdge_MemoryInstanceContext *Memory = ws_host_memory_create_embedder(&Hooks, &Guest);
  WasmEdge_String GuestName = WasmEdge_StringCreateByCString("fuzz-guest");
  WasmEdge_ModuleInstanceContext *Caller = WasmEdge_ModuleInstanceCreate(GuestName);
  WasmEdge_StringDelete(GuestName);
  WasmEdge_CallingFrameContext Frame = {Caller, Memory, ws_host_executor()};

  std::vector<WasmEdge_ModuleInstanceContext *> Modules = createModules();
  History Past;
  const auto Start = std::chrono::steady_clock::now();
  for (int Call = 0; Call < kMaxCalls && !In.empty() && std::chrono::steady_clock::now() - Start < kInputBudget;
       ++Call) {
    const Function &Fn = Functions[In.byte() % Functions.size()];
    WasmEdge_String FName = WasmEdge_StringWrap(Fn.Name.data(), uint32_t(Fn.Name.size()));
    const WasmEdge_FunctionInstanceContext *F = WasmEdge_ModuleInstanceFindFunction(Modules[Fn.ModuleIndex], FName);
    std::vector<WasmEdge_Value> Params;
    for (const WasmEdge_ValType &P : Fn.Params) {
      if (WasmEdge_ValTypeIsI64(P)) Params.push_back(WasmEdge_ValueGenI64(int64_t(pick(In, Guest, Past, true))));
      else if (WasmEdge_ValTypeIsF32(P)) {
        uint32_t Bits = uint32_t(In.le(4));
        float V;
        std::memcpy(&V, &Bits, 4);
        Params.push_back(WasmEdge_ValueGenF32(V));
      } else if (WasmEdge_ValTypeIsF64(P)) {
        uint64_t Bits = In.le(8);
        double V;
        std::memcpy(&V, &Bits, 8);
        Params.push_back(WasmEdge_ValueGenF64(V));
      } else Params.push_back(WasmEdge_ValueGenI32(int32_t(uint32_t(pick(In, Guest, Past, false)))));
    }
    std::vector<WasmEdge_Value> Returns(Fn.ResultCount + 1);
    ws_host_function_invoke(F, &Frame, Params.empty() ? nullptr : Params.data(), Returns.data());
    if (Trace) {
      std::fprintf(stderr, "[ws-fuzz] %s.%s(", Fn.Module.c_str(), Fn.Name.c_str());
      for (size_t I = 0; I < Params.size(); ++I)
        std::fprintf(stderr, "%s%lld", I ? ", " : "",
                     WasmEdge_ValTypeIsI64(Params[I].Type) ? (long long)WasmEdge_ValueGetI64(Params[I])
                                                          : (long long)(uint32_t)WasmEdge_ValueGetI32(Params[I]));
      std::fprintf(stderr, ") -> %lld\n", Fn.ResultCount ? (long long)WasmEdge_ValueGetI64(Returns[0]) : 0LL);
    }
    if (Fn.ResultCount > 0) {
      Past.push(WasmEdge_ValTypeIsI64(Returns[0].Type) ? uint64_t(WasmEdge_ValueGetI64(Returns[0]))
                                                        : uint32_t(WasmEdge_ValueGetI32(Returns[0])));
    }
  }
  deleteModules(Modules);
  WasmEdge_ModuleInstanceDelete(Caller);
  WasmEdge_MemoryInstanceDelete(Memory);
  std::free(Guest.Base);
  return 0;
}
