// One AEAD state, one nonce, one sealed message. A state refuses a second
// encryption (symmetric.test.ts) and also an encryption after it decrypted:
// the peer already sealed a message under this key and nonce, so a reply
// sealed on the same state would reuse the nonce (the XOR of the two
// ciphertexts is the XOR of the plaintexts; for GCM the tag key leaks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CryptoErrno as E } from '../src/errors.js';
import { AlgorithmType } from '../src/options.js';
import { Direct } from './helpers.js';

let d: Direct;
beforeAll(() => {
  d = new Direct();
});
afterAll(() => d.dispose());

describe('AEAD nonce use per state', () => {
  for (const [name, nonceBytes] of [['AES-128-GCM', 12], ['AES-256-GCM', 12], ['CHACHA20-POLY1305', 12], ['XCHACHA20-POLY1305', 24]] as const) {
    it(`${name}: no encryption after a decryption, successful or not; decrypting after encrypting stays allowed`, () => {
      const key = d.ok(d.f.symmetric_key_generate, ...d.put(name), d.opt());
      const options = d.options(AlgorithmType.symmetric, { nonce: Buffer.alloc(nonceBytes, 3) });
      const [message, length] = d.put('peer message');
      const sealed = d.alloc(length + 16);
      const sender = d.state(name, key, options);
      expect(d.out(d.f.symmetric_state_encrypt, sender, sealed, length + 16, message, length)).toEqual([E.success, length + 16]);
      // The sender may still open what it sealed.
      const plain = d.alloc(length);
      expect(d.out(d.f.symmetric_state_decrypt, sender, plain, length, sealed, length + 16)).toEqual([E.success, length]);

      const receiver = d.state(name, key, options);
      expect(d.out(d.f.symmetric_state_decrypt, receiver, plain, length, sealed, length + 16)).toEqual([E.success, length]);
      const [reply, replyLength] = d.put('reply');
      expect(d.out(d.f.symmetric_state_encrypt, receiver, d.alloc(replyLength + 16), replyLength + 16, reply, replyLength)[0]).toBe(
        E.invalid_nonce,
      );
      expect(d.out(d.f.symmetric_state_encrypt_detached, receiver, d.alloc(replyLength), replyLength, reply, replyLength)[0]).toBe(
        E.invalid_nonce,
      );
      // Decrypting again is fine.
      expect(d.out(d.f.symmetric_state_decrypt, receiver, plain, length, sealed, length + 16)).toEqual([E.success, length]);

      // A failed decryption counts too: the nonce is the sender's.
      const forged = d.state(name, key, options);
      const tampered = d.put(Buffer.from(d.bytes(sealed, length + 16).map((b, i) => (i === 0 ? b ^ 1 : b))))[0];
      expect(d.out(d.f.symmetric_state_decrypt, forged, plain, length, tampered, length + 16)[0]).toBe(E.invalid_tag);
      expect(d.out(d.f.symmetric_state_encrypt, forged, d.alloc(replyLength + 16), replyLength + 16, reply, replyLength)[0]).toBe(
        E.invalid_nonce,
      );

      // A fresh state with a fresh nonce encrypts.
      const fresh = d.state(name, key, d.options(AlgorithmType.symmetric, { nonce: Buffer.alloc(nonceBytes, 4) }));
      expect(d.out(d.f.symmetric_state_encrypt, fresh, d.alloc(replyLength + 16), replyLength + 16, reply, replyLength)[0]).toBe(E.success);
      for (const state of [sender, receiver, forged, fresh]) expect(d.f.symmetric_state_close(state)).toBe(E.success);
    });
  }
});
