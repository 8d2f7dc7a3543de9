// What plug-ins see of the guest that imports them: its memory 0 (through
// hooks that follow WebAssembly.Memory growth) and its exported functions (for
// WasmEdge_ExecutorInvoke). One binding per guest instance, or per
// HostModule.bind(memory) call.
#pragma once
#include <napi.h>
#include <memory>
#include <vector>
#include "v8_calls.h"
#include "ws_host.h"

namespace ws {

struct ExportBinding;

struct GuestBinding {
  napi_env env = nullptr;
  uint64_t *epoch = nullptr;  // EnvData::epoch
  napi_ref memory = nullptr;  // the WebAssembly.Memory
  napi_ref buffer = nullptr;  // its current ArrayBuffer (detached when it grows)
  // The memory's hooks on V8's API (v8_calls.h), when that path is in use.
  ws_v8_memory *v8Memory = nullptr;
  ws_v8_memory_delete_t v8MemoryDelete = nullptr;
  WasmEdge_ModuleInstanceContext *module = nullptr;
  WasmEdge_CallingFrameContext frame{};
  std::vector<std::unique_ptr<ExportBinding>> exports;
  ~GuestBinding();
};

using GuestRef = std::shared_ptr<GuestBinding>;

GuestRef UnwrapGuest(const Napi::Value &value);
void RegisterGuestFunctions(Napi::Env env, Napi::Object exports);

}  // namespace ws
