/*
 * Guest-memory and parameter helpers for the TensorFlow plug-ins' host
 * functions. Every guest range goes through WasmEdge_MemoryInstanceGetPointer,
 * which returns NULL for a range outside memory (64-bit arithmetic: no wrap).
 */
#ifndef WS_TF_GUEST_H
#define WS_TF_GUEST_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <wasmedge/wasmedge.h>

static inline uint32_t ws_param_u32(const WasmEdge_Value *Params, int Index) {
  return (uint32_t)WasmEdge_ValueGetI32(Params[Index]);
}

static inline uint64_t ws_param_u64(const WasmEdge_Value *Params, int Index) {
  return (uint64_t)WasmEdge_ValueGetI64(Params[Index]);
}

static inline WasmEdge_Result ws_return_i32(WasmEdge_Value *Returns, uint32_t Value) {
  Returns[0] = WasmEdge_ValueGenI32((int32_t)Value);
  return WasmEdge_Result_Success;
}

static inline WasmEdge_Result ws_return_i64(WasmEdge_Value *Returns, uint64_t Value) {
  Returns[0] = WasmEdge_ValueGenI64((int64_t)Value);
  return WasmEdge_Result_Success;
}

static inline WasmEdge_MemoryInstanceContext *ws_guest_memory(const WasmEdge_CallingFrameContext *Frame) {
  return WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
}

/* Guest bytes [Offset, Offset+Length), or NULL when out of range. A zero
 * length at an in-range offset is valid. */
static inline uint8_t *ws_guest_bytes(WasmEdge_MemoryInstanceContext *Memory, uint32_t Offset, uint64_t Length) {
  if (Memory == NULL) return NULL;
  return WasmEdge_MemoryInstanceGetPointer(Memory, Offset, Length);
}

/* Stores a little-endian u32 at Offset; false when out of range. */
static inline bool ws_guest_store_u32(WasmEdge_MemoryInstanceContext *Memory, uint32_t Offset, uint32_t Value) {
  uint8_t *Target = ws_guest_bytes(Memory, Offset, 4);
  if (Target == NULL) return false;
  memcpy(Target, &Value, 4); /* wasm memory is little-endian, as are our hosts */
  return true;
}

#endif /* WS_TF_GUEST_H */
