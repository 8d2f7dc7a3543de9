// The C interface between ws_bridge.node (Node-API, works on every Node) and
// ws_bridge_v8_<abi>.so (the guest → host call path written against V8's own
// API, one library per Node ABI). Node-API's per-call layer (callback
// wrapper, napi_get_cb_info, a checked call per argument and per result) is
// more than half of a host call (bench/core.bench.mjs); the V8 path skips it
// and hands everything unusual (other value kinds, errors, a disposed module)
// back to the bridge's Node-API code, so that both paths behave the same.
#pragma once
#include <node_api.h>
#include <stdint.h>
#include "ws_host.h"

#ifdef __cplusplus
extern "C" {
#endif

// What the V8 callback of one host function needs. Owned by the bridge (one
// per JS function, freed by the function's finalizer).
typedef struct ws_fast_call {
  const WasmEdge_FunctionInstanceContext *Function;
  const WasmEdge_CallingFrameContext *Frame;
  // Points at the module holder's instance pointer, which is NULL once the
  // module is disposed (the call must then fail, as on the Node-API path).
  WasmEdge_ModuleInstanceContext *const *Module;
  napi_env Env;
  void *Binding;  // the bridge's own data for the slow path
  // The environment's change counter (EnvData::epoch): bumped at each host
  // call and whenever the bridge calls into JS from inside one (a re-entrant
  // guest call, memory hooks). Guest memories re-read their buffer when it
  // moved (ws_host.h: Epoch); and Node-API keeps an exception thrown in such
  // JS for its own callback wrapper to rethrow, which the V8 path, having
  // none, does itself, checking only when the counter moved during the call.
  uint64_t *Epoch;
} ws_fast_call;

typedef struct ws_v8_bridge_api {
  // The whole call the Node-API way (every value kind, many values, errors).
  // Returns the result, or NULL with an exception pending, either thrown or
  // held by Node-API (see ws_fast_call::Epoch).
  napi_value (*SlowCall)(napi_env Env, void *Binding, napi_value *Args, size_t Argc);
  // Throws the error of a failed host function (off the hot path).
  void (*ReportFailure)(napi_env Env, void *Binding, WasmEdge_Result Result);
} ws_v8_bridge_api;

// Exported by ws_bridge_v8_<abi>.so -----------------------------------------------

// The NODE_MODULE_VERSION of the headers it was built with.
typedef int (*ws_v8_calls_abi_t)(void);
// Checks, inside a Node-API callback, that the running V8 matches what the
// library assumes (value and handle layout). 0 when the V8 path can be used.
typedef int (*ws_v8_calls_init_t)(napi_env Env, const ws_v8_bridge_api *Api);
// A JS function named Name that calls Call's host function.
typedef napi_status (*ws_v8_make_host_function_t)(napi_env Env, const char *Name, size_t NameLength,
                                                  ws_fast_call *Call, napi_value *Out);
// Memory hooks for a guest's WebAssembly.Memory whose Refresh reads the
// current ArrayBuffer through V8's API (a weak handle read in place: no
// Node-API call, no new handle) and re-reads memory.buffer only when it was
// detached by growth. Grow goes to the bridge's own hook. Delete on the
// thread of the memory's isolate.
typedef struct ws_v8_memory ws_v8_memory;
typedef ws_v8_memory *(*ws_v8_memory_create_t)(napi_env Env, napi_value Memory, int (*Grow)(void *, uint64_t),
                                               void *GrowData);
typedef void (*ws_v8_memory_delete_t)(ws_v8_memory *Memory);
typedef const ws_memory_hooks *(*ws_v8_memory_hooks_t)(void);
// v8Floor(a, b) -> a + b: the cheapest V8 API call, a floor for the benchmark.
typedef napi_status (*ws_v8_make_floor_t)(napi_env Env, napi_value *Out);
// Calls Function(...Argv) with This (NULL: undefined) under a time limit
// (time_limit_v8.cc): past Milliseconds, V8 terminates it from a watchdog
// thread and ws_interrupt_requested() turns nonzero on this thread. Returns
// napi_ok with *Result, or with *TimedOut = 1 (termination cancelled, nothing
// pending) when the limit fired; napi_pending_exception when the call threw.
typedef napi_status (*ws_v8_call_with_time_limit_t)(napi_env Env, napi_value Function, napi_value This, size_t Argc,
                                                    const napi_value *Argv, double Milliseconds, napi_value *Result,
                                                    int *TimedOut);

#ifdef __cplusplus
}
#endif
