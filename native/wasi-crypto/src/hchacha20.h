// HChaCha20 (draft-irtf-cfrg-xchacha-03 §2.2): derives the XChaCha20 subkey
// from a 32-byte key and the first 16 bytes of the 24-byte nonce. OpenSSL 3.0
// has no XChaCha20-Poly1305, so it is built from this and OpenSSL's
// ChaCha20-Poly1305 with the nonce 0x00000000 || nonce[16..24].
#pragma once

#include <cstdint>

namespace wasi_crypto {

void hchacha20(const uint8_t key[32], const uint8_t nonce16[16], uint8_t subkey[32]);

}  // namespace wasi_crypto
