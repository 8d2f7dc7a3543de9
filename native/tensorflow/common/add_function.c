#include "add_function.h"

#include <string.h>

static void to_types(const char *Spec, WasmEdge_ValType *Types) {
  for (size_t I = 0; Spec[I] != '\0'; ++I) Types[I] = Spec[I] == 'I' ? WasmEdge_ValTypeGenI64() : WasmEdge_ValTypeGenI32();
}

bool ws_add_function(WasmEdge_ModuleInstanceContext *Module, const char *Name, const char *Params,
                     const char *Results, WasmEdge_HostFunc_t Function, void *Data) {
  WasmEdge_ValType ParamTypes[16], ResultTypes[2];
  const size_t ParamCount = strlen(Params), ResultCount = strlen(Results);
  if (ParamCount > 16 || ResultCount > 2) return false;
  to_types(Params, ParamTypes);
  to_types(Results, ResultTypes);
  WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionTypeCreate(
      ParamCount > 0 ? ParamTypes : NULL, (uint32_t)ParamCount, ResultCount > 0 ? ResultTypes : NULL, (uint32_t)ResultCount);
  if (Type == NULL) return false;
  WasmEdge_FunctionInstanceContext *Instance = WasmEdge_FunctionInstanceCreate(Type, Function, Data, 0);
  WasmEdge_FunctionTypeDelete(Type);
  if (Instance == NULL) return false;
  WasmEdge_String FunctionName = WasmEdge_StringCreateByCString(Name);
  WasmEdge_Result Added = WasmEdge_ModuleInstanceAddFunction(Module, FunctionName, Instance);
  WasmEdge_StringDelete(FunctionName);
  return WasmEdge_ResultOK(Added);
}
