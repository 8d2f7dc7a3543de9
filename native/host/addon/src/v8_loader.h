// Finds and checks ws_bridge_v8_<abi>.so, the V8-API host-call path (v8_calls.h)
// built for the running Node's NODE_MODULE_VERSION.
#pragma once
#include <node_api.h>
#include <cstdint>
#include "v8_calls.h"

namespace ws {

struct V8Calls {
  ws_v8_make_host_function_t makeHostFunction;
  ws_v8_make_floor_t makeFloor;
  ws_v8_memory_create_t memoryCreate;
  ws_v8_memory_delete_t memoryDelete;
  ws_v8_memory_hooks_t memoryHooks;
  ws_v8_call_with_time_limit_t callWithTimeLimit;
};

// The V8 path, or NULL for Node-API: when this build has no ws_bridge_v8_<abi>.so
// for process.versions.modules, the file is missing, fails its checks,
// or WS_HOST_CALLS=napi is set (read on each call, so tests can switch).
// Loads the library on first use; call from inside a Node-API callback.
const V8Calls *GetV8Calls(napi_env env);

// The V8 library for what only V8's API can do (the time limit's
// termination), or NULL when it is not available; unlike GetV8Calls, also
// with WS_HOST_CALLS=napi (which chooses the host-call path only).
const V8Calls *GetV8Library(napi_env env);

// What the V8 path calls back (host_call.cc).
extern const ws_v8_bridge_api kV8BridgeApi;

// "v8", or "napi (<why>)".
const char *HostCallPath();

}  // namespace ws
