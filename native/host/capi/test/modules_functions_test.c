/* Module instances (exports, ownership, finalizer) and function instances. */
#include "check.h"

#include "wasmedge/wasmedge.h"

static int FinalizerCalls = 0;
static void *FinalizerArg = NULL;

static void finalize(void *Data) {
  ++FinalizerCalls;
  FinalizerArg = Data;
}

static WasmEdge_Result add(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                           WasmEdge_Value *Out) {
  (void)Data;
  (void)Frame;
  Out[0] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(In[0]) + WasmEdge_ValueGetI32(In[1]));
  return WasmEdge_Result_Success;
}

static WasmEdge_Result wrap(void *This, void *Data, const WasmEdge_CallingFrameContext *Frame,
                            const WasmEdge_Value *Params, uint32_t ParamLen, WasmEdge_Value *Returns,
                            uint32_t ReturnLen) {
  (void)This;
  (void)Data;
  (void)Frame;
  (void)Params;
  (void)ParamLen;
  (void)Returns;
  (void)ReturnLen;
  return WasmEdge_Result_Success;
}

static WasmEdge_FunctionTypeContext *i32i32_i32(void) {
  WasmEdge_ValType P[2] = {WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenI32()};
  WasmEdge_ValType R[1] = {WasmEdge_ValTypeGenI32()};
  return WasmEdge_FunctionTypeCreate(P, 2, R, 1);
}

static WasmEdge_FunctionInstanceContext *newAdd(WasmEdge_FunctionTypeContext *Type, void *Data) {
  return WasmEdge_FunctionInstanceCreate(Type, add, Data, 0);
}

static void test_functions(void) {
  WasmEdge_FunctionTypeContext *Type = i32i32_i32();
  int Data = 0;
  CHECK("function: Create with NULL type is NULL", WasmEdge_FunctionInstanceCreate(NULL, add, NULL, 0) == NULL);
  CHECK("function: Create with NULL host func is NULL", WasmEdge_FunctionInstanceCreate(Type, NULL, NULL, 0) == NULL);
  CHECK("function: CreateBinding with NULL wrap is NULL",
        WasmEdge_FunctionInstanceCreateBinding(Type, NULL, NULL, NULL, 0) == NULL);
  WasmEdge_FunctionInstanceContext *F = newAdd(Type, &Data);
  WasmEdge_FunctionTypeDelete(Type); /* the instance keeps its own copy */
  const WasmEdge_FunctionTypeContext *Got = WasmEdge_FunctionInstanceGetFunctionType(F);
  CHECK("function: type copied at creation", Got != NULL && WasmEdge_FunctionTypeGetParametersLength(Got) == 2 &&
                                                 WasmEdge_FunctionTypeGetReturnsLength(Got) == 1);
  CHECK("function: GetData", WasmEdge_FunctionInstanceGetData(F) == &Data);
  CHECK("function: NULL context", WasmEdge_FunctionInstanceGetData(NULL) == NULL &&
                                      WasmEdge_FunctionInstanceGetFunctionType(NULL) == NULL);
  WasmEdge_FunctionTypeContext *T2 = i32i32_i32();
  WasmEdge_FunctionInstanceContext *B = WasmEdge_FunctionInstanceCreateBinding(T2, wrap, (void *)1, &Data, 5);
  CHECK("function: CreateBinding GetData", B != NULL && WasmEdge_FunctionInstanceGetData(B) == &Data);
  WasmEdge_FunctionTypeDelete(T2);
  WasmEdge_FunctionInstanceDelete(F);
  WasmEdge_FunctionInstanceDelete(B);
  WasmEdge_FunctionInstanceDelete(NULL);
}

static void test_modules(void) {
  int Host = 42;
  WasmEdge_String Name = WasmEdge_StringCreateByCString("env_mod");
  WasmEdge_ModuleInstanceContext *M = WasmEdge_ModuleInstanceCreateWithData(Name, &Host, finalize);
  WasmEdge_StringDelete(Name); /* the module copied its name */
  CHECK_WSTR("module: GetModuleName", WasmEdge_ModuleInstanceGetModuleName(M), "env_mod");
  CHECK("module: GetHostData", WasmEdge_ModuleInstanceGetHostData(M) == &Host);
  CHECK("module: NULL context", WasmEdge_ModuleInstanceGetHostData(NULL) == NULL &&
                                    WasmEdge_ModuleInstanceGetModuleName(NULL).Length == 0 &&
                                    WasmEdge_ModuleInstanceListFunctionLength(NULL) == 0 &&
                                    WasmEdge_ModuleInstanceListFunction(NULL, NULL, 0) == 0 &&
                                    WasmEdge_ModuleInstanceFindFunction(NULL, WasmEdge_StringWrap("a", 1)) == NULL);

  WasmEdge_FunctionTypeContext *Type = i32i32_i32();
  const char *Order[] = {"sub", "add", "Zeta", "arg_len", "name_size", "opt"};
  WasmEdge_FunctionInstanceContext *Added[6];
  bool AllOk = true;
  for (int I = 0; I < 6; ++I) {
    Added[I] = newAdd(Type, NULL);
    WasmEdge_Result R = WasmEdge_ModuleInstanceAddFunction(M, WasmEdge_StringWrap(Order[I], strlen(Order[I])), Added[I]);
    AllOk = AllOk && WasmEdge_ResultOK(R);
  }
  CHECK("module: AddFunction returns Success", AllOk);
  CHECK_EQ_U("module: ListFunctionLength", WasmEdge_ModuleInstanceListFunctionLength(M), 6);
  WasmEdge_String Names[8];
  uint32_t N = WasmEdge_ModuleInstanceListFunction(M, Names, 8);
  CHECK_EQ_U("module: ListFunction returns total", N, 6);
  /* Byte order: uppercase 'Z' (0x5A) sorts before lowercase. */
  CHECK_WSTR("module: ListFunction order [0]", Names[0], "Zeta");
  CHECK_WSTR("module: ListFunction order [1]", Names[1], "add");
  CHECK_WSTR("module: ListFunction order [2]", Names[2], "arg_len");
  CHECK_WSTR("module: ListFunction order [3]", Names[3], "name_size");
  CHECK_WSTR("module: ListFunction order [4]", Names[4], "opt");
  CHECK_WSTR("module: ListFunction order [5]", Names[5], "sub");
  memset(Names, 0, sizeof(Names));
  N = WasmEdge_ModuleInstanceListFunction(M, Names, 2);
  CHECK("module: ListFunction fills only Len", N == 6 && Names[1].Length == 3 && Names[2].Buf == NULL);
  CHECK_EQ_U("module: ListFunction(NULL names) returns total", WasmEdge_ModuleInstanceListFunction(M, NULL, 3), 6);
  CHECK("module: FindFunction", WasmEdge_ModuleInstanceFindFunction(M, WasmEdge_StringWrap("add", 3)) == Added[1]);
  CHECK("module: FindFunction absent is NULL",
        WasmEdge_ModuleInstanceFindFunction(M, WasmEdge_StringWrap("nope", 4)) == NULL);

  /* A duplicate export name replaces the first (WasmEdge insert_or_assign). */
  WasmEdge_FunctionInstanceContext *Replacement = newAdd(Type, &Host);
  WasmEdge_Result R = WasmEdge_ModuleInstanceAddFunction(M, WasmEdge_StringWrap("add", 3), Replacement);
  CHECK("module: duplicate name replaces", WasmEdge_ResultOK(R) &&
                                               WasmEdge_ModuleInstanceFindFunction(M, WasmEdge_StringWrap("add", 3)) ==
                                                   Replacement &&
                                               WasmEdge_ModuleInstanceListFunctionLength(M) == 6);

  WasmEdge_FunctionInstanceContext *Loose = newAdd(Type, NULL);
  R = WasmEdge_ModuleInstanceAddFunction(NULL, WasmEdge_StringWrap("x", 1), Loose);
  CHECK_EQ_U("module: AddFunction(NULL module) is WrongVMWorkflow", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  R = WasmEdge_ModuleInstanceAddFunction(M, WasmEdge_StringWrap("x", 1), NULL);
  CHECK_EQ_U("module: AddFunction(NULL function) is WrongVMWorkflow", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  WasmEdge_ModuleInstanceContext *Other = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("other", 5));
  ws_capture_stderr_begin();
  R = WasmEdge_ModuleInstanceAddFunction(Other, WasmEdge_StringWrap("sub", 3), Added[0]);
  const char *Refusal = ws_capture_stderr_end();
  CHECK_EQ_U("module: a function owned by another module is refused", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  CHECK("module: the refusal is logged as an error", strstr(Refusal, "[ws:capi] error:") != NULL &&
                                                        strstr(Refusal, "already belongs to a module") != NULL);
  R = WasmEdge_ModuleInstanceAddTable(M, WasmEdge_StringWrap("t", 1), NULL);
  CHECK_EQ_U("module: AddTable(NULL) is WrongVMWorkflow", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  R = WasmEdge_ModuleInstanceAddMemory(NULL, WasmEdge_StringWrap("m", 1), NULL);
  CHECK_EQ_U("module: AddMemory(NULL) is WrongVMWorkflow", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  R = WasmEdge_ModuleInstanceAddGlobal(M, WasmEdge_StringWrap("g", 1), NULL);
  CHECK_EQ_U("module: AddGlobal(NULL) is WrongVMWorkflow", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);

  /* Deleting a function the module owns would free it twice: refused with a warning. */
  WasmEdge_LogSetLevel(WasmEdge_LogLevel_Warn);
  ws_capture_stderr_begin();
  WasmEdge_FunctionInstanceDelete(Replacement);
  const char *Log = ws_capture_stderr_end();
  CHECK("module: deleting an owned function is refused with a warning",
        strstr(Log, "[ws:capi] warning: WasmEdge_FunctionInstanceDelete") != NULL &&
            WasmEdge_ModuleInstanceFindFunction(M, WasmEdge_StringWrap("add", 3)) == Replacement);
  WasmEdge_LogOff();
  ws_capture_stderr_begin();
  WasmEdge_FunctionInstanceDelete(Replacement);
  Log = ws_capture_stderr_end();
  CHECK("log: WasmEdge_LogOff silences warnings", Log[0] == '\0');
  WasmEdge_LogSetLevel(WasmEdge_LogLevel_Error);
  ws_capture_stderr_begin();
  WasmEdge_FunctionInstanceDelete(Replacement);
  Log = ws_capture_stderr_end();
  CHECK("log: error level hides warnings", Log[0] == '\0');
  WasmEdge_LogSetDebugLevel();
  ws_capture_stderr_begin();
  WasmEdge_FunctionInstanceDelete(Replacement);
  Log = ws_capture_stderr_end();
  CHECK("log: debug level shows warnings", strstr(Log, "[ws:capi] warning:") != NULL);
  WasmEdge_LogSetErrorLevel();

  CHECK_EQ_I("module: finalizer not run before delete", FinalizerCalls, 0);
  WasmEdge_ModuleInstanceDelete(M);
  CHECK("module: Delete runs the finalizer once with the host data", FinalizerCalls == 1 && FinalizerArg == &Host);
  WasmEdge_ModuleInstanceDelete(Other);
  CHECK_EQ_I("module: no finalizer for a module without one", FinalizerCalls, 1);
  WasmEdge_ModuleInstanceContext *Plain = WasmEdge_ModuleInstanceCreateWithData(WasmEdge_StringWrap("", 0), NULL, NULL);
  CHECK("module: empty name", Plain != NULL && WasmEdge_ModuleInstanceGetModuleName(Plain).Length == 0);
  WasmEdge_ModuleInstanceDelete(Plain);
  WasmEdge_ModuleInstanceDelete(NULL);
  WasmEdge_FunctionInstanceDelete(Loose);
  WasmEdge_FunctionTypeDelete(Type);
}

void test_modules_functions(void) {
  test_functions();
  test_modules();
}
