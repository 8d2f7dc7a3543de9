/*
 * Bounds-checked access to the calling guest's memory 0, with WasmEdge's
 * rule: a region (ptr,len) is valid only if ptr+len <= memory size, computed
 * without wraparound, even when len is 0. Host functions never call back into
 * the guest, so the memory cannot grow (and pointers stay valid) during a call.
 */
#ifndef WS_WASI_NN_GUEST_MEMORY_H
#define WS_WASI_NN_GUEST_MEMORY_H

#include <wasmedge/wasmedge.h>

#include <stdint.h>
#include <string.h>

/* Stand-in address for valid zero-length regions: never read or written. */
extern uint8_t ws_nn_empty_region[1];

/* The host address of guest region [Ptr, Ptr+Length), or NULL if it is not
 * entirely inside the memory. */
static inline uint8_t *ws_nn_guest_region(WasmEdge_MemoryInstanceContext *Memory, uint32_t Ptr,
                                          uint64_t Length) {
  if (Length == 0) {
    uint64_t Size = WasmEdge_MemoryInstanceGetPageSize(Memory) * UINT64_C(65536);
    return (uint64_t)Ptr <= Size ? ws_nn_empty_region : NULL;
  }
  return WasmEdge_MemoryInstanceGetPointer(Memory, Ptr, Length);
}

static inline uint32_t ws_nn_read_u32(const uint8_t *At) {
  uint32_t Value;
  memcpy(&Value, At, sizeof(Value)); /* guest data may be unaligned; wasm is little-endian like the host */
  return Value;
}

static inline void ws_nn_write_u32(uint8_t *At, uint32_t Value) { memcpy(At, &Value, sizeof(Value)); }

#endif /* WS_WASI_NN_GUEST_MEMORY_H */
