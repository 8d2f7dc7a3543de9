#include "hchacha20.h"

#include <openssl/crypto.h>

namespace wasi_crypto {

namespace {

uint32_t load32(const uint8_t *p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
         static_cast<uint32_t>(p[3]) << 24;
}

void store32(uint8_t *p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v);
  p[1] = static_cast<uint8_t>(v >> 8);
  p[2] = static_cast<uint8_t>(v >> 16);
  p[3] = static_cast<uint8_t>(v >> 24);
}

uint32_t rotl(uint32_t v, int n) { return (v << n) | (v >> (32 - n)); }

void quarterRound(uint32_t *x, int a, int b, int c, int d) {
  x[a] += x[b]; x[d] = rotl(x[d] ^ x[a], 16);
  x[c] += x[d]; x[b] = rotl(x[b] ^ x[c], 12);
  x[a] += x[b]; x[d] = rotl(x[d] ^ x[a], 8);
  x[c] += x[d]; x[b] = rotl(x[b] ^ x[c], 7);
}

}  // namespace

void hchacha20(const uint8_t key[32], const uint8_t nonce16[16], uint8_t subkey[32]) {
  uint32_t x[16] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};  // "expand 32-byte k"
  for (int i = 0; i < 8; ++i) x[4 + i] = load32(key + 4 * i);
  for (int i = 0; i < 4; ++i) x[12 + i] = load32(nonce16 + 4 * i);
  for (int round = 0; round < 10; ++round) {
    quarterRound(x, 0, 4, 8, 12);
    quarterRound(x, 1, 5, 9, 13);
    quarterRound(x, 2, 6, 10, 14);
    quarterRound(x, 3, 7, 11, 15);
    quarterRound(x, 0, 5, 10, 15);
    quarterRound(x, 1, 6, 11, 12);
    quarterRound(x, 2, 7, 8, 13);
    quarterRound(x, 3, 4, 9, 14);
  }
  // Unlike a ChaCha20 block, the input is not added back: words 0..3, 12..15.
  for (int i = 0; i < 4; ++i) store32(subkey + 4 * i, x[i]);
  for (int i = 0; i < 4; ++i) store32(subkey + 16 + 4 * i, x[12 + i]);
  OPENSSL_cleanse(x, sizeof x);
}

}  // namespace wasi_crypto
