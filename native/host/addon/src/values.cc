#include "values.h"
#include <cstring>

namespace ws {

const char *KindName(ValKind kind) {
  switch (kind) {
    case ValKind::I32: return "i32";
    case ValKind::I64: return "i64";
    case ValKind::F32: return "f32";
    case ValKind::F64: return "f64";
    case ValKind::V128: return "v128";
    case ValKind::FuncRef: return "funcref";
    case ValKind::ExternRef: return "externref";
    default: return "unknown";
  }
}

bool KindFromName(const std::string &name, WasmEdge_ValType *out) {
  if (name == "i32") *out = WasmEdge_ValTypeGenI32();
  else if (name == "i64") *out = WasmEdge_ValTypeGenI64();
  else if (name == "f32") *out = WasmEdge_ValTypeGenF32();
  else if (name == "f64") *out = WasmEdge_ValTypeGenF64();
  else return false;
  return true;
}

bool ToWasmEdgeValueSlow(napi_env env, napi_value value, const WasmEdge_ValType &type, WasmEdge_Value *out) {
  std::memset(out, 0, sizeof(*out));
  out->Type = type;
  switch (KindOf(type)) {
    case ValKind::I32: {
      int32_t v = 0;
      // V8 hands i32 arguments over as Numbers; anything else is a caller error.
      if (napi_get_value_int32(env, value, &v) != napi_ok) {
        napi_throw_type_error(env, "WS_HOST_ARGUMENT", "expected a number for an i32 parameter");
        return false;
      }
      out->Value = static_cast<uint32_t>(v);
      return true;
    }
    case ValKind::I64: {
      int64_t v = 0;
      bool lossless = true;
      if (napi_get_value_bigint_int64(env, value, &v, &lossless) != napi_ok) {
        double d = 0;
        // A Number is taken only when it is a safe integer: casting NaN, an
        // infinity or anything beyond int64 to int64_t is undefined behaviour.
        if (napi_get_value_double(env, value, &d) != napi_ok || !(d >= -9007199254740991.0 && d <= 9007199254740991.0) ||
            d != static_cast<double>(static_cast<int64_t>(d))) {
          napi_throw_type_error(env, "WS_HOST_ARGUMENT", "expected a bigint (or a safe integer number) for an i64 parameter");
          return false;
        }
        v = static_cast<int64_t>(d);
      }
      out->Value = static_cast<uint64_t>(v);
      return true;
    }
    case ValKind::F32: {
      double d = 0;
      if (napi_get_value_double(env, value, &d) != napi_ok) {
        napi_throw_type_error(env, "WS_HOST_ARGUMENT", "expected a number for an f32 parameter");
        return false;
      }
      float f = static_cast<float>(d);
      uint32_t bits;
      std::memcpy(&bits, &f, 4);
      out->Value = bits;
      return true;
    }
    case ValKind::F64: {
      double d = 0;
      if (napi_get_value_double(env, value, &d) != napi_ok) {
        napi_throw_type_error(env, "WS_HOST_ARGUMENT", "expected a number for an f64 parameter");
        return false;
      }
      uint64_t bits;
      std::memcpy(&bits, &d, 8);
      out->Value = bits;
      return true;
    }
    default:
      napi_throw_type_error(env, "WS_HOST_ARGUMENT", "parameters of this value type cannot cross into JavaScript");
      return false;
  }
}

napi_value FromWasmEdgeValueSlow(napi_env env, const WasmEdge_Value &value, const WasmEdge_ValType &type) {
  napi_value result = nullptr;
  switch (KindOf(type)) {
    case ValKind::I32:
      napi_create_int32(env, static_cast<int32_t>(static_cast<uint32_t>(value.Value)), &result);
      break;
    case ValKind::I64:
      napi_create_bigint_int64(env, static_cast<int64_t>(static_cast<uint64_t>(value.Value)), &result);
      break;
    case ValKind::F32: {
      uint32_t bits = static_cast<uint32_t>(value.Value);
      float f;
      std::memcpy(&f, &bits, 4);
      napi_create_double(env, f, &result);
      break;
    }
    case ValKind::F64: {
      uint64_t bits = static_cast<uint64_t>(value.Value);
      double d;
      std::memcpy(&d, &bits, 8);
      napi_create_double(env, d, &result);
      break;
    }
    default:
      napi_get_undefined(env, &result);
  }
  return result;
}

Napi::Array TypeNames(Napi::Env env, const WasmEdge_ValType *types, uint32_t count) {
  Napi::Array names = Napi::Array::New(env, count);
  for (uint32_t i = 0; i < count; ++i) names.Set(i, KindName(KindOf(types[i])));
  return names;
}

}  // namespace ws
