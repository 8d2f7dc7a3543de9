// Every metadata key WasmEdge's GGML parser reads
// (plugins/wasi_nn/GGML/metadata/metadata_parser.cpp) is known here with
// WasmEdge's type: integers (simdjson get<int64_t>: no fraction or exponent),
// numbers, bools and strings. A value of that type is accepted (keys this
// backend cannot use change nothing), a value of another type is
// InvalidEncoding (2) as for every known key in ws (WasmEdge answers
// InvalidArgument), and unknown keys are ignored.
import { describe, expect, it } from 'vitest';
import { meta, runLlm, STORY } from './llm-guest.js';

const integers = [
  'ctx-size', 'batch-size', 'n-predict', 'threads', 'top-k', 'seed', 'embd-normalize', 'n-gpu-layers', 'main-gpu',
  'n-cpu-moe', 'ubatch-size', 'n-keep', 'n-chunks', 'n-parallel', 'n-sequences', 'grp-attn-n', 'grp-attn-w', 'n-print',
  'yarn-orig-ctx', 'priority', 'poll', 'priority-batch', 'poll-batch', 'numa', 'rope-scaling-type', 'pooling-type',
  'attention-type', 'threads-batch', 'n-prev', 'n-probs', 'min-keep', 'last-n-penalty', 'dry-allowed-length',
  'dry-last-n-penalty', 'mirostat', 'n-max-speculative', 'n-min-speculative', 'n-gpu-layers-speculative', 'verbosity',
  'control-vector-layer-start', 'control-vector-layer-end', 'ppl-stride', 'ppl-output-type', 'cache-type-k',
  'cache-type-v', 'port', 'timeout-read', 'timeout-write', 'n-threads-http', 'n-cache-reuse', 'n-pp', 'n-tg', 'n-pl',
  'chunk-size', 'n-junk', 'i-pos', 'n-out-freq', 'n-save-freq', 'i-chunk', 'n-pca-batch', 'n-pca-iterations',
  'hellaswag-tasks', 'winogrande-tasks', 'multiple-choice-tasks',
];
const numbers = [
  'temp', 'top-p', 'repeat-penalty', 'presence-penalty', 'frequency-penalty', 'rope-freq-base', 'rope-freq-scale',
  'yarn-ext-factor', 'yarn-attn-factor', 'yarn-beta-fast', 'yarn-beta-slow', 'min-p', 'xtc-probability', 'xtc-threshold',
  'typ-p', 'dynatemp-range', 'dynatemp-exponent', 'dry-multipier', 'dry-base', 'mirostat-eta', 'p-split-speculative',
  'p-min-speculative', 'slot-prompt-similarity',
];
const bools = [
  'enable-log', 'stream-stdout', 'embedding', 'enable-debug-log', 'cpu-moe', 'mask-valid', 'strict-cpu',
  'mask-valid-batch', 'strict-cpu-batch', 'always-regenerate-image-embd', 'ignore-eos', 'no-perf-sampling',
  'timing-per-token', 'lora-init-without-apply', 'hellaswag', 'winogrande', 'multiple-choice', 'kl-divergence', 'usage',
  'use-color', 'special', 'interactive', 'interactive-first', 'prompt-cache-all', 'prompt-cache-ro', 'escape',
  'multiline-input', 'simple-io', 'cont-batching', 'no-perf', 'ctx-shift', 'input-prefix-bos', 'use-mlock', 'use-mmap',
  'verbose-prompt', 'display-prompt', 'no-kv-offload', 'warmup', 'check-tensors', 'reranking', 'enable-chat-template',
  'webui', 'endpoint-slots', 'endpoint-props', 'endpoint-metrics', 'log-json', 'is-pp-shared', 'process-output',
  'compute-ppl', 'spm-infill', 'batched-bench-output-jsonl', 'tts',
];
const strings = [
  'grammar', 'reverse-prompt', 'mmproj', 'image', 'tensor-split', 'split-mode', 'model-vocoder', 'tts-output-file',
  'tts-speaker-file', 'hf-repo-vocoder', 'hf-file-vocoder', 'model-url-vocoder', 'model-alias', 'model-url', 'hf-token',
  'hf-repo', 'hf-file', 'prompt-file', 'path-prompt-cache', 'input-prefix', 'input-suffix', 'lookup-cache-static',
  'lookup-cache-dynamic', 'logits-file', 'flash-attn', 'load-mode', 'embd-out', 'embd-sep', 'hostname', 'public-path',
  'chat-template', 'ssl-file-key', 'ssl-file-cert', 'slot-save-path', 'context-files', 'chunk-separator', 'out-file',
  'cvector-dimre-method', 'cvector-positive-file', 'cvector-negative-file',
];

/** A value of the key's type that leaves the story's generation as it is. */
function neutral(key: string, type: 'integer' | 'number' | 'bool' | 'string'): unknown {
  const own: Record<string, unknown> = {
    'ctx-size': 0, 'batch-size': 512, 'n-predict': -1, threads: 1, 'top-k': 40, seed: 42, 'embd-normalize': 2,
    temp: 0.8, 'top-p': 0.95, 'repeat-penalty': 1.1, 'presence-penalty': 0, 'frequency-penalty': 0,
  };
  if (key in own) return own[key];
  return { integer: 1, number: 0.5, bool: false, string: '' }[type];
}

const typed = [
  ...integers.map((key) => [key, 'integer'] as const), ...numbers.map((key) => [key, 'number'] as const),
  ...bools.map((key) => [key, 'bool'] as const), ...strings.map((key) => [key, 'string'] as const),
];

describe('GGML backend: WasmEdge metadata keys', () => {
  it('accepts every key WasmEdge reads, with a value of its type, all in one object', async () => {
    const all = Object.fromEntries(typed.map(([key, type]) => [key, neutral(key, type)]));
    const run = await runLlm(['load', 'm/story.gguf', meta(all), 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64']);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'prompt 0', 'compute 0', `output 0 56 "${STORY}"`]);
  });

  it('answers InvalidEncoding (2) for each key given a value of another type', async () => {
    const wrong = { integer: 1.5, number: '1', bool: 1, string: 5 } as const;
    const script = ['load', 'm/story.gguf', 'init', '0'];
    for (const [key, type] of typed) script.push('meta', '0', meta({ [key]: wrong[type] }));
    // An integer written with an exponent is a double for simdjson, and so for ws.
    script.push('meta', '0', '{"n-keep": 1e2}', 'meta', '0', '{"n-gpu-layers": -1, "unknown-key": {"a": [1]}, "top-p": 1}');
    const run = await runLlm(script);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', ...typed.map(() => 'meta 2'), 'meta 2', 'meta 0']);
  });

  it("takes the first value of a key given twice, as simdjson's at_key finds it in WasmEdge", async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', '{"n-predict": 3, "n-predict": 5}', 'init', '0', 'prompt', '0', 'Once upon a time',
      'compute', '0', 'output', '0', '0', '64',
      'meta', '0', '{"n-predict": -1, "n-predict": "later ones are not even read", "reverse-prompt": " there", "reverse-prompt": 7}',
      'compute', '0', 'output', '0', '0', '64',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 13 ", there lived"', 'meta 0', 'compute 0', 'output 0 7 ", there"',
    ]);
  });

  it('accepts n-gpu-layers and says on stderr that this build runs on the CPU only', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ 'n-gpu-layers': 99 }), 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'prompt 0', 'compute 0', `output 0 56 "${STORY}"`]);
    expect(run.stderr).toContain('"n-gpu-layers": 99 has no effect: this build runs llama.cpp on the CPU only.');
    const quiet = await runLlm(['load', 'm/story.gguf', meta({ 'n-gpu-layers': 0 }), 'load', 'm/story.gguf', meta({ 'n-gpu-layers': 9 })], {
      cliArgs: ['--log-level', 'error'],
    });
    expect(quiet.lines).toEqual(['load 0 0', 'load 0 1']);
    expect(quiet.stderr).not.toContain('n-gpu-layers');
  });

  it('refuses "tts": true (text to speech) with InvalidArgument (1) and a reason', async () => {
    const run = await runLlm(['load', 'm/story.gguf', meta({ tts: true }), 'load', 'm/story.gguf', meta({ tts: false })]);
    expect(run.lines).toEqual(['load 1 -1', 'load 0 0']);
    expect(run.stderr).toContain('"tts": true (text to speech) needs a vocoder model');
  });
});
