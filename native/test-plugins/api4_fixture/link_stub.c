/* Link-time stand-in for WasmEdge 0.16's libwasmedge.so.0: the same SONAME
 * and no symbol versions, so api4_fixture records unversioned references, as
 * a plug-in linked against WasmEdge 0.14.1-0.16 does. Never loaded: at run
 * time the fixture binds to ws's libwasmedge.so.0, where unversioned
 * references resolve to the WASMEDGE_0.16 editions. Only names matter here. */
#define WS_STUB(Name)                                  \
  __attribute__((visibility("default"))) void Name(void); \
  void Name(void) {}

WS_STUB(WasmEdge_ValTypeGenI32)
WS_STUB(WasmEdge_ValTypeGenFuncRef)
WS_STUB(WasmEdge_ValueGenI32)
WS_STUB(WasmEdge_ValueGetI32)
WS_STUB(WasmEdge_StringCreateByCString)
WS_STUB(WasmEdge_StringDelete)
WS_STUB(WasmEdge_LimitIsEqual)
WS_STUB(WasmEdge_MemoryTypeCreate)
WS_STUB(WasmEdge_MemoryTypeGetLimit)
WS_STUB(WasmEdge_TableTypeCreate)
WS_STUB(WasmEdge_TableTypeGetLimit)
WS_STUB(WasmEdge_MemoryTypeDelete)
WS_STUB(WasmEdge_TableTypeDelete)
WS_STUB(WasmEdge_FunctionTypeCreate)
WS_STUB(WasmEdge_FunctionTypeDelete)
WS_STUB(WasmEdge_FunctionInstanceCreate)
WS_STUB(WasmEdge_ModuleInstanceCreate)
WS_STUB(WasmEdge_ModuleInstanceAddFunction)
WS_STUB(WasmEdge_CallingFrameGetMemoryInstance)
WS_STUB(WasmEdge_MemoryInstanceGetPointer)
