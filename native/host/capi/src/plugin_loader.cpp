// Loading plug-in files: WasmEdge's Plugin::loadFile semantics (HEAD), made
// safe and explained. Every refusal fills a ws_load_result whose message
// names the file and ends with what to do.
#include "elf_inspect.h"
#include "log.h"
#include "plugin_registry.h"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <sys/stat.h>

namespace {

// The libwasmedge.so.0 symbol versions this stand-in defines (libwasmedge.map).
constexpr const char *kKnownVersions[] = {"WASMEDGE_0.16", "WASMEDGE_0.17", "WASMEDGE_0.18"};

constexpr const char *kRebuildHint = "rebuild it against WasmEdge 0.17 headers or @ws/plugin-sdk";

enum ws_load_status fail(ws_load_result *Out, enum ws_load_status Status, const char *Format, ...)
    __attribute__((format(printf, 3, 4)));

enum ws_load_status fail(ws_load_result *Out, enum ws_load_status Status, const char *Format, ...) {
  Out->Status = Status;
  va_list Args;
  va_start(Args, Format);
  std::vsnprintf(Out->Message, sizeof(Out->Message), Format, Args);
  va_end(Args);
  return Status;
}

bool isKnownVersion(const std::string &Name) {
  for (const char *Known : kKnownVersions) {
    if (Name == Known) return true;
  }
  return false;
}

// Checks the file before dlopen runs any of its code.
enum ws_load_status checkElf(const char *Path, ws_load_result *Out) {
  ws::ElfInfo Info;
  if (!ws::inspectElf(Path, Info)) {
    return fail(Out, WS_LOAD_NOT_FOUND, "%s %s: check the path and its permissions", Path, Info.Problem.c_str());
  }
  if (Info.Truncated) {
    return fail(Out, WS_LOAD_TRUNCATED,
                "%s %s, so it was not loaded (mapping it would crash the process): copy the plug-in again, or "
                "remove the file from the plug-in directory",
                Path, Info.Problem.c_str());
  }
  if (!Info.Loadable) {
    return fail(Out, WS_LOAD_NOT_SHARED_LIBRARY,
                "%s %s: use a plug-in built for %s, or remove the file from the plug-in directory", Path,
                Info.Problem.c_str(), ws::hostMachineName());
  }
  if (Info.DefinesCxxDescriptor || Info.ImportsWasmEdgeCxx) {
    std::string Evidence = Info.DefinesCxxDescriptor ? std::string("it exports GetDescriptor")
                                                     : "it imports " + Info.FirstWasmEdgeCxxImport;
    return fail(Out, WS_LOAD_CXX_PLUGIN,
                "%s is a WasmEdge C++ plug-in (%s); ws loads only C-API plug-ins: rebuild it against the C API "
                "(<wasmedge/wasmedge.h>, WasmEdge_Plugin_GetDescriptor) or use the @ws package that provides it",
                Path, Evidence.c_str());
  }
  for (const std::string &Version : Info.WasmEdgeVersionsNeeded) {
    if (isKnownVersion(Version)) continue;
    return fail(Out, WS_LOAD_UNKNOWN_SYMBOL_VERSION,
                "%s needs symbol version %s of libwasmedge.so.0, which this host does not provide "
                "(it has WASMEDGE_0.16, WASMEDGE_0.17 and WASMEDGE_0.18): %s",
                Path, Version.c_str(), kRebuildHint);
  }
  if (Info.HasSymbols && !Info.DefinesCDescriptor) {
    return fail(Out, WS_LOAD_NO_DESCRIPTOR,
                "%s does not export WasmEdge_Plugin_GetDescriptor, so it is not a WasmEdge plug-in: "
                "remove it from the plug-in directory, or export that function from the plug-in",
                Path);
  }
  return WS_LOAD_OK;
}

// Fields WasmEdge reads without checking; a bad one would crash the host.
bool validateDescriptor(const char *Path, const WasmEdge_PluginDescriptor *D, ws_load_result *Out) {
  const char *Name = D->Name;
  if (D->ModuleCount > 0 && D->ModuleDescriptions == nullptr) {
    fail(Out, WS_LOAD_BAD_DESCRIPTOR,
         "%s: plug-in %s declares %u modules but ModuleDescriptions is NULL: fix the plug-in's descriptor", Path, Name,
         D->ModuleCount);
    return false;
  }
  for (uint32_t I = 0; I < D->ModuleCount; ++I) {
    const WasmEdge_ModuleDescriptor &M = D->ModuleDescriptions[I];
    if (M.Name == nullptr || M.Create == nullptr) {
      fail(Out, WS_LOAD_BAD_DESCRIPTOR,
           "%s: plug-in %s has a module descriptor (#%u) with a NULL %s: fix the plug-in's descriptor", Path, Name, I,
           M.Name == nullptr ? "Name" : "Create");
      return false;
    }
  }
  if (D->ProgramOptionCount > 0 && D->ProgramOptions == nullptr) {
    fail(Out, WS_LOAD_BAD_DESCRIPTOR,
         "%s: plug-in %s declares %u program options but ProgramOptions is NULL: fix the plug-in's descriptor", Path,
         Name, D->ProgramOptionCount);
    return false;
  }
  for (uint32_t I = 0; I < D->ProgramOptionCount; ++I) {
    const WasmEdge_ProgramOption &O = D->ProgramOptions[I];
    if (ws::optionType(O) == WasmEdge_ProgramOptionType_None) continue;
    if (O.Name == nullptr || O.Name[0] == '\0') {
      fail(Out, WS_LOAD_BAD_DESCRIPTOR,
           "%s: plug-in %s has a program option (#%u) without a name: fix the plug-in's descriptor", Path, Name, I);
      return false;
    }
    if (ws::optionStorageSize(ws::optionType(O)) != 0 && O.Storage == nullptr) {
      fail(Out, WS_LOAD_BAD_DESCRIPTOR,
           "%s: plug-in %s's option --%s has a NULL Storage: point Storage at a variable of the option's type", Path,
           Name, O.Name);
      return false;
    }
  }
  return true;
}

// API versions 3 and 4 (WasmEdge 0.14.0-0.16) share API 5's C plug-in ABI
// except for the limit functions (compat_limit_v016.cpp) and the width of
// memory offsets (legacy_callers.cpp). API 2 and older differ throughout.
constexpr uint32_t kOldestAPIVersion = 3;

// The WasmEdge releases whose headers declare APIVersion (spec section 0).
const char *builtBy(uint32_t APIVersion) {
  switch (APIVersion) {
    case 1: return " (WasmEdge 0.10.0 to 0.11.0, C++ plug-ins only)";
    case 2: return " (WasmEdge 0.11.1 to 0.13.5)";
    default: return APIVersion > WasmEdge_Plugin_CurrentAPIVersion ? " (newer than WasmEdge 0.17)" : "";
  }
}

void copyName(ws_load_result *Out, const char *Name) {
  std::snprintf(Out->PluginName, sizeof(Out->PluginName), "%s", Name != nullptr ? Name : "");
}

enum ws_load_status loadFileLocked(const char *Path, ws_load_result *Out) {
  if (const WasmEdge_PluginContext *Loaded = ws::findPluginByPath(Path)) {
    Out->Plugin = Loaded;
    Out->APIVersion = Loaded->Descriptor->APIVersion;
    copyName(Out, Loaded->Name.c_str());
    Out->Status = WS_LOAD_ALREADY_LOADED;
    return WS_LOAD_ALREADY_LOADED;
  }
  struct stat St;
  if (::stat(Path, &St) != 0) {
    return fail(Out, WS_LOAD_NOT_FOUND, "%s does not exist or cannot be read (%s): check the path", Path,
                std::strerror(errno));
  }
  if (!S_ISREG(St.st_mode)) {
    // Never opened for reading: a FIFO would block the loader until a writer came.
    const char *Kind = S_ISDIR(St.st_mode)    ? "a folder"
                       : S_ISFIFO(St.st_mode) ? "a FIFO"
                       : S_ISSOCK(St.st_mode) ? "a socket"
                                              : "a device";
    return fail(Out, WS_LOAD_NOT_A_FILE, "%s is %s, not a plug-in file: remove it from the plug-in directory or rename it",
                Path, Kind);
  }
  if (enum ws_load_status Status = checkElf(Path, Out); Status != WS_LOAD_OK) return Status;

  // RTLD_NOW: a symbol this host lacks becomes a dlopen error here instead of
  // a fatal lookup error in the middle of a guest call. RTLD_LOCAL: plug-ins
  // do not see each other's symbols.
  // A name without a slash would make dlopen search the library path.
  std::string OpenPath = std::strchr(Path, '/') != nullptr ? std::string(Path) : "./" + std::string(Path);
  void *Handle = ::dlopen(OpenPath.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (Handle == nullptr) {
    const char *Error = ::dlerror();
    return fail(Out, WS_LOAD_DLOPEN_FAILED,
                "%s could not be loaded: %s: install the libraries it needs (see `ldd %s`), or %s", Path,
                Error != nullptr ? Error : "unknown dlopen error", Path, kRebuildHint);
  }
  auto GetDescriptor =
      reinterpret_cast<const WasmEdge_PluginDescriptor *(*)(void)>(::dlsym(Handle, "WasmEdge_Plugin_GetDescriptor"));
  if (GetDescriptor == nullptr) {
    ::dlclose(Handle);
    return fail(Out, WS_LOAD_NO_DESCRIPTOR,
                "%s does not export WasmEdge_Plugin_GetDescriptor, so it is not a WasmEdge plug-in: "
                "remove it from the plug-in directory, or export that function from the plug-in",
                Path);
  }
  const WasmEdge_PluginDescriptor *Descriptor = GetDescriptor();
  if (Descriptor == nullptr) {
    ::dlclose(Handle);
    return fail(Out, WS_LOAD_NULL_DESCRIPTOR,
                "%s: WasmEdge_Plugin_GetDescriptor returned NULL: make it return the address of a static descriptor",
                Path);
  }
  if (Descriptor->Name == nullptr || Descriptor->Name[0] == '\0') {
    ::dlclose(Handle);
    return fail(Out, WS_LOAD_BAD_DESCRIPTOR, "%s: the plug-in descriptor has no Name: give the plug-in a name", Path);
  }
  copyName(Out, Descriptor->Name);
  Out->APIVersion = Descriptor->APIVersion;
  // Every refusal below formats its message before dlclose: the descriptor
  // lives in the library's memory.
  if (Descriptor->APIVersion < kOldestAPIVersion || Descriptor->APIVersion > WasmEdge_Plugin_CurrentAPIVersion) {
    fail(Out, WS_LOAD_API_VERSION,
         "%s: plug-in %s declares plug-in API version %u%s; ws supports 3 to %u (WasmEdge 0.14.0 to 0.17): %s", Path,
         Descriptor->Name, Descriptor->APIVersion, builtBy(Descriptor->APIVersion), WasmEdge_Plugin_CurrentAPIVersion,
         kRebuildHint);
    ::dlclose(Handle);
    return WS_LOAD_API_VERSION;
  }
  if (!validateDescriptor(Path, Descriptor, Out)) {
    ::dlclose(Handle);
    return Out->Status;
  }
  if (const WasmEdge_PluginContext *First = ws::findPlugin(Descriptor->Name)) {
    Out->Plugin = First;
    if (First->Handle == Handle) {
      // The same file under another spelling (dlopen matched the inode);
      // First keeps its own reference to the library.
      ::dlclose(Handle);
      Out->Status = WS_LOAD_ALREADY_LOADED;
      return WS_LOAD_ALREADY_LOADED;
    }
    fail(Out, WS_LOAD_DUPLICATE_NAME,
         "%s: a plug-in named %s is already loaded from %s; the first one stays: remove one of the two files", Path,
         First->Name.c_str(), First->Path.c_str());
    ::dlclose(Handle);
    return WS_LOAD_DUPLICATE_NAME;
  }
  Out->Plugin = ws::registerPlugin(Descriptor, Path, Handle);
  if (Descriptor->APIVersion < WasmEdge_Plugin_CurrentAPIVersion) ws::registerLegacyPlugin(Handle);
  Out->Status = WS_LOAD_OK;
  return WS_LOAD_OK;
}

}  // namespace

WS_EXPORT enum ws_load_status ws_host_plugin_load_file(const char *Path, ws_load_result *Out) {
  ws_load_result Local;
  if (Out == nullptr) Out = &Local;
  std::memset(Out, 0, sizeof(*Out));
  if (Path == nullptr || Path[0] == '\0') {
    return fail(Out, WS_LOAD_NOT_FOUND, "no plug-in path was given: pass the path of a plug-in file");
  }
  try {
    std::lock_guard<std::recursive_mutex> Lock(ws::registryMutex());
    enum ws_load_status Status = loadFileLocked(Path, Out);
    if (Status != WS_LOAD_OK && Status != WS_LOAD_ALREADY_LOADED) {
      ws::logMessage(WasmEdge_LogLevel_Debug, "%s", Out->Message);
    }
    return Status;
  } catch (...) {
    return fail(Out, WS_LOAD_DLOPEN_FAILED, "%s could not be registered: out of memory", Path);
  }
}

WS_EXPORT uint32_t ws_host_supported_api_version(void) { return WasmEdge_Plugin_CurrentAPIVersion; }
