// Every one of the 72 functions called from inside WebAssembly
// (guests/every_function.c), with bad pointers, lengths and handles as a
// real guest passes them. The whole output is asserted, line by line.
import { describe, expect, it } from 'vitest';
import { Direct, runGuest } from './helpers.js';

const expected = `
  options_open 0
  options_open:bad_type 6
  options_open:bad_out 12
  options_set 0
  options_set:unknown_name 7
  options_set:bad_value 12
  options_set_u64 0
  options_set_guest_buffer 0
  secrets_manager_open 2
  secrets_manager_close 2
  secrets_manager_invalidate 2
  symmetric_key_generate 0
  symmetric_key_export 0
  array_output_len 0
  array_output_len:size 32
  array_output_pull:small 0
  array_output_pull:small_size 10
  array_output_pull:bad_buf 12
  array_output_pull 0
  array_output_pull:rest_size 22
  array_output_pull:closed 15
  symmetric_key_import 0
  symmetric_key_import:huge_len 12
  symmetric_key_generate_managed 2
  symmetric_key_store_managed 2
  symmetric_key_replace_managed 2
  symmetric_key_id 2
  symmetric_key_from_id 2
  symmetric_state_open 0
  symmetric_state_open:bad_opt_ptr 12
  symmetric_state_absorb 0
  symmetric_state_absorb:bad_ptr 12
  symmetric_state_clone 0
  symmetric_state_squeeze_tag 0
  symmetric_tag_len 0
  symmetric_tag_pull 0
  symmetric_tag_pull:small 16
  symmetric_tag_verify 0
  symmetric_tag_verify:truncated 21
  symmetric_tag_close 0
  symmetric_tag_close:again 14
  symmetric_state_squeeze:hmac 22
  symmetric_state_squeeze 0
  symmetric_state_squeeze:digest 53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23
  symmetric_state_squeeze:too_long 9
  symmetric_state_ratchet 22
  symmetric_state_options_get_u64 7
  symmetric_state_close 0
  symmetric_state_close:again 14
  symmetric_state_absorb:closed 15
  symmetric_state_absorb:wrong_kind 15
  symmetric_state_open:extract 0
  symmetric_state_squeeze_key 0
  symmetric_key_close 0
  symmetric_key_close:again 14
  symmetric_key_generate:aead 0
  symmetric_state_open:aead_no_options 23
  symmetric_state_open:aead 0
  symmetric_state_options_get 0
  symmetric_state_max_tag_len 0
  symmetric_state_encrypt:short_out 9
  symmetric_state_encrypt 0
  symmetric_state_encrypt:nonce_reuse 24
  symmetric_state_close:aead 0
  symmetric_state_decrypt 0
  symmetric_state_decrypt:plaintext msg!
  symmetric_state_decrypt:tampered 21
  symmetric_state_encrypt_detached 0
  symmetric_state_decrypt_detached 0
  symmetric_state_decrypt_detached:short_tag 21
  keypair_generate 0
  keypair_generate:symmetric_type 22
  keypair_generate:bad_name_ptr 12
  keypair_export 0
  keypair_import 0
  keypair_import:truncated 8
  keypair_import:bad_encoding 5
  keypair_close 0
  keypair_close:again 14
  keypair_generate_managed 0
  keypair_store_managed 2
  keypair_replace_managed 2
  keypair_id 2
  keypair_from_id 2
  keypair_publickey 0
  keypair_secretkey 0
  keypair_from_pk_and_sk 0
  keypair_from_pk_and_sk:swapped 15
  publickey_export 0
  publickey_export:sec_len 65
  publickey_import 0
  publickey_import:off_curve 8
  publickey_verify 0
  publickey_close 0
  publickey_verify:closed 15
  publickey_from_secretkey 0
  secretkey_export 0
  secretkey_import 0
  secretkey_import:short 8
  secretkey_close 0
  signature_state_open 0
  signature_state_open:wrong_kind 15
  signature_state_update 0
  signature_state_sign 0
  signature_state_close 0
  signature_export 0
  signature_import 0
  signature_import:raw_wrong_size 13
  signature_verification_state_open 0
  signature_verification_state_update 0
  signature_verification_state_verify 0
  signature_verification_state_update:more 0
  signature_verification_state_verify:other_message 10
  signature_verification_state_close 0
  signature_close 0
  signature_close:again 14
  kx_dh 0
  array_output_len:dh 0
  kx_dh:size 32
  kx_dh:signature_keys 15
  kx_encapsulate 2
  kx_decapsulate 2
  options_close 0
  options_close:again 14
`;

describe('every function from a guest', () => {
  it('prints exactly the expected results', () => {
    const run = runGuest('every_function');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const want = expected.trim().split('\n').map((line) => line.trim());
    expect(run.stdout.trim().split('\n')).toEqual(want);
  });

  it('calls each of the 72 functions', () => {
    const d = new Direct();
    try {
      const names = d.set.modules.flatMap((m) => m.listFunctions());
      const called = new Set(expected.trim().split('\n').map((line) => line.trim().split(/[ :]/)[0]));
      expect(names.filter((name) => !called.has(name))).toEqual([]);
    } finally {
      d.dispose();
    }
  });
});
