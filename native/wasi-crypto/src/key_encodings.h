// Generation, import and export of asymmetric keys in every encoding of the
// matrix in spec B.8.4, with the fixes of B.10 (#8 PKCS#8 export, #9 RSA
// public key check, #10 keypair_from_pk_and_sk, #11 padded EC scalars).
#pragma once

#include <cstddef>
#include <cstdint>

#include "crypto_errno.h"
#include "objects.h"

namespace wasi_crypto {

enum class KeyPairEncoding : uint16_t { Raw = 0, Pkcs8 = 1, Pem = 2, Local = 3 };
enum class PublicKeyEncoding : uint16_t { Raw = 0, Pkcs8 = 1, Pem = 2, Sec = 3, Local = 4 };
enum class SecretKeyEncoding : uint16_t { Raw = 0, Pkcs8 = 1, Pem = 2, Sec = 3, Local = 4 };

Errno generateKeyPair(const AsymmetricAlgorithm *algorithm, Pkey *out);

Errno importPublicKey(const AsymmetricAlgorithm *algorithm, const uint8_t *data, std::size_t len,
                      uint32_t encoding, Pkey *out);
Errno importSecretKey(const AsymmetricAlgorithm *algorithm, const uint8_t *data, std::size_t len,
                      uint32_t encoding, Pkey *out);
Errno importKeyPair(const AsymmetricAlgorithm *algorithm, const uint8_t *data, std::size_t len,
                    uint32_t encoding, Pkey *out);

Errno exportPublicKey(const AsymmetricKey &key, uint32_t encoding, SecretBytes *out);
Errno exportSecretKey(const AsymmetricKey &key, uint32_t encoding, SecretBytes *out);
Errno exportKeyPair(const AsymmetricKey &key, uint32_t encoding, SecretBytes *out);

// A new EVP_PKEY holding only the public half of `key`.
Errno publicPart(const AsymmetricKey &key, Pkey *out);
// publickey_verify: the point is on the curve, the RSA modulus has the
// algorithm's size and a sane exponent, the Edwards point decodes.
Errno checkPublicKey(const AsymmetricKey &key);
// keypair_from_pk_and_sk: the public key must be the one of the secret key.
Errno publicMatchesSecret(const AsymmetricKey &publicKey, const AsymmetricKey &secretKey);

}  // namespace wasi_crypto
