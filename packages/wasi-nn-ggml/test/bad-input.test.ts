// Bad input for the GGML backend: missing and corrupt models, invalid
// metadata JSON, empty prompts, context overflow and prompts longer than the
// context, small output buffers and unknown handles. Nothing crashes.
import { describe, expect, it } from 'vitest';
import { modelDir, runLlm } from './llm-guest.js';

const longPrompt = (words: number) => `${'Once '.repeat(words)}upon a time`;

describe('GGML backend: bad input', () => {
  it('answers ModelNotFound (103) for a preloaded model file that does not exist', async () => {
    const run = await runLlm(['load_by_name', 'gone', 'load_by_name', 'story'], {
      preloads: [`gone:GGML:AUTO:${modelDir}/no-such-model.gguf`, `story:ggml:cpu:${modelDir}/story.gguf`],
    });
    expect(run.lines).toEqual(['load_by_name 103 -1', 'load_by_name 0 0']);
    expect(run.stderr).toContain('GGML: model file');
  });

  it('refuses corrupt models and non-GGUF bytes with InvalidArgument', async () => {
    const run = await runLlm(['load', 'm/corrupt.gguf', 'load_enc', 'm/corrupt.gguf', '5', 'load', 'm/story.gguf']);
    expect(run.lines).toEqual(['load 1 -1', 'load_enc 1 -1', 'load 0 0']);
    expect(run.stderr).toContain('GGML: llama.cpp could not load the model');
  });

  it('answers InvalidEncoding (2) for metadata that is not a JSON object or has wrongly typed values', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', '{"n-predict": 4', 'load', 'm/story.gguf', '{"ctx-size": "big"}', 'load', 'm/story.gguf', '{"temp": true}',
      'load', 'm/story.gguf', '{"n-predict": 4, "unknown-key": [1, {"a": null}]}', 'init', '0',
      'meta', '0', '{', 'meta', '0', '{"seed": -1}', 'meta', '0', '{} trailing', 'meta', '0', '{"enable-log": 1}',
      'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
    ]);
    expect(run.lines).toEqual([
      'load 2 -1', 'load 2 -1', 'load 2 -1', 'load 0 0', 'init 0 0', 'meta 2', 'meta 2', 'meta 2', 'meta 2',
      'prompt 0', 'compute 0', 'output 0 17 ", there lived one"',
    ]);
  });

  it('refuses a ctx-size beyond the model (no unbounded KV cache) and caps the thread count', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', '{"ctx-size": 1000000000}', 'init', '0', 'load', 'm/story.gguf', 'init', '1',
      'meta', '0', '{"ctx-size": 4294967295}', 'meta', '0', '{"threads": 100000, "n-predict": 3}',
      'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 1 -1', 'load 0 1', 'init 0 0', 'meta 1', 'meta 0', 'prompt 0', 'compute 0', 'output 0 13 ", there lived"']);
    expect(run.stderr).toContain('GGML: ctx-size 1000000000 is larger than this model allows (4096)');
  });

  it('refuses an empty prompt, compute without a prompt and input indexes other than 0 and 1', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', 'init', '0', 'compute', '0', 'compute_single', '0', 'prompt', '0', '', 'output', '0', '2', '64', 'output_single', '0', '2', '64',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'compute 1', 'compute_single 1', 'prompt 1', 'output 1 -1', 'output_single 1 -1']);
  });

  it('answers ContextFull (101) when generation exhausts the context, keeping the text so far', async () => {
    // 254 prompt tokens (with <s>) in a 256-token context leave room for two.
    const run = await runLlm([
      'load', 'm/story.gguf', '{"ctx-size": 256}', 'init', '0', 'prompt', '0', longPrompt(250), 'compute', '0', 'output', '0', '0', '64',
      'fini_single', '0', 'stream', '0', '10',
    ]);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'prompt 0', 'compute 101', 'output 0 7 ", there"', 'fini_single 0', 'stream ,| there -> 101']);
  });

  it('answers PromptTooLong (102) for a prompt that does not fit the context', async () => {
    const run = await runLlm(['load', 'm/story.gguf', '{"ctx-size": 256}', 'init', '0', 'prompt', '0', longPrompt(300), 'compute', '0', 'compute_single', '0']);
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'prompt 0', 'compute 102', 'compute_single 102']);
  });

  it('reports the needed size with TooLarge and writes nothing past the buffer', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0',
      'output', '0', '0', '10', 'output', '0', '0', '0', 'output', '0', '1', '20', 'stream', '0', '0', 'fini_single', '0', 'compute_single', '0', 'compute_single', '0',
      'output_single', '0', '0', '5', 'output_single', '0', '0', '6',
    ]);
    expect(run.lines.slice(4)).toEqual([
      'output 7 56', 'output 7 56', 'output 7 117', 'stream -> 0', 'fini_single 0', 'compute_single 0', 'compute_single 0',
      'output_single 7 6', 'output_single 0 6 " there"',
    ]);
  });

  it('refuses unknown graph and context handles', async () => {
    const run = await runLlm([
      'init', '0', 'prompt', '3', 'x', 'compute', '3', 'compute_single', '3', 'fini_single', '3', 'output', '3', '0', '8',
      'output_single', '3', '0', '8', 'finalize', '3', 'unload', '3',
    ]);
    expect(run.lines).toEqual([
      'init 1 -1', 'prompt 1', 'compute 1', 'compute_single 1', 'fini_single 1', 'output 1 -1', 'output_single 1 -1', 'finalize 1', 'unload 1',
    ]);
  });
});

describe('GGML backend: out-of-range pointers (nn_script guest)', () => {
  it('refuses tensor, prompt and output regions outside guest memory', async () => {
    const { runWithModels } = await import('../../wasi-nn-onnx/test/onnx-guest.js');
    const run = await runWithModels(modelDir, [
      'load', 'm/story.gguf', '6', 'init', '0',
      'set_raw', '0', '0', 'end-8', 'set_fields', '0', '0', 'end-4', '2', '3', '0', '4', 'set_fields', '0', '0', '0', '1', '3', 'end-2', '16',
      'get_raw', '0', '0', 'end-2', '16', '0', 'get_raw', '0', '0', '0', '16', 'end-1', 'get_raw', '0', '1', '0xFFFFFFF0', '64', '0',
      'set', '0', '0', '3', '4', 'u8:79,110,99,101', 'compute', '0', 'get', '0', '0', '64', 'u8',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'set_raw 1', 'set_fields 1', 'set_fields 1', 'get_raw 1', 'get_raw 1', 'get_raw 1',
      // "Once" continues with " upon a time, there lived ...": 68 bytes, more than the 64-byte buffer.
      'set 0', 'compute 0', 'get 7 68 untouched',
    ]);
  });
});
