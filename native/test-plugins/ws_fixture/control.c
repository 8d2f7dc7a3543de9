/* Host functions that end the call in every way a plug-in can (failure, user
 * error code, terminate) and that call back into the calling guest. */
#include "fixture.h"

static WasmEdge_Result fail(void *Data, const WasmEdge_CallingFrameContext *Frame,
                            const WasmEdge_Value *In, WasmEdge_Value *Out) {
  return WasmEdge_Result_Fail;
}

/* fail_user(code): a user-level error carrying the guest's code (low 24 bits). */
static WasmEdge_Result fail_user(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                 const WasmEdge_Value *In, WasmEdge_Value *Out) {
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_UserLevelError, fixture_u32(In[0]));
}

static WasmEdge_Result terminate(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                 const WasmEdge_Value *In, WasmEdge_Value *Out) {
  return WasmEdge_Result_Terminate;
}

static bool is_i32_to_i32(const WasmEdge_FunctionInstanceContext *Function) {
  const WasmEdge_FunctionTypeContext *Type = WasmEdge_FunctionInstanceGetFunctionType(Function);
  WasmEdge_ValType Param, Result;
  return Type != NULL && WasmEdge_FunctionTypeGetParametersLength(Type) == 1 &&
         WasmEdge_FunctionTypeGetReturnsLength(Type) == 1 &&
         WasmEdge_FunctionTypeGetParameters(Type, &Param, 1) == 1 &&
         WasmEdge_FunctionTypeGetReturns(Type, &Result, 1) == 1 && WasmEdge_ValTypeIsI32(Param) &&
         WasmEdge_ValTypeIsI32(Result);
}

/* call_export(name_ptr, name_len, arg) -> i32: calls the calling module's
 * exported function `name` of type (i32)->i32 with arg and returns its result.
 * -1: no such export (or another type); -2: name outside memory. A trap in the
 * callback is passed on, so the guest traps too. */
static WasmEdge_Result call_export(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                   const WasmEdge_Value *In, WasmEdge_Value *Out) {
  uint32_t NameLength = fixture_u32(In[1]);
  const uint8_t *Name = WasmEdge_MemoryInstanceGetPointerConst(
      WasmEdge_CallingFrameGetMemoryInstance(Frame, 0), fixture_u32(In[0]), NameLength);
  if (Name == NULL) {
    Out[0] = WasmEdge_ValueGenI32(-2);
    return WasmEdge_Result_Success;
  }
  const WasmEdge_ModuleInstanceContext *Caller = WasmEdge_CallingFrameGetModuleInstance(Frame);
  /* Looked up before the call: the callback may grow memory and move Name. */
  const WasmEdge_FunctionInstanceContext *Function =
      WasmEdge_ModuleInstanceFindFunction(Caller, WasmEdge_StringWrap((const char *)Name, NameLength));
  if (Function == NULL || !is_i32_to_i32(Function)) {
    Out[0] = WasmEdge_ValueGenI32(-1);
    return WasmEdge_Result_Success;
  }
  WasmEdge_Value Argument = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(In[2]));
  WasmEdge_Value Result = WasmEdge_ValueGenI32(0);
  WasmEdge_Result Called =
      WasmEdge_ExecutorInvoke(WasmEdge_CallingFrameGetExecutor(Frame), Function, &Argument, 1, &Result, 1);
  if (WasmEdge_ResultGetCategory(Called) != WasmEdge_ErrCategory_WASM ||
      WasmEdge_ResultGetCode(Called) != WasmEdge_ErrCode_Success)
    return Called;
  Out[0] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(Result));
  return WasmEdge_Result_Success;
}

/* list_exports() -> i32: number of functions the calling module exports, -1
 * when the host gives no calling module. */
static WasmEdge_Result list_exports(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                    const WasmEdge_Value *In, WasmEdge_Value *Out) {
  const WasmEdge_ModuleInstanceContext *Caller = WasmEdge_CallingFrameGetModuleInstance(Frame);
  Out[0] = WasmEdge_ValueGenI32(Caller == NULL ? -1 : (int32_t)WasmEdge_ModuleInstanceListFunctionLength(Caller));
  return WasmEdge_Result_Success;
}

bool fixture_add_control_functions(WasmEdge_ModuleInstanceContext *Module, FixtureData *Data) {
  return fixture_add_function(Module, "fail", "", "", fail, Data) &&
         fixture_add_function(Module, "fail_user", "i", "", fail_user, Data) &&
         fixture_add_function(Module, "terminate", "", "", terminate, Data) &&
         fixture_add_function(Module, "call_export", "iii", "i", call_export, Data) &&
         fixture_add_function(Module, "list_exports", "", "i", list_exports, Data);
}
