/*
 * wasmedge_plugin.hpp: a small header-only C++17 wrapper over the WasmEdge C
 * plug-in API (@ws/plugin-sdk). It adds RAII ownership and exception safety;
 * the plug-in stays a *C API* plug-in, so it loads into ws and into WasmEdge.
 *
 *   wasmedge_plugin::String     owns a WasmEdge_String (StringDelete on scope exit)
 *   wasmedge_plugin::FunctionType  owns a function type (deleted after use)
 *   wasmedge_plugin::Module     owns a module instance until release()d to the host
 *   wasmedge_plugin::GuestMemory   bounds-checked views of the caller's memory
 *   wasmedge_plugin::host_function<Fn>  a C host-function pointer that never lets
 *                               a C++ exception cross into the host
 */
#ifndef WASMEDGE_PLUGIN_HPP
#define WASMEDGE_PLUGIN_HPP

#include <wasmedge/wasmedge.h>

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wasmedge_plugin {

/** A view of a WasmEdge_String (not NUL-terminated). */
inline std::string_view view(const WasmEdge_String &S) {
  return S.Buf == nullptr ? std::string_view() : std::string_view(S.Buf, S.Length);
}

/** An owned WasmEdge_String, deleted when it goes out of scope. */
class String {
public:
  explicit String(std::string_view Text)
      : Value(WasmEdge_StringCreateByBuffer(Text.data(), static_cast<uint32_t>(Text.size()))) {}
  ~String() { WasmEdge_StringDelete(Value); }
  String(const String &) = delete;
  String &operator=(const String &) = delete;
  operator WasmEdge_String() const { return Value; }

private:
  WasmEdge_String Value;
};

/** Value types, for FunctionType lists. */
inline WasmEdge_ValType i32() { return WasmEdge_ValTypeGenI32(); }
inline WasmEdge_ValType i64() { return WasmEdge_ValTypeGenI64(); }
inline WasmEdge_ValType f32() { return WasmEdge_ValTypeGenF32(); }
inline WasmEdge_ValType f64() { return WasmEdge_ValTypeGenF64(); }

/** An owned function type. Function instances copy it, so it may die first. */
class FunctionType {
public:
  FunctionType(std::initializer_list<WasmEdge_ValType> Params, std::initializer_list<WasmEdge_ValType> Results) {
    std::vector<WasmEdge_ValType> P(Params), R(Results);
    Cxt = WasmEdge_FunctionTypeCreate(P.data(), static_cast<uint32_t>(P.size()), R.data(),
                                      static_cast<uint32_t>(R.size()));
    if (Cxt == nullptr) throw std::bad_alloc();
  }
  ~FunctionType() { WasmEdge_FunctionTypeDelete(Cxt); }
  FunctionType(const FunctionType &) = delete;
  FunctionType &operator=(const FunctionType &) = delete;
  const WasmEdge_FunctionTypeContext *get() const { return Cxt; }

private:
  WasmEdge_FunctionTypeContext *Cxt;
};

/** Results a host function returns. */
inline WasmEdge_Result success() { return WasmEdge_Result_Success; }
/** Stops the guest like proc_exit(0). */
inline WasmEdge_Result terminate() { return WasmEdge_Result_Terminate; }
/** Traps the guest with "host function failed". */
inline WasmEdge_Result host_error() {
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_HostFuncError);
}
/** Traps the guest with "out of bounds memory access". */
inline WasmEdge_Result out_of_bounds() {
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_MemoryOutOfBounds);
}
/** Traps the guest with a plug-in-defined code (category UserLevelError). */
inline WasmEdge_Result user_error(uint32_t Code) {
  return WasmEdge_ResultGen(WasmEdge_ErrCategory_UserLevelError, Code);
}

/** Thrown inside a host function to trap the guest with `Result`. */
struct Trap {
  WasmEdge_Result Result;
};

/**
 * The memory of the calling guest (index 0 by default). Every access is
 * bounds-checked against the memory's size *now*: take pointers only for the
 * duration of the call, and take them again after anything that may grow the
 * memory (a call back into the guest).
 */
class GuestMemory {
public:
  explicit GuestMemory(const WasmEdge_CallingFrameContext *Frame, uint32_t Index = 0)
      : Cxt(WasmEdge_CallingFrameGetMemoryInstance(Frame, Index)) {}
  bool exists() const { return Cxt != nullptr; }

  /** `Length` bytes at `Offset`, or throws Trap{out_of_bounds()}. */
  uint8_t *bytes(uint32_t Offset, uint32_t Length) const {
    uint8_t *P = WasmEdge_MemoryInstanceGetPointer(Cxt, Offset, Length);
    if (P == nullptr) throw Trap{out_of_bounds()};
    return P;
  }
  std::string_view string(uint32_t Offset, uint32_t Length) const {
    return std::string_view(reinterpret_cast<const char *>(bytes(Offset, Length)), Length);
  }
  /** Stores a little-endian u32 at `Offset` (no alignment needed). */
  void store_u32(uint32_t Offset, uint32_t Value) const {
    uint8_t *P = bytes(Offset, 4);
    for (int I = 0; I < 4; ++I) P[I] = static_cast<uint8_t>(Value >> (8 * I));
  }

private:
  WasmEdge_MemoryInstanceContext *Cxt;
};

/** Signature of the C++ host functions host_function<> adapts. */
template <typename Data>
using HostBody = WasmEdge_Result (*)(Data &State, const WasmEdge_CallingFrameContext *Frame,
                                     const WasmEdge_Value *In, WasmEdge_Value *Out);

/**
 * A C host function calling `Body(*static_cast<Data *>(data), ...)`. A Trap
 * becomes its result; any other exception becomes HostFuncError, because an
 * exception must never unwind into the host (C code, or a JS engine).
 */
template <typename Data, HostBody<Data> Body>
WasmEdge_Result host_function(void *State, const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *In,
                              WasmEdge_Value *Out) noexcept {
  try {
    return Body(*static_cast<Data *>(State), Frame, In, Out);
  } catch (const Trap &T) {
    return T.Result;
  } catch (...) {
    return host_error();
  }
}

/**
 * A module instance under construction, owning typed host data `Data` (deleted
 * by the host's finalizer when the instance is deleted). Hand it to the host
 * with release() from a module descriptor's Create.
 */
template <typename Data>
class Module {
public:
  Module(std::string_view ImportName, std::unique_ptr<Data> State) {
    Data *Raw = State.get();
    Cxt = WasmEdge_ModuleInstanceCreateWithData(String(ImportName), Raw, &finalize);
    if (Cxt == nullptr) throw std::bad_alloc();
    State.release(); /* owned by the instance now: finalize() deletes it */
    this->State = Raw;
  }
  ~Module() {
    if (Cxt != nullptr) WasmEdge_ModuleInstanceDelete(Cxt);
  }
  Module(const Module &) = delete;
  Module &operator=(const Module &) = delete;

  /** Adds host function `Name`; its Data pointer is this module's host data. */
  template <HostBody<Data> Body>
  Module &add(std::string_view Name, const FunctionType &Type, uint64_t Cost = 0) {
    WasmEdge_FunctionInstanceContext *F =
        WasmEdge_FunctionInstanceCreate(Type.get(), &host_function<Data, Body>, State, Cost);
    if (F == nullptr) throw std::bad_alloc();
    /* The module owns F now. The result is ignored on purpose: the function
     * returns void in WasmEdge 0.17.x, and fails only for NULL arguments. */
    WasmEdge_ModuleInstanceAddFunction(Cxt, String(Name), F);
    return *this;
  }

  /** Gives the instance to the caller (the host); this object forgets it. */
  WasmEdge_ModuleInstanceContext *release() { return std::exchange(Cxt, nullptr); }

private:
  static void finalize(void *Raw) { delete static_cast<Data *>(Raw); }
  WasmEdge_ModuleInstanceContext *Cxt = nullptr;
  Data *State = nullptr;
};

/**
 * Runs `Make()` (which builds a Module and returns release()) for a module
 * descriptor's Create; returns NULL instead of letting an exception escape.
 */
template <typename MakeFn>
WasmEdge_ModuleInstanceContext *create_module(MakeFn &&Make) noexcept {
  try {
    return Make();
  } catch (...) {
    return nullptr;
  }
}

} // namespace wasmedge_plugin

#endif /* WASMEDGE_PLUGIN_HPP */
