// The process-wide plug-in registry: append-only (entries never move and are
// never removed; plug-ins are never unloaded), a name index, and one lock.
#ifndef WS_CAPI_PLUGIN_REGISTRY_H
#define WS_CAPI_PLUGIN_REGISTRY_H

#include "internal.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

// What the host keeps per program option of a plug-in.
struct WsOptionState {
  const WasmEdge_ProgramOption *Option = nullptr;
  // The Storage bytes as they were at registration (ws_host_plugin_reset_options).
  std::vector<unsigned char> Snapshot;
  // Buffers the host allocated for String values and StringList items. They
  // stay alive for the life of the process: a module created earlier may
  // still point at a value the host has since replaced.
  std::vector<std::unique_ptr<char[]>> Buffers;
  // Item arrays handed out through WS_StringList.Items (same reason).
  std::vector<std::unique_ptr<WasmEdge_String[]>> ItemArrays;
};

struct WasmEdge_PluginContext {
  const WasmEdge_PluginDescriptor *Descriptor = nullptr;
  std::string Name;
  std::string Path;
  void *Handle = nullptr;
  std::vector<WsOptionState> Options;
  // Held while this plug-in's option storage is written and while its
  // modules' Create runs, so Create reads one consistent set of options
  // (issue 15: two workers' options must not mix). Taken before
  // registryMutex, never after it. A shared_ptr keeps the entry movable.
  std::shared_ptr<std::recursive_mutex> UseMutex = std::make_shared<std::recursive_mutex>();
};

namespace ws {

// Held while the registry or any option storage changes. Recursive: plug-in
// code run under it (constructors, GetDescriptor) may call the C API.
std::recursive_mutex &registryMutex() noexcept;

// Looks a plug-in up by name; NULL if absent. Caller holds the lock or
// accepts WasmEdge's unlocked-read semantics.
WasmEdge_PluginContext *findPlugin(const std::string &Name) noexcept;
// The plug-in registered from exactly this path string, or NULL.
WasmEdge_PluginContext *findPluginByPath(const std::string &Path) noexcept;

// Appends a plug-in; returns the stable registry entry. Throws on OOM.
WasmEdge_PluginContext *registerPlugin(const WasmEdge_PluginDescriptor *Descriptor, const std::string &Path,
                                       void *Handle);

uint32_t pluginCount() noexcept;
// Plug-ins in registration order; Index < pluginCount().
const WasmEdge_PluginContext *pluginAt(uint32_t Index) noexcept;

// The option's Type as an int. Read through memcpy: ws's StringList type
// (0x100) is outside the C++ value range of the enum, so loading the field
// as the enum would be undefined behaviour.
int optionType(const WasmEdge_ProgramOption &Option) noexcept;

// Storage size of an option type; 0 for None and unknown types.
size_t optionStorageSize(int Type) noexcept;

}  // namespace ws

#endif
