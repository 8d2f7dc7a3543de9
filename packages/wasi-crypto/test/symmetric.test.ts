// Behaviour of every symmetric function per family (spec B.9), the
// counterparts of WasmEdge's hash.cpp, mac.cpp, kdf.cpp and aeads.cpp, with
// the fixes of spec B.10 (#6 full-length tag verification).
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CryptoErrno as E } from '../src/errors.js';
import { AlgorithmType } from '../src/options.js';
import { Direct, hex } from './helpers.js';

let d: Direct;
beforeAll(() => {
  d = new Direct();
});
afterAll(() => d.dispose());

describe('hashes', () => {
  for (const [name, node, size] of [['SHA-256', 'sha256', 32], ['SHA-512', 'sha512', 64], ['SHA-512/256', 'sha512-256', 32]] as const) {
    it(`${name}: non-finalising squeeze, truncation, clone, and invalid operations`, () => {
      const state = d.state(name);
      expect(d.absorb(state, 'data')).toBe(E.success);
      expect(d.squeeze(state, size)).toEqual([E.success, createHash(node).update('data').digest()]);
      expect(d.absorb(state, 'more_data')).toBe(E.success);
      const full = createHash(node).update('datamore_data').digest();
      expect(d.squeeze(state, size)).toEqual([E.success, full]);
      expect(d.squeeze(state, 7)).toEqual([E.success, full.subarray(0, 7)]);
      expect(d.squeeze(state, size + 1)[0]).toBe(E.invalid_length);
      const [cloneCode, clone] = d.out(d.f.symmetric_state_clone, state);
      expect(cloneCode).toBe(E.success);
      expect(clone).not.toBe(state);
      d.absorb(clone, 'x');
      expect(d.squeeze(clone, size)[1]).toEqual(createHash(node).update('datamore_datax').digest());
      expect(d.squeeze(state, size)[1]).toEqual(full);
      // keys are not for hashes
      expect(d.out(d.f.symmetric_key_generate, ...d.put(name), d.opt())[0]).toBe(E.key_not_supported);
      expect(d.out(d.f.symmetric_key_import, ...d.put(name), ...d.put('k'))[0]).toBe(E.key_not_supported);
      const hmacKey = d.symmetricKey('HMAC/SHA-256', Buffer.alloc(32));
      expect(d.openState(name, hmacKey)[0]).toBe(E.key_not_supported);
      expect(d.openState(name, 0x7fffff09)[0]).toBe(E.invalid_handle);
      expect(d.f.symmetric_state_options_get(state, ...d.put('context'), d.alloc(16), 16, d.alloc(4))).toBe(E.unsupported_option);
      expect(d.f.symmetric_state_options_get_u64(state, ...d.put('context'), d.alloc(8))).toBe(E.unsupported_option);
      expect(d.out(d.f.symmetric_state_squeeze_tag, state)[0]).toBe(E.invalid_operation);
      expect(d.out(d.f.symmetric_state_squeeze_key, state, ...d.put('HKDF-EXPAND/SHA-256'))[0]).toBe(E.invalid_operation);
      expect(d.out(d.f.symmetric_state_max_tag_len, state)[0]).toBe(E.invalid_operation);
      const buffer = d.alloc(64);
      expect(d.f.symmetric_state_encrypt(state, buffer, 20, buffer, 4, d.alloc(4))).toBe(E.invalid_operation);
      expect(d.f.symmetric_state_encrypt_detached(state, buffer, 4, buffer, 4, d.alloc(4))).toBe(E.invalid_operation);
      expect(d.f.symmetric_state_decrypt(state, buffer, 4, buffer, 20, d.alloc(4))).toBe(E.invalid_operation);
      expect(d.f.symmetric_state_decrypt_detached(state, buffer, 4, buffer, 4, buffer, 16, d.alloc(4))).toBe(E.invalid_operation);
      expect(d.f.symmetric_state_ratchet(state)).toBe(E.invalid_operation);
      expect(d.f.symmetric_state_close(clone)).toBe(E.success);
      expect(d.f.symmetric_state_close(state)).toBe(E.success);
      expect(d.f.symmetric_state_close(state)).toBe(E.closed);
      expect(d.absorb(state, 'x')).toBe(E.invalid_handle);
    });
  }

  it('names are case-insensitive; unknown names are unsupported_algorithm', () => {
    expect(d.openState('sha-256')[0]).toBe(E.success);
    expect(d.openState('SHA-3')[0]).toBe(E.unsupported_algorithm);
    expect(d.openState('')[0]).toBe(E.unsupported_algorithm);
  });
});

describe('HMAC', () => {
  for (const [name, node, size] of [['HMAC/SHA-256', 'sha256', 32], ['HMAC/SHA-512', 'sha512', 64]] as const) {
    it(`${name}: generated key size, repeatable tags, verify, clone`, () => {
      const generated = d.ok(d.f.symmetric_key_generate, ...d.put(name), d.opt());
      expect(d.read(d.ok(d.f.symmetric_key_export, generated))).toHaveLength(size);
      const rawKey = Buffer.from('0'.repeat(size));
      const key = d.symmetricKey(name, rawKey);
      const state = d.state(name, key);
      d.absorb(state, 'data');
      const tag1 = d.ok(d.f.symmetric_state_squeeze_tag, state);
      expect(d.tag(tag1)).toEqual(createHmac(node, rawKey).update('data').digest());
      d.absorb(state, 'more_data');
      const tag2 = d.ok(d.f.symmetric_state_squeeze_tag, state);
      const expected = createHmac(node, rawKey).update('datamore_data').digest();
      expect(d.tag(tag2)).toEqual(expected);
      const tag3 = d.ok(d.f.symmetric_state_squeeze_tag, state);
      expect(d.tag(tag3)).toEqual(expected);
      expect(d.ok(d.f.symmetric_tag_len, tag3)).toBe(size);
      expect(d.f.symmetric_tag_verify(tag3, ...d.put(expected))).toBe(E.success);
      const wrong = Buffer.from(expected);
      wrong[size - 1] ^= 1;
      expect(d.f.symmetric_tag_verify(tag3, ...d.put(wrong))).toBe(E.invalid_tag);
      // a truncated (even empty) tag never verifies (WasmEdge accepts it: spec B.10 #6)
      expect(d.f.symmetric_tag_verify(tag3, ...d.put(expected.subarray(0, size - 1)))).toBe(E.invalid_tag);
      expect(d.f.symmetric_tag_verify(tag3, d.alloc(1), 0)).toBe(E.invalid_tag);
      expect(d.f.symmetric_tag_verify(tag3, ...d.put(Buffer.concat([expected, Buffer.alloc(1)])))).toBe(E.invalid_tag);
      const clone = d.ok(d.f.symmetric_state_clone, state);
      expect(d.tag(d.ok(d.f.symmetric_state_squeeze_tag, clone))).toEqual(expected);
      expect(d.openState(name)[0]).toBe(E.key_required);
      expect(d.squeeze(state, 4)[0]).toBe(E.invalid_operation);
      expect(d.out(d.f.symmetric_state_max_tag_len, state)[0]).toBe(E.invalid_operation);
      for (const h of [tag1, tag2, tag3]) expect(d.f.symmetric_tag_close(h)).toBe(E.success);
      expect(d.f.symmetric_tag_close(tag1)).toBe(E.closed);
      expect(d.out(d.f.symmetric_tag_len, tag1)[0]).toBe(E.invalid_handle);
    });
  }

  it('a key of another algorithm is invalid_key; an empty HMAC key works', () => {
    const key = d.symmetricKey('HMAC/SHA-512', Buffer.alloc(8));
    expect(d.openState('HMAC/SHA-256', key)[0]).toBe(E.invalid_key);
    const empty = d.symmetricKey('HMAC/SHA-256', new Uint8Array(0));
    const state = d.state('HMAC/SHA-256', empty);
    d.absorb(state, 'm');
    expect(d.tag(d.ok(d.f.symmetric_state_squeeze_tag, state))).toEqual(createHmac('sha256', Buffer.alloc(0)).update('m').digest());
  });

  it('symmetric_tag_pull needs exactly the tag length and leaves the tag open', () => {
    const state = d.state('HMAC/SHA-256', d.symmetricKey('HMAC/SHA-256', Buffer.alloc(32, 1)));
    const tag = d.ok(d.f.symmetric_state_squeeze_tag, state);
    expect(d.out(d.f.symmetric_tag_pull, tag, d.alloc(33), 33)[0]).toBe(E.invalid_length);
    expect(d.out(d.f.symmetric_tag_pull, tag, d.alloc(31), 31)[0]).toBe(E.overflow);
    expect(d.out(d.f.symmetric_tag_pull, tag, d.alloc(32), 32)).toEqual([E.success, 32]);
    expect(d.out(d.f.symmetric_tag_pull, tag, d.alloc(32), 32)).toEqual([E.success, 32]);
  });
});

describe('HKDF', () => {
  for (const [hash, size] of [['SHA-256', 32], ['SHA-512', 64]] as const) {
    it(`HKDF/${hash}: extract, squeeze_key, expand; wrong operations`, () => {
      const extract = `HKDF-EXTRACT/${hash}`, expand = `HKDF-EXPAND/${hash}`;
      const ikm = d.symmetricKey(extract, Buffer.from('IKM'));
      const state = d.state(extract, ikm);
      d.absorb(state, 'salt');
      const prk = d.ok(d.f.symmetric_state_squeeze_key, state, ...d.put(expand));
      const node = hash === 'SHA-256' ? 'sha256' : 'sha512';
      const prkBytes = createHmac(node, 'salt').update('IKM').digest();
      expect(d.read(d.ok(d.f.symmetric_key_export, prk))).toEqual(prkBytes);
      const expandState = d.state(expand, prk);
      d.absorb(expandState, 'in');
      d.absorb(expandState, 'fo');
      const t1 = createHmac(node, prkBytes).update(Buffer.concat([Buffer.from('info'), Buffer.from([1])])).digest();
      expect(d.squeeze(expandState, size)).toEqual([E.success, t1]);
      // HKDF-EXPAND keys are PRKs: exactly HashLen, never generated
      expect(d.out(d.f.symmetric_key_import, ...d.put(expand), ...d.put(Buffer.alloc(size - 1)))[0]).toBe(E.invalid_key);
      expect(d.out(d.f.symmetric_key_generate, ...d.put(expand), d.opt())[0]).toBe(E.unsupported_feature);
      expect(d.out(d.f.symmetric_key_generate, ...d.put(extract), d.opt())[0]).toBe(E.success);
      expect(d.squeeze(state, 16)[0]).toBe(E.invalid_operation);
      expect(d.out(d.f.symmetric_state_squeeze_key, expandState, ...d.put(expand))[0]).toBe(E.invalid_operation);
      expect(d.out(d.f.symmetric_state_squeeze_key, state, ...d.put('HKDF-EXPAND/SHA-3'))[0]).toBe(E.unsupported_algorithm);
      expect(d.out(d.f.symmetric_state_squeeze_key, state, ...d.put(extract))[0]).toBe(E.unsupported_algorithm);
      expect(d.out(d.f.symmetric_state_squeeze_tag, state)[0]).toBe(E.invalid_operation);
      expect(d.f.symmetric_state_options_get(state, ...d.put('salt'), d.alloc(16), 16, d.alloc(4))).toBe(E.unsupported_option);
      expect(d.openState(extract)[0]).toBe(E.key_required);
      expect(d.openState(expand, ikm)[0]).toBe(E.invalid_key);
      // 255 * HashLen is the most HKDF can produce
      expect(d.squeeze(expandState, 255 * size)[0]).toBe(E.success);
      expect(d.squeeze(expandState, 255 * size + 1)[0]).toBe(E.invalid_length);
      const clone = d.ok(d.f.symmetric_state_clone, expandState);
      expect(d.squeeze(clone, size)[1]).toEqual(t1);
    });
  }
});

describe('AEADs', () => {
  const nonce = Buffer.alloc(12, 0x2a);
  for (const name of ['AES-128-GCM', 'AES-256-GCM', 'CHACHA20-POLY1305'] as const) {
    it(`${name}: nonce option, attached and detached, tag checks, invalid operations`, () => {
      const key = d.ok(d.f.symmetric_key_generate, ...d.put(name), d.opt());
      expect(d.read(d.ok(d.f.symmetric_key_export, key))).toHaveLength(name === 'AES-128-GCM' ? 16 : 32);
      const options = d.options(AlgorithmType.symmetric, { nonce: Buffer.alloc(12, 1) });
      expect(d.f.options_set(options, ...d.put('nonce'), ...d.put(nonce))).toBe(E.success); // overwrites
      const state = d.state(name, key, options);
      const got = d.alloc(12);
      expect(d.out(d.f.symmetric_state_options_get, state, ...d.put('nonce'), got, 12)).toEqual([E.success, 12]);
      expect(d.bytes(got, 12)).toEqual(nonce);
      expect(d.out(d.f.symmetric_state_options_get, state, ...d.put('nonce'), d.alloc(11), 11)[0]).toBe(E.overflow);
      expect(d.out(d.f.symmetric_state_options_get, state, ...d.put('Nonce'), d.alloc(12), 12)[0]).toBe(E.unsupported_option);
      expect(d.out(d.f.symmetric_state_max_tag_len, state)).toEqual([E.success, 16]);
      d.absorb(state, 'aad');
      const [msgPtr] = d.put('test');
      const ciphertext = d.alloc(20);
      expect(d.out(d.f.symmetric_state_encrypt, state, ciphertext, 19, msgPtr, 4)[0]).toBe(E.invalid_length);
      expect(d.out(d.f.symmetric_state_encrypt, state, ciphertext, 21, msgPtr, 4)[0]).toBe(E.invalid_length);
      expect(d.out(d.f.symmetric_state_encrypt, state, ciphertext, 20, msgPtr, 4)).toEqual([E.success, 20]);
      const sealed = d.bytes(ciphertext, 20);
      // One message per state: a second encryption would reuse the nonce.
      expect(d.out(d.f.symmetric_state_encrypt, state, d.alloc(20), 20, msgPtr, 4)[0]).toBe(E.invalid_nonce);
      expect(d.out(d.f.symmetric_state_encrypt_detached, state, d.alloc(4), 4, msgPtr, 4)[0]).toBe(E.invalid_nonce);
      expect(d.absorb(state, 'late aad')).toBe(E.invalid_operation);

      const opener = () => {
        const s = d.state(name, key, options);
        d.absorb(s, 'aad');
        return s;
      };
      const plain = d.alloc(4);
      expect(d.out(d.f.symmetric_state_decrypt, opener(), plain, 4, ciphertext, 20)).toEqual([E.success, 4]);
      expect(d.bytes(plain, 4).toString()).toBe('test');
      expect(d.out(d.f.symmetric_state_decrypt, opener(), plain, 5, ciphertext, 20)[0]).toBe(E.invalid_length);
      // detached: same ciphertext, tag = the tail of the attached output
      const detachedOut = d.alloc(4);
      const [detachedCode, tag] = d.out(d.f.symmetric_state_encrypt_detached, opener(), detachedOut, 4, msgPtr, 4);
      expect(detachedCode).toBe(E.success);
      expect(d.bytes(detachedOut, 4)).toEqual(sealed.subarray(0, 4));
      expect(d.tag(tag)).toEqual(sealed.subarray(4));
      const tagPtr = d.put(sealed.subarray(4))[0];
      expect(d.out(d.f.symmetric_state_decrypt_detached, opener(), plain, 4, detachedOut, 4, tagPtr, 16)).toEqual([E.success, 4]);
      // truncated tag, wrong tag, wrong aad: invalid_tag, and the output is wiped
      expect(d.out(d.f.symmetric_state_decrypt_detached, opener(), plain, 4, detachedOut, 4, tagPtr, 15)[0]).toBe(E.invalid_tag);
      const badTag = Buffer.from(sealed.subarray(4));
      badTag[0] ^= 0x80;
      expect(d.out(d.f.symmetric_state_decrypt_detached, opener(), plain, 4, detachedOut, 4, d.put(badTag)[0], 16)[0]).toBe(E.invalid_tag);
      expect(d.bytes(plain, 4)).toEqual(Buffer.alloc(4));
      const noAad = d.state(name, key, options);
      expect(d.out(d.f.symmetric_state_decrypt, noAad, plain, 4, ciphertext, 20)[0]).toBe(E.invalid_tag);
      expect(d.out(d.f.symmetric_state_decrypt, opener(), plain, 4, ciphertext, 19)[0]).toBe(E.invalid_length);
      // in-place decryption
      const inPlace = d.put(sealed)[0];
      expect(d.out(d.f.symmetric_state_decrypt, opener(), inPlace, 4, inPlace, 20)).toEqual([E.success, 4]);
      expect(d.bytes(inPlace, 4).toString()).toBe('test');

      expect(d.squeeze(state, 4)[0]).toBe(E.invalid_operation);
      expect(d.out(d.f.symmetric_state_squeeze_tag, state)[0]).toBe(E.invalid_operation);
      expect(d.out(d.f.symmetric_state_squeeze_key, state, ...d.put(name))[0]).toBe(E.invalid_operation);
      expect(d.f.symmetric_state_ratchet(state)).toBe(E.invalid_operation);
      expect(d.f.symmetric_state_options_get_u64(state, ...d.put('nonce'), d.alloc(8))).toBe(E.unsupported_option);
      // Cloning would let two states encrypt under one nonce.
      expect(d.out(d.f.symmetric_state_clone, state)[0]).toBe(E.not_implemented);
    });
  }

  it('nonce rules: none → nonce_required, unset or wrong size → invalid_nonce; key sizes are checked at import', () => {
    const key = d.symmetricKey('AES-256-GCM', Buffer.alloc(32, 7));
    expect(d.openState('AES-256-GCM', key)[0]).toBe(E.nonce_required);
    expect(d.openState('AES-256-GCM', key, d.options(AlgorithmType.symmetric))[0]).toBe(E.invalid_nonce);
    expect(d.openState('AES-256-GCM', key, d.options(AlgorithmType.symmetric, { nonce: Buffer.alloc(11) }))[0]).toBe(E.invalid_nonce);
    expect(d.openState('AES-256-GCM', undefined, d.options(AlgorithmType.symmetric, { nonce }))[0]).toBe(E.key_required);
    expect(d.openState('AES-256-GCM', key, d.options(AlgorithmType.signatures))[0]).toBe(E.invalid_handle);
    for (const [name, bad] of [['AES-128-GCM', 32], ['AES-256-GCM', 16], ['CHACHA20-POLY1305', 31], ['XCHACHA20-POLY1305', 0]] as const) {
      expect(d.out(d.f.symmetric_key_import, ...d.put(name), ...d.put(Buffer.alloc(bad)))[0], name).toBe(E.invalid_key);
    }
  });

  it('XChaCha20-Poly1305 generates a random 24-byte nonce when none is given', () => {
    const key = d.symmetricKey('XCHACHA20-POLY1305', Buffer.alloc(32, 9));
    const nonces = [0, 1].map(() => {
      const state = d.state('XCHACHA20-POLY1305', key);
      const got = d.alloc(24);
      expect(d.out(d.f.symmetric_state_options_get, state, ...d.put('nonce'), got, 24)).toEqual([E.success, 24]);
      const sealed = d.alloc(17);
      expect(d.out(d.f.symmetric_state_encrypt, state, sealed, 17, ...d.put('x'))).toEqual([E.success, 17]);
      // decrypt with the nonce read back
      const state2 = d.state('XCHACHA20-POLY1305', key, d.options(AlgorithmType.symmetric, { nonce: d.bytes(got, 24) }));
      const plain = d.alloc(1);
      expect(d.out(d.f.symmetric_state_decrypt, state2, plain, 1, sealed, 17)).toEqual([E.success, 1]);
      expect(d.bytes(plain, 1).toString()).toBe('x');
      return d.bytes(got, 24).toString('hex');
    });
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(d.openState('XCHACHA20-POLY1305', key, d.options(AlgorithmType.symmetric, { nonce: Buffer.alloc(12) }))[0]).toBe(E.invalid_nonce);
  });

  it('1 MiB round trip with AES-256-GCM, in place', () => {
    const big = new Direct();
    try {
      big.memory.grow(40);
      const key = big.symmetricKey('AES-256-GCM', hex('11'.repeat(32)));
      const options = big.options(AlgorithmType.symmetric, { nonce });
      const message = Buffer.alloc(1 << 20, 0x5a);
      const [pointer] = big.put(Buffer.concat([message, Buffer.alloc(16)]));
      expect(big.out(big.f.symmetric_state_encrypt, big.state('AES-256-GCM', key, options), pointer, (1 << 20) + 16, pointer, 1 << 20)[0]).toBe(E.success);
      expect(big.out(big.f.symmetric_state_decrypt, big.state('AES-256-GCM', key, options), pointer, 1 << 20, pointer, (1 << 20) + 16)[0]).toBe(E.success);
      expect(big.bytes(pointer, 1 << 20).equals(message)).toBe(true);
    } finally {
      big.dispose();
    }
  });
});

describe('symmetric options (common.cpp)', () => {
  it('accepts the symmetric names, case-insensitively, and rejects others', () => {
    const options = d.ok(d.f.options_open, AlgorithmType.symmetric);
    for (const name of ['context', 'salt', 'nonce', 'NONCE']) expect(d.f.options_set(options, ...d.put(name), ...d.put('v')), name).toBe(E.success);
    expect(d.f.options_set(options, ...d.put('foo'), ...d.put('v'))).toBe(E.unsupported_option);
    for (const name of ['memory_limit', 'ops_limit', 'parallelism']) expect(d.f.options_set_u64(options, ...d.put(name), 5n), name).toBe(E.success);
    expect(d.f.options_set_u64(options, ...d.put('foo'), 5n)).toBe(E.unsupported_option);
    expect(d.f.options_set_guest_buffer(options, ...d.put('buffer'), d.alloc(16), 16)).toBe(E.success);
    expect(d.f.options_set_guest_buffer(options, ...d.put('foo'), d.alloc(16), 16)).toBe(E.unsupported_option);
    for (const type of [AlgorithmType.signatures, AlgorithmType.key_exchange]) {
      const other = d.ok(d.f.options_open, type);
      expect(d.f.options_set(other, ...d.put('nonce'), ...d.put('v'))).toBe(E.unsupported_option);
      expect(d.f.options_set_u64(other, ...d.put('ops_limit'), 1n)).toBe(E.unsupported_option);
      expect(d.f.options_set_guest_buffer(other, ...d.put('buffer'), d.alloc(4), 4)).toBe(E.unsupported_option);
      expect(d.f.options_close(other)).toBe(E.success);
      expect(d.f.options_close(other)).toBe(E.closed);
    }
    expect(d.out(d.f.options_open, 3)[0]).toBe(E.unsupported_algorithm);
    expect(d.out(d.f.options_open, 0x10001)[0]).toBe(E.success); // truncated to u16 as in WasmEdge
    expect(d.out(d.f.symmetric_key_generate, ...d.put('HMAC/SHA-256'), d.opt(d.ok(d.f.options_open, AlgorithmType.key_exchange)))[0]).toBe(E.invalid_handle);
  });

  it('an optional struct is none only when its tag byte is 1 (any other tag means some)', () => {
    const key = d.symmetricKey('HMAC/SHA-256', Buffer.alloc(32));
    const optional = d.alloc(8);
    const view = new DataView(d.memory.buffer);
    view.setUint8(optional, 2);
    view.setUint32(optional + 4, key, true);
    expect(d.out(d.f.symmetric_state_open, ...d.put('HMAC/SHA-256'), optional, d.opt())[0]).toBe(E.success);
    view.setUint8(optional, 1);
    expect(d.out(d.f.symmetric_state_open, ...d.put('HMAC/SHA-256'), optional, d.opt())[0]).toBe(E.key_required);
  });

  it('options are read at state_open: later changes do not affect the state', () => {
    const key = d.symmetricKey('AES-128-GCM', Buffer.alloc(16));
    const options = d.options(AlgorithmType.symmetric, { nonce: Buffer.alloc(12, 3) });
    const state = d.state('AES-128-GCM', key, options);
    d.f.options_set(options, ...d.put('nonce'), ...d.put(Buffer.alloc(12, 4)));
    expect(d.f.options_close(options)).toBe(E.success);
    const got = d.alloc(12);
    d.out(d.f.symmetric_state_options_get, state, ...d.put('nonce'), got, 12);
    expect(d.bytes(got, 12)).toEqual(Buffer.alloc(12, 3));
  });
});
