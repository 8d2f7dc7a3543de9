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

/* WasmEdge_Limit of plug-in API 4 (12 bytes, passed and returned by value). */
typedef struct LimitV4 {
  bool HasMax;
  bool Shared;
  uint32_t Min;
  uint32_t Max;
} LimitV4;

typedef bool (*LimitIsEqualV016)(LimitV4, LimitV4);
typedef WasmEdge_MemoryTypeContext *(*MemoryTypeCreateV016)(LimitV4);
typedef LimitV4 (*MemoryTypeGetLimitV016)(const WasmEdge_MemoryTypeContext *);
typedef WasmEdge_TableTypeContext *(*TableTypeCreateV016)(WasmEdge_ValType, LimitV4);
typedef LimitV4 (*TableTypeGetLimitV016)(const WasmEdge_TableTypeContext *);

/* The API-4 editions (@WASMEDGE_0.16) next to the API-5 defaults (@@WASMEDGE_0.17). */
static void test_limit_editions(void) {
  const char *Changed[] = {"WasmEdge_LimitIsEqual", "WasmEdge_MemoryTypeCreate", "WasmEdge_MemoryTypeGetLimit",
                           "WasmEdge_TableTypeCreate", "WasmEdge_TableTypeGetLimit"};
  for (int I = 0; I < 5; ++I) {
    char Name[160];
    void *V16 = dlvsym(RTLD_DEFAULT, Changed[I], "WASMEDGE_0.16");
    void *V17 = dlvsym(RTLD_DEFAULT, Changed[I], "WASMEDGE_0.17");
    snprintf(Name, sizeof(Name), "symver: %s has @WASMEDGE_0.16 and @@WASMEDGE_0.17", Changed[I]);
    CHECK(Name, V16 != NULL && V17 != NULL && V16 != V17);
    snprintf(Name, sizeof(Name), "symver: %s default is WASMEDGE_0.17", Changed[I]);
    CHECK(Name, dlsym(RTLD_DEFAULT, Changed[I]) == V17);
  }
  LimitIsEqualV016 IsEqual = (LimitIsEqualV016)dlvsym(RTLD_DEFAULT, "WasmEdge_LimitIsEqual", "WASMEDGE_0.16");
  MemoryTypeCreateV016 MemCreate =
      (MemoryTypeCreateV016)dlvsym(RTLD_DEFAULT, "WasmEdge_MemoryTypeCreate", "WASMEDGE_0.16");
  MemoryTypeGetLimitV016 MemLimit =
      (MemoryTypeGetLimitV016)dlvsym(RTLD_DEFAULT, "WasmEdge_MemoryTypeGetLimit", "WASMEDGE_0.16");
  TableTypeCreateV016 TabCreate = (TableTypeCreateV016)dlvsym(RTLD_DEFAULT, "WasmEdge_TableTypeCreate", "WASMEDGE_0.16");
  TableTypeGetLimitV016 TabLimit =
      (TableTypeGetLimitV016)dlvsym(RTLD_DEFAULT, "WasmEdge_TableTypeGetLimit", "WASMEDGE_0.16");
  if (!IsEqual || !MemCreate || !MemLimit || !TabCreate || !TabLimit) return;

  LimitV4 A = {true, false, 2, 9}, B = {true, false, 2, 9}, C = {true, false, 2, 8}, D = {false, false, 2, 9};
  CHECK("v0.16 LimitIsEqual: same fields", IsEqual(A, B));
  CHECK("v0.16 LimitIsEqual: other max", !IsEqual(A, C));
  CHECK("v0.16 LimitIsEqual: HasMax differs", !IsEqual(A, D));

  WasmEdge_MemoryTypeContext *Mem = MemCreate((LimitV4){true, false, 1, 3});
  LimitV4 Back = MemLimit(Mem);
  CHECK("v0.16 MemoryTypeGetLimit returns the struct", Back.HasMax && !Back.Shared && Back.Min == 1 && Back.Max == 3);
  const WasmEdge_LimitContext *Seen = WasmEdge_MemoryTypeGetLimit(Mem);
  CHECK("v0.16 MemoryTypeCreate: the API-5 getter sees the same limit",
        WasmEdge_LimitGetMin(Seen) == 1 && WasmEdge_LimitGetMax(Seen) == 3 && WasmEdge_LimitHasMax(Seen));
  WasmEdge_MemoryTypeDelete(Mem);
  Mem = MemCreate((LimitV4){false, false, 4, 0});
  Back = MemLimit(Mem);
  CHECK("v0.16 MemoryTypeGetLimit: no maximum reads as the minimum", !Back.HasMax && Back.Min == 4 && Back.Max == 4);
  WasmEdge_MemoryTypeDelete(Mem);
  WasmEdge_LimitContext *Big = WasmEdge_LimitCreateWithMax(5, 7, false, true);
  Mem = WasmEdge_MemoryTypeCreate(Big);
  Back = MemLimit(Mem);
  CHECK("v0.16 MemoryTypeGetLimit of an API-5 type", Back.HasMax && Back.Shared && Back.Min == 5 && Back.Max == 7);
  WasmEdge_MemoryTypeDelete(Mem);
  WasmEdge_LimitDelete(Big);
  Back = MemLimit(NULL);
  CHECK("v0.16 MemoryTypeGetLimit(NULL) is all zero", !Back.HasMax && !Back.Shared && Back.Min == 0 && Back.Max == 0);

  WasmEdge_TableTypeContext *Tab = TabCreate(WasmEdge_ValTypeGenExternRef(), (LimitV4){true, false, 10, 20});
  Back = TabLimit(Tab);
  CHECK("v0.16 TableTypeCreate/GetLimit", Tab != NULL && Back.HasMax && Back.Min == 10 && Back.Max == 20);
  CHECK("v0.16 TableTypeCreate keeps the reference type",
        WasmEdge_ValTypeIsExternRef(WasmEdge_TableTypeGetRefType(Tab)));
  Seen = WasmEdge_TableTypeGetLimit(Tab);
  CHECK("v0.16 TableTypeCreate: the API-5 getter sees the same limit",
        WasmEdge_LimitGetMin(Seen) == 10 && WasmEdge_LimitGetMax(Seen) == 20);
  WasmEdge_TableTypeDelete(Tab);
  CHECK("v0.16 TableTypeCreate refuses a number type", TabCreate(WasmEdge_ValTypeGenI32(), A) == NULL);
  CHECK("symver: internal compat names are not exported", dlsym(RTLD_DEFAULT, "ws_v016_MemoryTypeCreate") == NULL);
}

void test_symbol_versions(void) {
  test_limit_editions();
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
