// Calling frames, the executor, and invoking function instances (also
// re-entrantly, from inside a host function).
#include "internal.h"

#include <memory>
#include <new>

namespace {

WasmEdge_ExecutorContext TheExecutor;

// The frame of the innermost host call on this thread, so that a plug-in
// calling back through WasmEdge_ExecutorInvoke passes its caller's frame on.
thread_local const WasmEdge_CallingFrameContext *CurrentFrame = nullptr;

class FrameScope {
 public:
  explicit FrameScope(const WasmEdge_CallingFrameContext *Frame) noexcept : Saved(CurrentFrame) { CurrentFrame = Frame; }
  ~FrameScope() { CurrentFrame = Saved; }
  FrameScope(const FrameScope &) = delete;
  FrameScope &operator=(const FrameScope &) = delete;

 private:
  const WasmEdge_CallingFrameContext *Saved;
};

}  // namespace

WS_EXPORT WasmEdge_ExecutorContext *ws_host_executor(void) { return &TheExecutor; }

WS_EXPORT WasmEdge_Result ws_host_function_invoke(const WasmEdge_FunctionInstanceContext *Func,
                                                  const WasmEdge_CallingFrameContext *Frame,
                                                  const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  if (Func == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  // WasmEdge passes NULL arrays when a count is 0.
  if (Func->Type.ParamCount == 0) Params = nullptr;
  if (Func->Type.ResultCount == 0) Returns = nullptr;
  FrameScope Scope(Frame);
  try {
    switch (Func->Kind) {
      case WS_FUNCTION_HOST:
        return Func->HostFunc(Func->Data, Frame, Params, Returns);
      case WS_FUNCTION_BINDING:
        return Func->WrapFunc(Func->Binding, Func->Data, Frame, Params, Func->Type.ParamCount, Returns,
                              Func->Type.ResultCount);
      case WS_FUNCTION_EMBEDDER:
        return Func->EmbedderCall(Func->EmbedderData, Params, Func->Type.ParamCount, Returns, Func->Type.ResultCount);
    }
  } catch (...) {
    // A C++ exception from plug-in code must not cross the C boundary.
    return ws::makeResult(WasmEdge_ErrCode_HostFuncError);
  }
  return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
}

WS_EXPORT WasmEdge_ExecutorContext *WasmEdge_CallingFrameGetExecutor(const WasmEdge_CallingFrameContext *Cxt) {
  if (Cxt == nullptr) return nullptr;
  return Cxt->Executor != nullptr ? Cxt->Executor : &TheExecutor;
}

WS_EXPORT const WasmEdge_ModuleInstanceContext *WasmEdge_CallingFrameGetModuleInstance(
    const WasmEdge_CallingFrameContext *Cxt) {
  return Cxt != nullptr ? Cxt->Module : nullptr;
}

WS_EXPORT WasmEdge_MemoryInstanceContext *WasmEdge_CallingFrameGetMemoryInstance(const WasmEdge_CallingFrameContext *Cxt,
                                                                                const uint32_t Idx) {
  // Only memory 0 exists for guests run by V8 without multi-memory.
  if (Cxt == nullptr || Idx != 0) return nullptr;
  // The guest may have grown (and moved) its memory since the last host call:
  // every access re-reads it when needed (ws_host.h: Epoch), not this lookup.
  return Cxt->Memory0;
}

WS_EXPORT WasmEdge_Result WasmEdge_ExecutorInvoke(WasmEdge_ExecutorContext *Cxt,
                                                  const WasmEdge_FunctionInstanceContext *FuncCxt,
                                                  const WasmEdge_Value *Params, const uint32_t ParamLen,
                                                  WasmEdge_Value *Returns, const uint32_t ReturnLen) {
  if (Cxt == nullptr || FuncCxt == nullptr) return ws::makeResult(WasmEdge_ErrCode_WrongVMWorkflow);
  const WasmEdge_FunctionTypeContext &Type = FuncCxt->Type;
  // WasmEdge checks the argument count and types against the function type.
  if (ParamLen != Type.ParamCount || (ParamLen > 0 && Params == nullptr)) {
    return ws::makeResult(WasmEdge_ErrCode_FuncSigMismatch);
  }
  for (uint32_t I = 0; I < ParamLen; ++I) {
    if (!WasmEdge_ValTypeIsEqual(Params[I].Type, Type.Params[I])) return ws::makeResult(WasmEdge_ErrCode_FuncSigMismatch);
  }
  // Results go to a full-size buffer first; the caller gets min(ReturnLen, n).
  WasmEdge_Value Local[16];
  WasmEdge_Value *Results = Local;
  std::unique_ptr<WasmEdge_Value[]> Heap;
  if (Type.ResultCount > 16) {
    Heap.reset(new (std::nothrow) WasmEdge_Value[Type.ResultCount]);
    if (!Heap) return ws::makeResult(WasmEdge_ErrCode_RuntimeError);
    Results = Heap.get();
  }
  for (uint32_t I = 0; I < Type.ResultCount; ++I) {
    Results[I] = WasmEdge_Value{};
    Results[I].Type = Type.Results[I];
  }
  // A plug-in calling back from inside a host call keeps its caller's frame;
  // otherwise the callee sees a frame of its own module without memory.
  WasmEdge_CallingFrameContext Fallback{FuncCxt->Owner, nullptr, Cxt};
  const WasmEdge_CallingFrameContext *Frame = CurrentFrame != nullptr ? CurrentFrame : &Fallback;
  WasmEdge_Result Res = ws_host_function_invoke(FuncCxt, Frame, Params, Results);
  if (Returns != nullptr) {
    uint32_t N = ReturnLen < Type.ResultCount ? ReturnLen : Type.ResultCount;
    for (uint32_t I = 0; I < N; ++I) {
      Returns[I] = Results[I];
      Returns[I].Type = Type.Results[I];
    }
  }
  return Res;
}
