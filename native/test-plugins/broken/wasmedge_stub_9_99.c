/*
 * A stand-in for libwasmedge.so.0 that exists only at link time of the
 * unknown_symbol_version fixture: it defines the symbols minimal_plugin.c uses
 * in the symbol version node WASMEDGE_9.99 (wasmedge_stub_9_99.map), so the
 * fixture's .gnu.version_r needs a version no real libwasmedge has. It is
 * never loaded; the bodies only have to link.
 */
#include <wasmedge/wasmedge.h>

#include <string.h>

WasmEdge_String WasmEdge_StringCreateByCString(const char *Str) {
  return (WasmEdge_String){(uint32_t)strlen(Str), Str};
}
void WasmEdge_StringDelete(WasmEdge_String Str) {}
WasmEdge_ModuleInstanceContext *WasmEdge_ModuleInstanceCreate(const WasmEdge_String ModuleName) { return NULL; }
WasmEdge_ValType WasmEdge_ValTypeGenI32(void) { return (WasmEdge_ValType){{0}}; }
WasmEdge_Value WasmEdge_ValueGenI32(const int32_t Val) { return (WasmEdge_Value){0}; }
WasmEdge_FunctionTypeContext *WasmEdge_FunctionTypeCreate(const WasmEdge_ValType *ParamList, const uint32_t ParamLen,
                                                          const WasmEdge_ValType *ReturnList, const uint32_t ReturnLen) {
  return NULL;
}
void WasmEdge_FunctionTypeDelete(WasmEdge_FunctionTypeContext *Cxt) {}
WasmEdge_FunctionInstanceContext *WasmEdge_FunctionInstanceCreate(const WasmEdge_FunctionTypeContext *Type,
                                                                  WasmEdge_HostFunc_t HostFunc, void *Data,
                                                                  const uint64_t Cost) {
  return NULL;
}
WasmEdge_Result WasmEdge_ModuleInstanceAddFunction(WasmEdge_ModuleInstanceContext *Cxt, const WasmEdge_String Name,
                                                   WasmEdge_FunctionInstanceContext *FuncCxt) {
  return WasmEdge_Result_Fail;
}
