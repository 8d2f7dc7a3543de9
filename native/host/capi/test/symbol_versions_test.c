/* The version nodes plug-ins bind to (WasmEdge's libwasmedge.lds). */
#include "check.h"

#include <dlfcn.h>

#include "wasmedge/wasmedge.h"

typedef void (*AddFunctionV017)(WasmEdge_ModuleInstanceContext *, WasmEdge_String, WasmEdge_FunctionInstanceContext *);
typedef WasmEdge_Result (*AddFunctionV018)(WasmEdge_ModuleInstanceContext *, WasmEdge_String,
                                           WasmEdge_FunctionInstanceContext *);

static WasmEdge_Result nop(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                           WasmEdge_Value *Out) {
  (void)Data;
  (void)Frame;
  (void)In;
  (void)Out;
  return WasmEdge_Result_Success;
}

void test_symbol_versions(void) {
  CHECK("symver: ValueGenI32@WASMEDGE_0.16", dlvsym(RTLD_DEFAULT, "WasmEdge_ValueGenI32", "WASMEDGE_0.16") != NULL);
  CHECK("symver: LimitIsEqual@WASMEDGE_0.17", dlvsym(RTLD_DEFAULT, "WasmEdge_LimitIsEqual", "WASMEDGE_0.17") != NULL);
  CHECK("symver: MemoryTypeCreate@WASMEDGE_0.17",
        dlvsym(RTLD_DEFAULT, "WasmEdge_MemoryTypeCreate", "WASMEDGE_0.17") != NULL);
  CHECK("symver: MemoryTypeGetLimit@WASMEDGE_0.17",
        dlvsym(RTLD_DEFAULT, "WasmEdge_MemoryTypeGetLimit", "WASMEDGE_0.17") != NULL);
  CHECK("symver: ws_host_executor@WS_HOST_1", dlvsym(RTLD_DEFAULT, "ws_host_executor", "WS_HOST_1") != NULL);
  const char *Adds[] = {"WasmEdge_ModuleInstanceAddFunction", "WasmEdge_ModuleInstanceAddTable",
                        "WasmEdge_ModuleInstanceAddMemory", "WasmEdge_ModuleInstanceAddGlobal"};
  for (int I = 0; I < 4; ++I) {
    char Name[160];
    void *V17 = dlvsym(RTLD_DEFAULT, Adds[I], "WASMEDGE_0.17");
    void *V18 = dlvsym(RTLD_DEFAULT, Adds[I], "WASMEDGE_0.18");
    snprintf(Name, sizeof(Name), "symver: %s has @WASMEDGE_0.17 and @@WASMEDGE_0.18", Adds[I]);
    CHECK(Name, V17 != NULL && V18 != NULL && V17 != V18);
    snprintf(Name, sizeof(Name), "symver: %s default is WASMEDGE_0.18", Adds[I]);
    CHECK(Name, dlsym(RTLD_DEFAULT, Adds[I]) == V18);
  }
  AddFunctionV017 Old = (AddFunctionV017)dlvsym(RTLD_DEFAULT, "WasmEdge_ModuleInstanceAddFunction", "WASMEDGE_0.17");
  AddFunctionV018 New = (AddFunctionV018)dlvsym(RTLD_DEFAULT, "WasmEdge_ModuleInstanceAddFunction", "WASMEDGE_0.18");
  if (Old != NULL && New != NULL) {
    WasmEdge_FunctionTypeContext *T = WasmEdge_FunctionTypeCreate(NULL, 0, NULL, 0);
    WasmEdge_ModuleInstanceContext *M = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("m", 1));
    Old(M, WasmEdge_StringWrap("old", 3), WasmEdge_FunctionInstanceCreate(T, nop, NULL, 0));
    WasmEdge_Result R = New(M, WasmEdge_StringWrap("new", 3), WasmEdge_FunctionInstanceCreate(T, nop, NULL, 0));
    CHECK("symver: both editions add functions", WasmEdge_ResultOK(R) &&
                                                     WasmEdge_ModuleInstanceListFunctionLength(M) == 2);
    WasmEdge_ModuleInstanceDelete(M);
    WasmEdge_FunctionTypeDelete(T);
  }
  CHECK("symver: internal symbols are not exported", dlsym(RTLD_DEFAULT, "ws_v017_ModuleInstanceAddFunction") == NULL);
}
