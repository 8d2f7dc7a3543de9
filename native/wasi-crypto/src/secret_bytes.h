// Byte buffers that hold secrets (keys, plaintexts, shared secrets). The
// allocator wipes every block with OPENSSL_cleanse before freeing it, so a
// secret is zeroed when its handle is closed and also when a vector grows.
#pragma once

#include <openssl/crypto.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wasi_crypto {

template <class T>
struct ZeroingAllocator {
  using value_type = T;
  ZeroingAllocator() noexcept = default;
  template <class U>
  ZeroingAllocator(const ZeroingAllocator<U> &) noexcept {}
  T *allocate(std::size_t n) { return std::allocator<T>().allocate(n); }
  void deallocate(T *p, std::size_t n) noexcept {
    OPENSSL_cleanse(p, n * sizeof(T));
    std::allocator<T>().deallocate(p, n);
  }
  template <class U>
  bool operator==(const ZeroingAllocator<U> &) const noexcept { return true; }
  template <class U>
  bool operator!=(const ZeroingAllocator<U> &) const noexcept { return false; }
};

using SecretBytes = std::vector<uint8_t, ZeroingAllocator<uint8_t>>;

inline SecretBytes secretCopy(const uint8_t *data, std::size_t len) {
  return SecretBytes(data, data + len);
}

}  // namespace wasi_crypto
