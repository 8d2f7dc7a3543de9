#include "env_data.h"

namespace ws {

EnvData *GetEnvData(napi_env env) {
  return Napi::Env(env).GetInstanceData<EnvData>();
}

void ThrowHostError(napi_env env, const char *kind, const std::string &pluginName,
                    const std::string &functionName, uint32_t code, uint32_t category,
                    const char *message) {
  Napi::Env e(env);
  EnvData *data = GetEnvData(env);
  if (data == nullptr || data->makeHostError.IsEmpty()) {
    Napi::Error::New(e, std::string("host function ") + functionName + " failed: " + message)
        .ThrowAsJavaScriptException();
    return;
  }
  Napi::Value error = data->makeHostError.Call({
      Napi::String::New(e, kind), Napi::String::New(e, pluginName),
      Napi::String::New(e, functionName), Napi::Number::New(e, code),
      Napi::Number::New(e, category), Napi::String::New(e, message ? message : "")});
  if (!e.IsExceptionPending()) napi_throw(env, error);
}

}  // namespace ws
