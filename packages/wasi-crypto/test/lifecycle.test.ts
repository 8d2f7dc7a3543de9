// The handle space shared by the five modules (DESIGN.md): created with the
// first module instance, shared by every instance alive at the same time,
// destroyed (secrets wiped) with the last one. Run in a fresh Node process
// so that no other test's modules are alive.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
// disposing A closed what was created through A, though B still uses the space
results.stillInB = fb.signature_state_open(keypair, 8);
b.dispose();
const c = createWasiCryptoModules();
const fc = flat(c);
// every instance was deleted: a new, empty space whose handles start over
results.afterAll = [fc.signature_state_open(keypair, 8), fc.options_open(1, 0), view().getUint32(0, true)];
c.dispose();
console.log(JSON.stringify(results));
`;

// Three worker threads hash 1 MiB 100 times each at the same time, each with
// its own module instances (one shared handle space, per-state locks).
const workers = `
import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';
import { createHash } from 'node:crypto';
if (isMainThread) {
  const results = await Promise.all([0, 1, 2].map((id) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: id });
    worker.on('message', resolve);
    worker.on('error', reject);
  })));
  console.log(JSON.stringify(results));
} else {
  const { createWasiCryptoModules } = await import(${JSON.stringify(join(packageDir, 'dist', 'index.js'))});
  const set = createWasiCryptoModules();
  const memory = new WebAssembly.Memory({ initial: 20 });
  const f = Object.assign({}, ...Object.values(set.bind(memory)));
  const bytes = new Uint8Array(memory.buffer);
  const view = new DataView(memory.buffer);
  bytes.set(new TextEncoder().encode('SHA-256'), 0);
  view.setUint8(16, 1);
  const data = Buffer.alloc(1 << 20, workerData + 1);
  bytes.set(data, 65536);
  const expected = createHash('sha256').update(data).digest('hex');
  let matches = 0;
  for (let i = 0; i < 100; i++) {
    if (f.symmetric_state_open(0, 7, 16, 16, 32) !== 0) break;
    const state = view.getUint32(32, true);
    f.symmetric_state_absorb(state, 65536, 1 << 20);
    f.symmetric_state_squeeze(state, 64, 32);
    if (Buffer.from(bytes.subarray(64, 96)).toString('hex') === expected) matches++;
    f.symmetric_state_close(state);
  }
  set.dispose();
  parentPort.postMessage({ worker: workerData, matches });
}
`;

describe('shared handle space', () => {
  it('serves guests in parallel worker threads', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ws-wasi-crypto-')), 'workers.mjs');
    writeFileSync(file, workers);
    const result = spawnSync(process.execPath, [file], {
      encoding: 'utf8',
      env: { ...process.env, WS_WASI_CRYPTO_LIBRARY: cryptoLibrary },
    });
    rmSync(dirname(file), { recursive: true });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([0, 1, 2].map((worker) => ({ worker, matches: 100 })));
  });

  it('is shared by live module instances, closes an instance\'s handles with it, and is freed with the last one', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, WS_WASI_CRYPTO_LIBRARY: cryptoLibrary },
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      firstOptions: [0, 0x101],
      generate: 0,
      openInB: 0,
      stillInB: 15, // invalid_handle
      afterAll: [15, 0, 0x101],
    });
  });
});
