// Cross-checks between a guest and node:crypto in both directions: what the
// guest signs Node verifies, what Node signs the guest verifies; the same
// for key exchange and AEADs. Data travels as hex arguments (guests/interop.c).
import {
  createCipheriv,
  createDecipheriv,
  createECDH,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CryptoErrno as E } from '../src/errors.js';
import { KeyPairEncoding as KP, PublicKeyEncoding as PK, SecretKeyEncoding as SK, SignatureEncoding as SE } from '../src/options.js';
import { runGuest } from './helpers.js';

function interop(...args: (string | number)[]): Map<string, string> {
  const run = runGuest('interop', args.map(String));
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.lines;
}

const message = Buffer.from('the quick brown fox jumps over the lazy dog');

const ec = [
  ['ECDSA_P256_SHA256', 'prime256v1', 'sha256'],
  ['ECDSA_K256_SHA256', 'secp256k1', 'sha256'],
  ['ECDSA_P384_SHA384', 'secp384r1', 'sha384'],
] as const;

describe('signatures: guest ↔ node:crypto', () => {
  it('Ed25519: the guest signs with a Node key, Node verifies; Node signs, the guest verifies', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' });
    const keypair = Buffer.concat([Buffer.from(jwk.d!, 'base64url'), Buffer.from(jwk.x!, 'base64url')]);
    const signature = interop('sign', 'Ed25519', KP.raw, keypair.toString('hex'), message.toString('hex'), SE.raw).get('signature')!;
    expect(verify(null, message, publicKey, Buffer.from(signature, 'hex'))).toBe(true);
    expect(signature).toBe(sign(null, message, privateKey).toString('hex')); // deterministic
    const nodeSignature = sign(null, Buffer.from('other'), privateKey).toString('hex');
    const pk = Buffer.from(jwk.x!, 'base64url').toString('hex');
    expect(interop('verify', 'Ed25519', PK.raw, pk, Buffer.from('other').toString('hex'), SE.raw, nodeSignature).get('verify')).toBe(String(E.success));
    expect(interop('verify', 'Ed25519', PK.raw, pk, message.toString('hex'), SE.raw, nodeSignature).get('verify')).toBe(String(E.verification_failed));
  });

  for (const [name, curve, hash] of ec) {
    it(`${name}: guest-generated keys verify in Node (raw and DER); Node signatures verify in the guest`, () => {
      for (const encoding of [SE.raw, SE.der]) {
        const out = interop('generate-sign', name, PK.pkcs8, message.toString('hex'), encoding);
        const key = createPublicKey({ key: Buffer.from(out.get('publickey')!, 'hex'), format: 'der', type: 'spki' });
        expect(key.asymmetricKeyDetails?.namedCurve).toBe(curve);
        const dsaEncoding = encoding === SE.raw ? 'ieee-p1363' : 'der';
        expect(verify(hash, message, { key, dsaEncoding }, Buffer.from(out.get('signature')!, 'hex')), `${curve} ${dsaEncoding}`).toBe(true);
      }
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
      const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('hex');
      const signature = interop('sign', name, KP.pkcs8, pkcs8, message.toString('hex'), SE.raw).get('signature')!;
      expect(verify(hash, message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'hex'))).toBe(true);
      const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('hex');
      for (const [encoding, dsaEncoding] of [[SE.raw, 'ieee-p1363'], [SE.der, 'der']] as const) {
        const nodeSignature = sign(hash, message, { key: privateKey, dsaEncoding }).toString('hex');
        expect(interop('verify', name, PK.pkcs8, spki, message.toString('hex'), encoding, nodeSignature).get('verify'), dsaEncoding).toBe('0');
      }
    });
  }

  it('RSA PKCS#1 v1.5 and PSS: both directions', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('hex');
    const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('hex');
    for (const [name, padding] of [['RSA_PKCS1_2048_SHA512', 1], ['RSA_PSS_2048_SHA384', 6]] as const) {
      const hash = name.endsWith('512') ? 'sha512' : 'sha384';
      const signature = interop('sign', name, KP.pkcs8, pkcs8, message.toString('hex'), SE.raw).get('signature')!;
      expect(verify(hash, message, { key: publicKey, padding }, Buffer.from(signature, 'hex')), name).toBe(true);
      const nodeSignature = sign(hash, message, { key: privateKey, padding }).toString('hex');
      expect(interop('verify', name, PK.pkcs8, spki, message.toString('hex'), SE.raw, nodeSignature).get('verify'), name).toBe('0');
    }
  });
});

describe('key exchange: guest ↔ node:crypto', () => {
  it('X25519 with a Node peer', () => {
    const mine = generateKeyPairSync('x25519');
    const peer = generateKeyPairSync('x25519');
    const sk = Buffer.from(mine.privateKey.export({ format: 'jwk' }).d!, 'base64url').toString('hex');
    const pk = Buffer.from(peer.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
    const out = interop('dh', 'X25519', SK.raw, sk, PK.raw, pk);
    expect(out.get('shared')).toBe(diffieHellman({ privateKey: peer.privateKey, publicKey: mine.publicKey }).toString('hex'));
  });

  for (const [name, curve, size] of [['P256-SHA256', 'prime256v1', 32], ['P384-SHA384', 'secp384r1', 48]] as const) {
    it(`${name} with a Node peer (${size}-byte secret)`, () => {
      const mine = createECDH(curve);
      mine.generateKeys();
      const peer = generateKeyPairSync('ec', { namedCurve: curve });
      const peerPoint = peer.publicKey.export({ format: 'jwk' });
      const point = Buffer.concat([Buffer.from([4]), Buffer.from(peerPoint.x!, 'base64url'), Buffer.from(peerPoint.y!, 'base64url')]);
      const scalar = mine.getPrivateKey().toString('hex').padStart(size * 2, '0');
      const out = interop('dh', name, SK.raw, scalar, PK.sec, point.toString('hex'));
      expect(out.get('publickey')).toBe(mine.getPublicKey('hex', 'uncompressed'));
      expect(out.get('shared')).toBe(mine.computeSecret(point).toString('hex'));
      expect(out.get('shared')).toHaveLength(size * 2);
    });
  }
});

describe('AEADs: guest ↔ node:crypto', () => {
  for (const [name, cipher, keyLength] of [['AES-128-GCM', 'aes-128-gcm', 16], ['AES-256-GCM', 'aes-256-gcm', 32], ['CHACHA20-POLY1305', 'chacha20-poly1305', 32]] as const) {
    it(`${name}: Node opens what the guest seals, and the reverse`, () => {
      const key = randomBytes(keyLength), nonce = randomBytes(12), aad = randomBytes(9), plaintext = randomBytes(100);
      const sealed = Buffer.from(interop('seal', name, key.toString('hex'), nonce.toString('hex'), aad.toString('hex'), plaintext.toString('hex')).get('sealed')!, 'hex');
      const decipher = createDecipheriv(cipher as 'aes-128-gcm', key, nonce, { authTagLength: 16 });
      decipher.setAAD(aad);
      decipher.setAuthTag(sealed.subarray(-16));
      expect(Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()])).toEqual(plaintext);

      const c = createCipheriv(cipher as 'aes-128-gcm', key, nonce, { authTagLength: 16 });
      c.setAAD(aad);
      const fromNode = Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
      const args = [name, key.toString('hex'), nonce.toString('hex'), aad.toString('hex')];
      expect(interop('open', ...args, fromNode.toString('hex')).get('opened')).toBe(plaintext.toString('hex'));
      fromNode[3] ^= 1;
      expect(interop('open', ...args, fromNode.toString('hex')).get('opened')).toBe(String(E.invalid_tag));
    });
  }
});
