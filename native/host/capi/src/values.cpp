// WasmEdge_ValType (8-byte encoding) and WasmEdge_Value (number in the low
// bits of Value, little-endian; references hold a pointer).
#include "internal.h"
#include "ws_value_pack.h"

#include <cstring>

namespace {

WasmEdge_ValType genValType(uint8_t Code, uint8_t HeapCode) noexcept {
  WasmEdge_ValType T;
  std::memset(T.Data, 0, sizeof(T.Data));
  T.Data[2] = Code;
  T.Data[3] = HeapCode;
  return T;
}

uint8_t typeCode(const WasmEdge_ValType &T) noexcept { return T.Data[2]; }
uint8_t heapCode(const WasmEdge_ValType &T) noexcept { return T.Data[3]; }

bool isRefCode(uint8_t Code) noexcept {
  return Code == WasmEdge_TypeCode_Ref || Code == WasmEdge_TypeCode_RefNull;
}

// Abstract heap types that belong to the func / extern hierarchies
// (func, nofunc; extern, noextern).
constexpr uint8_t kHeapNoFunc = 0x73;
constexpr uint8_t kHeapNoExtern = 0x72;

WasmEdge_Value genValue(uint128_t Bits, const WasmEdge_ValType &Type) noexcept {
  WasmEdge_Value V;
  std::memset(&V, 0, sizeof(V));
  V.Value = Bits;
  V.Type = Type;
  return V;
}

template <typename T>
uint128_t bitsOf(const T &Value) noexcept {
  static_assert(sizeof(T) <= sizeof(uint128_t), "value too large");
  uint128_t Bits;
  std::memset(&Bits, 0, sizeof(Bits));
  std::memcpy(&Bits, &Value, sizeof(T));
  return Bits;
}

template <typename T>
T fromBits(const uint128_t &Bits) noexcept {
  T Value;
  std::memcpy(&Value, &Bits, sizeof(T));
  return Value;
}

}  // namespace

WS_EXPORT WasmEdge_ValType WasmEdge_ValTypeGenI32(void) { return genValType(WasmEdge_TypeCode_I32, WasmEdge_HeapTypeCode_Epsilon); }
WS_EXPORT WasmEdge_ValType WasmEdge_ValTypeGenI64(void) { return genValType(WasmEdge_TypeCode_I64, WasmEdge_HeapTypeCode_Epsilon); }
WS_EXPORT WasmEdge_ValType WasmEdge_ValTypeGenF32(void) { return genValType(WasmEdge_TypeCode_F32, WasmEdge_HeapTypeCode_Epsilon); }
WS_EXPORT WasmEdge_ValType WasmEdge_ValTypeGenF64(void) { return genValType(WasmEdge_TypeCode_F64, WasmEdge_HeapTypeCode_Epsilon); }
WS_EXPORT WasmEdge_ValType WasmEdge_ValTypeGenV128(void) { return genValType(WasmEdge_TypeCode_V128, WasmEdge_HeapTypeCode_Epsilon); }
WS_EXPORT WasmEdge_ValType WasmEdge_ValTypeGenFuncRef(void) { return genValType(WasmEdge_TypeCode_RefNull, WasmEdge_HeapTypeCode_Func); }
WS_EXPORT WasmEdge_ValType WasmEdge_ValTypeGenExternRef(void) { return genValType(WasmEdge_TypeCode_RefNull, WasmEdge_HeapTypeCode_Extern); }

WS_EXPORT bool WasmEdge_ValTypeIsEqual(const WasmEdge_ValType ValType1, const WasmEdge_ValType ValType2) {
  // Bytes 0 (padding) and 1 (externalize flag) do not take part.
  return std::memcmp(ValType1.Data + 2, ValType2.Data + 2, 6) == 0;
}

WS_EXPORT bool WasmEdge_ValTypeIsI32(const WasmEdge_ValType ValType) { return typeCode(ValType) == WasmEdge_TypeCode_I32; }
WS_EXPORT bool WasmEdge_ValTypeIsI64(const WasmEdge_ValType ValType) { return typeCode(ValType) == WasmEdge_TypeCode_I64; }
WS_EXPORT bool WasmEdge_ValTypeIsF32(const WasmEdge_ValType ValType) { return typeCode(ValType) == WasmEdge_TypeCode_F32; }
WS_EXPORT bool WasmEdge_ValTypeIsF64(const WasmEdge_ValType ValType) { return typeCode(ValType) == WasmEdge_TypeCode_F64; }
WS_EXPORT bool WasmEdge_ValTypeIsV128(const WasmEdge_ValType ValType) { return typeCode(ValType) == WasmEdge_TypeCode_V128; }

WS_EXPORT bool WasmEdge_ValTypeIsFuncRef(const WasmEdge_ValType ValType) {
  uint8_t Heap = heapCode(ValType);
  return isRefCode(typeCode(ValType)) && (Heap == WasmEdge_HeapTypeCode_Func || Heap == kHeapNoFunc);
}

WS_EXPORT bool WasmEdge_ValTypeIsExternRef(const WasmEdge_ValType ValType) {
  uint8_t Heap = heapCode(ValType);
  return isRefCode(typeCode(ValType)) && (Heap == WasmEdge_HeapTypeCode_Extern || Heap == kHeapNoExtern);
}

WS_EXPORT bool WasmEdge_ValTypeIsRef(const WasmEdge_ValType ValType) { return isRefCode(typeCode(ValType)); }

WS_EXPORT bool WasmEdge_ValTypeIsRefNull(const WasmEdge_ValType ValType) {
  return typeCode(ValType) == WasmEdge_TypeCode_RefNull;
}

WS_EXPORT WasmEdge_Value WasmEdge_ValueGenI32(const int32_t Val) {
  // An i32 occupies the low 32 bits; WasmEdge zero-extends it.
  return ws_value_pack(static_cast<uint32_t>(Val), WS_VALTYPE_BITS(WasmEdge_TypeCode_I32));
}
WS_EXPORT WasmEdge_Value WasmEdge_ValueGenI64(const int64_t Val) {
  return ws_value_pack(static_cast<uint64_t>(Val), WS_VALTYPE_BITS(WasmEdge_TypeCode_I64));
}
WS_EXPORT WasmEdge_Value WasmEdge_ValueGenF32(const float Val) {
  uint32_t Bits;
  std::memcpy(&Bits, &Val, sizeof(Bits));
  return ws_value_pack(Bits, WS_VALTYPE_BITS(WasmEdge_TypeCode_F32));
}
WS_EXPORT WasmEdge_Value WasmEdge_ValueGenF64(const double Val) {
  uint64_t Bits;
  std::memcpy(&Bits, &Val, sizeof(Bits));
  return ws_value_pack(Bits, WS_VALTYPE_BITS(WasmEdge_TypeCode_F64));
}
WS_EXPORT WasmEdge_Value WasmEdge_ValueGenV128(const int128_t Val) { return genValue(bitsOf(Val), WasmEdge_ValTypeGenV128()); }

WS_EXPORT WasmEdge_Value WasmEdge_ValueGenFuncRef(const WasmEdge_FunctionInstanceContext *Cxt) {
  return genValue(bitsOf(reinterpret_cast<uintptr_t>(Cxt)), WasmEdge_ValTypeGenFuncRef());
}
WS_EXPORT WasmEdge_Value WasmEdge_ValueGenExternRef(void *Ref) {
  return genValue(bitsOf(reinterpret_cast<uintptr_t>(Ref)), WasmEdge_ValTypeGenExternRef());
}

WS_EXPORT int32_t WasmEdge_ValueGetI32(const WasmEdge_Value Val) { return fromBits<int32_t>(Val.Value); }
WS_EXPORT int64_t WasmEdge_ValueGetI64(const WasmEdge_Value Val) { return fromBits<int64_t>(Val.Value); }
WS_EXPORT float WasmEdge_ValueGetF32(const WasmEdge_Value Val) { return fromBits<float>(Val.Value); }
WS_EXPORT double WasmEdge_ValueGetF64(const WasmEdge_Value Val) { return fromBits<double>(Val.Value); }
WS_EXPORT int128_t WasmEdge_ValueGetV128(const WasmEdge_Value Val) { return fromBits<int128_t>(Val.Value); }

WS_EXPORT bool WasmEdge_ValueIsNullRef(const WasmEdge_Value Val) { return fromBits<uintptr_t>(Val.Value) == 0; }

WS_EXPORT const WasmEdge_FunctionInstanceContext *WasmEdge_ValueGetFuncRef(const WasmEdge_Value Val) {
  return reinterpret_cast<const WasmEdge_FunctionInstanceContext *>(fromBits<uintptr_t>(Val.Value));
}
WS_EXPORT void *WasmEdge_ValueGetExternRef(const WasmEdge_Value Val) {
  return reinterpret_cast<void *>(fromBits<uintptr_t>(Val.Value));
}
