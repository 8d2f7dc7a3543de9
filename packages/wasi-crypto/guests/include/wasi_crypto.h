/*
 * WASI-Crypto imports for C guests (wasm32-wasi): the 72 functions of the
 * five wasi_ephemeral_crypto_* modules as WasmEdge (and ws) provide them.
 * Every function returns a crypto_errno (0 = success). Handles, sizes and
 * versions come back through out-pointers. opt_options / opt_symmetric_key
 * are passed by pointer to an 8-byte struct (tag 0 = some, 1 = none).
 */
#ifndef WS_WASI_CRYPTO_H
#define WS_WASI_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t wc_errno;
typedef uint32_t wc_handle;
typedef uint32_t wc_size;

enum {
  WC_SUCCESS = 0, WC_GUEST_ERROR = 1, WC_NOT_IMPLEMENTED = 2, WC_UNSUPPORTED_FEATURE = 3,
  WC_PROHIBITED_OPERATION = 4, WC_UNSUPPORTED_ENCODING = 5, WC_UNSUPPORTED_ALGORITHM = 6,
  WC_UNSUPPORTED_OPTION = 7, WC_INVALID_KEY = 8, WC_INVALID_LENGTH = 9, WC_VERIFICATION_FAILED = 10,
  WC_RNG_ERROR = 11, WC_ALGORITHM_FAILURE = 12, WC_INVALID_SIGNATURE = 13, WC_CLOSED = 14,
  WC_INVALID_HANDLE = 15, WC_OVERFLOW = 16, WC_INTERNAL_ERROR = 17, WC_TOO_MANY_HANDLES = 18,
  WC_KEY_NOT_SUPPORTED = 19, WC_KEY_REQUIRED = 20, WC_INVALID_TAG = 21, WC_INVALID_OPERATION = 22,
  WC_NONCE_REQUIRED = 23, WC_INVALID_NONCE = 24, WC_OPTION_NOT_SET = 25, WC_NOT_FOUND = 26,
  WC_PARAMETERS_MISSING = 27, WC_IN_PROGRESS = 28, WC_INCOMPATIBLE_KEYS = 29, WC_EXPIRED = 30
};

enum { WC_ALGORITHM_SIGNATURES = 0, WC_ALGORITHM_SYMMETRIC = 1, WC_ALGORITHM_KEY_EXCHANGE = 2 };
enum { WC_KEYPAIR_RAW = 0, WC_KEYPAIR_PKCS8 = 1, WC_KEYPAIR_PEM = 2, WC_KEYPAIR_LOCAL = 3 };
enum { WC_PUBLICKEY_RAW = 0, WC_PUBLICKEY_PKCS8 = 1, WC_PUBLICKEY_PEM = 2, WC_PUBLICKEY_SEC = 3, WC_PUBLICKEY_LOCAL = 4 };
enum { WC_SECRETKEY_RAW = 0, WC_SECRETKEY_PKCS8 = 1, WC_SECRETKEY_PEM = 2, WC_SECRETKEY_SEC = 3, WC_SECRETKEY_LOCAL = 4 };
enum { WC_SIGNATURE_RAW = 0, WC_SIGNATURE_DER = 1 };

/* opt_options and opt_symmetric_key. */
typedef struct wc_optional {
  uint8_t tag; /* 0 = some, 1 = none */
  uint8_t padding[3];
  wc_handle handle;
} wc_optional;
_Static_assert(sizeof(wc_optional) == 8, "opt struct is 8 bytes");

static inline wc_optional wc_some(wc_handle h) { wc_optional o = {0, {0, 0, 0}, h}; return o; }
static inline wc_optional wc_none(void) { wc_optional o = {1, {0, 0, 0}, 0}; return o; }

#define WC_IMPORT(module, name) __attribute__((import_module(module), import_name(#name)))
#define WC_FN(module, name) WC_IMPORT(module, name) wc_errno name

#define WC_M_COMMON "wasi_ephemeral_crypto_common"
#define WC_M_ASYM "wasi_ephemeral_crypto_asymmetric_common"
#define WC_M_KX "wasi_ephemeral_crypto_kx"
#define WC_M_SIG "wasi_ephemeral_crypto_signatures"
#define WC_M_SYM "wasi_ephemeral_crypto_symmetric"

/* ---- wasi_ephemeral_crypto_common (10) ---- */
WC_FN(WC_M_COMMON, array_output_len)(wc_handle array_output, wc_size *size);
WC_FN(WC_M_COMMON, array_output_pull)(wc_handle array_output, uint8_t *buf, wc_size buf_len, wc_size *size);
WC_FN(WC_M_COMMON, options_open)(uint32_t algorithm_type, wc_handle *options);
WC_FN(WC_M_COMMON, options_close)(wc_handle options);
WC_FN(WC_M_COMMON, options_set)(wc_handle options, const char *name, size_t name_len, const uint8_t *value, size_t value_len);
WC_FN(WC_M_COMMON, options_set_u64)(wc_handle options, const char *name, size_t name_len, uint64_t value);
WC_FN(WC_M_COMMON, options_set_guest_buffer)(wc_handle options, const char *name, size_t name_len, uint8_t *buffer, size_t buffer_len);
WC_FN(WC_M_COMMON, secrets_manager_open)(const wc_optional *options, wc_handle *secrets_manager);
WC_FN(WC_M_COMMON, secrets_manager_close)(wc_handle secrets_manager);
WC_FN(WC_M_COMMON, secrets_manager_invalidate)(wc_handle secrets_manager, const uint8_t *key_id, size_t key_id_len, uint64_t version);

/* ---- wasi_ephemeral_crypto_asymmetric_common (20) ---- */
WC_FN(WC_M_ASYM, keypair_generate)(uint32_t algorithm_type, const char *alg, size_t alg_len, const wc_optional *options, wc_handle *keypair);
WC_FN(WC_M_ASYM, keypair_import)(uint32_t algorithm_type, const char *alg, size_t alg_len, const uint8_t *encoded, size_t encoded_len, uint32_t encoding, wc_handle *keypair);
WC_FN(WC_M_ASYM, keypair_generate_managed)(wc_handle secrets_manager, uint32_t algorithm_type, const char *alg, size_t alg_len, const wc_optional *options, wc_handle *keypair);
WC_FN(WC_M_ASYM, keypair_store_managed)(wc_handle secrets_manager, wc_handle keypair, uint8_t *kp_id, size_t kp_id_max_len);
WC_FN(WC_M_ASYM, keypair_replace_managed)(wc_handle secrets_manager, wc_handle kp_old, wc_handle kp_new, uint64_t *version);
WC_FN(WC_M_ASYM, keypair_id)(wc_handle keypair, uint8_t *kp_id, size_t kp_id_max_len, wc_size *size, uint64_t *version);
WC_FN(WC_M_ASYM, keypair_from_id)(wc_handle secrets_manager, const uint8_t *kp_id, size_t kp_id_len, uint64_t version, wc_handle *keypair);
WC_FN(WC_M_ASYM, keypair_from_pk_and_sk)(wc_handle publickey, wc_handle secretkey, wc_handle *keypair);
WC_FN(WC_M_ASYM, keypair_export)(wc_handle keypair, uint32_t encoding, wc_handle *array_output);
WC_FN(WC_M_ASYM, keypair_publickey)(wc_handle keypair, wc_handle *publickey);
WC_FN(WC_M_ASYM, keypair_secretkey)(wc_handle keypair, wc_handle *secretkey);
WC_FN(WC_M_ASYM, keypair_close)(wc_handle keypair);
WC_FN(WC_M_ASYM, publickey_import)(uint32_t algorithm_type, const char *alg, size_t alg_len, const uint8_t *encoded, size_t encoded_len, uint32_t encoding, wc_handle *publickey);
WC_FN(WC_M_ASYM, publickey_export)(wc_handle publickey, uint32_t encoding, wc_handle *array_output);
WC_FN(WC_M_ASYM, publickey_verify)(wc_handle publickey);
WC_FN(WC_M_ASYM, publickey_from_secretkey)(wc_handle secretkey, wc_handle *publickey);
WC_FN(WC_M_ASYM, publickey_close)(wc_handle publickey);
WC_FN(WC_M_ASYM, secretkey_import)(uint32_t algorithm_type, const char *alg, size_t alg_len, const uint8_t *encoded, size_t encoded_len, uint32_t encoding, wc_handle *secretkey);
WC_FN(WC_M_ASYM, secretkey_export)(wc_handle secretkey, uint32_t encoding, wc_handle *array_output);
WC_FN(WC_M_ASYM, secretkey_close)(wc_handle secretkey);

/* ---- wasi_ephemeral_crypto_kx (3) ---- */
WC_FN(WC_M_KX, kx_dh)(wc_handle publickey, wc_handle secretkey, wc_handle *shared_secret);
WC_FN(WC_M_KX, kx_encapsulate)(wc_handle publickey, wc_handle *secret, wc_handle *encapsulated_secret);
WC_FN(WC_M_KX, kx_decapsulate)(wc_handle secretkey, const uint8_t *encapsulated_secret, size_t encapsulated_secret_len, wc_handle *secret);

/* ---- wasi_ephemeral_crypto_signatures (11) ---- */
WC_FN(WC_M_SIG, signature_export)(wc_handle signature, uint32_t encoding, wc_handle *array_output);
WC_FN(WC_M_SIG, signature_import)(const char *alg, size_t alg_len, const uint8_t *encoded, size_t encoded_len, uint32_t encoding, wc_handle *signature);
WC_FN(WC_M_SIG, signature_state_open)(wc_handle keypair, wc_handle *state);
WC_FN(WC_M_SIG, signature_state_update)(wc_handle state, const uint8_t *input, size_t input_len);
WC_FN(WC_M_SIG, signature_state_sign)(wc_handle state, wc_handle *signature);
WC_FN(WC_M_SIG, signature_state_close)(wc_handle state);
WC_FN(WC_M_SIG, signature_verification_state_open)(wc_handle publickey, wc_handle *state);
WC_FN(WC_M_SIG, signature_verification_state_update)(wc_handle state, const uint8_t *input, size_t input_len);
WC_FN(WC_M_SIG, signature_verification_state_verify)(wc_handle state, wc_handle signature);
WC_FN(WC_M_SIG, signature_verification_state_close)(wc_handle state);
WC_FN(WC_M_SIG, signature_close)(wc_handle signature);

/* ---- wasi_ephemeral_crypto_symmetric (28) ---- */
WC_FN(WC_M_SYM, symmetric_key_generate)(const char *alg, size_t alg_len, const wc_optional *options, wc_handle *key);
WC_FN(WC_M_SYM, symmetric_key_import)(const char *alg, size_t alg_len, const uint8_t *raw, size_t raw_len, wc_handle *key);
WC_FN(WC_M_SYM, symmetric_key_export)(wc_handle key, wc_handle *array_output);
WC_FN(WC_M_SYM, symmetric_key_close)(wc_handle key);
WC_FN(WC_M_SYM, symmetric_key_generate_managed)(wc_handle secrets_manager, const char *alg, size_t alg_len, const wc_optional *options, wc_handle *key);
WC_FN(WC_M_SYM, symmetric_key_store_managed)(wc_handle secrets_manager, wc_handle key, uint8_t *key_id, size_t key_id_max_len);
WC_FN(WC_M_SYM, symmetric_key_replace_managed)(wc_handle secrets_manager, wc_handle key_old, wc_handle key_new, uint64_t *version);
WC_FN(WC_M_SYM, symmetric_key_id)(wc_handle key, uint8_t *key_id, size_t key_id_max_len, wc_size *size, uint64_t *version);
WC_FN(WC_M_SYM, symmetric_key_from_id)(wc_handle secrets_manager, const uint8_t *key_id, size_t key_id_len, uint64_t version, wc_handle *key);
WC_FN(WC_M_SYM, symmetric_state_open)(const char *alg, size_t alg_len, const wc_optional *key, const wc_optional *options, wc_handle *state);
WC_FN(WC_M_SYM, symmetric_state_clone)(wc_handle state, wc_handle *clone);
WC_FN(WC_M_SYM, symmetric_state_options_get)(wc_handle state, const char *name, size_t name_len, uint8_t *value, size_t value_max_len, wc_size *size);
WC_FN(WC_M_SYM, symmetric_state_options_get_u64)(wc_handle state, const char *name, size_t name_len, uint64_t *value);
WC_FN(WC_M_SYM, symmetric_state_close)(wc_handle state);
WC_FN(WC_M_SYM, symmetric_state_absorb)(wc_handle state, const uint8_t *data, size_t data_len);
WC_FN(WC_M_SYM, symmetric_state_squeeze)(wc_handle state, uint8_t *out, size_t out_len);
WC_FN(WC_M_SYM, symmetric_state_squeeze_tag)(wc_handle state, wc_handle *tag);
WC_FN(WC_M_SYM, symmetric_state_squeeze_key)(wc_handle state, const char *alg, size_t alg_len, wc_handle *key);
WC_FN(WC_M_SYM, symmetric_state_max_tag_len)(wc_handle state, wc_size *len);
WC_FN(WC_M_SYM, symmetric_state_encrypt)(wc_handle state, uint8_t *out, size_t out_len, const uint8_t *data, size_t data_len, wc_size *size);
WC_FN(WC_M_SYM, symmetric_state_encrypt_detached)(wc_handle state, uint8_t *out, size_t out_len, const uint8_t *data, size_t data_len, wc_handle *tag);
WC_FN(WC_M_SYM, symmetric_state_decrypt)(wc_handle state, uint8_t *out, size_t out_len, const uint8_t *data, size_t data_len, wc_size *size);
WC_FN(WC_M_SYM, symmetric_state_decrypt_detached)(wc_handle state, uint8_t *out, size_t out_len, const uint8_t *data, size_t data_len, const uint8_t *raw_tag, size_t raw_tag_len, wc_size *size);
WC_FN(WC_M_SYM, symmetric_state_ratchet)(wc_handle state);
WC_FN(WC_M_SYM, symmetric_tag_len)(wc_handle tag, wc_size *len);
WC_FN(WC_M_SYM, symmetric_tag_pull)(wc_handle tag, uint8_t *buf, size_t buf_len, wc_size *size);
WC_FN(WC_M_SYM, symmetric_tag_verify)(wc_handle tag, const uint8_t *expected, size_t expected_len);
WC_FN(WC_M_SYM, symmetric_tag_close)(wc_handle tag);


#endif /* WS_WASI_CRYPTO_H */
