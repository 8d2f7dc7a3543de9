#!/usr/bin/env node
// RuntimePool throughput (issue 15): guests per second at 1 and 2 workers, and the
// parallel efficiency (rate at 2 / (2 × rate at 1)), for
//   (a) a short compute guest (WAT: a xorshift loop, then proc_exit), and
//   (b) a wasi-nn TFLite guest (bench_infer: load MediaPipe's face detector, one inference).
// Each task is a new Runtime in a worker (a new WASI instance, new plug-in modules); the
// compiled module is shared. Best of `rounds` rounds of `tasks` tasks, after a warm-up round.
// Replaces the "## RuntimePool throughput (issue 15)" section of bench/RESULTS.md. No assertions.
// Usage: node bench/pool.bench.mjs [tasks=200] [rounds=3]
// Needs: node scripts/build-native.mjs, the @ws/core and @ws/wasi-nn builds.
import { existsSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { Plugin, resolveExtensionOptions, Runtime, RuntimePool } from '@ws/core';
import { machineLine, root, writeSection, xorshiftGuest } from './results.mjs';

const tasks = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 3);

const compute = await xorshiftGuest(10000000, '(call $exit (i32.and (local.get $x) (i32.const 1)))');

const requireFromNn = createRequire(join(root, 'packages', 'wasi-nn', 'package.json'));
const model = join(dirname(requireFromNn.resolve('@mediapipe/face_detection/package.json')), 'face_detection_short_range.tflite');
const nnPlugin = join(root, 'native', 'build', 'plugins', 'libwasmedgePluginWasiNN.so');
const inferGuest = join(root, 'packages', 'wasi-nn', 'guests', 'build', 'bench_infer.wasm');
const tflite = process.env.WS_TFLITE_LIBRARY ?? resolveExtensionOptions(join(root, 'packages', 'wasi-nn-tflite'), 'wasi_nn')['nn-tflite-library'];
for (const [what, path] of [['wasi_nn plug-in', nnPlugin], ['guest', inferGuest], ['TFLite C library', tflite ?? '(not found)']]) {
  if (!existsSync(path)) {
    console.error(`[ws:bench] ${what} missing: ${path}. Build it first (see the header of this script).`);
    process.exit(1);
  }
}
Plugin.loadFromPath(nnPlugin);
const infer = readFileSync(inferGuest);

const workloads = [
  { name: 'compute (10M-iteration xorshift loop)', bytes: compute, options: {}, task: { args: ['compute.wasm'] }, expect: (r) => r.exitCode === 0 || r.exitCode === 1 },
  {
    name: 'wasi-nn TFLite (load + 1 inference)',
    bytes: infer,
    options: { preopens: { '/model': dirname(model) }, pluginOptions: { 'nn-tflite-library': tflite, 'nn-threads': 1 } },
    task: { args: ['bench_infer.wasm', '/model/face_detection_short_range.tflite', '1', String(128 * 128 * 3 * 4), String(896 * 16 * 4), String(896 * 4)] },
    expect: (r) => r.exitCode === 0 && r.stdout.toString().includes('infer_ns'),
    // Fewer: a process running a few hundred TFLite guests crashes (SIGSEGV) with the current
    // native build, in a worker or on the main thread alike (see RESULTS.md).
    tasks: Math.max(8, Math.round(tasks / 5)),
  },
];

async function rate(workload, workers) {
  const count = workload.tasks ?? tasks;
  const pool = new RuntimePool({ workers, discoverPackages: false, ...workload.options });
  try {
    const round = async (count) => {
      const start = process.hrtime.bigint();
      const results = await Promise.all(Array.from({ length: count }, () => pool.run(workload.bytes, workload.task)));
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const bad = results.find((r) => !workload.expect(r));
      if (bad) throw new Error(`unexpected result: exit ${bad.exitCode}, ${bad.stdout.toString().slice(0, 200)} ${bad.stderr.toString().slice(0, 400)}`);
      return count / seconds;
    };
    await round(workers * 4); // warm-up: every worker started and has run guests
    let best = 0;
    for (let r = 0; r < rounds; r++) best = Math.max(best, await round(count));
    return best;
  } finally {
    await pool.close();
  }
}

const loadBefore = loadavg()[0];
const rows = [];
for (const workload of workloads) {
  const one = await rate(workload, 1);
  const two = await rate(workload, 2);
  const efficiency = two / (2 * one);
  rows.push(`| ${workload.name} (${workload.tasks ?? tasks} tasks per round) | ${one.toFixed(1)} | ${two.toFixed(1)} | ${(two / one).toFixed(2)}× | ${(efficiency * 100).toFixed(0)} % |`);
  console.log(rows.at(-1));
}

// What one Runtime.run() of a tiny WASI guest costs at each isolation level (median of 15).
const tiny = readFileSync(join(root, 'test', 'guests', 'build', 'wasi_only.wasm'));
const devnull = openSync('/dev/null', 'w');
const isolationRows = [];
for (const isolation of ['none', 'worker', 'process']) {
  const times = [];
  for (let i = 0; i < 16; i++) {
    const start = performance.now();
    await new Runtime({ isolation, stdout: devnull, discoverPackages: false }).run(tiny);
    if (i > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  isolationRows.push(`| \`${isolation}\` | ${times[Math.floor(times.length / 2)].toFixed(1)} |`);
  console.log(isolationRows.at(-1));
}

writeSection(
  'RuntimePool throughput (issue 15)',
  `${machineLine()}; load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0].toFixed(2)}.
\`node bench/pool.bench.mjs ${tasks} ${rounds}\`: best of ${rounds} rounds of ${tasks} tasks after a warm-up, each task a new
Runtime in a worker (new WASI instance and plug-in modules), the compiled module shared; parallel efficiency =
rate at 2 workers / (2 × rate at 1 worker).

| guest | 1 worker (guests/s) | 2 workers (guests/s) | speed-up | parallel efficiency |
|---|---:|---:|---:|---:|
${rows.join('\n')}

One \`Runtime.run()\` of a tiny WASI guest (test/guests/wasi_only.wasm) by isolation level, median of 15 (ms):

| isolation | ms per run |
|---|---:|
${isolationRows.join('\n')}

The TFLite guest reads and loads the 229 KB model (TFLite interpreter with XNNPACK, 1 thread) in every task:
graphs are not kept between tasks (see docs/running-many-guests.md). Fewer TFLite tasks per round: with the
native build of this run, a process that runs a few hundred wasi-nn TFLite guests one after another dies of SIGSEGV
(in V8's code, in a worker thread or on the main thread alike, without RuntimePool too): open bug, issue 15 report.
A load average above 2 means other work shared the 2 cores: the rates are then lower bounds and the efficiency
says little.`,
);
