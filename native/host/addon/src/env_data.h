// Per-environment (main thread or worker) state of the addon.
#pragma once
#include <napi.h>

namespace ws {

struct EnvData {
  // (kind, pluginName, functionName, code, category, message) => Error.
  // Supplied by @ws/core so that errors are instances of its coded classes.
  Napi::FunctionReference makeHostError;
  // Bumped whenever guest memory or a pending exception may have changed
  // (see ws_fast_call::Epoch in v8_calls.h). Starts above every memory's
  // RefreshedAt (0).
  uint64_t epoch = 1;
};

EnvData *GetEnvData(napi_env env);

// Throws the error built by makeHostError. kind: "fail" | "terminate" | "disposed".
void ThrowHostError(napi_env env, const char *kind, const std::string &pluginName,
                    const std::string &functionName, uint32_t code, uint32_t category,
                    const char *message);

}  // namespace ws
