// The objects behind handles of the common and asymmetric modules.
#pragma once

#include <openssl/evp.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "algorithms.h"
#include "secret_bytes.h"

namespace wasi_crypto {

// A host-owned byte array the guest reads with array_output_len / _pull
// (spec B.7). It closes itself once fully pulled.
struct ArrayOutput {
  std::mutex mutex;
  SecretBytes data;
  std::size_t position = 0;
};

// An option bag of one family. Only symmetric options accept names.
struct Options {
  explicit Options(AlgorithmType family) : family(family) {}
  std::mutex mutex;
  AlgorithmType family;
  std::map<std::string, SecretBytes> values;  // context, salt, nonce
  std::map<std::string, uint64_t> numbers;    // memory_limit, ops_limit, parallelism
  std::optional<std::pair<uint32_t, uint32_t>> guestBuffer;  // stored, unused
};

using Pkey = std::shared_ptr<EVP_PKEY>;

inline Pkey adoptPkey(EVP_PKEY *key) {
  // EVP_PKEY_free wipes private key material (OpenSSL clears the bignums and
  // the raw Ed25519/X25519 bytes before freeing them).
  return key ? Pkey(key, EVP_PKEY_free) : nullptr;
}

struct AsymmetricKey {
  const AsymmetricAlgorithm *algorithm = nullptr;
  Pkey pkey;
};
struct PublicKey : AsymmetricKey {};
struct SecretKey : AsymmetricKey {};
struct KeyPair : AsymmetricKey {};

}  // namespace wasi_crypto
