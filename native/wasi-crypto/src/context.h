// The state shared by the five wasi-crypto modules: one set of handle tables.
//
// WasmEdge creates each module separately (WasmEdge_PluginCreateModule), but a
// keypair made through asymmetric_common must be usable by signatures, and an
// array_output made by any module is read through common. Like WasmEdge
// (spec B.1), ws keeps one process-wide Context, created with the first module
// instance and destroyed (wiping every secret) when the last one is deleted:
// each module instance holds a reference. See packages/wasi-crypto/DESIGN.md.
//
// Budgets: every handle is charged to the module instance that created it
// (budget.h); insert and charge refuse past its limits, close refunds, and
// releaseOwner (the module finalizer) closes whatever that instance left open.
//
// Locking: `mutex_` guards the tables and the budgets' counters only. Objects with mutable state carry
// their own mutex, so guests in different worker threads do not serialise
// on long operations such as hashing a large buffer.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "budget.h"
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

  // Stores `object` charged to `owner` with `bytes` it holds: too_many_handles
  // past owner's handle limit, overflow past its byte limit.
  template <class T>
  Errno insert(Budget &owner, HandleTable<T> &table, std::shared_ptr<T> object, uint32_t *handle, uint64_t bytes = 0) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (owner.handles >= owner.maxHandles) return refuse(owner, false);
    if (bytes > owner.maxBytes - owner.bytes) return refuse(owner, true);
    WC_TRY(table.insert(std::move(object), &owner, bytes, handle));
    owner.handles += 1;
    owner.bytes += bytes;
    return Errno::Success;
  }

  // Adds `delta` bytes (negative: gives them back) to what `handle` holds,
  // charged to the budget that owns it: overflow past its byte limit,
  // invalid_handle when the handle is gone.
  template <class T>
  Errno charge(HandleTable<T> &table, uint32_t handle, int64_t delta) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto *entry = table.entry(handle);
    if (entry == nullptr) return Errno::InvalidHandle;
    Budget &owner = *entry->owner;
    if (delta >= 0) {
      if (static_cast<uint64_t>(delta) > owner.maxBytes - owner.bytes) return refuse(owner, true);
      owner.bytes += static_cast<uint64_t>(delta);
      entry->bytes += static_cast<uint64_t>(delta);
    } else {
      uint64_t refund = std::min<uint64_t>(entry->bytes, static_cast<uint64_t>(-(delta + 1)) + 1);
      owner.bytes -= refund;
      entry->bytes -= refund;
    }
    return Errno::Success;
  }

  // Closes every handle charged to `owner` (its module instance is going away).
  void releaseOwner(Budget &owner);

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
    auto *entry = table.entry(handle);
    if (entry == nullptr) return Errno::Closed;
    dropped = entry->object;
    entry->owner->handles -= 1;
    entry->owner->bytes -= entry->bytes;
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
  // The error for a refused charge, after one line on stderr the first time
  // for this budget and kind (handles or bytes).
  static Errno refuse(Budget &owner, bool bytes);
  std::mutex mutex_;
};

}  // namespace wasi_crypto
