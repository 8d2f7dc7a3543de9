// The handle space shared by the five modules (DESIGN.md): created with the
// first module instance, shared by every instance alive at the same time,
// destroyed (secrets wiped) with the last one. Run in a fresh Node process
// so that no other test's modules are alive.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cryptoLibrary, packageDir } from './helpers.js';

const script = `
import { createWasiCryptoModules } from ${JSON.stringify(join(packageDir, 'dist', 'index.js'))};
const memory = new WebAssembly.Memory({ initial: 1 });
const view = () => new DataView(memory.buffer);
const bytes = (p, text) => { new Uint8Array(memory.buffer).set(new TextEncoder().encode(text), p); return text.length; };
const flat = (set) => Object.assign({}, ...Object.values(set.bind(memory)));
const results = {};

const a = createWasiCryptoModules();
const b = createWasiCryptoModules();
const fa = flat(a), fb = flat(b);
results.firstOptions = [fa.options_open(1, 0), view().getUint32(0, true)];
view().setUint8(16, 1);
results.generate = fa.keypair_generate(0, 100, bytes(100, 'Ed25519'), 16, 4);
const keypair = view().getUint32(4, true);
// a keypair made through set A signs through set B: one handle space
results.openInB = fb.signature_state_open(keypair, 8);
a.dispose();
results.stillInB = fb.signature_state_open(keypair, 8);
b.dispose();
const c = createWasiCryptoModules();
const fc = flat(c);
// every instance was deleted: a new, empty space whose handles start over
results.afterAll = [fc.signature_state_open(keypair, 8), fc.options_open(1, 0), view().getUint32(0, true)];
c.dispose();
console.log(JSON.stringify(results));
`;

describe('shared handle space', () => {
  it('is shared by live module instances and freed with the last one', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, WS_WASI_CRYPTO_LIBRARY: cryptoLibrary },
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      firstOptions: [0, 0x101],
      generate: 0,
      openInB: 0,
      stillInB: 0,
      afterAll: [15, 0, 0x101],
    });
  });
});
