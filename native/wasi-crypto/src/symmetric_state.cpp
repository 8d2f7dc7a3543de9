#include "symmetric_state.h"

#include <openssl/rand.h>

#include <cstring>

#include "hchacha20.h"
#include "openssl_fetch.h"

namespace wasi_crypto {

namespace {

// EVP_MAC_init needs a non-null key pointer even for an empty HMAC key.
const uint8_t kEmptyKey[1] = {0};

Errno newMac(const char *digest, const SecretBytes &key, MacCtxPtr *out) {
  EVP_MAC *hmac = hmacAlgorithm();
  MacCtxPtr ctx(hmac ? EVP_MAC_CTX_new(hmac) : nullptr);
  if (!ctx) return Errno::AlgorithmFailure;
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char *>(digest), 0),
      OSSL_PARAM_construct_end()};
  const uint8_t *keyBytes = key.empty() ? kEmptyKey : key.data();
  if (!EVP_MAC_init(ctx.get(), keyBytes, key.size(), params)) return Errno::AlgorithmFailure;
  *out = std::move(ctx);
  return Errno::Success;
}

Errno openAead(const SymmetricAlgorithm *algorithm, const SymmetricKey &key, const Options *options,
               SymmetricState *state) {
  if (options == nullptr && !algorithm->xchacha) return Errno::NonceRequired;
  const SecretBytes *nonce = nullptr;
  if (options != nullptr) {
    auto it = options->values.find("nonce");
    if (it != options->values.end()) nonce = &it->second;
  }
  if (nonce != nullptr) {
    if (nonce->size() != algorithm->nonceBytes) return Errno::InvalidNonce;
    state->nonce = *nonce;
  } else if (algorithm->xchacha) {
    // 192-bit nonces are safe to pick at random; the guest reads it back with
    // symmetric_state_options_get("nonce") (wasi-crypto spec, AEADs).
    state->nonce.assign(algorithm->nonceBytes, 0);
    if (RAND_bytes(state->nonce.data(), static_cast<int>(state->nonce.size())) != 1) return Errno::RngError;
  } else {
    return Errno::InvalidNonce;
  }
  if (key.raw.size() != algorithm->keyBytes) return Errno::InvalidHandle;  // unreachable: import checks sizes
  if (algorithm->xchacha) {
    state->key.assign(32, 0);
    hchacha20(key.raw.data(), state->nonce.data(), state->key.data());
    std::memset(state->cipherIv, 0, 4);
    std::memcpy(state->cipherIv + 4, state->nonce.data() + 16, 8);
  } else {
    state->key = key.raw;
    std::memcpy(state->cipherIv, state->nonce.data(), 12);
  }
  return Errno::Success;
}

}  // namespace

Errno hmacOneShot(const char *digest, const SecretBytes &key, const uint8_t *a, std::size_t aLen, const uint8_t *b,
                  std::size_t bLen, const uint8_t *c, std::size_t cLen, uint8_t *out) {
  MacCtxPtr ctx;
  WC_TRY(newMac(digest, key, &ctx));
  size_t len = 0;
  if ((aLen && !EVP_MAC_update(ctx.get(), a, aLen)) || (bLen && !EVP_MAC_update(ctx.get(), b, bLen)) ||
      (cLen && !EVP_MAC_update(ctx.get(), c, cLen)) || !EVP_MAC_final(ctx.get(), out, &len, EVP_MAX_MD_SIZE)) {
    return Errno::AlgorithmFailure;
  }
  return Errno::Success;
}

Errno generateSymmetricKey(const SymmetricAlgorithm *algorithm, SecretBytes *out) {
  switch (algorithm->kind) {
    case SymmetricKind::Hash:
      return Errno::KeyNotSupported;
    case SymmetricKind::HkdfExpand:
      // A PRK comes from HKDF-EXTRACT (squeeze_key), not from the RNG.
      return Errno::UnsupportedFeature;
    default:
      break;
  }
  out->assign(algorithm->keyBytes, 0);
  return RAND_bytes(out->data(), static_cast<int>(out->size())) == 1 ? Errno::Success : Errno::RngError;
}

Errno checkSymmetricKeyImport(const SymmetricAlgorithm *algorithm, std::size_t len) {
  switch (algorithm->kind) {
    case SymmetricKind::Hash:
      return Errno::KeyNotSupported;
    case SymmetricKind::Hmac:
    case SymmetricKind::HkdfExtract:
      return Errno::Success;  // any length (HMAC hashes long keys, HKDF takes any IKM)
    case SymmetricKind::HkdfExpand:
    case SymmetricKind::Aead:
      return len == algorithm->keyBytes ? Errno::Success : Errno::InvalidKey;
  }
  return Errno::InvalidKey;
}

Errno openSymmetricState(const SymmetricAlgorithm *algorithm, const SymmetricKey *key, const Options *options,
                         SymmetricState *state) {
  state->algorithm = algorithm;
  if (algorithm->kind == SymmetricKind::Hash) {
    if (key != nullptr) return Errno::KeyNotSupported;
    const EVP_MD *md = digestByName(algorithm->digest);
    state->hash.reset(EVP_MD_CTX_new());
    if (!md || !state->hash || !EVP_DigestInit_ex(state->hash.get(), md, nullptr)) return Errno::AlgorithmFailure;
    return Errno::Success;
  }
  if (key == nullptr) return Errno::KeyRequired;
  if (key->algorithm != algorithm) return Errno::InvalidKey;
  switch (algorithm->kind) {
    case SymmetricKind::Hmac:
      return newMac(algorithm->digest, key->raw, &state->mac);
    case SymmetricKind::HkdfExtract:
    case SymmetricKind::HkdfExpand:
      state->key = key->raw;
      return Errno::Success;
    case SymmetricKind::Aead:
      return openAead(algorithm, *key, options, state);
    case SymmetricKind::Hash:
      break;
  }
  return Errno::AlgorithmFailure;
}

Errno cloneSymmetricState(const SymmetricState &state, SymmetricState *copy) {
  copy->algorithm = state.algorithm;
  switch (state.algorithm->kind) {
    case SymmetricKind::Hash:
      copy->hash.reset(EVP_MD_CTX_new());
      if (!copy->hash || !EVP_MD_CTX_copy_ex(copy->hash.get(), state.hash.get())) return Errno::AlgorithmFailure;
      return Errno::Success;
    case SymmetricKind::Hmac:
      copy->mac.reset(EVP_MAC_CTX_dup(state.mac.get()));
      return copy->mac ? Errno::Success : Errno::AlgorithmFailure;
    case SymmetricKind::HkdfExtract:
    case SymmetricKind::HkdfExpand:
      copy->key = state.key;
      copy->absorbed = state.absorbed;
      return Errno::Success;
    case SymmetricKind::Aead:
      // Two states with one key and one nonce would invite nonce reuse.
      return Errno::NotImplemented;
  }
  return Errno::AlgorithmFailure;
}

Errno absorbSymmetric(SymmetricState &state, const uint8_t *data, std::size_t len) {
  switch (state.algorithm->kind) {
    case SymmetricKind::Hash:
      return EVP_DigestUpdate(state.hash.get(), data, len) ? Errno::Success : Errno::AlgorithmFailure;
    case SymmetricKind::Hmac:
      return len == 0 || EVP_MAC_update(state.mac.get(), data, len) ? Errno::Success : Errno::AlgorithmFailure;
    case SymmetricKind::Aead:
      // Associated data must come before the message it authenticates.
      if (state.encrypted) return Errno::InvalidOperation;
      [[fallthrough]];
    case SymmetricKind::HkdfExtract:
    case SymmetricKind::HkdfExpand:
      state.absorbed.insert(state.absorbed.end(), data, data + len);
      return Errno::Success;
  }
  return Errno::AlgorithmFailure;
}

Errno squeezeSymmetric(SymmetricState &state, uint8_t *out, std::size_t len) {
  const SymmetricAlgorithm *algorithm = state.algorithm;
  if (algorithm->kind == SymmetricKind::Hash) {
    if (len > algorithm->outputBytes) return Errno::InvalidLength;
    // Non-finalising: the digest of a copy, so absorbing can continue.
    MdCtxPtr copy(EVP_MD_CTX_new());
    unsigned char digest[EVP_MAX_MD_SIZE];
    if (!copy || !EVP_MD_CTX_copy_ex(copy.get(), state.hash.get()) || !EVP_DigestFinal_ex(copy.get(), digest, nullptr)) {
      return Errno::AlgorithmFailure;
    }
    std::memcpy(out, digest, len);
    OPENSSL_cleanse(digest, sizeof digest);
    return Errno::Success;
  }
  if (algorithm->kind != SymmetricKind::HkdfExpand) return Errno::InvalidOperation;
  // RFC 5869 §2.3: T(i) = HMAC(PRK, T(i-1) || info || i), at most 255 blocks.
  std::size_t hashLen = algorithm->outputBytes;
  if (len > 255 * hashLen) return Errno::InvalidLength;
  uint8_t block[EVP_MAX_MD_SIZE];
  std::size_t previousLen = 0, written = 0;
  for (uint8_t counter = 1; written < len; ++counter) {
    WC_TRY(hmacOneShot(algorithm->digest, state.key, block, previousLen, state.absorbed.data(),
                       state.absorbed.size(), &counter, 1, block));
    previousLen = hashLen;
    std::size_t take = std::min(hashLen, len - written);
    std::memcpy(out + written, block, take);
    written += take;
  }
  OPENSSL_cleanse(block, sizeof block);
  return Errno::Success;
}

Errno squeezeTag(SymmetricState &state, SecretBytes *tag) {
  if (state.algorithm->kind != SymmetricKind::Hmac) return Errno::InvalidOperation;
  MacCtxPtr copy(EVP_MAC_CTX_dup(state.mac.get()));
  tag->assign(state.algorithm->outputBytes, 0);
  size_t len = 0;
  if (!copy || !EVP_MAC_final(copy.get(), tag->data(), &len, tag->size()) || len != tag->size()) {
    return Errno::AlgorithmFailure;
  }
  return Errno::Success;
}

Errno squeezeKey(SymmetricState &state, const SymmetricAlgorithm *target, SecretBytes *key) {
  const SymmetricAlgorithm *algorithm = state.algorithm;
  if (algorithm->kind != SymmetricKind::HkdfExtract) return Errno::InvalidOperation;
  if (target->kind != SymmetricKind::HkdfExpand || std::strcmp(target->digest, algorithm->digest) != 0) {
    return Errno::UnsupportedAlgorithm;
  }
  // RFC 5869 §2.2: PRK = HMAC(salt, IKM); an empty salt is HashLen zeros,
  // which HMAC pads to the same key block as the empty key.
  SecretBytes salt = state.absorbed;
  key->assign(algorithm->outputBytes, 0);
  return hmacOneShot(algorithm->digest, salt, state.key.data(), state.key.size(), nullptr, 0, nullptr, 0, key->data());
}

Errno stateOption(const SymmetricState &state, const std::string &name, const SecretBytes **value) {
  // Only AEAD states expose an option, and only "nonce" (case-sensitive, as in WasmEdge).
  if (state.algorithm->kind != SymmetricKind::Aead || name != "nonce") return Errno::UnsupportedOption;
  *value = &state.nonce;
  return Errno::Success;
}

}  // namespace wasi_crypto
