#!/usr/bin/env node
// wasi_crypto benchmark: the same operation from a guest through the plug-in
// and from JavaScript with node:crypto, in this one process (both end in the
// same OpenSSL: Node's).
//   SHA-256 of 1 MiB; Ed25519 signature of 64 bytes; AES-256-GCM of 1 MiB.
// The guest (packages/wasi-crypto/guests/bench.c) is instantiated with
// @ws/core's Runtime and its exported functions are timed from JavaScript
// with the same timer as node:crypto. Rounds alternate guest and Node.
// Prints a table and replaces the "## wasi_crypto" section of bench/RESULTS.md.
// No assertions. Usage: node bench/wasi-crypto.bench.mjs [iterations=200] [rounds=3]
// Needs: node scripts/build-native.mjs, pnpm --filter @ws/core build,
//        node scripts/build-guests.mjs packages/wasi-crypto
import { createCipheriv, createHash, createPrivateKey, sign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Plugin, Runtime } from '@ws/core';
import { machineLine, root, writeSection } from './results.mjs';

const iterations = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 3);
const library = process.env.WS_WASI_CRYPTO_LIBRARY ?? join(root, 'native', 'build', 'plugins', 'libwasmedgePluginWasiCrypto.so');
const guestPath = join(root, 'packages', 'wasi-crypto', 'guests', 'build', 'bench.wasm');
for (const [what, path] of [['plug-in', library], ['guest', guestPath]]) {
  if (!existsSync(path)) {
    console.error(`[ws:bench] ${what} missing: ${path}. Build it first (see the header of this script).`);
    process.exit(1);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeEach(fn, count) {
  const times = [];
  for (let i = 0; i < count; ++i) {
    const started = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e3);
  }
  return times;
}

Plugin.loadFromPath(library);
const runtime = new Runtime({ args: ['bench.wasm'], discoverPackages: false });
const instance = await runtime.instantiate(readFileSync(guestPath));
const guest = instance.exports;
const check = (code, what) => {
  if (code !== 0) throw new Error(`${what} failed with crypto_errno ${code}`);
};
check(guest.bench_setup(), 'bench_setup');
const memory = () => new Uint8Array(guest.memory.buffer);

// The same inputs on the Node side.
const MIB = 1 << 20;
const input = Buffer.alloc(MIB);
for (let i = 0; i < MIB; i++) input[i] = (i * 31 + 7) & 0xff;
const seed = Buffer.from([...Array(32).keys()].map((i) => i + 1));
const edKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
const key = Buffer.alloc(32), nonce = Buffer.alloc(12);

const cases = [
  {
    name: 'SHA-256 of 1 MiB',
    guest: () => check(guest.bench_sha256(), 'bench_sha256'),
    node: () => createHash('sha256').update(input).digest(),
    same: () => Buffer.from(memory().subarray(guest.bench_digest(), guest.bench_digest() + 32)).equals(createHash('sha256').update(input).digest()),
    target: 1.0,
  },
  {
    name: 'Ed25519 sign of 64 bytes',
    guest: () => check(guest.bench_ed25519_sign(), 'bench_ed25519_sign'),
    node: () => sign(null, input.subarray(0, 64), edKey),
    same: () => Buffer.from(memory().subarray(guest.bench_signature(), guest.bench_signature() + 64)).equals(sign(null, input.subarray(0, 64), edKey)),
    target: 1.2,
  },
  {
    name: 'AES-256-GCM of 1 MiB',
    guest: () => check(guest.bench_aes_256_gcm(), 'bench_aes_256_gcm'),
    node: () => {
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = cipher.update(input);
      cipher.final();
      return [body, cipher.getAuthTag()];
    },
    same: () => {
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const expected = Buffer.concat([cipher.update(input), cipher.final(), cipher.getAuthTag()]);
      return Buffer.from(memory().subarray(guest.bench_output(), guest.bench_output() + MIB + 16)).equals(expected);
    },
    target: 1.0,
  },
];

const rows = [];
for (const c of cases) {
  c.guest();
  if (!c.same()) throw new Error(`${c.name}: the guest's result differs from node:crypto's`);
  const guestTimes = [], nodeTimes = [];
  timeEach(c.guest, 20);
  timeEach(c.node, 20); // warm-up
  for (let round = 0; round < rounds; ++round) {
    guestTimes.push(...timeEach(c.guest, iterations));
    nodeTimes.push(...timeEach(c.node, iterations));
  }
  const ratio = median(guestTimes) / median(nodeTimes);
  rows.push([c.name, median(guestTimes), median(nodeTimes), ratio, c.target]);
}
runtime.dispose();

const format = (us) => (us >= 100 ? us.toFixed(0) : us.toFixed(1));
const table = [
  '| operation | guest → wasi_crypto (µs) | node:crypto (µs) | ratio guest/node | target |',
  '|---|---:|---:|---:|---:|',
  ...rows.map(([name, g, n, ratio, target]) => `| ${name} | ${format(g)} | ${format(n)} | **${ratio.toFixed(2)}** | ≤ ${target.toFixed(1)} |`),
];
console.log(table.join('\n'));

writeSection(
  'wasi_crypto',
  [
    'The same operation from a WebAssembly guest through the ws `wasi_crypto` plug-in and from JavaScript with',
    '`node:crypto`, in one Node process (both end in the same OpenSSL, Node\'s 3.0). The guest',
    '(`packages/wasi-crypto/guests/bench.c`) is instantiated with `@ws/core`\'s `Runtime`; each exported function does one',
    'whole operation with handles (SHA-256: `symmetric_state_open` + `absorb` 1 MiB + `squeeze` + `close`; Ed25519:',
    '`signature_state_open` + `update` 64 bytes + `sign` + `signature_export` + `array_output_pull` + closes; AES-256-GCM:',
    '`symmetric_state_open` with key and nonce + `encrypt` 1 MiB + `close`). Node does `createHash().update().digest()`,',
    '`crypto.sign(null, …)` with a KeyObject, `createCipheriv().update() + final() + getAuthTag()`. Both results are checked',
    `to be byte-identical first. Each call is timed with \`process.hrtime\`; \`node bench/wasi-crypto.bench.mjs ${iterations} ${rounds}\`:`,
    `${rounds} alternating rounds of ${iterations} calls per side (after 20 warm-up calls), medians over all. The machine is`,
    'shared with other jobs, so runs are noisy.',
    '',
    `- ${machineLine()}; OpenSSL ${process.versions.openssl}`,
    '',
    ...table,
  ].join('\n'),
);
console.log('updated bench/RESULTS.md');
