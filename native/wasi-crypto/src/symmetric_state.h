// Symmetric keys, tags and states (spec B.6.5, B.9): hashes, HMAC, HKDF
// extract/expand and AEADs, one struct with the fields each family uses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "algorithms.h"
#include "crypto_errno.h"
#include "objects.h"
#include "openssl_ptr.h"

namespace wasi_crypto {

struct SymmetricKey {
  const SymmetricAlgorithm *algorithm = nullptr;
  SecretBytes raw;
};

struct SymmetricTag {
  const SymmetricAlgorithm *algorithm = nullptr;
  SecretBytes raw;
};

struct SymmetricState {
  std::mutex mutex;
  const SymmetricAlgorithm *algorithm = nullptr;
  MdCtxPtr hash;          // Hash: the running digest
  MacCtxPtr mac;          // HMAC: the running MAC
  SecretBytes key;        // HKDF: IKM or PRK. AEAD: the cipher key (XChaCha: the HChaCha20 subkey)
  SecretBytes absorbed;   // HKDF: salt or info. AEAD: associated data
  SecretBytes nonce;      // AEAD: the nonce as the guest sees it (12 bytes, XChaCha 24)
  uint8_t cipherIv[12] = {};  // AEAD: the 96-bit nonce given to OpenSSL
  bool encrypted = false; // AEAD: a state encrypts one message (one nonce, one use)
  bool decrypted = false; // AEAD: the nonce already sealed someone's message: no encryption
};

// Key sizes: generate makes the natural size; import checks it (AEAD keys of
// the wrong size are rejected here with invalid_key rather than at
// state_open with invalid_handle as in WasmEdge: spec B.10 #12).
Errno generateSymmetricKey(const SymmetricAlgorithm *algorithm, SecretBytes *out);
Errno checkSymmetricKeyImport(const SymmetricAlgorithm *algorithm, std::size_t len);

Errno openSymmetricState(const SymmetricAlgorithm *algorithm, const SymmetricKey *key, const Options *options,
                         SymmetricState *state);
Errno cloneSymmetricState(const SymmetricState &state, SymmetricState *copy);
Errno absorbSymmetric(SymmetricState &state, const uint8_t *data, std::size_t len);
Errno squeezeSymmetric(SymmetricState &state, uint8_t *out, std::size_t len);
Errno squeezeTag(SymmetricState &state, SecretBytes *tag);
Errno squeezeKey(SymmetricState &state, const SymmetricAlgorithm *target, SecretBytes *key);
Errno stateOption(const SymmetricState &state, const std::string &name, const SecretBytes **value);

// HMAC over the concatenation of up to three pieces (HKDF uses it).
Errno hmacOneShot(const char *digest, const SecretBytes &key, const uint8_t *a, std::size_t aLen,
                  const uint8_t *b, std::size_t bLen, const uint8_t *c, std::size_t cLen, uint8_t *out);

}  // namespace wasi_crypto
