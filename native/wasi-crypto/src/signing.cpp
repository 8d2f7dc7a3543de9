#include "signing.h"

#include "openssl_fetch.h"

#include <openssl/ecdsa.h>
#include <openssl/rsa.h>

#include <cstring>

namespace wasi_crypto {

namespace {

using EcdsaSigPtr = Owned<ECDSA_SIG, ECDSA_SIG_free>;

// DER ECDSA-Sig-Value → fixed-width r||s. Rejects trailing bytes and
// components wider than the field.
Errno derToRaw(const AsymmetricAlgorithm *algorithm, const uint8_t *der, size_t len, std::vector<uint8_t> *raw) {
  const unsigned char *p = der;
  EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(len)));
  if (!sig || p != der + len) return Errno::InvalidSignature;
  const BIGNUM *r = nullptr, *s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  size_t field = algorithm->fieldBytes;
  raw->assign(2 * field, 0);
  if (BN_bn2binpad(r, raw->data(), static_cast<int>(field)) < 0 ||
      BN_bn2binpad(s, raw->data() + field, static_cast<int>(field)) < 0) {
    return Errno::InvalidSignature;
  }
  return Errno::Success;
}

Errno rawToDer(const std::vector<uint8_t> &raw, std::vector<uint8_t> *der) {
  size_t field = raw.size() / 2;
  EcdsaSigPtr sig(ECDSA_SIG_new());
  BIGNUM *r = BN_bin2bn(raw.data(), static_cast<int>(field), nullptr);
  BIGNUM *s = BN_bin2bn(raw.data() + field, static_cast<int>(field), nullptr);
  if (!sig || !r || !s || !ECDSA_SIG_set0(sig.get(), r, s)) {
    BN_free(r);
    BN_free(s);
    return Errno::AlgorithmFailure;
  }
  unsigned char *buffer = nullptr;
  int len = i2d_ECDSA_SIG(sig.get(), &buffer);
  if (len <= 0) return Errno::AlgorithmFailure;
  der->assign(buffer, buffer + len);
  OPENSSL_free(buffer);
  return Errno::Success;
}

// Padding and hash of an EVP_PKEY_sign / _verify context for ECDSA and RSA.
Errno configure(EVP_PKEY_CTX *ctx, const AsymmetricAlgorithm *algorithm, bool signing) {
  const EVP_MD *md = digestByName(algorithm->digest);
  if (md == nullptr || EVP_PKEY_CTX_set_signature_md(ctx, md) <= 0) return Errno::AlgorithmFailure;
  if (algorithm->kind != KeyKind::Rsa) return Errno::Success;
  if (!algorithm->pss) {
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0 ? Errno::Success : Errno::AlgorithmFailure;
  }
  // MGF1 with the same hash; the longest salt when signing, any salt length
  // when verifying (WasmEdge and Node do the same).
  if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) <= 0 || EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md) <= 0 ||
      EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, signing ? RSA_PSS_SALTLEN_MAX : RSA_PSS_SALTLEN_AUTO) <= 0) {
    return Errno::AlgorithmFailure;
  }
  return Errno::Success;
}

// Finalises a copy of the running digest (the state keeps absorbing).
Errno currentDigest(SigningState &state, unsigned char *out, unsigned int *len) {
  MdCtxPtr copy(EVP_MD_CTX_new());
  if (!copy || !EVP_MD_CTX_copy_ex(copy.get(), state.digest.get()) || !EVP_DigestFinal_ex(copy.get(), out, len)) {
    return Errno::AlgorithmFailure;
  }
  return Errno::Success;
}

std::size_t rawSignatureSize(const AsymmetricAlgorithm *algorithm) {
  switch (algorithm->kind) {
    case KeyKind::Ec:
      return 2 * algorithm->fieldBytes;
    case KeyKind::Ed25519:
      return 64;
    case KeyKind::Rsa:
      return static_cast<std::size_t>(algorithm->rsaBits) / 8;
    case KeyKind::X25519:
      break;
  }
  return 0;
}

}  // namespace

Errno openSigningState(const AsymmetricKey &key, SigningState *state) {
  state->key = key;
  if (key.algorithm->kind == KeyKind::Ed25519) return Errno::Success;
  state->digest.reset(EVP_MD_CTX_new());
  const EVP_MD *md = digestByName(key.algorithm->digest);
  if (!state->digest || md == nullptr || !EVP_DigestInit_ex(state->digest.get(), md, nullptr)) {
    return Errno::AlgorithmFailure;
  }
  return Errno::Success;
}

Errno absorbSigningState(SigningState &state, const uint8_t *data, std::size_t len) {
  if (state.key.algorithm->kind == KeyKind::Ed25519) {
    state.message.insert(state.message.end(), data, data + len);
    return Errno::Success;
  }
  return EVP_DigestUpdate(state.digest.get(), data, len) ? Errno::Success : Errno::AlgorithmFailure;
}

Errno signState(SigningState &state, std::vector<uint8_t> *raw) {
  const AsymmetricAlgorithm *algorithm = state.key.algorithm;
  EVP_PKEY *pkey = state.key.pkey.get();
  if (algorithm->kind == KeyKind::Ed25519) {
    MdCtxPtr ctx(EVP_MD_CTX_new());
    size_t len = 64;
    raw->assign(len, 0);
    if (!ctx || EVP_DigestSignInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, pkey, nullptr) <= 0 ||
        EVP_DigestSign(ctx.get(), raw->data(), &len, state.message.data(), state.message.size()) <= 0) {
      return Errno::AlgorithmFailure;
    }
    return Errno::Success;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digestLen = 0;
  WC_TRY(currentDigest(state, digest, &digestLen));
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
  if (!ctx || EVP_PKEY_sign_init(ctx.get()) <= 0) return Errno::AlgorithmFailure;
  WC_TRY(configure(ctx.get(), algorithm, true));
  size_t len = 0;
  if (EVP_PKEY_sign(ctx.get(), nullptr, &len, digest, digestLen) <= 0) return Errno::AlgorithmFailure;
  std::vector<uint8_t> output(len);
  if (EVP_PKEY_sign(ctx.get(), output.data(), &len, digest, digestLen) <= 0) return Errno::AlgorithmFailure;
  output.resize(len);  // the exact DER, never the maximum size (spec B.10 #4)
  if (algorithm->kind == KeyKind::Ec) return derToRaw(algorithm, output.data(), output.size(), raw);
  *raw = std::move(output);
  return Errno::Success;
}

Errno verifyState(SigningState &state, const Signature &signature) {
  const AsymmetricAlgorithm *algorithm = state.key.algorithm;
  if (signature.algorithm != algorithm) return Errno::InvalidSignature;
  EVP_PKEY *pkey = state.key.pkey.get();
  if (algorithm->kind == KeyKind::Ed25519) {
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, pkey, nullptr) <= 0) {
      return Errno::AlgorithmFailure;
    }
    int ok = EVP_DigestVerify(ctx.get(), signature.raw.data(), signature.raw.size(), state.message.data(),
                              state.message.size());
    return ok == 1 ? Errno::Success : Errno::VerificationFailed;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digestLen = 0;
  WC_TRY(currentDigest(state, digest, &digestLen));
  std::vector<uint8_t> encoded;
  if (algorithm->kind == KeyKind::Ec) {
    WC_TRY(rawToDer(signature.raw, &encoded));
  } else {
    encoded = signature.raw;
  }
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
  if (!ctx || EVP_PKEY_verify_init(ctx.get()) <= 0) return Errno::AlgorithmFailure;
  WC_TRY(configure(ctx.get(), algorithm, false));
  int ok = EVP_PKEY_verify(ctx.get(), encoded.data(), encoded.size(), digest, digestLen);
  return ok == 1 ? Errno::Success : Errno::VerificationFailed;
}

Errno importSignature(const AsymmetricAlgorithm *algorithm, const uint8_t *data, std::size_t len, uint32_t encoding,
                      Signature *out) {
  out->algorithm = algorithm;
  switch (static_cast<uint16_t>(encoding)) {
    case static_cast<uint16_t>(SignatureEncoding::Raw):
      if (len != rawSignatureSize(algorithm)) return Errno::InvalidSignature;
      out->raw.assign(data, data + len);
      return Errno::Success;
    case static_cast<uint16_t>(SignatureEncoding::Der):
      if (algorithm->kind == KeyKind::Ec) return derToRaw(algorithm, data, len, &out->raw);
      // WasmEdge: RSA DER signatures are not implemented, Ed25519 has none.
      return algorithm->kind == KeyKind::Rsa ? Errno::NotImplemented : Errno::UnsupportedEncoding;
    default:
      return Errno::UnsupportedEncoding;
  }
}

Errno exportSignature(const Signature &signature, uint32_t encoding, SecretBytes *out) {
  switch (static_cast<uint16_t>(encoding)) {
    case static_cast<uint16_t>(SignatureEncoding::Raw):
      out->assign(signature.raw.begin(), signature.raw.end());
      return Errno::Success;
    case static_cast<uint16_t>(SignatureEncoding::Der): {
      if (signature.algorithm->kind != KeyKind::Ec) {
        return signature.algorithm->kind == KeyKind::Rsa ? Errno::NotImplemented : Errno::UnsupportedEncoding;
      }
      std::vector<uint8_t> der;
      WC_TRY(rawToDer(signature.raw, &der));
      out->assign(der.begin(), der.end());
      return Errno::Success;
    }
    default:
      return Errno::UnsupportedEncoding;
  }
}

}  // namespace wasi_crypto
