// Findings of the fuzz harnesses (docs/fuzzing.md), replayed through the
// ordinary build (native/build) from Node. Each runs in a child process, so
// that a regression is a dead child, not a dead test worker.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const models = join(root, 'native', 'fuzz', 'models');

function replay(script: string, model: string) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script, join(models, model)], {
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
}

/** Module code: prints what both create_session functions of wasmedge_tensorflowlite return for the model at argv[1]. */
const tfliteCreateSession = `
  const { createTensorflowLiteModule } = await import(${JSON.stringify(join(root, 'packages/tensorflow/dist/index.js'))});
  const tflite = createTensorflowLiteModule();
  const memory = new WebAssembly.Memory({ initial: 1 });
  const f = tflite.bind(memory);
  const model = readFileSync(process.argv[1]);
  new Uint8Array(memory.buffer).set(model, 1024);
  console.log(f.create_session(1024, model.length, 0), f.wasmedge_tensorflowlite_create_session(1024, model.length));
  tflite.dispose();`;

// A TFLite model whose ADD operator has no `inputs` and no `outputs` vector:
// TFLite's flatbuffer verifier accepts it and TfLiteInterpreterCreate then
// dereferences the missing vector (SIGSEGV). Corpus: native/fuzz/corpus/wasi_nn/crash-operator-without-io.
describe('a TFLite operator without inputs/outputs (fuzz_wasi_nn finding)', () => {
  it('wasi_nn load refuses it with InvalidArgument; the well-formed model still loads', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      const { loadGraph } = await import(${JSON.stringify(join(root, 'packages/wasi-nn/dist/index.js'))});
      try { await loadGraph(readFileSync(process.argv[1]), 'tflite'); console.log('loaded'); }
      catch (error) { console.log('refused:', error.code, error.message.split('. ')[0]); }
      const good = await loadGraph(readFileSync(${JSON.stringify(join(models, 'add_f32.tflite'))}), 'tflite');
      console.log('good: loaded');
      good.dispose();`;
    const result = replay(script, 'operator-without-io.tflite');
    expect(result.signal, result.stderr).toBe(null);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('refused: WS_NN_CALL_FAILED wasi_ephemeral_nn.load failed with InvalidArgument (1)\ngood: loaded\n');
  });

  it('wasmedge_tensorflowlite create_session returns InvalidArgument (1), current and legacy', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      ${tfliteCreateSession}`;
    const result = replay(script, 'operator-without-io.tflite');
    expect(result.signal, result.stderr).toBe(null);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('1 0n\n');
  });
});

// The same model with its first tensor reshaped to [134217729, 4] f32 (2 GiB):
// creating the interpreter made TFLite allocate gigabytes. Refused: the
// tensors of a model may declare 2 GiB together at most.
// Corpus: native/fuzz/corpus/tensorflowlite/oom-huge-tensor.
describe('a TFLite model declaring a 2 GiB tensor (fuzz_tensorflowlite finding)', () => {
  it('wasmedge_tensorflowlite refuses it (1 / legacy handle 0); wasi_nn load refuses it', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      const { loadGraph } = await import(${JSON.stringify(join(root, 'packages/wasi-nn/dist/index.js'))});
      ${tfliteCreateSession}
      try { await loadGraph(model, 'tflite'); console.log('loaded'); }
      catch (error) { console.log('refused:', error.code); }`;
    const result = replay(script, 'huge-tensor.tflite');
    expect(result.signal, result.stderr).toBe(null);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('1 0n\nrefused: WS_NN_CALL_FAILED\n');
  });
});
