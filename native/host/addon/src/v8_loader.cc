#include "v8_loader.h"
#include <dlfcn.h>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

namespace ws {

namespace {

enum class LoadState { NotTried, Loaded, Unavailable };
// Decided once per process, by the first environment (main thread or worker)
// that asks; the others wait for it.
std::once_flag gLoadOnce;
LoadState gState = LoadState::NotTried;
V8Calls gCalls{};
std::string gPath = "napi (not loaded yet)";

bool ForcedNapi() {
  const char *choice = std::getenv("WS_HOST_CALLS");
  return choice != nullptr && std::strcmp(choice, "napi") == 0;
}

#ifdef WS_V8_ABIS
// process.versions.modules of the running Node, or -1.
int RunningModulesAbi(napi_env env) {
  napi_value global, process, versions, modules;
  char text[16] = {0};
  size_t length = 0;
  if (napi_get_global(env, &global) != napi_ok ||
      napi_get_named_property(env, global, "process", &process) != napi_ok ||
      napi_get_named_property(env, process, "versions", &versions) != napi_ok ||
      napi_get_named_property(env, versions, "modules", &modules) != napi_ok ||
      napi_get_value_string_utf8(env, modules, text, sizeof(text), &length) != napi_ok || length == 0) {
    return -1;
  }
  return std::atoi(text);
}

// Whether this build made a ws_bridge_v8_<abi>.so for abi (WS_V8_ABIS: "115,127,137").
bool BuiltFor(int abi) {
  std::string list = std::string(",") + WS_V8_ABIS + ",";
  return abi > 0 && list.find("," + std::to_string(abi) + ",") != std::string::npos;
}

// ws_bridge_v8_<abi>.so next to this addon.
std::string LibraryPath(int abi) {
  Dl_info info;
  if (dladdr(reinterpret_cast<void *>(&RunningModulesAbi), &info) == 0 || info.dli_fname == nullptr) return "";
  std::string self = info.dli_fname;
  size_t slash = self.rfind('/');
  return (slash == std::string::npos ? std::string(".") : self.substr(0, slash)) + "/ws_bridge_v8_" +
         std::to_string(abi) + ".so";
}
#endif

void Load(napi_env env) {
  gState = LoadState::Unavailable;
#ifndef WS_V8_ABIS
  gPath = "napi (built without V8 headers)";
  return;
#else
  int running = RunningModulesAbi(env);
  if (!BuiltFor(running)) {
    gPath = "napi (no ws_bridge_v8 for this Node's NODE_MODULE_VERSION " + std::to_string(running) +
            ": built for " + WS_V8_ABIS + ")";
    return;
  }
  // RTLD_NOW: a V8 missing a symbol fails here, not in the middle of a call.
  std::string path = LibraryPath(running);
  void *library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char *error = dlerror();
    gPath = std::string("napi (") + (error ? error : path.c_str()) + ")";
    return;
  }
  auto abi = reinterpret_cast<ws_v8_calls_abi_t>(dlsym(library, "ws_v8_calls_abi"));
  auto init = reinterpret_cast<ws_v8_calls_init_t>(dlsym(library, "ws_v8_calls_init"));
  gCalls.makeHostFunction = reinterpret_cast<ws_v8_make_host_function_t>(dlsym(library, "ws_v8_make_host_function"));
  gCalls.makeFloor = reinterpret_cast<ws_v8_make_floor_t>(dlsym(library, "ws_v8_make_floor"));
  gCalls.memoryCreate = reinterpret_cast<ws_v8_memory_create_t>(dlsym(library, "ws_v8_memory_create"));
  gCalls.memoryDelete = reinterpret_cast<ws_v8_memory_delete_t>(dlsym(library, "ws_v8_memory_delete"));
  gCalls.memoryHooks = reinterpret_cast<ws_v8_memory_hooks_t>(dlsym(library, "ws_v8_memory_hooks"));
  gCalls.callWithTimeLimit =
      reinterpret_cast<ws_v8_call_with_time_limit_t>(dlsym(library, "ws_v8_call_with_time_limit"));
  if (abi == nullptr || init == nullptr || gCalls.makeHostFunction == nullptr || gCalls.makeFloor == nullptr ||
      gCalls.memoryCreate == nullptr || gCalls.memoryDelete == nullptr || gCalls.memoryHooks == nullptr ||
      gCalls.callWithTimeLimit == nullptr || abi() != running) {
    gPath = "napi (" + path + " is not the ws_bridge_v8 of this build for NODE_MODULE_VERSION " +
            std::to_string(running) + ")";
    return;
  }
  int status = init(env, &kV8BridgeApi);
  if (status != 0) {
    gPath = "napi (" + path + " does not match this V8: check " + std::to_string(status) + " failed)";
    return;
  }
  gState = LoadState::Loaded;
  gPath = "v8";
#endif
}

}  // namespace

const V8Calls *GetV8Calls(napi_env env) {
  std::call_once(gLoadOnce, Load, env);
  if (gState != LoadState::Loaded || ForcedNapi()) return nullptr;
  return &gCalls;
}

const V8Calls *GetV8Library(napi_env env) {
  std::call_once(gLoadOnce, Load, env);
  return gState == LoadState::Loaded ? &gCalls : nullptr;
}

const char *HostCallPath() { return ForcedNapi() && gState == LoadState::Loaded ? "napi (WS_HOST_CALLS=napi)" : gPath.c_str(); }

}  // namespace ws
