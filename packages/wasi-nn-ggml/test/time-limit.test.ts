// The guest's time limit (ws run --time-limit) during a GGML generation that would run for
// minutes (bench.gguf: random weights, no end of sequence before the context is full): the
// backend checks the interrupt flag (ws_interrupt_requested) between tokens, compute returns, and
// V8 stops the guest. Without the check, compute would hold the guest past the CLI's 60 s timeout.
import { describe, expect, it } from 'vitest';
import { modelDir, runLlm } from './llm-guest.js';

describe('GGML backend: time limit', () => {
  it('ws run --time-limit stops a long compute between tokens: exit code 124', async () => {
    const run = await runLlm(
      ['load_by_name_with_config', 'bench', '{"n-predict": 100000}', 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '1', '300'],
      { preloads: [`bench:GGML:AUTO:${modelDir}/bench.gguf`], cliArgs: ['--time-limit', '3000'] },
    );
    expect(run.stderr).toContain(
      '[ws] WS_TIME_LIMIT: The guest ran longer than its time limit of 3000 ms and was stopped. Raise the limit (timeLimitMs / --time-limit) if the guest needs more time, or look for an endless loop in it.\n',
    );
    expect(run.code).toBe(124);
    expect(run.lines).not.toContain('compute 0');
  });
});
