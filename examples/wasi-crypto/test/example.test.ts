// Runs the example exactly as its README shows, through the `ws` CLI, and
// checks every printed value against node:crypto.
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash, createPrivateKey, sign } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cliMain = join(exampleDir, '..', '..', 'packages', 'core', 'dist', 'cli', 'main.js');

function ws(...args: string[]) {
  return spawnSync(process.execPath, [cliMain, ...args], { cwd: exampleDir, encoding: 'utf8' });
}

const ed25519Secret = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const ed25519Public = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex');

function expectedOutput(message: string): string {
  const key = createPrivateKey({
    format: 'jwk',
    key: { kty: 'OKP', crv: 'Ed25519', d: ed25519Secret.toString('base64url'), x: ed25519Public.toString('base64url') },
  });
  const cipher = createCipheriv('aes-256-gcm', Buffer.from([...Array(32).keys()]), Buffer.from([...Array(12).keys()]));
  cipher.setAAD(Buffer.from('demo'));
  const sealed = Buffer.concat([cipher.update(message), cipher.final(), cipher.getAuthTag()]);
  return [
    `message           ${message}`,
    `ed25519 public    ${ed25519Public.toString('hex')}`,
    `ed25519 signature ${sign(null, Buffer.from(message), key).toString('hex')}`,
    'ed25519 verify    ok',
    `sha256            ${createHash('sha256').update(message).digest('hex')}`,
    `aes-256-gcm       ${sealed.toString('hex')}`,
    `decrypted         ${message}`,
    '',
  ].join('\n');
}

describe('examples/wasi-crypto', () => {
  it('prints the README output for the default message', () => {
    const result = ws('run', 'guests/build/crypto_demo.wasm');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expectedOutput('Hello, WASI-Crypto!'));
    expect(result.stdout).toContain(
      'ed25519 signature 92641b20befa4d6ad311bcfa73ca1a31bf611efe371b9b6dbdd74bb4e16b6752fe729263ce7fbacc9623518550cb295dfa3134381895b0c102bce54820fce30c',
    );
  });

  it('agrees with node:crypto for another message', () => {
    const result = ws('run', 'guests/build/crypto_demo.wasm', 'attack at dawn');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expectedOutput('attack at dawn'));
  });
});
