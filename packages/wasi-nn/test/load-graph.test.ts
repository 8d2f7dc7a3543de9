// The TypeScript helper: loadGraph(bytes, 'tflite').compute(inputs), through
// the real plug-in and TFLite, no guest involved.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGraph, WasiNnError } from '../src/index.js';
import { faceModel, models, packageDir } from './run-guest.js';

const model = (file: string) => readFileSync(join(models, file));
const floats = (bytes: Uint8Array) => [...new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)];

describe('loadGraph', () => {
  it('works in a fresh process run outside the repository, without Plugin.loadWithDefaultPaths()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-wasi-nn-helper-'));
    const entry = pathToFileURL(join(packageDir, 'dist', 'index.js')).href;
    writeFileSync(
      join(dir, 'main.mjs'),
      `import { readFileSync } from 'node:fs';
import { loadGraph } from ${JSON.stringify(entry)};
const graph = await loadGraph(readFileSync(process.argv[2]), 'tflite', { threads: 1 });
const [output] = graph.compute([new Float32Array([1, 2, 3, 4])]);
console.log([...new Float32Array(output.buffer, output.byteOffset, output.byteLength / 4)].join(','));
graph.dispose();
`,
    );
    const env = { ...process.env };
    delete env.WS_WASI_NN_LIBRARY;
    delete env.NODE_PATH; // pnpm's bin shims point it at the workspace's hoisted packages
    const result = spawnSync(process.execPath, ['main.mjs', join(models, 'add_f32.tflite')], { cwd: dir, encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('2,4,6,8\n');
    expect(result.status).toBe(0);
  });

  it('computes a float model from a typed array', async () => {
    const graph = await loadGraph(model('add_f32.tflite'), 'tflite', { threads: 1 });
    const [output] = graph.compute([new Float32Array([1, 2, 3, 4])]);
    expect(floats(output!)).toEqual([2, 4, 6, 8]);
    expect(floats(graph.compute([{ data: new Float32Array([0.5, 0, -1, 10]), dims: [1, 4] }])[0]!)).toEqual([1.5, 2, 2, 14]);
    graph.dispose();
    expect(() => graph.compute([new Float32Array(4)])).toThrow(/disposed/);
  });

  it('returns every output, in order', async () => {
    const graph = await loadGraph(model('two_outputs.tflite'), 'TensorflowLite');
    const outputs = graph.compute([new Float32Array([1, 2, 3])]);
    expect(outputs.map(floats)).toEqual([[3, 4, 5], [2, 4, 6]]);
    graph.dispose();
  });

  it('maps typed arrays to tensor types (Uint8Array -> U8, Int32Array -> I32)', async () => {
    const u8 = await loadGraph(model('cast_u8.tflite'));
    expect(floats(u8.compute([new Uint8Array([0, 1, 128, 255])])[0]!)).toEqual([0, 1, 128, 255]);
    u8.dispose();
    const i32 = await loadGraph(model('add_i32.tflite'));
    const [sum] = i32.compute([new Int32Array([1, 1, 1, 1])]);
    expect([...new Int32Array(sum!.buffer)]).toEqual([101, 201, 301, 401]);
    i32.dispose();
  });

  it('runs the MediaPipe face detector and returns both of its outputs', async () => {
    const graph = await loadGraph(readFileSync(faceModel));
    const outputs = graph.compute([{ data: new Float32Array(128 * 128 * 3), dims: [1, 128, 128, 3] }]);
    expect(outputs.map((o) => o.byteLength)).toEqual([896 * 16 * 4, 896 * 4]);
    graph.dispose();
  });

  it('throws WasiNnError with the errno for bad models and bad inputs', async () => {
    await expect(loadGraph(model('noise.tflite'))).rejects.toMatchObject({ code: 'WS_NN_CALL_FAILED', errno: 1 });
    await expect(loadGraph(new Uint8Array(0))).rejects.toThrow(/wasi_ephemeral_nn.load failed with InvalidArgument \(1\)/);
    await expect(loadGraph(model('add_f32.tflite'), 'tflite', { target: 'GPU' })).rejects.toBeInstanceOf(WasiNnError);
    // Autodetect picks the backend from the bytes; bytes of no known format are InvalidEncoding.
    await expect(loadGraph(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 'Autodetect')).rejects.toMatchObject({ errno: 2 });
    const graph = await loadGraph(model('add_f32.tflite'));
    expect(() => graph.compute([new Float32Array(3)])).toThrow(/set_input failed with InvalidArgument \(1\)\. Input 0 \(F32, dims \[3\], 12 bytes\)/);
    expect(() => graph.compute([])).toThrow(/compute failed with InvalidArgument/);
    graph.dispose();
  });
});
