// Hostile and broken input: out-of-range pointers and lengths in every host
// function, a guest without memory, denied / missing / unrunnable programs,
// commands that ignore stdin, flood output, or outlive their timeout.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HostFunctionError, Runtime } from '@ws/core';
import { toPluginOptions } from '../src/options.js';
import { loadProcessPlugin } from '../src/process-module.js';
import { DirectModule, ETIMEDOUT, denial, guestPath, survivorsOf, runGuest } from './helpers.js';

const outOfRange = [0xffffffff, 0xfffffff0, 65536, 65533, -1, -2147483648];
const hugeLengths = [0xffffffff, 0x80000000, 65537];

let current: DirectModule | undefined;
function direct(options: ConstructorParameters<typeof DirectModule>[0] = { allowAll: true }): DirectModule {
  current = new DirectModule(options);
  return current;
}
afterEach(() => {
  current?.dispose();
  current = undefined;
});

let scratchDir: string;
beforeAll(() => {
  scratchDir = mkdtempSync(join(tmpdir(), 'ws-process-bad-'));
  writeFileSync(join(scratchDir, 'not-executable'), '#!/bin/sh\necho no\n', { mode: 0o644 });
  writeFileSync(join(scratchDir, 'no-shebang'), 'echo would need a shell\n');
  chmodSync(join(scratchDir, 'no-shebang'), 0o755);
});
afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

describe('out-of-range pointers and lengths (WasmEdge: treated as empty, never an error)', () => {
  it('set_prog_name ignores a span outside memory', () => {
    const m = direct();
    for (const pointer of outOfRange) m.host.wasmedge_process_set_prog_name(pointer, 4);
    for (const length of hugeLengths) m.host.wasmedge_process_set_prog_name(0, length);
    m.host.wasmedge_process_set_prog_name(...m.put('echo')); // nothing was appended before
    m.host.wasmedge_process_add_arg(...m.put('ok'));
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe('ok\n');
  });

  it('add_arg pushes an empty argument for a span outside memory', () => {
    const m = direct();
    m.command('printf', '[%s]');
    m.host.wasmedge_process_add_arg(0xffffffff, 1);
    m.host.wasmedge_process_add_arg(0, 0xffffffff);
    m.host.wasmedge_process_add_arg(65530, 100);
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe('[][][]');
  });

  it('add_env uses empty parts for spans outside memory (an empty name is dropped)', () => {
    const m = direct();
    m.host.wasmedge_process_add_env(0xffffffff, 4, ...m.put('value'));
    m.host.wasmedge_process_add_env(...m.put('EMPTY_VALUE'), 0, 0xffffffff);
    m.host.wasmedge_process_add_env(...m.put('ALSO_EMPTY'), 0xfffffff0, 32);
    m.command('env');
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe('EMPTY_VALUE=\nALSO_EMPTY=\n');
  });

  it('add_env drops names that would smuggle another variable (with "=" or NUL bytes)', () => {
    const m = direct();
    m.host.wasmedge_process_add_env(...m.put('LD_PRELOAD\0x'), ...m.put('/tmp/evil.so'));
    m.host.wasmedge_process_add_env(...m.put('LD_PRELOAD=/tmp/evil.so\0'), ...m.put(''));
    m.host.wasmedge_process_add_env(...m.put('=LD_PRELOAD'), ...m.put('/tmp/evil.so'));
    m.host.wasmedge_process_add_env(...m.put('SAFE'), ...m.put('a=b'));
    m.command('env');
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe('SAFE=a=b\n');
  });

  it('add_stdin appends nothing for a span outside memory', () => {
    const m = direct();
    for (const pointer of outOfRange) m.host.wasmedge_process_add_stdin(pointer, 8);
    for (const length of hugeLengths) m.host.wasmedge_process_add_stdin(16, length);
    m.host.wasmedge_process_add_stdin(...m.put('kept'));
    m.command('cat');
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe('kept');
  });

  it('get_stdout and get_stderr copy nothing when the buffer does not fit, and do not fail', () => {
    const m = direct();
    m.command('sh', '-c', 'printf out; printf err >&2');
    expect(m.host.wasmedge_process_run()).toBe(0);
    const bytes = new Uint8Array(m.scratch.memory.buffer);
    const end = bytes.length;
    bytes.fill(0xaa, end - 8);
    for (const pointer of [end - 2, end, 0xffffffff, -1, 0x7fffffff]) {
      m.host.wasmedge_process_get_stdout(pointer);
      m.host.wasmedge_process_get_stderr(pointer);
    }
    expect([...new Uint8Array(m.scratch.memory.buffer, end - 8, 8)]).toEqual(new Array(8).fill(0xaa));
    m.host.wasmedge_process_get_stdout(end - 3); // fits exactly
    expect(Buffer.from(new Uint8Array(m.scratch.memory.buffer, end - 3, 3)).toString()).toBe('out');
    m.host.wasmedge_process_get_stderr(end - 3);
    expect(Buffer.from(new Uint8Array(m.scratch.memory.buffer, end - 3, 3)).toString()).toBe('err');
  });

  it('set_timeout takes any u32: 0 times out at once, 0xffffffff waits', () => {
    const m = direct();
    m.command('sleep', '5');
    m.host.wasmedge_process_set_timeout(0);
    const started = performance.now();
    expect(m.host.wasmedge_process_run()).toBe(ETIMEDOUT);
    expect(performance.now() - started).toBeLessThan(1000);
    m.command('echo', 'patient');
    m.host.wasmedge_process_set_timeout(0xffffffff);
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe('patient\n');
  });

  it('run with nothing set is denied as the empty command, or not found with allow-all', () => {
    let m = direct({});
    expect(m.host.wasmedge_process_run()).toBe(-1);
    expect(m.stderr()).toBe(denial(''));
    m.dispose();
    m = direct();
    expect(m.host.wasmedge_process_run()).toBe(-1);
    expect(m.stderr()).toBe('wasmedge_process: cannot run "": command not found in the host PATH. Install it or pass its absolute path.\n');
  });

  it('inputs are cleared after each run (set_prog_name appends only until run)', () => {
    const m = direct();
    m.host.wasmedge_process_set_prog_name(...m.put('ec'));
    m.host.wasmedge_process_set_prog_name(...m.put('ho'));
    m.host.wasmedge_process_add_arg(...m.put('one'));
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe('one\n');
    m.command('echo');
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe('\n');
  });
});

describe('a real guest passing out-of-range pointers and lengths to every function', () => {
  it('runs to the end with WasmEdge\'s results (exit 10 = run 0 + 10 * stdout length 1)', () => {
    const run = runGuest('out_of_range', ['--allow-command', 'echo'], []);
    expect(run.stdout).toBe('');
    expect(run.status, run.stderr).toBe(10);
  });
});

describe('a guest with no memory', () => {
  it('traps with HostFuncError (0x040E) instead of crashing the host', async () => {
    loadProcessPlugin();
    const runtime = new Runtime({ pluginOptions: toPluginOptions({ allowAll: true }) });
    try {
      const { instance } = await runtime.instantiateDetailed(readFileSync(guestPath('no_memory')));
      expect(instance.exports.memory).toBeUndefined();
      let caught: unknown;
      try {
        (instance.exports._start as () => void)();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(HostFunctionError);
      expect((caught as HostFunctionError).errorCode).toBe(0x040e);
      expect((caught as HostFunctionError).function).toContain('wasmedge_process_set_prog_name');
    } finally {
      runtime.dispose();
    }
  });
});

describe('commands that cannot run', () => {
  it('a denied command returns -1 with the denial on stderr, and runs nothing', () => {
    const run = runGuest('exec', ['--allow-command', 'echo'], ['--', 'touch', join(scratchDir, 'created')]);
    expect(run.exitCode).toBe(-1);
    expect(run.stderr).toBe(denial('touch'));
  });

  it('a missing program returns -1 with the reason on stderr', () => {
    const bare = runGuest('exec', ['--allow-command-all'], ['no-such-program-ws']);
    expect(bare.exitCode).toBe(-1);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toBe('wasmedge_process: cannot run "no-such-program-ws": command not found in the host PATH. Install it or pass its absolute path.\n');
    const path = runGuest('exec', ['--allow-command-all'], ['/nonexistent/tool']);
    expect(path.exitCode).toBe(-1);
    expect(path.stderr).toBe('wasmedge_process: cannot run "/nonexistent/tool": no such file. Check the path.\n');
  });

  it('a file without execute permission, and a script without #! (no shell fallback)', () => {
    const notExecutable = join(scratchDir, 'not-executable');
    const denied = runGuest('exec', ['--allow-command-all'], [notExecutable]);
    expect(denied.exitCode).toBe(-1);
    expect(denied.stderr).toBe(`wasmedge_process: cannot run "${notExecutable}": permission denied. Make the file executable (chmod +x) or pick another program.\n`);
    const noShebang = join(scratchDir, 'no-shebang');
    const noShell = runGuest('exec', ['--allow-command-all'], [noShebang]);
    expect(noShell.exitCode).toBe(-1);
    expect(noShell.stderr).toBe(`wasmedge_process: cannot run "${noShebang}": not an executable format. No shell is used: give a script a #! line.\n`);
  });
});

describe('host memory under the default policy (nothing allowed)', () => {
  it('a guest queueing input in a loop makes the host hold nothing: every run would be denied', () => {
    const m = direct({});
    const chunk = 64 * 1024;
    const [pointer] = m.put(new Uint8Array(chunk).fill(0x61)); // 'a'
    const names = Array.from({ length: 256 }, (_, i) => m.put(`NAME_${i}`));
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 4096; i++) m.host.wasmedge_process_add_stdin(pointer, chunk); // 256 MiB
    for (let i = 0; i < 1024; i++) m.host.wasmedge_process_add_arg(pointer, chunk); // 64 MiB
    for (const name of names) m.host.wasmedge_process_add_env(...name, pointer, chunk); // 16 MiB
    for (let i = 0; i < 1024; i++) m.host.wasmedge_process_set_prog_name(pointer, chunk); // 64 MiB
    const grown = process.memoryUsage().rss - before;
    expect(grown).toBeLessThan(48 * 1024 * 1024);
    // Still WasmEdge's denial, naming the program (its first 64 KiB).
    expect(m.host.wasmedge_process_run()).toBe(-1);
    expect(m.stderr()).toBe(denial('a'.repeat(chunk)));
    expect(m.stdout()).toBe('');
  });
});

describe('exit codes', () => {
  it('maps exit statuses as WasmEdge (signed byte) and signals to 128+n', () => {
    const m = direct();
    const cases: [string, number][] = [
      ['exit 0', 0],
      ['exit 1', 1],
      ['exit 127', 127],
      ['exit 128', -128],
      ['exit 255', -1],
      ['kill -TERM $$', 128 + 15],
      ['kill -KILL $$', 128 + 9],
      ['kill -SEGV $$', 128 + 11],
    ];
    for (const [script, expected] of cases) {
      m.command('sh', '-c', script);
      expect(m.host.wasmedge_process_run(), script).toBe(expected);
      expect(m.host.wasmedge_process_get_exit_code(), script).toBe(expected);
    }
  });
});

describe('stdin', () => {
  it('a command that ignores 8 MiB of stdin finishes at once (the write never blocks)', () => {
    const started = performance.now();
    const run = runGuest('exec', ['--allow-command', 'true'], ['--stdin-bytes', String(8 * 1024 * 1024), '--', 'true']);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a command that never reads stdin still times out on time', () => {
    const run = runGuest('exec', ['--allow-command', 'sleep'], ['--timeout', '300', '--stdin-bytes', String(8 * 1024 * 1024), '--', 'sleep', '10']);
    expect(run.exitCode).toBe(ETIMEDOUT);
  });

  it('a command that reads all of a large stdin gets every byte', () => {
    const run = runGuest('exec', ['--allow-command', 'wc'], ['--stdin-bytes', String(3 * 1024 * 1024 + 7), '--', 'wc', '-c']);
    expect(run.stdout).toBe(`${3 * 1024 * 1024 + 7}\n`);
    expect(run.exitCode).toBe(0);
  });
});

describe('output flood', () => {
  it('caps stdout at the limit, keeps reading, and reports the truncation on stderr', () => {
    const m = direct({ allowAll: true, outputLimitBytes: 1000000 });
    m.command('head', '-c', '3000000', '/dev/zero');
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.host.wasmedge_process_get_stdout_len()).toBe(1000000);
    expect(m.stderr()).toBe('wasmedge_process: stdout truncated to 1000000 bytes (2000000 bytes discarded). Raise the limit with --process-output-limit=BYTES.\n');
  });

  it('caps stderr the same way', () => {
    const m = direct({ allowAll: true, outputLimitBytes: 10 });
    m.command('sh', '-c', 'printf 0123456789abcdef >&2');
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stderr()).toBe('0123456789wasmedge_process: stderr truncated to 10 bytes (6 bytes discarded). Raise the limit with --process-output-limit=BYTES.\n');
  });

  it('keeps 16 MiB by default', () => {
    const m = direct({ allowAll: true });
    m.command('head', '-c', String(16 * 1024 * 1024 + 5), '/dev/zero');
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.host.wasmedge_process_get_stdout_len()).toBe(16 * 1024 * 1024);
    expect(m.stderr()).toBe('wasmedge_process: stdout truncated to 16777216 bytes (5 bytes discarded). Raise the limit with --process-output-limit=BYTES.\n');
  });

  it('an endless flood (yes) is stopped by the timeout with the output capped', () => {
    const run = runGuest('exec', ['--allow-command', 'yes', '--process-output-limit', '65536'], ['--timeout', '300', '--', 'yes']);
    expect(run.exitCode).toBe(ETIMEDOUT);
    expect(run.stdout).toBe('y\n'.repeat(32768));
    expect(run.stderr).toMatch(/^wasmedge_process: stdout truncated to 65536 bytes \(\d+ bytes discarded\)\. Raise the limit with --process-output-limit=BYTES\.\n$/);
  });
});

describe('timeouts and process trees', () => {
  it('kills the whole process group of a command that outlives its timeout: no child survives', async () => {
    const marker = `sleep 31.${process.pid}1`;
    const m = direct();
    m.command('sh', '-c', `${marker} & ${marker} & ${marker}`);
    m.host.wasmedge_process_set_timeout(200);
    const started = performance.now();
    expect(m.host.wasmedge_process_run()).toBe(ETIMEDOUT);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(199);
    expect(elapsed).toBeLessThan(1000);
    expect(await survivorsOf(marker)).toEqual([]);
  });

  it('a command that exits but leaves a child holding its output is cut at the timeout, keeping what it printed', async () => {
    const marker = `sleep 32.${process.pid}2`;
    const m = direct();
    m.command('sh', '-c', `${marker} & echo started`);
    m.host.wasmedge_process_set_timeout(300);
    const started = performance.now();
    expect(m.host.wasmedge_process_run()).toBe(0); // the command itself exited in time
    expect(performance.now() - started).toBeLessThan(1000);
    expect(m.stdout()).toBe('started\n');
    expect(await survivorsOf(marker)).toEqual([]);
  });

  it('a background child that let go of the pipes does not outlive the run either', async () => {
    const marker = `sleep 33.${process.pid}3`;
    const m = direct();
    m.command('sh', '-c', `${marker} >/dev/null 2>&1 & echo done`);
    const started = performance.now();
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(m.stdout()).toBe('done\n');
    expect(await survivorsOf(marker)).toEqual([]);
  });

  it('through a guest: sh -c "sleep & sleep" with --timeout 200 leaves no survivors', async () => {
    const marker = `sleep 34.${process.pid}4`;
    const run = runGuest('exec', ['--allow-command', 'sh'], ['--timeout', '200', '--', 'sh', '-c', `${marker} & ${marker}`]);
    expect(run.exitCode).toBe(ETIMEDOUT);
    expect(await survivorsOf(marker)).toEqual([]);
  });
});
