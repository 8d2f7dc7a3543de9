/* Known-answer tests through every algorithm family: prints "label hex"
 * lines; test/kat.test.ts compares them with the published vectors
 * (FIPS 180-4, RFC 4231, RFC 5869, the GCM specification, RFC 8439,
 * draft-irtf-cfrg-xchacha, RFC 8032, RFC 7748) and with node:crypto. */
#include "wc_util.h"

static const char SUNSCREEN[] =
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
    "sunscreen would be it.";

static void hash(const char *label, const char *alg, const uint8_t *msg, size_t len, size_t out_len) {
  wc_handle state;
  wc_optional none = wc_none();
  uint8_t out[64];
  CHECK(symmetric_state_open(alg, strlen(alg), &none, &none, &state));
  CHECK(symmetric_state_absorb(state, msg, len));
  CHECK(symmetric_state_squeeze(state, out, out_len));
  CHECK(symmetric_state_close(state));
  print_hex(label, out, out_len);
}

static void hmac(const char *label, const char *alg, const char *key_hex, const uint8_t *msg, size_t len) {
  size_t key_len;
  uint8_t *key = from_hex(key_hex, &key_len);
  wc_handle key_handle, state, tag;
  CHECK(symmetric_key_import(alg, strlen(alg), key, key_len, &key_handle));
  wc_optional some_key = wc_some(key_handle), none = wc_none();
  CHECK(symmetric_state_open(alg, strlen(alg), &some_key, &none, &state));
  CHECK(symmetric_state_absorb(state, msg, len));
  CHECK(symmetric_state_squeeze_tag(state, &tag));
  wc_size tag_len, pulled;
  CHECK(symmetric_tag_len(tag, &tag_len));
  uint8_t out[64];
  CHECK(symmetric_tag_pull(tag, out, tag_len, &pulled));
  CHECK(symmetric_tag_verify(tag, out, tag_len));
  print_hex(label, out, pulled);
  CHECK(symmetric_tag_close(tag));
  CHECK(symmetric_state_close(state));
  CHECK(symmetric_key_close(key_handle));
  free(key);
}

static void hkdf(const char *label, const char *hash_name, const char *ikm_hex, const char *salt_hex,
                 const char *info_hex, size_t okm_len) {
  char extract[40], expand[40];
  snprintf(extract, sizeof extract, "HKDF-EXTRACT/%s", hash_name);
  snprintf(expand, sizeof expand, "HKDF-EXPAND/%s", hash_name);
  size_t ikm_len, salt_len, info_len;
  uint8_t *ikm = from_hex(ikm_hex, &ikm_len), *salt = from_hex(salt_hex, &salt_len), *info = from_hex(info_hex, &info_len);
  wc_handle ikm_key, extract_state, prk, expand_state, prk_output;
  wc_optional none = wc_none();
  CHECK(symmetric_key_import(extract, strlen(extract), ikm, ikm_len, &ikm_key));
  wc_optional some_ikm = wc_some(ikm_key);
  CHECK(symmetric_state_open(extract, strlen(extract), &some_ikm, &none, &extract_state));
  CHECK(symmetric_state_absorb(extract_state, salt, salt_len));
  CHECK(symmetric_state_squeeze_key(extract_state, expand, strlen(expand), &prk));
  char prk_label[64];
  snprintf(prk_label, sizeof prk_label, "%s_prk", label);
  print_output(prk_label, symmetric_key_export(prk, &prk_output), prk_output);
  wc_optional some_prk = wc_some(prk);
  CHECK(symmetric_state_open(expand, strlen(expand), &some_prk, &none, &expand_state));
  CHECK(symmetric_state_absorb(expand_state, info, info_len));
  uint8_t okm[128];
  CHECK(symmetric_state_squeeze(expand_state, okm, okm_len));
  print_hex(label, okm, okm_len);
  CHECK(symmetric_state_close(expand_state));
  CHECK(symmetric_state_close(extract_state));
  CHECK(symmetric_key_close(prk));
  CHECK(symmetric_key_close(ikm_key));
  free(ikm); free(salt); free(info);
}

/* Encrypts (attached) and prints ciphertext||tag, then decrypts it on a new
 * state and prints whether the plaintext came back. */
static void aead(const char *label, const char *alg, const char *key_hex, const char *nonce_hex,
                 const char *aad_hex, const uint8_t *msg, size_t msg_len) {
  size_t key_len, nonce_len, aad_len;
  uint8_t *key = from_hex(key_hex, &key_len), *nonce = from_hex(nonce_hex, &nonce_len), *aad = from_hex(aad_hex, &aad_len);
  wc_handle key_handle, options, state, state2;
  CHECK(symmetric_key_import(alg, strlen(alg), key, key_len, &key_handle));
  CHECK(options_open(WC_ALGORITHM_SYMMETRIC, &options));
  CHECK(options_set(options, S("nonce"), nonce, nonce_len));
  wc_optional some_key = wc_some(key_handle), some_options = wc_some(options);
  CHECK(symmetric_state_open(alg, strlen(alg), &some_key, &some_options, &state));
  CHECK(symmetric_state_absorb(state, aad, aad_len));
  uint8_t *ct = malloc(msg_len + 16), *pt = malloc(msg_len + 1);
  wc_size written;
  CHECK(symmetric_state_encrypt(state, ct, msg_len + 16, msg, msg_len, &written));
  print_hex(label, ct, written);
  CHECK(symmetric_state_open(alg, strlen(alg), &some_key, &some_options, &state2));
  CHECK(symmetric_state_absorb(state2, aad, aad_len));
  CHECK(symmetric_state_decrypt(state2, pt, msg_len, ct, msg_len + 16, &written));
  char ok_label[64];
  snprintf(ok_label, sizeof ok_label, "%s_roundtrip", label);
  print_code(ok_label, memcmp(pt, msg, msg_len) == 0 && written == msg_len ? 0 : 1);
  CHECK(symmetric_state_close(state));
  CHECK(symmetric_state_close(state2));
  CHECK(options_close(options));
  CHECK(symmetric_key_close(key_handle));
  free(key); free(nonce); free(aad); free(ct); free(pt);
}

static void ed25519(const char *label, const char *sk_hex, const char *msg_hex) {
  size_t sk_len, msg_len;
  uint8_t *sk = from_hex(sk_hex, &sk_len), *msg = from_hex(msg_hex, &msg_len);
  wc_handle secret, public_key, kp, state, signature, vstate, out;
  CHECK(secretkey_import(WC_ALGORITHM_SIGNATURES, S("Ed25519"), sk, sk_len, WC_SECRETKEY_RAW, &secret));
  CHECK(publickey_from_secretkey(secret, &public_key));
  CHECK(keypair_from_pk_and_sk(public_key, secret, &kp));
  char pk_label[64];
  snprintf(pk_label, sizeof pk_label, "%s_pk", label);
  print_output(pk_label, publickey_export(public_key, WC_PUBLICKEY_RAW, &out), out);
  CHECK(signature_state_open(kp, &state));
  CHECK(signature_state_update(state, msg, msg_len));
  CHECK(signature_state_sign(state, &signature));
  print_output(label, signature_export(signature, WC_SIGNATURE_RAW, &out), out);
  CHECK(signature_verification_state_open(public_key, &vstate));
  CHECK(signature_verification_state_update(vstate, msg, msg_len));
  char verify_label[64];
  snprintf(verify_label, sizeof verify_label, "%s_verify", label);
  print_code(verify_label, signature_verification_state_verify(vstate, signature));
  CHECK(signature_verification_state_close(vstate));
  CHECK(signature_close(signature));
  CHECK(signature_state_close(state));
  CHECK(keypair_close(kp));
  CHECK(publickey_close(public_key));
  CHECK(secretkey_close(secret));
  free(sk); free(msg);
}

static void x25519(const char *label, const char *sk_hex, const char *peer_pk_hex) {
  size_t sk_len, pk_len;
  uint8_t *sk = from_hex(sk_hex, &sk_len), *pk = from_hex(peer_pk_hex, &pk_len);
  wc_handle secret, peer, own_public, out;
  CHECK(secretkey_import(WC_ALGORITHM_KEY_EXCHANGE, S("X25519"), sk, sk_len, WC_SECRETKEY_RAW, &secret));
  CHECK(publickey_import(WC_ALGORITHM_KEY_EXCHANGE, S("X25519"), pk, pk_len, WC_PUBLICKEY_RAW, &peer));
  CHECK(publickey_from_secretkey(secret, &own_public));
  char pk_label[64];
  snprintf(pk_label, sizeof pk_label, "%s_pk", label);
  print_output(pk_label, publickey_export(own_public, WC_PUBLICKEY_RAW, &out), out);
  print_output(label, kx_dh(peer, secret, &out), out);
  CHECK(publickey_close(own_public));
  CHECK(publickey_close(peer));
  CHECK(secretkey_close(secret));
  free(sk); free(pk);
}

/* Generates a key, signs "test" in two updates, verifies, and checks that a
 * different message does not verify. Prints the signature size and codes. */
static void ecdsa_roundtrip(const char *label, const char *alg) {
  wc_handle kp, pk, state, signature, vstate, vstate2, out;
  wc_optional none = wc_none();
  CHECK(keypair_generate(WC_ALGORITHM_SIGNATURES, alg, strlen(alg), &none, &kp));
  CHECK(keypair_publickey(kp, &pk));
  CHECK(signature_state_open(kp, &state));
  CHECK(signature_state_update(state, (const uint8_t *)"te", 2));
  CHECK(signature_state_update(state, (const uint8_t *)"st", 2));
  CHECK(signature_state_sign(state, &signature));
  wc_size raw_len;
  CHECK(signature_export(signature, WC_SIGNATURE_RAW, &out));
  CHECK(array_output_len(out, &raw_len));
  char line[64];
  snprintf(line, sizeof line, "%s_raw_len", label);
  print_code(line, (wc_errno)raw_len);
  CHECK(signature_verification_state_open(pk, &vstate));
  CHECK(signature_verification_state_update(vstate, (const uint8_t *)"test", 4));
  snprintf(line, sizeof line, "%s_verify", label);
  print_code(line, signature_verification_state_verify(vstate, signature));
  CHECK(signature_verification_state_open(pk, &vstate2));
  CHECK(signature_verification_state_update(vstate2, (const uint8_t *)"tesT", 4));
  snprintf(line, sizeof line, "%s_verify_other", label);
  print_code(line, signature_verification_state_verify(vstate2, signature));
  CHECK(signature_verification_state_close(vstate));
  CHECK(signature_verification_state_close(vstate2));
  CHECK(signature_close(signature));
  CHECK(signature_state_close(state));
  CHECK(publickey_close(pk));
  CHECK(keypair_close(kp));
}

int main(void) {
  const uint8_t *abc = (const uint8_t *)"abc";
  const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  hash("sha256_abc", "SHA-256", abc, 3, 32);
  hash("sha256_empty", "SHA-256", abc, 0, 32);
  hash("sha256_448bits", "SHA-256", (const uint8_t *)two_blocks, strlen(two_blocks), 32);
  hash("sha512_abc", "SHA-512", abc, 3, 64);
  hash("sha512_256_abc", "SHA-512/256", abc, 3, 32);

  const uint8_t *hi = (const uint8_t *)"Hi There";
  const uint8_t *jefe_msg = (const uint8_t *)"what do ya want for nothing?";
  hmac("hmac_sha256_tc1", "HMAC/SHA-256", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", hi, 8);
  hmac("hmac_sha512_tc1", "HMAC/SHA-512", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", hi, 8);
  hmac("hmac_sha256_tc2", "HMAC/SHA-256", "4a656665", jefe_msg, 28);
  hmac("hmac_sha512_tc2", "HMAC/SHA-512", "4a656665", jefe_msg, 28);

  hkdf("hkdf_sha256_tc1", "SHA-256", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c",
       "f0f1f2f3f4f5f6f7f8f9", 42);
  hkdf("hkdf_sha256_tc3", "SHA-256", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "", 42);

  size_t p_len;
  uint8_t *gcm_p = from_hex(
      "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
      &p_len);
  aead("aes128gcm_tc4", "AES-128-GCM", "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
       "feedfacedeadbeeffeedfacedeadbeefabaddad2", gcm_p, p_len);
  aead("aes256gcm_tc16", "AES-256-GCM", "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
       "cafebabefacedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2", gcm_p, p_len);
  free(gcm_p);
  aead("chacha20poly1305_rfc8439", "CHACHA20-POLY1305", "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
       "070000004041424344454647", "50515253c0c1c2c3c4c5c6c7", (const uint8_t *)SUNSCREEN, strlen(SUNSCREEN));
  aead("xchacha20poly1305_draft", "XCHACHA20-POLY1305", "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
       "404142434445464748494a4b4c4d4e4f5051525354555657", "50515253c0c1c2c3c4c5c6c7", (const uint8_t *)SUNSCREEN,
       strlen(SUNSCREEN));

  ed25519("ed25519_test1", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "");
  ed25519("ed25519_test2", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "72");

  x25519("x25519_alice", "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
         "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  x25519("x25519_bob", "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
         "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");

  ecdsa_roundtrip("ecdsa_p256", "ECDSA_P256_SHA256");
  ecdsa_roundtrip("ecdsa_k256", "ECDSA_K256_SHA256");
  ecdsa_roundtrip("ecdsa_p384", "ECDSA_P384_SHA384");
  return 0;
}
