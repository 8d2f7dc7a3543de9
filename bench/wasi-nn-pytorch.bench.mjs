#!/usr/bin/env node
// wasi_nn (PyTorch) benchmark: latency of one inference of a small CNN
// (packages/wasi-nn-pytorch/scripts/make_models.py BenchCnn: float
// [1,3,64,64] -> [1,10], the same layers as the ONNX benchmark), set input +
// compute + read output,
//   (a) from a guest through wasi_ephemeral_nn (ws CLI, timed inside the guest), vs
//   (b) the same libtorch called natively (bench/torch-native.cpp, compiled
//       here against the system's libtorch), copying input and output the same way,
// with the same thread count, in alternating rounds; medians and the ratio.
// Replaces the "## wasi_nn (PyTorch)" section of bench/RESULTS.md (not with
// WS_BENCH_NO_WRITE=1: then it only prints). No assertions.
// Usage: node bench/wasi-nn-pytorch.bench.mjs [runsPerRound=200] [rounds=5] [threads=1,2]
// Needs: libtorch-dev and python3-torch; node scripts/build-native.mjs;
// pnpm --filter @ws/core --filter @ws/wasi-nn-onnx --filter @ws/wasi-nn-pytorch build
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { machineLine, root, writeSection } from './results.mjs';
import { compareRounds, requireFiles } from './wasi-nn-compare.mjs';

const runs = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 5);
const threadCounts = (process.argv[4] ?? '1,2').split(',').map(Number);
const warmup = 20;
const DIMS = [1, 3, 64, 64];

const modelDir = join(root, 'packages', 'wasi-nn-pytorch', 'test-models', 'build');
const model = join(modelDir, 'bench_cnn.pt');
const cli = join(root, 'packages', 'core', 'dist', 'cli', 'main.js');
const plugins = process.env.WS_NN_PLUGIN_DIR ?? join(root, 'native', 'build', 'plugins');
const backend = join(plugins, '..', 'wasi-nn-backends', 'libws_wasi_nn_pytorch.so');
const guest = join(root, 'packages', 'wasi-nn-onnx', 'guests', 'build', 'bench_model.wasm');
requireFiles([['ws CLI', cli], ['PyTorch backend (needs libtorch-dev)', backend], ['guest', guest], ['model (needs python3-torch)', model]]);

// The native program, rebuilt when its source changes.
const source = join(root, 'bench', 'torch-native.cpp');
const native = join(root, 'bench', 'build', 'torch-native');
if (!existsSync(native) || statSync(native).mtimeMs < statSync(source).mtimeMs) {
  mkdirSync(join(root, 'bench', 'build'), { recursive: true });
  console.log('[ws:bench] compiling bench/torch-native.cpp against libtorch (about a minute)');
  execFileSync('g++', ['-O2', '-std=c++17', '-w', '-I/usr/include/torch/csrc/api/include', '-o', native, source, '-ltorch', '-ltorch_cpu', '-lc10'], { stdio: 'inherit' });
}

// Both sides run with the same glibc malloc settings. With glibc's defaults
// (dynamic mmap and trim thresholds) a process may hand the ~1 MB of
// activations back to the kernel after every inference and fault it in again
// on the next one: about 250 page faults per inference, 0.3 ms of 2.1 with 1
// thread and 0.5 ms of 1.9 with 2 (the second thread, busy in the same
// address space, makes each trim and fault dearer). Whether a process falls
// into that cycle depends on its heap layout, not on ws: the small native
// program always did, a Node process with the backend before its block cache
// (native/wasi-nn/backends/pytorch/block_cache.cpp) in about half of the
// runs, so the ratio measured which regime each process landed in (2 threads:
// 0.77 to 1.09 between rounds of the same code). Thresholds high enough that
// no process trims make both sides deterministic; they make the native side
// faster, never slower. An explicit GLIBC_TUNABLES in the environment wins.
const mallocTunables = 'glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432';
const env = { ...process.env, GLIBC_TUNABLES: process.env.GLIBC_TUNABLES ?? mallocTunables };

const inferTimes = (stdout) => stdout.trim().split('\n').filter((l) => l.startsWith('infer_ns')).map((l) => Number(l.split(' ')[1]) / 1e6).slice(warmup);

function guestRound(threads) {
  const result = spawnSync(process.execPath, [cli, 'run', '--dir', `/m:${modelDir}`, '--plugin-path', plugins, '--nn-threads', String(threads),
    guest, '/m/bench_cnn.pt', '3', String(runs + warmup), DIMS.join(','), '40'], { encoding: 'utf8', env, maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`guest failed (${result.status}): ${result.stderr}`);
  return inferTimes(result.stdout);
}

function nativeRound(threads) {
  const result = spawnSync(native, [model, String(runs + warmup), String(threads), DIMS.join(',')], { encoding: 'utf8', env, maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`torch-native failed (${result.status}): ${result.stderr}`);
  return inferTimes(result.stdout);
}

const rows = (await compareRounds(threadCounts, rounds, guestRound, nativeRound)).map(
  ({ threads, guest, native, ratio }) => `| ${threads} | ${native.toFixed(3)} | ${guest.toFixed(3)} | ${ratio.toFixed(3)} |`,
);

if (process.env.WS_BENCH_NO_WRITE !== '1') writeSection(
  'wasi_nn (PyTorch)',
  `${machineLine()}; load average ${loadavg()[0].toFixed(2)} at the end (other work shares this machine)

One inference of a small TorchScript CNN (float [1,3,64,64] -> [1,10], conv 3->32 and 32->32 3x3, global
average pool, dense; \`packages/wasi-nn-pytorch/scripts/make_models.py\` BenchCnn): set the input, compute, read
the output. Guest: \`bench_model.wasm\` through \`wasi_ephemeral_nn\` (ws CLI, PyTorch backend on Debian's libtorch
1.13.1), timed inside the guest. Native: \`bench/torch-native.cpp\` on the same libtorch and model, copying the
input into a new tensor and the output out, as the backend does. Same thread count (\`at::set_num_threads\`).
Both processes run with the same \`GLIBC_TUNABLES\` (${env.GLIBC_TUNABLES}): with glibc's
default dynamic thresholds a process may trim the activations' memory after each inference and fault it in again on
the next (about 250 page faults per inference), depending only on its heap layout, which made the ratio swing
between rounds (see the comment in the script).
Medians of ${rounds} alternating rounds x ${runs} runs (${warmup} warm-up runs per round dropped).
Target: ratio (guest / native) <= 1.05.

| threads | native (ms) | guest (ms) | ratio |
|---:|---:|---:|---:|
${rows.join('\n')}

With 2 threads on this 2-CPU machine any other running job takes a CPU from libtorch's OpenMP team and both sides
slow down by a large and varying factor; the 2-thread row is only meaningful on an otherwise idle machine.`,
);
