#!/usr/bin/env node
// Gas metering overhead (issue 15): wall time of Runtime.run() of a compute-heavy guest with
// gasLimit (meter + limit check) and with gasMeasuring (meter only) against the same guest
// unmetered, for
//   (a) test/guests/gas_compute.c (clang -O2: a sieve over 1 Mi bytes, then an FNV-1a pass), and
//   (b) a tight WAT loop (a xorshift step per iteration: the worst case, a meter per 20 instructions).
// Each run compiles and instantiates the guest as ws run does (the meter is added at load); the
// time to instrument the bytes is shown apart. Best of `rounds` runs after a warm-up run (modes interleaved).
// Replaces the "## gas metering (issue 15)" section of bench/RESULTS.md. No assertions.
// Usage: node bench/gas.bench.mjs [rounds=7]
// Needs: the @ws/core build and the test guests (cd test && node ../scripts/build-guests.mjs .).
import { existsSync, openSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '@ws/core';
import { instrumentGas } from '../packages/core/dist/runtime/gas/instrument.js';
import { machineLine, root, writeSection, xorshiftGuest } from './results.mjs';

const rounds = Number(process.argv[2] ?? 7);
const computePath = join(root, 'test', 'guests', 'build', 'gas_compute.wasm');
if (!existsSync(computePath)) {
  console.error(`[ws:bench] guest missing: ${computePath}. Build it: cd test && node ../scripts/build-guests.mjs .`);
  process.exit(1);
}
const loopBytes = await xorshiftGuest(300000000, '(i32.store (i32.const 0) (local.get $x))\n    (call $exit (i32.const 0))');

const guests = [
  { name: 'gas_compute.c (sieve 1 Mi, 60 rounds)', bytes: readFileSync(computePath), args: ['1048576', '60'] },
  { name: 'WAT xorshift loop (3·10^8 iterations)', bytes: loopBytes, args: [] },
];
const devNull = openSync('/dev/null', 'w');

async function timeRun(bytes, args, options) {
  const runtime = new Runtime({ discoverPackages: false, args: ['guest.wasm', ...args], stdout: devNull, ...options });
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const code = await runtime.run(bytes);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const gas = runtime.lastGasUsed;
  runtime.dispose();
  if (code !== 0) throw new Error(`the guest exited with ${code}`);
  return { ms, cpuMs, gas };
}

// The best run: on a shared machine, other load only ever adds time.
const best = (values) => Math.min(...values);

const modes = [
  { label: 'unmetered', options: {} },
  { label: 'gasMeasuring', options: { gasMeasuring: true } },
  { label: 'gasLimit', options: { gasLimit: 2n ** 63n } },
];
const rows = [];
for (const guest of guests) {
  const times = Object.fromEntries(modes.map((m) => [m.label, []]));
  const cpuTimes = Object.fromEntries(modes.map((m) => [m.label, []]));
  let gas;
  for (let round = -1; round < rounds; round++) {
    // Interleaved, so that a slower moment of the machine hits every mode alike.
    for (const mode of modes) {
      const result = await timeRun(guest.bytes, guest.args, mode.options);
      if (round >= 0) times[mode.label].push(result.ms);
      if (round >= 0) cpuTimes[mode.label].push(result.cpuMs);
      gas ??= result.gas;
    }
  }
  const instrumentTimes = [];
  let meteredSize = 0;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    meteredSize = instrumentGas(guest.bytes, { limit: 2n ** 63n }).length;
    instrumentTimes.push(performance.now() - start);
  }
  const base = best(times.unmetered);
  rows.push({
    name: guest.name,
    gas,
    base,
    measuring: best(times.gasMeasuring),
    limit: best(times.gasLimit),
    cpuBase: best(cpuTimes.unmetered),
    cpuMeasuring: best(cpuTimes.gasMeasuring),
    cpuLimit: best(cpuTimes.gasLimit),
    instrument: best(instrumentTimes),
    size: `${guest.bytes.length} → ${meteredSize}`,
  });
  console.log(guest.name, JSON.stringify(rows.at(-1), (k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const ratio = (ms, base) => `${(ms / base).toFixed(2)}×`;
const table = [
  '| guest | gas used | time | unmetered | gasMeasuring | gasLimit | instrumenting | bytes (before → after) |',
  '|---|---:|---|---:|---:|---:|---:|---:|',
  ...rows.flatMap((r) => [
    `| ${r.name} | ${r.gas} | wall | ${fmt(r.base)} | ${fmt(r.measuring)} (${ratio(r.measuring, r.base)}) | ${fmt(r.limit)} (${ratio(r.limit, r.base)}) | ${fmt(r.instrument)} | ${r.size} |`,
    `| | | CPU | ${fmt(r.cpuBase)} | ${fmt(r.cpuMeasuring)} (${ratio(r.cpuMeasuring, r.cpuBase)}) | ${fmt(r.cpuLimit)} (${ratio(r.cpuLimit, r.cpuBase)}) | | |`,
  ]),
];
writeSection(
  'gas metering (issue 15)',
  [
    machineLine(),
    '',
    `\`node bench/gas.bench.mjs ${rounds}\`: wall and CPU time (process.cpuUsage: this process, V8's compiler threads included) of Runtime.run() (compile, instantiate, run), best of ${rounds} runs after a warm-up, modes interleaved (on a shared machine other load only adds time). ` +
      'gasMeasuring: the meter adds each basic block\'s cost to the function\'s copy of the counter (an i64 local); gasLimit: also compares it with the limit. ' +
      `Goal: ≤ 1.3× unmetered on a compute-heavy guest. Load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (${cpus().length} CPUs).`,
    '',
    ...table,
  ].join('\n'),
);
console.log(table.join('\n'));
