// The guest's time limit (ws run --time-limit) during a GGML generation: bench.gguf (random
// weights, no end of sequence) with a 4096-token context generates for about 10 s here. The backend
// checks the interrupt flag (ws_interrupt_requested) between tokens, compute returns, and V8 stops
// the guest. Tokens streamed to stdout (stream-stdout) show that the limit fired during compute.
import { describe, expect, it } from 'vitest';
import { modelDir, runLlm } from './llm-guest.js';

describe('GGML backend: time limit', () => {
  it('ws run --time-limit stops a long compute: exit code 124 after the tokens generated so far', async () => {
    const run = await runLlm(
      ['load_by_name_with_config', 'bench', '{"n-predict": 100000, "ctx-size": 4096, "stream-stdout": true}', 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0'],
      { preloads: [`bench:GGML:AUTO:${modelDir}/bench.gguf`], cliArgs: ['--time-limit', '4000'] },
    );
    expect(run.stderr).toContain(
      '[ws] WS_TIME_LIMIT: The guest ran longer than its time limit of 4000 ms and was stopped. Raise the limit (timeLimitMs / --time-limit) if the guest needs more time, or look for an endless loop in it.\n',
    );
    expect(run.code).toBe(124);
    expect(run.lines[0]).toBe('load_by_name_with_config 0 0');
    expect(run.lines.length).toBeGreaterThan(1);
  });
});
