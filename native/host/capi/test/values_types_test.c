/* Value types (8-byte encoding), values, limits, function/memory/global types. */
#include "check.h"

#include "wasmedge/wasmedge.h"

static bool bytesAre(WasmEdge_ValType T, uint8_t Code, uint8_t Heap) {
  static const uint8_t Zero[4] = {0, 0, 0, 0};
  return T.Data[2] == Code && T.Data[3] == Heap && memcmp(T.Data + 4, Zero, 4) == 0;
}

static void test_valtypes(void) {
  CHECK("valtype: I32 bytes 7F 40", bytesAre(WasmEdge_ValTypeGenI32(), 0x7F, 0x40));
  CHECK("valtype: I64 bytes 7E 40", bytesAre(WasmEdge_ValTypeGenI64(), 0x7E, 0x40));
  CHECK("valtype: F32 bytes 7D 40", bytesAre(WasmEdge_ValTypeGenF32(), 0x7D, 0x40));
  CHECK("valtype: F64 bytes 7C 40", bytesAre(WasmEdge_ValTypeGenF64(), 0x7C, 0x40));
  CHECK("valtype: V128 bytes 7B 40", bytesAre(WasmEdge_ValTypeGenV128(), 0x7B, 0x40));
  CHECK("valtype: FuncRef bytes 63 70", bytesAre(WasmEdge_ValTypeGenFuncRef(), 0x63, 0x70));
  CHECK("valtype: ExternRef bytes 63 6F", bytesAre(WasmEdge_ValTypeGenExternRef(), 0x63, 0x6F));
  CHECK("valtype: IsI32", WasmEdge_ValTypeIsI32(WasmEdge_ValTypeGenI32()) && !WasmEdge_ValTypeIsI32(WasmEdge_ValTypeGenI64()));
  CHECK("valtype: IsI64", WasmEdge_ValTypeIsI64(WasmEdge_ValTypeGenI64()) && !WasmEdge_ValTypeIsI64(WasmEdge_ValTypeGenF64()));
  CHECK("valtype: IsF32", WasmEdge_ValTypeIsF32(WasmEdge_ValTypeGenF32()) && !WasmEdge_ValTypeIsF32(WasmEdge_ValTypeGenI32()));
  CHECK("valtype: IsF64", WasmEdge_ValTypeIsF64(WasmEdge_ValTypeGenF64()) && !WasmEdge_ValTypeIsF64(WasmEdge_ValTypeGenF32()));
  CHECK("valtype: IsV128", WasmEdge_ValTypeIsV128(WasmEdge_ValTypeGenV128()) && !WasmEdge_ValTypeIsV128(WasmEdge_ValTypeGenI32()));
  CHECK("valtype: IsFuncRef", WasmEdge_ValTypeIsFuncRef(WasmEdge_ValTypeGenFuncRef()) &&
                                  !WasmEdge_ValTypeIsFuncRef(WasmEdge_ValTypeGenExternRef()));
  CHECK("valtype: IsExternRef", WasmEdge_ValTypeIsExternRef(WasmEdge_ValTypeGenExternRef()) &&
                                    !WasmEdge_ValTypeIsExternRef(WasmEdge_ValTypeGenFuncRef()));
  CHECK("valtype: IsRef", WasmEdge_ValTypeIsRef(WasmEdge_ValTypeGenFuncRef()) &&
                              WasmEdge_ValTypeIsRef(WasmEdge_ValTypeGenExternRef()) &&
                              !WasmEdge_ValTypeIsRef(WasmEdge_ValTypeGenI32()));
  CHECK("valtype: IsRefNull", WasmEdge_ValTypeIsRefNull(WasmEdge_ValTypeGenFuncRef()) &&
                                  !WasmEdge_ValTypeIsRefNull(WasmEdge_ValTypeGenV128()));
  WasmEdge_ValType A = WasmEdge_ValTypeGenI32(), B = WasmEdge_ValTypeGenI32();
  A.Data[0] = 0xAA; /* padding byte: not compared */
  A.Data[1] = 0x01; /* externalize flag: not compared */
  CHECK("valtype: IsEqual ignores bytes 0 and 1", WasmEdge_ValTypeIsEqual(A, B));
  B.Data[4] = 1;
  CHECK("valtype: IsEqual compares the type index", !WasmEdge_ValTypeIsEqual(A, B));
  CHECK("valtype: IsEqual different codes", !WasmEdge_ValTypeIsEqual(WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenF32()));
}

static void test_values(void) {
  WasmEdge_Value V = WasmEdge_ValueGenI32(-5);
  CHECK_EQ_I("value: I32 round trip", WasmEdge_ValueGetI32(V), -5);
  CHECK("value: I32 type", WasmEdge_ValTypeIsI32(V.Type));
  CHECK("value: I32 in low 32 bits, zero-extended", (uint64_t)V.Value == 0xFFFFFFFBu && (uint64_t)(V.Value >> 64) == 0);
  V = WasmEdge_ValueGenI64(INT64_MIN);
  CHECK_EQ_I("value: I64 round trip", WasmEdge_ValueGetI64(V), INT64_MIN);
  CHECK("value: I64 type", WasmEdge_ValTypeIsI64(V.Type));
  V = WasmEdge_ValueGenF32(1.5f);
  CHECK("value: F32 round trip", WasmEdge_ValueGetF32(V) == 1.5f && WasmEdge_ValTypeIsF32(V.Type));
  CHECK_EQ_U("value: F32 IEEE bits in low 32", (uint32_t)V.Value, 0x3FC00000u);
  V = WasmEdge_ValueGenF64(-2.25);
  CHECK("value: F64 round trip", WasmEdge_ValueGetF64(V) == -2.25 && WasmEdge_ValTypeIsF64(V.Type));
  int128_t Big = ((int128_t)0x0123456789ABCDEFLL << 64) | (int128_t)0x0FEDCBA987654321LL;
  V = WasmEdge_ValueGenV128(Big);
  CHECK("value: V128 round trip", WasmEdge_ValueGetV128(V) == Big && WasmEdge_ValTypeIsV128(V.Type));
  int Target = 7;
  V = WasmEdge_ValueGenExternRef(&Target);
  CHECK("value: ExternRef round trip", WasmEdge_ValueGetExternRef(V) == &Target && WasmEdge_ValTypeIsExternRef(V.Type));
  CHECK("value: ExternRef not null", !WasmEdge_ValueIsNullRef(V));
  V = WasmEdge_ValueGenExternRef(NULL);
  CHECK("value: null ExternRef IsNullRef", WasmEdge_ValueIsNullRef(V));
  V = WasmEdge_ValueGenFuncRef(NULL);
  CHECK("value: null FuncRef", WasmEdge_ValueIsNullRef(V) && WasmEdge_ValueGetFuncRef(V) == NULL &&
                                   WasmEdge_ValTypeIsFuncRef(V.Type));
  WasmEdge_Value Raw;
  memset(&Raw, 0, sizeof(Raw));
  Raw.Value = ((uint128_t)0xDEAD << 64) | 42u;
  CHECK_EQ_I("value: GetI32 ignores upper bits and Type", WasmEdge_ValueGetI32(Raw), 42);
}

static void test_limits(void) {
  WasmEdge_LimitContext *L = WasmEdge_LimitCreate(2, false);
  CHECK("limit: Create min", WasmEdge_LimitGetMin(L) == 2 && !WasmEdge_LimitHasMax(L) && !WasmEdge_LimitIs64Bit(L) &&
                                 !WasmEdge_LimitIsShared(L));
  WasmEdge_LimitContext *M = WasmEdge_LimitCreateWithMax(1, 9, true, true);
  CHECK("limit: CreateWithMax fields", WasmEdge_LimitGetMin(M) == 1 && WasmEdge_LimitGetMax(M) == 9 &&
                                           WasmEdge_LimitHasMax(M) && WasmEdge_LimitIs64Bit(M) &&
                                           WasmEdge_LimitIsShared(M));
  WasmEdge_LimitContext *L2 = WasmEdge_LimitCreate(2, false);
  CHECK("limit: IsEqual equal", WasmEdge_LimitIsEqual(L, L2));
  CHECK("limit: IsEqual different", !WasmEdge_LimitIsEqual(L, M));
  CHECK("limit: IsEqual NULL", !WasmEdge_LimitIsEqual(L, NULL) && !WasmEdge_LimitIsEqual(NULL, NULL));
  CHECK("limit: getters on NULL", WasmEdge_LimitGetMin(NULL) == 0 && WasmEdge_LimitGetMax(NULL) == 0 &&
                                      !WasmEdge_LimitHasMax(NULL) && !WasmEdge_LimitIsShared(NULL) &&
                                      !WasmEdge_LimitIs64Bit(NULL));

  WasmEdge_MemoryTypeContext *MT = WasmEdge_MemoryTypeCreate(M);
  const WasmEdge_LimitContext *Got = WasmEdge_MemoryTypeGetLimit(MT);
  CHECK("memtype: GetLimit copies the limit", Got != NULL && Got != M && WasmEdge_LimitIsEqual(Got, M));
  CHECK("memtype: Create(NULL) is NULL", WasmEdge_MemoryTypeCreate(NULL) == NULL);
  CHECK("memtype: GetLimit(NULL) is NULL", WasmEdge_MemoryTypeGetLimit(NULL) == NULL);
  WasmEdge_MemoryTypeDelete(MT);
  WasmEdge_MemoryTypeDelete(NULL);
  WasmEdge_LimitDelete(L);
  WasmEdge_LimitDelete(L2);
  WasmEdge_LimitDelete(M);
  WasmEdge_LimitDelete(NULL);
}

static void test_function_types(void) {
  WasmEdge_ValType Params[3] = {WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenI64(), WasmEdge_ValTypeGenF64()};
  WasmEdge_ValType Results[1] = {WasmEdge_ValTypeGenF32()};
  WasmEdge_FunctionTypeContext *T = WasmEdge_FunctionTypeCreate(Params, 3, Results, 1);
  Params[0] = WasmEdge_ValTypeGenV128(); /* the type must have copied the list */
  CHECK_EQ_U("functype: params length", WasmEdge_FunctionTypeGetParametersLength(T), 3);
  CHECK_EQ_U("functype: returns length", WasmEdge_FunctionTypeGetReturnsLength(T), 1);
  WasmEdge_ValType Out[4];
  memset(Out, 0xEE, sizeof(Out));
  CHECK_EQ_U("functype: GetParameters returns total", WasmEdge_FunctionTypeGetParameters(T, Out, 2), 3);
  CHECK("functype: GetParameters copied list (not caller's later change)",
        WasmEdge_ValTypeIsI32(Out[0]) && WasmEdge_ValTypeIsI64(Out[1]));
  CHECK("functype: GetParameters writes only Len entries", Out[2].Data[2] == 0xEE);
  CHECK_EQ_U("functype: GetParameters(NULL list) returns total", WasmEdge_FunctionTypeGetParameters(T, NULL, 5), 3);
  CHECK_EQ_U("functype: GetReturns", WasmEdge_FunctionTypeGetReturns(T, Out, 4), 1);
  CHECK("functype: GetReturns value", WasmEdge_ValTypeIsF32(Out[0]));
  CHECK("functype: NULL context", WasmEdge_FunctionTypeGetParametersLength(NULL) == 0 &&
                                      WasmEdge_FunctionTypeGetReturnsLength(NULL) == 0 &&
                                      WasmEdge_FunctionTypeGetParameters(NULL, Out, 4) == 0 &&
                                      WasmEdge_FunctionTypeGetReturns(NULL, Out, 4) == 0);
  WasmEdge_FunctionTypeContext *Empty = WasmEdge_FunctionTypeCreate(NULL, 0, NULL, 0);
  CHECK("functype: empty type", Empty != NULL && WasmEdge_FunctionTypeGetParametersLength(Empty) == 0 &&
                                    WasmEdge_FunctionTypeGetReturnsLength(Empty) == 0);
  WasmEdge_FunctionTypeContext *NullList = WasmEdge_FunctionTypeCreate(NULL, 4, NULL, 2);
  CHECK("functype: NULL list with a length is empty", NullList != NULL &&
                                                          WasmEdge_FunctionTypeGetParametersLength(NullList) == 0);
  WasmEdge_FunctionTypeDelete(T);
  WasmEdge_FunctionTypeDelete(Empty);
  WasmEdge_FunctionTypeDelete(NullList);
  WasmEdge_FunctionTypeDelete(NULL);
}

static void test_global_types(void) {
  WasmEdge_GlobalTypeContext *G = WasmEdge_GlobalTypeCreate(WasmEdge_ValTypeGenF64(), WasmEdge_Mutability_Var);
  CHECK("globaltype: value type", WasmEdge_ValTypeIsF64(WasmEdge_GlobalTypeGetValType(G)));
  CHECK("globaltype: mutability", WasmEdge_GlobalTypeGetMutability(G) == WasmEdge_Mutability_Var);
  CHECK("globaltype: NULL context", WasmEdge_GlobalTypeGetMutability(NULL) == WasmEdge_Mutability_Const &&
                                        WasmEdge_ValTypeIsI32(WasmEdge_GlobalTypeGetValType(NULL)));
  WasmEdge_GlobalTypeDelete(G);
  WasmEdge_GlobalTypeDelete(NULL);
}

void test_values_types(void) {
  test_valtypes();
  test_values();
  test_limits();
  test_function_types();
  test_global_types();
}
