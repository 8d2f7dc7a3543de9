// Module instances: a named set of exports the module owns, plus host data
// whose finalizer runs when the module is deleted.
#include "internal.h"
#include "log.h"

#include <new>

namespace {

void deleteInstance(WasmEdge_FunctionInstanceContext *F) noexcept { ws::deleteFunctionInstance(F); }
void deleteInstance(WasmEdge_MemoryInstanceContext *M) noexcept { ws::deleteMemoryInstance(M); }
void deleteInstance(WasmEdge_GlobalInstanceContext *G) noexcept { ws::deleteGlobalInstance(G); }
void deleteInstance(WasmEdge_TableInstanceContext *T) noexcept { delete T; }

// Adds Instance under Name; the module takes ownership. A second export with
// the same name replaces (and destroys) the first, as WasmEdge's
// insert_or_assign does. An instance that already belongs to a module is
// refused: two owners would free it twice.
template <typename Instance>
WasmEdge_Result addExport(WasmEdge_ModuleInstanceContext *Module, std::map<std::string, Instance *> &Exports,
                          const WasmEdge_String &Name, Instance *Item, const char *Kind) noexcept {
  if (Module == nullptr || Item == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  if (Item->Owner != nullptr) {
    ws::logMessage(WasmEdge_LogLevel_Error,
                   "a %s instance was added to module \"%s\" but already belongs to a module; "
                   "create one instance per export",
                   Kind, Module->Name.c_str());
    return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  }
  try {
    std::string Key = ws::toStdString(Name);
    auto Found = Exports.find(Key);
    if (Found != Exports.end()) {
      deleteInstance(Found->second);
      Found->second = Item;
    } else {
      Exports.emplace(std::move(Key), Item);
    }
  } catch (...) {
    return ws::makeResult(WasmEdge_ErrCode_RuntimeError);
  }
  Item->Owner = Module;
  return ws::kSuccess;
}

template <typename Instance>
Instance *findExport(const WasmEdge_ModuleInstanceContext *Module,
                     const std::map<std::string, Instance *> WasmEdge_ModuleInstanceContext::*Exports,
                     const WasmEdge_String &Name) noexcept {
  if (Module == nullptr) return nullptr;
  try {
    const auto &Map = Module->*Exports;
    auto Found = Map.find(ws::toStdString(Name));
    return Found == Map.end() ? nullptr : Found->second;
  } catch (...) {
    return nullptr;
  }
}

template <typename Instance>
uint32_t listExports(const std::map<std::string, Instance *> &Exports, WasmEdge_String *Names, uint32_t Len) noexcept {
  if (Names != nullptr) {
    uint32_t I = 0;
    for (const auto &Entry : Exports) {
      if (I >= Len) break;
      Names[I++] = ws::wrapStdString(Entry.first);
    }
  }
  return static_cast<uint32_t>(Exports.size());
}

template <typename Instance>
void deleteExports(std::map<std::string, Instance *> &Exports) noexcept {
  for (auto &Entry : Exports) deleteInstance(Entry.second);
  Exports.clear();
}

}  // namespace

WS_EXPORT WasmEdge_ModuleInstanceContext *WasmEdge_ModuleInstanceCreateWithData(const WasmEdge_String ModuleName,
                                                                               void *HostData,
                                                                               void (*Finalizer)(void *)) {
  try {
    auto *M = new WasmEdge_ModuleInstanceContext();
    M->Name = ws::toStdString(ModuleName);
    M->HostData = HostData;
    M->Finalizer = Finalizer;
    return M;
  } catch (...) {
    return nullptr;
  }
}

WS_EXPORT WasmEdge_ModuleInstanceContext *WasmEdge_ModuleInstanceCreate(const WasmEdge_String ModuleName) {
  return WasmEdge_ModuleInstanceCreateWithData(ModuleName, nullptr, nullptr);
}

WS_EXPORT WasmEdge_String WasmEdge_ModuleInstanceGetModuleName(const WasmEdge_ModuleInstanceContext *Cxt) {
  if (Cxt == nullptr) return WasmEdge_String{0, nullptr};
  return ws::wrapStdString(Cxt->Name);
}

WS_EXPORT void *WasmEdge_ModuleInstanceGetHostData(const WasmEdge_ModuleInstanceContext *Cxt) {
  return Cxt != nullptr ? Cxt->HostData : nullptr;
}

WS_EXPORT WasmEdge_FunctionInstanceContext *WasmEdge_ModuleInstanceFindFunction(const WasmEdge_ModuleInstanceContext *Cxt,
                                                                               const WasmEdge_String Name) {
  return findExport(Cxt, &WasmEdge_ModuleInstanceContext::Functions, Name);
}

WS_EXPORT WasmEdge_MemoryInstanceContext *WasmEdge_ModuleInstanceFindMemory(const WasmEdge_ModuleInstanceContext *Cxt,
                                                                           const WasmEdge_String Name) {
  return findExport(Cxt, &WasmEdge_ModuleInstanceContext::Memories, Name);
}

WS_EXPORT WasmEdge_GlobalInstanceContext *WasmEdge_ModuleInstanceFindGlobal(const WasmEdge_ModuleInstanceContext *Cxt,
                                                                           const WasmEdge_String Name) {
  return findExport(Cxt, &WasmEdge_ModuleInstanceContext::Globals, Name);
}

WS_EXPORT uint32_t WasmEdge_ModuleInstanceListFunctionLength(const WasmEdge_ModuleInstanceContext *Cxt) {
  return Cxt != nullptr ? static_cast<uint32_t>(Cxt->Functions.size()) : 0;
}

WS_EXPORT uint32_t WasmEdge_ModuleInstanceListFunction(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names,
                                                       const uint32_t Len) {
  return Cxt != nullptr ? listExports(Cxt->Functions, Names, Len) : 0;
}

WS_EXPORT uint32_t WasmEdge_ModuleInstanceListMemoryLength(const WasmEdge_ModuleInstanceContext *Cxt) {
  return Cxt != nullptr ? static_cast<uint32_t>(Cxt->Memories.size()) : 0;
}

WS_EXPORT uint32_t WasmEdge_ModuleInstanceListMemory(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names,
                                                     const uint32_t Len) {
  return Cxt != nullptr ? listExports(Cxt->Memories, Names, Len) : 0;
}

WS_EXPORT uint32_t WasmEdge_ModuleInstanceListGlobalLength(const WasmEdge_ModuleInstanceContext *Cxt) {
  return Cxt != nullptr ? static_cast<uint32_t>(Cxt->Globals.size()) : 0;
}

WS_EXPORT uint32_t WasmEdge_ModuleInstanceListGlobal(const WasmEdge_ModuleInstanceContext *Cxt, WasmEdge_String *Names,
                                                     const uint32_t Len) {
  return Cxt != nullptr ? listExports(Cxt->Globals, Names, Len) : 0;
}

// These four are exported twice (see libwasmedge.map and compat_symbols.cpp):
// as WASMEDGE_0.18 returning a result and as WASMEDGE_0.17 returning void.
// One implementation serves both: a void caller ignores the return register.
WS_EXPORT WasmEdge_Result WasmEdge_ModuleInstanceAddFunction(WasmEdge_ModuleInstanceContext *Cxt,
                                                             const WasmEdge_String Name,
                                                             WasmEdge_FunctionInstanceContext *FuncCxt) {
  if (Cxt == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  return addExport(Cxt, Cxt->Functions, Name, FuncCxt, "function");
}

WS_EXPORT WasmEdge_Result WasmEdge_ModuleInstanceAddTable(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name,
                                                          WasmEdge_TableInstanceContext *TableCxt) {
  if (Cxt == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  return addExport(Cxt, Cxt->Tables, Name, TableCxt, "table");
}

WS_EXPORT WasmEdge_Result WasmEdge_ModuleInstanceAddMemory(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name,
                                                           WasmEdge_MemoryInstanceContext *MemoryCxt) {
  if (Cxt == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  return addExport(Cxt, Cxt->Memories, Name, MemoryCxt, "memory");
}

WS_EXPORT WasmEdge_Result WasmEdge_ModuleInstanceAddGlobal(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name,
                                                           WasmEdge_GlobalInstanceContext *GlobalCxt) {
  if (Cxt == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  return addExport(Cxt, Cxt->Globals, Name, GlobalCxt, "global");
}

WS_EXPORT void WasmEdge_ModuleInstanceDelete(WasmEdge_ModuleInstanceContext *Cxt) {
  if (Cxt == nullptr) return;
  // WasmEdge runs the finalizer first (destructor body), then frees exports.
  if (Cxt->Finalizer != nullptr) Cxt->Finalizer(Cxt->HostData);
  deleteExports(Cxt->Functions);
  deleteExports(Cxt->Memories);
  deleteExports(Cxt->Globals);
  deleteExports(Cxt->Tables);
  delete Cxt;
}
