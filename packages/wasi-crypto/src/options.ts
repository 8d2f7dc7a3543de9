/** `algorithm_type`: the first argument of the asymmetric functions and of `options_open`. */
export const AlgorithmType = { signatures: 0, symmetric: 1, key_exchange: 2 } as const;

/** `keypair_encoding`. */
export const KeyPairEncoding = { raw: 0, pkcs8: 1, pem: 2, local: 3 } as const;
/** `publickey_encoding`: `pkcs8` means SubjectPublicKeyInfo DER; `sec` a SEC1 point. */
export const PublicKeyEncoding = { raw: 0, pkcs8: 1, pem: 2, sec: 3, local: 4 } as const;
/** `secretkey_encoding`. */
export const SecretKeyEncoding = { raw: 0, pkcs8: 1, pem: 2, sec: 3, local: 4 } as const;
/** `signature_encoding`: ECDSA raw is fixed-width r‖s. */
export const SignatureEncoding = { raw: 0, der: 1 } as const;

/** Special `version` values of managed keys (not implemented by this plug-in). */
export const KeyVersion = {
  unspecified: 0xff00000000000000n,
  latest: 0xff00000000000001n,
  all: 0xff00000000000002n,
} as const;

/** Signature algorithms (`algorithm_type` signatures); names are matched case-insensitively. */
export const signatureAlgorithms = [
  'ECDSA_P256_SHA256',
  'ECDSA_K256_SHA256',
  'ECDSA_P384_SHA384',
  'ED25519',
  'RSA_PKCS1_2048_SHA256',
  'RSA_PKCS1_2048_SHA384',
  'RSA_PKCS1_2048_SHA512',
  'RSA_PKCS1_3072_SHA384',
  'RSA_PKCS1_3072_SHA512',
  'RSA_PKCS1_4096_SHA512',
  'RSA_PSS_2048_SHA256',
  'RSA_PSS_2048_SHA384',
  'RSA_PSS_2048_SHA512',
  'RSA_PSS_3072_SHA384',
  'RSA_PSS_3072_SHA512',
  'RSA_PSS_4096_SHA512',
] as const;
export type SignatureAlgorithm = (typeof signatureAlgorithms)[number];

/** Key-exchange algorithms (`algorithm_type` key_exchange). Outputs are not hashed. */
export const keyExchangeAlgorithms = ['X25519', 'P256-SHA256', 'P384-SHA384'] as const;
export type KeyExchangeAlgorithm = (typeof keyExchangeAlgorithms)[number];

/** Symmetric algorithms. XCHACHA20-POLY1305 is a ws addition (WasmEdge lacks it). */
export const symmetricAlgorithms = [
  'SHA-256',
  'SHA-512',
  'SHA-512/256',
  'HMAC/SHA-256',
  'HMAC/SHA-512',
  'HKDF-EXTRACT/SHA-256',
  'HKDF-EXTRACT/SHA-512',
  'HKDF-EXPAND/SHA-256',
  'HKDF-EXPAND/SHA-512',
  'AES-128-GCM',
  'AES-256-GCM',
  'CHACHA20-POLY1305',
  'XCHACHA20-POLY1305',
] as const;
export type SymmetricAlgorithm = (typeof symmetricAlgorithms)[number];

/**
 * Names accepted by `options_set*` on symmetric options (names are
 * case-insensitive). Signature and key-exchange options accept none.
 * Only `nonce` is used (by AEADs: 12 bytes, or 24 for XChaCha20-Poly1305,
 * where it is generated at random when absent).
 */
export const symmetricOptionNames = {
  bytes: ['context', 'salt', 'nonce'],
  u64: ['memory_limit', 'ops_limit', 'parallelism'],
  guestBuffer: ['buffer'],
} as const;

/**
 * Budgets of one module instance (one Runtime's wasi-crypto modules each have
 * their own). The same values are `ws run` flags and `pluginOptions` keys.
 */
export interface WasiCryptoOptions {
  /**
   * Handles a guest may hold at once through one module instance; creating
   * another returns too_many_handles (18). Default 4096.
   * CLI: `--crypto-max-handles N`.
   */
  maxHandles?: number;
  /**
   * Bytes the handles of one module instance may hold: array outputs,
   * associated data and HKDF input absorbed by states, Ed25519 messages being
   * signed or verified, option values and imported symmetric keys; past it the
   * call returns overflow (16). Default 67108864 (64 MiB).
   * CLI: `--crypto-max-bytes BYTES`.
   */
  maxBytes?: number;
}

/** Plug-in option values keyed by option name (`pluginOptions` of a Runtime). */
export type WasiCryptoPluginOptions = Record<string, string>;

/** Default budgets of a module instance. */
export const defaultWasiCryptoBudget = { maxHandles: 4096, maxBytes: 64 * 1024 * 1024 } as const;

/** Converts {@link WasiCryptoOptions} into plug-in option values. */
export function toWasiCryptoPluginOptions(options: WasiCryptoOptions): WasiCryptoPluginOptions {
  const values: WasiCryptoPluginOptions = {};
  for (const [name, option, value, maximum] of [
    ['maxHandles', 'crypto-max-handles', options.maxHandles, 0xffffffff],
    ['maxBytes', 'crypto-max-bytes', options.maxBytes, Number.MAX_SAFE_INTEGER],
  ] as const) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0 || value > maximum) {
      throw new RangeError(`[ws:wasi-crypto] ${name} must be an integer from 0 to ${maximum}, got ${value}. Pass a whole number.`);
    }
    values[option] = String(value);
  }
  return values;
}
