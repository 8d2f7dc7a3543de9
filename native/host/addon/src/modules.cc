#include "modules.h"
#include <vector>
#include "values.h"

namespace ws {

ModuleHolder::~ModuleHolder() { Dispose(); }

void ModuleHolder::Dispose() {
  if (module != nullptr) {
    // Runs the plug-in's host-data finalizer.
    WasmEdge_ModuleInstanceDelete(module);
    module = nullptr;
  }
}

Napi::Value WrapModule(Napi::Env env, ModuleRef module) {
  auto *box = new ModuleRef(std::move(module));
  return Napi::External<ModuleRef>::New(env, box, [](Napi::Env, ModuleRef *ref) { delete ref; });
}

ModuleRef UnwrapModule(const Napi::Value &value) {
  if (!value.IsExternal()) return nullptr;
  ModuleRef *ref = value.As<Napi::External<ModuleRef>>().Data();
  return ref ? *ref : nullptr;
}

static std::string ToStdString(WasmEdge_String s) {
  return s.Buf ? std::string(s.Buf, s.Length) : std::string();
}

// moduleInfo(handle) -> { name, functions: [{ name, params, results }] }
static Napi::Value ModuleInfo(const Napi::CallbackInfo &info) {
  Napi::Env env = info.Env();
  ModuleRef module = UnwrapModule(info[0]);
  if (!module || module->module == nullptr) {
    Napi::Error::New(env, "module instance was disposed").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  Napi::Object result = Napi::Object::New(env);
  result.Set("name", module->instanceName);
  uint32_t count = WasmEdge_ModuleInstanceListFunctionLength(module->module);
  std::vector<WasmEdge_String> names(count);
  count = WasmEdge_ModuleInstanceListFunction(module->module, names.data(), count);
  Napi::Array functions = Napi::Array::New(env, count);
  for (uint32_t i = 0; i < count; ++i) {
    const WasmEdge_FunctionInstanceContext *fn = WasmEdge_ModuleInstanceFindFunction(module->module, names[i]);
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("name", ToStdString(names[i]));
    entry.Set("params", TypeNames(env, fn->Type.Params, fn->Type.ParamCount));
    entry.Set("results", TypeNames(env, fn->Type.Results, fn->Type.ResultCount));
    functions.Set(i, entry);
  }
  result.Set("functions", functions);
  return result;
}

static Napi::Value DisposeModule(const Napi::CallbackInfo &info) {
  ModuleRef module = UnwrapModule(info[0]);
  if (module) module->Dispose();
  return info.Env().Undefined();
}

void RegisterModuleFunctions(Napi::Env env, Napi::Object exports) {
  exports.Set("moduleInfo", Napi::Function::New(env, ModuleInfo, "moduleInfo"));
  exports.Set("disposeModule", Napi::Function::New(env, DisposeModule, "disposeModule"));
}

}  // namespace ws
