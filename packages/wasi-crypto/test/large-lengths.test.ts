// Lengths of 2 GiB and more, which OpenSSL's int-length APIs cannot take in
// one call: a guest memory of 2 GiB + 64 KiB (reserved by V8, committed only
// where touched) and inputs that reach past 2^31 bytes.
//  - PEM keys: BIO_new_mem_buf(ptr, (int)len) treats a negative length as
//    "NUL-terminated", so a 2^31-byte region was parsed as strlen(ptr).
//  - AEAD associated data: EVP_CipherUpdate(…, (int)aad_len) with 2^31 + 16
//    bytes read far past the buffer in ChaCha20-Poly1305 (a crash) and failed
//    in AES-GCM; 2^32 + n bytes would have authenticated only n of them.
import { generateKeyPairSync } from 'node:crypto';
import { totalmem } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWasiCryptoModules, type WasiCryptoModules } from '../src/crypto-modules.js';
import { CryptoErrno as E } from '../src/errors.js';
import { AlgorithmType as T, PublicKeyEncoding } from '../src/options.js';
import type { AllFunctions } from './helpers.js';

const TWO_GIB = 0x8000_0000;
const PAGES = TWO_GIB / 65536 + 1;
// Each AEAD state copies the associated data (2 GiB); one state lives at a time.
const enoughMemory = totalmem() >= 8 * 1024 ** 3;
if (!enoughMemory) console.log(`[large-lengths] AEAD cases skipped: ${totalmem()} bytes of RAM, 8 GiB needed`);

let memory: WebAssembly.Memory;
let set: WasiCryptoModules;
let f: AllFunctions;
let next = TWO_GIB + 4096; // scratch data above the 2 GiB region
beforeAll(() => {
  memory = new WebAssembly.Memory({ initial: PAGES });
  // The AEAD states hold 2 GiB of associated data: far above the default budget.
  set = createWasiCryptoModules({ maxBytes: 2 ** 40 });
  f = Object.assign({}, ...Object.values(set.bind(memory) as unknown as Record<string, object>)) as AllFunctions;
});
afterAll(() => set.dispose());

const bytes = () => new Uint8Array(memory.buffer);
const view = () => new DataView(memory.buffer);
function put(data: Uint8Array | string, at?: number): [number, number] {
  const value = typeof data === 'string' ? Buffer.from(data) : data;
  const pointer = at ?? next;
  if (at === undefined) next += Math.ceil(value.length / 8) * 8 + 8; // no bitwise ops: addresses exceed 2^31
  bytes().set(value, pointer);
  return [pointer, value.length];
}
function out(fn: (...args: never[]) => number, ...args: number[]): [number, number] {
  const pointer = put(new Uint8Array(4))[0];
  const code = (fn as (...a: number[]) => number)(...args, pointer);
  return [code, view().getUint32(pointer, true)];
}
function opt(handle: number): number {
  const pointer = put(new Uint8Array(8))[0];
  view().setUint32(pointer + 4, handle, true); // tag 0 = some
  return pointer;
}

describe('lengths of 2 GiB and more', () => {
  it('a PEM key region of 2^31 bytes is refused, not parsed up to the first NUL', () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' });
    put(pem, 0); // followed by zero bytes: a C string
    const [code] = out(f.publickey_import, T.signatures, ...put('ECDSA_P256_SHA256'), 0, TWO_GIB | 0, PublicKeyEncoding.pem);
    expect(code).toBe(E.invalid_key);
    const [secretCode] = out(f.secretkey_import, T.signatures, ...put('ECDSA_P256_SHA256'), 0, TWO_GIB | 0, 2);
    expect(secretCode).toBe(E.invalid_key);
    // The key itself, with its real length, imports.
    expect(out(f.publickey_import, T.signatures, ...put('ECDSA_P256_SHA256'), 0, Buffer.byteLength(pem), PublicKeyEncoding.pem)[0]).toBe(
      E.success,
    );
  });

  const aadLength = TWO_GIB + 16;
  /** An AEAD state over 2^31 + 16 bytes of associated data at address 0. */
  function sealedState(algorithm: string, key: number, nonce: number): number {
    const [code, state] = out(f.symmetric_state_open, ...put(algorithm), opt(key), opt(nonce));
    expect(code).toBe(E.success);
    expect(f.symmetric_state_absorb(state, 0, aadLength | 0)).toBe(E.success);
    return state;
  }

  function aeadSetup(algorithm: string) {
    const [keyCode, key] = out(f.symmetric_key_import, ...put(algorithm), ...put(new Uint8Array(32).fill(7)));
    expect(keyCode).toBe(E.success);
    const [optionsCode, options] = out(f.options_open, T.symmetric);
    expect(optionsCode).toBe(E.success);
    expect(f.options_set(options, ...put('nonce'), ...put(new Uint8Array(12).fill(1)))).toBe(E.success);
    const message = put('attack at dawn');
    const sealed = put(new Uint8Array(message[1] + 16))[0];
    const opened = put(new Uint8Array(message[1]))[0];
    // The associated data is the (zero) guest memory at [0, 2^31 + 16).
    const state = sealedState(algorithm, key, options);
    expect(out(f.symmetric_state_encrypt, state, sealed, message[1] + 16, ...message)[0]).toBe(E.success);
    expect(f.symmetric_state_close(state)).toBe(E.success);
    return { key, options, message, sealed, opened };
  }

  it.skipIf(!enoughMemory)('CHACHA20-POLY1305: the last of 2^31 + 16 associated bytes is covered by the tag', () => {
    const { key, options, message, sealed, opened } = aeadSetup('CHACHA20-POLY1305');
    bytes()[aadLength - 1] = 1;
    const state = sealedState('CHACHA20-POLY1305', key, options);
    expect(out(f.symmetric_state_decrypt, state, opened, message[1], sealed, message[1] + 16)[0]).toBe(E.invalid_tag);
    expect(f.symmetric_state_close(state)).toBe(E.success);
    bytes()[aadLength - 1] = 0;
  }, 180_000);

  it.skipIf(!enoughMemory)('AES-256-GCM: 2^31 + 16 associated bytes seal and open', () => {
    const { key, options, message, sealed, opened } = aeadSetup('AES-256-GCM');
    const state = sealedState('AES-256-GCM', key, options);
    expect(out(f.symmetric_state_decrypt, state, opened, message[1], sealed, message[1] + 16)).toEqual([E.success, message[1]]);
    expect(Buffer.from(bytes().subarray(opened, opened + message[1])).toString()).toBe('attack at dawn');
    expect(f.symmetric_state_close(state)).toBe(E.success);
  }, 180_000);
});
