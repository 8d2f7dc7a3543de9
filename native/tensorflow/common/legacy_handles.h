/*
 * Handles of the legacy ABI (WasmEdge <= 0.12). Upstream returned raw host
 * pointers as u64 "contexts" and "tensors"; here they encode table ids, so a
 * guest can neither forge a pointer nor use a deleted session:
 *   session handle = id + 1                      (0 = no session)
 *   tensor handle  = (id + 1) << 32 | (index + 1) (0 = no tensor)
 * The tensor is looked up again on every use, so a handle stays valid
 * across runs (each run replaces the output tensors).
 */
#ifndef WS_TF_LEGACY_HANDLES_H
#define WS_TF_LEGACY_HANDLES_H

#include <stdbool.h>
#include <stdint.h>

static inline uint64_t ws_legacy_session_handle(uint32_t Id) { return (uint64_t)Id + 1; }

static inline bool ws_legacy_session_id(uint64_t Handle, uint32_t *Id) {
  if (Handle == 0 || Handle > UINT32_MAX) return false;
  *Id = (uint32_t)(Handle - 1);
  return true;
}

static inline uint64_t ws_legacy_tensor_handle(uint32_t Id, uint32_t Index) {
  return (((uint64_t)Id + 1) << 32) | ((uint64_t)Index + 1);
}

static inline bool ws_legacy_tensor_id(uint64_t Handle, uint32_t *Id, uint32_t *Index) {
  const uint32_t High = (uint32_t)(Handle >> 32), Low = (uint32_t)Handle;
  if (High == 0 || Low == 0) return false;
  *Id = High - 1;
  *Index = Low - 1;
  return true;
}

#endif /* WS_TF_LEGACY_HANDLES_H */
