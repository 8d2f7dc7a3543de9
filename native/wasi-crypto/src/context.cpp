#include "context.h"

#include <wasmedge/ws_extensions.h>

#include <cinttypes>
#include <cstdio>

#include "objects.h"
#include "signing.h"
#include "symmetric_state.h"

namespace wasi_crypto {

namespace {
std::mutex instanceMutex;
Context *instance = nullptr;
std::size_t references = 0;
}  // namespace

Context *Context::acquire() {
  std::lock_guard<std::mutex> lock(instanceMutex);
  if (instance == nullptr) instance = new Context();
  ++references;
  return instance;
}

void Context::release(Context *context) {
  std::lock_guard<std::mutex> lock(instanceMutex);
  if (context != instance || references == 0) return;
  if (--references == 0) {
    delete instance;
    instance = nullptr;
  }
}

void Context::releaseOwner(Budget &owner) {
  std::vector<std::shared_ptr<void>> dropped;  // destroyed after the lock is released
  std::lock_guard<std::mutex> lock(mutex_);
  arrayOutputs.eraseOwnedBy(&owner, &dropped);
  options.eraseOwnedBy(&owner, &dropped);
  verificationStates.eraseOwnedBy(&owner, &dropped);
  publicKeys.eraseOwnedBy(&owner, &dropped);
  secretKeys.eraseOwnedBy(&owner, &dropped);
  keyPairs.eraseOwnedBy(&owner, &dropped);
  signatures.eraseOwnedBy(&owner, &dropped);
  signatureStates.eraseOwnedBy(&owner, &dropped);
  symmetricStates.eraseOwnedBy(&owner, &dropped);
  symmetricKeys.eraseOwnedBy(&owner, &dropped);
  symmetricTags.eraseOwnedBy(&owner, &dropped);
  owner.handles = 0;
  owner.bytes = 0;
}

Errno Context::refuse(Budget &owner, bool bytes) {
  bool &warned = bytes ? owner.warnedBytes : owner.warnedHandles;
  if (!warned && ws_current_log_level() <= WasmEdge_LogLevel_Warn) {
    if (bytes) {
      std::fprintf(stderr,
                   "[ws:wasi-crypto] This guest's handles hold %" PRIu64 " bytes, and the most one module instance "
                   "may hold is %" PRIu64 ": a call that would hold more returns overflow (16). Close states and "
                   "array outputs the guest no longer needs, or raise the limit with --crypto-max-bytes BYTES.\n",
                   owner.bytes, owner.maxBytes);
    } else {
      std::fprintf(stderr,
                   "[ws:wasi-crypto] This guest holds %" PRIu32 " handles, the most one module instance may: "
                   "creating another returns too_many_handles (18) until one is closed. Close handles the guest "
                   "no longer needs, or raise the limit with --crypto-max-handles N.\n",
                   owner.handles);
    }
  }
  warned = true;
  return bytes ? Errno::Overflow : Errno::TooManyHandles;
}

// Dropping the tables frees every object; their destructors wipe secrets
// (SecretBytes, EVP_PKEY_free, EVP_MAC_CTX_free, EVP_CIPHER_CTX_free).
Context::~Context() = default;

}  // namespace wasi_crypto
