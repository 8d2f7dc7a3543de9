// The example streams the story model's continuation token by token, then
// generates the same text with compute, and reports the token counts.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(exampleDir, '..', '..');
const plugins = process.env.WS_NN_PLUGIN_DIR ?? join(root, 'native', 'build', 'plugins');

function tellStory(...args: string[]): string[] {
  return execFileSync(
    process.execPath,
    [join(root, 'packages', 'core', 'dist', 'cli', 'main.js'), 'run', '--plugin-path', plugins, '--nn-preload', 'story:GGML:AUTO:build/story.gguf',
      'guests/build/tell_story.wasm', ...args],
    { cwd: exampleDir, encoding: 'utf8' },
  ).trim().split('\n');
}

describe('examples/wasi-nn-ggml', () => {
  it('streams the tokens, then prints the whole story and the token counts', () => {
    expect(tellStory('Once upon a time')).toEqual([
      'prompt: Once upon a time',
      'streamed: [,] [ there] [ lived] [ one] [ tiny] [ robot] [.] [ It] [ counted] [ tokens] [ all] [ day] [!]',
      '13 tokens, then end of sequence',
      'story: Once upon a time, there lived one tiny robot. It counted tokens all day!',
      'stats: {"input_tokens": 5, "output_tokens": 13, "llama_build_number": 0, "llama_commit": "@node-llama-cpp/linux-x64 3.22.1"}',
    ]);
  });

  it('stops after n-predict tokens', () => {
    expect(tellStory('It counted', '{"n-predict": 2}').slice(1, 4)).toEqual([
      'streamed: [ tokens] [ all]', '2 tokens, then end of sequence', 'story: It counted tokens all',
    ]);
  });
});
