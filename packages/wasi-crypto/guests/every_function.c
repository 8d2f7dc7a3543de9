/* Calls each of the 72 wasi-crypto functions from inside WebAssembly at
 * least once, plus bad pointers, lengths and handles as a guest really
 * passes them. Prints "function[:case] errno"; test/every-function.test.ts
 * asserts the exact list. */
#include "wc_util.h"

#define BAD_PTR ((void *)0xfffffff0u)
#define R(label, call) print_code(label, (call))

int main(void) {
  wc_optional none = wc_none();
  wc_handle h, h2, out, kp, pk, sk, sig, st, vst, opts, key, tag;
  wc_size size;
  uint64_t version;
  uint8_t buf[256];

  /* ---- common ---- */
  R("options_open", options_open(WC_ALGORITHM_SYMMETRIC, &opts));
  R("options_open:bad_type", options_open(7, &h));
  R("options_open:bad_out", options_open(WC_ALGORITHM_SYMMETRIC, BAD_PTR));
  R("options_set", options_set(opts, S("nonce"), (const uint8_t *)"0123456789ab", 12));
  R("options_set:unknown_name", options_set(opts, S("color"), buf, 1));
  R("options_set:bad_value", options_set(opts, S("nonce"), BAD_PTR, 12));
  R("options_set_u64", options_set_u64(opts, S("ops_limit"), 10));
  R("options_set_guest_buffer", options_set_guest_buffer(opts, S("buffer"), buf, sizeof buf));
  R("secrets_manager_open", secrets_manager_open(&none, &h));
  R("secrets_manager_close", secrets_manager_close(1));
  R("secrets_manager_invalidate", secrets_manager_invalidate(1, buf, 4, 0xff00000000000001ull));

  /* ---- symmetric ---- */
  R("symmetric_key_generate", symmetric_key_generate(S("HMAC/SHA-256"), &none, &key));
  R("symmetric_key_export", symmetric_key_export(key, &out));
  R("array_output_len", array_output_len(out, &size));
  printf("array_output_len:size %u\n", size);
  R("array_output_pull:small", array_output_pull(out, buf, 10, &size));
  printf("array_output_pull:small_size %u\n", size);
  R("array_output_pull:bad_buf", array_output_pull(out, BAD_PTR, 10, &size));
  R("array_output_pull", array_output_pull(out, buf, sizeof buf, &size));
  printf("array_output_pull:rest_size %u\n", size);
  R("array_output_pull:closed", array_output_pull(out, buf, sizeof buf, &size));
  R("symmetric_key_import", symmetric_key_import(S("HKDF-EXTRACT/SHA-512"), (const uint8_t *)"ikm", 3, &h));
  R("symmetric_key_import:huge_len", symmetric_key_import(S("HMAC/SHA-256"), buf, 0xffffffffu, &h2));
  R("symmetric_key_generate_managed", symmetric_key_generate_managed(1, S("HMAC/SHA-256"), &none, &h2));
  R("symmetric_key_store_managed", symmetric_key_store_managed(1, key, buf, 64));
  R("symmetric_key_replace_managed", symmetric_key_replace_managed(1, key, key, &version));
  R("symmetric_key_id", symmetric_key_id(key, buf, 64, &size, &version));
  R("symmetric_key_from_id", symmetric_key_from_id(1, buf, 4, 0, &h2));
  wc_optional some_key = wc_some(key), some_opts = wc_some(opts);
  R("symmetric_state_open", symmetric_state_open(S("HMAC/SHA-256"), &some_key, &none, &st));
  R("symmetric_state_open:bad_opt_ptr", symmetric_state_open(S("HMAC/SHA-256"), BAD_PTR, &none, &h2));
  R("symmetric_state_absorb", symmetric_state_absorb(st, (const uint8_t *)"data", 4));
  R("symmetric_state_absorb:bad_ptr", symmetric_state_absorb(st, BAD_PTR, 4));
  R("symmetric_state_clone", symmetric_state_clone(st, &h2));
  R("symmetric_state_squeeze_tag", symmetric_state_squeeze_tag(h2, &tag));
  R("symmetric_tag_len", symmetric_tag_len(tag, &size));
  R("symmetric_tag_pull", symmetric_tag_pull(tag, buf, size, &size));
  R("symmetric_tag_pull:small", symmetric_tag_pull(tag, buf, 16, &size));
  R("symmetric_tag_verify", symmetric_tag_verify(tag, buf, 32));
  R("symmetric_tag_verify:truncated", symmetric_tag_verify(tag, buf, 16));
  R("symmetric_tag_close", symmetric_tag_close(tag));
  R("symmetric_tag_close:again", symmetric_tag_close(tag));
  R("symmetric_state_squeeze:hmac", symmetric_state_squeeze(st, buf, 32));
  symmetric_state_open(S("SHA-512/256"), &none, &none, &h2);
  symmetric_state_absorb(h2, (const uint8_t *)"abc", 3);
  R("symmetric_state_squeeze", symmetric_state_squeeze(h2, buf, 32));
  print_hex("symmetric_state_squeeze:digest", buf, 32);
  R("symmetric_state_squeeze:too_long", symmetric_state_squeeze(h2, buf, 33));
  R("symmetric_state_ratchet", symmetric_state_ratchet(st));
  R("symmetric_state_options_get_u64", symmetric_state_options_get_u64(st, S("ops_limit"), &version));
  R("symmetric_state_close", symmetric_state_close(h2));
  R("symmetric_state_close:again", symmetric_state_close(h2));
  R("symmetric_state_absorb:closed", symmetric_state_absorb(h2, buf, 1));
  R("symmetric_state_absorb:wrong_kind", symmetric_state_absorb(key, buf, 1));
  wc_optional some_ikm = wc_some(h);
  R("symmetric_state_open:extract", symmetric_state_open(S("HKDF-EXTRACT/SHA-512"), &some_ikm, &none, &h2));
  R("symmetric_state_squeeze_key", symmetric_state_squeeze_key(h2, S("HKDF-EXPAND/SHA-512"), &h));
  R("symmetric_key_close", symmetric_key_close(h));
  R("symmetric_key_close:again", symmetric_key_close(h));

  wc_handle aead_key, aead;
  R("symmetric_key_generate:aead", symmetric_key_generate(S("AES-256-GCM"), &none, &aead_key));
  wc_optional some_aead_key = wc_some(aead_key);
  R("symmetric_state_open:aead_no_options", symmetric_state_open(S("AES-256-GCM"), &some_aead_key, &none, &aead));
  R("symmetric_state_open:aead", symmetric_state_open(S("AES-256-GCM"), &some_aead_key, &some_opts, &aead));
  R("symmetric_state_options_get", symmetric_state_options_get(aead, S("nonce"), buf, sizeof buf, &size));
  R("symmetric_state_max_tag_len", symmetric_state_max_tag_len(aead, &size));
  uint8_t sealed[4 + 16], detached_ct[4], opened[4];
  R("symmetric_state_encrypt:short_out", symmetric_state_encrypt(aead, sealed, 19, (const uint8_t *)"msg!", 4, &size));
  R("symmetric_state_encrypt", symmetric_state_encrypt(aead, sealed, 20, (const uint8_t *)"msg!", 4, &size));
  R("symmetric_state_encrypt:nonce_reuse", symmetric_state_encrypt(aead, sealed, 20, (const uint8_t *)"msg!", 4, &size));
  R("symmetric_state_close:aead", symmetric_state_close(aead));
  symmetric_state_open(S("AES-256-GCM"), &some_aead_key, &some_opts, &aead);
  R("symmetric_state_decrypt", symmetric_state_decrypt(aead, opened, 4, sealed, 20, &size));
  printf("symmetric_state_decrypt:plaintext %.4s\n", (const char *)opened);
  sealed[0] ^= 1;
  R("symmetric_state_decrypt:tampered", symmetric_state_decrypt(aead, opened, 4, sealed, 20, &size));
  symmetric_state_open(S("AES-256-GCM"), &some_aead_key, &some_opts, &aead);
  R("symmetric_state_encrypt_detached", symmetric_state_encrypt_detached(aead, detached_ct, 4, (const uint8_t *)"msg!", 4, &tag));
  symmetric_tag_pull(tag, buf, 16, &size);
  symmetric_state_open(S("AES-256-GCM"), &some_aead_key, &some_opts, &aead);
  R("symmetric_state_decrypt_detached", symmetric_state_decrypt_detached(aead, opened, 4, detached_ct, 4, buf, 16, &size));
  R("symmetric_state_decrypt_detached:short_tag", symmetric_state_decrypt_detached(aead, opened, 4, detached_ct, 4, buf, 15, &size));

  /* ---- asymmetric_common ---- */
  R("keypair_generate", keypair_generate(WC_ALGORITHM_SIGNATURES, S("ECDSA_P256_SHA256"), &none, &kp));
  R("keypair_generate:symmetric_type", keypair_generate(WC_ALGORITHM_SYMMETRIC, S("ECDSA_P256_SHA256"), &none, &h));
  R("keypair_generate:bad_name_ptr", keypair_generate(WC_ALGORITHM_SIGNATURES, BAD_PTR, 17, &none, &h));
  R("keypair_export", keypair_export(kp, WC_KEYPAIR_PKCS8, &out));
  uint8_t *der = NULL;
  size_t der_len = 0;
  pull_all(out, &der, &der_len);
  R("keypair_import", keypair_import(WC_ALGORITHM_SIGNATURES, S("ECDSA_P256_SHA256"), der, der_len, WC_KEYPAIR_PKCS8, &h));
  R("keypair_import:truncated", keypair_import(WC_ALGORITHM_SIGNATURES, S("ECDSA_P256_SHA256"), der, der_len - 1, WC_KEYPAIR_PKCS8, &h2));
  R("keypair_import:bad_encoding", keypair_import(WC_ALGORITHM_SIGNATURES, S("ECDSA_P256_SHA256"), der, der_len, 9, &h2));
  R("keypair_close", keypair_close(h));
  R("keypair_close:again", keypair_close(h));
  R("keypair_generate_managed", keypair_generate_managed(1, WC_ALGORITHM_SIGNATURES, S("Ed25519"), &none, &h));
  R("keypair_store_managed", keypair_store_managed(1, kp, buf, 64));
  R("keypair_replace_managed", keypair_replace_managed(1, kp, kp, &version));
  R("keypair_id", keypair_id(kp, buf, 64, &size, &version));
  R("keypair_from_id", keypair_from_id(1, buf, 4, 0, &h));
  R("keypair_publickey", keypair_publickey(kp, &pk));
  R("keypair_secretkey", keypair_secretkey(kp, &sk));
  R("keypair_from_pk_and_sk", keypair_from_pk_and_sk(pk, sk, &h));
  R("keypair_from_pk_and_sk:swapped", keypair_from_pk_and_sk(sk, pk, &h));
  R("publickey_export", publickey_export(pk, WC_PUBLICKEY_SEC, &out));
  uint8_t *point = NULL;
  size_t point_len = 0;
  pull_all(out, &point, &point_len);
  printf("publickey_export:sec_len %zu\n", point_len);
  R("publickey_import", publickey_import(WC_ALGORITHM_SIGNATURES, S("ECDSA_P256_SHA256"), point, point_len, WC_PUBLICKEY_SEC, &h));
  point[point_len - 1] ^= 1;
  R("publickey_import:off_curve", publickey_import(WC_ALGORITHM_SIGNATURES, S("ECDSA_P256_SHA256"), point, point_len, WC_PUBLICKEY_SEC, &h2));
  R("publickey_verify", publickey_verify(h));
  R("publickey_close", publickey_close(h));
  R("publickey_verify:closed", publickey_verify(h));
  R("publickey_from_secretkey", publickey_from_secretkey(sk, &h));
  R("secretkey_export", secretkey_export(sk, WC_SECRETKEY_RAW, &out));
  uint8_t *scalar = NULL;
  size_t scalar_len = 0;
  pull_all(out, &scalar, &scalar_len);
  R("secretkey_import", secretkey_import(WC_ALGORITHM_SIGNATURES, S("ECDSA_P256_SHA256"), scalar, scalar_len, WC_SECRETKEY_RAW, &h));
  R("secretkey_import:short", secretkey_import(WC_ALGORITHM_SIGNATURES, S("ECDSA_P256_SHA256"), scalar, 31, WC_SECRETKEY_RAW, &h2));
  R("secretkey_close", secretkey_close(h));

  /* ---- signatures ---- */
  R("signature_state_open", signature_state_open(kp, &st));
  R("signature_state_open:wrong_kind", signature_state_open(pk, &h));
  R("signature_state_update", signature_state_update(st, (const uint8_t *)"msg", 3));
  R("signature_state_sign", signature_state_sign(st, &sig));
  R("signature_state_close", signature_state_close(st));
  R("signature_export", signature_export(sig, WC_SIGNATURE_DER, &out));
  uint8_t *sig_der = NULL;
  size_t sig_der_len = 0;
  pull_all(out, &sig_der, &sig_der_len);
  R("signature_import", signature_import(S("ECDSA_P256_SHA256"), sig_der, sig_der_len, WC_SIGNATURE_DER, &h));
  R("signature_import:raw_wrong_size", signature_import(S("ECDSA_P256_SHA256"), sig_der, 63, WC_SIGNATURE_RAW, &h2));
  R("signature_verification_state_open", signature_verification_state_open(pk, &vst));
  R("signature_verification_state_update", signature_verification_state_update(vst, (const uint8_t *)"msg", 3));
  R("signature_verification_state_verify", signature_verification_state_verify(vst, h));
  R("signature_verification_state_update:more", signature_verification_state_update(vst, (const uint8_t *)"!", 1));
  R("signature_verification_state_verify:other_message", signature_verification_state_verify(vst, h));
  R("signature_verification_state_close", signature_verification_state_close(vst));
  R("signature_close", signature_close(h));
  R("signature_close:again", signature_close(h));

  /* ---- kx ---- */
  wc_handle xa, xb, xpk, xsk;
  keypair_generate(WC_ALGORITHM_KEY_EXCHANGE, S("X25519"), &none, &xa);
  keypair_generate(WC_ALGORITHM_KEY_EXCHANGE, S("X25519"), &none, &xb);
  keypair_publickey(xb, &xpk);
  keypair_secretkey(xa, &xsk);
  R("kx_dh", kx_dh(xpk, xsk, &out));
  R("array_output_len:dh", array_output_len(out, &size));
  printf("kx_dh:size %u\n", size);
  R("kx_dh:signature_keys", kx_dh(pk, sk, &h));
  R("kx_encapsulate", kx_encapsulate(xpk, &h, &h2));
  R("kx_decapsulate", kx_decapsulate(xsk, buf, 32, &h));

  R("options_close", options_close(opts));
  R("options_close:again", options_close(opts));
  return 0;
}
