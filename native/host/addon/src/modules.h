// Module instances created by plug-ins, shared between their JS handle and the
// JS functions made from them, so that a disposed module is never called.
#pragma once
#include <napi.h>
#include <memory>
#include <string>
#include "ws_host.h"

namespace ws {

struct ModuleHolder {
  WasmEdge_ModuleInstanceContext *module = nullptr;  // NULL once disposed
  std::string pluginName;
  std::string instanceName;
  ~ModuleHolder();
  void Dispose();
};

using ModuleRef = std::shared_ptr<ModuleHolder>;

// The JS handle: an external owning one ModuleRef.
Napi::Value WrapModule(Napi::Env env, ModuleRef module);
ModuleRef UnwrapModule(const Napi::Value &value);

void RegisterModuleFunctions(Napi::Env env, Napi::Object exports);

}  // namespace ws
