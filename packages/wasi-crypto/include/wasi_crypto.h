/*
 * wasi_crypto.h: guest-side imports of WASI-Crypto (@ws/wasi-crypto): the 72
 * functions of the five wasi_ephemeral_crypto_* modules, as WasmEdge's
 * wasi_crypto plug-in (witx 0.9 ABI) and ws provide them.
 *
 *   #include <wasi_crypto.h>
 *   clang --target=wasm32-wasi -O2 -I node_modules/@ws/wasi-crypto/include -o app.wasm app.c
 *
 * Conventions:
 * - Every function returns a wc_errno: WC_SUCCESS (0) or one of the codes
 *   below. Results (handles, sizes, versions) are written through the last
 *   pointer parameters, only on success.
 * - Pointers are addresses in the guest's linear memory, lengths are in
 *   bytes. Names (algorithms such as "ED25519", "SHA-256", "AES-128-GCM";
 *   options such as "nonce") are byte ranges without a NUL terminator;
 *   algorithm names are case-insensitive.
 * - Handles are opaque 32-bit values, one space per kind; close each one.
 * - Keys, signatures and shared secrets are exported into an array_output
 *   handle: read it with array_output_len() then array_output_pull().
 * - opt_options / opt_symmetric_key parameters point to a wc_optional
 *   (wc_some(handle) or wc_none()).
 * - An out-of-range pointer returns WC_ALGORITHM_FAILURE (never traps).
 * - Secrets-manager functions (*_managed, *_id, *_from_id, secrets_manager_*)
 *   return WC_NOT_IMPLEMENTED, as in WasmEdge.
 */
#ifndef WASI_CRYPTO_H
#define WASI_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** crypto_errno (witx u16, returned as i32). */
typedef int32_t wc_errno;
/** A handle of any kind (array_output, options, key, state, tag, ...). */
typedef uint32_t wc_handle;
/** A size written through an out-pointer. */
typedef uint32_t wc_size;

/* Error codes (crypto_errno). */
enum {
  WC_SUCCESS = 0,
  WC_GUEST_ERROR = 1,
  WC_NOT_IMPLEMENTED = 2,      /* secrets manager, KEM, RSA DER signatures, ... */
  WC_UNSUPPORTED_FEATURE = 3,  /* e.g. generating an HKDF-EXPAND key */
  WC_PROHIBITED_OPERATION = 4,
  WC_UNSUPPORTED_ENCODING = 5, /* encoding not available for this algorithm */
  WC_UNSUPPORTED_ALGORITHM = 6,
  WC_UNSUPPORTED_OPTION = 7,
  WC_INVALID_KEY = 8,
  WC_INVALID_LENGTH = 9,
  WC_VERIFICATION_FAILED = 10, /* signature does not verify */
  WC_RNG_ERROR = 11,
  WC_ALGORITHM_FAILURE = 12,   /* also: a pointer outside guest memory */
  WC_INVALID_SIGNATURE = 13,
  WC_CLOSED = 14,              /* closing an unknown or already-closed handle */
  WC_INVALID_HANDLE = 15,
  WC_OVERFLOW = 16,            /* output buffer too small */
  WC_INTERNAL_ERROR = 17,
  WC_TOO_MANY_HANDLES = 18,
  WC_KEY_NOT_SUPPORTED = 19,   /* a key given to an unkeyed algorithm */
  WC_KEY_REQUIRED = 20,
  WC_INVALID_TAG = 21,
  WC_INVALID_OPERATION = 22,   /* operation not valid for this algorithm */
  WC_NONCE_REQUIRED = 23,
  WC_INVALID_NONCE = 24,
  WC_OPTION_NOT_SET = 25,
  WC_NOT_FOUND = 26,
  WC_PARAMETERS_MISSING = 27,
  WC_IN_PROGRESS = 28,
  WC_INCOMPATIBLE_KEYS = 29,
  WC_EXPIRED = 30
};

/* algorithm_type. */
enum { WC_ALGORITHM_SIGNATURES = 0, WC_ALGORITHM_SYMMETRIC = 1, WC_ALGORITHM_KEY_EXCHANGE = 2 };
/* keypair_encoding. */
enum { WC_KEYPAIR_RAW = 0, WC_KEYPAIR_PKCS8 = 1, WC_KEYPAIR_PEM = 2, WC_KEYPAIR_LOCAL = 3 };
/* publickey_encoding (PKCS8 means SubjectPublicKeyInfo DER; SEC is a SEC1 point). */
enum { WC_PUBLICKEY_RAW = 0, WC_PUBLICKEY_PKCS8 = 1, WC_PUBLICKEY_PEM = 2, WC_PUBLICKEY_SEC = 3, WC_PUBLICKEY_LOCAL = 4 };
/* secretkey_encoding. */
enum { WC_SECRETKEY_RAW = 0, WC_SECRETKEY_PKCS8 = 1, WC_SECRETKEY_PEM = 2, WC_SECRETKEY_SEC = 3, WC_SECRETKEY_LOCAL = 4 };
/* signature_encoding. */
enum { WC_SIGNATURE_RAW = 0, WC_SIGNATURE_DER = 1 };

/* version constants of managed keys. */
#define WC_VERSION_UNSPECIFIED UINT64_C(0xff00000000000000)
#define WC_VERSION_LATEST UINT64_C(0xff00000000000001)
#define WC_VERSION_ALL UINT64_C(0xff00000000000002)

/* opt_options and opt_symmetric_key: 8 bytes, tag at +0, handle at +4. */
typedef struct wc_optional {
  uint8_t tag; /* 0 = some, 1 = none */
  uint8_t padding[3];
  wc_handle handle;
} wc_optional;

#if defined(__cplusplus)
static_assert(sizeof(wc_optional) == 8, "wc_optional is 8 bytes");
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
_Static_assert(sizeof(wc_optional) == 8, "wc_optional is 8 bytes");
#endif

/* An optional holding `handle`. */
static inline wc_optional wc_some(wc_handle handle) {
  wc_optional value = {0, {0, 0, 0}, handle};
  return value;
}
/* The empty optional. */
static inline wc_optional wc_none(void) {
  wc_optional value = {1, {0, 0, 0}, 0};
  return value;
}

#define WASI_CRYPTO_IMPORT(module, name) __attribute__((import_module(module), import_name(#name)))
#define WASI_CRYPTO_COMMON(name) WASI_CRYPTO_IMPORT("wasi_ephemeral_crypto_common", name) wc_errno name
#define WASI_CRYPTO_ASYMMETRIC(name) WASI_CRYPTO_IMPORT("wasi_ephemeral_crypto_asymmetric_common", name) wc_errno name
#define WASI_CRYPTO_KX(name) WASI_CRYPTO_IMPORT("wasi_ephemeral_crypto_kx", name) wc_errno name
#define WASI_CRYPTO_SIGNATURES(name) WASI_CRYPTO_IMPORT("wasi_ephemeral_crypto_signatures", name) wc_errno name
#define WASI_CRYPTO_SYMMETRIC(name) WASI_CRYPTO_IMPORT("wasi_ephemeral_crypto_symmetric", name) wc_errno name

/* ---- module wasi_ephemeral_crypto_common (10) ---- */

/* Total byte length of an array_output (not what is left to pull). */
WASI_CRYPTO_COMMON(array_output_len)(wc_handle array_output, wc_size *size);
/* Copies up to buf_len of the remaining bytes and advances; *size = bytes
 * copied. The handle closes itself once fully read. */
WASI_CRYPTO_COMMON(array_output_pull)(wc_handle array_output, uint8_t *buf, wc_size buf_len, wc_size *size);
/* New empty options for one algorithm_type (WC_ALGORITHM_*). */
WASI_CRYPTO_COMMON(options_open)(uint32_t algorithm_type, wc_handle *options);
/* Closes options; states opened with them keep their copy. */
WASI_CRYPTO_COMMON(options_close)(wc_handle options);
/* Sets a byte option (symmetric: "context", "salt", "nonce"). */
WASI_CRYPTO_COMMON(options_set)(wc_handle options, const char *name, size_t name_len, const uint8_t *value, size_t value_len);
/* Sets an integer option (symmetric: "memory_limit", "ops_limit", "parallelism"). */
WASI_CRYPTO_COMMON(options_set_u64)(wc_handle options, const char *name, size_t name_len, uint64_t value);
/* Sets a guest buffer option (symmetric: "buffer"). */
WASI_CRYPTO_COMMON(options_set_guest_buffer)(wc_handle options, const char *name, size_t name_len, uint8_t *buffer, size_t buffer_len);
/* Not implemented. */
WASI_CRYPTO_COMMON(secrets_manager_open)(const wc_optional *options, wc_handle *secrets_manager);
/* Not implemented. */
WASI_CRYPTO_COMMON(secrets_manager_close)(wc_handle secrets_manager);
/* Not implemented. */
WASI_CRYPTO_COMMON(secrets_manager_invalidate)(wc_handle secrets_manager, const uint8_t *key_id, size_t key_id_len, uint64_t version);

/* ---- module wasi_ephemeral_crypto_asymmetric_common (20) ---- */

/* Generates a key pair of algorithm `alg` (signatures or key exchange). */
WASI_CRYPTO_ASYMMETRIC(keypair_generate)(uint32_t algorithm_type, const char *alg, size_t alg_len, const wc_optional *options, wc_handle *keypair);
/* Imports an encoded key pair (WC_KEYPAIR_*). */
WASI_CRYPTO_ASYMMETRIC(keypair_import)(uint32_t algorithm_type, const char *alg, size_t alg_len, const uint8_t *encoded, size_t encoded_len, uint32_t encoding, wc_handle *keypair);
/* Managed key pair: ED25519 only (returns an ordinary key pair); others not implemented. */
WASI_CRYPTO_ASYMMETRIC(keypair_generate_managed)(wc_handle secrets_manager, uint32_t algorithm_type, const char *alg, size_t alg_len, const wc_optional *options, wc_handle *keypair);
/* Not implemented. */
WASI_CRYPTO_ASYMMETRIC(keypair_store_managed)(wc_handle secrets_manager, wc_handle keypair, uint8_t *kp_id, size_t kp_id_max_len);
/* Not implemented. */
WASI_CRYPTO_ASYMMETRIC(keypair_replace_managed)(wc_handle secrets_manager, wc_handle kp_old, wc_handle kp_new, uint64_t *version);
/* Not implemented. */
WASI_CRYPTO_ASYMMETRIC(keypair_id)(wc_handle keypair, uint8_t *kp_id, size_t kp_id_max_len, wc_size *size, uint64_t *version);
/* Not implemented. */
WASI_CRYPTO_ASYMMETRIC(keypair_from_id)(wc_handle secrets_manager, const uint8_t *kp_id, size_t kp_id_len, uint64_t version, wc_handle *keypair);
/* Builds a key pair from a public and a secret key. */
WASI_CRYPTO_ASYMMETRIC(keypair_from_pk_and_sk)(wc_handle publickey, wc_handle secretkey, wc_handle *keypair);
/* Exports a key pair (WC_KEYPAIR_*) into an array_output. */
WASI_CRYPTO_ASYMMETRIC(keypair_export)(wc_handle keypair, uint32_t encoding, wc_handle *array_output);
/* The public key of a key pair (a new handle). */
WASI_CRYPTO_ASYMMETRIC(keypair_publickey)(wc_handle keypair, wc_handle *publickey);
/* The secret key of a key pair (a new handle). */
WASI_CRYPTO_ASYMMETRIC(keypair_secretkey)(wc_handle keypair, wc_handle *secretkey);
/* Closes a key pair; keys taken from it stay valid. */
WASI_CRYPTO_ASYMMETRIC(keypair_close)(wc_handle keypair);
/* Imports an encoded public key (WC_PUBLICKEY_*). */
WASI_CRYPTO_ASYMMETRIC(publickey_import)(uint32_t algorithm_type, const char *alg, size_t alg_len, const uint8_t *encoded, size_t encoded_len, uint32_t encoding, wc_handle *publickey);
/* Exports a public key (WC_PUBLICKEY_*) into an array_output. */
WASI_CRYPTO_ASYMMETRIC(publickey_export)(wc_handle publickey, uint32_t encoding, wc_handle *array_output);
/* Checks that a public key is well formed: 0 or WC_INVALID_KEY. */
WASI_CRYPTO_ASYMMETRIC(publickey_verify)(wc_handle publickey);
/* Derives the public key of a secret key. */
WASI_CRYPTO_ASYMMETRIC(publickey_from_secretkey)(wc_handle secretkey, wc_handle *publickey);
/* Closes a public key. */
WASI_CRYPTO_ASYMMETRIC(publickey_close)(wc_handle publickey);
/* Imports an encoded secret key (WC_SECRETKEY_*). */
WASI_CRYPTO_ASYMMETRIC(secretkey_import)(uint32_t algorithm_type, const char *alg, size_t alg_len, const uint8_t *encoded, size_t encoded_len, uint32_t encoding, wc_handle *secretkey);
/* Exports a secret key (WC_SECRETKEY_*) into an array_output. */
WASI_CRYPTO_ASYMMETRIC(secretkey_export)(wc_handle secretkey, uint32_t encoding, wc_handle *array_output);
/* Closes a secret key. */
WASI_CRYPTO_ASYMMETRIC(secretkey_close)(wc_handle secretkey);

/* ---- module wasi_ephemeral_crypto_kx (3) ---- */

/* Diffie-Hellman ("X25519", "P256-SHA256", "P384-SHA384"): the shared
 * secret into an array_output. */
WASI_CRYPTO_KX(kx_dh)(wc_handle publickey, wc_handle secretkey, wc_handle *shared_secret);
/* KEM encapsulation: not implemented (no KEM algorithm). */
WASI_CRYPTO_KX(kx_encapsulate)(wc_handle publickey, wc_handle *secret, wc_handle *encapsulated_secret);
/* KEM decapsulation: not implemented. */
WASI_CRYPTO_KX(kx_decapsulate)(wc_handle secretkey, const uint8_t *encapsulated_secret, size_t encapsulated_secret_len, wc_handle *secret);

/* ---- module wasi_ephemeral_crypto_signatures (11) ---- */

/* Exports a signature (WC_SIGNATURE_*) into an array_output. */
WASI_CRYPTO_SIGNATURES(signature_export)(wc_handle signature, uint32_t encoding, wc_handle *array_output);
/* Imports an encoded signature of algorithm `alg`. */
WASI_CRYPTO_SIGNATURES(signature_import)(const char *alg, size_t alg_len, const uint8_t *encoded, size_t encoded_len, uint32_t encoding, wc_handle *signature);
/* Starts signing with a key pair. */
WASI_CRYPTO_SIGNATURES(signature_state_open)(wc_handle keypair, wc_handle *state);
/* Adds message bytes to a signing state. */
WASI_CRYPTO_SIGNATURES(signature_state_update)(wc_handle state, const uint8_t *input, size_t input_len);
/* Signs everything absorbed since open; writes a signature handle. */
WASI_CRYPTO_SIGNATURES(signature_state_sign)(wc_handle state, wc_handle *signature);
/* Closes a signing state. */
WASI_CRYPTO_SIGNATURES(signature_state_close)(wc_handle state);
/* Starts verifying with a public key. */
WASI_CRYPTO_SIGNATURES(signature_verification_state_open)(wc_handle publickey, wc_handle *state);
/* Adds message bytes to a verification state. */
WASI_CRYPTO_SIGNATURES(signature_verification_state_update)(wc_handle state, const uint8_t *input, size_t input_len);
/* 0 if `signature` matches, WC_VERIFICATION_FAILED if not. */
WASI_CRYPTO_SIGNATURES(signature_verification_state_verify)(wc_handle state, wc_handle signature);
/* Closes a verification state. */
WASI_CRYPTO_SIGNATURES(signature_verification_state_close)(wc_handle state);
/* Closes a signature. */
WASI_CRYPTO_SIGNATURES(signature_close)(wc_handle signature);

/* ---- module wasi_ephemeral_crypto_symmetric (28) ---- */

/* Generates a random key of the algorithm's natural size. */
WASI_CRYPTO_SYMMETRIC(symmetric_key_generate)(const char *alg, size_t alg_len, const wc_optional *options, wc_handle *key);
/* Imports raw key bytes. */
WASI_CRYPTO_SYMMETRIC(symmetric_key_import)(const char *alg, size_t alg_len, const uint8_t *raw, size_t raw_len, wc_handle *key);
/* Exports the raw key bytes into an array_output. */
WASI_CRYPTO_SYMMETRIC(symmetric_key_export)(wc_handle key, wc_handle *array_output);
/* Closes a key. */
WASI_CRYPTO_SYMMETRIC(symmetric_key_close)(wc_handle key);
/* Not implemented. */
WASI_CRYPTO_SYMMETRIC(symmetric_key_generate_managed)(wc_handle secrets_manager, const char *alg, size_t alg_len, const wc_optional *options, wc_handle *key);
/* Not implemented. */
WASI_CRYPTO_SYMMETRIC(symmetric_key_store_managed)(wc_handle secrets_manager, wc_handle key, uint8_t *key_id, size_t key_id_max_len);
/* Not implemented. */
WASI_CRYPTO_SYMMETRIC(symmetric_key_replace_managed)(wc_handle secrets_manager, wc_handle key_old, wc_handle key_new, uint64_t *version);
/* Not implemented. */
WASI_CRYPTO_SYMMETRIC(symmetric_key_id)(wc_handle key, uint8_t *key_id, size_t key_id_max_len, wc_size *size, uint64_t *version);
/* Not implemented. */
WASI_CRYPTO_SYMMETRIC(symmetric_key_from_id)(wc_handle secrets_manager, const uint8_t *key_id, size_t key_id_len, uint64_t version, wc_handle *key);
/* Opens a state for a hash, MAC, KDF or AEAD (AEADs need a 12-byte "nonce" option). */
WASI_CRYPTO_SYMMETRIC(symmetric_state_open)(const char *alg, size_t alg_len, const wc_optional *key, const wc_optional *options, wc_handle *state);
/* Copies a state (hashes, MACs, AEADs). */
WASI_CRYPTO_SYMMETRIC(symmetric_state_clone)(wc_handle state, wc_handle *clone);
/* Reads a byte option of a state (AEAD: "nonce"); *size = its length. */
WASI_CRYPTO_SYMMETRIC(symmetric_state_options_get)(wc_handle state, const char *name, size_t name_len, uint8_t *value, size_t value_max_len, wc_size *size);
/* Reads an integer option of a state. */
WASI_CRYPTO_SYMMETRIC(symmetric_state_options_get_u64)(wc_handle state, const char *name, size_t name_len, uint64_t *value);
/* Closes a state. */
WASI_CRYPTO_SYMMETRIC(symmetric_state_close)(wc_handle state);
/* Absorbs data: the message (hash, MAC), salt (HKDF-EXTRACT), info
 * (HKDF-EXPAND) or associated data (AEAD). */
WASI_CRYPTO_SYMMETRIC(symmetric_state_absorb)(wc_handle state, const uint8_t *data, size_t data_len);
/* Writes out_len bytes: a digest prefix (hash, non-finalizing) or key
 * material (HKDF-EXPAND). */
WASI_CRYPTO_SYMMETRIC(symmetric_state_squeeze)(wc_handle state, uint8_t *out, size_t out_len);
/* MAC: the tag of everything absorbed so far, as a tag handle. */
WASI_CRYPTO_SYMMETRIC(symmetric_state_squeeze_tag)(wc_handle state, wc_handle *tag);
/* HKDF-EXTRACT: the pseudorandom key as a key of algorithm `alg`. */
WASI_CRYPTO_SYMMETRIC(symmetric_state_squeeze_key)(wc_handle state, const char *alg, size_t alg_len, wc_handle *key);
/* AEAD: the tag length in bytes (16). */
WASI_CRYPTO_SYMMETRIC(symmetric_state_max_tag_len)(wc_handle state, wc_size *len);
/* AEAD: encrypts data into out (out_len = data_len + tag length):
 * ciphertext then tag; *size = bytes written. */
WASI_CRYPTO_SYMMETRIC(symmetric_state_encrypt)(wc_handle state, uint8_t *out, size_t out_len, const uint8_t *data, size_t data_len, wc_size *size);
/* AEAD: encrypts data into out (out_len = data_len); the tag as a handle. */
WASI_CRYPTO_SYMMETRIC(symmetric_state_encrypt_detached)(wc_handle state, uint8_t *out, size_t out_len, const uint8_t *data, size_t data_len, wc_handle *tag);
/* AEAD: decrypts ciphertext-then-tag (data_len = out_len + tag length);
 * WC_INVALID_TAG if it does not authenticate. */
WASI_CRYPTO_SYMMETRIC(symmetric_state_decrypt)(wc_handle state, uint8_t *out, size_t out_len, const uint8_t *data, size_t data_len, wc_size *size);
/* AEAD: decrypts data (out_len = data_len) checking a separate raw tag. */
WASI_CRYPTO_SYMMETRIC(symmetric_state_decrypt_detached)(wc_handle state, uint8_t *out, size_t out_len, const uint8_t *data, size_t data_len, const uint8_t *raw_tag, size_t raw_tag_len, wc_size *size);
/* Ratchets a state: WC_INVALID_OPERATION for every provided algorithm. */
WASI_CRYPTO_SYMMETRIC(symmetric_state_ratchet)(wc_handle state);
/* Length of a tag in bytes. */
WASI_CRYPTO_SYMMETRIC(symmetric_tag_len)(wc_handle tag, wc_size *len);
/* Copies a tag to buf; buf_len must equal its length. */
WASI_CRYPTO_SYMMETRIC(symmetric_tag_pull)(wc_handle tag, uint8_t *buf, size_t buf_len, wc_size *size);
/* Compares a tag with expected bytes in constant time: 0 or WC_INVALID_TAG. */
WASI_CRYPTO_SYMMETRIC(symmetric_tag_verify)(wc_handle tag, const uint8_t *expected, size_t expected_len);
/* Closes a tag. */
WASI_CRYPTO_SYMMETRIC(symmetric_tag_close)(wc_handle tag);

#undef WASI_CRYPTO_SYMMETRIC
#undef WASI_CRYPTO_SIGNATURES
#undef WASI_CRYPTO_KX
#undef WASI_CRYPTO_ASYMMETRIC
#undef WASI_CRYPTO_COMMON
#undef WASI_CRYPTO_IMPORT

#ifdef __cplusplus
}
#endif

#endif /* WASI_CRYPTO_H */
