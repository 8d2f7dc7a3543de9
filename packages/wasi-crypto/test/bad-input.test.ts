// Bad input for all 72 functions, generated from one table: each function's
// parameter kinds and a builder of arguments that succeed. From it:
// out-of-range pointers and lengths (→ algorithm_failure, spec B.2), no
// memory, invalid / closed / wrong-kind handles (→ invalid_handle, or closed
// for *_close). Nothing may crash the process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CryptoErrno as E } from '../src/errors.js';
import { AlgorithmType as T } from '../src/options.js';
import { Direct, type AllFunctions } from './helpers.js';

// h handle, n number (not checked), p+l input region, b+l output region,
// o u32 out-pointer, O u64 out-pointer, q optional-struct pointer, v i64
type Kind = 'h' | 'n' | 'p' | 'b' | 'l' | 'o' | 'O' | 'q' | 'v';
type Arg = number | bigint;

let d: Direct;
beforeAll(() => {
  d = new Direct();
});
afterAll(() => d.dispose());

const nonce = new Uint8Array(12).fill(7);
const str = (text: string | Uint8Array): [number, number] => d.put(text);
const o = () => d.alloc(8);
const q = (handle?: number) => d.opt(handle);
const ao = () => d.ok(d.f.symmetric_key_export, d.symmetricKey('HMAC/SHA-256', new Uint8Array(4)));
const opts = () => d.ok(d.f.options_open, T.symmetric);
const kp = () => d.keypair(T.signatures, 'Ed25519');
const pk = () => d.ok(d.f.keypair_publickey, kp());
const sk = () => d.ok(d.f.keypair_secretkey, kp());
const xkp = () => d.keypair(T.key_exchange, 'X25519');
const sig = () => d.sign(kp(), 'm');
const sst = () => d.ok(d.f.signature_state_open, kp());
const vst = () => d.ok(d.f.signature_verification_state_open, pk());
const hmacKey = () => d.symmetricKey('HMAC/SHA-256', new Uint8Array(32));
const hmacState = () => d.state('HMAC/SHA-256', hmacKey());
const extractState = () => d.state('HKDF-EXTRACT/SHA-256', d.symmetricKey('HKDF-EXTRACT/SHA-256', new Uint8Array(8)));
const aeadState = () => d.state('AES-128-GCM', d.symmetricKey('AES-128-GCM', new Uint8Array(16)), d.options(T.symmetric, { nonce }));
const tag = () => d.ok(d.f.symmetric_state_squeeze_tag, hmacState());
const sealed = () => {
  const out = d.alloc(20);
  d.ok(d.f.symmetric_state_encrypt, aeadState(), out, 20, ...str('abcd'));
  return out;
};
const detached = (): [number, number] => {
  const out = d.alloc(4);
  const t = d.ok(d.f.symmetric_state_encrypt_detached, aeadState(), out, 4, ...str('abcd'));
  return [out, d.put(d.tag(t))[0]];
};

interface Case {
  kinds: Kind[];
  args: () => Arg[];
  /** crypto_errno of the baseline call (default success). */
  expect?: number;
}

const NI = E.not_implemented;
const cases: Record<string, Case> = {
  // ---- common ----
  array_output_len: { kinds: ['h', 'o'], args: () => [ao(), o()] },
  array_output_pull: { kinds: ['h', 'b', 'l', 'o'], args: () => [ao(), d.alloc(4), 4, o()] },
  options_open: { kinds: ['n', 'o'], args: () => [T.symmetric, o()] },
  options_close: { kinds: ['h'], args: () => [opts()] },
  options_set: { kinds: ['h', 'p', 'l', 'p', 'l'], args: () => [opts(), ...str('nonce'), ...str('v')] },
  options_set_u64: { kinds: ['h', 'p', 'l', 'v'], args: () => [opts(), ...str('ops_limit'), 3n] },
  options_set_guest_buffer: { kinds: ['h', 'p', 'l', 'b', 'l'], args: () => [opts(), ...str('buffer'), d.alloc(8), 8] },
  secrets_manager_open: { kinds: ['q', 'o'], args: () => [q(), o()], expect: NI },
  secrets_manager_close: { kinds: ['n'], args: () => [1], expect: NI },
  secrets_manager_invalidate: { kinds: ['n', 'p', 'l', 'v'], args: () => [1, ...str('id'), 0n], expect: NI },
  // ---- asymmetric_common ----
  keypair_generate: { kinds: ['n', 'p', 'l', 'q', 'o'], args: () => [T.signatures, ...str('Ed25519'), q(), o()] },
  keypair_import: {
    kinds: ['n', 'p', 'l', 'p', 'l', 'n', 'o'],
    args: () => [T.key_exchange, ...str('X25519'), ...str(new Uint8Array(d.exported(d.f.keypair_export, xkp(), 0))), 0, o()],
  },
  keypair_generate_managed: { kinds: ['n', 'n', 'p', 'l', 'q', 'o'], args: () => [1, T.signatures, ...str('Ed25519'), q(), o()] },
  keypair_store_managed: { kinds: ['n', 'n', 'b', 'l'], args: () => [1, kp(), d.alloc(8), 8], expect: NI },
  keypair_replace_managed: { kinds: ['n', 'n', 'n', 'O'], args: () => [1, kp(), kp(), o()], expect: NI },
  keypair_id: { kinds: ['n', 'b', 'l', 'o', 'O'], args: () => [kp(), d.alloc(8), 8, o(), o()], expect: NI },
  keypair_from_id: { kinds: ['n', 'p', 'l', 'v', 'o'], args: () => [1, ...str('id'), 0n, o()], expect: NI },
  keypair_from_pk_and_sk: {
    kinds: ['h', 'h', 'o'],
    args: () => {
      const k = kp();
      return [d.ok(d.f.keypair_publickey, k), d.ok(d.f.keypair_secretkey, k), o()];
    },
  },
  keypair_export: { kinds: ['h', 'n', 'o'], args: () => [kp(), 0, o()] },
  keypair_publickey: { kinds: ['h', 'o'], args: () => [kp(), o()] },
  keypair_secretkey: { kinds: ['h', 'o'], args: () => [kp(), o()] },
  keypair_close: { kinds: ['h'], args: () => [kp()] },
  publickey_import: {
    kinds: ['n', 'p', 'l', 'p', 'l', 'n', 'o'],
    args: () => [T.signatures, ...str('Ed25519'), ...str(new Uint8Array(d.exported(d.f.publickey_export, pk(), 0))), 0, o()],
  },
  publickey_export: { kinds: ['h', 'n', 'o'], args: () => [pk(), 0, o()] },
  publickey_verify: { kinds: ['h'], args: () => [pk()] },
  publickey_from_secretkey: { kinds: ['h', 'o'], args: () => [sk(), o()] },
  publickey_close: { kinds: ['h'], args: () => [pk()] },
  secretkey_import: {
    kinds: ['n', 'p', 'l', 'p', 'l', 'n', 'o'],
    args: () => [T.signatures, ...str('Ed25519'), ...str(new Uint8Array(32).fill(1)), 0, o()],
  },
  secretkey_export: { kinds: ['h', 'n', 'o'], args: () => [sk(), 0, o()] },
  secretkey_close: { kinds: ['h'], args: () => [sk()] },
  // ---- kx ----
  kx_dh: {
    kinds: ['h', 'h', 'o'],
    args: () => [d.ok(d.f.keypair_publickey, xkp()), d.ok(d.f.keypair_secretkey, xkp()), o()],
  },
  kx_encapsulate: { kinds: ['n', 'o', 'o'], args: () => [1, o(), o()], expect: NI },
  kx_decapsulate: { kinds: ['n', 'p', 'l', 'o'], args: () => [1, ...str('x'), o()], expect: NI },
  // ---- signatures ----
  signature_export: { kinds: ['h', 'n', 'o'], args: () => [sig(), 0, o()] },
  signature_import: { kinds: ['p', 'l', 'p', 'l', 'n', 'o'], args: () => [...str('Ed25519'), ...str(new Uint8Array(64)), 0, o()] },
  signature_state_open: { kinds: ['h', 'o'], args: () => [kp(), o()] },
  signature_state_update: { kinds: ['h', 'p', 'l'], args: () => [sst(), ...str('data')] },
  signature_state_sign: { kinds: ['h', 'o'], args: () => [sst(), o()] },
  signature_state_close: { kinds: ['h'], args: () => [sst()] },
  signature_verification_state_open: { kinds: ['h', 'o'], args: () => [pk(), o()] },
  signature_verification_state_update: { kinds: ['h', 'p', 'l'], args: () => [vst(), ...str('data')] },
  signature_verification_state_verify: {
    kinds: ['h', 'h'],
    args: () => {
      const k = kp();
      const state = d.ok(d.f.signature_verification_state_open, d.ok(d.f.keypair_publickey, k));
      d.f.signature_verification_state_update(state, ...str('m'));
      return [state, d.sign(k, 'm')];
    },
  },
  signature_verification_state_close: { kinds: ['h'], args: () => [vst()] },
  signature_close: { kinds: ['h'], args: () => [sig()] },
  // ---- symmetric ----
  symmetric_key_generate: { kinds: ['p', 'l', 'q', 'o'], args: () => [...str('AES-256-GCM'), q(), o()] },
  symmetric_key_import: { kinds: ['p', 'l', 'p', 'l', 'o'], args: () => [...str('HMAC/SHA-512'), ...str('key'), o()] },
  symmetric_key_export: { kinds: ['h', 'o'], args: () => [hmacKey(), o()] },
  symmetric_key_close: { kinds: ['h'], args: () => [hmacKey()] },
  symmetric_key_generate_managed: { kinds: ['n', 'p', 'l', 'q', 'o'], args: () => [1, ...str('AES-256-GCM'), q(), o()], expect: NI },
  symmetric_key_store_managed: { kinds: ['n', 'n', 'b', 'l'], args: () => [1, hmacKey(), d.alloc(8), 8], expect: NI },
  symmetric_key_replace_managed: { kinds: ['n', 'n', 'n', 'O'], args: () => [1, hmacKey(), hmacKey(), o()], expect: NI },
  symmetric_key_id: { kinds: ['n', 'b', 'l', 'o', 'O'], args: () => [hmacKey(), d.alloc(8), 8, o(), o()], expect: NI },
  symmetric_key_from_id: { kinds: ['n', 'p', 'l', 'v', 'o'], args: () => [1, ...str('id'), 0n, o()], expect: NI },
  symmetric_state_open: { kinds: ['p', 'l', 'q', 'q', 'o'], args: () => [...str('HMAC/SHA-256'), q(hmacKey()), q(), o()] },
  symmetric_state_clone: { kinds: ['h', 'o'], args: () => [hmacState(), o()] },
  symmetric_state_options_get: { kinds: ['h', 'p', 'l', 'b', 'l', 'o'], args: () => [aeadState(), ...str('nonce'), d.alloc(12), 12, o()] },
  symmetric_state_options_get_u64: { kinds: ['h', 'p', 'l', 'O'], args: () => [aeadState(), ...str('nonce'), o()], expect: E.unsupported_option },
  symmetric_state_close: { kinds: ['h'], args: () => [hmacState()] },
  symmetric_state_absorb: { kinds: ['h', 'p', 'l'], args: () => [hmacState(), ...str('data')] },
  symmetric_state_squeeze: { kinds: ['h', 'b', 'l'], args: () => [d.state('SHA-256'), d.alloc(32), 32] },
  symmetric_state_squeeze_tag: { kinds: ['h', 'o'], args: () => [hmacState(), o()] },
  symmetric_state_squeeze_key: { kinds: ['h', 'p', 'l', 'o'], args: () => [extractState(), ...str('HKDF-EXPAND/SHA-256'), o()] },
  symmetric_state_max_tag_len: { kinds: ['h', 'o'], args: () => [aeadState(), o()] },
  symmetric_state_encrypt: { kinds: ['h', 'b', 'l', 'p', 'l', 'o'], args: () => [aeadState(), d.alloc(20), 20, ...str('abcd'), o()] },
  symmetric_state_encrypt_detached: { kinds: ['h', 'b', 'l', 'p', 'l', 'o'], args: () => [aeadState(), d.alloc(4), 4, ...str('abcd'), o()] },
  symmetric_state_decrypt: { kinds: ['h', 'b', 'l', 'p', 'l', 'o'], args: () => [aeadState(), d.alloc(4), 4, sealed(), 20, o()] },
  symmetric_state_decrypt_detached: {
    kinds: ['h', 'b', 'l', 'p', 'l', 'p', 'l', 'o'],
    args: () => {
      const [ciphertext, rawTag] = detached();
      return [aeadState(), d.alloc(4), 4, ciphertext, 4, rawTag, 16, o()];
    },
  },
  symmetric_state_ratchet: { kinds: ['h'], args: () => [hmacState()], expect: E.invalid_operation },
  symmetric_tag_len: { kinds: ['h', 'o'], args: () => [tag(), o()] },
  symmetric_tag_pull: { kinds: ['h', 'b', 'l', 'o'], args: () => [tag(), d.alloc(32), 32, o()] },
  symmetric_tag_verify: {
    kinds: ['h', 'p', 'l'],
    args: () => {
      const t = tag();
      return [t, d.put(d.tag(t))[0], 32];
    },
  },
  symmetric_tag_close: { kinds: ['h'], args: () => [tag()] },
};

const call = (fns: AllFunctions, name: string, args: Arg[]): number =>
  (fns as unknown as Record<string, (...a: Arg[]) => number>)[name]!(...args);

const pointerKinds = new Set<Kind>(['p', 'b', 'o', 'O', 'q']);

describe('the table', () => {
  it('covers the 72 functions of the five modules', () => {
    const all = d.set.modules.flatMap((m) => m.listFunctions());
    expect(all).toHaveLength(72);
    expect(Object.keys(cases).sort()).toEqual([...all].sort());
  });
});

describe.each(Object.entries(cases))('%s', (name, c) => {
  it('baseline arguments give the expected result', () => {
    expect(call(d.f, name, c.args())).toBe(c.expect ?? E.success);
  });

  const pointerIndexes = c.kinds.flatMap((k, i) => (pointerKinds.has(k) ? [i] : []));
  if (pointerIndexes.length > 0) {
    const failure = c.expect === NI ? NI : E.algorithm_failure;
    it('out-of-range pointers, wrapping regions and huge lengths fail without a crash', () => {
      for (const index of pointerIndexes) {
        const hasLength = c.kinds[index + 1] === 'l';
        const variants: [number, number | undefined][] = [
          [0xffff_fff0, undefined],
          [0xffff_ffff, hasLength ? 2 : undefined], // ptr + len wraps in 32 bits
          [d.size, hasLength ? 1 : undefined], // one past the end
          [d.size + 1, hasLength ? 0 : undefined], // empty, but beyond the end
        ];
        if (hasLength) variants.push([1024, 0xffff_ffff]);
        for (const [pointer, length] of variants) {
          if (!hasLength && pointer === d.size + 1) continue;
          const args = c.args();
          args[index] = pointer;
          if (length !== undefined) args[index + 1] = length;
          expect(call(d.f, name, args), `param ${index} = ${pointer}, len ${length}`).toBe(failure);
        }
      }
    });
    it('with no memory in the calling frame, fails with algorithm_failure', () => {
      expect(call(d.noMemory, name, c.args())).toBe(failure);
    });
  }

  const handleIndexes = c.kinds.flatMap((k, i) => (k === 'h' ? [i] : []));
  if (handleIndexes.length > 0) {
    const isClose = name.endsWith('_close');
    const expected = isClose ? E.closed : E.invalid_handle;
    it(`invalid, closed and wrong-kind handles give ${isClose ? 'closed' : 'invalid_handle'}`, () => {
      for (const index of handleIndexes) {
        for (const bad of [0, 0xffff_ffff, 0x0100_0000 | 0x0b]) {
          const args = c.args();
          args[index] = bad;
          expect(call(d.f, name, args), `param ${index} = ${bad}`).toBe(expected);
        }
        // the same sequence number with another kind byte
        const args = c.args();
        args[index] = ((args[index] as number) & ~0xff) | ((((args[index] as number) & 0xff) + 1) % 0x0b);
        expect(call(d.f, name, args), `param ${index} of the wrong kind`).toBe(expected);
      }
    });
    it('a handle closed before the call is not found', () => {
      const closers: Record<number, keyof AllFunctions> = {
        0x00: 'array_output_pull', 0x01: 'options_close', 0x02: 'signature_verification_state_close', 0x03: 'publickey_close',
        0x04: 'secretkey_close', 0x05: 'keypair_close', 0x06: 'signature_close', 0x07: 'signature_state_close',
        0x08: 'symmetric_state_close', 0x09: 'symmetric_key_close', 0x0a: 'symmetric_tag_close',
      };
      for (const index of handleIndexes) {
        const args = c.args();
        const handle = args[index] as number;
        const closer = closers[handle & 0xff]!;
        if (closer === 'array_output_pull') {
          const buffer = d.alloc(64);
          expect(call(d.f, closer, [handle, buffer, 64, d.alloc(4)])).toBe(E.success); // fully pulled → closed
        } else {
          expect(call(d.f, closer, [handle])).toBe(E.success);
        }
        expect(call(d.f, name, args), `param ${index}`).toBe(expected);
      }
    });
  }
});

describe('array_output into small buffers', () => {
  it('continues where it stopped and closes when fully pulled (spec B.10 #7)', () => {
    const output = d.ok(d.f.symmetric_key_export, d.symmetricKey('HMAC/SHA-256', Uint8Array.from([1, 2, 3, 4, 5])));
    expect(d.out(d.f.array_output_len, output)).toEqual([E.success, 5]);
    const buffer = d.alloc(8);
    expect(d.out(d.f.array_output_pull, output, buffer, 2)).toEqual([E.success, 2]);
    expect(d.bytes(buffer, 2)).toEqual(Buffer.from([1, 2]));
    expect(d.out(d.f.array_output_len, output)).toEqual([E.success, 5]); // total, not remaining
    expect(d.out(d.f.array_output_pull, output, buffer, 0)).toEqual([E.success, 0]);
    expect(d.out(d.f.array_output_pull, output, buffer, 2)).toEqual([E.success, 2]);
    expect(d.bytes(buffer, 2)).toEqual(Buffer.from([3, 4]));
    expect(d.out(d.f.array_output_pull, output, buffer, 8)).toEqual([E.success, 1]);
    expect(d.bytes(buffer, 1)).toEqual(Buffer.from([5]));
    expect(d.out(d.f.array_output_len, output)[0]).toBe(E.invalid_handle);
    expect(d.out(d.f.array_output_pull, output, buffer, 8)[0]).toBe(E.invalid_handle);
  });

  it('a one-call pull closes it too; a failed pull consumes nothing', () => {
    const output = d.ok(d.f.symmetric_key_export, d.symmetricKey('HMAC/SHA-256', new Uint8Array(3)));
    expect(d.out(d.f.array_output_pull, output, 0xffff_fff0, 3)[0]).toBe(E.algorithm_failure);
    expect(d.out(d.f.array_output_pull, output, d.alloc(3), 3)).toEqual([E.success, 3]);
    expect(d.out(d.f.array_output_len, output)[0]).toBe(E.invalid_handle);
  });
});

describe('memory growth', () => {
  it('regions in newly grown memory are accepted', () => {
    const local = new Direct();
    try {
      const oldSize = local.size;
      local.memory.grow(1);
      const state = local.state('SHA-256');
      expect(local.f.symmetric_state_absorb(state, oldSize + 100, 1000)).toBe(E.success);
      expect(local.f.symmetric_state_squeeze(state, oldSize + 65536 - 32, 32)).toBe(E.success);
      expect(local.f.symmetric_state_squeeze(state, oldSize + 65536 - 31, 32)).toBe(E.algorithm_failure);
    } finally {
      local.dispose();
    }
  });
});
