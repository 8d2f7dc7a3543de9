// Loading from a path that may be a file or a directory, as WasmEdge's
// Plugin::load does: directories are scanned recursively for "*.so" files,
// symlinked files are followed, symlinked directories are not.
#include "log.h"
#include "plugin_registry.h"

#include <algorithm>
#include <string>
#include <sys/stat.h>
#include <dirent.h>
#include <vector>

namespace {

constexpr const char *kLibraryExtension = ".so";

// std::filesystem::path::extension() == ".so": the text from the last dot of
// the file name, where a leading dot ("hidden" name) does not count.
bool hasLibraryExtension(const std::string &FileName) {
  size_t Dot = FileName.rfind('.');
  if (Dot == std::string::npos || Dot == 0) return false;
  return FileName.compare(Dot, std::string::npos, kLibraryExtension) == 0;
}

std::string baseName(const std::string &Path) {
  size_t Slash = Path.find_last_of('/');
  return Slash == std::string::npos ? Path : Path.substr(Slash + 1);
}

struct Walk {
  ws_load_callback Callback;
  void *User;
  uint32_t Loaded = 0;
};

void loadOne(const std::string &Path, Walk &W) {
  ws_load_result Result;
  enum ws_load_status Status = ws_host_plugin_load_file(Path.c_str(), &Result);
  if (Status == WS_LOAD_OK) ++W.Loaded;
  if (W.Callback != nullptr) {
    W.Callback(W.User, Path.c_str(), &Result);
  } else if (Status != WS_LOAD_OK && Status != WS_LOAD_ALREADY_LOADED) {
    // Files that are simply not plug-ins are common in a plug-in tree
    // (dependency libraries); real failures are worth a warning.
    enum WasmEdge_LogLevel Level =
        Status == WS_LOAD_NO_DESCRIPTOR ? WasmEdge_LogLevel_Debug : WasmEdge_LogLevel_Warn;
    ws::logMessage(Level, "%s", Result.Message);
  }
}

// Entries are visited in byte order of their names (WasmEdge uses the OS
// directory order, which is unspecified) so that results are reproducible.
void walkDirectory(const std::string &Dir, Walk &W, unsigned Depth) {
  if (Depth > 64) return;  // a bind-mount loop cannot be followed forever
  DIR *Handle = ::opendir(Dir.c_str());
  if (Handle == nullptr) return;  // skip_permission_denied
  std::vector<std::string> Names;
  while (struct dirent *Entry = ::readdir(Handle)) {
    std::string Name = Entry->d_name;
    if (Name != "." && Name != "..") Names.push_back(std::move(Name));
  }
  ::closedir(Handle);
  std::sort(Names.begin(), Names.end());
  for (const std::string &Name : Names) {
    std::string Path = Dir.empty() || Dir.back() == '/' ? Dir + Name : Dir + "/" + Name;
    struct stat Link;
    if (::lstat(Path.c_str(), &Link) != 0) continue;
    if (S_ISDIR(Link.st_mode)) {
      walkDirectory(Path, W, Depth + 1);
      continue;
    }
    struct stat Target;  // symlinked files count, symlinked directories do not
    if (::stat(Path.c_str(), &Target) != 0 || !S_ISREG(Target.st_mode)) continue;
    if (hasLibraryExtension(Name)) loadOne(Path, W);
  }
}

}  // namespace

WS_EXPORT uint32_t ws_host_plugin_load_path(const char *Path, ws_load_callback Callback, void *User) {
  if (Path == nullptr) return 0;
  Walk W{Callback, User};
  try {
    std::string Root = Path;
    struct stat St;
    if (::stat(Root.c_str(), &St) != 0) return 0;  // silently, like WasmEdge
    if (S_ISDIR(St.st_mode)) {
      walkDirectory(Root, W, 0);
    } else if (S_ISREG(St.st_mode) && hasLibraryExtension(baseName(Root))) {
      loadOne(Root, W);
    }
  } catch (...) {
    ws::logMessage(WasmEdge_LogLevel_Error, "loading plug-ins from %s stopped: out of memory", Path);
  }
  return W.Loaded;
}

WS_EXPORT void WasmEdge_PluginLoadFromPath(const char *Path) {
  if (Path == nullptr) return;
  ws_host_plugin_load_path(Path, nullptr, nullptr);
}
