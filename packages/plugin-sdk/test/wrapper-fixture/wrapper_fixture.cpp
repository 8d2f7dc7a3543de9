// Fixture for the C++ wrapper: every way a host function can end.
//   ok(x: i32) -> i32            x + calls so far (host data survives between calls)
//   user_trap(code: i32) -> ()   throws Trap{user_error(code)}
//   runtime_error() -> ()        throws std::runtime_error (must become HostFuncError)
//   stop() -> ()                 returns terminate()
//   read(ptr: i32, len: i32) -> i32   sum of the bytes (GuestMemory bounds check)
#include <wasmedge_plugin.hpp>

#include <memory>
#include <stdexcept>

namespace wp = wasmedge_plugin;

namespace {

struct State {
  int32_t Calls = 0;
};

WasmEdge_Result ok(State &S, const WasmEdge_CallingFrameContext *, const WasmEdge_Value *In, WasmEdge_Value *Out) {
  Out[0] = WasmEdge_ValueGenI32(WasmEdge_ValueGetI32(In[0]) + S.Calls++);
  return wp::success();
}
WasmEdge_Result user_trap(State &, const WasmEdge_CallingFrameContext *, const WasmEdge_Value *In, WasmEdge_Value *) {
  throw wp::Trap{wp::user_error(static_cast<uint32_t>(WasmEdge_ValueGetI32(In[0])))};
}
WasmEdge_Result runtime_error(State &, const WasmEdge_CallingFrameContext *, const WasmEdge_Value *, WasmEdge_Value *) {
  throw std::runtime_error("boom");
}
WasmEdge_Result stop(State &, const WasmEdge_CallingFrameContext *, const WasmEdge_Value *, WasmEdge_Value *) {
  return wp::terminate();
}
WasmEdge_Result read(State &, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In, WasmEdge_Value *Out) {
  wp::GuestMemory Memory(Frame);
  if (!Memory.exists()) return wp::host_error();
  const auto Len = static_cast<uint32_t>(WasmEdge_ValueGetI32(In[1]));
  const uint8_t *Bytes = Memory.bytes(static_cast<uint32_t>(WasmEdge_ValueGetI32(In[0])), Len);
  int32_t Sum = 0;
  for (uint32_t I = 0; I < Len; ++I) Sum += Bytes[I];
  Out[0] = WasmEdge_ValueGenI32(Sum);
  return wp::success();
}

WasmEdge_ModuleInstanceContext *create(const WasmEdge_ModuleDescriptor *) {
  return wp::create_module([] {
    wp::Module<State> Module("sdk_wrapper", std::make_unique<State>());
    Module.add<ok>("ok", wp::FunctionType({wp::i32()}, {wp::i32()}));
    Module.add<user_trap>("user_trap", wp::FunctionType({wp::i32()}, {}));
    Module.add<runtime_error>("runtime_error", wp::FunctionType({}, {}));
    Module.add<stop>("stop", wp::FunctionType({}, {}));
    Module.add<read>("read", wp::FunctionType({wp::i32(), wp::i32()}, {wp::i32()}));
    return Module.release();
  });
}

WasmEdge_ModuleDescriptor Modules[] = {{"sdk_wrapper", "wrapper fixture", create}};
const WasmEdge_PluginDescriptor Descriptor = {
    "sdk_wrapper_fixture", "C++ wrapper fixture", WasmEdge_Plugin_CurrentAPIVersion, {0, 1, 0, 0}, 1, 0, Modules, nullptr,
};

} // namespace

extern "C" WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
