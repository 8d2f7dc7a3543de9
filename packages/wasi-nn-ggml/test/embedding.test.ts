// Metadata "embedding": true: compute produces the prompt's embedding, laid
// out as WasmEdge's getEmbedding writes it ({"n_embedding": N, "embedding":
// [...]}, each value with 10 significant digits), normalized as
// "embd-normalize" says (default 2: euclidean). bench.gguf has random weights
// and n_embd 384 (scripts/tiny-llama.mjs); it has no pooling, so the vector is
// the last prompt token's hidden state, as in WasmEdge.
import { describe, expect, it } from 'vitest';
import { directEmbedding } from './direct-llama.js';
import { meta, modelDir, runLlm, stats } from './llm-guest.js';

const N_EMBD = 384;
// bench.gguf (43 MB) is preloaded by path, as a guest with a real model would do.
const bench = { preloads: [`bench:GGML:AUTO:${modelDir}/bench.gguf`] };
const runBench = (script: string[]) => runLlm(script, bench);

/** The embedding JSON of an `output CTX 0 MAX` line. */
function embeddingOf(line: string): { n_embedding: number; embedding: number[] } {
  const match = /^output 0 (\d+) "(.*)"$/.exec(line);
  if (!match) throw new Error(`not a successful output line: ${line}`);
  expect(match[2].length).toBe(Number(match[1]));
  return JSON.parse(match[2]);
}

const norm = (vector: number[]) => Math.hypot(...vector);

/** Equal within float32 rounding (the backend scales in single precision). */
function expectNear(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.abs(expected) + 1e-12);
}

describe('GGML backend: embedding', () => {
  it('computes the embedding with exactly n_embd values, L2-normalized, the same on every run', async () => {
    const script = [
      'load_by_name_with_config', 'bench', meta({ embedding: true }), 'init', '0', 'prompt', '0', 'Once upon a time',
      'compute', '0', 'output', '0', '0', '100000', 'output', '0', '1', '200', 'compute', '0', 'output', '0', '0', '100000',
    ];
    const [first, second] = await Promise.all([runBench(script), runBench(script)]);
    expect(first.lines.slice(0, 4)).toEqual(['load_by_name_with_config 0 0', 'init 0 0', 'prompt 0', 'compute 0']);
    const result = embeddingOf(first.lines[4]);
    expect(result.n_embedding).toBe(N_EMBD);
    expect(result.embedding).toHaveLength(N_EMBD);
    expect(first.lines[4]).toMatch(/^output 0 \d+ "\{"n_embedding": 384, "embedding": \[-?\d/);
    expect(norm(result.embedding)).toBeCloseTo(1, 6);
    expect(new Set(result.embedding).size).toBeGreaterThan(N_EMBD / 2); // not a degenerate vector
    // output 1: the prompt's tokens and no generated ones, as WasmEdge counts them.
    expect(first.lines[5]).toBe(`output 0 116 "${stats(5, 0)}"`);
    // A second compute, and another process, give the same text byte for byte.
    expect(first.lines[6]).toBe('compute 0');
    expect(first.lines[7]).toBe(first.lines[4]);
    expect(second.lines).toEqual(first.lines);
  });

  it('gives a different vector for a different prompt, and text again once set_input(1) turns it off', async () => {
    const run = await runBench([
      'load_by_name_with_config', 'bench', meta({ embedding: true }), 'init', '0',
      'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '100000',
      'prompt', '0', 'It counted tokens', 'compute', '0', 'output', '0', '0', '100000',
      'load', 'm/story.gguf', 'init', '1', 'prompt', '1', 'Once upon a time',
      'meta', '1', meta({ embedding: true }), 'compute', '1', 'output', '1', '0', '100000',
      'meta', '1', meta({ embedding: false, 'n-predict': 3 }), 'compute', '1', 'output', '1', '0', '100',
    ]);
    const a = embeddingOf(run.lines[4]).embedding;
    const b = embeddingOf(run.lines[7]).embedding;
    expect(b).toHaveLength(N_EMBD);
    expect(b).not.toEqual(a);
    const cosine = a.reduce((sum, value, index) => sum + value * b[index], 0);
    expect(cosine).toBeLessThan(0.999);
    // story.gguf: n_embd 32; its hand-set weights make the last hidden state one-hot.
    expect(run.lines.slice(8)).toEqual([
      'load 0 1', 'init 0 1', 'prompt 0', 'meta 0', 'compute 0',
      `output 0 99 "{"n_embedding": 32, "embedding": [${[0, 0, 0, 1, ...Array(28).fill(0)].join(',')}]}"`,
      'meta 0', 'compute 0', 'output 0 13 ", there lived"',
    ]);
  });

  it('normalizes as embd-normalize says: -1 none, 0 max-absolute to 32760, 1 taxicab, 2 euclidean', async () => {
    const run = await runBench([
      'load_by_name_with_config', 'bench', meta({ embedding: true, 'embd-normalize': -1 }), 'init', '0', 'prompt', '0', 'Once upon a time',
      'compute', '0', 'output', '0', '0', '100000',
      'meta', '0', meta({ 'embd-normalize': 0 }), 'compute', '0', 'output', '0', '0', '100000',
      'meta', '0', meta({ 'embd-normalize': 1 }), 'compute', '0', 'output', '0', '0', '100000',
      'meta', '0', meta({ 'embd-normalize': 2 }), 'compute', '0', 'output', '0', '0', '100000',
    ]);
    const raw = embeddingOf(run.lines[4]).embedding;
    const [maxAbsolute, taxicab, euclidean] = [7, 10, 13].map((line) => embeddingOf(run.lines[line]).embedding);
    expect(norm(raw)).not.toBeCloseTo(1, 2);
    const largest = Math.max(...raw.map(Math.abs));
    const sum = raw.reduce((total, value) => total + Math.abs(value), 0);
    raw.forEach((value, index) => {
      expectNear(maxAbsolute[index], (value / largest) * 32760);
      expectNear(taxicab[index], value / sum);
      expectNear(euclidean[index], value / norm(raw));
    });
    expectNear(Math.max(...maxAbsolute.map(Math.abs)), 32760);
  });

  it('matches libllama called directly (no ws code): the raw vector, and its euclidean normalization', async () => {
    const run = await runBench([
      'load_by_name_with_config', 'bench', meta({ embedding: true, 'embd-normalize': -1 }), 'init', '0',
      'prompt', '0', 'It counted tokens all day', 'compute', '0', 'output', '0', '0', '100000',
      'meta', '0', meta({ 'embd-normalize': 2 }), 'compute', '0', 'output', '0', '0', '100000',
    ]);
    const raw = embeddingOf(run.lines[4]).embedding;
    const euclidean = embeddingOf(run.lines[7]).embedding;
    const direct = directEmbedding(`${modelDir}/bench.gguf`, 'It counted tokens all day');
    expect(direct).toHaveLength(N_EMBD);
    direct.forEach((value, index) => expectNear(raw[index], value));
    // common_embd_normalize: the sum of float squares in double, then one float scale.
    const scale = Math.fround(1 / Math.sqrt(direct.reduce((sum, value) => sum + Math.fround(value * value), 0)));
    direct.forEach((value, index) => expectNear(euclidean[index], Math.fround(value * scale)));
  });

  it('is PromptTooLong (102) when the prompt has more tokens than batch-size, as in WasmEdge', async () => {
    const run = await runBench([
      'load_by_name_with_config', 'bench', meta({ embedding: true, 'batch-size': 4 }), 'init', '0', 'prompt', '0', 'Once upon a time',
      'compute', '0', 'meta', '0', meta({ 'batch-size': 8 }), 'compute', '0', 'output', '0', '0', '20',
    ]);
    expect(run.lines.slice(0, 6)).toEqual(['load_by_name_with_config 0 0', 'init 0 0', 'prompt 0', 'compute 102', 'meta 0', 'compute 0']);
    expect(run.lines[6]).toMatch(/^output 7 \d+$/); // the embedding does not fit 20 bytes: TooLarge with the size
    expect(run.stderr).toContain('more than the batch size (4)');
  });

  it('answers InvalidEncoding (2) for a wrongly typed embedding or embd-normalize', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ embedding: 'yes' }), 'load', 'm/story.gguf', meta({ embedding: 1 }),
      'load', 'm/story.gguf', meta({ 'embd-normalize': 2.5 }), 'load', 'm/story.gguf', meta({ 'embd-normalize': '2' }),
      'load', 'm/story.gguf', 'init', '0', 'meta', '0', meta({ embedding: null }), 'prompt', '0', 'Once upon a time',
      'compute', '0', 'output', '0', '0', '100',
    ]);
    expect(run.lines).toEqual([
      'load 2 -1', 'load 2 -1', 'load 2 -1', 'load 2 -1', 'load 0 0', 'init 0 0', 'meta 2', 'prompt 0', 'compute 0',
      `output 0 56 ", there lived one tiny robot. It counted tokens all day!"`,
    ]);
  });
});
