// Counterparts of WasmEdge's test/plugins/wasmedge_process/wasmedge_process.cpp
// (spec §4.3): the module's host functions are called directly with a memory
// (WasmEdge's CallingFrame) or without one (its DummyCallFrame). WasmEdge reads
// the environment's fields; here each field is observed through a real run.
import { afterEach, describe, expect, it } from 'vitest';
import { HostFunctionError } from '@ws/core';
import { wasmedgeProcessFunctionNames } from '../src/function-names.js';
import { DirectModule, ETIMEDOUT, denial } from './helpers.js';

let current: DirectModule | undefined;
function direct(options: ConstructorParameters<typeof DirectModule>[0] = {}): DirectModule {
  current = new DirectModule(options);
  return current;
}
afterEach(() => {
  current?.dispose();
  current = undefined;
});

function expectHostFuncError(call: () => unknown): void {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(WebAssembly.RuntimeError);
  expect(caught).toBeInstanceOf(HostFunctionError);
  expect((caught as HostFunctionError).errorCode).toBe(0x040e);
}

describe('wasmedge_process (WasmEdge gtest counterparts)', () => {
  it('SetProgName: "echo" becomes the program; no memory traps', () => {
    const m = direct({ allowAll: true });
    m.host.wasmedge_process_set_prog_name(...m.put('echo'));
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe('\n');
    expectHostFuncError(() => m.noMemory.wasmedge_process_set_prog_name(0, 4));
  });

  it('AddArg: arg1, arg2, --final-arg are passed in order; no memory traps', () => {
    const m = direct({ allowAll: true });
    m.command('echo', 'arg1', 'arg2', '--final-arg');
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe('arg1 arg2 --final-arg\n');
    expectHostFuncError(() => m.noMemory.wasmedge_process_add_arg(0, 4));
  });

  it('AddEnv: ENV1=VALUE1 and LD_LIBRARY_PATH are recorded, LD_* never reaches the child; no memory traps', () => {
    const m = direct({ allowAll: true });
    m.host.wasmedge_process_add_env(...m.put('ENV1'), ...m.put('VALUE1'));
    m.host.wasmedge_process_add_env(...m.put('LD_LIBRARY_PATH'), ...m.put('/usr/local/lib'));
    m.command('env');
    expect(m.host.wasmedge_process_run()).toBe(0);
    // WasmEdge's map holds both (size 2); ws drops LD_* when building the child's environment.
    expect(m.stdout()).toBe('ENV1=VALUE1\n');
    expectHostFuncError(() => m.noMemory.wasmedge_process_add_env(0, 4, 4, 6));
  });

  it('AddStdIn: 01 02 03 04 then "hello, wasmedge\\n" are 20 bytes of stdin; no memory traps', () => {
    const m = direct({ allowAll: true });
    m.host.wasmedge_process_add_stdin(...m.put(new Uint8Array([1, 2, 3, 4])));
    m.host.wasmedge_process_add_stdin(...m.put('hello, wasmedge\n'));
    m.command('od', '-An', '-tx1', '-v');
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.stdout()).toBe(' 01 02 03 04 68 65 6c 6c 6f 2c 20 77 61 73 6d 65\n 64 67 65 0a\n');
    expectHostFuncError(() => m.noMemory.wasmedge_process_add_stdin(0, 4));
  });

  it('SetTimeOut: set_timeout(100) makes the next run time out after 100 ms', () => {
    const m = direct({ allowAll: true });
    m.host.wasmedge_process_set_timeout(100);
    m.command('sleep', '5');
    const started = performance.now();
    expect(m.host.wasmedge_process_run()).toBe(ETIMEDOUT);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(99);
    expect(elapsed).toBeLessThan(900);
  });

  it('Run: denied c++, c++ with allow-all, c++ on the allow-list, /bin/echo "123456 test"', () => {
    let m = direct();
    m.command('c++');
    expect(m.host.wasmedge_process_run()).toBe(-1);
    expect(m.host.wasmedge_process_get_stdout_len()).toBe(0);
    expect(m.stderr()).toBe(denial('c++'));
    m.dispose();

    m = direct({ allowAll: true });
    m.command('c++');
    expect(m.host.wasmedge_process_run()).toBe(1);
    expect(m.host.wasmedge_process_get_stderr_len()).toBeGreaterThan(0);
    m.dispose();

    m = direct({ allowCommands: ['c++'] });
    m.command('c++');
    expect(m.host.wasmedge_process_run()).toBe(1);
    expect(m.host.wasmedge_process_get_stderr_len()).toBeGreaterThan(0);
    m.command('/bin/echo', '123456 test');
    expect(m.host.wasmedge_process_run()).toBe(-1); // not on the list: exact match only
    m.dispose();

    m = direct({ allowCommands: ['/bin/echo'] });
    m.command('/bin/echo', '123456 test');
    expect(m.host.wasmedge_process_run()).toBe(0);
    expect(m.host.wasmedge_process_get_stdout_len()).toBe(12);
    expect(m.stdout()).toBe('123456 test\n');
    expect(m.host.wasmedge_process_get_stderr_len()).toBe(0);
  });

  it('TimeoutPrecision: sleep 2 with a 500 ms timeout returns ETIMEDOUT after 400-900 ms', () => {
    const m = direct({ allowAll: true });
    m.command('sleep', '2');
    m.host.wasmedge_process_set_timeout(500);
    const started = performance.now();
    expect(m.host.wasmedge_process_run()).toBe(ETIMEDOUT);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(elapsed).toBeLessThanOrEqual(900);
    // ws never fires early (WasmEdge before 0.17 rounded to whole seconds, firing at 1000 ms).
    expect(elapsed).toBeGreaterThanOrEqual(499);
  });

  it('GetExitCode: 0 before any run, then the exit code of the last run (42)', () => {
    const m = direct({ allowAll: true });
    expect(m.host.wasmedge_process_get_exit_code()).toBe(0);
    m.command('sh', '-c', 'exit 42');
    expect(m.host.wasmedge_process_run()).toBe(42);
    expect(m.host.wasmedge_process_get_exit_code()).toBe(42);
  });

  it('GetStdOut: echo "$(pwd)" prints it literally (no shell); no memory traps; the copy equals the capture', () => {
    const m = direct({ allowAll: true });
    m.command('echo', '$(pwd)');
    expect(m.host.wasmedge_process_run()).toBe(0);
    const length = m.host.wasmedge_process_get_stdout_len();
    expect(length).toBe(7);
    expectHostFuncError(() => m.noMemory.wasmedge_process_get_stdout(0));
    expect(m.stdout()).toBe('$(pwd)\n');
    expect(m.stdout()).toBe('$(pwd)\n'); // repeatable until the next run
  });

  it('GetStdErr: c++ fails with a non-empty stderr; no memory traps; the copy equals the capture', () => {
    const m = direct({ allowAll: true });
    m.command('c++');
    expect(m.host.wasmedge_process_run()).not.toBe(0);
    const length = m.host.wasmedge_process_get_stderr_len();
    expect(length).toBeGreaterThan(0);
    expectHostFuncError(() => m.noMemory.wasmedge_process_get_stderr(0));
    const text = m.stderr();
    expect(text.length).toBe(length);
    expect(text).toContain('no input files');
  });

  it('Module: a fresh module has exit code 0 and exactly the 11 functions', () => {
    const m = direct();
    expect(m.module.name).toBe('wasmedge_process');
    expect(m.module.listFunctions()).toEqual([...wasmedgeProcessFunctionNames]);
    expect(m.module.listFunctions()).toHaveLength(11);
    expect(m.host.wasmedge_process_get_exit_code()).toBe(0);
  });
});
