#!/usr/bin/env node
// What a time limit costs (issue 15; goal: within 5%):
//   (a) guest → host calls: a guest whose _start makes 5 million calls of ws_fixture.add_i32, run by
//       Runtime.run() with and without timeLimitMs (the limit wraps _start: one watchdog thread per
//       run; host calls are not touched), in alternating rounds: ns per call, medians;
//   (b) wasi_nn (TensorFlow-Lite): MediaPipe's face detector through `ws run` with and without
//       --time-limit, latency of one inference timed inside the guest (bench/wasi-nn.bench.mjs's
//       guest), in alternating rounds: medians and their ratio;
//   (c) memoryPageLimit: the same host-call guest with a page limit (the rewrite happens at load).
// No thresholds: prints a table and, with --write, records it in bench/RESULTS.md.
//   node bench/limits.bench.mjs [--write] [rounds=15]
// Needs: node scripts/build-native.mjs; @ws/core, @ws/wasi-nn built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { Plugin, Runtime } from '@ws/core';
import { machineLine, root, writeSection } from './results.mjs';

const require = createRequire(import.meta.url);
const wabt = await require('wabt')();
const rounds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 15);
const CALLS = 5_000_000;
const TIME_LIMIT_MS = 600_000; // never reached: what is measured is the cost of having one

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// ---- (a) and (c): host calls from _start ----------------------------------------------------
const wat = `(module
  (import "ws_fixture" "add_i32" (func $add (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (global $sink (mut i32) (i32.const 0))
  (func (export "_start") (local $n i32) (local $acc i32)
    (local.set $n (i32.const ${CALLS}))
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $acc (i32.add (local.get $acc) (call $add (local.get $n) (i32.const 1))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next)))
    (global.set $sink (local.get $acc))))`;
const bytes = wabt.parseWat('limits-bench.wat', wat).toBinary({}).buffer;
Plugin.loadFromPath(join(root, 'native/build/test-plugins/ws_fixture'));

/** CPU time of this process in ns (user + system): steadier than wall time on a busy machine. */
const cpuNs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
};

async function hostCallRun(options) {
  const runtime = new Runtime({ discoverPackages: false, ...options });
  const start = cpuNs();
  await runtime.run(bytes);
  const ns = (cpuNs() - start) / CALLS;
  runtime.dispose();
  return ns;
}

const variants = {
  none: {},
  timeLimit: { timeLimitMs: TIME_LIMIT_MS },
  pageLimit: { memoryPageLimit: 16 },
};
const samples = { none: [], timeLimit: [], pageLimit: [] };
for (const options of Object.values(variants)) await hostCallRun(options); // warm-up
for (let round = 0; round < rounds; round++) {
  // Each round in another order: none of the variants always runs first.
  const order = Object.entries(variants);
  for (let shift = round % order.length; shift > 0; shift--) order.push(order.shift());
  for (const [name, options] of order) samples[name].push(await hostCallRun(options));
}
const host = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));

// ---- (d) the call mechanism alone: one instance's loop called directly and through the bridge's
// callWithTimeLimit (what Runtime uses), alternating; no instantiation in the timing ----------
const loopWat = `(module
  (import "ws_fixture" "add_i32" (func $add (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "run") (param $n i32) (result i32) (local $acc i32)
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $n)))
      (local.set $acc (i32.add (local.get $acc) (call $add (local.get $n) (i32.const 1))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br $next)))
    (local.get $acc)))`;
const bridge = require(join(root, 'native/build/host/ws_bridge.node'));
const loopRuntime = new Runtime({ discoverPackages: false });
const loop = await loopRuntime.instantiate(wabt.parseWat('limits-loop.wat', loopWat).toBinary({}).buffer);
const timed = (fn) => {
  const start = cpuNs();
  fn();
  return (cpuNs() - start) / CALLS;
};
const direct = () => loop.exports.run(CALLS);
const limited = () => bridge.callWithTimeLimit(loop.exports.run, undefined, [CALLS], TIME_LIMIT_MS);
direct();
limited();
const directSamples = [];
const limitedSamples = [];
for (let round = 0; round < rounds; round++) {
  if (round % 2) limitedSamples.push(timed(limited));
  directSamples.push(timed(direct));
  if (!(round % 2)) limitedSamples.push(timed(limited));
}
const mechanism = { none: median(directSamples), limited: median(limitedSamples) };
loopRuntime.dispose();

// ---- (b) wasi_nn TFLite through the CLI ------------------------------------------------------
const requireFromNn = createRequire(join(root, 'packages', 'wasi-nn', 'package.json'));
const cli = join(root, 'packages', 'core', 'dist', 'cli', 'main.js');
const plugins = join(root, 'native', 'build', 'plugins');
const guest = join(root, 'packages', 'wasi-nn', 'guests', 'build', 'bench_infer.wasm');
let model;
try {
  model = join(dirname(requireFromNn.resolve('@mediapipe/face_detection/package.json')), 'face_detection_short_range.tflite');
} catch {
  model = undefined;
}
const INPUT_BYTES = 128 * 128 * 3 * 4;
const OUTPUT_BYTES = [896 * 16 * 4, 896 * 4];
const INFERENCES = 100;
const WARMUP = 50;

function nnRound(limitArgs) {
  const result = spawnSync(
    process.execPath,
    [cli, 'run', ...limitArgs, '--dir', `/model:${dirname(model)}`, '--plugin-path', plugins, '--nn-threads', '1', guest, '/model/face_detection_short_range.tflite', String(INFERENCES + WARMUP), String(INPUT_BYTES), ...OUTPUT_BYTES.map(String)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`[ws:bench] guest failed (${result.status}): ${result.stderr}`);
  const infer = result.stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('infer_ns '))
    .map((line) => Number(line.split(' ')[1]) / 1e6);
  return median(infer.slice(WARMUP));
}

let nn;
if (model && existsSync(model) && existsSync(guest) && existsSync(plugins)) {
  const none = [];
  const limited = [];
  nnRound([]);
  for (let round = 0; round < rounds; round++) {
    if (round % 2) limited.push(nnRound(['--time-limit', String(TIME_LIMIT_MS)]));
    none.push(nnRound([]));
    if (!(round % 2)) limited.push(nnRound(['--time-limit', String(TIME_LIMIT_MS)]));
  }
  nn = { none: median(none), limited: median(limited) };
} else {
  console.error('[ws:bench] wasi_nn part skipped: build @ws/wasi-nn (its bench_infer guest) and install @mediapipe/face_detection');
}

const pct = (ratio) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;
const lines = [
  '`node bench/limits.bench.mjs --write`: what a time limit (and a memory page limit) costs. (a) A guest whose',
  `_start makes ${CALLS / 1e6} million calls of ws_fixture.add_i32, run by Runtime.run() without a limit, with`,
  `timeLimitMs: ${TIME_LIMIT_MS} (never reached) and with memoryPageLimit: 16, alternating, ${rounds} rounds; ns per`,
  'call of CPU time (user + system) including the run (instantiate, one watchdog thread); and the same loop in one instance called directly',
  'and through the bridge\'s callWithTimeLimit, alternating (the call mechanism alone). (b) MediaPipe face detection through `ws run`',
  `with and without --time-limit ${TIME_LIMIT_MS}: median latency of one inference (1 thread, ${INFERENCES} after ${WARMUP} warm-up,`,
  `timed inside the guest), median of ${rounds} alternating rounds. Goal (issue 15): within 5%. CPU time, not wall`,
  'time, for (a): measured while other builds loaded the 2 CPUs, wall time of the same comparison moved',
  'between -1% and +27% from run to run.',
  '',
  `- ${machineLine()}; load average ${loadavg()[0].toFixed(1)} when it ended`,
  '',
  '| | no limit | with the limit | difference |',
  '|---|---:|---:|---:|',
  `| guest → host call, ns/call (timeLimitMs) | ${host.none.toFixed(1)} | ${host.timeLimit.toFixed(1)} | ${pct(host.timeLimit / host.none)} |`,
  `| guest → host call, ns/call, the same instance called directly vs through callWithTimeLimit | ${mechanism.none.toFixed(1)} | ${mechanism.limited.toFixed(1)} | ${pct(mechanism.limited / mechanism.none)} |`,
  `| guest → host call, ns/call (memoryPageLimit) | ${host.none.toFixed(1)} | ${host.pageLimit.toFixed(1)} | ${pct(host.pageLimit / host.none)} |`,
  ...(nn ? [`| wasi_nn TFLite inference, ms (--time-limit) | ${nn.none.toFixed(3)} | ${nn.limited.toFixed(3)} | ${pct(nn.limited / nn.none)} |`] : []),
];
const text = lines.join('\n');
console.log(text);
if (process.argv.includes('--write')) writeSection('Limits: cost of a time limit and a memory page limit (issue 15)', text);
