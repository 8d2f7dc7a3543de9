// The per-command input budget (--process-input-limit): what a guest queues
// before run (program name, arguments, variables, stdin), through the `ws`
// CLI and a Runtime with the real plug-in and a real guest (guests/exec.c).
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Runtime } from '@ws/core';
import { toPluginOptions } from '../src/options.js';
import { loadProcessPlugin } from '../src/process-module.js';
import { guestPath, runGuest } from './helpers.js';

const DEFAULT_LIMIT = 16 * 1024 * 1024;
/** What one argument or variable costs besides its bytes. */
const ITEM = 64;

function refusal(limit: number, queued: number): string {
  return `wasmedge_process: the command's input (program name, arguments, variables and stdin) exceeds ${limit} bytes (${queued} bytes queued); nothing was run. Raise the limit with --process-input-limit=BYTES.\n`;
}

// `wc -c` queues 2 + (2 + 64) bytes before its stdin.
const WC = 2 + 2 + ITEM;

describe('--process-input-limit', () => {
  it('runs a command whose input is exactly the limit and refuses one byte more, with -1 and the reason', () => {
    const flags = ['--allow-command', 'wc', '--process-input-limit', '100'];
    const atLimit = runGuest('exec', flags, ['--stdin-bytes', String(100 - WC), '--', 'wc', '-c']);
    expect(atLimit).toMatchObject({ stdout: `${100 - WC}\n`, stderr: '', exitCode: 0 });
    const over = runGuest('exec', flags, ['--stdin-bytes', String(101 - WC), '--', 'wc', '-c']);
    expect(over).toMatchObject({ stdout: '', stderr: refusal(100, 101), exitCode: -1 });
  });

  it('is 16 MiB by default', () => {
    const flags = ['--allow-command', 'wc'];
    const atLimit = runGuest('exec', flags, ['--stdin-bytes', String(DEFAULT_LIMIT - WC), '--', 'wc', '-c']);
    expect(atLimit).toMatchObject({ stdout: `${DEFAULT_LIMIT - WC}\n`, exitCode: 0 });
    const over = runGuest('exec', flags, ['--stdin-bytes', String(DEFAULT_LIMIT - WC + 1), '--', 'wc', '-c']);
    expect(over).toMatchObject({ stdout: '', stderr: refusal(DEFAULT_LIMIT, DEFAULT_LIMIT + 1), exitCode: -1 });
  });

  it('counts program name, arguments and variables (name and value), each item with its 64 bytes', () => {
    // "env" (3) + variable A=xyz (1 + 3 + 64)
    const queued = 3 + 1 + 3 + ITEM;
    const atLimit = runGuest('exec', ['--allow-command', 'env', '--process-input-limit', String(queued)], ['--env', 'A=xyz', '--', 'env']);
    expect(atLimit).toMatchObject({ stdout: 'A=xyz\n', exitCode: 0 });
    const over = runGuest('exec', ['--allow-command', 'env', '--process-input-limit', String(queued - 1)], ['--env', 'A=xyz', '--', 'env']);
    expect(over).toMatchObject({ stdout: '', stderr: refusal(queued - 1, queued), exitCode: -1 });
    // Empty arguments are not free: 3 of them cost 3 * 64 bytes.
    const empties = runGuest('exec', ['--allow-command', 'echo', '--process-input-limit', String(4 + 3 * ITEM - 1)], ['echo', '', '', '']);
    expect(empties).toMatchObject({ stderr: refusal(4 + 3 * ITEM - 1, 4 + 3 * ITEM), exitCode: -1 });
  });

  it('starts from zero for every command: a refused run does not spoil the next one', () => {
    // Stdin (1 byte) is queued once, before the first run only: the first run
    // is one byte over, the second (program and argument only) exactly at the limit.
    const run = runGuest('exec', ['--allow-command', 'wc', '--process-input-limit', String(WC)], ['--stdin-bytes', '1', '--runs', '2', '--', 'wc', '-c']);
    expect(run).toMatchObject({ stdout: '0\n', stderr: '', exitCode: 0 });
    const many = runGuest('exec', ['--allow-command', 'wc', '--process-input-limit', String(WC)], ['--runs', '5', '--', 'wc', '-c']);
    expect(many).toMatchObject({ stdout: '0\n', exitCode: 0 });
  });

  it('does not apply to a deny-all policy, which keeps no input at all: the denial is unchanged', () => {
    const run = runGuest('exec', ['--process-input-limit', '1'], ['--stdin-bytes', '1000', '--', 'wc', '-c']);
    expect(run.exitCode).toBe(-1);
    expect(run.stderr).toMatch(/^Permission denied: Command "wc" is not in the white list/);
  });

  it('is inputLimitBytes of a Runtime', async () => {
    loadProcessPlugin();
    const scratch = mkdtempSync(join(tmpdir(), 'ws-process-input-'));
    try {
      for (const [stdinBytes, expected] of [
        [100 - WC, { stdout: `${100 - WC}\n`, stderr: 'exit_code=0\n' }],
        [101 - WC, { stdout: '', stderr: `${refusal(100, 101)}exit_code=-1\n` }],
      ] as const) {
        const stdoutPath = join(scratch, 'out'), stderrPath = join(scratch, 'err');
        const stdout = openSync(stdoutPath, 'w'), stderr = openSync(stderrPath, 'w');
        const runtime = new Runtime({
          args: ['exec.wasm', '--stdin-bytes', String(stdinBytes), '--', 'wc', '-c'],
          pluginOptions: toPluginOptions({ allowCommands: ['wc'], inputLimitBytes: 100 }),
          stdout,
          stderr,
        });
        try {
          expect(await runtime.run(readFileSync(guestPath('exec')))).toBe(0);
        } finally {
          runtime.dispose();
          closeSync(stdout);
          closeSync(stderr);
        }
        expect({ stdout: readFileSync(stdoutPath, 'utf8'), stderr: readFileSync(stderrPath, 'utf8') }).toEqual(expected);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
