// What one module instance (one guest runtime) may make the plug-in hold
// (--crypto-max-handles, --crypto-max-bytes) and what it holds now. Handles
// stay process-wide (context.h); each table entry records the Budget of the
// module instance that created it, so closing a handle through any module
// gives its share back, and the module's finalizer closes everything it
// created. Counters change only under Context's table mutex.
#pragma once

#include <cstdint>

namespace wasi_crypto {

constexpr uint32_t kDefaultMaxHandles = 4096;
constexpr uint64_t kDefaultMaxBytes = 64ull * 1024 * 1024;

struct Budget {
  uint32_t maxHandles = kDefaultMaxHandles;
  uint64_t maxBytes = kDefaultMaxBytes;
  uint32_t handles = 0;  // live handles created through this module instance
  uint64_t bytes = 0;    // bytes held by them: array outputs, absorbed data, option values, imported keys
  bool warnedHandles = false;
  bool warnedBytes = false;
};

}  // namespace wasi_crypto
