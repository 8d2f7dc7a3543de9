// AEAD encryption and decryption for AES-128/256-GCM, ChaCha20-Poly1305 and
// XChaCha20-Poly1305 states. Lengths are checked by the caller.
#pragma once

#include <cstddef>
#include <cstdint>

#include "symmetric_state.h"

namespace wasi_crypto {

constexpr std::size_t kAeadTagBytes = 16;

// Writes the ciphertext to `out` (same length as `in`) and the tag to `tag`.
// A state encrypts once, and not after a decryption: a second message, or a
// reply sealed with the nonce of the message it answers, would reuse the nonce.
Errno aeadEncrypt(SymmetricState &state, uint8_t *out, const uint8_t *in, std::size_t len, uint8_t *tag);
// Decrypts into `out` and checks `tag` (kAeadTagBytes) in constant time
// (OpenSSL's GCM and Poly1305 finalisation). On a bad tag, `out` is wiped.
Errno aeadDecrypt(SymmetricState &state, uint8_t *out, const uint8_t *in, std::size_t len, const uint8_t *tag);

}  // namespace wasi_crypto
