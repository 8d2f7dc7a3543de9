#!/usr/bin/env node
// wasmedge_tensorflowlite benchmark: MediaPipe's short-range face detector
// (input 1x128x128x3 f32, outputs regressors + classificators), one inference
// = append_input + run_session + get_tensor_data of both outputs,
//   (a) from a guest through wasmedge_tensorflowlite (packages/tensorflow/guests/bench_infer.c,
//       run by the ws CLI), each inference timed inside the guest;
//   (b) natively: bench/tensorflow-native.c, the same loop on the TFLite C API
//       (the same libtensorflowlite_c.so from tfjs-tflite-node, the same
//       binding, the same thread count), compiled here with cc -O2.
// Rounds pair (a) and (b) back to back, in alternating order, so that load on
// the shared machine hits both; each run's first inferences are warm-up and
// dropped. The ratio is the median of the per-pair ratios of medians. Prints a
// table and replaces the "## wasmedge_tensorflowlite" section of bench/RESULTS.md.
// Threads default to 1 on both paths (the plug-in's default is WasmEdge's 2):
// this measures the plug-in's overhead, not thread scheduling on a loaded box.
// Usage: node bench/tensorflow.bench.mjs [rounds=16] [inferences per run=30] [threads=1]
// Needs: node scripts/build-native.mjs; pnpm --filter @ws/tensorflow build
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { machineLine, root, writeSection } from './results.mjs';

const rounds = Number(process.argv[2] ?? 16);
const perRound = Number(process.argv[3] ?? 30);
const threads = Number(process.argv[4] ?? 1);
const warmup = 5;
const tensorflowPackage = join(root, 'packages', 'tensorflow');
const requireFromPackage = createRequire(join(tensorflowPackage, 'package.json'));
const model = join(dirname(requireFromPackage.resolve('@mediapipe/face_detection/package.json')), 'face_detection_short_range.tflite');
const tflite = join(dirname(requireFromPackage.resolve('tfjs-tflite-node/package.json')), 'cc_deps', process.arch === 'arm64' ? 'linux_arm64' : 'linux_amd64', 'libtensorflowlite_c.so');
const guest = join(tensorflowPackage, 'guests', 'build', 'bench_infer.wasm');
// WS_TENSORFLOW_LIBRARY (the core rule for @ws/tensorflow): the folder of its plug-ins, or one of them.
const fromEnv = process.env.WS_TENSORFLOW_LIBRARY;
const pluginDir = fromEnv ? (statSync(fromEnv, { throwIfNoEntry: false })?.isDirectory() ? fromEnv : dirname(fromEnv)) : join(root, 'native', 'build', 'plugins');
const plugin = join(pluginDir, 'libwasmedgePluginWasmEdgeTensorflowLite.so');
const cli = join(root, 'packages', 'core', 'dist', 'cli', 'main.js');
for (const [what, path] of [['model', model], ['libtensorflowlite_c.so', tflite], ['guest', guest], ['plug-in', plugin], ['ws CLI', cli]]) {
  if (!existsSync(path)) {
    console.error(`[ws:bench] ${what} missing: ${path}. Build it first (see the header of this script).`);
    process.exit(1);
  }
}

const apiDir = join(root, 'native', 'wasi-nn', 'backends', 'tflite');
const native = join(mkdtempSync(join(tmpdir(), 'ws-tf-bench-')), 'tensorflow-native');
execFileSync('cc', ['-O2', `-I${apiDir}`, '-o', native, join(root, 'bench', 'tensorflow-native.c'), join(apiDir, 'tflite_api.c'), '-ldl']);

const modelArgs = ['input', String(128 * 128 * 3 * 4), 'regressors', 'classificators'];

/** Per-inference nanoseconds of one run (warm-up dropped) and the printed checksum. */
function parse(stdout) {
  const times = [...stdout.matchAll(/^ns=(\d+)$/gm)].map((m) => Number(m[1]));
  const first = /first=(.*)/.exec(stdout)?.[1];
  if (times.length !== perRound) throw new Error(`expected ${perRound} timings, got:\n${stdout}`);
  return { times: times.slice(warmup), first };
}

function runGuest() {
  const result = spawnSync(process.execPath, [cli, 'run', '--plugin-path', plugin, '--tflite-threads', String(threads), '--dir', `/m:${dirname(model)}`, guest, '/m/face_detection_short_range.tflite', String(perRound), ...modelArgs], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`guest failed (${result.status}): ${result.stderr}`);
  return parse(result.stdout);
}

function runNative() {
  const result = spawnSync(native, [tflite, model, String(perRound), String(threads), ...modelArgs], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`native loop failed (${result.status}): ${result.stderr}`);
  return parse(result.stdout);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const guestTimes = [], nativeTimes = [], pairRatios = [];
const checksums = new Set();
for (let round = 0; round < rounds; ++round) {
  const order = round % 2 === 0 ? [runGuest, runNative] : [runNative, runGuest];
  const medians = new Map();
  for (const run of order) {
    const { times, first } = run();
    (run === runGuest ? guestTimes : nativeTimes).push(...times);
    medians.set(run, median(times));
    checksums.add(first);
  }
  pairRatios.push(medians.get(runGuest) / medians.get(runNative));
}
if (checksums.size !== 1) throw new Error(`guest and native outputs differ: ${[...checksums].join(', ')}`);

const ms = (ns) => (ns / 1e6).toFixed(3);
const guestMedian = median(guestTimes), nativeMedian = median(nativeTimes);
const ratio = median(pairRatios);
const table = [
  '| path | median ms / inference | p10 | p90 |',
  '|---|---|---|---|',
  ...[['guest → wasmedge_tensorflowlite (ws)', guestTimes], ['TFLite C API, native loop', nativeTimes]].map(([name, times]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return `| ${name} | ${ms(median(times))} | ${ms(sorted[Math.floor(sorted.length * 0.1)])} | ${ms(sorted[Math.floor(sorted.length * 0.9)])} |`;
  }),
].join('\n');
const body = `${machineLine()}

MediaPipe face_detection_short_range.tflite (1x128x128x3 f32 in; 896x16 + 896 f32 out), TFLite 2.9
(tfjs-tflite-node), ${threads} interpreter thread(s) on both paths. One inference = append_input (196,608 bytes)
+ run_session + get_tensor_data of both outputs; the native loop does the same copies. ${rounds} rounds ×
${perRound - warmup} timed inferences per path (first ${warmup} of each run dropped), guest and native run back to back.

${table}

Ratio guest / native: **${ratio.toFixed(3)}** (median of the ${rounds} per-round ratios of medians; ratio of the
overall medians: ${(guestMedian / nativeMedian).toFixed(3)}; target ≤ 1.05). Outputs are identical on both paths.
Command: \`node bench/tensorflow.bench.mjs ${rounds} ${perRound} ${threads}\``;
console.log(body);
writeSection('wasmedge_tensorflowlite', body);
