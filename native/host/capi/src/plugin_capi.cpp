// WasmEdge_Plugin* listing, lookup and module creation (WasmEdge's
// lib/api/wasmedge.cpp "Plugin functions"), the deprecated option setters
// for wasi_nn and wasmedge_process, and their ws_host_* counterparts.
#include "log.h"
#include "plugin_options.h"
#include "plugin_registry.h"

#include <cstdio>
#include <cstring>

namespace {

// Plug-in strings are NUL-terminated C strings owned by the plug-in.
WasmEdge_String wrapCString(const char *Text) {
  WasmEdge_String S{0, nullptr};
  if (Text == nullptr) return S;
  S.Length = static_cast<uint32_t>(std::strlen(Text));
  S.Buf = Text;
  return S;
}

bool nameEquals(const char *Name, const WasmEdge_String &Wanted) {
  size_t Len = std::strlen(Name);
  if (Len != Wanted.Length) return false;
  return Len == 0 || std::memcmp(Name, Wanted.Buf, Len) == 0;
}

const WasmEdge_ModuleDescriptor *findModule(const WasmEdge_PluginContext *Plugin, const WasmEdge_String &Name) {
  const WasmEdge_PluginDescriptor *D = Plugin->Descriptor;
  for (uint32_t I = 0; I < D->ModuleCount; ++I) {
    if (nameEquals(D->ModuleDescriptions[I].Name, Name)) return &D->ModuleDescriptions[I];
  }
  return nullptr;
}

WasmEdge_ModuleInstanceContext *createModule(const WasmEdge_PluginContext *Plugin, const WasmEdge_String &Name) {
  if (Plugin == nullptr) return nullptr;
  const WasmEdge_ModuleDescriptor *Module = findModule(Plugin, Name);
  if (Module == nullptr) return nullptr;
  // Create runs plug-in code without the registry lock held: it may call
  // back into the C API (WasmEdge_PluginFind, ...). It holds the plug-in's
  // own lock, so no option is rewritten while it reads them.
  std::lock_guard<std::recursive_mutex> UseLock(*Plugin->UseMutex);
  WasmEdge_ModuleInstanceContext *Instance = nullptr;
  try {
    Instance = Module->Create(Module);
  } catch (...) {
    Instance = nullptr;
  }
  if (Instance == nullptr) {
    ws::logMessage(WasmEdge_LogLevel_Error,
                   "plug-in %s (%s): Create of module %s returned NULL; the plug-in could not set the module up "
                   "(check its options and the libraries it needs)",
                   Plugin->Name.c_str(), Plugin->Path.c_str(), Module->Name);
  }
  return Instance;
}

// Replaces a list option of a loaded plug-in: back to its value at load
// time, then one append per item (WasmEdge uses a throw-away parser).
void replaceListOption(const WasmEdge_PluginContext *Plugin, const char *Option, const char *const *Items,
                       uint32_t Count) {
  if (!ws::resetPluginOption(Plugin, Option)) return;
  if (Items == nullptr) return;
  for (uint32_t I = 0; I < Count; ++I) {
    if (Items[I] == nullptr) continue;
    char Error[512];
    if (ws_host_plugin_set_option(Plugin, Option, Items[I], Error, sizeof(Error)) != 0) {
      ws::logMessage(WasmEdge_LogLevel_Error, "plug-in %s: %s", Plugin->Name.c_str(), Error);
    }
  }
}

// Looks a plug-in up under the registry lock and releases it: the plug-in's
// own lock must be taken before the registry's, never after.
const WasmEdge_PluginContext *findUnlocked(const char *Name) {
  std::lock_guard<std::recursive_mutex> Lock(ws::registryMutex());
  return ws::findPlugin(Name);
}

}  // namespace

WS_EXPORT uint32_t WasmEdge_PluginListPluginsLength(void) {
  std::lock_guard<std::recursive_mutex> Lock(ws::registryMutex());
  return ws::pluginCount();
}

WS_EXPORT uint32_t WasmEdge_PluginListPlugins(WasmEdge_String *Names, const uint32_t Len) {
  std::lock_guard<std::recursive_mutex> Lock(ws::registryMutex());
  uint32_t Count = ws::pluginCount();
  if (Names != nullptr) {
    for (uint32_t I = 0; I < Len && I < Count; ++I) Names[I] = wrapCString(ws::pluginAt(I)->Descriptor->Name);
  }
  return Count;
}

WS_EXPORT const WasmEdge_PluginContext *WasmEdge_PluginFind(const WasmEdge_String Name) {
  try {
    std::lock_guard<std::recursive_mutex> Lock(ws::registryMutex());
    return ws::findPlugin(ws::toStdString(Name));
  } catch (...) {
    return nullptr;
  }
}

WS_EXPORT WasmEdge_String WasmEdge_PluginGetPluginName(const WasmEdge_PluginContext *Cxt) {
  if (Cxt == nullptr) return WasmEdge_String{0, nullptr};
  return wrapCString(Cxt->Descriptor->Name);
}

WS_EXPORT uint32_t WasmEdge_PluginListModuleLength(const WasmEdge_PluginContext *Cxt) {
  return Cxt != nullptr ? Cxt->Descriptor->ModuleCount : 0;
}

WS_EXPORT uint32_t WasmEdge_PluginListModule(const WasmEdge_PluginContext *Cxt, WasmEdge_String *Names,
                                             const uint32_t Len) {
  if (Cxt == nullptr) return 0;
  const WasmEdge_PluginDescriptor *D = Cxt->Descriptor;
  if (Names != nullptr) {
    for (uint32_t I = 0; I < Len && I < D->ModuleCount; ++I) Names[I] = wrapCString(D->ModuleDescriptions[I].Name);
  }
  return D->ModuleCount;
}

WS_EXPORT WasmEdge_ModuleInstanceContext *WasmEdge_PluginCreateModule(const WasmEdge_PluginContext *Cxt,
                                                                     const WasmEdge_String ModuleName) {
  return createModule(Cxt, ModuleName);
}

WS_EXPORT void WasmEdge_PluginInitWASINN(const char *const *NNPreloads, const uint32_t PreloadsLen) {
  try {
    const WasmEdge_PluginContext *Plugin = findUnlocked("wasi_nn");
    if (Plugin == nullptr) return;
    std::lock_guard<std::recursive_mutex> UseLock(*Plugin->UseMutex);
    replaceListOption(Plugin, "nn-preload", NNPreloads, PreloadsLen);
  } catch (...) {
  }
}

WS_EXPORT void WasmEdge_ModuleInstanceInitWasmEdgeProcess(const char *const *AllowedCmds, const uint32_t CmdsLen,
                                                          const bool AllowAll) {
  try {
    const WasmEdge_PluginContext *Plugin = findUnlocked("wasmedge_process");
    if (Plugin == nullptr) return;
    std::lock_guard<std::recursive_mutex> UseLock(*Plugin->UseMutex);
    replaceListOption(Plugin, "allow-command", AllowedCmds, CmdsLen);
    // WasmEdge only ever sets the toggle; ws also clears it for AllowAll ==
    // false, so a later call cannot inherit an earlier "allow everything".
    ws::resetPluginOption(Plugin, "allow-command-all");
    if (AllowAll) ws_host_plugin_set_option(Plugin, "allow-command-all", nullptr, nullptr, 0);
  } catch (...) {
  }
}

WS_EXPORT const WasmEdge_PluginDescriptor *ws_host_plugin_descriptor(const WasmEdge_PluginContext *Plugin) {
  return Plugin != nullptr ? Plugin->Descriptor : nullptr;
}

WS_EXPORT const char *ws_host_plugin_path(const WasmEdge_PluginContext *Plugin) {
  return Plugin != nullptr ? Plugin->Path.c_str() : nullptr;
}

WS_EXPORT WasmEdge_ModuleInstanceContext *ws_host_plugin_create_module(const WasmEdge_PluginContext *Plugin,
                                                                      const char *ModuleName) {
  if (ModuleName == nullptr) return nullptr;
  return createModule(Plugin, wrapCString(ModuleName));
}

WS_EXPORT int ws_host_plugin_create_module_with_options(const WasmEdge_PluginContext *Plugin, const char *ModuleName,
                                                        const char *const *Names, const char *const *Values,
                                                        uint32_t Count, WasmEdge_ModuleInstanceContext **Out,
                                                        char *Err, size_t ErrLen) {
  if (Out != nullptr) *Out = nullptr;
  if (Err != nullptr && ErrLen > 0) Err[0] = '\0';
  if (Plugin == nullptr) {
    if (Err != nullptr && ErrLen > 0) std::snprintf(Err, ErrLen, "no plug-in given: load the plug-in first");
    return -1;
  }
  // The plug-in's lock is recursive: the setters and createModule below take
  // it again on this thread.
  std::lock_guard<std::recursive_mutex> UseLock(*Plugin->UseMutex);
  ws_host_plugin_reset_options(Plugin);
  for (uint32_t I = 0; I < Count; ++I) {
    const char *Name = Names != nullptr ? Names[I] : nullptr;
    int Status = ws_host_plugin_set_option(Plugin, Name, Values != nullptr ? Values[I] : nullptr, Err, ErrLen);
    if (Status != 0) {
      ws_host_plugin_reset_options(Plugin);
      return Status;
    }
  }
  if (ModuleName != nullptr) {
    WasmEdge_ModuleInstanceContext *Instance = createModule(Plugin, wrapCString(ModuleName));
    if (Out != nullptr) *Out = Instance;
  }
  ws_host_plugin_reset_options(Plugin);
  return 0;
}
