/* A command-line guest for cross-checks with node:crypto (test/interop.test.ts).
 * Keys, messages and signatures travel as hex arguments; results are printed
 * as "label hex" or "label errno".
 *   sign ALG KP_ENCODING KP_HEX MSG_HEX SIG_ENCODING
 *   generate-sign ALG PK_ENCODING MSG_HEX SIG_ENCODING
 *   verify ALG PK_ENCODING PK_HEX MSG_HEX SIG_ENCODING SIG_HEX
 *   dh ALG SK_ENCODING SK_HEX PK_ENCODING PK_HEX
 *   seal ALG KEY_HEX NONCE_HEX AAD_HEX MSG_HEX
 *   open ALG KEY_HEX NONCE_HEX AAD_HEX SEALED_HEX */
#include "wc_util.h"

static uint32_t type_of(const char *alg) {
  if (strcmp(alg, "X25519") == 0 || strncmp(alg, "P256", 4) == 0 || strncmp(alg, "P384", 4) == 0) return WC_ALGORITHM_KEY_EXCHANGE;
  return WC_ALGORITHM_SIGNATURES;
}

static void sign_with(wc_handle kp, const char *msg_hex, uint32_t sig_encoding) {
  size_t msg_len;
  uint8_t *msg = from_hex(msg_hex, &msg_len);
  wc_handle state, signature, out;
  CHECK(signature_state_open(kp, &state));
  CHECK(signature_state_update(state, msg, msg_len));
  CHECK(signature_state_sign(state, &signature));
  print_output("signature", signature_export(signature, sig_encoding, &out), out);
  free(msg);
}

static int cmd_sign(char **a) {
  size_t kp_len;
  uint8_t *kp_bytes = from_hex(a[2], &kp_len);
  wc_handle kp;
  wc_errno e = keypair_import(type_of(a[0]), a[0], strlen(a[0]), kp_bytes, kp_len, (uint32_t)atoi(a[1]), &kp);
  if (e) { print_code("keypair_import", e); return 1; }
  sign_with(kp, a[3], (uint32_t)atoi(a[4]));
  return 0;
}

static int cmd_generate_sign(char **a) {
  wc_handle kp, pk, out;
  wc_optional none = wc_none();
  CHECK(keypair_generate(WC_ALGORITHM_SIGNATURES, a[0], strlen(a[0]), &none, &kp));
  CHECK(keypair_publickey(kp, &pk));
  print_output("publickey", publickey_export(pk, (uint32_t)atoi(a[1]), &out), out);
  sign_with(kp, a[2], (uint32_t)atoi(a[3]));
  return 0;
}

static int cmd_verify(char **a) {
  size_t pk_len, msg_len, sig_len;
  uint8_t *pk_bytes = from_hex(a[2], &pk_len), *msg = from_hex(a[3], &msg_len), *sig = from_hex(a[5], &sig_len);
  wc_handle pk, signature, state;
  wc_errno e = publickey_import(WC_ALGORITHM_SIGNATURES, a[0], strlen(a[0]), pk_bytes, pk_len, (uint32_t)atoi(a[1]), &pk);
  if (e) { print_code("publickey_import", e); return 1; }
  e = signature_import(a[0], strlen(a[0]), sig, sig_len, (uint32_t)atoi(a[4]), &signature);
  if (e) { print_code("signature_import", e); return 1; }
  CHECK(signature_verification_state_open(pk, &state));
  CHECK(signature_verification_state_update(state, msg, msg_len));
  print_code("verify", signature_verification_state_verify(state, signature));
  return 0;
}

static int cmd_dh(char **a) {
  size_t sk_len, pk_len;
  uint8_t *sk_bytes = from_hex(a[2], &sk_len), *pk_bytes = from_hex(a[4], &pk_len);
  wc_handle sk, pk, own, out;
  CHECK(secretkey_import(WC_ALGORITHM_KEY_EXCHANGE, a[0], strlen(a[0]), sk_bytes, sk_len, (uint32_t)atoi(a[1]), &sk));
  CHECK(publickey_import(WC_ALGORITHM_KEY_EXCHANGE, a[0], strlen(a[0]), pk_bytes, pk_len, (uint32_t)atoi(a[3]), &pk));
  CHECK(publickey_from_secretkey(sk, &own));
  print_output("publickey", publickey_export(own, (uint32_t)atoi(a[3]), &out), out);
  print_output("shared", kx_dh(pk, sk, &out), out);
  return 0;
}

static wc_handle aead_state(char **a) {
  size_t key_len, nonce_len, aad_len;
  uint8_t *key = from_hex(a[1], &key_len), *nonce = from_hex(a[2], &nonce_len), *aad = from_hex(a[3], &aad_len);
  wc_handle key_handle, options, state;
  CHECK(symmetric_key_import(a[0], strlen(a[0]), key, key_len, &key_handle));
  CHECK(options_open(WC_ALGORITHM_SYMMETRIC, &options));
  CHECK(options_set(options, S("nonce"), nonce, nonce_len));
  wc_optional some_key = wc_some(key_handle), some_options = wc_some(options);
  CHECK(symmetric_state_open(a[0], strlen(a[0]), &some_key, &some_options, &state));
  CHECK(symmetric_state_absorb(state, aad, aad_len));
  return state;
}

static int cmd_seal(char **a) {
  wc_handle state = aead_state(a);
  size_t msg_len;
  uint8_t *msg = from_hex(a[4], &msg_len);
  uint8_t *out = malloc(msg_len + 16);
  wc_size written;
  CHECK(symmetric_state_encrypt(state, out, msg_len + 16, msg, msg_len, &written));
  print_hex("sealed", out, written);
  return 0;
}

static int cmd_open(char **a) {
  wc_handle state = aead_state(a);
  size_t sealed_len;
  uint8_t *sealed = from_hex(a[4], &sealed_len);
  uint8_t *out = malloc(sealed_len);
  wc_size written;
  wc_errno e = symmetric_state_decrypt(state, out, sealed_len - 16, sealed, sealed_len, &written);
  if (e) print_code("opened", e); else print_hex("opened", out, written);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: interop COMMAND ARGS...\n"); return 2; }
  const char *cmd = argv[1];
  char **a = argv + 2;
  int n = argc - 2;
  if (strcmp(cmd, "sign") == 0 && n == 5) return cmd_sign(a);
  if (strcmp(cmd, "generate-sign") == 0 && n == 4) return cmd_generate_sign(a);
  if (strcmp(cmd, "verify") == 0 && n == 6) return cmd_verify(a);
  if (strcmp(cmd, "dh") == 0 && n == 5) return cmd_dh(a);
  if (strcmp(cmd, "seal") == 0 && n == 5) return cmd_seal(a);
  if (strcmp(cmd, "open") == 0 && n == 5) return cmd_open(a);
  fprintf(stderr, "interop: unknown command or wrong argument count: %s\n", cmd);
  return 2;
}
