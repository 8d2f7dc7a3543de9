// The WASMEDGE_0.17 editions of WasmEdge_ModuleInstanceAdd{Function,Table,
// Memory,Global}: same behaviour, void return (as in WasmEdge <= 0.17.1).
// Plug-ins built against 0.17.1 bind to these; newer ones get the
// WASMEDGE_0.18 default versions that return a WasmEdge_Result.
#include "internal.h"

#define WS_COMPAT_V017(Name, Instance)                                                                  \
  extern "C" __attribute__((visibility("default"))) void ws_v017_##Name(                                \
      WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String ExportName, Instance *Item) {          \
    (void)WasmEdge_##Name(Cxt, ExportName, Item);                                                       \
  }                                                                                                     \
  __asm__(".symver ws_v017_" #Name ", WasmEdge_" #Name "@WASMEDGE_0.17");

WS_COMPAT_V017(ModuleInstanceAddFunction, WasmEdge_FunctionInstanceContext)
WS_COMPAT_V017(ModuleInstanceAddTable, WasmEdge_TableInstanceContext)
WS_COMPAT_V017(ModuleInstanceAddMemory, WasmEdge_MemoryInstanceContext)
WS_COMPAT_V017(ModuleInstanceAddGlobal, WasmEdge_GlobalInstanceContext)
