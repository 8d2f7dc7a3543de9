#!/usr/bin/env node
// wasi_nn (ONNX) benchmark: latency of one inference of a small CNN
// (packages/wasi-nn-onnx/scripts/models.mjs benchCnn: float [1,3,64,64] ->
// [1,10], about 41 M multiply-adds), set input + compute + read output,
//   (a) from a guest through wasi_ephemeral_nn (ws CLI, timed inside the guest), vs
//   (b) the same ONNX Runtime library called natively in this process through
//       onnxruntime-node's InferenceSession,
// with the same intra-op thread count (inter-op 1, all graph optimizations),
// in alternating rounds; medians and the ratio. Replaces the "## wasi_nn
// (ONNX)" section of bench/RESULTS.md. No assertions.
// Usage: node bench/wasi-nn-onnx.bench.mjs [runsPerRound=200] [rounds=5] [threads=1,2]
// Needs: node scripts/build-native.mjs; pnpm --filter @ws/core --filter @ws/wasi-nn-onnx build
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { machineLine, root, writeSection } from './results.mjs';
import { compareRounds, requireFiles } from './wasi-nn-compare.mjs';

const runs = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 5);
const threadCounts = (process.argv[4] ?? '1,2').split(',').map(Number);
const warmup = 20;

const packageDir = join(root, 'packages', 'wasi-nn-onnx');
const model = join(packageDir, 'test-models', 'build', 'bench_cnn.onnx');
const cli = join(root, 'packages', 'core', 'dist', 'cli', 'main.js');
const plugins = process.env.WS_NN_PLUGIN_DIR ?? join(root, 'native', 'build', 'plugins');
const guest = join(packageDir, 'guests', 'build', 'bench_model.wasm');
requireFiles([['ws CLI', cli], ['plug-ins', plugins], ['guest', guest], ['model', model]]);
const ort = createRequire(join(packageDir, 'package.json'))('onnxruntime-node');
const DIMS = [1, 3, 64, 64];
const ELEMENTS = DIMS.reduce((a, b) => a * b, 1);
const OUTPUT_BYTES = 40;


function guestRound(threads) {
  const result = spawnSync(
    process.execPath,
    [cli, 'run', '--dir', `/m:${join(packageDir, 'test-models', 'build')}`, '--plugin-path', plugins, '--nn-threads', String(threads),
      guest, '/m/bench_cnn.onnx', '1', String(runs + warmup), DIMS.join(','), String(OUTPUT_BYTES)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`guest failed (${result.status}): ${result.stderr}`);
  const infer = result.stdout.trim().split('\n').filter((l) => l.startsWith('infer_ns')).map((l) => Number(l.split(' ')[1]) / 1e6);
  return infer.slice(warmup);
}

async function nativeRound(threads) {
  const session = await ort.InferenceSession.create(readFileSync(model), {
    intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all', executionMode: 'sequential',
  });
  const input = new Float32Array(ELEMENTS).map((_, i) => (i % 255) / 255);
  const output = new Uint8Array(OUTPUT_BYTES);
  const times = [];
  for (let run = 0; run < runs + warmup; run++) {
    const start = process.hrtime.bigint();
    // Like the guest path: the input is copied in, the output copied out.
    const tensor = new ort.Tensor('float32', input.slice(), DIMS);
    const result = await session.run({ image: tensor });
    output.set(new Uint8Array(result.logits.data.buffer, result.logits.data.byteOffset, OUTPUT_BYTES));
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  await session.release();
  return times.slice(warmup);
}

const rows = (await compareRounds(threadCounts, rounds, guestRound, nativeRound)).map(
  ({ threads, guest, native, ratio }) => `| ${threads} | ${native.toFixed(3)} | ${guest.toFixed(3)} | ${ratio.toFixed(3)} |`,
);

writeSection(
  'wasi_nn (ONNX)',
  `${machineLine()}; load average ${loadavg()[0].toFixed(2)} at the end (other work shares this machine)

One inference of a small CNN (float [1,3,64,64] -> [1,10], conv 3->32 and 32->32 3x3, ~41 M multiply-adds;
\`packages/wasi-nn-onnx/scripts/models.mjs\` benchCnn): set the input, compute, read the output.
Guest: \`bench_model.wasm\` through \`wasi_ephemeral_nn\` (ws CLI, ONNX Runtime 1.30.0 from onnxruntime-node
loaded by the ONNX backend library), timed inside the guest. Native: the same libonnxruntime in this process
through onnxruntime-node's \`InferenceSession.run\`. Same intra-op threads, inter-op 1, all graph optimizations.
Medians of ${rounds} alternating rounds x ${runs} runs (${warmup} warm-up runs per round dropped).
Target: ratio (guest / native) <= 1.05.

| threads | native (ms) | guest (ms) | ratio |
|---:|---:|---:|---:|
${rows.join('\n')}

The guest path copies the input once (guest memory -> the context's buffer that backs the OrtValue) and the
output once (OrtValue -> guest memory); onnxruntime-node copies the input into a new tensor and the output
into a JS typed array the same way.`,
);
