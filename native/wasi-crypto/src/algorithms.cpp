#include "algorithms.h"

#include <strings.h>

namespace wasi_crypto {

namespace {

constexpr AlgorithmType kSig = AlgorithmType::Signatures;
constexpr AlgorithmType kKx = AlgorithmType::KeyExchange;

const AsymmetricAlgorithm kAsymmetric[] = {
    {"ECDSA_P256_SHA256", kSig, KeyKind::Ec, "prime256v1", 32, "SHA256", 0, false},
    {"ECDSA_K256_SHA256", kSig, KeyKind::Ec, "secp256k1", 32, "SHA256", 0, false},
    // SHA-384, as the name says (WasmEdge uses SHA-256 here: spec B.10 #1).
    {"ECDSA_P384_SHA384", kSig, KeyKind::Ec, "secp384r1", 48, "SHA384", 0, false},
    {"ED25519", kSig, KeyKind::Ed25519, nullptr, 32, nullptr, 0, false},
    {"RSA_PKCS1_2048_SHA256", kSig, KeyKind::Rsa, nullptr, 0, "SHA256", 2048, false},
    {"RSA_PKCS1_2048_SHA384", kSig, KeyKind::Rsa, nullptr, 0, "SHA384", 2048, false},
    {"RSA_PKCS1_2048_SHA512", kSig, KeyKind::Rsa, nullptr, 0, "SHA512", 2048, false},
    {"RSA_PKCS1_3072_SHA384", kSig, KeyKind::Rsa, nullptr, 0, "SHA384", 3072, false},
    {"RSA_PKCS1_3072_SHA512", kSig, KeyKind::Rsa, nullptr, 0, "SHA512", 3072, false},
    {"RSA_PKCS1_4096_SHA512", kSig, KeyKind::Rsa, nullptr, 0, "SHA512", 4096, false},
    {"RSA_PSS_2048_SHA256", kSig, KeyKind::Rsa, nullptr, 0, "SHA256", 2048, true},
    {"RSA_PSS_2048_SHA384", kSig, KeyKind::Rsa, nullptr, 0, "SHA384", 2048, true},
    {"RSA_PSS_2048_SHA512", kSig, KeyKind::Rsa, nullptr, 0, "SHA512", 2048, true},
    {"RSA_PSS_3072_SHA384", kSig, KeyKind::Rsa, nullptr, 0, "SHA384", 3072, true},
    {"RSA_PSS_3072_SHA512", kSig, KeyKind::Rsa, nullptr, 0, "SHA512", 3072, true},
    {"RSA_PSS_4096_SHA512", kSig, KeyKind::Rsa, nullptr, 0, "SHA512", 4096, true},
    {"X25519", kKx, KeyKind::X25519, nullptr, 32, nullptr, 0, false},
    {"P256-SHA256", kKx, KeyKind::Ec, "prime256v1", 32, nullptr, 0, false},
    {"P384-SHA384", kKx, KeyKind::Ec, "secp384r1", 48, nullptr, 0, false},
};

const SymmetricAlgorithm kSymmetric[] = {
    {"SHA-256", SymmetricKind::Hash, "SHA256", 32, 0, nullptr, 0, false},
    {"SHA-512", SymmetricKind::Hash, "SHA512", 64, 0, nullptr, 0, false},
    {"SHA-512/256", SymmetricKind::Hash, "SHA512-256", 32, 0, nullptr, 0, false},
    {"HMAC/SHA-256", SymmetricKind::Hmac, "SHA256", 32, 32, nullptr, 0, false},
    {"HMAC/SHA-512", SymmetricKind::Hmac, "SHA512", 64, 64, nullptr, 0, false},
    {"HKDF-EXTRACT/SHA-256", SymmetricKind::HkdfExtract, "SHA256", 32, 32, nullptr, 0, false},
    {"HKDF-EXTRACT/SHA-512", SymmetricKind::HkdfExtract, "SHA512", 64, 64, nullptr, 0, false},
    {"HKDF-EXPAND/SHA-256", SymmetricKind::HkdfExpand, "SHA256", 32, 32, nullptr, 0, false},
    {"HKDF-EXPAND/SHA-512", SymmetricKind::HkdfExpand, "SHA512", 64, 64, nullptr, 0, false},
    {"AES-128-GCM", SymmetricKind::Aead, nullptr, 16, 16, "AES-128-GCM", 12, false},
    {"AES-256-GCM", SymmetricKind::Aead, nullptr, 16, 32, "AES-256-GCM", 12, false},
    {"CHACHA20-POLY1305", SymmetricKind::Aead, nullptr, 16, 32, "ChaCha20-Poly1305", 12, false},
    {"XCHACHA20-POLY1305", SymmetricKind::Aead, nullptr, 16, 32, "ChaCha20-Poly1305", 24, true},
};

}  // namespace

Errno decodeAlgorithmType(uint32_t raw, AlgorithmType *out) {
  uint16_t value = static_cast<uint16_t>(raw);
  if (value > 2) return Errno::UnsupportedAlgorithm;
  *out = static_cast<AlgorithmType>(value);
  return Errno::Success;
}

Errno findAsymmetricAlgorithm(AlgorithmType family, const std::string &name,
                              const AsymmetricAlgorithm **out) {
  for (const auto &algorithm : kAsymmetric) {
    if (algorithm.family == family && name.size() == std::char_traits<char>::length(algorithm.name) &&
        strncasecmp(name.data(), algorithm.name, name.size()) == 0) {
      *out = &algorithm;
      return Errno::Success;
    }
  }
  return Errno::UnsupportedAlgorithm;
}

Errno findSymmetricAlgorithm(const std::string &name, const SymmetricAlgorithm **out) {
  for (const auto &algorithm : kSymmetric) {
    if (name.size() == std::char_traits<char>::length(algorithm.name) &&
        strncasecmp(name.data(), algorithm.name, name.size()) == 0) {
      *out = &algorithm;
      return Errno::Success;
    }
  }
  return Errno::UnsupportedAlgorithm;
}

}  // namespace wasi_crypto
