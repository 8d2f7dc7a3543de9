// The hot path: a guest calls an imported host function. Raw Node-API here
// (no node-addon-api wrappers) to keep the per-call cost near the N-API floor.
#include <string>
#include <vector>
#include "env_data.h"
#include "guest_binding.h"
#include "modules.h"
#include "v8_loader.h"
#include "values.h"

namespace ws {

namespace {

constexpr size_t kInlineValues = 8;

struct HostFunctionBinding {
  ModuleRef module;
  GuestRef guest;  // may be empty: no memory, no calling module
  const WasmEdge_FunctionInstanceContext *function;
  std::string name;
  ws_fast_call fast{};  // what the V8 path reads (v8_calls.h)
  bool i32Only = false;  // i32 parameters (at most kInlineValues), no result or one i32
};

WasmEdge_CallingFrameContext gNoGuestFrame{nullptr, nullptr, nullptr};

napi_value ConvertResults(napi_env env, const WasmEdge_FunctionTypeContext &type, const WasmEdge_Value *returns) {
  if (type.ResultCount == 0) return nullptr;  // undefined
  if (type.ResultCount == 1) return FromWasmEdgeValue(env, returns[0], type.Results[0]);
  napi_value array;
  napi_create_array_with_length(env, type.ResultCount, &array);
  for (uint32_t i = 0; i < type.ResultCount; ++i) {
    napi_set_element(env, array, i, FromWasmEdgeValue(env, returns[i], type.Results[i]));
  }
  return array;
}

napi_value ReportFailure(napi_env env, const HostFunctionBinding &binding, WasmEdge_Result result) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (pending) return nullptr;  // a trap from a re-entrant call: let it surface unchanged
  uint32_t category = result.Code >> 24;
  uint32_t code = result.Code & 0xFFFFFFu;
  const char *kind = (category == WasmEdge_ErrCategory_WASM && code == WasmEdge_ErrCode_Terminated) ? "terminate" : "fail";
  ThrowHostError(env, kind, binding.module->pluginName, binding.module->instanceName + "." + binding.name, code,
                 category, WasmEdge_ResultGetMessage(result));
  return nullptr;
}

// A JS caller (HostModule.bind) passed a value that does not fit a parameter.
// Replaces the converter's generic TypeError with one naming the function,
// the argument and the whole signature (off the hot path: errors only).
napi_value ReportBadArgument(napi_env env, const HostFunctionBinding &binding, uint32_t index, napi_value arg) {
  napi_value pending;
  napi_get_and_clear_last_exception(env, &pending);
  const WasmEdge_FunctionTypeContext &type = binding.function->Type;
  std::string params;
  for (uint32_t i = 0; i < type.ParamCount; ++i) params += std::string(i ? ", " : "") + KindName(KindOf(type.Params[i]));
  napi_valuetype given = napi_undefined;
  napi_typeof(env, arg, &given);
  static const char *const kTypeNames[] = {"undefined", "null", "a boolean", "a number", "a string", "a symbol", "an object", "a function", "an external", "a bigint"};
  const char *expected = KindOf(type.Params[index]) == ValKind::I64 ? "a bigint (or a safe integer number)" : "a number";
  std::string message = binding.module->instanceName + "." + binding.name + ": argument " + std::to_string(index) + " is " +
                        kTypeNames[given] + ", but parameter " + std::to_string(index) + " is " + KindName(KindOf(type.Params[index])) +
                        ". Pass " + expected + " for it; the function takes (" + params + ").";
  napi_throw_type_error(env, "WS_HOST_ARGUMENT", message.c_str());
  return nullptr;
}

napi_value CallWithValues(napi_env env, const HostFunctionBinding &binding, napi_value *args, size_t argc,
                          WasmEdge_Value *params, WasmEdge_Value *returns) {
  const WasmEdge_FunctionInstanceContext *function = binding.function;
  const WasmEdge_FunctionTypeContext &type = function->Type;
  napi_value undefined = nullptr;
  for (uint32_t i = 0; i < type.ParamCount; ++i) {
    napi_value arg = args[i];
    if (i >= argc) {
      if (undefined == nullptr) napi_get_undefined(env, &undefined);
      arg = undefined;
    }
    if (!ToWasmEdgeValue(env, arg, type.Params[i], &params[i])) return ReportBadArgument(env, binding, i, arg);
  }
  for (uint32_t i = 0; i < type.ResultCount; ++i) returns[i] = ws_value_pack(0, ws_valtype_bits(type.Results[i]));
  ++*binding.fast.Epoch;  // the guest may have grown its memory since the last call
  const WasmEdge_CallingFrameContext *frame = binding.guest ? &binding.guest->frame : &gNoGuestFrame;
  WasmEdge_Result result = function->Kind == WS_FUNCTION_HOST
                               ? function->HostFunc(function->Data, frame, params, returns)
                               : ws_host_function_invoke(function, frame, params, returns);
  if (result.Code != 0) return ReportFailure(env, binding, result);
  return ConvertResults(env, type, returns);
}

// More than kInlineValues parameters or results: heap buffers (rare).
__attribute__((noinline)) napi_value CallWithManyValues(napi_env env, const HostFunctionBinding &binding,
                                                        napi_value *args, size_t argc) {
  const WasmEdge_FunctionTypeContext &type = binding.function->Type;
  std::vector<WasmEdge_Value> params(type.ParamCount), returns(type.ResultCount);
  return CallWithValues(env, binding, args, argc, params.data(), returns.data());
}

__attribute__((noinline)) napi_value ReportDisposed(napi_env env, const HostFunctionBinding &binding) {
  const ModuleHolder &module = *binding.module;
  ThrowHostError(env, "disposed", module.pluginName, module.instanceName + "." + binding.name, 0, 0,
                 "the module instance was disposed");
  return nullptr;
}

// A call with its arguments in hand: from the Node-API callbacks below, or
// from the V8 path for anything but its common case.
inline napi_value CallBinding(napi_env env, const HostFunctionBinding &binding, napi_value *args, size_t argc) {
  if (binding.module->module == nullptr) return ReportDisposed(env, binding);
  const WasmEdge_FunctionTypeContext &type = binding.function->Type;
  if (type.ParamCount > kInlineValues || type.ResultCount > kInlineValues) {
    return CallWithManyValues(env, binding, args, argc);
  }
  WasmEdge_Value params[kInlineValues];
  WasmEdge_Value returns[kInlineValues];
  return CallWithValues(env, binding, args, argc, params, returns);
}

// One callback per parameter count (up to kInlineValues), so that
// napi_get_cb_info fills exactly the slots the function reads.
// The common shape on the Node-API path: i32 in and out, a live module, every
// argument given. Anything else (or an argument that is not a number) goes
// to CallBinding, which converts again and reports the error.
template <size_t Params>
inline bool CallI32(napi_env env, const HostFunctionBinding &binding, napi_value *args, size_t argc, napi_value *out) {
  const WasmEdge_FunctionInstanceContext *function = binding.function;
  const WasmEdge_FunctionTypeContext &type = function->Type;
  if (argc < Params || binding.module->module == nullptr) return false;
  WasmEdge_Value params[Params > 0 ? Params : 1];
  WasmEdge_Value returns[1];
  for (size_t i = 0; i < Params; ++i) {
    int32_t v;
    if (napi_get_value_int32(env, args[i], &v) != napi_ok) return false;
    params[i] = ws_value_pack(static_cast<uint32_t>(v), ws_valtype_bits(type.Params[i]));
  }
  if (type.ResultCount == 1) returns[0] = ws_value_pack(0, ws_valtype_bits(type.Results[0]));
  ++*binding.fast.Epoch;  // the guest may have grown its memory since the last call
  const WasmEdge_CallingFrameContext *frame = binding.fast.Frame;
  WasmEdge_Result result = function->Kind == WS_FUNCTION_HOST
                               ? function->HostFunc(function->Data, frame, params, returns)
                               : ws_host_function_invoke(function, frame, params, returns);
  if (result.Code != 0) {
    *out = ReportFailure(env, binding, result);
  } else if (type.ResultCount == 1) {
    napi_create_int32(env, static_cast<int32_t>(static_cast<uint32_t>(returns[0].Value)), out);
  } else {
    *out = nullptr;  // undefined
  }
  return true;
}

template <size_t Params>
napi_value CallHostFunction(napi_env env, napi_callback_info info) {
  void *data = nullptr;
  size_t argc = Params;
  napi_value args[Params > 0 ? Params : 1];
  napi_get_cb_info(env, info, &argc, Params > 0 ? args : nullptr, nullptr, &data);
  const auto &binding = *static_cast<HostFunctionBinding *>(data);
  napi_value result;
  if (binding.i32Only && CallI32<Params>(env, binding, args, argc, &result)) return result;
  return CallBinding(env, binding, args, argc);
}

// More parameters than kInlineValues.
napi_value CallHostFunctionMany(napi_env env, napi_callback_info info) {
  void *data = nullptr;
  size_t argc = 0;
  napi_get_cb_info(env, info, &argc, nullptr, nullptr, &data);
  auto *binding = static_cast<HostFunctionBinding *>(data);
  std::vector<napi_value> args(binding->function->Type.ParamCount);
  argc = args.size();
  napi_get_cb_info(env, info, &argc, args.data(), nullptr, nullptr);
  return CallBinding(env, *binding, args.data(), argc);
}

napi_callback CallbackFor(uint32_t paramCount) {
  static const napi_callback kByCount[] = {CallHostFunction<0>, CallHostFunction<1>, CallHostFunction<2>,
                                           CallHostFunction<3>, CallHostFunction<4>, CallHostFunction<5>,
                                           CallHostFunction<6>, CallHostFunction<7>, CallHostFunction<8>};
  static_assert(sizeof(kByCount) / sizeof(kByCount[0]) == kInlineValues + 1, "one callback per count");
  return paramCount <= kInlineValues ? kByCount[paramCount] : CallHostFunctionMany;
}

// The V8 path's way back into this file (v8_calls.h).
napi_value SlowCallForV8(napi_env env, void *data, napi_value *args, size_t argc) {
  return CallBinding(env, *static_cast<HostFunctionBinding *>(data), args, argc);
}

void ReportFailureForV8(napi_env env, void *data, WasmEdge_Result result) {
  ReportFailure(env, *static_cast<HostFunctionBinding *>(data), result);
}

// makeHostFunctions(module, guest | undefined) -> { [name]: Function }
Napi::Value MakeHostFunctions(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  ModuleRef module = UnwrapModule(info[0]);
  if (!module || module->module == nullptr) {
    Napi::Error::New(env, "the module instance was disposed").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  GuestRef guest = info.Length() > 1 ? UnwrapGuest(info[1]) : nullptr;
  if (!guest) gNoGuestFrame.Executor = ws_host_executor();
  const V8Calls *v8 = GetV8Calls(env);
  Napi::Object functions = Napi::Object::New(env);
  uint32_t count = WasmEdge_ModuleInstanceListFunctionLength(module->module);
  std::vector<WasmEdge_String> names(count);
  count = WasmEdge_ModuleInstanceListFunction(module->module, names.data(), count);
  for (uint32_t i = 0; i < count; ++i) {
    auto *binding = new HostFunctionBinding{module, guest,
                                            WasmEdge_ModuleInstanceFindFunction(module->module, names[i]),
                                            std::string(names[i].Buf, names[i].Length)};
    const WasmEdge_FunctionTypeContext &type = binding->function->Type;
    binding->i32Only = type.ParamCount <= kInlineValues && type.ResultCount <= 1 &&
                       (type.ResultCount == 0 || KindOf(type.Results[0]) == ValKind::I32);
    for (uint32_t p = 0; p < type.ParamCount && binding->i32Only; ++p) binding->i32Only = KindOf(type.Params[p]) == ValKind::I32;
    binding->fast = ws_fast_call{binding->function, guest ? &guest->frame : &gNoGuestFrame, &module->module, env, binding,
                                 &GetEnvData(env)->epoch};
    napi_value function;
    if (v8 == nullptr || v8->makeHostFunction(env, binding->name.c_str(), binding->name.size(), &binding->fast, &function) != napi_ok) {
      napi_create_function(env, binding->name.c_str(), binding->name.size(), CallbackFor(binding->function->Type.ParamCount),
                           binding, &function);
    }
    napi_add_finalizer(env, function, binding,
                       [](napi_env, void *data, void *) { delete static_cast<HostFunctionBinding *>(data); },
                       nullptr, nullptr);
    functions.Set(binding->name, Napi::Value(env, function));
  }
  return functions;
}

// hostCallPath() -> "v8" | "napi (<why>)": which path makeHostFunctions uses now.
Napi::Value GetHostCallPath(const Napi::CallbackInfo &info) {
  GetV8Calls(info.Env());
  return Napi::String::New(info.Env(), HostCallPath());
}

// v8Floor() -> (a, b) => a + b as a bare V8 API function, or undefined without
// the V8 path: the floor of that path for bench/core.bench.mjs.
Napi::Value MakeV8Floor(const Napi::CallbackInfo &info) {
  const V8Calls *v8 = GetV8Calls(info.Env());
  napi_value floor;
  if (v8 == nullptr || v8->makeFloor(info.Env(), &floor) != napi_ok) return info.Env().Undefined();
  return Napi::Value(info.Env(), floor);
}

}  // namespace

const ws_v8_bridge_api kV8BridgeApi = {SlowCallForV8, ReportFailureForV8};

void RegisterHostCallFunctions(Napi::Env env, Napi::Object exports) {
  exports.Set("makeHostFunctions", Napi::Function::New(env, MakeHostFunctions, "makeHostFunctions"));
  exports.Set("hostCallPath", Napi::Function::New(env, GetHostCallPath, "hostCallPath"));
  exports.Set("makeV8Floor", Napi::Function::New(env, MakeV8Floor, "makeV8Floor"));
}

}  // namespace ws
