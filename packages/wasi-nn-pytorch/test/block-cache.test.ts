// The backend's libtorch CPU allocator keeps freed blocks of 16 KiB and more
// for reuse (native/wasi-nn/backends/pytorch/block_cache.cpp). The benchmark
// CNN on a [1,3,16,16] image has 32 KiB activations, so every compute after
// the first runs on reused blocks: results must not depend on what a block
// held before, on which context used it, or on the cache being dropped when
// the last graph and context are gone.
import { describe, expect, it } from 'vitest';
import { libtorchPresent, PYTORCH, runTorch } from './torch-guest.js';

const image = (seed: number) => `f32:${Array.from({ length: 3 * 16 * 16 }, (_, i) => ((i * seed) % 97) / 97).join(',')}`;
const set = (context: number, seed: number) => ['set', String(context), '0', '1', '1,3,16,16', image(seed)];
const infer = (context: number, seed: number) => [...set(context, seed), 'compute', String(context), 'get', String(context), '0', '40', 'f32'];
const outputs = (lines: string[]) => lines.filter((line) => line.startsWith('get '));

describe.runIf(libtorchPresent)('PyTorch backend block cache', () => {
  it('gives the same outputs on reused blocks, across contexts and after the cache is dropped', async () => {
    const run = await runTorch([
      'load', 'm/bench_cnn.pt', PYTORCH, 'init', '0', 'init', '0',
      ...infer(0, 3), ...infer(0, 7), ...infer(1, 3), ...infer(0, 7), ...infer(1, 7), ...infer(0, 3),
      'finalize', '0', 'finalize', '1', 'unload', '0',
      'load', 'm/bench_cnn.pt', PYTORCH, 'init', '1', ...infer(2, 7), ...infer(2, 3),
    ]);
    const results = outputs(run.lines);
    expect(results).toHaveLength(8);
    for (const line of results) expect(line).toMatch(/^get 0 40 ok( -?\d[\d.e+-]*){10}$/);
    const [a, b] = results;
    expect(a).not.toBe(b);
    expect(results).toEqual([a, b, a, b, b, a, b, a]);
    expect(run.lines).toContain('unload 0');
  });
});
