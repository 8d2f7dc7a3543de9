// Metadata "reverse-prompt": generation stops once the generated text
// contains it. As in WasmEdge the stop text stays in the output (a guest that
// wants it gone strips it) and compute returns Success; ws also ends a
// compute_single stream there (EndOfSequence on the call after the token that
// completed it), where WasmEdge leaves the check to the guest.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta, runLlm, STORY, stats } from './llm-guest.js';


describe('GGML backend: reverse-prompt', () => {
  it('stops compute and compute_single after the token that completes it, keeping it in the output', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ 'reverse-prompt': ' robot' }), 'init', '0', 'prompt', '0', 'Once upon a time',
      'compute', '0', 'output', '0', '0', '64', 'output', '0', '1', '200', 'stream', '0', '20', 'output', '0', '0', '64', 'compute_single', '0',
      'fini_single', '0', 'stream', '0', '3', 'stream', '0', '20',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 28 ", there lived one tiny robot"', `output 0 116 "${stats(5, 6)}"`,
      'stream ,| there| lived| one| tiny| robot -> 100', 'output 0 28 ", there lived one tiny robot"', 'compute_single 100',
      'fini_single 0', 'stream ,| there| lived -> 0', 'stream  one| tiny| robot -> 100',
    ]);
  });

  it('finds a stop text that spans tokens or ends inside one, and only in generated text (not in the prompt)', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', meta({ 'reverse-prompt': 'ny rob' }), 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
      'meta', '0', meta({ 'reverse-prompt': 'ther' }), 'compute', '0', 'output', '0', '0', '64',
      'meta', '0', meta({ 'reverse-prompt': 'upon' }), 'compute', '0', 'output', '0', '0', '64',
      'meta', '0', meta({ 'reverse-prompt': ',' }), 'compute', '0', 'output', '0', '0', '64', 'fini_single', '0', 'stream', '0', '5',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'prompt 0', 'compute 0', 'output 0 28 ", there lived one tiny robot"',
      'meta 0', 'compute 0', 'output 0 7 ", there"', 'meta 0', 'compute 0', `output 0 56 "${STORY}"`,
      'meta 0', 'compute 0', 'output 0 1 ","', 'fini_single 0', 'stream , -> 100',
    ]);
  });

  it('is per context, and "" (or a text never generated) turns it off; n-predict still applies first', async () => {
    const run = await runLlm([
      'load', 'm/story.gguf', 'init', '0', 'init', '0', 'prompt', '0', 'Once upon a time', 'prompt', '1', 'Once upon a time',
      'meta', '0', meta({ 'reverse-prompt': '.' }), 'compute', '0', 'output', '0', '0', '64', 'compute', '1', 'output', '1', '0', '64',
      'meta', '0', meta({ 'reverse-prompt': '' }), 'compute', '0', 'output', '0', '0', '64',
      'meta', '1', meta({ 'reverse-prompt': 'dragon' }), 'compute', '1', 'output', '1', '0', '64',
      'meta', '1', meta({ 'reverse-prompt': '.', 'n-predict': 2 }), 'compute', '1', 'output', '1', '0', '64',
    ]);
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'init 0 1', 'prompt 0', 'prompt 0', 'meta 0', 'compute 0', 'output 0 29 ", there lived one tiny robot."',
      'compute 0', `output 0 56 "${STORY}"`, 'meta 0', 'compute 0', `output 0 56 "${STORY}"`,
      'meta 0', 'compute 0', `output 0 56 "${STORY}"`, 'meta 0', 'compute 0', 'output 0 7 ", there"',
    ]);
  });

  it('takes JSON escapes and a stop text far longer than any output; a wrongly typed one is InvalidEncoding (2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-ggml-reverse-'));
    writeFileSync(join(dir, 'long.json'), meta({ 'reverse-prompt': 'robot'.repeat(200000) }));
    const run = await runLlm(
      [
        'load', 'm/story.gguf', '@t/long.json', 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '64',
        'meta', '0', '{"reverse-prompt": "\\u0020ti\\u006ey"}', 'compute', '0', 'output', '0', '0', '64',
        'load', 'm/story.gguf', '{"reverse-prompt": 1}', 'meta', '0', '{"reverse-prompt": ["."]}', 'meta', '0', '{"reverse-prompt": "\\x"}',
      ],
      { dirs: { t: dir } },
    );
    expect(run.lines).toEqual([
      'load 0 0', 'init 0 0', 'prompt 0', 'compute 0', `output 0 56 "${STORY}"`, 'meta 0', 'compute 0', 'output 0 22 ", there lived one tiny"',
      'load 2 -1', 'meta 2', 'meta 2',
    ]);
  });
});
