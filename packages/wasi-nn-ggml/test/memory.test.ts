// Memory stays proportional to the model: generating with the 140 KB story
// model must not allocate gigabytes. (A sampler declared with the wrong
// argument list once read its window size from a stale register and made
// every init_execution_context allocate 1.8-4.5 GB.) A bound on memory, not
// on time: the real peak is about 70 MB, the bound leaves room for any Node.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../../wasi-nn/test/run-guest.js';
import { modelDir, packageDir, plugins, STORY } from './llm-guest.js';

const BOUND_KB = 512 * 1024;

function runMeasured(script: string[]): Promise<{ stdout: string; maxRssKb: number }> {
  const args = ['-r', join(packageDir, 'test', 'report-max-rss.cjs'), cliPath, 'run', '--dir', `m:${modelDir}`, '--plugin-path', plugins,
    join(packageDir, 'guests', 'build', 'llm_script.wasm'), ...script];
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, args, { timeout: 60000 }, (error, stdout, stderr) => {
      const match = /max_rss_kb=(\d+)/.exec(stderr);
      if (error || !match) reject(new Error(`run failed: ${error?.message ?? ''}\n${stderr}`));
      else resolvePromise({ stdout, maxRssKb: Number(match[1]) });
    });
  });
}

describe('GGML backend: memory', () => {
  it('generates with the story model in far less than 512 MB, with every sampler (penalties, top-k/p, temperature)', async () => {
    for (const metadata of ['{"temp": 0}', '{"temp": 0.8, "top-k": 40, "top-p": 0.9, "repeat-penalty": 1.1, "seed": 7}']) {
      const run = await runMeasured(['load', 'm/story.gguf', metadata, 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '200']);
      expect(run.stdout).toContain('compute 0\n');
      expect(run.maxRssKb).toBeLessThan(BOUND_KB);
    }
  });

  it('greedy output is unchanged by the repeat penalty window', async () => {
    const run = await runMeasured(['load', 'm/story.gguf', 'init', '0', 'prompt', '0', 'Once upon a time', 'compute', '0', 'output', '0', '0', '200']);
    expect(run.stdout).toContain(`output 0 56 "${STORY}"`);
  });
});
