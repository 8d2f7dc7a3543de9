// Conversions between JS values and WasmEdge_Value, by WasmEdge_ValType.
#pragma once
#include <napi.h>
#include <string>
#include "ws_host.h"

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

// Returns false with a pending JS exception when the value does not fit.
bool ToWasmEdgeValue(napi_env env, napi_value value, const WasmEdge_ValType &type, WasmEdge_Value *out);
napi_value FromWasmEdgeValue(napi_env env, const WasmEdge_Value &value, const WasmEdge_ValType &type);

Napi::Array TypeNames(Napi::Env env, const WasmEdge_ValType *types, uint32_t count);

}  // namespace ws
