// Entry point of ws_bridge.node.
#include <dlfcn.h>
#include <napi.h>

#include <atomic>
#include "env_data.h"
#include "modules.h"

namespace ws {
void RegisterPluginFunctions(Napi::Env env, Napi::Object exports);
void RegisterModuleFunctions(Napi::Env env, Napi::Object exports);
void RegisterGuestFunctions(Napi::Env env, Napi::Object exports);
void RegisterHostCallFunctions(Napi::Env env, Napi::Object exports);
void RegisterLibraryProbe(Napi::Env env, Napi::Object exports);
void RegisterTimeLimitFunctions(Napi::Env env, Napi::Object exports);

namespace {

std::string StandInPath() {
  Dl_info info;
  if (dladdr(reinterpret_cast<void *>(&WasmEdge_VersionGet), &info) == 0 || info.dli_fname == nullptr) return "";
  return info.dli_fname;
}

// Node loads addons RTLD_LAZY|RTLD_LOCAL, so the stand-in (our DT_NEEDED) is
// local too. Plug-ins built without DT_NEEDED libwasmedge.so.0 need its
// symbols in the global scope: promote it once.
void PromoteStandInToGlobal() {
  std::string path = StandInPath();
  if (!path.empty()) dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD);
}

// init({ makeHostError })
Napi::Value InitBridge(const Napi::CallbackInfo &info) {
  EnvData *data = GetEnvData(info.Env());
  if (info[0].IsFunction()) data->makeHostError = Napi::Persistent(info[0].As<Napi::Function>());
  return info.Env().Undefined();
}

// hostInfo() -> { wasmedgeVersion, apiVersion, standInPath }
Napi::Value HostInfo(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  Napi::Object out = Napi::Object::New(env);
  out.Set("wasmedgeVersion", WasmEdge_VersionGet());
  out.Set("apiVersion", static_cast<double>(ws_host_supported_api_version()));
  out.Set("standInPath", StandInPath());
  return out;
}

// Whether any thread has set the level through setLogLevel (the level is one
// per process; each worker thread has its own @ws/core).
std::atomic<bool> LogLevelSet{false};

// setLogLevel(level, ifUnset): a WasmEdge_LogLevel (0 trace .. 5 critical), or
// WS_LogLevel_Off (6): the stand-in keeps it, plug-ins read it (ws_log_level).
// With ifUnset (a default, not a level the program chose), only when no
// thread has set one yet.
Napi::Value SetLogLevel(const Napi::CallbackInfo &info) {
  const int32_t level = info[0].ToNumber().Int32Value();
  const bool ifUnset = info.Length() > 1 && info[1].ToBoolean().Value();
  if (ifUnset) {
    if (LogLevelSet.exchange(true)) return info.Env().Undefined();
  } else {
    LogLevelSet.store(true);
  }
  if (level == static_cast<int32_t>(WS_LogLevel_Off)) {
    WasmEdge_LogOff();
  } else if (level >= WasmEdge_LogLevel_Trace && level <= WasmEdge_LogLevel_Critical) {
    WasmEdge_LogSetLevel(static_cast<enum WasmEdge_LogLevel>(level));
  }
  return info.Env().Undefined();
}

// getLogLevel() -> the stand-in's level (ws_log_level()), as setLogLevel takes it.
Napi::Value GetLogLevel(const Napi::CallbackInfo &info) {
  return Napi::Number::New(info.Env(), static_cast<int32_t>(ws_log_level()));
}

// napiFloor(a, b) -> a + b: the cheapest possible raw Node-API call, the floor
// the host-call benchmark compares against (bench/core.bench.mjs).
napi_value NapiFloor(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value args[2];
  napi_get_cb_info(env, info, &argc, args, nullptr, nullptr);
  int32_t a = 0, b = 0;
  napi_get_value_int32(env, args[0], &a);
  napi_get_value_int32(env, args[1], &b);
  napi_value result;
  napi_create_int32(env, a + b, &result);
  return result;
}

}  // namespace

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  PromoteStandInToGlobal();
  env.SetInstanceData(new EnvData());
  exports.Set("init", Napi::Function::New(env, InitBridge, "init"));
  exports.Set("hostInfo", Napi::Function::New(env, HostInfo, "hostInfo"));
  exports.Set("setLogLevel", Napi::Function::New(env, SetLogLevel, "setLogLevel"));
  exports.Set("getLogLevel", Napi::Function::New(env, GetLogLevel, "getLogLevel"));
  napi_value floor;
  napi_create_function(env, "napiFloor", NAPI_AUTO_LENGTH, NapiFloor, nullptr, &floor);
  exports.Set("napiFloor", Napi::Value(env, floor));
  RegisterPluginFunctions(env, exports);
  RegisterModuleFunctions(env, exports);
  RegisterGuestFunctions(env, exports);
  RegisterHostCallFunctions(env, exports);
  RegisterLibraryProbe(env, exports);
  RegisterTimeLimitFunctions(env, exports);
  return exports;
}

}  // namespace ws

static Napi::Object InitModule(Napi::Env env, Napi::Object exports) { return ws::Init(env, exports); }

NODE_API_MODULE(ws_bridge, InitModule)
