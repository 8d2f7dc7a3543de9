#!/usr/bin/env node
// wasi_nn (GGML) benchmark: text generation speed (tokens per second) with a
// llama-architecture GGUF of random weights (packages/wasi-nn-ggml/scripts/
// tiny-llama.mjs benchModel: 6 layers, width 384, ~11 M parameters, F32),
// greedy decoding of N tokens after the same prompt,
//   (a) from a guest through wasi_ephemeral_nn compute (ws CLI; the GGML
//       backend on libllama from @node-llama-cpp/linux-x64), timed inside the guest, vs
//   (b) node-llama-cpp's own API (LlamaContextSequence.evaluate) on the same
//       libllama, model, context size, batch size and threads, in this process,
// in alternating rounds; medians and the ratio. Replaces the "## wasi_nn
// (GGML)" section of bench/RESULTS.md. No assertions.
// Usage: node bench/wasi-nn-ggml.bench.mjs [tokens=128] [rounds=5] [threads=1,2]
// Needs: node scripts/build-native.mjs; pnpm --filter @ws/core --filter @ws/wasi-nn-ggml build
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { getLlama } from 'node-llama-cpp';
import { machineLine, root, writeSection } from './results.mjs';
import { compareRounds, requireFiles } from './wasi-nn-compare.mjs';

const tokens = Number(process.argv[2] ?? 128);
const rounds = Number(process.argv[3] ?? 5);
const threadCounts = (process.argv[4] ?? '1,2').split(',').map(Number);
const PROMPT = 'Once upon a time';
const CONTEXT = 1024;
const BATCH = 512;

const packageDir = join(root, 'packages', 'wasi-nn-ggml');
const model = join(packageDir, 'test-models', 'build', 'bench.gguf');
const cli = join(root, 'packages', 'core', 'dist', 'cli', 'main.js');
const plugins = process.env.WS_NN_PLUGIN_DIR ?? join(root, 'native', 'build', 'plugins');
const guest = join(packageDir, 'guests', 'build', 'bench_generate.wasm');
requireFiles([['ws CLI', cli], ['plug-ins', plugins], ['guest', guest], ['model', model]]);


/** Tokens per second of each generation in one guest process (the first, warm-up, dropped). */
function guestRound(threads) {
  const config = JSON.stringify({ 'n-predict': tokens, temp: 0, 'repeat-penalty': 1.0, 'ctx-size': CONTEXT, 'batch-size': BATCH, threads });
  const result = spawnSync(process.execPath, [cli, 'run', '--plugin-path', plugins, '--nn-preload', `bench:GGML:AUTO:${model}`, guest, '4', PROMPT, config], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`guest failed (${result.status}): ${result.stderr}`);
  return result.stdout.trim().split('\n').slice(1).map((line) => {
    const [, ns, , count] = line.split(' ');
    if (Number(count) !== tokens) throw new Error(`guest generated ${count} tokens, not ${tokens}`);
    return Number(count) / (Number(ns) / 1e9);
  });
}

const llama = await getLlama({ gpu: false, build: 'never', logLevel: 'error', progressLogs: false });
const llamaModel = await llama.loadModel({ modelPath: model });

async function nativeRound(threads) {
  const context = await llamaModel.createContext({ contextSize: CONTEXT, batchSize: BATCH, threads, sequences: 1 });
  const sequence = context.getSequence();
  const prompt = llamaModel.tokenize(PROMPT, true);
  const speeds = [];
  for (let generation = 0; generation < 4; generation++) {
    await sequence.clearHistory();
    const start = process.hrtime.bigint();
    let count = 0;
    for await (const token of sequence.evaluate(prompt, { temperature: 0 })) {
      void token;
      if (++count >= tokens) break;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (generation > 0) speeds.push(count / seconds);
  }
  await context.dispose();
  return speeds;
}

const rows = (await compareRounds(threadCounts, rounds, guestRound, nativeRound)).map(
  ({ threads, guest, native, ratio }) => `| ${threads} | ${native.toFixed(1)} | ${guest.toFixed(1)} | ${ratio.toFixed(3)} |`,
);
await llamaModel.dispose();
await llama.dispose();

writeSection(
  'wasi_nn (GGML)',
  `${machineLine()}; load average ${loadavg()[0].toFixed(2)} at the end (other work shares this machine)

Greedy generation of ${tokens} tokens after the prompt "${PROMPT}" with a llama-architecture GGUF of random
weights (6 layers, width 384, ~11 M F32 parameters; \`packages/wasi-nn-ggml/scripts/tiny-llama.mjs\`
benchModel, which never emits end-of-sequence), prompt evaluation included, context ${CONTEXT}, batch ${BATCH}.
Guest: \`bench_generate.wasm\` calling \`compute\` through \`wasi_ephemeral_nn\` (ws CLI, GGML backend on the libllama
of @node-llama-cpp/linux-x64 3.22.1), timed inside the guest. Native: node-llama-cpp 3.22.1's own API
(\`LlamaContextSequence.evaluate\`, temperature 0) on the same libllama, model, context, batch and threads.
Medians over ${rounds} alternating rounds x 3 generations (one warm-up generation per round dropped).
Target: ratio (guest / node-llama-cpp tokens per second) >= 0.95.

| threads | node-llama-cpp (tok/s) | guest (tok/s) | ratio |
|---:|---:|---:|---:|
${rows.join('\n')}

Both sides run the same decode loop in libllama (one \`llama_decode\` per token); the guest's only extra work
per token is appending the token's text to the output buffer (copied to guest memory once, at get_output).

With 2 threads on this 2-CPU machine shared with other jobs, ggml's worker threads spin-wait against the other
load and both sides slow down by a factor of about 60; the 2-thread row then measures that contention, not ws.
The 1-thread row is the meaningful comparison here.`,
);
