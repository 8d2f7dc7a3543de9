// ws_bridge_v8_<abi>.so: the guest → host call written against V8's API. A host
// function's JS function is a V8 function whose callback reads its arguments
// and sets its result inline, without Node-API's callback wrapper and checked
// per-value calls: about 40% fewer instructions per call than the Node-API
// path, half its time (bench/core.bench.mjs). Built once per Node ABI
// (NODE_MODULE_VERSION: <abi> in the name) from that Node's headers (V8 11.3
// for Node 20, 12.4 for Node 22, 13.6 for Node 24: the API used here is the
// same in all three); ws_bridge.node loads the one for the running ABI, after
// ws_v8_calls_init's checks, and otherwise keeps its Node-API path.
//
// Only the common case runs here: at most kInline parameters of i32, i64
// (bigint), f32, f64 and at most one result, on a live module. Everything
// else, and every error, goes through the bridge's Node-API code, so that
// messages and semantics are the same on both paths.
#include <node_version.h>  // before node_api.h: it sets NAPI_VERSION
#include <node_api.h>
#include <v8.h>
#include <cstring>
#include <vector>
#include "v8_calls.h"
#include "ws_value_pack.h"

#define WS_V8_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

constexpr uint32_t kInline = 8;
const ws_v8_bridge_api *gApi = nullptr;

// napi_value is a v8::Local<v8::Value> in Node (js_native_api_v8.h); the
// init check below confirms it on the running Node.
static_assert(sizeof(napi_value) == sizeof(v8::Local<v8::Value>), "napi_value is a Local");

inline v8::Local<v8::Value> ToLocal(napi_value value) {
  v8::Local<v8::Value> local;
  std::memcpy(static_cast<void *>(&local), &value, sizeof(value));
  return local;
}

inline napi_value ToNapi(v8::Local<v8::Value> local) {
  napi_value value;
  std::memcpy(&value, static_cast<void *>(&local), sizeof(value));
  return value;
}

// A small integer (Smi) straight from the handle: V8 passes every Wasm i32
// argument as one on 64-bit targets without pointer compression.
inline bool SmiValue(v8::Local<v8::Value> value, int32_t *out) {
  using I = v8::internal::Internals;
  v8::internal::Address address = v8::internal::ValueHelper::ValueAsAddress(*value);
  if (I::HasHeapObjectTag(address)) return false;
  *out = I::SmiValue(address);
  return true;
}

inline bool NumberValue(v8::Local<v8::Value> value, double *out) {
  int32_t small;
  if (SmiValue(value, &small)) {
    *out = small;
    return true;
  }
  if (!value->IsNumber()) return false;
  *out = value.As<v8::Number>()->Value();
  return true;
}

// False: not the common case; the bridge converts (and reports) it.
inline bool ToValue(v8::Local<v8::Value> value, const WasmEdge_ValType &type, WasmEdge_Value *out) {
  uint64_t typeBits = ws_valtype_bits(type);
  switch (type.Data[2]) {
    case 0x7F: {  // i32
      int32_t v;
      if (!SmiValue(value, &v)) return false;
      *out = ws_value_pack(static_cast<uint32_t>(v), typeBits);
      return true;
    }
    case 0x7E: {  // i64: a bigint (numbers take the bridge's safe-integer check)
      if (!value->IsBigInt()) return false;
      *out = ws_value_pack(static_cast<uint64_t>(value.As<v8::BigInt>()->Int64Value()), typeBits);
      return true;
    }
    case 0x7D: {  // f32
      double d;
      if (!NumberValue(value, &d)) return false;
      float f = static_cast<float>(d);
      uint32_t bits;
      std::memcpy(&bits, &f, sizeof(bits));
      *out = ws_value_pack(bits, typeBits);
      return true;
    }
    case 0x7C: {  // f64
      double d;
      if (!NumberValue(value, &d)) return false;
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof(bits));
      *out = ws_value_pack(bits, typeBits);
      return true;
    }
    default: return false;
  }
}

inline bool IsSimpleResult(const WasmEdge_ValType &type) {
  uint8_t code = type.Data[2];
  return code == 0x7F || code == 0x7E || code == 0x7D || code == 0x7C;
}

inline void SetResult(const v8::FunctionCallbackInfo<v8::Value> &info, const WasmEdge_Value &value,
                      const WasmEdge_ValType &type) {
  switch (type.Data[2]) {
    case 0x7F: info.GetReturnValue().Set(static_cast<int32_t>(static_cast<uint32_t>(value.Value))); return;
    case 0x7E:
      info.GetReturnValue().Set(v8::BigInt::New(info.GetIsolate(), static_cast<int64_t>(static_cast<uint64_t>(value.Value))));
      return;
    case 0x7D: {
      uint32_t bits = static_cast<uint32_t>(value.Value);
      float f;
      std::memcpy(&f, &bits, sizeof(f));
      info.GetReturnValue().Set(static_cast<double>(f));
      return;
    }
    default: {
      uint64_t bits = static_cast<uint64_t>(value.Value);
      double d;
      std::memcpy(&d, &bits, sizeof(d));
      info.GetReturnValue().Set(d);
    }
  }
}

// An exception Node-API caught while the bridge called into JS (a trap in a
// re-entrant guest call) is rethrown by Node-API's own callback wrapper; this
// path has none, so it rethrows it here.
void RethrowHeldException(v8::Isolate *isolate, napi_env env) {
  bool pending = false;
  if (napi_is_exception_pending(env, &pending) != napi_ok || !pending) return;
  napi_value exception;
  if (napi_get_and_clear_last_exception(env, &exception) != napi_ok) return;
  isolate->ThrowException(ToLocal(exception));
}

void SlowCall(const v8::FunctionCallbackInfo<v8::Value> &info, const ws_fast_call *call) {
  size_t argc = static_cast<size_t>(info.Length());
  napi_value inlineArgs[kInline];
  std::vector<napi_value> heapArgs;
  napi_value *args = inlineArgs;
  if (argc > kInline) {
    heapArgs.resize(argc);
    args = heapArgs.data();
  }
  for (size_t i = 0; i < argc; ++i) args[i] = ToNapi(info[static_cast<int>(i)]);
  napi_value result = gApi->SlowCall(call->Env, call->Binding, args, argc);
  if (result != nullptr) {
    info.GetReturnValue().Set(ToLocal(result));
    return;
  }
  RethrowHeldException(info.GetIsolate(), call->Env);
}

// I32Only: every parameter and the result (if any) are i32, the shape of
// most plug-in functions (addresses, lengths, handles, an errno); a callback
// of its own keeps that loop free of the per-type dispatch.
template <bool I32Only>
void HostCall(const v8::FunctionCallbackInfo<v8::Value> &info) {
  const auto *call = static_cast<const ws_fast_call *>(info.Data().As<v8::External>()->Value());
  const WasmEdge_FunctionInstanceContext *function = call->Function;
  const WasmEdge_FunctionTypeContext &type = function->Type;
  if (*call->Module == nullptr || static_cast<uint32_t>(info.Length()) < type.ParamCount) return SlowCall(info, call);
  if (!I32Only && (type.ParamCount > kInline || type.ResultCount > 1 ||
                   (type.ResultCount == 1 && !IsSimpleResult(type.Results[0])))) {
    return SlowCall(info, call);
  }
  WasmEdge_Value params[kInline];
  WasmEdge_Value returns[1];
  for (uint32_t i = 0; i < type.ParamCount; ++i) {
    v8::Local<v8::Value> arg = info[static_cast<int>(i)];
    if (I32Only) {
      int32_t v;
      if (!SmiValue(arg, &v)) return SlowCall(info, call);
      params[i] = ws_value_pack(static_cast<uint32_t>(v), ws_valtype_bits(type.Params[i]));
    } else if (!ToValue(arg, type.Params[i], &params[i])) {
      return SlowCall(info, call);
    }
  }
  if (type.ResultCount == 1) returns[0] = ws_value_pack(0, ws_valtype_bits(type.Results[0]));
  uint64_t epoch = ++*call->Epoch;  // the guest may have grown its memory since the last call
  WasmEdge_Result result = function->Kind == WS_FUNCTION_HOST
                               ? function->HostFunc(function->Data, call->Frame, params, returns)
                               : ws_host_function_invoke(function, call->Frame, params, returns);
  if (result.Code != 0) {
    gApi->ReportFailure(call->Env, call->Binding, result);
    RethrowHeldException(info.GetIsolate(), call->Env);
    return;
  }
  if (*call->Epoch != epoch) {
    // The bridge ran JS during the call: a trap there must still surface.
    bool pending = false;
    napi_is_exception_pending(call->Env, &pending);
    if (pending) return RethrowHeldException(info.GetIsolate(), call->Env);
  }
  if (type.ResultCount == 0) return;
  if (I32Only) {
    info.GetReturnValue().Set(static_cast<int32_t>(static_cast<uint32_t>(returns[0].Value)));
  } else {
    SetResult(info, returns[0], type.Results[0]);
  }
}

bool IsI32Only(const WasmEdge_FunctionTypeContext &type) {
  if (type.ParamCount > kInline || type.ResultCount > 1) return false;
  for (uint32_t i = 0; i < type.ParamCount; ++i) {
    if (type.Params[i].Data[2] != 0x7F) return false;
  }
  return type.ResultCount == 0 || type.Results[0].Data[2] == 0x7F;
}

void Floor(const v8::FunctionCallbackInfo<v8::Value> &info) {
  int32_t a = 0, b = 0;
  SmiValue(info[0], &a);
  SmiValue(info[1], &b);
  info.GetReturnValue().Set(static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b)));
}

napi_status MakeFunction(v8::FunctionCallback callback, void *data, const char *name, size_t length, napi_value *out) {
  v8::Isolate *isolate = v8::Isolate::GetCurrent();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> external = data ? v8::Local<v8::Value>(v8::External::New(isolate, data)) : v8::Local<v8::Value>();
  v8::Local<v8::Function> function;
  if (!v8::Function::New(context, callback, external).ToLocal(&function)) return napi_generic_failure;
  v8::Local<v8::String> functionName;
  if (!v8::String::NewFromUtf8(isolate, name, v8::NewStringType::kNormal, static_cast<int>(length)).ToLocal(&functionName)) {
    return napi_generic_failure;
  }
  function->SetName(functionName);
  *out = ToNapi(function);
  return napi_ok;
}

}  // namespace

struct ws_v8_memory {
  v8::Isolate *isolate;
  v8::Global<v8::Object> memory;       // weak, as the bridge's (the instance keeps it alive)
  v8::Global<v8::ArrayBuffer> buffer;  // weak; detached (length 0) once the memory grows
  int (*grow)(void *, uint64_t);
  void *growData;
};

namespace {

// A weak handle that is not empty holds its object in place; read it there
// (as Node's PersistentToLocal::Strong does) instead of making a new handle.
// Valid until the next allocation, so only for immediate reads.
// (A Global and a Local both hold one slot pointer in V8 11 to 13 without
// direct handles, which the build refuses; ws_v8_calls_init checks it too.)
static_assert(sizeof(v8::Global<v8::Object>) == sizeof(v8::Local<v8::Object>), "a Global holds one slot, as a Local");
template <typename T>
inline v8::Local<T> InPlace(const v8::Global<T> &global) {
  return *reinterpret_cast<const v8::Local<T> *>(&global);
}

int RefreshMemory(void *data, uint8_t **base, uint64_t *size) {
  auto *memory = static_cast<ws_v8_memory *>(data);
  if (!memory->buffer.IsEmpty()) {
    v8::Local<v8::ArrayBuffer> buffer = InPlace(memory->buffer);
    size_t length = buffer->ByteLength();
    if (length != 0) {
      *base = static_cast<uint8_t *>(buffer->Data());
      *size = length;
      return 0;
    }
  }
  // Grown (or empty): take memory.buffer again.
  v8::Isolate *isolate = memory->isolate;
  v8::HandleScope scope(isolate);
  v8::Local<v8::Object> object = memory->memory.Get(isolate);
  if (object.IsEmpty()) return 1;
  v8::TryCatch tryCatch(isolate);  // a patched getter's exception is not the guest's
  v8::Local<v8::Value> value;
  if (!object->Get(isolate->GetCurrentContext(), v8::String::NewFromUtf8Literal(isolate, "buffer")).ToLocal(&value) ||
      !value->IsArrayBuffer()) {
    return 1;
  }
  v8::Local<v8::ArrayBuffer> buffer = value.As<v8::ArrayBuffer>();
  memory->buffer.Reset(isolate, buffer);
  memory->buffer.SetWeak();
  *base = static_cast<uint8_t *>(buffer->Data());
  *size = buffer->ByteLength();
  return 0;
}

int GrowMemory(void *data, uint64_t pages) {
  auto *memory = static_cast<ws_v8_memory *>(data);
  return memory->grow(memory->growData, pages);
}

const ws_memory_hooks kMemoryHooks = {RefreshMemory, GrowMemory};

}  // namespace

WS_V8_EXPORT ws_v8_memory *ws_v8_memory_create(napi_env env, napi_value memoryObject, int (*grow)(void *, uint64_t),
                                               void *growData) {
  v8::Local<v8::Value> value = ToLocal(memoryObject);
  if (gApi == nullptr || grow == nullptr || value.IsEmpty() || !value->IsObject()) return nullptr;
  v8::Isolate *isolate = v8::Isolate::GetCurrent();
  auto *memory = new ws_v8_memory{isolate, {}, {}, grow, growData};
  memory->memory.Reset(isolate, value.As<v8::Object>());
  memory->memory.SetWeak();
  return memory;
}

WS_V8_EXPORT void ws_v8_memory_delete(ws_v8_memory *memory) { delete memory; }

WS_V8_EXPORT const ws_memory_hooks *ws_v8_memory_hooks(void) { return &kMemoryHooks; }

WS_V8_EXPORT int ws_v8_calls_abi(void) { return NODE_MODULE_VERSION; }

WS_V8_EXPORT int ws_v8_calls_init(napi_env env, const ws_v8_bridge_api *api) {
  if (api == nullptr || api->SlowCall == nullptr || api->ReportFailure == nullptr) return 1;
  v8::Isolate *isolate = v8::Isolate::GetCurrent();
  if (isolate == nullptr || isolate->GetCurrentContext().IsEmpty()) return 2;
  // Node-API values are V8 handles, and small integers are Smis as this
  // library decodes them (no pointer compression): check both both ways.
  napi_value number;
  int32_t decoded = 0;
  if (napi_create_int32(env, -123456789, &number) != napi_ok) return 3;
  v8::Local<v8::Value> local = ToLocal(number);
  if (!local->IsInt32() || !SmiValue(local, &decoded) || decoded != -123456789) return 4;
  napi_value fraction;
  if (napi_create_double(env, 0.5, &fraction) != napi_ok || SmiValue(ToLocal(fraction), &decoded)) return 5;
  int32_t back = 0;
  if (napi_get_value_int32(env, ToNapi(v8::Integer::New(isolate, 2147483647)), &back) != napi_ok || back != 2147483647) return 6;
  // A weak Global is read in place (InPlace): it must give back its object.
  v8::Local<v8::Object> object = v8::Object::New(isolate);
  v8::Global<v8::Object> weak(isolate, object);
  weak.SetWeak();
  if (InPlace(weak) != object) return 7;
  gApi = api;
  return 0;
}

WS_V8_EXPORT napi_status ws_v8_make_host_function(napi_env env, const char *name, size_t length, ws_fast_call *call,
                                                  napi_value *out) {
  if (gApi == nullptr || call == nullptr) return napi_generic_failure;
  return MakeFunction(IsI32Only(call->Function->Type) ? HostCall<true> : HostCall<false>, call, name, length, out);
}

WS_V8_EXPORT napi_status ws_v8_make_floor(napi_env env, napi_value *out) {
  return MakeFunction(Floor, nullptr, "v8Floor", 7, out);
}
