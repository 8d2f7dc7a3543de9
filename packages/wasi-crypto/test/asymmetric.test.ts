// Asymmetric keys, signatures and key exchange (spec B.6.2–B.6.4, B.8.4):
// the counterparts of WasmEdge's asymmetric.cpp, signatures.cpp and kx.cpp,
// with the fixes of spec B.10 (#1 P-384 uses SHA-384, #2/#3 fixed-size
// ECDSA signatures, #5 full P-384 secrets, #8 PKCS#8 export, #9 RSA public
// keys verify, #10 keypair_from_pk_and_sk).
import {
  createECDH,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  sign as nodeSign,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CryptoErrno as E } from '../src/errors.js';
import { AlgorithmType as T, KeyPairEncoding as KP, PublicKeyEncoding as PK, SecretKeyEncoding as SK, SignatureEncoding as SE } from '../src/options.js';
import { Direct, hex } from './helpers.js';

let d: Direct;
beforeAll(() => {
  d = new Direct();
});
afterAll(() => d.dispose());

const ED_SK = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const ED_PK = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const X_ALICE_SK = '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a';
const X_ALICE_PK = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a';

const ecCurves = [
  ['ECDSA_P256_SHA256', 'prime256v1', 'sha256', 32],
  ['ECDSA_K256_SHA256', 'secp256k1', 'sha256', 32],
  ['ECDSA_P384_SHA384', 'secp384r1', 'sha384', 48],
] as const;

describe('key generation and handles', () => {
  it('every algorithm generates; publickey/secretkey handles outlive their keypair', () => {
    const all: [number, string][] = [
      ...['ECDSA_P256_SHA256', 'ECDSA_K256_SHA256', 'ECDSA_P384_SHA384', 'ED25519', 'RSA_PKCS1_2048_SHA256', 'RSA_PSS_2048_SHA512'].map((n) => [T.signatures, n] as [number, string]),
      ...['X25519', 'P256-SHA256', 'P384-SHA384'].map((n) => [T.key_exchange, n] as [number, string]),
    ];
    for (const [type, name] of all) {
      const kp = d.keypair(type, name);
      const pk = d.ok(d.f.keypair_publickey, kp);
      const sk = d.ok(d.f.keypair_secretkey, kp);
      expect(d.f.keypair_close(kp), name).toBe(E.success);
      expect(d.f.keypair_close(kp), name).toBe(E.closed);
      expect(d.f.publickey_verify(pk), name).toBe(E.success);
      expect(d.ok(d.f.publickey_from_secretkey, sk)).not.toBe(pk);
      expect(d.f.publickey_close(pk)).toBe(E.success);
      expect(d.f.secretkey_close(sk)).toBe(E.success);
      expect(d.f.secretkey_close(sk)).toBe(E.closed);
    }
  });

  it('handles carry their kind in the low byte and are never 0', () => {
    const kp = d.keypair(T.signatures, 'Ed25519');
    expect(kp & 0xff).toBe(0x05);
    expect(d.ok(d.f.keypair_publickey, kp) & 0xff).toBe(0x03);
    expect(d.ok(d.f.keypair_secretkey, kp) & 0xff).toBe(0x04);
    expect(d.ok(d.f.options_open, T.signatures) & 0xff).toBe(0x01);
    expect(d.f.publickey_close(kp)).toBe(E.closed); // a keypair handle is no publickey
  });

  it('algorithm errors: symmetric type, unknown names, family mismatch, bad options', () => {
    expect(d.out(d.f.keypair_generate, T.symmetric, ...d.put('Ed25519'), d.opt())[0]).toBe(E.invalid_operation);
    expect(d.out(d.f.keypair_generate, 3, ...d.put('Ed25519'), d.opt())[0]).toBe(E.unsupported_algorithm);
    expect(d.out(d.f.keypair_generate, T.signatures, ...d.put('FooBar'), d.opt())[0]).toBe(E.unsupported_algorithm);
    expect(d.out(d.f.keypair_generate, T.signatures, ...d.put('X25519'), d.opt())[0]).toBe(E.unsupported_algorithm);
    expect(d.out(d.f.keypair_generate, T.key_exchange, ...d.put('Ed25519'), d.opt())[0]).toBe(E.unsupported_algorithm);
    expect(d.out(d.f.keypair_generate, T.signatures, ...d.put('Ed25519'), d.opt(0x7fffff01))[0]).toBe(E.invalid_handle);
    expect(d.out(d.f.keypair_generate, T.signatures, ...d.put('Ed25519'), d.opt(d.ok(d.f.options_open, T.symmetric)))[0]).toBe(E.invalid_handle);
    expect(d.out(d.f.keypair_generate, T.signatures, ...d.put('Ed25519'), d.opt(d.ok(d.f.options_open, T.signatures)))[0]).toBe(E.success);
  });
});

describe('encodings (spec B.8.4)', () => {
  it('Ed25519: raw only; keypair raw = sk‖pk and must be consistent', () => {
    const [code, kp] = d.importKey(d.f.keypair_import, T.signatures, 'ED25519', hex(ED_SK + ED_PK), KP.raw);
    expect(code).toBe(E.success);
    expect(d.exported(d.f.keypair_export, kp, KP.raw).toString('hex')).toBe(ED_SK + ED_PK);
    expect(d.exported(d.f.publickey_export, d.ok(d.f.keypair_publickey, kp), PK.raw).toString('hex')).toBe(ED_PK);
    expect(d.exported(d.f.secretkey_export, d.ok(d.f.keypair_secretkey, kp), SK.raw).toString('hex')).toBe(ED_SK);
    expect(d.importKey(d.f.keypair_import, T.signatures, 'ED25519', hex(ED_SK + ED_SK), KP.raw)[0]).toBe(E.invalid_key);
    expect(d.importKey(d.f.publickey_import, T.signatures, 'ED25519', hex('00'), PK.raw)[0]).toBe(E.invalid_key);
    expect(d.importKey(d.f.secretkey_import, T.signatures, 'ED25519', hex(ED_SK + '00'), SK.raw)[0]).toBe(E.invalid_key);
    for (const encoding of [PK.pkcs8, PK.pem, PK.sec, PK.local, 5, 0x7fff]) {
      expect(d.importKey(d.f.publickey_import, T.signatures, 'ED25519', hex(ED_PK), encoding)[0], `pk ${encoding}`).toBe(E.unsupported_encoding);
      expect(d.out(d.f.publickey_export, d.ok(d.f.keypair_publickey, kp), encoding)[0]).toBe(E.unsupported_encoding);
    }
    expect(d.out(d.f.keypair_export, kp, KP.local)[0]).toBe(E.unsupported_encoding);
    expect(d.out(d.f.keypair_export, kp, KP.pkcs8)[0]).toBe(E.unsupported_encoding);
  });

  it('X25519: raw only; keypair raw = pk‖sk (the opposite of Ed25519)', () => {
    const [code, kp] = d.importKey(d.f.keypair_import, T.key_exchange, 'X25519', hex(X_ALICE_PK + X_ALICE_SK), KP.raw);
    expect(code).toBe(E.success);
    expect(d.exported(d.f.keypair_export, kp, KP.raw).toString('hex')).toBe(X_ALICE_PK + X_ALICE_SK);
    expect(d.exported(d.f.publickey_export, d.ok(d.f.keypair_publickey, kp), PK.raw).toString('hex')).toBe(X_ALICE_PK);
    expect(d.importKey(d.f.keypair_import, T.key_exchange, 'X25519', hex(X_ALICE_SK + X_ALICE_PK), KP.raw)[0]).toBe(E.invalid_key);
    expect(d.importKey(d.f.publickey_import, T.key_exchange, 'X25519', hex(X_ALICE_PK), PK.sec)[0]).toBe(E.unsupported_encoding);
  });

  for (const [name, curve, , field] of ecCurves) {
    it(`${name}: sec (compressed in, uncompressed out), SPKI, PEM, raw scalars, PKCS#8 out`, () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
      const spki = publicKey.export({ format: 'der', type: 'spki' });
      const jwk = privateKey.export({ format: 'jwk' });
      const scalar = Buffer.from(jwk.d!, 'base64url');
      const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
      const ecdh = createECDH(curve);
      ecdh.setPrivateKey(scalar);
      const compressedPoint = Buffer.from(ecdh.getPublicKey(undefined, 'compressed'));

      for (const [encoding, data] of [[PK.sec, point], [PK.sec, compressedPoint], [PK.pkcs8, spki], [PK.pem, publicKey.export({ format: 'pem', type: 'spki' })]] as const) {
        const [code, pk] = d.importKey(d.f.publickey_import, T.signatures, name, data, encoding);
        expect(code, `import ${encoding}`).toBe(E.success);
        expect(d.exported(d.f.publickey_export, pk, PK.sec)).toEqual(point);
        expect(d.exported(d.f.publickey_export, pk, PK.pkcs8)).toEqual(spki);
        expect(d.exported(d.f.publickey_export, pk, PK.pem).toString()).toBe(publicKey.export({ format: 'pem', type: 'spki' }));
        expect(d.f.publickey_verify(pk)).toBe(E.success);
      }
      expect(d.importKey(d.f.publickey_import, T.signatures, name, point, PK.raw)[0]).toBe(E.unsupported_encoding);
      const offCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(2 * field, 0xff)]);
      expect(d.importKey(d.f.publickey_import, T.signatures, name, offCurve, PK.sec)[0]).toBe(E.invalid_key);
      expect(d.importKey(d.f.publickey_import, T.signatures, name, point.subarray(0, 10), PK.sec)[0]).toBe(E.invalid_key);

      const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
      const sec1 = privateKey.export({ format: 'der', type: 'sec1' });
      for (const [encoding, data] of [[SK.raw, scalar], [SK.pkcs8, pkcs8], [SK.pkcs8, sec1], [SK.pem, privateKey.export({ format: 'pem', type: 'pkcs8' })]] as const) {
        const [code, sk] = d.importKey(d.f.secretkey_import, T.signatures, name, data, encoding);
        expect(code, `sk import ${encoding}`).toBe(E.success);
        expect(d.exported(d.f.secretkey_export, sk, SK.raw)).toEqual(scalar);
        expect(d.exported(d.f.secretkey_export, sk, SK.pkcs8)).toEqual(pkcs8);
        expect(d.exported(d.f.publickey_export, d.ok(d.f.publickey_from_secretkey, sk), PK.sec)).toEqual(point);
      }
      const [kpCode, kp] = d.importKey(d.f.keypair_import, T.signatures, name, sec1, KP.pkcs8);
      expect(kpCode).toBe(E.success);
      // PKCS#8 is PKCS#8 (WasmEdge emits SEC1 here: spec B.10 #8)
      expect(d.exported(d.f.keypair_export, kp, KP.pkcs8)).toEqual(pkcs8);
      expect(d.exported(d.f.keypair_export, kp, KP.pem).toString()).toBe(privateKey.export({ format: 'pem', type: 'pkcs8' }));
      expect(d.exported(d.f.keypair_export, kp, KP.raw)).toEqual(scalar);
      expect(createPrivateKey({ key: d.exported(d.f.keypair_export, kp, KP.pkcs8), format: 'der', type: 'pkcs8' }).asymmetricKeyDetails?.namedCurve).toBe(curve);
      expect(d.importKey(d.f.secretkey_import, T.signatures, name, Buffer.alloc(field), SK.raw)[0]).toBe(E.invalid_key); // zero scalar
      expect(d.importKey(d.f.secretkey_import, T.signatures, name, Buffer.alloc(field, 0xff), SK.raw)[0]).toBe(E.invalid_key); // ≥ order
      expect(d.importKey(d.f.secretkey_import, T.signatures, name, scalar.subarray(1), SK.raw)[0]).toBe(E.invalid_key);
      expect(d.importKey(d.f.secretkey_import, T.signatures, name, scalar, SK.sec)[0]).toBe(E.unsupported_encoding);
      expect(d.importKey(d.f.secretkey_import, T.signatures, name, pkcs8.subarray(0, pkcs8.length - 1), SK.pkcs8)[0]).toBe(E.invalid_key);
      // a key of another curve
      const other = generateKeyPairSync('ec', { namedCurve: curve === 'prime256v1' ? 'secp384r1' : 'prime256v1' });
      expect(d.importKey(d.f.publickey_import, T.signatures, name, other.publicKey.export({ format: 'der', type: 'spki' }), PK.pkcs8)[0]).toBe(E.invalid_key);
    });
  }

  it('a P-256 SPKI with a compressed point is exported uncompressed', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const jwk = publicKey.export({ format: 'jwk' });
    const y = Buffer.from(jwk.y!, 'base64url');
    const compressed = Buffer.concat([Buffer.from([2 + (y[31]! & 1)]), Buffer.from(jwk.x!, 'base64url')]);
    const spki = Buffer.concat([hex('3039301306072a8648ce3d020106082a8648ce3d030107032200'), compressed]);
    const [code, pk] = d.importKey(d.f.publickey_import, T.signatures, 'ECDSA_P256_SHA256', spki, PK.pkcs8);
    expect(code).toBe(E.success);
    expect(d.exported(d.f.publickey_export, pk, PK.pkcs8)).toEqual(publicKey.export({ format: 'der', type: 'spki' }));
    expect(d.exported(d.f.publickey_export, pk, PK.sec)).toEqual(Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), y]));
  });

  it('small EC scalars are left-padded on export (WasmEdge does not pad: spec B.10 #11)', () => {
    const one = Buffer.alloc(32);
    one[31] = 1;
    const [code, sk] = d.importKey(d.f.secretkey_import, T.signatures, 'ECDSA_P256_SHA256', one, SK.raw);
    expect(code).toBe(E.success);
    expect(d.exported(d.f.secretkey_export, sk, SK.raw)).toEqual(one);
  });

  it('RSA: SPKI/PKCS#8/PKCS#1 in, exact modulus size, public keys verify (spec B.10 #9)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    const [code, pk] = d.importKey(d.f.publickey_import, T.signatures, 'RSA_PKCS1_2048_SHA256', spki, PK.pkcs8);
    expect(code).toBe(E.success);
    expect(d.f.publickey_verify(pk)).toBe(E.success);
    expect(d.exported(d.f.publickey_export, pk, PK.pkcs8)).toEqual(spki);
    expect(d.importKey(d.f.publickey_import, T.signatures, 'RSA_PKCS1_3072_SHA384', spki, PK.pkcs8)[0]).toBe(E.invalid_key);
    expect(d.importKey(d.f.publickey_import, T.signatures, 'RSA_PKCS1_2048_SHA256', spki, PK.raw)[0]).toBe(E.unsupported_encoding);
    const pkcs1 = privateKey.export({ format: 'der', type: 'pkcs1' });
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    const [kpCode, kp] = d.importKey(d.f.keypair_import, T.signatures, 'RSA_PSS_2048_SHA256', pkcs1, KP.pkcs8);
    expect(kpCode).toBe(E.success);
    expect(d.exported(d.f.keypair_export, kp, KP.pkcs8)).toEqual(pkcs8);
    expect(d.exported(d.f.secretkey_export, d.ok(d.f.keypair_secretkey, kp), SK.pem).toString()).toBe(privateKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(d.out(d.f.keypair_export, kp, KP.raw)[0]).toBe(E.unsupported_encoding);
  });
});

describe('signatures', () => {
  it('every algorithm signs and verifies; the state is not reset by sign', () => {
    const names = ['ECDSA_P256_SHA256', 'ECDSA_K256_SHA256', 'ECDSA_P384_SHA384', 'ED25519', 'RSA_PKCS1_2048_SHA256', 'RSA_PKCS1_2048_SHA384', 'RSA_PKCS1_2048_SHA512', 'RSA_PSS_2048_SHA256', 'RSA_PSS_2048_SHA384', 'RSA_PSS_2048_SHA512'];
    for (const name of names) {
      const kp = d.keypair(T.signatures, name);
      const pk = d.ok(d.f.keypair_publickey, kp);
      const state = d.ok(d.f.signature_state_open, kp);
      d.f.signature_state_update(state, ...d.put('test'));
      const first = d.ok(d.f.signature_state_sign, state);
      d.f.signature_state_update(state, ...d.put('test'));
      const second = d.ok(d.f.signature_state_sign, state);
      expect(d.verify(pk, first, 'test'), name).toBe(E.success);
      expect(d.verify(pk, second, 'te', 'sttest'), name).toBe(E.success);
      expect(d.verify(pk, second, 'test'), name).toBe(E.verification_failed);
      expect(d.f.signature_close(first)).toBe(E.success);
      expect(d.f.signature_close(first)).toBe(E.closed);
    }
  }, 60000);

  it('signature encodings: fixed-size raw r‖s, exact DER; bad signatures; algorithm mismatch', () => {
    for (const [name, curve, hash, field] of ecCurves) {
      const kp = d.keypair(T.signatures, name);
      const pk = d.ok(d.f.keypair_publickey, kp);
      const nodeKey = createPublicKey({ key: d.exported(d.f.publickey_export, pk, PK.pkcs8), format: 'der', type: 'spki' });
      for (let i = 0; i < 20; i++) {
        const sig = d.sign(kp, `message ${i}`);
        const raw = d.exported(d.f.signature_export, sig, SE.raw);
        const der = d.exported(d.f.signature_export, sig, SE.der);
        expect(raw).toHaveLength(2 * field);
        // P-384 is signed with SHA-384 (spec B.10 #1); Node verifies both forms
        expect(nodeVerify(hash, Buffer.from(`message ${i}`), { key: nodeKey, dsaEncoding: 'ieee-p1363' }, raw), curve).toBe(true);
        expect(nodeVerify(hash, Buffer.from(`message ${i}`), nodeKey, der), curve).toBe(true);
        const [derCode, fromDer] = d.out(d.f.signature_import, ...d.put(name), ...d.put(der), SE.der);
        expect(derCode).toBe(E.success);
        expect(d.exported(d.f.signature_export, fromDer, SE.raw)).toEqual(raw);
        expect(d.verify(pk, fromDer, `message ${i}`)).toBe(E.success);
      }
      const sig = d.sign(kp, 'x');
      const raw = d.exported(d.f.signature_export, sig, SE.raw);
      expect(d.out(d.f.signature_import, ...d.put(name), ...d.put(raw.subarray(1)), SE.raw)[0]).toBe(E.invalid_signature);
      expect(d.out(d.f.signature_import, ...d.put(name), ...d.put(Buffer.concat([raw, Buffer.alloc(1)])), SE.raw)[0]).toBe(E.invalid_signature);
      expect(d.out(d.f.signature_import, ...d.put(name), ...d.put(hex('3006020101020101ff')), SE.der)[0]).toBe(E.invalid_signature);
      expect(d.out(d.f.signature_import, ...d.put(name), ...d.put(raw), 2)[0]).toBe(E.unsupported_encoding);
      const flipped = Buffer.from(raw);
      flipped[5] ^= 1;
      expect(d.verify(pk, d.ok(d.f.signature_import, ...d.put(name), ...d.put(flipped), SE.raw), 'x')).toBe(E.verification_failed);
    }
    const ed = d.keypair(T.signatures, 'Ed25519');
    const edSig = d.sign(ed, 'x');
    expect(d.out(d.f.signature_export, edSig, SE.der)[0]).toBe(E.unsupported_encoding);
    expect(d.out(d.f.signature_import, ...d.put('ED25519'), ...d.put(Buffer.alloc(63)), SE.raw)[0]).toBe(E.invalid_signature);
    // a signature of another algorithm
    const p256 = d.keypair(T.signatures, 'ECDSA_P256_SHA256');
    expect(d.verify(d.ok(d.f.keypair_publickey, p256), edSig, 'x')).toBe(E.invalid_signature);
    // kx keys are no signature keys
    const x = d.keypair(T.key_exchange, 'X25519');
    expect(d.out(d.f.signature_state_open, x)[0]).toBe(E.invalid_handle);
    expect(d.out(d.f.signature_verification_state_open, d.ok(d.f.keypair_publickey, x))[0]).toBe(E.invalid_handle);
    // RSA DER signatures are not implemented (as in WasmEdge)
    const rsa = d.keypair(T.signatures, 'RSA_PSS_2048_SHA256');
    const rsaSig = d.sign(rsa, 'x');
    expect(d.exported(d.f.signature_export, rsaSig, SE.raw)).toHaveLength(256);
    expect(d.out(d.f.signature_export, rsaSig, SE.der)[0]).toBe(E.not_implemented);
    expect(d.out(d.f.signature_import, ...d.put('RSA_PSS_2048_SHA256'), ...d.put(Buffer.alloc(255)), SE.raw)[0]).toBe(E.invalid_signature);
  }, 60000);

  it('Node verifies Ed25519 and RSA signatures made here, and the reverse', () => {
    const ed = generateKeyPairSync('ed25519');
    const seed = Buffer.from(ed.privateKey.export({ format: 'jwk' }).d!, 'base64url');
    const [code, sk] = d.importKey(d.f.secretkey_import, T.signatures, 'ED25519', seed, SK.raw);
    expect(code).toBe(E.success);
    const pk = d.ok(d.f.publickey_from_secretkey, sk);
    const kp = d.ok(d.f.keypair_from_pk_and_sk, pk, sk);
    const sig = d.exported(d.f.signature_export, d.sign(kp, 'hello'), SE.raw);
    expect(sig).toEqual(nodeSign(null, Buffer.from('hello'), ed.privateKey));
    const nodeSig = nodeSign(null, Buffer.from('from node'), ed.privateKey);
    expect(d.verify(pk, d.ok(d.f.signature_import, ...d.put('Ed25519'), ...d.put(nodeSig), SE.raw), 'from node')).toBe(E.success);

    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs8 = rsa.privateKey.export({ format: 'der', type: 'pkcs8' });
    for (const [name, padding] of [['RSA_PKCS1_2048_SHA256', 1], ['RSA_PSS_2048_SHA256', 6]] as const) {
      const rsaKp = d.ok(d.f.keypair_import, T.signatures, ...d.put(name), ...d.put(pkcs8), KP.pkcs8);
      const rsaSig = d.exported(d.f.signature_export, d.sign(rsaKp, 'hello'), SE.raw);
      expect(nodeVerify('sha256', Buffer.from('hello'), { key: rsa.publicKey, padding }, rsaSig), name).toBe(true);
      const fromNode = nodeSign('sha256', Buffer.from('node'), { key: rsa.privateKey, padding });
      const rsaPk = d.ok(d.f.publickey_import, T.signatures, ...d.put(name), ...d.put(rsa.publicKey.export({ format: 'der', type: 'spki' })), PK.pkcs8);
      expect(d.verify(rsaPk, d.ok(d.f.signature_import, ...d.put(name), ...d.put(fromNode), SE.raw), 'node'), name).toBe(E.success);
    }
  });

  it('all 12 RSA algorithms sign and verify in both directions with Node keys of the right size', () => {
    const keys = new Map([2048, 3072, 4096].map((bits) => [bits, generateKeyPairSync('rsa', { modulusLength: bits })]));
    const names = ['RSA_PKCS1_2048_SHA256', 'RSA_PKCS1_2048_SHA384', 'RSA_PKCS1_2048_SHA512', 'RSA_PKCS1_3072_SHA384', 'RSA_PKCS1_3072_SHA512', 'RSA_PKCS1_4096_SHA512',
      'RSA_PSS_2048_SHA256', 'RSA_PSS_2048_SHA384', 'RSA_PSS_2048_SHA512', 'RSA_PSS_3072_SHA384', 'RSA_PSS_3072_SHA512', 'RSA_PSS_4096_SHA512'];
    for (const name of names) {
      const [, kind, bitsText, hashText] = /^RSA_(PKCS1|PSS)_(\d+)_SHA(\d+)$/.exec(name)!;
      const bits = Number(bitsText), hash = `sha${hashText}`, padding = kind === 'PSS' ? 6 : 1;
      const { privateKey, publicKey } = keys.get(bits)!;
      const kp = d.ok(d.f.keypair_import, T.signatures, ...d.put(name), ...d.put(privateKey.export({ format: 'pem', type: 'pkcs8' })), KP.pem);
      const signature = d.exported(d.f.signature_export, d.sign(kp, 'rsa message'), SE.raw);
      expect(signature, name).toHaveLength(bits / 8);
      expect(nodeVerify(hash, Buffer.from('rsa message'), { key: publicKey, padding }, signature), name).toBe(true);
      const pk = d.ok(d.f.publickey_import, T.signatures, ...d.put(name), ...d.put(publicKey.export({ format: 'pem', type: 'spki' })), PK.pem);
      expect(d.f.publickey_verify(pk), name).toBe(E.success);
      const fromNode = nodeSign(hash, Buffer.from('from node'), { key: privateKey, padding });
      expect(d.verify(pk, d.ok(d.f.signature_import, ...d.put(name), ...d.put(fromNode), SE.raw), 'from node'), name).toBe(E.success);
      // a key of another size is refused
      const other = keys.get(bits === 2048 ? 3072 : 2048)!;
      expect(d.importKey(d.f.keypair_import, T.signatures, name, other.privateKey.export({ format: 'der', type: 'pkcs8' }), KP.pkcs8)[0], name).toBe(E.invalid_key);
    }
  }, 120000);

  it('keypair_from_pk_and_sk checks that the keys belong together', () => {
    const a = d.keypair(T.signatures, 'Ed25519');
    const b = d.keypair(T.signatures, 'Ed25519');
    expect(d.out(d.f.keypair_from_pk_and_sk, d.ok(d.f.keypair_publickey, a), d.ok(d.f.keypair_secretkey, b))[0]).toBe(E.invalid_key);
    const p = d.keypair(T.signatures, 'ECDSA_P256_SHA256');
    expect(d.out(d.f.keypair_from_pk_and_sk, d.ok(d.f.keypair_publickey, p), d.ok(d.f.keypair_secretkey, a))[0]).toBe(E.invalid_key);
    const [code, kp] = d.out(d.f.keypair_from_pk_and_sk, d.ok(d.f.keypair_publickey, p), d.ok(d.f.keypair_secretkey, p));
    expect(code).toBe(E.success);
    expect(d.verify(d.ok(d.f.keypair_publickey, p), d.sign(kp, 'm'), 'm')).toBe(E.success);
  });

  it('generate_managed: Ed25519 falls back to a plain key pair, others are not implemented', () => {
    expect(d.out(d.f.keypair_generate_managed, 1, T.signatures, ...d.put('Ed25519'), d.opt())[0]).toBe(E.success);
    expect(d.out(d.f.keypair_generate_managed, 1, T.signatures, ...d.put('ECDSA_P256_SHA256'), d.opt())[0]).toBe(E.not_implemented);
    expect(d.out(d.f.keypair_generate_managed, 1, T.symmetric, ...d.put('Ed25519'), d.opt())[0]).toBe(E.invalid_operation);
    expect(d.out(d.f.keypair_generate_managed, 1, T.signatures, ...d.put('FooBar'), d.opt())[0]).toBe(E.unsupported_algorithm);
  });
});

describe('key exchange', () => {
  function nodeEcdh(curve: string, privateKey: KeyObject, peerPoint: Buffer): Buffer {
    const ecdh = createECDH(curve);
    ecdh.setPrivateKey(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
    return ecdh.computeSecret(peerPoint);
  }

  for (const [name, curve, size] of [['P256-SHA256', 'prime256v1', 32], ['P384-SHA384', 'secp384r1', 48]] as const) {
    it(`${name}: both sides agree, with Node, at full length (spec B.10 #5)`, () => {
      const node = generateKeyPairSync('ec', { namedCurve: curve });
      const kp = d.keypair(T.key_exchange, name);
      const ourPoint = d.exported(d.f.publickey_export, d.ok(d.f.keypair_publickey, kp), PK.sec);
      const nodePk = d.ok(d.f.publickey_import, T.key_exchange, ...d.put(name), ...d.put(node.publicKey.export({ format: 'der', type: 'spki' })), PK.pkcs8);
      const secret = d.read(d.ok(d.f.kx_dh, nodePk, d.ok(d.f.keypair_secretkey, kp)));
      expect(secret).toHaveLength(size);
      expect(secret).toEqual(nodeEcdh(curve, node.privateKey, ourPoint));
    });
  }

  it('X25519 agrees with Node; mismatched keys and families are rejected; KEMs are not implemented', () => {
    const node = generateKeyPairSync('x25519');
    const kp = d.keypair(T.key_exchange, 'X25519');
    const ourPk = d.exported(d.f.publickey_export, d.ok(d.f.keypair_publickey, kp), PK.raw);
    const nodePk = d.ok(d.f.publickey_import, T.key_exchange, ...d.put('X25519'), ...d.put(Buffer.from(node.publicKey.export({ format: 'jwk' }).x!, 'base64url')), PK.raw);
    const secret = d.read(d.ok(d.f.kx_dh, nodePk, d.ok(d.f.keypair_secretkey, kp)));
    const ourKey = createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'X25519', x: ourPk.toString('base64url') } });
    expect(secret).toEqual(diffieHellman({ privateKey: node.privateKey, publicKey: ourKey }));
    const p256 = d.keypair(T.key_exchange, 'P256-SHA256');
    expect(d.out(d.f.kx_dh, nodePk, d.ok(d.f.keypair_secretkey, p256))[0]).toBe(E.invalid_key);
    const ed = d.keypair(T.signatures, 'Ed25519');
    expect(d.out(d.f.kx_dh, d.ok(d.f.keypair_publickey, ed), d.ok(d.f.keypair_secretkey, kp))[0]).toBe(E.invalid_handle);
    // a small-order peer gives an all-zero secret, which is refused
    const zero = d.ok(d.f.publickey_import, T.key_exchange, ...d.put('X25519'), ...d.put(Buffer.alloc(32)), PK.raw);
    expect(d.out(d.f.kx_dh, zero, d.ok(d.f.keypair_secretkey, kp))[0]).toBe(E.invalid_key);
    expect(d.f.kx_encapsulate(nodePk, d.alloc(4), d.alloc(4))).toBe(E.not_implemented);
    expect(d.f.kx_decapsulate(d.ok(d.f.keypair_secretkey, kp), d.alloc(4), 4, d.alloc(4))).toBe(E.not_implemented);
    expect(d.f.publickey_verify(nodePk)).toBe(E.success);
  });
});
