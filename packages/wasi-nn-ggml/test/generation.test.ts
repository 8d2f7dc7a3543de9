// The GGML backend (encoding 6) on llama.cpp from @node-llama-cpp/linux-x64,
// with the hand-made story model (scripts/tiny-llama.mjs), which continues
// "Once upon a time" with exactly one sentence and then ends the sequence.
import { describe, expect, it } from 'vitest';
import { modelDir, runLlm, STORY, stats } from './llm-guest.js';

const story = `story:GGML:AUTO:${modelDir}/story.gguf`;

describe('GGML backend: generation', () => {
  it('generates the whole continuation with compute and reports token counts at output 1', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0',
      'output', '0', '0', '200', 'output', '0', '1', '200', 'finalize', '0', 'unload', '0',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'prompt 0', 'compute 0', `output 0 56 "${STORY}"`, `output 0 117 "${stats(5, 13)}"`, 'finalize 0', 'unload 0',
    ]);
    expect(run.code).toBe(0);
  });

  it('streams one token per compute_single, ends with EndOfSequence (100), and fini_single starts over', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', 'init', '0', 'output_single', '0', '0', '16', 'prompt', '0', 'Once upon a time',
      'stream', '0', '50', 'output', '0', '0', '200', 'output_single', '0', '1', '200',
      'fini_single', '0', 'output', '0', '0', '200', 'stream', '0', '3', 'compute_single', '0', 'output_single', '0', '0', '16',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'output_single 0 0 ""', 'prompt 0',
      'stream ,| there| lived| one| tiny| robot|.| It| counted| tokens| all| day|! -> 100',
      `output 0 56 "${STORY}"`, `output_single 0 117 "${stats(5, 13)}"`,
      'fini_single 0', 'output 0 0 ""', 'stream ,| there| lived -> 0', 'compute_single 0', 'output_single 0 4 " one"',
    ]);
  });

  it('loads a preloaded model by name; load_by_name_with_config passes metadata (n-predict) as builder 1', async () => {
    const run = await runLlm(
      [
        'load_by_name_with_config', 'story', '{"n-predict": 4, "temp": 0}', 'load_by_name', 'story', 'init', '0',
        'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '200',
      ],
      { preloads: [story] },
    );
    expect(run.lines).toEqual([
      'load_by_name_with_config 0 0', 'load_by_name 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 17 ", there lived one"',
    ]);
  });

  it('applies metadata given to set_input at index 1 to the context', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', '{"n-predict": 1}', 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
      'meta', '0', '{"n-predict": 6, "threads": 1, "top-k": 10, "top-p": 0.5, "repeat-penalty": 1.0, "seed": 7}',
      'compute', '0', 'output', '0', '0', '64', 'meta', '0', '{"n-predict": -1}', 'compute', '0', 'output', '0', '1', '200',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 1 ","', 'meta 0', 'compute 0', 'output 0 28 ", there lived one tiny robot"',
      'meta 0', 'compute 0', `output 0 117 "${stats(5, 13)}"`,
    ]);
  });

  it('continues from any story word and loads with autodetect (5) from the GGUF magic', async () => {
    const run = await runLlm(['load_enc', 'm/story.gguf', '5', 'init', '0', 'prompt', '0', 'It counted', 'compute', '0', 'output', '0', '0', '64']);
    expect(run.lines).toEqual(['load_enc 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 16 " tokens all day!"']);
  });

  it('drains a context after unload; a reloaded graph gets a new id', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', 'init', '0', 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'unload', '0',
      'output', '0', '0', '200', 'compute', '1', 'compute_single', '1', 'fini_single', '1', 'init', '0', 'unload', '0',
      'finalize', '0', 'finalize', '1', 'finalize', '1', 'load', 'm/story.gguf',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'init 0 1', 'prompt 0', 'compute 0', 'unload 0', `output 0 56 "${STORY}"`,
      'compute 1', 'compute_single 1', 'fini_single 0', 'init 1 -1', 'unload 1', 'finalize 0', 'finalize 0', 'finalize 1', 'load 0 1',
    ]);
  });
});
