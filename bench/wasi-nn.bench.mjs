#!/usr/bin/env node
// wasi_nn (TensorFlow-Lite) benchmark: latency of one inference of MediaPipe's
// face detector (set input + invoke + read both outputs)
//   (a) from a guest through wasi_ephemeral_nn (ws CLI, timed inside the guest), vs
//   (b) the TFLite C API called natively in this process through koffi,
// with the same thread count, in alternating rounds; medians, ratio, model
// load times and the copies per tensor. Replaces the "## wasi_nn
// (TensorFlow-Lite)" section of bench/RESULTS.md. No assertions.
// Usage: node bench/wasi-nn.bench.mjs [runsPerRound=100] [rounds=5] [threads=1,2]
// Needs: node scripts/build-native.mjs, pnpm --filter @ws/core --filter @ws/wasi-nn build
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import koffi from 'koffi';
import { resolveExtensionOptions } from '@ws/core';
import { machineLine, root, writeSection } from './results.mjs';

const runs = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 5);
const threadCounts = (process.argv[4] ?? '1,2').split(',').map(Number);
const warmup = Number(process.env.WS_BENCH_WARMUP ?? 100);

const requireFromNn = createRequire(join(root, 'packages', 'wasi-nn', 'package.json'));
const model = join(dirname(requireFromNn.resolve('@mediapipe/face_detection/package.json')), 'face_detection_short_range.tflite');
const cli = join(root, 'packages', 'core', 'dist', 'cli', 'main.js');
const plugins = join(root, 'native', 'build', 'plugins');
const guest = join(root, 'packages', 'wasi-nn', 'guests', 'build', 'bench_infer.wasm');
// The default @ws/wasi-nn-tflite gives the wasi_nn plug-in (its manifest's nn-tflite-library).
const tflite = process.env.WS_TFLITE_LIBRARY ?? resolveExtensionOptions(join(root, 'packages', 'wasi-nn-tflite'), 'wasi_nn')['nn-tflite-library'];
for (const [what, path] of [['ws CLI', cli], ['plug-ins', plugins], ['guest', guest], ['TFLite C library', tflite ?? '(not found)']]) {
  if (!existsSync(path)) {
    console.error(`[ws:bench] ${what} missing: ${path}. Build it first (see the header of this script).`);
    process.exit(1);
  }
}
const INPUT_BYTES = 128 * 128 * 3 * 4;
const OUTPUT_BYTES = [896 * 16 * 4, 896 * 4];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (ns) => Number(ns) / 1e6;

/** One guest process: load times and `runs` inference latencies (ms), warm-up dropped. */
function guestRound(threads) {
  const result = spawnSync(
    process.execPath,
    [cli, 'run', '--dir', `/model:${dirname(model)}`, '--plugin-path', plugins, '--nn-threads', String(threads), guest, `/model/face_detection_short_range.tflite`, String(runs + warmup), String(INPUT_BYTES), ...OUTPUT_BYTES.map(String)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    console.error(`[ws:bench] guest failed (${result.status}): ${result.stderr}`);
    process.exit(1);
  }
  const values = {};
  const infer = [];
  const compute = [];
  for (const line of result.stdout.trim().split('\n')) {
    const [key, value, computeValue] = line.split(' ');
    if (key === 'infer_ns') {
      infer.push(ms(value));
      compute.push(ms(computeValue));
    } else values[key] = ms(value);
  }
  return { ...values, infer: infer.slice(warmup), compute: compute.slice(warmup) };
}

// ---- Native baseline: the TFLite C API through koffi, in this process ----
const lib = koffi.load(tflite);
for (const name of ['TfLiteModel', 'TfLiteInterpreterOptions', 'TfLiteInterpreter', 'TfLiteTensor']) koffi.opaque(name);
// Zero-filled beyond num_threads, as the plug-in's backend does.
koffi.struct('XnnpackOptions', { num_threads: 'int32', flags: 'uint32', weights_cache: 'void *', reserved: koffi.array('uint8', 64) });
const c = {
  modelCreate: lib.func('TfLiteModel *TfLiteModelCreate(const void *data, size_t size)'),
  modelDelete: lib.func('void TfLiteModelDelete(TfLiteModel *model)'),
  optionsCreate: lib.func('TfLiteInterpreterOptions *TfLiteInterpreterOptionsCreate()'),
  optionsDelete: lib.func('void TfLiteInterpreterOptionsDelete(TfLiteInterpreterOptions *options)'),
  setThreads: lib.func('void TfLiteInterpreterOptionsSetNumThreads(TfLiteInterpreterOptions *options, int32_t threads)'),
  interpreterCreate: lib.func('TfLiteInterpreter *TfLiteInterpreterCreate(const TfLiteModel *model, const TfLiteInterpreterOptions *options)'),
  interpreterDelete: lib.func('void TfLiteInterpreterDelete(TfLiteInterpreter *interpreter)'),
  allocate: lib.func('int TfLiteInterpreterAllocateTensors(TfLiteInterpreter *interpreter)'),
  input: lib.func('TfLiteTensor *TfLiteInterpreterGetInputTensor(const TfLiteInterpreter *interpreter, int32_t index)'),
  output: lib.func('const TfLiteTensor *TfLiteInterpreterGetOutputTensor(const TfLiteInterpreter *interpreter, int32_t index)'),
  invoke: lib.func('int TfLiteInterpreterInvoke(TfLiteInterpreter *interpreter)'),
  copyFrom: lib.func('int TfLiteTensorCopyFromBuffer(TfLiteTensor *tensor, const void *data, size_t size)'),
  copyTo: lib.func('int TfLiteTensorCopyToBuffer(const TfLiteTensor *tensor, void *data, size_t size)'),
  addDelegate: lib.func('void TfLiteInterpreterOptionsAddDelegate(TfLiteInterpreterOptions *options, void *delegate)'),
  xnnpackCreate: lib.func('void *TfLiteXNNPackDelegateCreate(const XnnpackOptions *options)'),
  xnnpackDelete: lib.func('void TfLiteXNNPackDelegateDelete(void *delegate)'),
};
const modelBytes = readFileSync(model); // kept alive: TFLite borrows it

function nativeRound(threads) {
  let start = process.hrtime.bigint();
  const tfModel = c.modelCreate(modelBytes, modelBytes.length);
  const loadMs = ms(process.hrtime.bigint() - start);
  start = process.hrtime.bigint();
  const options = c.optionsCreate();
  c.setThreads(options, threads);
  // The plug-in applies the XNNPACK delegate with the same thread count.
  const xnnpack = c.xnnpackCreate({ num_threads: threads, flags: 0, weights_cache: null, reserved: new Array(64).fill(0) });
  c.addDelegate(options, xnnpack);
  const interpreter = c.interpreterCreate(tfModel, options);
  c.optionsDelete(options);
  if (!interpreter || c.allocate(interpreter) !== 0) throw new Error('TFLite interpreter creation failed');
  const initMs = ms(process.hrtime.bigint() - start);
  const input = new Float32Array(INPUT_BYTES / 4).map((_, i) => (i % 255) / 127.5 - 1);
  const outputs = OUTPUT_BYTES.map((bytes) => new Uint8Array(bytes));
  const inputTensor = c.input(interpreter, 0);
  const outputTensors = OUTPUT_BYTES.map((_, i) => c.output(interpreter, i));
  const infer = [];
  const compute = [];
  for (let run = 0; run < runs + warmup; run++) {
    start = process.hrtime.bigint();
    c.copyFrom(inputTensor, input, INPUT_BYTES);
    const computeStart = process.hrtime.bigint();
    if (c.invoke(interpreter) !== 0) throw new Error('TfLiteInterpreterInvoke failed');
    compute.push(ms(process.hrtime.bigint() - computeStart));
    outputTensors.forEach((tensor, i) => c.copyTo(tensor, outputs[i], OUTPUT_BYTES[i]));
    infer.push(ms(process.hrtime.bigint() - start));
  }
  c.interpreterDelete(interpreter);
  c.xnnpackDelete(xnnpack);
  c.modelDelete(tfModel);
  return { load: loadMs, init: initMs, infer: infer.slice(warmup), compute: compute.slice(warmup) };
}

const rows = [];
for (const threads of threadCounts) {
  const guestTimes = [];
  const nativeTimes = [];
  const guestCompute = [];
  const nativeCompute = [];
  const guestLoads = { cold: [], warm: [], init: [] };
  const nativeLoads = { load: [], init: [] };
  for (let round = 0; round < rounds; round++) {
    const g = guestRound(threads);
    guestTimes.push(...g.infer);
    guestCompute.push(...g.compute);
    guestLoads.cold.push(g.load_cold_ns);
    guestLoads.warm.push(g.load_warm_ns);
    guestLoads.init.push(g.init_ns);
    const n = nativeRound(threads);
    nativeTimes.push(...n.infer);
    nativeCompute.push(...n.compute);
    nativeLoads.load.push(n.load);
    nativeLoads.init.push(n.init);
  }
  const row = {
    threads,
    guest: median(guestTimes),
    native: median(nativeTimes),
    guestCompute: median(guestCompute),
    nativeCompute: median(nativeCompute),
    guestCold: median(guestLoads.cold),
    guestWarm: median(guestLoads.warm),
    guestInit: median(guestLoads.init),
    nativeLoad: median(nativeLoads.load),
    nativeInit: median(nativeLoads.init),
  };
  row.ratio = row.guest / row.native;
  rows.push(row);
  console.log(`threads=${threads}: guest ${row.guest.toFixed(3)} ms, native ${row.native.toFixed(3)} ms, ratio ${row.ratio.toFixed(3)}; compute alone guest ${row.guestCompute.toFixed(3)} native ${row.nativeCompute.toFixed(3)}; load guest cold ${row.guestCold.toFixed(2)} / warm ${row.guestWarm.toFixed(2)} ms, native ${row.nativeLoad.toFixed(2)} ms; init guest ${row.guestInit.toFixed(2)} ms, native ${row.nativeInit.toFixed(2)} ms`);
}

const f = (value, digits = 3) => value.toFixed(digits);
writeSection(
  'wasi_nn (TensorFlow-Lite)',
  `
One inference of MediaPipe's short-range face detector (\`face_detection_short_range.tflite\`, input 1×128×128×3 F32 =
196 608 bytes, outputs 57 344 + 3 584 bytes): set the input, invoke, read both outputs.
(a) a guest (\`packages/wasi-nn/guests/bench_infer.c\`) calling \`set_input\` + \`compute\` + \`get_output\` ×2 through the
ws plug-in, timed inside the guest with WASI's monotonic clock; (b) the TFLite C API (2.9.0 from tfjs-tflite-node)
called natively in the bench process through koffi: \`TfLiteTensorCopyFromBuffer\` + \`TfLiteInterpreterInvoke\` +
\`TfLiteTensorCopyToBuffer\` ×2. Same configuration: thread count (\`--nn-threads N\` /
\`TfLiteInterpreterOptionsSetNumThreads(N)\`) and the XNNPACK delegate with N threads, which the plug-in applies by default
(\`WS_TFLITE_XNNPACK=0\` turns it off; it makes this model ~6× faster than TFLite's reference kernels here).
\`node bench/wasi-nn.bench.mjs ${runs} ${rounds} ${threadCounts.join(',')}\`: ${rounds} alternating rounds of ${runs} inferences each
(after ${warmup} warm-up runs), medians over all. The machine is shared with other jobs, so runs are noisy.

- ${machineLine()}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min)

| threads | guest median ms | native median ms | ratio guest/native (target ≤ 1.05) | invoke alone: guest / native ms |
|---:|---:|---:|---:|---:|
${rows.map((r) => `| ${r.threads} | ${f(r.guest)} | ${f(r.native)} | **${f(r.ratio)}** | ${f(r.guestCompute)} / ${f(r.nativeCompute)} |`).join('\n')}

The last column times \`compute\` (guest) and \`TfLiteInterpreterInvoke\` (native) alone: whatever differs there is the
process around the same TFLite call, not the plug-in. Everything outside invoke (the input copy, both output copies and
the calls): ${rows.map((r) => `${r.threads} thread(s): guest ${f(r.guest - r.guestCompute)} ms, native ${f(r.native - r.nativeCompute)} ms`).join('; ')}.
${loadavg()[0] > cpus().length ? `With a load average above the ${cpus().length} CPUs, runs with more than one thread are dominated by oversubscription
(XNNPACK's thread pool waits for a busy core), so their ratio says little about the plug-in; the one-thread row is the measurement.` : ''}

Model load (median ms): guest \`load\` ${rows.map((r) => `${f(r.guestCold, 2)} first (dlopen of the backend and of TFLite + \`TfLiteModelCreate\`), ${f(r.guestWarm, 2)} after`).at(0)};
native \`TfLiteModelCreate\` ${f(rows[0].nativeLoad, 2)}. Interpreter creation + \`AllocateTensors\`
(\`init_execution_context\` vs native): ${rows.map((r) => `${r.threads} thread(s): guest ${f(r.guestInit, 2)}, native ${f(r.nativeInit, 2)}`).join('; ')}.
The guest's \`load\` also copies the 229 032-byte flatbuffer out of guest memory once (TFLite borrows the buffer for the
model's life).

Copies per inference: **input 1** (guest memory → the interpreter's input tensor, one \`memcpy\` in \`set_input\`),
**output 1 each** (output tensor → guest memory, one \`memcpy\` in \`get_output\`). No staging buffers; the native
baseline copies the same bytes the same number of times (\`CopyFromBuffer\`/\`CopyToBuffer\`).
`,
);
