// WasmEdge_PluginLoadWithDefaultPaths: WASMEDGE_PLUGIN_PATH, then the
// directory next to this library (as WasmEdge computes it for its own
// libwasmedge.so.0), then $HOME/.wasmedge/plugin.
#include "log.h"
#include "plugin_registry.h"

#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <vector>

namespace {

// WasmEdge splits on ':' but keeps empty segments and aborts on a trailing
// ':' (substr past the end); ws drops empty segments instead.
void appendEnvironmentPaths(std::vector<std::string> &Paths) {
  const char *Value = std::getenv("WASMEDGE_PLUGIN_PATH");
  if (Value == nullptr) return;
  std::string Rest = Value;
  size_t Start = 0;
  while (Start <= Rest.size()) {
    size_t Colon = Rest.find(':', Start);
    if (Colon == std::string::npos) Colon = Rest.size();
    if (Colon > Start) Paths.push_back(Rest.substr(Start, Colon - Start));
    Start = Colon + 1;
  }
}

// Lexically normal form of an absolute or relative directory path: no "."
// segments, ".." folded where possible, no trailing slash.
std::string lexicallyNormal(const std::string &Path) {
  bool Absolute = !Path.empty() && Path[0] == '/';
  std::vector<std::string> Parts;
  size_t Start = 0;
  while (Start <= Path.size()) {
    size_t Slash = Path.find('/', Start);
    if (Slash == std::string::npos) Slash = Path.size();
    std::string Part = Path.substr(Start, Slash - Start);
    Start = Slash + 1;
    if (Part.empty() || Part == ".") continue;
    if (Part == ".." && !Parts.empty() && Parts.back() != "..") {
      Parts.pop_back();
    } else if (Part == ".." && Absolute) {
      continue;
    } else {
      Parts.push_back(Part);
    }
  }
  std::string Result = Absolute ? "/" : "";
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (I > 0) Result += '/';
    Result += Parts[I];
  }
  return Result.empty() ? "." : Result;
}

void appendInstallPath(std::vector<std::string> &Paths) {
  Dl_info Info;
  if (::dladdr(reinterpret_cast<void *>(&WasmEdge_PluginLoadWithDefaultPaths), &Info) == 0 ||
      Info.dli_fname == nullptr) {
    ws::logMessage(WasmEdge_LogLevel_Warn,
                   "cannot find where libwasmedge.so.0 is installed (dladdr failed); its plug-in directory is skipped");
    return;
  }
  std::string File = Info.dli_fname;
  size_t Slash = File.find_last_of('/');
  std::string LibDir = lexicallyNormal(Slash == std::string::npos ? std::string(".") : File.substr(0, Slash));
  // Raw prefix test, as WasmEdge does ("/usrX" and "/library" match too).
  if (LibDir.compare(0, 4, "/usr") == 0 || LibDir.compare(0, 4, "/lib") == 0) {
    Paths.push_back(LibDir + "/wasmedge");
  } else {
    Paths.push_back(LibDir + "/../plugin");
  }
}

void appendHomePath(std::vector<std::string> &Paths) {
  const char *Home = std::getenv("HOME");
  if (Home == nullptr || Home[0] == '\0') return;
  std::string Path = std::string(Home) + "/.wasmedge/plugin";
  for (const std::string &Existing : Paths) {
    if (lexicallyNormal(Existing) == lexicallyNormal(Path)) return;
  }
  Paths.push_back(Path);
}

std::vector<std::string> defaultPaths() {
  std::vector<std::string> Paths;
  appendEnvironmentPaths(Paths);
  appendInstallPath(Paths);
  appendHomePath(Paths);
  return Paths;
}

}  // namespace

WS_EXPORT size_t ws_host_plugin_default_paths(char *Buf, size_t Len) {
  try {
    std::string Joined;
    for (const std::string &Path : defaultPaths()) {
      Joined += Path;
      Joined += '\n';
    }
    if (Buf != nullptr && Len > 0) {
      size_t N = Joined.size() < Len - 1 ? Joined.size() : Len - 1;
      std::memcpy(Buf, Joined.data(), N);
      Buf[N] = '\0';
    }
    return Joined.size();
  } catch (...) {
    if (Buf != nullptr && Len > 0) Buf[0] = '\0';
    return 0;
  }
}

WS_EXPORT void WasmEdge_PluginLoadWithDefaultPaths(void) {
  try {
    for (const std::string &Path : defaultPaths()) ws_host_plugin_load_path(Path.c_str(), nullptr, nullptr);
  } catch (...) {
    ws::logMessage(WasmEdge_LogLevel_Error, "loading plug-ins from the default paths stopped: out of memory");
  }
}
