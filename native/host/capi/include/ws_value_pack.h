/*
 * Builds a WasmEdge_Value holding at most 64 bits with two whole 16-byte
 * stores. Plug-ins pass WasmEdge_Value by value (32-byte copies with 16-byte
 * loads); a value written in smaller pieces makes each such copy wait for
 * store forwarding, which was a third of a host call's cost
 * (bench/core.bench.mjs). Shared by the stand-in and the bridge addon.
 */
#ifndef WS_VALUE_PACK_H
#define WS_VALUE_PACK_H

#include <string.h>
#include "wasmedge/wasmedge.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The 8 bytes of a WasmEdge_ValType as one integer (little-endian). */
static inline uint64_t ws_valtype_bits(WasmEdge_ValType Type) {
  uint64_t Bits;
  memcpy(&Bits, Type.Data, sizeof(Bits));
  return Bits;
}

/* Value bits in the low 64 bits (upper bits zero), the type after them. */
static inline WasmEdge_Value ws_value_pack(uint64_t Low, uint64_t TypeBits) {
  WasmEdge_Value V;
#if defined(__SSE2__)
  _mm_store_si128((__m128i *)(void *)&V, _mm_cvtsi64_si128((long long)Low));
  _mm_store_si128((__m128i *)(void *)&V + 1, _mm_cvtsi64_si128((long long)TypeBits));
#else
  memset(&V, 0, sizeof(V));
  memcpy(&V.Value, &Low, sizeof(Low));
  memcpy(V.Type.Data, &TypeBits, sizeof(TypeBits));
#endif
  return V;
}

/* Type bits of i32/i64/f32/f64: byte 2 = type code, byte 3 = 0x40 (no heap type). */
#define WS_VALTYPE_BITS(Code) (((uint64_t)0x40 << 24) | ((uint64_t)(Code) << 16))

#endif /* WS_VALUE_PACK_H */
