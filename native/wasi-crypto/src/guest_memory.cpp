#include "guest_memory.h"

#include <cstring>

namespace wasi_crypto {

namespace {
constexpr uint64_t kWasmPageSize = 65536;
uint8_t zeroLengthDummy;
}  // namespace

GuestMemory::GuestMemory(const WasmEdge_CallingFrameContext *frame)
    : memory_(frame ? WasmEdge_CallingFrameGetMemoryInstance(frame, 0) : nullptr) {}

Errno GuestMemory::bytes(uint32_t ptr, uint32_t len, uint8_t **out) const {
  if (memory_ == nullptr) return Errno::AlgorithmFailure;
  if (len == 0) {
    uint64_t size = WasmEdge_MemoryInstanceGetPageSize(memory_) * kWasmPageSize;
    if (static_cast<uint64_t>(ptr) > size) return Errno::AlgorithmFailure;
    *out = &zeroLengthDummy;
    return Errno::Success;
  }
  uint8_t *p = WasmEdge_MemoryInstanceGetPointer(memory_, ptr, len);
  if (p == nullptr) return Errno::AlgorithmFailure;
  *out = p;
  return Errno::Success;
}

Errno GuestMemory::constBytes(uint32_t ptr, uint32_t len, const uint8_t **out) const {
  uint8_t *p = nullptr;
  WC_TRY(bytes(ptr, len, &p));
  *out = p;
  return Errno::Success;
}

Errno GuestMemory::checkOut(uint32_t ptr, uint32_t size) const {
  uint8_t *p = nullptr;
  return bytes(ptr, size, &p);
}

Errno GuestMemory::writeU32(uint32_t ptr, uint32_t value) const {
  uint8_t *p = nullptr;
  WC_TRY(bytes(ptr, 4, &p));
  // wasm32 is little-endian, as is every host we build for.
  std::memcpy(p, &value, 4);
  return Errno::Success;
}

Errno GuestMemory::writeU64(uint32_t ptr, uint64_t value) const {
  uint8_t *p = nullptr;
  WC_TRY(bytes(ptr, 8, &p));
  std::memcpy(p, &value, 8);
  return Errno::Success;
}

Errno GuestMemory::readString(uint32_t ptr, uint32_t len, std::string *out) const {
  const uint8_t *p = nullptr;
  WC_TRY(constBytes(ptr, len, &p));
  out->assign(reinterpret_cast<const char *>(p), len);
  return Errno::Success;
}

Errno GuestMemory::readOptionalHandle(uint32_t ptr, std::optional<uint32_t> *out) const {
  const uint8_t *p = nullptr;
  WC_TRY(constBytes(ptr, 8, &p));
  if (p[0] == 1) {
    out->reset();
  } else {
    uint32_t handle;
    std::memcpy(&handle, p + 4, 4);
    *out = handle;
  }
  return Errno::Success;
}

}  // namespace wasi_crypto
