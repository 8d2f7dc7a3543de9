/* Calling frames, embedder memories (hooks), ws_host_function_invoke and
 * re-entrant WasmEdge_ExecutorInvoke. */
#include "check.h"

#include <stdlib.h>

#include "wasmedge/wasmedge.h"
#include "ws_host.h"

#define PAGE 65536u

/* A stand-in for a WebAssembly.Memory: growth moves the buffer. */
typedef struct {
  uint8_t *Base;
  uint64_t Size;
  uint64_t MaxPages;
  int Refreshes;
  int Gone; /* the embedder's memory no longer exists: Refresh fails */
} FakeGuestMemory;

static int fakeRefresh(void *Data, uint8_t **Base, uint64_t *Size) {
  FakeGuestMemory *G = Data;
  ++G->Refreshes;
  if (G->Gone) return 1;
  *Base = G->Base;
  *Size = G->Size;
  return 0;
}

static int fakeGrowTo(FakeGuestMemory *G, uint64_t Pages) {
  if (Pages > G->MaxPages) return -1;
  uint8_t *Moved = calloc(1, Pages * PAGE); /* always a new address */
  memcpy(Moved, G->Base, G->Size);
  free(G->Base);
  G->Base = Moved;
  G->Size = Pages * PAGE;
  return 0;
}

static int fakeGrow(void *Data, uint64_t Pages) {
  FakeGuestMemory *G = Data;
  return fakeGrowTo(G, G->Size / PAGE + Pages);
}

static const ws_memory_hooks FakeHooks = {fakeRefresh, fakeGrow};

static WasmEdge_FunctionTypeContext *typeOf(uint32_t NParams, uint32_t NResults) {
  WasmEdge_ValType P[4] = {WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenI32(), WasmEdge_ValTypeGenI32(),
                           WasmEdge_ValTypeGenI32()};
  return WasmEdge_FunctionTypeCreate(P, NParams, P, NResults);
}

/* peek(offset) -> byte at offset of the caller's memory 0, or traps. */
static WasmEdge_Result peek(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                            WasmEdge_Value *Out) {
  (void)Data;
  WasmEdge_MemoryInstanceContext *Mem = WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
  const uint8_t *P = WasmEdge_MemoryInstanceGetPointerConst(Mem, (uint32_t)WasmEdge_ValueGetI32(In[0]), 1);
  if (P == NULL) return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_HostFuncError);
  Out[0] = WasmEdge_ValueGenI32(*P);
  return WasmEdge_Result_Success;
}

static const WasmEdge_CallingFrameContext *InnerFrame = NULL;
/* Read during the call: the frame of a top-level invoke lives on the
 * executor's stack and is gone once WasmEdge_ExecutorInvoke returns. */
static int InnerSawMemory = -1;
static const WasmEdge_Value *ZeroParams = (const WasmEdge_Value *)1;

static WasmEdge_Result inner(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                             WasmEdge_Value *Out) {
  (void)Data;
  InnerFrame = Frame;
  InnerSawMemory = WasmEdge_CallingFrameGetMemoryInstance(Frame, 0) != NULL;
  Out[0] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(In[0]) * 10);
  return WasmEdge_Result_Success;
}

/* outer(x) = inner(x) + 1, calling inner through the executor (re-entrant). */
static WasmEdge_Result outer(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                             WasmEdge_Value *Out) {
  const WasmEdge_FunctionInstanceContext *Inner = Data;
  WasmEdge_Value Result[1];
  WasmEdge_Result R =
      WasmEdge_ExecutorInvoke(WasmEdge_CallingFrameGetExecutor(Frame), Inner, In, 1, Result, 1);
  if (!WasmEdge_ResultOK(R)) return R;
  Out[0] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(Result[0]) + 1);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result noParams(void *Data, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                                WasmEdge_Value *Out) {
  (void)Data;
  (void)Frame;
  (void)Out;
  ZeroParams = In;
  return WasmEdge_Result_Terminate;
}

static uint32_t BindingParamLen = 99, BindingReturnLen = 99;
static void *BindingThis = NULL;

static WasmEdge_Result binding(void *This, void *Data, const WasmEdge_CallingFrameContext *Frame,
                               const WasmEdge_Value *Params, uint32_t ParamLen, WasmEdge_Value *Returns,
                               uint32_t ReturnLen) {
  (void)Data;
  (void)Frame;
  BindingThis = This;
  BindingParamLen = ParamLen;
  BindingReturnLen = ReturnLen;
  Returns[0] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(Params[0]) + WasmEdge_ValueGetI32(Params[1]));
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_UserLevelError, 77);
}

static WasmEdge_Result embedderCall(void *Data, const WasmEdge_Value *Params, uint32_t ParamLen,
                                    WasmEdge_Value *Returns, uint32_t ReturnLen) {
  int *Calls = Data;
  ++*Calls;
  if (ParamLen != 2 || ReturnLen != 2) return WasmEdge_Result_Fail;
  Returns[0] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(Params[1]));
  Returns[1] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(Params[0]));
  return WasmEdge_Result_Success;
}

static void test_embedder_memory(void) {
  FakeGuestMemory Guest = {calloc(1, PAGE), PAGE, 4, 0, 0};
  Guest.Base[10] = 0xAB;
  WasmEdge_MemoryInstanceContext *Mem = ws_host_memory_create_embedder(&FakeHooks, &Guest);
  CHECK("embedder memory: created and refreshed", Mem != NULL && Guest.Refreshes == 1 &&
                                                      WasmEdge_MemoryInstanceGetPageSize(Mem) == 1);
  CHECK("embedder memory: NULL hooks refused", ws_host_memory_create_embedder(NULL, &Guest) == NULL);
  WasmEdge_ModuleInstanceContext *Caller = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("guest", 5));
  WasmEdge_CallingFrameContext Frame = {Caller, Mem, ws_host_executor()};
  CHECK("frame: GetModuleInstance", WasmEdge_CallingFrameGetModuleInstance(&Frame) == Caller);
  CHECK("frame: GetExecutor", WasmEdge_CallingFrameGetExecutor(&Frame) == ws_host_executor() &&
                                  ws_host_executor() != NULL);
  CHECK("frame: NULL frame", WasmEdge_CallingFrameGetModuleInstance(NULL) == NULL &&
                                 WasmEdge_CallingFrameGetExecutor(NULL) == NULL &&
                                 WasmEdge_CallingFrameGetMemoryInstance(NULL, 0) == NULL);
  CHECK("frame: memory index 1 does not exist", WasmEdge_CallingFrameGetMemoryInstance(&Frame, 1) == NULL);
  WasmEdge_CallingFrameContext NoMemory = {Caller, NULL, NULL};
  CHECK("frame: frame without memory", WasmEdge_CallingFrameGetMemoryInstance(&NoMemory, 0) == NULL);
  CHECK("frame: executor defaults to the process executor",
        WasmEdge_CallingFrameGetExecutor(&NoMemory) == ws_host_executor());

  WasmEdge_FunctionTypeContext *T11 = typeOf(1, 1);
  WasmEdge_FunctionInstanceContext *Peek = WasmEdge_FunctionInstanceCreate(T11, peek, NULL, 0);
  WasmEdge_Value Args[1] = {WasmEdge_ValueGenI32(10)};
  WasmEdge_Value Rets[1];
  WasmEdge_Result R = ws_host_function_invoke(Peek, &Frame, Args, Rets);
  CHECK("invoke: host function reads the caller's memory", WasmEdge_ResultOK(R) && WasmEdge_ValueGetI32(Rets[0]) == 0xAB);

  /* The guest grows (and moves) its memory between two host calls. */
  fakeGrowTo(&Guest, 2);
  Guest.Base[PAGE + 5] = 0xCD;
  Args[0] = WasmEdge_ValueGenI32(PAGE + 5);
  R = ws_host_function_invoke(Peek, &Frame, Args, Rets);
  CHECK("frame: GetMemoryInstance refreshes after the guest grew memory",
        WasmEdge_ResultOK(R) && WasmEdge_ValueGetI32(Rets[0]) == 0xCD && Mem->Base == Guest.Base);
  Args[0] = WasmEdge_ValueGenI32(2 * PAGE);
  R = ws_host_function_invoke(Peek, &Frame, Args, Rets);
  CHECK_EQ_U("invoke: out-of-range read traps with the host's code", R.Code, WasmEdge_ErrCode_HostFuncError);

  R = WasmEdge_MemoryInstanceGrowPage(Mem, 1);
  CHECK("embedder memory: GrowPage goes through the hooks", WasmEdge_ResultOK(R) && Guest.Size == 3 * PAGE &&
                                                                WasmEdge_MemoryInstanceGetPageSize(Mem) == 3 &&
                                                                Mem->Base == Guest.Base);
  R = WasmEdge_MemoryInstanceGrowPage(Mem, 5);
  CHECK("embedder memory: failed growth is MemoryOutOfBounds",
        R.Code == WasmEdge_ErrCode_MemoryOutOfBounds && WasmEdge_MemoryInstanceGetPageSize(Mem) == 3);
  CHECK_EQ_I("embedder memory: refresh(NULL)", ws_host_memory_refresh(NULL), -1);

  WasmEdge_FunctionInstanceDelete(Peek);
  WasmEdge_FunctionTypeDelete(T11);
  WasmEdge_ModuleInstanceDelete(Caller);
  WasmEdge_MemoryInstanceDelete(Mem);
  CHECK("embedder memory: delete leaves the embedder's buffer alone", Guest.Base[PAGE + 5] == 0xCD);
  free(Guest.Base);
}

static void test_invoke(void) {
  WasmEdge_FunctionTypeContext *T11 = typeOf(1, 1), *T21 = typeOf(2, 1), *T00 = typeOf(0, 0), *T22 = typeOf(2, 2);
  WasmEdge_FunctionInstanceContext *Inner = WasmEdge_FunctionInstanceCreate(T11, inner, NULL, 0);
  WasmEdge_FunctionInstanceContext *Outer = WasmEdge_FunctionInstanceCreate(T11, outer, Inner, 0);
  WasmEdge_ModuleInstanceContext *Caller = WasmEdge_ModuleInstanceCreate(WasmEdge_StringWrap("guest", 5));
  WasmEdge_CallingFrameContext Frame = {Caller, NULL, ws_host_executor()};
  WasmEdge_Value Args[2] = {WasmEdge_ValueGenI32(4), WasmEdge_ValueGenI32(5)};
  WasmEdge_Value Rets[2];
  WasmEdge_Result R = ws_host_function_invoke(Outer, &Frame, Args, Rets);
  CHECK("executor: re-entrant ExecutorInvoke from a host function",
        WasmEdge_ResultOK(R) && WasmEdge_ValueGetI32(Rets[0]) == 41);
  CHECK("executor: the callee sees its caller's frame", InnerFrame == &Frame);

  R = WasmEdge_ExecutorInvoke(ws_host_executor(), Inner, Args, 1, Rets, 1);
  CHECK("executor: top-level invoke", WasmEdge_ResultOK(R) && WasmEdge_ValueGetI32(Rets[0]) == 40);
  CHECK("executor: top-level callee gets a frame without memory",
        InnerFrame != NULL && InnerSawMemory == 0);
  R = WasmEdge_ExecutorInvoke(ws_host_executor(), Inner, Args, 2, Rets, 1);
  CHECK_EQ_U("executor: wrong parameter count", R.Code, WasmEdge_ErrCode_FuncSigMismatch);
  WasmEdge_Value WrongType[1] = {WasmEdge_ValueGenF32(1.0f)};
  R = WasmEdge_ExecutorInvoke(ws_host_executor(), Inner, WrongType, 1, Rets, 1);
  CHECK_EQ_U("executor: wrong parameter type", R.Code, WasmEdge_ErrCode_FuncSigMismatch);
  R = WasmEdge_ExecutorInvoke(NULL, Inner, Args, 1, Rets, 1);
  CHECK_EQ_U("executor: NULL executor", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  R = WasmEdge_ExecutorInvoke(ws_host_executor(), NULL, Args, 1, Rets, 1);
  CHECK_EQ_U("executor: NULL function", R.Code, WasmEdge_ErrCode_WrongVMWorkflow);
  R = WasmEdge_ExecutorInvoke(ws_host_executor(), Inner, Args, 1, NULL, 0);
  CHECK("executor: results may be dropped (ReturnLen 0)", WasmEdge_ResultOK(R));

  WasmEdge_FunctionInstanceContext *None = WasmEdge_FunctionInstanceCreate(T00, noParams, NULL, 0);
  R = ws_host_function_invoke(None, &Frame, Args, Rets);
  CHECK("invoke: zero parameters arrive as NULL", ZeroParams == NULL);
  CHECK("invoke: Terminate passes through", R.Code == WasmEdge_ErrCode_Terminated && WasmEdge_ResultOK(R));

  int This = 0;
  WasmEdge_FunctionInstanceContext *Bound = WasmEdge_FunctionInstanceCreateBinding(T21, binding, &This, NULL, 0);
  R = ws_host_function_invoke(Bound, &Frame, Args, Rets);
  CHECK("invoke: binding gets This, lengths and results",
        BindingThis == &This && BindingParamLen == 2 && BindingReturnLen == 1 && WasmEdge_ValueGetI32(Rets[0]) == 9);
  CHECK("invoke: user error passes through", WasmEdge_ResultGetCategory(R) == WasmEdge_ErrCategory_UserLevelError &&
                                                 WasmEdge_ResultGetCode(R) == 77 && !WasmEdge_ResultOK(R));

  int Calls = 0;
  WasmEdge_FunctionInstanceContext *Guest = ws_host_function_create_embedder(T22, embedderCall, &Calls);
  CHECK("embedder function: NULL call refused", ws_host_function_create_embedder(T22, NULL, NULL) == NULL);
  R = WasmEdge_ExecutorInvoke(ws_host_executor(), Guest, Args, 2, Rets, 2);
  CHECK("embedder function: invoked through the executor", WasmEdge_ResultOK(R) && Calls == 1 &&
                                                                WasmEdge_ValueGetI32(Rets[0]) == 5 &&
                                                                WasmEdge_ValueGetI32(Rets[1]) == 4);
  CHECK("embedder function: results carry their types", WasmEdge_ValTypeIsI32(Rets[1].Type));
  memset(Rets, 0, sizeof(Rets));
  R = WasmEdge_ExecutorInvoke(ws_host_executor(), Guest, Args, 2, Rets, 1);
  CHECK("executor: ReturnLen smaller than the result count",
        WasmEdge_ResultOK(R) && WasmEdge_ValueGetI32(Rets[0]) == 5 && WasmEdge_ValueGetI32(Rets[1]) == 0);
  CHECK_EQ_U("invoke: NULL function", ws_host_function_invoke(NULL, &Frame, Args, Rets).Code,
             WasmEdge_ErrCode_WrongVMWorkflow);

  WasmEdge_FunctionInstanceDelete(Guest);
  WasmEdge_FunctionInstanceDelete(Bound);
  WasmEdge_FunctionInstanceDelete(None);
  WasmEdge_FunctionInstanceDelete(Outer);
  WasmEdge_FunctionInstanceDelete(Inner);
  WasmEdge_ModuleInstanceDelete(Caller);
  WasmEdge_FunctionTypeDelete(T11);
  WasmEdge_FunctionTypeDelete(T21);
  WasmEdge_FunctionTypeDelete(T00);
  WasmEdge_FunctionTypeDelete(T22);
}

/* With an Epoch, an embedder memory is re-read before an access only when the
 * embedder's counter moved (at most once per host call), not on each lookup. */
static void test_embedder_memory_epoch(void) {
  FakeGuestMemory Guest = {calloc(1, PAGE), PAGE, 4, 0, 0};
  uint64_t Epoch = 1;
  WasmEdge_MemoryInstanceContext *Mem = ws_host_memory_create_embedder(&FakeHooks, &Guest);
  Mem->Epoch = &Epoch;
  WasmEdge_CallingFrameContext Frame = {NULL, Mem, ws_host_executor()};
  int Before = Guest.Refreshes;
  CHECK("epoch: the lookup alone does not re-read", WasmEdge_CallingFrameGetMemoryInstance(&Frame, 0) == Mem &&
                                                        Guest.Refreshes == Before);
  uint8_t Byte = 0;
  CHECK("epoch: the first access re-reads once", WasmEdge_ResultOK(WasmEdge_MemoryInstanceGetData(Mem, &Byte, 0, 1)) &&
                                                     WasmEdge_MemoryInstanceGetPointer(Mem, 0, 1) == Guest.Base &&
                                                     WasmEdge_MemoryInstanceGetPageSize(Mem) == 1 &&
                                                     Guest.Refreshes == Before + 1);
  /* The guest grows (and moves) its memory; the embedder bumps the counter. */
  fakeGrowTo(&Guest, 2);
  Guest.Base[PAGE + 1] = 0x5A;
  ++Epoch;
  CHECK("epoch: a moved counter re-reads before the next access",
        WasmEdge_MemoryInstanceGetPointerConst(Mem, PAGE + 1, 1) == Guest.Base + PAGE + 1 &&
            WasmEdge_MemoryInstanceGetPointer(Mem, PAGE + 1, 1)[0] == 0x5A && Guest.Refreshes == Before + 2);
  ++Epoch;
  const uint8_t Data[2] = {7, 8};
  CHECK("epoch: SetData re-reads too", WasmEdge_ResultOK(WasmEdge_MemoryInstanceSetData(Mem, Data, 2 * PAGE - 2, 2)) &&
                                           Guest.Base[2 * PAGE - 1] == 8 && Guest.Refreshes == Before + 3);
  CHECK("epoch: GrowPage re-reads after growing", WasmEdge_ResultOK(WasmEdge_MemoryInstanceGrowPage(Mem, 1)) &&
                                                      WasmEdge_MemoryInstanceGetPageSize(Mem) == 3 &&
                                                      Mem->Base == Guest.Base && Guest.Refreshes == Before + 4);
  Guest.Gone = 1;
  ++Epoch;
  CHECK("epoch: a memory that cannot be re-read is empty, not stale",
        WasmEdge_MemoryInstanceGetPointer(Mem, 0, 1) == NULL && WasmEdge_MemoryInstanceGetPageSize(Mem) == 0 &&
            !WasmEdge_ResultOK(WasmEdge_MemoryInstanceGetData(Mem, &Byte, 0, 1)));
  WasmEdge_MemoryInstanceDelete(Mem);
  free(Guest.Base);
}

void test_frame_executor(void) {
  test_embedder_memory();
  test_embedder_memory_epoch();
  test_invoke();
}
