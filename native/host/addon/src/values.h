// Conversions between JS values and WasmEdge_Value, by WasmEdge_ValType.
#pragma once
#include <napi.h>
#include <string>
#include "ws_host.h"
#include "ws_value_pack.h"

namespace ws {

enum class ValKind { I32, I64, F32, F64, V128, FuncRef, ExternRef, Unknown };

inline ValKind KindOf(const WasmEdge_ValType &type) {
  switch (type.Data[2]) {
    case 0x7F: return ValKind::I32;
    case 0x7E: return ValKind::I64;
    case 0x7D: return ValKind::F32;
    case 0x7C: return ValKind::F64;
    case 0x7B: return ValKind::V128;
    case 0x63:
    case 0x64: return type.Data[3] == 0x70 ? ValKind::FuncRef : ValKind::ExternRef;
    default: return ValKind::Unknown;
  }
}

const char *KindName(ValKind kind);
bool KindFromName(const std::string &name, WasmEdge_ValType *out);

// Slow paths (every type, errors). Return false with a pending JS exception.
bool ToWasmEdgeValueSlow(napi_env env, napi_value value, const WasmEdge_ValType &type, WasmEdge_Value *out);
napi_value FromWasmEdgeValueSlow(napi_env env, const WasmEdge_Value &value, const WasmEdge_ValType &type);

// Hot path, inlined: i32 in and out. The whole WasmEdge_Value is written in
// one assignment so that the plug-in's by-value reads of it (32-byte copies)
// are not slowed by store-forwarding stalls on partial writes.
inline bool ToWasmEdgeValue(napi_env env, napi_value value, const WasmEdge_ValType &type, WasmEdge_Value *out) {
  if (type.Data[2] == 0x7F) {
    int32_t v;
    if (napi_get_value_int32(env, value, &v) == napi_ok) {
      *out = ws_value_pack(static_cast<uint32_t>(v), ws_valtype_bits(type));
      return true;
    }
  }
  return ToWasmEdgeValueSlow(env, value, type, out);
}

inline napi_value FromWasmEdgeValue(napi_env env, const WasmEdge_Value &value, const WasmEdge_ValType &type) {
  if (type.Data[2] == 0x7F) {
    napi_value result;
    napi_create_int32(env, static_cast<int32_t>(static_cast<uint32_t>(value.Value)), &result);
    return result;
  }
  return FromWasmEdgeValueSlow(env, value, type);
}

Napi::Array TypeNames(Napi::Env env, const WasmEdge_ValType *types, uint32_t count);

}  // namespace ws
