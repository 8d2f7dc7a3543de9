// Quiet by default (issue 14 item 8): llama.cpp's log (model loader dump,
// its warnings about the context size) stays off stderr on a normal run and
// shows from `--log-level info`.
import { describe, expect, it } from 'vitest';
import { runLlm, STORY } from './llm-guest.js';

const script = ['load', 'm/story.gguf', 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '200'];

describe('GGML backend: log level', () => {
  it('prints nothing of llama.cpp by default', async () => {
    const run = await runLlm(script);
    expect(run.lines.at(-1)).toBe(`output 0 56 "${STORY}"`);
    expect(run.stderr).toBe('');
  });

  it("shows llama.cpp's log with --log-level info, and its debug lines only from debug", async () => {
    const [info, debug] = await Promise.all([runLlm(script, { cliArgs: ['--log-level', 'info'] }), runLlm(script, { cliArgs: ['--log-level', 'debug'] })]);
    expect(info.lines.at(-1)).toBe(`output 0 56 "${STORY}"`);
    expect(info.stderr).toContain('llama_model_loader: loaded meta data');
    expect(info.stderr).toContain('n_ctx_train (128)');
    expect(debug.stderr.split('\n').length).toBeGreaterThan(info.stderr.split('\n').length);
  });
});
