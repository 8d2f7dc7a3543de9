#include "aead.h"

#include <algorithm>
#include <cstring>

#include "openssl_fetch.h"

namespace wasi_crypto {

namespace {

// EVP_CipherUpdate takes an int length: feed large inputs in chunks (a cast
// of a length >= 2^31 would be negative, which OpenSSL reads as a huge size).
// `out` is null for associated data.
bool updateChunks(EVP_CIPHER_CTX *ctx, uint8_t *out, const uint8_t *in, std::size_t len) {
  constexpr std::size_t kChunk = 1u << 30;  // a multiple of every block size
  while (len > 0) {
    std::size_t take = std::min(len, kChunk);
    int written = 0;
    if (!EVP_CipherUpdate(ctx, out, &written, in, static_cast<int>(take))) return false;
    if (out != nullptr) out += take;
    in += take;
    len -= take;
  }
  return true;
}

Errno startCipher(SymmetricState &state, bool encrypt, CipherCtxPtr *out) {
  const EVP_CIPHER *cipher = cipherByName(state.algorithm->cipher);
  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!cipher || !ctx || !EVP_CipherInit_ex2(ctx.get(), cipher, state.key.data(), state.cipherIv, encrypt ? 1 : 0, nullptr)) {
    return Errno::AlgorithmFailure;
  }
  if (!updateChunks(ctx.get(), nullptr, state.absorbed.data(), state.absorbed.size())) return Errno::AlgorithmFailure;
  *out = std::move(ctx);
  return Errno::Success;
}

}  // namespace

Errno aeadEncrypt(SymmetricState &state, uint8_t *out, const uint8_t *in, std::size_t len, uint8_t *tag) {
  // Nonce reuse (a second message, or a reply under the nonce of a message
  // this state opened): open a new state with a new nonce.
  if (state.encrypted || state.decrypted) return Errno::InvalidNonce;
  CipherCtxPtr ctx;
  WC_TRY(startCipher(state, true, &ctx));
  int finalLen = 0;
  if (!updateChunks(ctx.get(), out, in, len)) return Errno::AlgorithmFailure;
  if (!EVP_CipherFinal_ex(ctx.get(), out + len, &finalLen)) return Errno::InternalError;
  if (!EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, kAeadTagBytes, tag)) return Errno::InternalError;
  state.encrypted = true;
  return Errno::Success;
}

Errno aeadDecrypt(SymmetricState &state, uint8_t *out, const uint8_t *in, std::size_t len, const uint8_t *tag) {
  CipherCtxPtr ctx;
  WC_TRY(startCipher(state, false, &ctx));
  // Whether or not the tag checks, the sender used this key and nonce.
  state.decrypted = true;
  uint8_t tagCopy[kAeadTagBytes];
  std::memcpy(tagCopy, tag, kAeadTagBytes);  // `tag` may lie in `out`
  int finalLen = 0;
  if (!EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, kAeadTagBytes, tagCopy) ||
      !updateChunks(ctx.get(), out, in, len)) {
    OPENSSL_cleanse(out, len);
    return Errno::AlgorithmFailure;
  }
  if (EVP_CipherFinal_ex(ctx.get(), out + len, &finalLen) <= 0) {
    OPENSSL_cleanse(out, len);
    return Errno::InvalidTag;
  }
  return Errno::Success;
}

}  // namespace wasi_crypto
