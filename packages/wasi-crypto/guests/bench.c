/* Benchmark guest (bench/wasi-crypto.bench.mjs): exported functions that do
 * one operation each through wasi-crypto, called and timed from JavaScript.
 * main() does nothing; the bench instantiates the module and calls exports. */
#include <wasi_crypto.h>

#define EXPORT(name) __attribute__((export_name(#name)))
#define S(text) (text), (sizeof(text) - 1)
#define MIB (1u << 20)

static uint8_t input[MIB];
static uint8_t output[MIB + 16];
static uint8_t digest[32];
static uint8_t signature_bytes[64];
static wc_handle ed25519_keypair, aes_key, aes_options;
static const wc_optional none = {1, {0, 0, 0}, 0};

/* Fills the 1 MiB input and makes the Ed25519 key pair and AES key + nonce. */
EXPORT(bench_setup) int32_t bench_setup(void) {
  for (uint32_t i = 0; i < MIB; i++) input[i] = (uint8_t)(i * 31 + 7);
  static const uint8_t seed[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                   17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
  wc_handle secret, public_key;
  wc_errno e = secretkey_import(WC_ALGORITHM_SIGNATURES, S("Ed25519"), seed, 32, WC_SECRETKEY_RAW, &secret);
  if (!e) e = publickey_from_secretkey(secret, &public_key);
  if (!e) e = keypair_from_pk_and_sk(public_key, secret, &ed25519_keypair);
  static const uint8_t key[32] = {0};
  static const uint8_t nonce[12] = {0};
  if (!e) e = symmetric_key_import(S("AES-256-GCM"), key, 32, &aes_key);
  if (!e) e = options_open(WC_ALGORITHM_SYMMETRIC, &aes_options);
  if (!e) e = options_set(aes_options, S("nonce"), nonce, 12);
  return e;
}

/* SHA-256 of the 1 MiB input: open, absorb, squeeze, close. */
EXPORT(bench_sha256) int32_t bench_sha256(void) {
  wc_handle state;
  wc_errno e = symmetric_state_open(S("SHA-256"), &none, &none, &state);
  if (e) return e;
  e = symmetric_state_absorb(state, input, MIB);
  if (!e) e = symmetric_state_squeeze(state, digest, 32);
  symmetric_state_close(state);
  return e;
}

/* Ed25519 signature of 64 bytes, copied out as raw bytes. */
EXPORT(bench_ed25519_sign) int32_t bench_ed25519_sign(void) {
  wc_handle state, signature = 0, out;
  wc_size len;
  wc_errno e = signature_state_open(ed25519_keypair, &state);
  if (e) return e;
  e = signature_state_update(state, input, 64);
  if (!e) e = signature_state_sign(state, &signature);
  if (!e) e = signature_export(signature, WC_SIGNATURE_RAW, &out);
  if (!e) e = array_output_pull(out, signature_bytes, sizeof signature_bytes, &len);
  signature_close(signature);
  signature_state_close(state);
  return e;
}

/* AES-256-GCM encryption of the 1 MiB input (ciphertext || tag). */
EXPORT(bench_aes_256_gcm) int32_t bench_aes_256_gcm(void) {
  wc_handle state;
  wc_size len;
  wc_optional key = {0, {0, 0, 0}, aes_key}, options = {0, {0, 0, 0}, aes_options};
  wc_errno e = symmetric_state_open(S("AES-256-GCM"), &key, &options, &state);
  if (e) return e;
  e = symmetric_state_encrypt(state, output, MIB + 16, input, MIB, &len);
  symmetric_state_close(state);
  return e;
}

EXPORT(bench_digest) const uint8_t *bench_digest(void) { return digest; }
EXPORT(bench_signature) const uint8_t *bench_signature(void) { return signature_bytes; }
EXPORT(bench_output) const uint8_t *bench_output(void) { return output; }

int main(void) { return 0; }
