// The algorithm catalogue (spec B.8): every name a guest may pass, matched
// case-insensitively, with what the implementation needs to know about it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "crypto_errno.h"

namespace wasi_crypto {

enum class AlgorithmType : uint16_t { Signatures = 0, Symmetric = 1, KeyExchange = 2 };

// Decodes an i32 algorithm_type as WasmEdge does (truncated to u16).
Errno decodeAlgorithmType(uint32_t raw, AlgorithmType *out);

enum class KeyKind { Ec, Ed25519, X25519, Rsa };

struct AsymmetricAlgorithm {
  const char *name;
  AlgorithmType family;  // Signatures or KeyExchange
  KeyKind kind;
  const char *curve;      // OpenSSL group short name (EC only), as reported by keys
  std::size_t fieldBytes; // EC scalar and coordinate size
  const char *digest;     // signature hash (EC, RSA), nullptr otherwise
  int rsaBits;            // exact modulus size (RSA only)
  bool pss;               // RSASSA-PSS rather than PKCS#1 v1.5
};

// unsupported_algorithm when the name is not one of `family`'s algorithms.
Errno findAsymmetricAlgorithm(AlgorithmType family, const std::string &name,
                              const AsymmetricAlgorithm **out);

enum class SymmetricKind { Hash, Hmac, HkdfExtract, HkdfExpand, Aead };

struct SymmetricAlgorithm {
  const char *name;
  SymmetricKind kind;
  const char *digest;      // hash, HMAC and HKDF
  std::size_t outputBytes; // digest size; for AEADs the tag size
  std::size_t keyBytes;    // generated key size (0: no key)
  const char *cipher;      // OpenSSL cipher name (AEAD only)
  std::size_t nonceBytes;  // AEAD only
  bool xchacha;            // XChaCha20-Poly1305 (HChaCha20 subkey, then ChaCha20-Poly1305)
};

Errno findSymmetricAlgorithm(const std::string &name, const SymmetricAlgorithm **out);

}  // namespace wasi_crypto
