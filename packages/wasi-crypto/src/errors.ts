/**
 * `crypto_errno`: the i32 every wasi-crypto host function returns (witx 0.9
 * and 0.10; identical in WasmEdge). 0 is success.
 */
export const CryptoErrno = {
  success: 0,
  guest_error: 1,
  not_implemented: 2,
  unsupported_feature: 3,
  prohibited_operation: 4,
  unsupported_encoding: 5,
  unsupported_algorithm: 6,
  unsupported_option: 7,
  invalid_key: 8,
  invalid_length: 9,
  verification_failed: 10,
  rng_error: 11,
  algorithm_failure: 12,
  invalid_signature: 13,
  closed: 14,
  invalid_handle: 15,
  overflow: 16,
  internal_error: 17,
  too_many_handles: 18,
  key_not_supported: 19,
  key_required: 20,
  invalid_tag: 21,
  invalid_operation: 22,
  nonce_required: 23,
  invalid_nonce: 24,
  option_not_set: 25,
  not_found: 26,
  parameters_missing: 27,
  in_progress: 28,
  incompatible_keys: 29,
  expired: 30,
} as const;

/** The name of a crypto_errno value. */
export type CryptoErrnoName = keyof typeof CryptoErrno;

/** `crypto_errno` name for a code, e.g. 15 → `invalid_handle` (`unknown_<n>` outside 0..30). */
export function cryptoErrnoName(code: number): CryptoErrnoName | `unknown_${number}` {
  for (const [name, value] of Object.entries(CryptoErrno)) if (value === code) return name as CryptoErrnoName;
  return `unknown_${code}`;
}
