/* WASI-Crypto demo: the keys stay in the host, the guest holds handles.
 * Signs a message with Ed25519 and verifies it, hashes it with SHA-256, and
 * encrypts then decrypts it with AES-256-GCM. Fixed keys and nonce make
 * the output deterministic (Ed25519 signatures are deterministic). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wasi_crypto.h>

#define S(text) (text), (sizeof(text) - 1)

static void print_hex(const char *label, const uint8_t *data, size_t len) {
  printf("%-18s", label);
  for (size_t i = 0; i < len; i++) printf("%02x", data[i]);
  printf("\n");
}

static void check(wc_errno e, const char *what) {
  if (e != 0) {
    fprintf(stderr, "%s failed: crypto_errno %d\n", what, (int)e);
    exit(1);
  }
}

/* Copies an array_output into buf (it closes itself once fully read). */
static size_t pull(wc_handle output, uint8_t *buf, size_t cap) {
  wc_size len = 0, got = 0;
  check(array_output_len(output, &len), "array_output_len");
  if (len > cap) { fprintf(stderr, "output too large\n"); exit(1); }
  check(array_output_pull(output, buf, len, &got), "array_output_pull");
  return got;
}

int main(int argc, char **argv) {
  const char *text = argc > 1 ? argv[1] : "Hello, WASI-Crypto!";
  const uint8_t *message = (const uint8_t *)text;
  size_t message_len = strlen(text);
  wc_optional none = wc_none();
  uint8_t buf[256];
  printf("message           %s\n", text);

  /* Ed25519: the RFC 8032 test 1 secret key. */
  static const uint8_t ed25519_secret[32] = {
      0x9d, 0x61, 0xb1, 0x9d, 0xef, 0xfd, 0x5a, 0x60, 0xba, 0x84, 0x4a, 0xf4, 0x92, 0xec, 0x2c, 0xc4,
      0x44, 0x49, 0xc5, 0x69, 0x7b, 0x32, 0x69, 0x19, 0x70, 0x3b, 0xac, 0x03, 0x1c, 0xae, 0x7f, 0x60};
  wc_handle secret, public_key, keypair, state, signature, verifier, output;
  check(secretkey_import(WC_ALGORITHM_SIGNATURES, S("Ed25519"), ed25519_secret, 32, WC_SECRETKEY_RAW, &secret), "secretkey_import");
  check(publickey_from_secretkey(secret, &public_key), "publickey_from_secretkey");
  check(keypair_from_pk_and_sk(public_key, secret, &keypair), "keypair_from_pk_and_sk");
  check(publickey_export(public_key, WC_PUBLICKEY_RAW, &output), "publickey_export");
  print_hex("ed25519 public", buf, pull(output, buf, sizeof buf));
  check(signature_state_open(keypair, &state), "signature_state_open");
  check(signature_state_update(state, message, message_len), "signature_state_update");
  check(signature_state_sign(state, &signature), "signature_state_sign");
  check(signature_export(signature, WC_SIGNATURE_RAW, &output), "signature_export");
  print_hex("ed25519 signature", buf, pull(output, buf, sizeof buf));
  check(signature_verification_state_open(public_key, &verifier), "signature_verification_state_open");
  check(signature_verification_state_update(verifier, message, message_len), "signature_verification_state_update");
  wc_errno verified = signature_verification_state_verify(verifier, signature);
  printf("ed25519 verify    %s\n", verified == 0 ? "ok" : "FAILED");
  signature_verification_state_close(verifier);
  signature_close(signature);
  signature_state_close(state);
  keypair_close(keypair);
  publickey_close(public_key);
  secretkey_close(secret);

  /* SHA-256. */
  wc_handle hash;
  check(symmetric_state_open(S("SHA-256"), &none, &none, &hash), "symmetric_state_open(SHA-256)");
  check(symmetric_state_absorb(hash, message, message_len), "symmetric_state_absorb");
  check(symmetric_state_squeeze(hash, buf, 32), "symmetric_state_squeeze");
  print_hex("sha256", buf, 32);
  symmetric_state_close(hash);

  /* AES-256-GCM with key 00..1f and nonce 00..0b; associated data "demo". */
  uint8_t key_bytes[32], nonce[12];
  for (int i = 0; i < 32; i++) key_bytes[i] = (uint8_t)i;
  for (int i = 0; i < 12; i++) nonce[i] = (uint8_t)i;
  wc_handle key, options, sealer, opener;
  check(symmetric_key_import(S("AES-256-GCM"), key_bytes, sizeof key_bytes, &key), "symmetric_key_import");
  check(options_open(WC_ALGORITHM_SYMMETRIC, &options), "options_open");
  check(options_set(options, S("nonce"), nonce, sizeof nonce), "options_set(nonce)");
  wc_optional some_key = wc_some(key), some_options = wc_some(options);
  check(symmetric_state_open(S("AES-256-GCM"), &some_key, &some_options, &sealer), "symmetric_state_open(AES-256-GCM)");
  check(symmetric_state_absorb(sealer, (const uint8_t *)"demo", 4), "symmetric_state_absorb(aad)");
  uint8_t *sealed = malloc(message_len + 16), *opened = malloc(message_len + 1);
  wc_size sealed_len = 0, opened_len = 0;
  check(symmetric_state_encrypt(sealer, sealed, message_len + 16, message, message_len, &sealed_len), "symmetric_state_encrypt");
  print_hex("aes-256-gcm", sealed, sealed_len);
  /* One message per state: a new state (same nonce) to decrypt. */
  check(symmetric_state_open(S("AES-256-GCM"), &some_key, &some_options, &opener), "symmetric_state_open");
  check(symmetric_state_absorb(opener, (const uint8_t *)"demo", 4), "symmetric_state_absorb(aad)");
  check(symmetric_state_decrypt(opener, opened, message_len, sealed, sealed_len, &opened_len), "symmetric_state_decrypt");
  opened[opened_len] = 0;
  printf("decrypted         %s\n", (const char *)opened);
  symmetric_state_close(opener);
  symmetric_state_close(sealer);
  options_close(options);
  symmetric_key_close(key);
  free(sealed);
  free(opened);
  return 0;
}
