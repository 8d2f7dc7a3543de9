// The plug-in registry (see plugin_registry.h).
#include "plugin_registry.h"

#include "wasmedge/ws_extensions.h"

#include <cstring>
#include <deque>
#include <unordered_map>

namespace {

struct Registry {
  std::recursive_mutex Mutex;
  std::deque<WasmEdge_PluginContext> Plugins;  // deque: entries never move
  std::unordered_map<std::string, size_t> ByName;
  std::unordered_map<std::string, size_t> ByPath;
};

// Never destroyed: plug-ins stay loaded until the process exits, and their
// destructors may run after ours.
Registry &registry() noexcept {
  static Registry *Instance = new Registry();
  return *Instance;
}

}  // namespace

namespace ws {

std::recursive_mutex &registryMutex() noexcept { return registry().Mutex; }

WasmEdge_PluginContext *findPlugin(const std::string &Name) noexcept {
  Registry &R = registry();
  auto Found = R.ByName.find(Name);
  return Found == R.ByName.end() ? nullptr : &R.Plugins[Found->second];
}

WasmEdge_PluginContext *findPluginByPath(const std::string &Path) noexcept {
  Registry &R = registry();
  auto Found = R.ByPath.find(Path);
  return Found == R.ByPath.end() ? nullptr : &R.Plugins[Found->second];
}

int optionType(const WasmEdge_ProgramOption &Option) noexcept {
  static_assert(sizeof(Option.Type) == sizeof(int), "C enums are int-sized");
  int Type;
  std::memcpy(&Type, &Option.Type, sizeof(Type));
  return Type;
}

size_t optionStorageSize(int Type) noexcept {
  switch (Type) {
    case WasmEdge_ProgramOptionType_Toggle: return sizeof(bool);
    case WasmEdge_ProgramOptionType_Int8: return sizeof(int8_t);
    case WasmEdge_ProgramOptionType_Int16: return sizeof(int16_t);
    case WasmEdge_ProgramOptionType_Int32: return sizeof(int32_t);
    case WasmEdge_ProgramOptionType_Int64: return sizeof(int64_t);
    case WasmEdge_ProgramOptionType_UInt8: return sizeof(uint8_t);
    case WasmEdge_ProgramOptionType_UInt16: return sizeof(uint16_t);
    case WasmEdge_ProgramOptionType_UInt32: return sizeof(uint32_t);
    case WasmEdge_ProgramOptionType_UInt64: return sizeof(uint64_t);
    case WasmEdge_ProgramOptionType_Float: return sizeof(float);
    case WasmEdge_ProgramOptionType_Double: return sizeof(double);
    case WasmEdge_ProgramOptionType_String: return sizeof(WasmEdge_String);
    case 0x100 /* WS_ProgramOptionType_StringList */: return sizeof(WS_StringList);
    default: return 0;
  }
}

WasmEdge_PluginContext *registerPlugin(const WasmEdge_PluginDescriptor *Descriptor, const std::string &Path,
                                       void *Handle) {
  Registry &R = registry();
  WasmEdge_PluginContext Entry;
  Entry.Descriptor = Descriptor;
  Entry.Name = Descriptor->Name;
  Entry.Path = Path;
  Entry.Handle = Handle;
  for (uint32_t I = 0; I < Descriptor->ProgramOptionCount; ++I) {
    const WasmEdge_ProgramOption &Option = Descriptor->ProgramOptions[I];
    size_t Size = optionStorageSize(optionType(Option));
    if (Size == 0) continue;  // None or a type ws does not know: not settable
    WsOptionState State;
    State.Option = &Option;
    State.Snapshot.resize(Size);
    std::memcpy(State.Snapshot.data(), Option.Storage, Size);
    Entry.Options.push_back(std::move(State));
  }
  size_t Index = R.Plugins.size();
  R.Plugins.push_back(std::move(Entry));
  try {
    R.ByName.emplace(R.Plugins.back().Name, Index);
    R.ByPath.emplace(Path, Index);
  } catch (...) {
    R.ByName.erase(R.Plugins.back().Name);
    R.Plugins.pop_back();
    throw;
  }
  return &R.Plugins.back();
}

uint32_t pluginCount() noexcept { return static_cast<uint32_t>(registry().Plugins.size()); }

const WasmEdge_PluginContext *pluginAt(uint32_t Index) noexcept {
  Registry &R = registry();
  return Index < R.Plugins.size() ? &R.Plugins[Index] : nullptr;
}

}  // namespace ws
