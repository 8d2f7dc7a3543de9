#include "key_encodings.h"

#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <climits>
#include <cstring>

#include "openssl_ptr.h"

namespace wasi_crypto {

namespace {

// PEM input must never prompt on a terminal for a passphrase.
int refusePassphrase(char *, int, int, void *) { return -1; }

bool isEc(const AsymmetricAlgorithm *a) { return a->kind == KeyKind::Ec; }
bool isRsa(const AsymmetricAlgorithm *a) { return a->kind == KeyKind::Rsa; }
bool isRawOnly(const AsymmetricAlgorithm *a) {
  return a->kind == KeyKind::Ed25519 || a->kind == KeyKind::X25519;
}
const char *rawKeyType(const AsymmetricAlgorithm *a) {
  return a->kind == KeyKind::Ed25519 ? "ED25519" : "X25519";
}

// Keys decoded from DER or PEM must be of the algorithm's type, curve and size.
Errno checkKeyType(const AsymmetricAlgorithm *algorithm, EVP_PKEY *key) {
  switch (algorithm->kind) {
    case KeyKind::Ec: {
      if (!EVP_PKEY_is_a(key, "EC")) return Errno::InvalidKey;
      char group[64];
      size_t len = 0;
      if (!EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) ||
          std::strcmp(group, algorithm->curve) != 0) {
        return Errno::InvalidKey;
      }
      return Errno::Success;
    }
    case KeyKind::Ed25519:
    case KeyKind::X25519:
      return EVP_PKEY_is_a(key, rawKeyType(algorithm)) ? Errno::Success : Errno::InvalidKey;
    case KeyKind::Rsa: {
      bool typeOk = EVP_PKEY_is_a(key, "RSA") || (algorithm->pss && EVP_PKEY_is_a(key, "RSA-PSS"));
      if (!typeOk || EVP_PKEY_get_bits(key) != algorithm->rsaBits) return Errno::InvalidKey;
      return Errno::Success;
    }
  }
  return Errno::InvalidKey;
}

// Checks a new key and takes ownership. This is the only place a key is
// modified: once behind a handle an EVP_PKEY is shared and read-only.
Errno adoptChecked(const AsymmetricAlgorithm *algorithm, EVP_PKEY *key, Pkey *out) {
  if (key == nullptr) return Errno::InvalidKey;
  Pkey owned = adoptPkey(key);
  WC_TRY(checkKeyType(algorithm, key));
  if (algorithm->kind == KeyKind::Ec) {
    // Export points uncompressed even when a compressed point was imported.
    EVP_PKEY_set_utf8_string_param(key, OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT,
                                   OSSL_PKEY_EC_POINT_CONVERSION_FORMAT_UNCOMPRESSED);
  }
  *out = std::move(owned);
  return Errno::Success;
}

EcGroupPtr groupOf(const AsymmetricAlgorithm *algorithm) {
  return EcGroupPtr(EC_GROUP_new_by_curve_name(OBJ_sn2nid(algorithm->curve)));
}

// Builds an EC EVP_PKEY from a group name, an optional private scalar and
// an uncompressed public point.
Errno ecFromData(const AsymmetricAlgorithm *algorithm, const BIGNUM *privateScalar,
                 const uint8_t *point, size_t pointLen, Pkey *out) {
  ParamBuildPtr build(OSSL_PARAM_BLD_new());
  if (!build ||
      !OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, algorithm->curve, 0) ||
      !OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, point, pointLen) ||
      (privateScalar && !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_PRIV_KEY, privateScalar))) {
    return Errno::AlgorithmFailure;
  }
  ParamsPtr params(OSSL_PARAM_BLD_to_param(build.get()));
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY *key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &key, privateScalar ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                        params.get()) <= 0) {
    return Errno::InvalidKey;
  }
  return adoptChecked(algorithm, key, out);
}

// A SEC1 point, compressed or not, re-encoded uncompressed after checking
// that it lies on the curve.
Errno ecPublicFromSec(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, Pkey *out) {
  size_t field = algorithm->fieldBytes;
  if (len != 1 + 2 * field && len != 1 + field) return Errno::InvalidKey;
  EcGroupPtr group = groupOf(algorithm);
  if (!group) return Errno::AlgorithmFailure;
  EcPointPtr point(EC_POINT_new(group.get()));
  if (!point || !EC_POINT_oct2point(group.get(), point.get(), data, len, nullptr)) return Errno::InvalidKey;
  uint8_t uncompressed[1 + 2 * 66];
  size_t n = EC_POINT_point2oct(group.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED, uncompressed,
                                sizeof uncompressed, nullptr);
  if (n != 1 + 2 * field) return Errno::InvalidKey;
  return ecFromData(algorithm, nullptr, uncompressed, n, out);
}

// A raw scalar d, 0 < d < n, exactly field-size bytes; the public point is d*G.
Errno ecFromScalar(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, Pkey *out) {
  if (len != algorithm->fieldBytes) return Errno::InvalidKey;
  EcGroupPtr group = groupOf(algorithm);
  BignumPtr scalar(BN_secure_new());
  if (!group || !scalar || !BN_bin2bn(data, static_cast<int>(len), scalar.get())) return Errno::AlgorithmFailure;
  if (BN_is_zero(scalar.get()) || BN_cmp(scalar.get(), EC_GROUP_get0_order(group.get())) >= 0) {
    return Errno::InvalidKey;
  }
  EcPointPtr point(EC_POINT_new(group.get()));
  if (!point || !EC_POINT_mul(group.get(), point.get(), scalar.get(), nullptr, nullptr, nullptr)) {
    return Errno::AlgorithmFailure;
  }
  uint8_t encoded[1 + 2 * 66];
  size_t n = EC_POINT_point2oct(group.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED, encoded,
                                sizeof encoded, nullptr);
  if (n == 0) return Errno::AlgorithmFailure;
  return ecFromData(algorithm, scalar.get(), encoded, n, out);
}

Errno ecScalar(const AsymmetricAlgorithm *algorithm, EVP_PKEY *key, SecretBytes *out) {
  BIGNUM *raw = nullptr;
  if (!EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &raw)) return Errno::InvalidKey;
  BignumPtr scalar(raw);
  out->assign(algorithm->fieldBytes, 0);
  // Left-padded to the field size (WasmEdge does not pad: spec B.10 #11).
  if (BN_bn2binpad(scalar.get(), out->data(), static_cast<int>(out->size())) < 0) return Errno::AlgorithmFailure;
  return Errno::Success;
}

Errno ecPoint(const AsymmetricAlgorithm *algorithm, EVP_PKEY *key, SecretBytes *out) {
  uint8_t encoded[1 + 2 * 66];
  size_t len = 0;
  if (!EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, encoded, sizeof encoded, &len)) {
    return Errno::InvalidKey;
  }
  EcGroupPtr group = groupOf(algorithm);
  EcPointPtr point(group ? EC_POINT_new(group.get()) : nullptr);
  if (!point || !EC_POINT_oct2point(group.get(), point.get(), encoded, len, nullptr)) return Errno::AlgorithmFailure;
  out->assign(1 + 2 * algorithm->fieldBytes, 0);
  if (EC_POINT_point2oct(group.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED, out->data(), out->size(),
                         nullptr) != out->size()) {
    return Errno::AlgorithmFailure;
  }
  return Errno::Success;
}

Errno rawPrivate(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, Pkey *out) {
  if (len != 32) return Errno::InvalidKey;
  return adoptChecked(algorithm, EVP_PKEY_new_raw_private_key_ex(nullptr, rawKeyType(algorithm), nullptr, data, len),
                      out);
}

Errno rawPublic(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, Pkey *out) {
  if (len != 32) return Errno::InvalidKey;
  return adoptChecked(algorithm, EVP_PKEY_new_raw_public_key_ex(nullptr, rawKeyType(algorithm), nullptr, data, len),
                      out);
}

Errno rawBytes(EVP_PKEY *key, bool privatePart, SecretBytes *out) {
  size_t len = 32;
  out->assign(len, 0);
  int ok = privatePart ? EVP_PKEY_get_raw_private_key(key, out->data(), &len)
                       : EVP_PKEY_get_raw_public_key(key, out->data(), &len);
  if (!ok || len != 32) return Errno::InvalidKey;
  return Errno::Success;
}

Errno privateFromDer(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, Pkey *out) {
  const unsigned char *p = data;
  // PKCS#8, SEC1 ECPrivateKey and PKCS#1 RSAPrivateKey are all accepted.
  EVP_PKEY *key = d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(len));
  if (key != nullptr && p != data + len) {
    EVP_PKEY_free(key);
    return Errno::InvalidKey;
  }
  return adoptChecked(algorithm, key, out);
}

// A read-only memory BIO over exactly [data, data+len). BIO_new_mem_buf takes
// an int and reads a negative one as "NUL-terminated": longer regions are
// refused (no PEM key comes near 2 GiB).
Errno pemBio(const uint8_t *data, size_t len, BioPtr *out) {
  if (len > static_cast<size_t>(INT_MAX)) return Errno::InvalidKey;
  out->reset(BIO_new_mem_buf(data, static_cast<int>(len)));
  return *out ? Errno::Success : Errno::AlgorithmFailure;
}

Errno privateFromPem(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, Pkey *out) {
  BioPtr bio;
  WC_TRY(pemBio(data, len, &bio));
  return adoptChecked(algorithm, PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr), out);
}

Errno publicFromDer(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, Pkey *out) {
  const unsigned char *p = data;
  EVP_PKEY *key = d2i_PUBKEY(nullptr, &p, static_cast<long>(len));
  if (key != nullptr && p != data + len) {
    EVP_PKEY_free(key);
    return Errno::InvalidKey;
  }
  return adoptChecked(algorithm, key, out);
}

Errno publicFromPem(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, Pkey *out) {
  BioPtr bio;
  WC_TRY(pemBio(data, len, &bio));
  return adoptChecked(algorithm, PEM_read_bio_PUBKEY(bio.get(), nullptr, refusePassphrase, nullptr), out);
}

Errno privateToPkcs8(EVP_PKEY *key, bool pem, SecretBytes *out) {
  BioPtr bio(BIO_new(BIO_s_secmem()));
  if (!bio) return Errno::AlgorithmFailure;
  int ok = pem ? PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
               : i2d_PKCS8PrivateKey_bio(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  if (!ok) return Errno::AlgorithmFailure;
  *out = bioBytes(bio.get());
  return Errno::Success;
}

Errno publicToSpki(EVP_PKEY *key, bool pem, SecretBytes *out) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio) return Errno::AlgorithmFailure;
  int ok = pem ? PEM_write_bio_PUBKEY(bio.get(), key) : i2d_PUBKEY_bio(bio.get(), key);
  if (!ok) return Errno::AlgorithmFailure;
  *out = bioBytes(bio.get());
  return Errno::Success;
}

bool knownEncoding(uint32_t encoding, uint16_t last) { return static_cast<uint16_t>(encoding) <= last; }

}  // namespace

Errno generateKeyPair(const AsymmetricAlgorithm *algorithm, Pkey *out) {
  EVP_PKEY *key = nullptr;
  switch (algorithm->kind) {
    case KeyKind::Ec:
      key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", algorithm->curve);
      break;
    case KeyKind::Ed25519:
    case KeyKind::X25519:
      key = EVP_PKEY_Q_keygen(nullptr, nullptr, rawKeyType(algorithm));
      break;
    case KeyKind::Rsa:
      // rsaEncryption keys for PKCS#1 and PSS alike: PSS signing works with
      // them and every other implementation (Node included) imports them.
      key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(algorithm->rsaBits));
      break;
  }
  if (key == nullptr) return Errno::AlgorithmFailure;
  return adoptChecked(algorithm, key, out);
}

Errno importPublicKey(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, uint32_t encoding,
                      Pkey *out) {
  if (!knownEncoding(encoding, 4)) return Errno::UnsupportedEncoding;
  switch (static_cast<PublicKeyEncoding>(static_cast<uint16_t>(encoding))) {
    case PublicKeyEncoding::Raw:
      if (isRawOnly(algorithm)) return rawPublic(algorithm, data, len, out);
      break;
    case PublicKeyEncoding::Pkcs8:
      if (isEc(algorithm) || isRsa(algorithm)) return publicFromDer(algorithm, data, len, out);
      break;
    case PublicKeyEncoding::Pem:
      if (isEc(algorithm) || isRsa(algorithm)) return publicFromPem(algorithm, data, len, out);
      break;
    case PublicKeyEncoding::Sec:
      if (isEc(algorithm)) return ecPublicFromSec(algorithm, data, len, out);
      break;
    case PublicKeyEncoding::Local:
      break;
  }
  return Errno::UnsupportedEncoding;
}

Errno importSecretKey(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, uint32_t encoding,
                      Pkey *out) {
  if (!knownEncoding(encoding, 4)) return Errno::UnsupportedEncoding;
  switch (static_cast<SecretKeyEncoding>(static_cast<uint16_t>(encoding))) {
    case SecretKeyEncoding::Raw:
      if (isRawOnly(algorithm)) return rawPrivate(algorithm, data, len, out);
      if (isEc(algorithm)) return ecFromScalar(algorithm, data, len, out);
      break;
    case SecretKeyEncoding::Pkcs8:
      if (isEc(algorithm) || isRsa(algorithm)) return privateFromDer(algorithm, data, len, out);
      break;
    case SecretKeyEncoding::Pem:
      if (isEc(algorithm) || isRsa(algorithm)) return privateFromPem(algorithm, data, len, out);
      break;
    case SecretKeyEncoding::Sec:
    case SecretKeyEncoding::Local:
      break;
  }
  return Errno::UnsupportedEncoding;
}

Errno importKeyPair(const AsymmetricAlgorithm *algorithm, const uint8_t *data, size_t len, uint32_t encoding,
                    Pkey *out) {
  if (!knownEncoding(encoding, 3)) return Errno::UnsupportedEncoding;
  switch (static_cast<KeyPairEncoding>(static_cast<uint16_t>(encoding))) {
    case KeyPairEncoding::Raw: {
      if (isEc(algorithm)) return ecFromScalar(algorithm, data, len, out);
      if (!isRawOnly(algorithm)) break;
      if (len != 64) return Errno::InvalidKey;
      // Ed25519 keypairs are sk||pk, X25519 keypairs pk||sk (spec B.8.4).
      bool ed = algorithm->kind == KeyKind::Ed25519;
      const uint8_t *secret = ed ? data : data + 32;
      const uint8_t *expectedPublic = ed ? data + 32 : data;
      Pkey key;
      WC_TRY(rawPrivate(algorithm, secret, 32, &key));
      SecretBytes derivedPublic;
      WC_TRY(rawBytes(key.get(), false, &derivedPublic));
      if (CRYPTO_memcmp(derivedPublic.data(), expectedPublic, 32) != 0) return Errno::InvalidKey;
      *out = std::move(key);
      return Errno::Success;
    }
    case KeyPairEncoding::Pkcs8:
      if (isEc(algorithm) || isRsa(algorithm)) return privateFromDer(algorithm, data, len, out);
      break;
    case KeyPairEncoding::Pem:
      if (isEc(algorithm) || isRsa(algorithm)) return privateFromPem(algorithm, data, len, out);
      break;
    case KeyPairEncoding::Local:
      break;
  }
  return Errno::UnsupportedEncoding;
}

Errno exportPublicKey(const AsymmetricKey &key, uint32_t encoding, SecretBytes *out) {
  const AsymmetricAlgorithm *algorithm = key.algorithm;
  if (!knownEncoding(encoding, 4)) return Errno::UnsupportedEncoding;
  switch (static_cast<PublicKeyEncoding>(static_cast<uint16_t>(encoding))) {
    case PublicKeyEncoding::Raw:
      if (isRawOnly(algorithm)) return rawBytes(key.pkey.get(), false, out);
      break;
    case PublicKeyEncoding::Pkcs8:
      if (isEc(algorithm) || isRsa(algorithm)) return publicToSpki(key.pkey.get(), false, out);
      break;
    case PublicKeyEncoding::Pem:
      if (isEc(algorithm) || isRsa(algorithm)) return publicToSpki(key.pkey.get(), true, out);
      break;
    case PublicKeyEncoding::Sec:
      if (isEc(algorithm)) return ecPoint(algorithm, key.pkey.get(), out);
      break;
    case PublicKeyEncoding::Local:
      break;
  }
  return Errno::UnsupportedEncoding;
}

Errno exportSecretKey(const AsymmetricKey &key, uint32_t encoding, SecretBytes *out) {
  const AsymmetricAlgorithm *algorithm = key.algorithm;
  if (!knownEncoding(encoding, 4)) return Errno::UnsupportedEncoding;
  switch (static_cast<SecretKeyEncoding>(static_cast<uint16_t>(encoding))) {
    case SecretKeyEncoding::Raw:
      if (isRawOnly(algorithm)) return rawBytes(key.pkey.get(), true, out);
      if (isEc(algorithm)) return ecScalar(algorithm, key.pkey.get(), out);
      break;
    case SecretKeyEncoding::Pkcs8:
      if (isEc(algorithm) || isRsa(algorithm)) return privateToPkcs8(key.pkey.get(), false, out);
      break;
    case SecretKeyEncoding::Pem:
      if (isEc(algorithm) || isRsa(algorithm)) return privateToPkcs8(key.pkey.get(), true, out);
      break;
    case SecretKeyEncoding::Sec:
    case SecretKeyEncoding::Local:
      break;
  }
  return Errno::UnsupportedEncoding;
}

Errno exportKeyPair(const AsymmetricKey &key, uint32_t encoding, SecretBytes *out) {
  const AsymmetricAlgorithm *algorithm = key.algorithm;
  if (!knownEncoding(encoding, 3)) return Errno::UnsupportedEncoding;
  switch (static_cast<KeyPairEncoding>(static_cast<uint16_t>(encoding))) {
    case KeyPairEncoding::Raw: {
      if (isEc(algorithm)) return ecScalar(algorithm, key.pkey.get(), out);
      if (!isRawOnly(algorithm)) break;
      SecretBytes secret, publicBytes;
      WC_TRY(rawBytes(key.pkey.get(), true, &secret));
      WC_TRY(rawBytes(key.pkey.get(), false, &publicBytes));
      bool ed = algorithm->kind == KeyKind::Ed25519;
      const SecretBytes &first = ed ? secret : publicBytes;
      const SecretBytes &second = ed ? publicBytes : secret;
      out->assign(first.begin(), first.end());
      out->insert(out->end(), second.begin(), second.end());
      return Errno::Success;
    }
    case KeyPairEncoding::Pkcs8:
      // PKCS#8 for every key type (WasmEdge emits SEC1/PKCS#1: spec B.10 #8).
      if (isEc(algorithm) || isRsa(algorithm)) return privateToPkcs8(key.pkey.get(), false, out);
      break;
    case KeyPairEncoding::Pem:
      if (isEc(algorithm) || isRsa(algorithm)) return privateToPkcs8(key.pkey.get(), true, out);
      break;
    case KeyPairEncoding::Local:
      break;
  }
  return Errno::UnsupportedEncoding;
}

Errno publicPart(const AsymmetricKey &key, Pkey *out) {
  unsigned char *der = nullptr;
  int len = i2d_PUBKEY(key.pkey.get(), &der);
  if (len <= 0) return Errno::AlgorithmFailure;
  const unsigned char *p = der;
  EVP_PKEY *publicOnly = d2i_PUBKEY(nullptr, &p, len);
  OPENSSL_free(der);
  return adoptChecked(key.algorithm, publicOnly, out);
}

Errno checkPublicKey(const AsymmetricKey &key) {
  WC_TRY(checkKeyType(key.algorithm, key.pkey.get()));
  if (key.algorithm->kind == KeyKind::X25519) {
    // Every 32-byte string is an X25519 public key (RFC 7748 §5).
    return Errno::Success;
  }
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey.get(), nullptr));
  if (!ctx) return Errno::AlgorithmFailure;
  // For RSA this checks the modulus and exponent and works for public-only
  // keys (WasmEdge's RSA_check_key needs the private key: spec B.10 #9).
  return EVP_PKEY_public_check(ctx.get()) == 1 ? Errno::Success : Errno::InvalidKey;
}

Errno publicMatchesSecret(const AsymmetricKey &publicKey, const AsymmetricKey &secretKey) {
  if (publicKey.algorithm != secretKey.algorithm) return Errno::InvalidKey;
  return EVP_PKEY_eq(publicKey.pkey.get(), secretKey.pkey.get()) == 1 ? Errno::Success : Errno::InvalidKey;
}

}  // namespace wasi_crypto
