// Bounds-checked access to the calling guest's linear memory (memory 0).
// Every region (ptr, len) from a guest is checked as ptr + len <= size,
// computed in 64 bits so it cannot wrap, and this holds even for len == 0
// (as in WasmEdge). Any failure is algorithm_failure (spec B.2): wasi-crypto
// never traps on a bad pointer.
#pragma once

#include <wasmedge/wasmedge.h>

#include <cstdint>
#include <optional>
#include <string>

#include "crypto_errno.h"

namespace wasi_crypto {

class GuestMemory {
 public:
  explicit GuestMemory(const WasmEdge_CallingFrameContext *frame);

  // A pointer to [ptr, ptr+len) or an error. For len == 0 the pointer is a
  // valid dummy address that must not be dereferenced.
  Errno bytes(uint32_t ptr, uint32_t len, uint8_t **out) const;
  Errno constBytes(uint32_t ptr, uint32_t len, const uint8_t **out) const;
  // Checks an out-pointer before any work is done, so that a bad pointer never
  // leaves a handle behind that the guest cannot learn about.
  Errno checkOut(uint32_t ptr, uint32_t size) const;
  Errno writeU32(uint32_t ptr, uint32_t value) const;
  Errno writeU64(uint32_t ptr, uint64_t value) const;
  Errno readString(uint32_t ptr, uint32_t len, std::string *out) const;
  // Reads an opt_options / opt_symmetric_key struct (spec B.2): u8 tag at +0
  // (1 = none, anything else = some), i32 handle at +4.
  Errno readOptionalHandle(uint32_t ptr, std::optional<uint32_t> *out) const;

 private:
  WasmEdge_MemoryInstanceContext *memory_;
};

}  // namespace wasi_crypto
