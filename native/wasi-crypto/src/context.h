// The state shared by the five wasi-crypto modules: one set of handle tables.
//
// WasmEdge creates each module separately (WasmEdge_PluginCreateModule), but a
// keypair made through asymmetric_common must be usable by signatures, and an
// array_output made by any module is read through common. Like WasmEdge
// (spec B.1), ws keeps one process-wide Context, created with the first module
// instance and destroyed (wiping every secret) when the last one is deleted:
// each module instance holds a reference. See packages/wasi-crypto/DESIGN.md.
//
// Locking: `mutex_` guards the tables only. Objects with mutable state carry
// their own mutex, so guests in different worker threads do not serialise
// on long operations such as hashing a large buffer.
#pragma once

#include <memory>
#include <mutex>

#include "crypto_errno.h"
#include "handle_table.h"

namespace wasi_crypto {

struct ArrayOutput;
struct Options;
struct PublicKey;
struct SecretKey;
struct KeyPair;
struct Signature;
struct SignatureState;
struct VerificationState;
struct SymmetricState;
struct SymmetricKey;
struct SymmetricTag;

class Context {
 public:
  // Reference counting by module instances (see plugin.cpp).
  static Context *acquire();
  static void release(Context *context);

  template <class T>
  Errno insert(HandleTable<T> &table, std::shared_ptr<T> object, uint32_t *handle) {
    std::lock_guard<std::mutex> lock(mutex_);
    return table.insert(std::move(object), handle);
  }

  // invalid_handle when the handle is unknown or of another kind.
  template <class T>
  Errno find(HandleTable<T> &table, uint32_t handle, std::shared_ptr<T> *out) {
    std::lock_guard<std::mutex> lock(mutex_);
    *out = table.find(handle);
    return *out ? Errno::Success : Errno::InvalidHandle;
  }

  // closed when the handle is unknown or already closed (spec B.5).
  template <class T>
  Errno close(HandleTable<T> &table, uint32_t handle) {
    std::shared_ptr<T> dropped;  // destroyed after the lock is released
    std::lock_guard<std::mutex> lock(mutex_);
    dropped = table.find(handle);
    if (!dropped) return Errno::Closed;
    table.erase(handle);
    return Errno::Success;
  }

  HandleTable<ArrayOutput> arrayOutputs{0x00};
  HandleTable<Options> options{0x01};
  HandleTable<VerificationState> verificationStates{0x02};
  HandleTable<PublicKey> publicKeys{0x03};
  HandleTable<SecretKey> secretKeys{0x04};
  HandleTable<KeyPair> keyPairs{0x05};
  HandleTable<Signature> signatures{0x06};
  HandleTable<SignatureState> signatureStates{0x07};
  HandleTable<SymmetricState> symmetricStates{0x08};
  HandleTable<SymmetricKey> symmetricKeys{0x09};
  HandleTable<SymmetricTag> symmetricTags{0x0a};

 private:
  Context() = default;
  ~Context();
  std::mutex mutex_;
};

}  // namespace wasi_crypto
