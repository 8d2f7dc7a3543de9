/*
 * A C++ plug-in for ws (and WasmEdge), written with the SDK's header-only
 * wrapper <wasmedge_plugin.hpp>. It is still a C API plug-in: WasmEdge's C++
 * plug-in API is tied to WasmEdge's internals and cannot be hosted by ws.
 *
 *   plug-in  example_cpp
 *   module   descriptor greeter, import namespace greeter_cpp
 *   greet(name_ptr: i32, name_len: i32, out_ptr: i32, out_cap: i32) -> i32
 *            writes "<greeting>, <name>!" to out (at most out_cap bytes) and
 *            returns its full length, so a guest can retry with a bigger buffer
 *   calls() -> i32   how many times greet ran in this module instance
 *   option   --cpp-greeting <text>   (default "Hello"; given without text: "Hi")
 */
#include <wasmedge_plugin.hpp>

#include <algorithm>
#include <memory>
#include <string>

namespace wp = wasmedge_plugin;

namespace {

/* Option storage, written by the host before any module is created. */
WasmEdge_String GreetingOption = {0, nullptr};
const WasmEdge_String GreetingImplicit = {2, "Hi"};

/* Per-instance state; the instance's finalizer deletes it. */
struct Greeter {
  std::string Greeting;
  int32_t Calls = 0;
};

WasmEdge_Result greet(Greeter &Self, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                      WasmEdge_Value *Out) {
  wp::GuestMemory Memory(Frame);
  if (!Memory.exists()) return wp::host_error();
  const auto NameLen = static_cast<uint32_t>(WasmEdge_ValueGetI32(In[1]));
  const auto OutCap = static_cast<uint32_t>(WasmEdge_ValueGetI32(In[3]));
  /* Both ranges are checked before anything is written (throws Trap). */
  std::string_view Name = Memory.string(static_cast<uint32_t>(WasmEdge_ValueGetI32(In[0])), NameLen);
  uint8_t *Target = Memory.bytes(static_cast<uint32_t>(WasmEdge_ValueGetI32(In[2])), OutCap);

  std::string Text = Self.Greeting + ", " + std::string(Name) + "!";
  std::copy_n(Text.data(), std::min<size_t>(Text.size(), OutCap), Target);
  ++Self.Calls;
  Out[0] = WasmEdge_ValueGenI32(static_cast<int32_t>(Text.size()));
  return wp::success();
}

WasmEdge_Result calls(Greeter &Self, const WasmEdge_CallingFrameContext *, const WasmEdge_Value *,
                      WasmEdge_Value *Out) {
  Out[0] = WasmEdge_ValueGenI32(Self.Calls);
  return wp::success();
}

WasmEdge_ModuleInstanceContext *create_greeter(const WasmEdge_ModuleDescriptor *) {
  return wp::create_module([] {
    auto State = std::make_unique<Greeter>();
    State->Greeting = GreetingOption.Buf != nullptr ? std::string(wp::view(GreetingOption)) : "Hello";
    wp::Module<Greeter> Module("greeter_cpp", std::move(State));
    Module.add<greet>("greet", wp::FunctionType({wp::i32(), wp::i32(), wp::i32(), wp::i32()}, {wp::i32()}));
    Module.add<calls>("calls", wp::FunctionType({}, {wp::i32()}));
    return Module.release();
  });
}

WasmEdge_ModuleDescriptor ModuleDescriptors[] = {
    {"greeter", "Greets a name (C++ example)", create_greeter},
};

WasmEdge_ProgramOption ProgramOptions[] = {
    {"cpp-greeting", "Greeting word of greeter_cpp.greet (default Hello).", WasmEdge_ProgramOptionType_String,
     &GreetingOption, &GreetingImplicit},
};

const WasmEdge_PluginDescriptor Descriptor = {
    "example_cpp", "ws example plug-in written in C++", WasmEdge_Plugin_CurrentAPIVersion, {0, 1, 0, 0},
    1, 1, ModuleDescriptors, ProgramOptions,
};

} // namespace

extern "C" WASMEDGE_CAPI_PLUGIN_EXPORT const WasmEdge_PluginDescriptor *WasmEdge_Plugin_GetDescriptor(void) {
  return &Descriptor;
}
