// Signature creation and verification (spec B.6.4, B.8.1) and signature
// encodings. ECDSA signatures are kept as fixed-width r||s (2 x field size);
// DER is produced and parsed exactly (spec B.10 #2, #3, #4).
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "crypto_errno.h"
#include "objects.h"
#include "openssl_ptr.h"

namespace wasi_crypto {

struct Signature {
  const AsymmetricAlgorithm *algorithm = nullptr;
  std::vector<uint8_t> raw;
};

// What has been absorbed so far: a running digest for ECDSA and RSA, the
// whole message for Ed25519 (one-shot in OpenSSL). Signing does not reset it.
struct SigningState {
  std::mutex mutex;
  AsymmetricKey key;
  MdCtxPtr digest;
  SecretBytes message;
};
struct SignatureState : SigningState {};
struct VerificationState : SigningState {};

enum class SignatureEncoding : uint16_t { Raw = 0, Der = 1 };

Errno openSigningState(const AsymmetricKey &key, SigningState *state);
Errno absorbSigningState(SigningState &state, const uint8_t *data, std::size_t len);
Errno signState(SigningState &state, std::vector<uint8_t> *raw);
Errno verifyState(SigningState &state, const Signature &signature);

Errno importSignature(const AsymmetricAlgorithm *algorithm, const uint8_t *data, std::size_t len,
                      uint32_t encoding, Signature *out);
Errno exportSignature(const Signature &signature, uint32_t encoding, SecretBytes *out);

}  // namespace wasi_crypto
