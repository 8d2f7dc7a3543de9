// A library shaped like a WasmEdge C++ plug-in (API version 5): it exports
// only `extern "C" GetDescriptor()` returning WasmEdge's C++ PluginDescriptor
// layout (spec §2.2). ws cannot run C++ plug-ins (their modules are WasmEdge's
// internal C++ objects), so the loader must recognise and refuse it, reading
// at most the plain fields (name, API version) for its message. Create and
// AddOptions abort here so a loader that calls them fails loudly.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

struct VersionData {
  uint32_t Major, Minor, Patch, Build;
};

struct ModuleDescriptor {
  const char *Name;
  const char *Description;
  void *(*Create)(const ModuleDescriptor *) noexcept;
};

struct PluginDescriptor {
  const char *Name;
  const char *Description;
  uint32_t APIVersion;
  VersionData Version;
  size_t ModuleCount;
  ModuleDescriptor *ModuleDescriptions;
  size_t ComponentCount;
  void *ComponentDescriptions;
  void (*AddOptions)(const PluginDescriptor *, void *Parser) noexcept;
};

static_assert(sizeof(PluginDescriptor) == 80, "WasmEdge v4/v5 C++ descriptor is 80 bytes");
static_assert(offsetof(PluginDescriptor, ModuleCount) == 40, "ModuleCount at 40");
static_assert(offsetof(PluginDescriptor, AddOptions) == 72, "AddOptions at 72");

void *createModule(const ModuleDescriptor *) noexcept { std::abort(); }
void addOptions(const PluginDescriptor *, void *) noexcept { std::abort(); }

ModuleDescriptor Modules[] = {{"ws_cxx_module", "C++ module (never created)", createModule}};

const PluginDescriptor Descriptor = {
    "ws_cxx_plugin", "A WasmEdge C++ plug-in look-alike", 5, {0, 1, 0, 0}, 1, Modules, 0, nullptr,
    addOptions};

} // namespace

extern "C" __attribute__((visibility("default"))) const void *GetDescriptor() { return &Descriptor; }
