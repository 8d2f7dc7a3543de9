/* Memory instances owned by the stand-in, and global instances. */
#include "check.h"

#include "wasmedge/wasmedge.h"

#define PAGE 65536u

static WasmEdge_MemoryInstanceContext *newMemory(uint64_t Min, bool HasMax, uint64_t Max) {
  WasmEdge_LimitContext *L = HasMax ? WasmEdge_LimitCreateWithMax(Min, Max, false, false) : WasmEdge_LimitCreate(Min, false);
  WasmEdge_MemoryTypeContext *T = WasmEdge_MemoryTypeCreate(L);
  WasmEdge_MemoryInstanceContext *M = WasmEdge_MemoryInstanceCreate(T);
  WasmEdge_MemoryTypeDelete(T);
  WasmEdge_LimitDelete(L);
  return M;
}

static void test_memory(void) {
  WasmEdge_MemoryInstanceContext *M = newMemory(1, true, 3);
  CHECK("memory: Create from type", M != NULL);
  CHECK_EQ_U("memory: GetPageSize in pages", WasmEdge_MemoryInstanceGetPageSize(M), 1);
  CHECK_EQ_U("memory: GetPageSize(NULL)", WasmEdge_MemoryInstanceGetPageSize(NULL), 0);
  uint8_t *P = WasmEdge_MemoryInstanceGetPointer(M, 0, PAGE);
  CHECK("memory: whole page in range", P != NULL);
  CHECK("memory: new memory is zeroed", P != NULL && P[0] == 0 && P[PAGE - 1] == 0);
  CHECK("memory: last byte in range", WasmEdge_MemoryInstanceGetPointer(M, PAGE - 1, 1) == P + PAGE - 1);
  CHECK("memory: one past the end is out of range", WasmEdge_MemoryInstanceGetPointer(M, PAGE - 1, 2) == NULL);
  CHECK("memory: zero length at the end is valid", WasmEdge_MemoryInstanceGetPointer(M, PAGE, 0) == P + PAGE);
  CHECK("memory: zero length past the end is NULL", WasmEdge_MemoryInstanceGetPointer(M, PAGE + 1, 0) == NULL);
  CHECK("memory: offset+length overflow is NULL", WasmEdge_MemoryInstanceGetPointer(M, UINT64_MAX - 1, 2) == NULL);
  CHECK("memory: huge length is NULL", WasmEdge_MemoryInstanceGetPointer(M, 1, UINT64_MAX) == NULL);
  CHECK("memory: GetPointer(NULL) is NULL", WasmEdge_MemoryInstanceGetPointer(NULL, 0, 0) == NULL);
  CHECK("memory: GetPointerConst same address", WasmEdge_MemoryInstanceGetPointerConst(M, 16, 4) == P + 16);
  CHECK("memory: GetPointerConst out of range", WasmEdge_MemoryInstanceGetPointerConst(M, PAGE, 1) == NULL);

  const uint8_t In[4] = {1, 2, 3, 4};
  WasmEdge_Result R = WasmEdge_MemoryInstanceSetData(M, In, 100, 4);
  CHECK("memory: SetData in range", WasmEdge_ResultOK(R) && memcmp(P + 100, In, 4) == 0);
  uint8_t Out[4] = {0};
  R = WasmEdge_MemoryInstanceGetData(M, Out, 100, 4);
  CHECK("memory: GetData in range", WasmEdge_ResultOK(R) && memcmp(Out, In, 4) == 0);
  R = WasmEdge_MemoryInstanceGetData(M, Out, PAGE - 2, 4);
  CHECK_EQ_U("memory: GetData out of range", R.Code, WasmEdge_ErrCode_MemoryOutOfBounds);
  R = WasmEdge_MemoryInstanceSetData(M, In, UINT64_MAX - 1, 4);
  CHECK_EQ_U("memory: SetData offset overflow", R.Code, WasmEdge_ErrCode_MemoryOutOfBounds);
  R = WasmEdge_MemoryInstanceGetData(NULL, Out, 0, 4);
  CHECK_EQ_U("memory: GetData(NULL memory)", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  R = WasmEdge_MemoryInstanceGetData(M, NULL, 0, 4);
  CHECK_EQ_U("memory: GetData(NULL buffer)", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  R = WasmEdge_MemoryInstanceSetData(M, NULL, 0, 4);
  CHECK_EQ_U("memory: SetData(NULL buffer)", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  R = WasmEdge_MemoryInstanceSetData(M, In, PAGE, 0);
  CHECK("memory: SetData zero length at the end", WasmEdge_ResultOK(R));

  R = WasmEdge_MemoryInstanceGrowPage(M, 0);
  CHECK("memory: GrowPage(0) succeeds", WasmEdge_ResultOK(R) && WasmEdge_MemoryInstanceGetPageSize(M) == 1);
  R = WasmEdge_MemoryInstanceGrowPage(M, 2);
  CHECK("memory: GrowPage within max", WasmEdge_ResultOK(R) && WasmEdge_MemoryInstanceGetPageSize(M) == 3);
  P = WasmEdge_MemoryInstanceGetPointer(M, 0, 3 * PAGE);
  CHECK("memory: grown memory keeps data and zeroes new pages",
        P != NULL && memcmp(P + 100, In, 4) == 0 && P[PAGE] == 0 && P[3 * PAGE - 1] == 0);
  R = WasmEdge_MemoryInstanceGrowPage(M, 1);
  CHECK("memory: GrowPage past max fails", R.Code == WasmEdge_ErrCode_MemoryOutOfBounds &&
                                                WasmEdge_MemoryInstanceGetPageSize(M) == 3);
  R = WasmEdge_MemoryInstanceGrowPage(M, UINT64_MAX);
  CHECK_EQ_U("memory: GrowPage huge fails", R.Code, WasmEdge_ErrCode_MemoryOutOfBounds);
  R = WasmEdge_MemoryInstanceGrowPage(NULL, 1);
  CHECK_EQ_U("memory: GrowPage(NULL)", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  const WasmEdge_MemoryTypeContext *MT = WasmEdge_MemoryInstanceGetMemoryType(M);
  CHECK("memory: GetMemoryType reports max", MT != NULL && WasmEdge_LimitGetMax(WasmEdge_MemoryTypeGetLimit(MT)) == 3);
  CHECK("memory: GetMemoryType(NULL)", WasmEdge_MemoryInstanceGetMemoryType(NULL) == NULL);

  WasmEdge_MemoryInstanceContext *Unbounded = newMemory(0, false, 0);
  CHECK("memory: zero pages", Unbounded != NULL && WasmEdge_MemoryInstanceGetPageSize(Unbounded) == 0);
  CHECK("memory: zero-page memory has no byte 0", WasmEdge_MemoryInstanceGetPointer(Unbounded, 0, 1) == NULL);
  CHECK("memory: zero-length view of a zero-page memory is valid",
        WasmEdge_MemoryInstanceGetPointer(Unbounded, 0, 0) != NULL);
  CHECK("memory: zero-length view past a zero-page memory is NULL",
        WasmEdge_MemoryInstanceGetPointer(Unbounded, 1, 0) == NULL);
  R = WasmEdge_MemoryInstanceGrowPage(Unbounded, 65537);
  CHECK_EQ_U("memory: 32-bit memory cannot exceed 65536 pages", R.Code, WasmEdge_ErrCode_MemoryOutOfBounds);
  R = WasmEdge_MemoryInstanceGrowPage(Unbounded, 2);
  CHECK("memory: unbounded memory grows", WasmEdge_ResultOK(R) && WasmEdge_MemoryInstanceGetPageSize(Unbounded) == 2);
  CHECK("memory: Create with min > max is NULL", newMemory(4, true, 2) == NULL);
  CHECK("memory: Create(NULL) is NULL", WasmEdge_MemoryInstanceCreate(NULL) == NULL);

  WasmEdge_ModuleInstanceContext *Mod = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("mem", 3));
  R = WasmEdge_ModuleInstanceAddMemory(Mod, WasmEdge_StringWrap("memory", 6), M);
  CHECK("memory: AddMemory and FindMemory", WasmEdge_ResultOK(R) &&
                                                WasmEdge_ModuleInstanceFindMemory(Mod, WasmEdge_StringWrap("memory", 6)) == M);
  WasmEdge_String Names[2];
  CHECK("memory: ListMemory", WasmEdge_ModuleInstanceListMemoryLength(Mod) == 1 &&
                                  WasmEdge_ModuleInstanceListMemory(Mod, Names, 2) == 1 && Names[0].Length == 6);
  WasmEdge_MemoryInstanceDelete(M); /* owned by Mod: refused */
  CHECK("memory: deleting an owned memory is refused", WasmEdge_MemoryInstanceGetPageSize(M) == 3);
  WasmEdge_ModuleInstanceDelete(Mod);
  WasmEdge_MemoryInstanceDelete(Unbounded);
  WasmEdge_MemoryInstanceDelete(NULL);
}

static void test_globals(void) {
  WasmEdge_GlobalTypeContext *VarI64 = WasmEdge_GlobalTypeCreate(WasmEdge_ValTypeGenI64(), WasmEdge_Mutability_Var);
  WasmEdge_GlobalTypeContext *ConstF32 = WasmEdge_GlobalTypeCreate(WasmEdge_ValTypeGenF32(), WasmEdge_Mutability_Const);
  CHECK("global: Create with a mismatched value type is NULL",
        WasmEdge_GlobalInstanceCreate(VarI64, WasmEdge_ValueGenI32(1)) == NULL);
  CHECK("global: Create(NULL type) is NULL", WasmEdge_GlobalInstanceCreate(NULL, WasmEdge_ValueGenI32(1)) == NULL);
  WasmEdge_GlobalInstanceContext *G = WasmEdge_GlobalInstanceCreate(VarI64, WasmEdge_ValueGenI64(7));
  CHECK_EQ_I("global: GetValue", WasmEdge_ValueGetI64(WasmEdge_GlobalInstanceGetValue(G)), 7);
  WasmEdge_Result R = WasmEdge_GlobalInstanceSetValue(G, WasmEdge_ValueGenI64(-9));
  CHECK("global: SetValue on a var global", WasmEdge_ResultOK(R) &&
                                                WasmEdge_ValueGetI64(WasmEdge_GlobalInstanceGetValue(G)) == -9);
  R = WasmEdge_GlobalInstanceSetValue(G, WasmEdge_ValueGenF64(1.0));
  CHECK_EQ_U("global: SetValue with a wrong type", R.Code, WasmEdge_ErrCode_SetValueErrorType);
  WasmEdge_GlobalInstanceContext *C = WasmEdge_GlobalInstanceCreate(ConstF32, WasmEdge_ValueGenF32(2.5f));
  R = WasmEdge_GlobalInstanceSetValue(C, WasmEdge_ValueGenF32(3.0f));
  CHECK("global: SetValue on a const global", R.Code == WasmEdge_ErrCode_SetValueToConst &&
                                                  WasmEdge_ValueGetF32(WasmEdge_GlobalInstanceGetValue(C)) == 2.5f);
  R = WasmEdge_GlobalInstanceSetValue(NULL, WasmEdge_ValueGenF32(3.0f));
  CHECK_EQ_U("global: SetValue(NULL)", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  const WasmEdge_GlobalTypeContext *GT = WasmEdge_GlobalInstanceGetGlobalType(G);
  CHECK("global: GetGlobalType", GT != NULL && WasmEdge_GlobalTypeGetMutability(GT) == WasmEdge_Mutability_Var &&
                                     WasmEdge_ValTypeIsI64(WasmEdge_GlobalTypeGetValType(GT)));
  CHECK("global: GetValue(NULL) is i32 0", WasmEdge_ValueGetI32(WasmEdge_GlobalInstanceGetValue(NULL)) == 0);
  WasmEdge_ModuleInstanceContext *Mod = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("g", 1));
  R = WasmEdge_ModuleInstanceAddGlobal(Mod, WasmEdge_StringWrap("counter", 7), G);
  CHECK("global: AddGlobal and FindGlobal", WasmEdge_ResultOK(R) &&
                                                WasmEdge_ModuleInstanceFindGlobal(Mod, WasmEdge_StringWrap("counter", 7)) == G &&
                                                WasmEdge_ModuleInstanceListGlobalLength(Mod) == 1);
  WasmEdge_ModuleInstanceDelete(Mod);
  WasmEdge_GlobalInstanceDelete(C);
  WasmEdge_GlobalInstanceDelete(NULL);
  WasmEdge_GlobalTypeDelete(VarI64);
  WasmEdge_GlobalTypeDelete(ConstF32);
}

void test_memory_globals(void) {
  test_memory();
  test_globals();
}
