// The test guests (test/guests, outputs documented in test/guests/README.md)
// run end to end: `ws run` CLI -> @ws/core -> bridge addon -> libwasmedge.so.0
// stand-in -> fixture plug-ins. Every assertion is on exact output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DEFAULT_OUTPUT, FIXTURE_OOB_OUTPUT, lines } from '../helpers/fixture-output.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'packages/core/dist/cli/main.js');
const guests = join(root, 'test/guests/build');
const FIXTURE = join(root, 'native/build/test-plugins/ws_fixture/libws_fixture.so');
const PLUGINTEST_DIR = join(root, 'native/build/test-plugins/wasmedge_plugintest_c');

function ws(args: string[], env: Record<string, string> = {}) {
  for (const [path, fix] of [
    [cli, 'pnpm --filter @ws/core build'],
    [FIXTURE, 'node scripts/build-native.mjs'],
    [join(guests, 'fixture_calls.wasm'), 'pnpm --filter @ws/tests build'],
  ]) {
    if (!existsSync(path)) throw new Error(`${path} is missing. Run: ${fix}`);
  }
  const result = spawnSync(process.execPath, [cli, 'run', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
    timeout: 30000,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const fixtureCalls = (...args: string[]) => ws(['--plugin-path', FIXTURE, join(guests, 'fixture_calls.wasm'), ...args]);
const withOptions = (options: string[]) => ws(['--plugin-path', FIXTURE, ...options, join(guests, 'fixture_calls.wasm')]);
describe('fixture_calls.wasm through ws_fixture', () => {
  it('every value type, multi-value, options, memory read/write/grow', () => {
    const run = fixtureCalls();
    expect(run.stdout).toBe(FIXTURE_DEFAULT_OUTPUT);
    expect(run.status, run.stderr).toBe(0);
  });

  it('options of every kind reach the plug-in exactly', () => {
    const run = withOptions(['--greeting=hi', '--scale=3', '--verbose', '--ratio=0.5', '--tags', 'a', '--tags', 'b']);
    expect(run.stdout).toContain(
      lines(
        'get_option 128 = 0 written 2 "hi"',
        'get_option 2 = 0 written 2 "hi"',
        'option_summary = 48 "greeting=hi scale=3 verbose=1 ratio=0.5 tags=a,b"',
      ),
    );
    expect(run.status, run.stderr).toBe(0);
  });

  it('a string option given without a value takes its implicit value, cut to the buffer', () => {
    const run = withOptions(['--greeting', '--scale=0']);
    expect(run.stdout).toContain(
      lines(
        'get_option 128 = 0 written 5 "hello"',
        'get_option 2 = 0 written 2 "he"',
        'option_summary = 46 "greeting=hello scale=0 verbose=0 ratio=0 tags="',
      ),
    );
  });

  it('counter: host data lives as long as the module instance', () => {
    const run = fixtureCalls('counter');
    expect(run.stdout).toBe(lines('counter = 1', 'counter = 2', 'counter = 3'));
    expect(run.status, run.stderr).toBe(0);
  });

  it('the finalizer runs when the run ends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-finalizer-'));
    try {
      const log = join(dir, 'log');
      const run = ws(['--plugin-path', FIXTURE, join(guests, 'fixture_calls.wasm'), 'counter'], { WS_FIXTURE_FINALIZER_LOG: log });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain('ws_fixture: finalizer ran');
      expect(readFileSync(log, 'utf8')).toBe('ws_fixture: finalizer ran (counter=3)\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('oob: out-of-range pointers and huge lengths return error codes, nothing crashes', () => {
    const run = fixtureCalls('oob');
    expect(run.stdout).toBe(FIXTURE_OOB_OUTPUT);
    expect(run.status, run.stderr).toBe(0);
  });

  it('callback: the plug-in calls the guest export double_it through the executor', () => {
    const run = fixtureCalls('callback');
    expect(run.stdout).toBe(
      lines(
        'call_export double_it 21 = 42',
        'call_export double_it -4 = -8',
        'call_export missing 1 = -1',
        'call_export _start 1 = -1',
        'list_exports = 2',
      ),
    );
    expect(run.status, run.stderr).toBe(0);
  });

  it.each([
    ['fail', 'before fail', 'ws_fixture.fail'],
    ['fail_user', 'before fail_user', 'ws_fixture.fail_user'],
    ['divzero', 'before divmod 1 0', 'ws_fixture.divmod'],
  ])('%s: a failing host function traps the guest and names the function', (scenario, before, name) => {
    const run = fixtureCalls(scenario);
    expect(run.stdout).toBe(lines(before));
    expect(run.stderr).toContain(name);
    expect(run.stderr).toContain('ws_fixture');
    expect(run.status).not.toBe(0);
    expect(run.signal).toBeNull();
  });

  it('fail_user: the user error code reaches the message', () => {
    expect(fixtureCalls('fail_user').stderr).toMatch(/0x2a|\b42\b/);
  });

  it('terminate: the guest ends with exit code 0 and nothing after the call runs', () => {
    const run = fixtureCalls('terminate');
    expect(run.stdout).toBe(lines('before terminate'));
    expect(run.status, run.stderr).toBe(0);
  });
});

describe('other test guests', () => {
  it('plugintest_c.wasm: WasmEdge C test plug-in prints its accumulator and frees its host data', () => {
    const run = ws(['--plugin-path', PLUGINTEST_DIR, join(guests, 'plugintest_c.wasm')]);
    expect(run.stdout).toBe(
      lines(
        'Current accumulate: 5',
        'add 2 3 = 5',
        'Current accumulate: 11',
        'sub 10 4 = 6',
        'Current accumulate: 4',
        'sub 1 8 = -7',
        'Deallocate host data',
      ),
    );
    expect(run.status, run.stderr).toBe(0);
  });

  it('wasi_only.wasm: args, env and exit code', () => {
    const run = ws(['--env', 'WS_GREETING=hi', join(guests, 'wasi_only.wasm'), 'a', 'b c', 'exit7']);
    expect(run.stdout).toBe(lines('argc 4', 'argv[1] a', 'argv[2] b c', 'argv[3] exit7', 'WS_GREETING hi'));
    expect(run.status, run.stderr).toBe(7);
  });

  it('wasi_only.wasm: an unset variable', () => {
    const run = ws([join(guests, 'wasi_only.wasm')]);
    expect(run.stdout).toBe(lines('argc 1', 'WS_GREETING (unset)'));
    expect(run.status, run.stderr).toBe(0);
  });

  it('no_memory.wasm: a guest without memory calls ws_fixture; write_bytes reports out of range', () => {
    const run = ws(['--plugin-path', FIXTURE, join(guests, 'no_memory.wasm')]);
    expect(run.stdout).toBe('');
    expect(run.status, run.stderr).toBe(11);
  });

  // wasmedge_process.* and wasi_ephemeral_nn.* resolve when those plug-ins (or
  // their WasmEdge-style mocks) are available, so only the two imports nothing
  // can provide are certain to be listed.
  it('unresolved.wasm: one error lists every unresolved import', () => {
    const run = ws(['--plugin-path', FIXTURE, join(guests, 'unresolved.wasm')]);
    expect(run.stdout).toBe('');
    expect(run.status).not.toBe(0);
    expect(run.signal).toBeNull();
    expect(run.stderr.match(/WS_IMPORT_UNRESOLVED/g)).toHaveLength(1);
    expect(run.stderr).toContain('nonexistent_mod.f');
    expect(run.stderr).toContain('ws_fixture.no_such_function');
  });

  it("extra_wasi.wasm: WasmEdge's extra socket functions link and return ENOSYS", () => {
    const run = ws([join(guests, 'extra_wasi.wasm')]);
    expect(run.stdout).toBe(lines('sock_open = 52', 'sock_getaddrinfo = 52'));
    expect(run.status, run.stderr).toBe(0);
  });
});
