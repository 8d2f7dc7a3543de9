// Runtime({ isolation }): the same guests give the same output and exit codes in this
// thread, in a worker thread and in a child process; a plug-in that crashes the child
// process becomes a coded error and this process lives on.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IsolatedCrashError, Plugin, Runtime, WsError, type Isolation, type RuntimeOptions } from '@ws/core';
import { captureStdout, fixtureDir, guest, guestBytes, root, runCli } from '../helpers/paths.js';

const levels: Isolation[] = ['none', 'worker', 'process'];
const plugins = join(root, 'native/build/plugins');
const execGuest = readFileSync(join(root, 'packages/process/guests/build/exec.wasm'));

Plugin.loadFromPath(fixtureDir('ws_crash'));
Plugin.loadFromPath(join(plugins, 'libwasmedgePluginWasmEdgeProcess.so'));

async function runEach(bytes: Buffer, options: RuntimeOptions): Promise<{ isolation: Isolation; code: number; stdout: string }[]> {
  const results = [];
  for (const isolation of levels) {
    const { value, stdout } = await captureStdout((fd) => new Runtime({ ...options, isolation, stdout: fd, discoverPackages: false }).run(bytes));
    results.push({ isolation, code: value, stdout });
  }
  return results;
}

describe('isolation', () => {
  it('a WASI guest prints the same arguments and environment and exits with the same code at every level', async () => {
    const results = await runEach(guestBytes('wasi_only'), { args: ['wasi_only.wasm', 'a b', 'exit7'], env: { WS_GREETING: 'hello' } });
    for (const result of results) {
      expect(result).toEqual({ isolation: result.isolation, code: 7, stdout: 'argc 3\nargv[1] a b\nargv[2] exit7\nWS_GREETING hello\n' });
    }
  });

  it('a plug-in guest (wasmedge_process with allow-command) runs the same command at every level', async () => {
    const results = await runEach(execGuest, { args: ['exec.wasm', 'echo', 'isolated'], pluginOptions: { 'allow-command': ['echo'] } });
    for (const result of results) expect(result).toEqual({ isolation: result.isolation, code: 0, stdout: 'isolated\n' });
  });

  it('preopens and memory growth behave the same at every level', async () => {
    for (const isolation of levels) {
      const folder = mkdtempSync(join(tmpdir(), 'ws-isolation-'));
      writeFileSync(join(folder, 'in.txt'), `text of ${isolation}`);
      const { value, stdout } = await captureStdout((fd) =>
        new Runtime({ isolation, args: ['files.wasm', '100'], preopens: { '/data': folder }, stdout: fd, discoverPackages: false }).run(guestBytes('files')),
      );
      expect({ value, stdout }).toEqual({ value: 0, stdout: `read text of ${isolation}\npages 2 102\n` });
      expect(readFileSync(join(folder, 'out.txt'), 'utf8')).toBe(`TEXT OF ${isolation.toUpperCase()}`);
    }
  });

  it('a trap and an unresolved import reject with the same classes and codes at every level', async () => {
    for (const isolation of levels) {
      const error = await new Runtime({ isolation, discoverPackages: false }).run(guestBytes('unresolved')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WsError);
      expect((error as WsError).code).toBe('WS_IMPORT_UNRESOLVED');
      expect((error as Error).name).toBe('ImportResolutionError');
    }
  });

  for (const [what, signal] of [['segfault', 'SIGSEGV'], ['abort', 'SIGABRT']] as const) {
    it(`a plug-in that crashes with ${signal} under 'process' is a coded error naming the signal and the plug-in; this process lives on`, async () => {
      const { value: error, stdout } = await captureStdout((fd) =>
        new Runtime({ isolation: 'process', args: ['crash.wasm', what], stdout: fd, discoverPackages: false }).run(guestBytes('crash')).catch((e: unknown) => e),
      );
      expect(error).toBeInstanceOf(IsolatedCrashError);
      expect(error).toMatchObject({ code: 'WS_ISOLATED_CRASH', signal, plugins: ['ws_crash'], modules: ['ws_crash'] });
      expect((error as Error).message).toContain(`killed by ${signal}`);
      expect((error as Error).message).toContain('the crash is in plug-in ws_crash');
      expect(stdout).toBe(`calling ${what}\n`);
      // Still here: the same plug-in's working function runs in this process.
      const ok = await captureStdout((fd) => new Runtime({ args: ['crash.wasm', 'ok'], stdout: fd, discoverPackages: false }).run(guestBytes('crash')));
      expect(ok).toEqual({ value: 3, stdout: 'calling ok\nreturned 42\n' });
    });
  }

  it('a time limit ends a spinning guest in a child process and in a worker; the caller goes on', async () => {
    for (const isolation of ['worker', 'process'] as const) {
      const error = await new Runtime({ isolation, timeLimitMs: 200, discoverPackages: false } as RuntimeOptions).run(guestBytes('spin')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WsError);
      // The guest's own Runtime stops it (WS_TIME_LIMIT) or, failing that, its worker/process is ended.
      expect(['WS_TIME_LIMIT', 'WS_ISOLATED_TIME_LIMIT']).toContain((error as WsError).code);
    }
  });

  it('a time limit answers the caller even while a host call blocks (3 s in ws_crash.sleep_ms): the worker is ended, the process killed', async () => {
    for (const isolation of ['worker', 'process'] as const) {
      const { value: error, stdout } = await captureStdout((fd) =>
        new Runtime({ isolation, timeLimitMs: 200, args: ['crash.wasm', 'sleep'], stdout: fd, discoverPackages: false } as RuntimeOptions).run(guestBytes('crash')).catch((e: unknown) => e),
      );
      // The guest's own Runtime cannot stop a host call that never looks at the interrupt flag.
      expect(error).toMatchObject({ code: 'WS_ISOLATED_TIME_LIMIT', message: expect.stringContaining('time limit of 200 ms') });
      expect(stdout).toBe('calling sleep\n');
    }
  });

  it('refuses JS imports, a module for another process and unknown levels with coded errors', async () => {
    const imports = { env: { f: () => 0 } };
    await expect(new Runtime({ isolation: 'worker', imports }).run(guestBytes('wasi_only'))).rejects.toMatchObject({
      code: 'WS_ISOLATION',
      message: expect.stringContaining("JS functions cannot cross a thread boundary"),
    });
    const module = await WebAssembly.compile(guestBytes('wasi_only'));
    await expect(new Runtime({ isolation: 'process' }).run(module)).rejects.toMatchObject({ code: 'WS_ISOLATION', message: expect.stringContaining("Pass the guest's bytes") });
    expect(() => new Runtime({ isolation: 'thread' as Isolation })).toThrow(/isolation must be one of 'none', 'worker', 'process', got "thread"/);
    const disposed = new Runtime({ isolation: 'worker' });
    disposed.dispose();
    await expect(disposed.run(guestBytes('wasi_only'))).rejects.toMatchObject({ code: 'WS_RUNTIME_DISPOSED' });
    expect(guest('spin')).toContain('spin.wasm');
  });
});

describe('ws run --isolation', () => {
  it('prints the same output and exits with the same code at every level', () => {
    for (const isolation of levels) {
      const result = runCli(['run', '--isolation', isolation, '--env', 'WS_GREETING=cli', guest('wasi_only'), 'exit7']);
      expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 7, stdout: `argc 2\nargv[1] exit7\nWS_GREETING cli\n` });
    }
  });

  it('a crashing plug-in under --isolation process is an error with the signal and the plug-in, exit code 1; an unknown level is a usage error', () => {
    const crash = runCli(['run', '--isolation', 'process', '--plugin-path', fixtureDir('ws_crash'), guest('crash'), 'segfault']);
    expect(crash).toMatchObject({ status: 1, signal: null, stdout: 'calling segfault\n' });
    expect(crash.stderr).toContain("[ws] WS_ISOLATED_CRASH: The guest's isolated process was killed by SIGSEGV (segmentation fault); this process is unaffected. The guest imports module ws_crash of plug-in ws_crash");
    const bad = runCli(['run', '--isolation', 'thread', guest('wasi_only')]);
    expect(bad).toMatchObject({ status: 2, stderr: '[ws] WS_USAGE: ws run: --isolation needs one of none, worker, process, got "thread".\n' });
  });
});
