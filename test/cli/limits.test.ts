// `ws run --time-limit` and `--memory-page-limit` with test/guests/limits.c: exit codes,
// messages and the guest's output, exactly. (The process plug-in's child being killed by the time
// limit is tested in packages/process/test/time-limit.test.ts.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guest, runCli } from '../helpers/paths.js';

const limits = guest('limits');

describe('ws run --time-limit', () => {
  it('stops a spinning guest: exit code 124 and the WS_TIME_LIMIT message', () => {
    const result = runCli(['run', '--time-limit', '200', limits, 'spin']);
    expect(result.stdout).toBe('spinning\n');
    expect(result.stderr).toBe(
      '[ws] WS_TIME_LIMIT: The guest ran longer than its time limit of 200 ms and was stopped. Raise the limit (timeLimitMs / --time-limit) if the guest needs more time, or look for an endless loop in it.\n',
    );
    expect(result.status).toBe(124);
  });

  it('stops a guest that read 43 MB first without crashing Node 20 (V8 11 and concurrent marking)', () => {
    // Terminating this guest crashed node 20.20 (segfault, exit 139) until ws turned concurrent
    // marking off for V8 11 (src/runtime/time-limit.ts); in a fresh process each time.
    const dir = mkdtempSync(join(tmpdir(), 'ws-time-limit-'));
    try {
      writeFileSync(join(dir, 'big.bin'), Buffer.alloc(43_000_000));
      // 2 s: reading the file takes well under that, so the limit fires while the guest spins.
      const result = runCli(['run', '--time-limit', '2000', '--dir', `/d:${dir}`, limits, 'read-spin', '/d/big.bin']);
      expect(result.signal).toBeNull();
      expect(result.stdout).toBe('read 43000000\n');
      expect(result.stderr).toBe(
        '[ws] WS_TIME_LIMIT: The guest ran longer than its time limit of 2000 ms and was stopped. Raise the limit (timeLimitMs / --time-limit) if the guest needs more time, or look for an endless loop in it.\n',
      );
      expect(result.status).toBe(124);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a guest that finishes in time alone (0: no limit)', () => {
    for (const limit of ['60000', '0']) {
      const result = runCli(['run', `--time-limit=${limit}`, limits, 'grow', '1']);
      expect(result).toEqual({ status: 0, signal: null, stdout: 'pages 2\ngrow 1 = 2 (pages 3)\n', stderr: '' });
    }
  });

  it('refuses a value that is not a whole number of milliseconds (usage error, exit code 2)', () => {
    const result = runCli(['run', '--time-limit', '1.5s', limits, 'spin']);
    expect(result.stderr).toBe('[ws] WS_USAGE: ws run: --time-limit needs a whole number of milliseconds from 0 to 4294967295, got "1.5s".\n');
    expect(result.status).toBe(2);
  });
});

describe('ws run --memory-page-limit', () => {
  it('memory.grow past the limit returns -1 (the guest prints it), as in WasmEdge', () => {
    const result = runCli(['run', '--memory-page-limit', '3', limits, 'grow', '1', '1', '100']);
    expect(result).toEqual({
      status: 0,
      signal: null,
      stdout: 'pages 2\ngrow 1 = 2 (pages 3)\ngrow 1 = -1 (pages 3)\ngrow 100 = -1 (pages 3)\n',
      stderr: '',
    });
  });

  it('a memory declaring more pages than the limit: exit code 1 and both numbers', () => {
    const result = runCli(['run', '--memory-page-limit', '1', limits, 'grow']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      '[ws] WS_MEMORY_PAGE_LIMIT: Memory 0 of the guest needs at least 2 pages of 64 KiB, above its memory page limit of 1. Raise the limit (memoryPageLimit / --memory-page-limit) to 2 or more, or build the guest with a smaller initial memory.\n',
    );
    expect(result.status).toBe(1);
  });

  it('refuses more than 65536 pages', () => {
    const result = runCli(['run', '--memory-page-limit', '65537', limits, 'grow']);
    expect(result.stderr).toBe('[ws] WS_USAGE: ws run: --memory-page-limit needs a whole number of pages from 0 to 65536, got "65537".\n');
    expect(result.status).toBe(2);
  });
});

describe('ws run --help', () => {
  it('lists the limits under their own heading', () => {
    const help = runCli(['run', '--help']).stdout;
    expect(help).toContain(
      [
        'Limits:',
        '  --time-limit MS          stop the guest after MS milliseconds (exit code 124); 0: no limit (default)',
        '  --memory-page-limit N    at most N pages of 64 KiB in every memory: memory.grow past it returns -1',
        '  --gas-limit N            stop the guest once it has used N gas (1 per instruction, as WasmEdge; exit code 134)',
        "  --enable-gas-measuring   print the gas the guest used (stderr, as WasmEdge's statistics)",
        '',
      ].join('\n'),
    );
  });
});
