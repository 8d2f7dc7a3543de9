/* Strings, bytes, results, versions and log-level setters. */
#include "check.h"

#include "wasmedge/wasmedge.h"

static void test_strings(void) {
  WasmEdge_String S = WasmEdge_StringCreateByCString("hello");
  CHECK_EQ_U("string: CreateByCString length", S.Length, 5);
  CHECK("string: CreateByCString copies", S.Buf != NULL && memcmp(S.Buf, "hello", 5) == 0);
  WasmEdge_String Null = WasmEdge_StringCreateByCString(NULL);
  CHECK("string: CreateByCString(NULL) is {0,NULL}", Null.Length == 0 && Null.Buf == NULL);
  WasmEdge_String Empty = WasmEdge_StringCreateByCString("");
  CHECK("string: CreateByCString(\"\") is {0,NULL}", Empty.Length == 0 && Empty.Buf == NULL);
  WasmEdge_String Buf = WasmEdge_StringCreateByBuffer("a\0b", 3);
  CHECK("string: CreateByBuffer keeps embedded NUL", Buf.Length == 3 && memcmp(Buf.Buf, "a\0b", 3) == 0);
  WasmEdge_String Buf0 = WasmEdge_StringCreateByBuffer("abc", 0);
  CHECK("string: CreateByBuffer(len 0) is {0,NULL}", Buf0.Length == 0 && Buf0.Buf == NULL);
  WasmEdge_String BufNull = WasmEdge_StringCreateByBuffer(NULL, 7);
  CHECK("string: CreateByBuffer(NULL, 7) is {0,NULL}", BufNull.Length == 0 && BufNull.Buf == NULL);
  const char *Text = "wrapped";
  WasmEdge_String W = WasmEdge_StringWrap(Text, 4);
  CHECK("string: Wrap does not copy", W.Buf == Text && W.Length == 4);

  WasmEdge_String Hello2 = WasmEdge_StringWrap("hello", 5);
  CHECK("string: IsEqual same bytes", WasmEdge_StringIsEqual(S, Hello2));
  CHECK("string: IsEqual different length", !WasmEdge_StringIsEqual(S, WasmEdge_StringWrap("hell", 4)));
  CHECK("string: IsEqual different bytes", !WasmEdge_StringIsEqual(S, WasmEdge_StringWrap("hellO", 5)));
  CHECK("string: IsEqual empty vs {0,NULL}", WasmEdge_StringIsEqual(Empty, WasmEdge_StringWrap("x", 0)));

  char Out[8];
  memset(Out, 'x', sizeof(Out));
  uint32_t N = WasmEdge_StringCopy(S, Out, sizeof(Out));
  CHECK_EQ_U("string: Copy returns copied length", N, 5);
  CHECK("string: Copy zero-fills the rest", memcmp(Out, "hello\0\0\0", 8) == 0);
  memset(Out, 'x', sizeof(Out));
  N = WasmEdge_StringCopy(S, Out, 3);
  CHECK_EQ_U("string: Copy truncates to Len", N, 3);
  CHECK("string: Copy truncated bytes, no NUL added", memcmp(Out, "helxxxxx", 8) == 0);
  CHECK_EQ_U("string: Copy into NULL buffer copies nothing", WasmEdge_StringCopy(S, NULL, 8), 0);
  memset(Out, 'x', sizeof(Out));
  N = WasmEdge_StringCopy(Null, Out, 4);
  CHECK("string: Copy of empty string zero-fills", N == 0 && memcmp(Out, "\0\0\0\0xxxx", 8) == 0);

  WasmEdge_StringDelete(S);
  WasmEdge_StringDelete(Buf);
  WasmEdge_StringDelete(Null);
  WasmEdge_StringDelete(Empty);
  CHECK("string: Delete of {0,NULL} is safe", true);

  const uint8_t Raw[3] = {1, 2, 3};
  WasmEdge_Bytes B = WasmEdge_BytesCreate(Raw, 3);
  CHECK("bytes: Create copies", B.Length == 3 && B.Buf != Raw && memcmp(B.Buf, Raw, 3) == 0);
  WasmEdge_Bytes B0 = WasmEdge_BytesCreate(NULL, 3);
  CHECK("bytes: Create(NULL) is {0,NULL}", B0.Length == 0 && B0.Buf == NULL);
  WasmEdge_Bytes BW = WasmEdge_BytesWrap(Raw, 2);
  CHECK("bytes: Wrap does not copy", BW.Buf == Raw && BW.Length == 2);
  WasmEdge_BytesDelete(B);
  WasmEdge_BytesDelete(B0);
}

static void test_results(void) {
  CHECK("result: Success is OK", WasmEdge_ResultOK(WasmEdge_Result_Success));
  CHECK("result: Terminate is OK", WasmEdge_ResultOK(WasmEdge_Result_Terminate));
  CHECK("result: Fail is not OK", !WasmEdge_ResultOK(WasmEdge_Result_Fail));
  WasmEdge_Result User0 = WasmEdge_ResultGen(WasmEdge_ErrCategory_UserLevelError, 0);
  CHECK("result: user category code 0 is not OK", !WasmEdge_ResultOK(User0));
  CHECK("result: user category code 1 is not OK",
        !WasmEdge_ResultOK(WasmEdge_ResultGen(WasmEdge_ErrCategory_UserLevelError, 1)));
  WasmEdge_Result R = WasmEdge_ResultGen(WasmEdge_ErrCategory_UserLevelError, 0x12345678);
  CHECK_EQ_U("result: Gen encodes category<<24 | code", R.Code, 0x01345678);
  CHECK_EQ_U("result: GetCode masks 24 bits", WasmEdge_ResultGetCode(R), 0x345678);
  CHECK_EQ_U("result: GetCategory", WasmEdge_ResultGetCategory(R), WasmEdge_ErrCategory_UserLevelError);
  CHECK_STR("result: message for user category", WasmEdge_ResultGetMessage(R), "user defined error code");
  WasmEdge_Result Oob = WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_MemoryOutOfBounds);
  CHECK_EQ_U("result: MemoryOutOfBounds code", Oob.Code, 0x0408);
  CHECK_STR("result: message MemoryOutOfBounds", WasmEdge_ResultGetMessage(Oob), "out of bounds memory access");
  CHECK_STR("result: message Success", WasmEdge_ResultGetMessage(WasmEdge_Result_Success), "success");
  CHECK_STR("result: message Terminated", WasmEdge_ResultGetMessage(WasmEdge_Result_Terminate), "terminated");
  CHECK_STR("result: message RuntimeError", WasmEdge_ResultGetMessage(WasmEdge_Result_Fail), "generic runtime error");
  CHECK_STR("result: message WrongVMWorkflow",
            WasmEdge_ResultGetMessage(WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, 0x0004)), "wrong VM workflow");
  CHECK_STR("result: message HostFuncError",
            WasmEdge_ResultGetMessage(WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, 0x040E)), "host function failed");
  CHECK_STR("result: message FuncSigMismatch",
            WasmEdge_ResultGetMessage(WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, 0x0403)),
            "function signature mismatch");
  CHECK_STR("result: message UserDefError (WASM)",
            WasmEdge_ResultGetMessage(WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, 0x000C)),
            "user defined error code");
  CHECK("result: message for an unknown code is not NULL",
        WasmEdge_ResultGetMessage(WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, 0xABCDE)) != NULL);
}

static void test_version(void) {
  CHECK_STR("version: VersionGet", WasmEdge_VersionGet(), "0.17.1");
  CHECK_EQ_U("version: major", WasmEdge_VersionGetMajor(), 0);
  CHECK_EQ_U("version: minor", WasmEdge_VersionGetMinor(), 17);
  CHECK_EQ_U("version: patch", WasmEdge_VersionGetPatch(), 1);
}

void test_strings_results(void) {
  test_strings();
  test_results();
  test_version();
}
