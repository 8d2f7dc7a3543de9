// `ws run` as a drop-in for `wasmedge run` (issue 16): read-only preopens, the built-in
// wasi:logging/logging, --reactor, statistics, WasmEdge's other options and ws --version, each with
// a real guest and exact output; compared with the real wasmedge 0.17 where it is present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guest, root, runCli } from '../helpers/paths.js';

const wasmedge = join(root, '../shared/tools/wasmedge-0.17/tools/wasmedge/wasmedge');
const haveWasmedge = existsSync(wasmedge);
if (!haveWasmedge) {
  if (process.env.CI) throw new Error(`${wasmedge} is missing: CI compares ws run with the real WasmEdge.`);
  console.log(`Skipping the comparisons with wasmedge 0.17: ${wasmedge} is not there.`);
}

/** A folder with a file `existing` ("hello\n") and an empty folder `folder`. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-preopen-'));
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'existing'), 'hello\n');
  return dir;
}

const READ_ONLY_ANSWERS = `open read = ok
read = ok
write on a read fd = EBADF
ftruncate on a read fd = ENOTCAPABLE
open write = ok
write = EBADF
open read-write = ok
open truncate = ENOTCAPABLE
open append = ok
open create = ENOTCAPABLE
mkdir = ENOTCAPABLE
rmdir = ENOTCAPABLE
rename = ENOTCAPABLE
unlink = ENOTCAPABLE
symlink = ENOTCAPABLE
link = ENOTCAPABLE
utimes = ENOTCAPABLE
stat = ok
open folder = ok
`;

const READ_WRITE_ANSWERS = `open read = ok
read = ok
write on a read fd = EBADF
ftruncate on a read fd = ENOTCAPABLE
open write = ok
write = ok
open read-write = ok
open truncate = ok
open append = ok
open create = ok
mkdir = ok
rmdir = ok
rename = ok
unlink = ENOENT
symlink = ok
link = ENOENT
utimes = ENOENT
stat = ENOENT
open folder = ok
`;

describe('ws run --dir GUEST:HOST:readonly', () => {
  it('refuses every write under the folder with WasmEdge\'s errno, and changes nothing', () => {
    const dir = sandbox();
    const result = runCli(['run', '--dir', `/d:${dir}:readonly`, guest('readonly_dir'), '/d']);
    expect(result).toEqual({ status: 0, signal: null, stdout: READ_ONLY_ANSWERS, stderr: '' });
    expect(readdirSync(dir).sort()).toEqual(['existing', 'folder']);
    expect(readFileSync(join(dir, 'existing'), 'utf8')).toBe('hello\n');
  });

  it('a read-write preopen beside it stays writable (fds are told apart), and :readwrite is the default', () => {
    const writable = sandbox();
    const readonly = sandbox();
    const result = runCli(['run', '--dir', `/w:${writable}:readwrite`, '--dir', `/r:${readonly}:readonly`, guest('readonly_dir'), '/w']);
    expect(result).toEqual({ status: 0, signal: null, stdout: READ_WRITE_ANSWERS, stderr: '' });
    expect(readdirSync(writable).sort()).toEqual(['created', 'made', 'renamed', 'symlinked']);
    const again = runCli(['run', '--dir', `/w:${writable}`, '--dir', `/r:${readonly}:readonly`, guest('readonly_dir'), '/r']);
    expect(again.stdout).toBe(READ_ONLY_ANSWERS);
    expect(readdirSync(readonly).sort()).toEqual(['existing', 'folder']);
  });

  it('is read-only in a worker and in a child process too (--isolation)', () => {
    for (const isolation of ['worker', 'process']) {
      const dir = sandbox();
      const result = runCli(['run', '--isolation', isolation, '--dir', `/d:${dir}:readonly`, guest('readonly_dir'), '/d']);
      expect(result.stdout, isolation).toBe(READ_ONLY_ANSWERS);
      expect(readdirSync(dir).sort()).toEqual(['existing', 'folder']);
    }
  });

  it.runIf(haveWasmedge)('answers as wasmedge 0.17 does, read-only and read-write', () => {
    for (const mode of ['readonly', 'readwrite']) {
      const [forWs, forWasmedge] = [sandbox(), sandbox()];
      const ours = runCli(['run', '--dir', `/d:${forWs}:${mode}`, guest('readonly_dir'), '/d']);
      const theirs = spawnSync(wasmedge, ['--dir', `/d:${forWasmedge}:${mode}`, guest('readonly_dir'), '/d'], { encoding: 'utf8' });
      expect(ours.stdout).toBe(theirs.stdout);
      expect(readdirSync(forWs).sort()).toEqual(readdirSync(forWasmedge).sort());
    }
  });
});

/** `[2026-12-07 23:02:19.010] [info] text` → `[info] text` (the time stamp checked). */
function withoutTimestamps(text: string): string {
  return text.replace(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] /gm, '');
}

describe('wasi:logging/logging (WasmEdge\'s built-in wasi_logging)', () => {
  it('prints every level as WasmEdge does: stdout by default and for "stdout", stderr for "stderr"', () => {
    const result = runCli(['run', guest('wasi_logging')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^(\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[[a-z]+\] .*\n)+$/);
    expect(withoutTimestamps(result.stdout)).toBe(
      '[trace] message at level 0\n[debug] message at level 1\n[info] message at level 2\n[warning] message at level 3\n',
    );
    // A context naming a file: WasmEdge appends to that host file; ws prints it to stderr.
    expect(withoutTimestamps(result.stderr)).toBe('[error] message at level 4\n[critical] message at level 5\n[info] app.log: message at level 2\n');
  });

  it('--log-level drops the lines below it; off drops them all', () => {
    const error = runCli(['run', '--log-level', 'error', guest('wasi_logging')]);
    expect(error.stdout).toBe('');
    expect(withoutTimestamps(error.stderr)).toBe('[error] message at level 4\n[critical] message at level 5\n');
    // wasmedge's name for critical.
    const fatal = runCli(['run', '--log-level', 'fatal', guest('wasi_logging')]);
    expect(withoutTimestamps(fatal.stderr)).toBe('[critical] message at level 5\n');
    const off = runCli(['run', '--log-level', 'off', guest('wasi_logging')]);
    expect(off).toEqual({ status: 0, signal: null, stdout: '', stderr: '' });
  });

  it('an unknown level is a host function failure (exit code 1), as in WasmEdge', () => {
    const result = runCli(['run', '--log-level', 'critical', guest('wasi_logging'), 'bad']);
    expect(result.status).toBe(1);
    expect(withoutTimestamps(result.stderr)).toBe(
      '[critical] message at level 5\n[ws] WS_HOST_FUNCTION_FAILED: The guest called wasi:logging/logging log with level 9; the levels are 0 (trace), 1 (debug), 2 (info), 3 (warn), 4 (error) and 5 (critical). Fix the level the guest passes.\n',
    );
  });

  it('logs the same from a worker and a child process (--isolation), with the log level', () => {
    for (const isolation of ['worker', 'process']) {
      const result = runCli(['run', '--isolation', isolation, '--log-level', 'error', guest('wasi_logging')]);
      expect(result.stdout, isolation).toBe('');
      expect(withoutTimestamps(result.stderr)).toBe('[error] message at level 4\n[critical] message at level 5\n');
    }
  });

  it('--forbidden-plugin wasi_logging takes it away', () => {
    const result = runCli(['run', '--forbidden-plugin', 'wasi_logging', guest('wasi_logging')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('  wasi:logging/logging.log: plug-in wasi_logging provides it, but it is forbidden (forbiddenPlugins / --forbidden-plugin)\n');
  });

  it.runIf(haveWasmedge)('prints the same lines as wasmedge 0.17 (stdout and stderr)', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ws-logging-'));
    const theirs = spawnSync(wasmedge, [guest('wasi_logging')], { encoding: 'utf8', cwd });
    const ours = runCli(['run', guest('wasi_logging')]);
    expect(withoutTimestamps(ours.stdout)).toBe(withoutTimestamps(theirs.stdout));
    // WasmEdge wrote the app.log line to that file instead.
    expect(withoutTimestamps(ours.stderr)).toBe(withoutTimestamps(theirs.stderr) + '[info] app.log: message at level 2\n');
    expect(withoutTimestamps(readFileSync(join(cwd, 'app.log'), 'utf8'))).toBe('[info] message at level 2\n');
  });
});

const reactor = guest('reactor');

describe('ws run --reactor (test/guests/reactor.wat)', () => {
  // Arguments and printed results, as wasmedge 0.17 reads and prints them.
  const calls: [string[], string][] = [
    [['add', '2', '3'], '1005\n'],
    [['add', '-5', '2147483647'], '-2147482654\n'],
    // strtoll in base 10: what follows the digits is ignored; an i32 keeps the low 32 bits.
    [['add', '1.5', '2'], '1003\n'],
    [['add', '0x10', '010'], '1010\n'],
    [['add', '5abc', '+3'], '1008\n'],
    [['add', '4294967295', '0'], '999\n'],
    [['add', '4294967296', '0'], '1000\n'],
    [['mix', '9223372036854775807', '1.5', '0.1'], '9223372036854775807\n1.5\n0.1\n-1\n'],
    [['mix', '-1', '3.4028235e38', '1e300'], '-1\n3.4028235e+38\n1e+300\n-1\n'],
    [['mix', '1', 'nan', 'inf'], '1\nnan\ninf\n-1\n'],
    [['mix', '7', '1e15', '1e16'], '7\n1000000000000000\n1e+16\n-1\n'],
    [['mix', '7', '123456789', '1234567890123456789'], '7\n123456790\n1.2345678901234568e+18\n-1\n'],
    [['mix', '7', '0.00001', '0.0001'], '7\n1e-05\n0.0001\n-1\n'],
    [['mix', '7', '-0', '0x1p3'], '7\n-0\n8\n-1\n'],
    [['none'], ''],
  ];

  it.each(calls)('%j prints %j after _initialize\'s line', (args, results) => {
    const result = runCli(['run', '--reactor', reactor, ...args]);
    expect(result).toEqual({ status: 0, signal: null, stdout: `initialized\n${results}`, stderr: '' });
  });

  it.runIf(haveWasmedge)('prints what wasmedge 0.17 prints for every call above', () => {
    for (const [args] of calls) {
      const theirs = spawnSync(wasmedge, ['--reactor', reactor, ...args], { encoding: 'utf8' });
      expect(runCli(['run', '--reactor', reactor, ...args]).stdout, args.join(' ')).toBe(theirs.stdout);
    }
  });

  it('a guest without _start exporting the function named first is a reactor without --reactor too, as in WasmEdge', () => {
    expect(runCli(['run', reactor, 'add', '1', '2']).stdout).toBe('initialized\n1003\n');
  });

  it('bad calls are errors with exit code 1, as in WasmEdge, and say what to give', () => {
    const cases: [string[], string][] = [
      [[], 'A function name is required when reactor mode is enabled: ws run --reactor app.wasm NAME [ARGS...].'],
      [['nosuch'], 'Function "nosuch" not found in the guest\'s exports (it exports: _initialize, add, mix, none, trap, ref, v). Give the name of one of its exported functions.'],
      [['add', '1'], 'The function add takes 2 arguments (i32, i32), got 1. Give one argument for each parameter.'],
      [['add', 'x', '1'], "Invalid argument 'x' for parameter 1: expected i32. Give a whole number in decimal."],
      [['add', '9223372036854775808', '0'], "Argument '9223372036854775808' for parameter 1: i32 out of range. Give a number from -9223372036854775808 to 9223372036854775807."],
      [['mix', '1', '1e40', '2'], "Argument '1e40' for parameter 2: f32 out of range. Give a number the type can hold."],
      [['mix', '1', '1', '5e-324'], "Argument '5e-324' for parameter 3: f64 out of range. Give a number the type can hold."],
      [['ref', '1'], 'Parameter 1 is of type externref, which cannot be given as an argument: only i32, i64, f32 and f64 parameters can. Call such a function from JavaScript (runtime.instantiate()).'],
    ];
    for (const [args, message] of cases) {
      const result = runCli(['run', '--reactor', reactor, ...args]);
      expect(result.stderr, args.join(' ')).toBe(`[ws] WS_USAGE: ${message}\n`);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
    }
  });

  it('--enable-gas-measuring and --gas-limit count _initialize and the call, as WasmEdge (19 + 6)', () => {
    const measured = runCli(['run', '--enable-gas-measuring', '--reactor', reactor, 'add', '1', '2']);
    expect(measured).toEqual({
      status: 0,
      signal: null,
      stdout: 'initialized\n1003\n',
      stderr: '[ws] ====================  Statistics  ====================\n[ws]  Gas costs: 25\n[ws] =======================   End   ======================\n',
    });
    const limited = runCli(['run', '--gas-limit', '10', '--reactor', reactor, 'add', '1', '2']);
    expect(limited.status).toBe(134);
    expect(limited.stderr).toContain('[ws]  Gas costs: 10\n');
  });

  it('a trap in the function exits with 1 after _initialize\'s output', () => {
    const result = runCli(['run', '--reactor', reactor, 'trap']);
    expect(result.stdout).toBe('initialized\n');
    expect(result.stderr).toBe('[ws] the guest trapped: unreachable\n');
    expect(result.status).toBe(1);
  });
});

describe('Runtime.invoke (the API of --reactor)', () => {
  it('reads strings by the parameter types, takes numbers and bigints, and returns the results', async () => {
    const { Runtime, formatResult } = await import('@ws/core');
    const bytes = readFileSync(reactor);
    const runtime = new Runtime({ stdout: 2 });
    expect(await runtime.invoke(bytes, 'add', ['2', 3])).toEqual([1005]);
    const results = await runtime.invoke(bytes, 'mix', [2n ** 62n, '0.1', 0.1]);
    expect(results).toEqual([2n ** 62n, Math.fround(0.1), 0.1, -1]);
    expect(results.map((value, i) => formatResult(value, (['i64', 'f32', 'f64', 'i32'] as const)[i]!))).toEqual(['4611686018427387904', '0.1', '0.1', '-1']);
    await expect(runtime.invoke(bytes, 'nosuch')).rejects.toMatchObject({ code: 'WS_USAGE' });
    runtime.dispose();
  });
});

/** A statistics block's lines with the numbers of nanoseconds as N. */
function statisticsShape(stderr: string): string {
  return stderr.replace(/\d+ ns/g, 'N ns').replace(/Instructions per second: \d+/, 'Instructions per second: N');
}

describe('ws run --enable-time-measuring, --enable-instruction-count, --enable-all-statistics', () => {
  it('--enable-time-measuring: WasmEdge\'s three times, then each host function\'s calls', () => {
    const result = runCli(['run', '--enable-time-measuring', guest('wasi_only')]);
    expect(result.stdout).toBe('argc 1\nWS_GREETING (unset)\n');
    expect(statisticsShape(result.stderr)).toBe(
      [
        '[ws] ====================  Statistics  ====================',
        '[ws]  Total execution time: N ns',
        '[ws]  Wasm instructions execution time: N ns',
        '[ws]  Host functions execution time: N ns',
        '[ws]   wasi_snapshot_preview1.args_sizes_get: 1 call, N ns',
        '[ws]   wasi_snapshot_preview1.args_get: 1 call, N ns',
        '[ws]   wasi_snapshot_preview1.fd_fdstat_get: 1 call, N ns',
        '[ws]   wasi_snapshot_preview1.fd_write: 2 calls, N ns',
        '[ws]   wasi_snapshot_preview1.environ_sizes_get: 1 call, N ns',
        '[ws] =======================   End   ======================',
        '',
      ].join('\n'),
    );
    const [total, wasm, host] = [...result.stderr.matchAll(/(\d+) ns/g)].map((m) => BigInt(m[1]!));
    expect(wasm! + host!).toBe(total);
  });

  it('--enable-all-statistics adds the instruction count and gas (the gas meter: equal to wasmedge\'s)', () => {
    const result = runCli(['run', '--enable-all-statistics', guest('wasi_only')]);
    expect(result.status).toBe(0);
    expect(statisticsShape(result.stderr)).toContain(
      '[ws]  Host functions execution time: N ns\n[ws]  Executed wasm instructions count: 6630\n[ws]  Gas costs: 6630\n[ws]  Instructions per second: N\n',
    );
    const count = runCli(['run', '--enable-instruction-count', guest('wasi_only')]);
    expect(count.stderr).toBe('[ws] ====================  Statistics  ====================\n[ws]  Executed wasm instructions count: 6630\n[ws] =======================   End   ======================\n');
  });

  it.runIf(haveWasmedge)('the instruction count is wasmedge\'s', () => {
    const theirs = spawnSync(wasmedge, ['--enable-instruction-count', guest('wasi_only')], { encoding: 'utf8' });
    expect(theirs.stdout).toContain(' Executed wasm instructions count: 6630\n');
  });

  it('cannot time a guest in another worker or process (exit code 2)', () => {
    const result = runCli(['run', '--enable-time-measuring', '--isolation', 'worker', guest('wasi_only')]);
    expect(result.stderr).toBe('[ws] WS_USAGE: ws run: --enable-time-measuring times the guest in this process: it cannot be used with --isolation worker. Leave one of them out.\n');
    expect(result.status).toBe(2);
  });
});

describe('ws run --module NAME:PATH', () => {
  const lib = `lib:${guest('linked_lib')}`;

  it('links a library module the guest imports (one instance shared by its calls)', () => {
    const result = runCli(['run', '--module', lib, '--reactor', guest('linked_main'), 'run', '21']);
    expect(result).toEqual({ status: 0, signal: null, stdout: '42\n2\n', stderr: '' });
  });

  it.runIf(haveWasmedge)('prints what wasmedge 0.17 prints', () => {
    const theirs = spawnSync(wasmedge, ['--module', lib, '--reactor', guest('linked_main'), 'run', '21'], { encoding: 'utf8' });
    expect(runCli(['run', '--module', lib, '--reactor', guest('linked_main'), 'run', '21']).stdout).toBe(theirs.stdout);
  });

  it('a bad value, a missing file, a module importing what is not linked before it: errors that say what to do', () => {
    const bad = runCli(['run', '--module', 'lib', guest('linked_main')]);
    expect(bad.stderr).toBe('[ws] WS_USAGE: ws run: --module needs NAME:PATH (e.g. --module lib:lib.wasm), got "lib".\n');
    expect(bad.status).toBe(2);
    const missing = runCli(['run', '--module', 'lib:/no/such.wasm', guest('linked_main')]);
    expect(missing.stderr).toBe('[ws] WS_USAGE: cannot read /no/such.wasm (--module lib:/no/such.wasm): ENOENT. Check the path of the .wasm file.\n');
    expect(missing.status).toBe(1);
    const importing = runCli(['run', '--module', `lib:${guest('linked_main')}`, '--reactor', guest('linked_main'), 'run', '1']);
    expect(importing.stderr).toBe(
      '[ws] WS_IMPORT_UNRESOLVED: The linked module lib (--module / RuntimeOptions.modules) imports lib.twice: a linked module may import only the modules linked before it (ws gives WASI and plug-in modules to the guest alone). Link lib first if it is a module of yours, or build the library without that import.\n',
    );
    expect(importing.status).toBe(1);
  });

  it('RuntimeOptions.modules: the same from the API, a fresh library instance per call', async () => {
    const { Runtime } = await import('@ws/core');
    const runtime = new Runtime({ modules: { lib: readFileSync(guest('linked_lib')) } });
    const main = readFileSync(guest('linked_main'));
    expect(await runtime.invoke(main, 'run', [5])).toEqual([10, 2]);
    expect(await runtime.invoke(main, 'run', [6])).toEqual([12, 2]);
    runtime.dispose();
  });
});

describe('wasmedge run\'s other options', () => {
  it('accepts those that mean something on V8, with the same output', () => {
    for (const option of ['--wasm-3', '--enable-threads', '--enable-all', '--enable-jit', '--run-mode=jit', '--run-mode=lazyjit']) {
      expect(runCli(['run', option, guest('wasi_only')]), option).toEqual({ status: 0, signal: null, stdout: 'argc 1\nWS_GREETING (unset)\n', stderr: '' });
    }
  });

  it('refuses those that cannot, with exit code 2 and the reason', () => {
    const proposals = 'V8 decides which WebAssembly proposals it runs for the whole process (Node 20 runs every standard one it has): ws cannot turn one off for a guest. Leave the option out.';
    const cases: [string[], string][] = [
      [['--wasm-1'], `--wasm-1 cannot be honoured: ${proposals}`],
      [['--disable-simd'], `--disable-simd cannot be honoured: ${proposals}`],
      [['--disable-memory64'], `--disable-memory64 cannot be honoured: ${proposals}`],
      [['--enable-component'], '--enable-component cannot be honoured: V8 has no WebAssembly component model: ws runs core modules only. Run a core module (e.g. built for wasm32-wasip1), or use WasmEdge for components.'],
      [['--force-interpreter'], "--force-interpreter cannot be honoured: V8 has no WebAssembly interpreter in Node's release builds: it always compiles. Leave the option out."],
      [['--enable-coredump'], '--enable-coredump cannot be honoured: V8 cannot write a WasmEdge core dump of a trapped guest. Leave the option out; a trap prints its reason and stack.'],
      [['--allow-af-unix'], '--allow-af-unix cannot be honoured: ws has no WasmEdge socket functions (node:wasi has no sockets: they return ENOSYS), so there are no UNIX domain sockets to allow. Leave the option out.'],
      [['--run-mode', 'aot'], '--run-mode aot cannot be honoured: V8 compiles the guest when it loads (there is no WasmEdge AOT .so to run); a WasmEdge AOT-compiled file still runs, from its wasm sections. Use --run-mode jit, or leave the option out.'],
      [['--run-mode', 'interpreter'], "--run-mode interpreter cannot be honoured: V8 has no WebAssembly interpreter in Node's release builds: it always compiles. Use --run-mode jit, or leave the option out."],
    ];
    for (const [options, message] of cases) {
      const result = runCli(['run', ...options, guest('wasi_only')]);
      expect(result.stderr, options.join(' ')).toBe(`[ws] WS_USAGE: ws run: ${message}\n`);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
    }
  });

  it.runIf(haveWasmedge)('every option of wasmedge run --help is one ws run knows', () => {
    const theirs = spawnSync(wasmedge, ['run', '--help'], { encoding: 'utf8' }).stdout.replace(/\x1b\[[0-9;]*m/g, '');
    const names = [...theirs.matchAll(/^--([a-z0-9-]+)$/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(35);
    const help = runCli(['run', '--help']).stdout;
    for (const name of names) expect(help, name).toMatch(new RegExp(`--${name}\\b`));
  });

  it('ws run --help groups them as wasmedge run --help orders them', () => {
    const help = runCli(['run', '--help']).stdout;
    const headings = [...help.matchAll(/^([A-Z][^\n]*):$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Options', 'WebAssembly proposals', 'Limits', 'Statistics (on stderr after the run)', 'Execution', 'Plug-in options']);
    expect(help).toContain('  --reactor                call _initialize if exported, then the function named by the first argument with the others as its parameters; print its results one per line\n');
  });
});
