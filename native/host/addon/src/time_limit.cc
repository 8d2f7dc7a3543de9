// callWithTimeLimit for RuntimeOptions.timeLimitMs: the termination itself is
// V8 API (ws_bridge_v8_<abi>.so, v8/time_limit_v8.cc); this is its Node-API face.
#include <napi.h>

#include <vector>
#include "v8_loader.h"

namespace ws {

namespace {

// timeLimitPath() -> "v8" when calls can be time-limited here, else why not
// ("unavailable (<why the V8 library did not load>)").
Napi::Value TimeLimitPath(const Napi::CallbackInfo &info) {
  if (GetV8Library(info.Env()) != nullptr) return Napi::String::New(info.Env(), "v8");
  std::string why = HostCallPath();  // "napi (<why>)"
  if (why.rfind("napi (", 0) == 0) why = why.substr(6, why.size() - 7);
  return Napi::String::New(info.Env(), "unavailable (" + why + ")");
}

// callWithTimeLimit(fn, thisArg, args, milliseconds) -> [timedOut, result]:
// fn's result, or [true, undefined] when the limit stopped it. fn's own
// exceptions propagate.
Napi::Value CallWithTimeLimit(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  const V8Calls *v8 = GetV8Library(env);
  if (v8 == nullptr) {
    Napi::Error::New(env, "callWithTimeLimit needs ws_bridge_v8 (timeLimitPath() says why it is unavailable)")
        .ThrowAsJavaScriptException();
    return Napi::Value();
  }
  if (!info[0].IsFunction() || !info[2].IsArray() || !info[3].IsNumber()) {
    Napi::TypeError::New(env, "callWithTimeLimit(fn, thisArg, args, milliseconds)").ThrowAsJavaScriptException();
    return Napi::Value();
  }
  Napi::Array array = info[2].As<Napi::Array>();
  std::vector<napi_value> args(array.Length());
  for (uint32_t i = 0; i < array.Length(); ++i) args[i] = array.Get(i);
  napi_value result = nullptr;
  int timedOut = 0;
  napi_status status = v8->callWithTimeLimit(env, info[0], info[1], args.size(), args.data(),
                                             info[3].As<Napi::Number>().DoubleValue(), &result, &timedOut);
  if (status != napi_ok) return Napi::Value();  // the call's exception is pending
  Napi::Array out = Napi::Array::New(env, 2);
  out.Set(0u, Napi::Boolean::New(env, timedOut != 0));
  out.Set(1u, timedOut != 0 || result == nullptr ? env.Undefined() : Napi::Value(env, result));
  return out;
}

}  // namespace

void RegisterTimeLimitFunctions(Napi::Env env, Napi::Object exports) {
  exports.Set("timeLimitPath", Napi::Function::New(env, TimeLimitPath, "timeLimitPath"));
  exports.Set("callWithTimeLimit", Napi::Function::New(env, CallWithTimeLimit, "callWithTimeLimit"));
}

}  // namespace ws
