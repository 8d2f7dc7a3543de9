// Known-answer vectors from the standards, computed by a C guest through the
// real plug-in (guests/kat.c), checked against the published values and,
// where Node has the algorithm, against node:crypto.
import { createCipheriv, createHash, createHmac, createPrivateKey, createPublicKey, diffieHellman, hkdfSync, sign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hex, runGuest, type GuestRun } from './helpers.js';

const SUNSCREEN =
  "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
const GCM_P = hex(
  'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
);
const GCM_AAD = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');

function aeadNode(cipher: string, key: string, nonce: string, aad: Buffer, plaintext: Buffer): string {
  const c = createCipheriv(cipher as 'aes-256-gcm', hex(key), hex(nonce), { authTagLength: 16 });
  c.setAAD(aad);
  return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]).toString('hex');
}

let run: GuestRun;
beforeAll(() => {
  run = runGuest('kat');
});

describe('known answers (guests/kat.c)', () => {
  it('runs to completion', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('FAILED');
  });

  it('SHA-2 (FIPS 180-4 examples)', () => {
    const vectors: Record<string, string> = {
      sha256_abc: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      sha256_empty: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      sha256_448bits: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
      sha512_abc:
        'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
      sha512_256_abc: '53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23',
    };
    for (const [label, value] of Object.entries(vectors)) expect(run.lines.get(label), label).toBe(value);
    expect(run.lines.get('sha512_256_abc')).toBe(createHash('sha512-256').update('abc').digest('hex'));
  });

  it('HMAC (RFC 4231 test cases 1 and 2)', () => {
    expect(run.lines.get('hmac_sha256_tc1')).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    expect(run.lines.get('hmac_sha512_tc1')).toBe(
      '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854',
    );
    expect(run.lines.get('hmac_sha256_tc2')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(run.lines.get('hmac_sha512_tc2')).toBe(
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    );
    expect(run.lines.get('hmac_sha512_tc2')).toBe(createHmac('sha512', 'Jefe').update('what do ya want for nothing?').digest('hex'));
  });

  it('HKDF (RFC 5869 test cases 1 and 3)', () => {
    expect(run.lines.get('hkdf_sha256_tc1_prk')).toBe('077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5');
    expect(run.lines.get('hkdf_sha256_tc1')).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
    expect(run.lines.get('hkdf_sha256_tc3_prk')).toBe('19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04');
    expect(run.lines.get('hkdf_sha256_tc3')).toBe(
      '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
    );
    const node = Buffer.from(hkdfSync('sha256', hex('0b'.repeat(22)), hex('000102030405060708090a0b0c'), hex('f0f1f2f3f4f5f6f7f8f9'), 42));
    expect(run.lines.get('hkdf_sha256_tc1')).toBe(node.toString('hex'));
  });

  it('AES-GCM (test cases 4 and 16 of the GCM specification)', () => {
    expect(run.lines.get('aes128gcm_tc4')).toBe(
      '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091' +
        '5bc94fbc3221a5db94fae95ae7121a47',
    );
    expect(run.lines.get('aes256gcm_tc16')).toBe(
      '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662' +
        '76fc6ece0f4e1768cddf8853bb2d551b',
    );
    expect(run.lines.get('aes256gcm_tc16')).toBe(
      aeadNode('aes-256-gcm', 'feffe9928665731c6d6a8f9467308308'.repeat(2), 'cafebabefacedbaddecaf888', GCM_AAD, GCM_P),
    );
    expect(run.lines.get('aes128gcm_tc4_roundtrip')).toBe('0');
    expect(run.lines.get('aes256gcm_tc16_roundtrip')).toBe('0');
  });

  it('ChaCha20-Poly1305 (RFC 8439 §2.8.2) and XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha A.3.1)', () => {
    const key = '808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f';
    const chacha = run.lines.get('chacha20poly1305_rfc8439')!;
    expect(chacha.slice(0, 32)).toBe('d31a8d34648e60db7b86afbc53ef7ec2');
    expect(chacha.slice(-32)).toBe('1ae10b594f09e26a7e902ecbd0600691');
    expect(chacha).toBe(aeadNode('chacha20-poly1305', key, '070000004041424344454647', hex('50515253c0c1c2c3c4c5c6c7'), Buffer.from(SUNSCREEN)));
    expect(run.lines.get('xchacha20poly1305_draft')).toBe(
      'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452' +
        '2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e' +
        'c0875924c1c7987947deafd8780acf49',
    );
    expect(run.lines.get('chacha20poly1305_rfc8439_roundtrip')).toBe('0');
    expect(run.lines.get('xchacha20poly1305_draft_roundtrip')).toBe('0');
  });

  it('Ed25519 (RFC 8032 §7.1 tests 1 and 2)', () => {
    expect(run.lines.get('ed25519_test1_pk')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    expect(run.lines.get('ed25519_test1')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(run.lines.get('ed25519_test2_pk')).toBe('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c');
    expect(run.lines.get('ed25519_test2')).toBe(
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    );
    const key = createPrivateKey({
      format: 'jwk',
      key: { kty: 'OKP', crv: 'Ed25519', d: hex('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb').toString('base64url'), x: hex(run.lines.get('ed25519_test2_pk')!).toString('base64url') },
    });
    expect(sign(null, hex('72'), key).toString('hex')).toBe(run.lines.get('ed25519_test2'));
    expect(run.lines.get('ed25519_test1_verify')).toBe('0');
    expect(run.lines.get('ed25519_test2_verify')).toBe('0');
  });

  it('X25519 (RFC 7748 §6.1), both directions', () => {
    const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
    expect(run.lines.get('x25519_alice_pk')).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(run.lines.get('x25519_bob_pk')).toBe('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    expect(run.lines.get('x25519_alice')).toBe(shared);
    expect(run.lines.get('x25519_bob')).toBe(shared);
    const alice = createPrivateKey({
      format: 'jwk',
      key: { kty: 'OKP', crv: 'X25519', d: hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a').toString('base64url'), x: hex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a').toString('base64url') },
    });
    const bob = createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'X25519', x: hex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f').toString('base64url') } });
    expect(diffieHellman({ privateKey: alice, publicKey: bob }).toString('hex')).toBe(shared);
  });

  it('ECDSA P-256, secp256k1 and P-384 sign and verify with fixed-size raw signatures', () => {
    for (const [curve, size] of [['p256', 64], ['k256', 64], ['p384', 96]] as const) {
      expect(run.lines.get(`ecdsa_${curve}_raw_len`), curve).toBe(String(size));
      expect(run.lines.get(`ecdsa_${curve}_verify`), curve).toBe('0');
      expect(run.lines.get(`ecdsa_${curve}_verify_other`), curve).toBe('10'); // verification_failed
    }
  });
});
