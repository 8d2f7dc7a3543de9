#include "guest_binding.h"
#include "env_data.h"
#include <string>
#include "v8_loader.h"
#include "values.h"

namespace ws {

struct ExportBinding {
  GuestBinding *guest;
  napi_ref function;
  std::vector<WasmEdge_ValType> params;
  std::vector<WasmEdge_ValType> results;
};

GuestBinding::~GuestBinding() {
  if (module != nullptr) WasmEdge_ModuleInstanceDelete(module);
  if (v8Memory != nullptr) v8MemoryDelete(v8Memory);
  for (auto &binding : exports) napi_delete_reference(env, binding->function);
  if (memory != nullptr) napi_delete_reference(env, memory);
  if (buffer != nullptr) napi_delete_reference(env, buffer);
}

// Memory hooks ------------------------------------------------------------

static int RefreshMemory(void *data, uint8_t **base, uint64_t *size) {
  auto *guest = static_cast<GuestBinding *>(data);
  napi_env env = guest->env;
  napi_value buffer = nullptr;
  void *bytes = nullptr;
  size_t length = 0;
  // Hot path (every GetMemoryInstance): two Node-API calls. A detached
  // buffer (memory.grow() detaches the old ArrayBuffer) reads as NULL/0.
  if (guest->buffer != nullptr && napi_get_reference_value(env, guest->buffer, &buffer) == napi_ok &&
      buffer != nullptr && napi_get_arraybuffer_info(env, buffer, &bytes, &length) == napi_ok && length != 0) {
    *base = static_cast<uint8_t *>(bytes);
    *size = length;
    return 0;
  }
  // Take the memory's current ArrayBuffer (a getter: JS may run).
  ++*guest->epoch;
  napi_value memory = nullptr;
  if (napi_get_reference_value(env, guest->memory, &memory) != napi_ok || memory == nullptr) return 1;
  if (napi_get_named_property(env, memory, "buffer", &buffer) != napi_ok) return 1;
  if (guest->buffer != nullptr) napi_delete_reference(env, guest->buffer);
  guest->buffer = nullptr;
  if (napi_create_reference(env, buffer, 0, &guest->buffer) != napi_ok) return 1;
  if (napi_get_arraybuffer_info(env, buffer, &bytes, &length) != napi_ok) return 1;
  *base = static_cast<uint8_t *>(bytes);
  *size = length;
  return 0;
}

static int GrowMemory(void *data, uint64_t pages) {
  auto *guest = static_cast<GuestBinding *>(data);
  napi_env env = guest->env;
  napi_value memory, grow, count, ignored;
  if (pages > 65536) return 1;
  ++*guest->epoch;  // JS runs, and other memory instances of this memory are out of date
  if (napi_get_reference_value(env, guest->memory, &memory) != napi_ok) return 1;
  if (napi_get_named_property(env, memory, "grow", &grow) != napi_ok) return 1;
  napi_create_double(env, static_cast<double>(pages), &count);
  if (napi_call_function(env, memory, grow, 1, &count, &ignored) != napi_ok) {
    // RangeError: over the maximum. The plug-in gets an error code instead.
    napi_value error;
    napi_get_and_clear_last_exception(env, &error);
    return 1;
  }
  return 0;
}

static const ws_memory_hooks kMemoryHooks = {RefreshMemory, GrowMemory};

// Guest exports for re-entrant calls ------------------------------------------

static WasmEdge_Result CallExport(void *data, const WasmEdge_Value *params, uint32_t paramCount,
                                 WasmEdge_Value *returns, uint32_t returnCount) {
  auto *binding = static_cast<ExportBinding *>(data);
  napi_env env = binding->guest->env;
  const WasmEdge_Result hostFuncError = WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_HostFuncError);
  if (paramCount != binding->params.size() || returnCount != binding->results.size()) {
    return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_FuncSigMismatch);
  }
  napi_value function, global, result;
  std::vector<napi_value> args(paramCount);
  for (uint32_t i = 0; i < paramCount; ++i) args[i] = FromWasmEdgeValue(env, params[i], binding->params[i]);
  if (napi_get_reference_value(env, binding->function, &function) != napi_ok || function == nullptr) {
    return hostFuncError;
  }
  napi_get_global(env, &global);
  // A trap inside the export stays pending and surfaces when the host call
  // returns. The guest may have grown its memory: bump after the call too.
  ++*binding->guest->epoch;
  napi_status status = napi_call_function(env, global, function, paramCount, args.data(), &result);
  ++*binding->guest->epoch;
  if (status != napi_ok) return hostFuncError;
  if (returnCount == 1) {
    if (!ToWasmEdgeValue(env, result, binding->results[0], &returns[0])) return hostFuncError;
  } else if (returnCount > 1) {
    for (uint32_t i = 0; i < returnCount; ++i) {
      napi_value element;
      if (napi_get_element(env, result, i, &element) != napi_ok ||
          !ToWasmEdgeValue(env, element, binding->results[i], &returns[i])) {
        return hostFuncError;
      }
    }
  }
  return WasmEdge_Result_Success;
}

// JS entry points -------------------------------------------------------------

GuestRef UnwrapGuest(const Napi::Value &value) {
  if (!value.IsExternal()) return nullptr;
  GuestRef *ref = value.As<Napi::External<GuestRef>>().Data();
  return ref ? *ref : nullptr;
}

// createGuestBinding(moduleName) -> handle
static Napi::Value CreateGuestBinding(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  std::string name = info[0].IsString() ? info[0].As<Napi::String>().Utf8Value() : std::string();
  auto guest = std::make_shared<GuestBinding>();
  guest->env = env;
  guest->epoch = &GetEnvData(env)->epoch;
  WasmEdge_String moduleName = WasmEdge_StringCreateByBuffer(name.data(), static_cast<uint32_t>(name.size()));
  guest->module = WasmEdge_ModuleInstanceCreate(moduleName);
  WasmEdge_StringDelete(moduleName);
  guest->frame.Module = guest->module;
  guest->frame.Memory0 = nullptr;
  guest->frame.Executor = ws_host_executor();
  auto *box = new GuestRef(std::move(guest));
  return Napi::External<GuestRef>::New(env, box, [](Napi::Env, GuestRef *ref) { delete ref; });
}

// attachGuestMemory(handle, memory: WebAssembly.Memory)
static Napi::Value AttachGuestMemory(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  GuestRef guest = UnwrapGuest(info[0]);
  if (!guest || !info[1].IsObject()) {
    Napi::TypeError::New(env, "attachGuestMemory(binding, memory) needs a WebAssembly.Memory").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (guest->memory != nullptr) {
    Napi::Error::New(env, "a memory is already attached to this guest").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  // Weak: the guest instance keeps its memory alive; a strong reference here
  // would form a cycle through the host functions that V8 cannot collect.
  napi_create_reference(env, info[1], 0, &guest->memory);
  const ws_memory_hooks *hooks = &kMemoryHooks;
  void *hookData = guest.get();
  const V8Calls *v8 = GetV8Calls(env);
  if (v8 != nullptr && (guest->v8Memory = v8->memoryCreate(env, info[1], GrowMemory, guest.get())) != nullptr) {
    guest->v8MemoryDelete = v8->memoryDelete;
    hooks = v8->memoryHooks();
    hookData = guest->v8Memory;
  }
  WasmEdge_MemoryInstanceContext *memory = ws_host_memory_create_embedder(hooks, hookData);
  if (memory != nullptr) memory->Epoch = guest->epoch;  // re-read at most once per host call (ws_host.h)
  WasmEdge_String name = WasmEdge_StringWrap("memory", 6);
  WasmEdge_ModuleInstanceAddMemory(guest->module, name, memory);
  guest->frame.Memory0 = memory;
  ws_host_memory_refresh(memory);
  return env.Undefined();
}

// attachGuestExports(handle, exports: object, types: [{ name, params, results }])
static Napi::Value AttachGuestExports(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  GuestRef guest = UnwrapGuest(info[0]);
  if (!guest || !info[1].IsObject() || !info[2].IsArray()) {
    Napi::TypeError::New(env, "attachGuestExports(binding, exports, types)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Napi::Object exports = info[1].As<Napi::Object>();
  Napi::Array types = info[2].As<Napi::Array>();
  for (uint32_t i = 0; i < types.Length(); ++i) {
    Napi::Object type = types.Get(i).As<Napi::Object>();
    std::string name = type.Get("name").As<Napi::String>().Utf8Value();
    Napi::Value function = exports.Get(name);
    if (!function.IsFunction()) continue;
    auto binding = std::make_unique<ExportBinding>();
    binding->guest = guest.get();
    bool supported = true;
    for (const char *key : {"params", "results"}) {
      Napi::Array list = type.Get(key).As<Napi::Array>();
      auto &target = std::string(key) == "params" ? binding->params : binding->results;
      for (uint32_t j = 0; j < list.Length(); ++j) {
        WasmEdge_ValType valType;
        if (!KindFromName(list.Get(j).As<Napi::String>().Utf8Value(), &valType)) supported = false;
        target.push_back(valType);
      }
    }
    if (!supported) continue;  // v128/reference types cannot be called from the host
    WasmEdge_FunctionTypeContext *functionType = WasmEdge_FunctionTypeCreate(
        binding->params.data(), static_cast<uint32_t>(binding->params.size()), binding->results.data(),
        static_cast<uint32_t>(binding->results.size()));
    napi_create_reference(env, function, 0, &binding->function);  // weak, as the memory
    WasmEdge_FunctionInstanceContext *instance =
        ws_host_function_create_embedder(functionType, CallExport, binding.get());
    WasmEdge_FunctionTypeDelete(functionType);
    WasmEdge_String exportName = WasmEdge_StringCreateByBuffer(name.data(), static_cast<uint32_t>(name.size()));
    WasmEdge_ModuleInstanceAddFunction(guest->module, exportName, instance);
    WasmEdge_StringDelete(exportName);
    guest->exports.push_back(std::move(binding));
  }
  return env.Undefined();
}

void RegisterGuestFunctions(Napi::Env env, Napi::Object exports) {
  exports.Set("createGuestBinding", Napi::Function::New(env, CreateGuestBinding, "createGuestBinding"));
  exports.Set("attachGuestMemory", Napi::Function::New(env, AttachGuestMemory, "attachGuestMemory"));
  exports.Set("attachGuestExports", Napi::Function::New(env, AttachGuestExports, "attachGuestExports"));
}

}  // namespace ws
