// The stand-in's plug-in loader, driven from C (native/test-plugins/test/
// load_fixtures.c) with no Node layer in between: each fixture is loaded in a
// fresh process, so a crash in one fixture cannot hide behind another, and
// "survived" proves the process lived through the refusal.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = join(root, 'native/build/test-plugins');
const driver = join(fixturesDir, 'load_fixtures');

const fixture = (folder: string, file: string) => join(fixturesDir, folder, file);
const FIXTURE = fixture('ws_fixture', 'libws_fixture.so');
const PLUGINTEST = fixture('wasmedge_plugintest_c', 'libwasmedgePluginTestModuleC.so');
const DUP_A = fixture('duplicate_name', 'libdup_a.so');
const DUP_B = fixture('duplicate_name', 'libdup_b.so');

function runDriver(args: string[], env: Record<string, string> = {}) {
  if (!existsSync(driver)) throw new Error(`${driver} is missing. Run: node scripts/build-native.mjs`);
  const result = spawnSync(driver, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

interface LoadLine {
  file: string;
  status: string;
  plugin: string;
  api: number;
  message: string;
}

const LOAD_LINE = /^(\S+): ([A-Z_]+) plugin=(\S+) api=(\d+) message=(.*)$/;

function parseLoadLine(line: string): LoadLine {
  const match = LOAD_LINE.exec(line);
  if (!match) throw new Error(`unexpected driver line: ${line}`);
  return { file: match[1], status: match[2], plugin: match[3], api: Number(match[4]), message: match[5] };
}

/** Loads the files in one process; returns the parsed status lines and the rest. */
function load(...files: string[]) {
  const run = runDriver(['load', ...files]);
  expect(run.signal, run.stderr).toBeNull();
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.split('\n').filter((line) => line !== '');
  expect(lines.at(-1)).toBe('survived');
  const results = lines.filter((line) => LOAD_LINE.test(line)).map(parseLoadLine);
  return { results, lines, stderr: run.stderr };
}

describe('stand-in loader on the fixture plug-ins (C level)', () => {
  it('ws_fixture loads and creates its module with 18 functions', () => {
    const { results, lines } = load(FIXTURE);
    expect(results).toEqual([
      { file: 'libws_fixture.so', status: 'OK', plugin: 'ws_fixture', api: 5, message: '' },
    ]);
    expect(lines).toContain('  module ws_fixture -> ws_fixture (18 functions)');
    expect(lines).toContain('plugins loaded: 1');
  });

  it('ws_fixture: the module finalizer runs when the module is deleted', () => {
    const { stderr } = load(FIXTURE);
    expect(stderr).toContain('ws_fixture: finalizer ran');
  });

  it('wasmedge_plugintest_c loads; its module is named by the descriptor and frees its host data', () => {
    const { results, lines } = load(PLUGINTEST);
    expect(results).toEqual([
      { file: 'libwasmedgePluginTestModuleC.so', status: 'OK', plugin: 'wasmedge_plugintest_c', api: 5, message: '' },
    ]);
    const moduleLine = lines.indexOf('  module wasmedge_plugintest_c_module -> wasmedge_plugintest_c_module (2 functions)');
    expect(moduleLine).toBeGreaterThan(0);
    expect(lines[moduleLine + 1]).toBe('Deallocate host data');
  });

  it('not_a_library: a text file named .so is refused as not a shared library', () => {
    const [result] = load(fixture('not_a_library', 'libnot_a_library.so')).results;
    expect(result.status).toBe('NOT_SHARED_LIBRARY');
    expect(result.message).not.toBe('');
  });

  it('no_descriptor: a library without the entry symbol is refused', () => {
    const [result] = load(fixture('no_descriptor', 'libno_descriptor.so')).results;
    expect(result.status).toBe('NO_DESCRIPTOR');
    expect(result.message).toContain('WasmEdge_Plugin_GetDescriptor');
  });

  it('null_descriptor: GetDescriptor returning NULL is refused', () => {
    const [result] = load(fixture('null_descriptor', 'libnull_descriptor.so')).results;
    expect(result.status).toBe('NULL_DESCRIPTOR');
  });

  it('wrong_api_version: API version 2 is refused with both versions named', () => {
    const [result] = load(fixture('wrong_api_version', 'libwrong_api_version.so')).results;
    expect(result).toMatchObject({ status: 'API_VERSION', plugin: 'ws_wrong_api_version', api: 2 });
    expect(result.message).toMatch(/\b2\b/);
    expect(result.message).toMatch(/\b5\b/);
  });

  it('api4_fixture: a plug-in built against API-4 headers (WasmEdge 0.14.1-0.16) loads and creates its module', () => {
    const { results, lines } = load(fixture('api4_fixture', 'libws_api4_fixture.so'));
    expect(results).toEqual([{ file: 'libws_api4_fixture.so', status: 'OK', plugin: 'ws_api4_fixture', api: 4, message: '' }]);
    expect(lines).toContain('  module ws_api4 -> ws_api4 (4 functions)');
  });

  it('api3_fixture: the same plug-in declaring API 3 (WasmEdge 0.14.0) loads', () => {
    const { results } = load(fixture('api3_fixture', 'libws_api3_fixture.so'));
    expect(results).toEqual([{ file: 'libws_api3_fixture.so', status: 'OK', plugin: 'ws_api3_fixture', api: 3, message: '' }]);
  });

  it('missing_dependency: the dlopen error names the missing library', () => {
    const [result] = load(fixture('missing_dependency', 'libmissing_dependency.so')).results;
    expect(result.status).toBe('DLOPEN_FAILED');
    expect(result.message).toContain('libws_gone.so: cannot open shared object file');
  });

  it('duplicate_name: the first plug-in named ws_duplicate wins, the second is refused', () => {
    const { results, lines } = load(DUP_A, DUP_B);
    expect(results.map((r) => [r.file, r.status, r.plugin])).toEqual([
      ['libdup_a.so', 'OK', 'ws_duplicate'],
      ['libdup_b.so', 'DUPLICATE_NAME', 'ws_duplicate'],
    ]);
    expect(lines).toContain('plugins loaded: 1');
  });

  it('the same path loaded twice is a no-op the second time', () => {
    const { results } = load(DUP_A, DUP_A);
    expect(results.map((r) => r.status)).toEqual(['OK', 'ALREADY_LOADED']);
  });

  it('cxx_plugin: a WasmEdge C++ plug-in is recognised and refused without calling into it', () => {
    const [result] = load(fixture('cxx_plugin', 'libcxx_plugin.so')).results;
    expect(result.status).toBe('CXX_PLUGIN');
    expect(result.message).not.toBe('');
  });

  it('unknown_symbol_version: a plug-in needing WASMEDGE_9.99 is refused before dlopen can abort', () => {
    const [result] = load(fixture('unknown_symbol_version', 'libunknown_symbol_version.so')).results;
    expect(result.status).toBe('UNKNOWN_SYMBOL_VERSION');
    expect(result.message).toContain('WASMEDGE_9.99');
  });

  it.skipIf(!existsSync(fixture('arm64_plugin', 'libarm64_plugin.so')))(
    'arm64_plugin: a plug-in for aarch64 is refused as built for another machine',
    () => {
      const [result] = load(fixture('arm64_plugin', 'libarm64_plugin.so')).results;
      expect(result.status).toBe('NOT_SHARED_LIBRARY');
      expect(result.message).toContain('aarch64');
    },
  );

  it('a path that does not exist is reported as not found', () => {
    const [result] = load(join(fixturesDir, 'no_such_folder', 'libnothing.so')).results;
    expect(result.status).toBe('NOT_FOUND');
  });

  it('every fixture in one process: good ones load, bad ones are refused, the process survives', () => {
    const files = [
      FIXTURE,
      fixture('not_a_library', 'libnot_a_library.so'),
      fixture('no_descriptor', 'libno_descriptor.so'),
      fixture('null_descriptor', 'libnull_descriptor.so'),
      fixture('wrong_api_version', 'libwrong_api_version.so'),
      fixture('missing_dependency', 'libmissing_dependency.so'),
      DUP_A,
      DUP_B,
      fixture('cxx_plugin', 'libcxx_plugin.so'),
      fixture('unknown_symbol_version', 'libunknown_symbol_version.so'),
      PLUGINTEST,
    ];
    const { results, lines } = load(...files);
    expect(results.map((r) => r.status)).toEqual([
      'OK',
      'NOT_SHARED_LIBRARY',
      'NO_DESCRIPTOR',
      'NULL_DESCRIPTOR',
      'API_VERSION',
      'DLOPEN_FAILED',
      'OK',
      'DUPLICATE_NAME',
      'CXX_PLUGIN',
      'UNKNOWN_SYMBOL_VERSION',
      'OK',
    ]);
    expect(lines).toContain('plugins loaded: 3');
  });
});

// Every ws_fixture host function called through the stand-in with a
// stand-in memory of 1 page (maximum 2). See exercise_fixture.c.
const EXERCISE_OUTPUT = `option_summary (no options) = 41
  text "greeting= scale=0 verbose=0 ratio=0 tags="
set --scale (no value): rejected with a message
option_summary (--greeting) = 46
  text "greeting=hello scale=0 verbose=0 ratio=0 tags="
set --scale not-a-number: rejected with a message
set --scale 4294967296: rejected with a message
set --ratio 0.5x: rejected with a message
set --no-such-option 1: rejected with a message
add_i32(2,3) = 5
add_i32(2147483647,1) = -2147483648
add_i64(9007199254740993,1) = 9007199254740994
add_i64(INT64_MAX,1) = -9223372036854775808
mul_f32(0.1,3) = 0.300000012
mul_f64(0.1,3) = 0.30000000000000004
divmod(17,5) = 3 2
divmod(-17,5) = -3 -2
divmod(1,0) = error category=0 code=0x2
divmod(INT32_MIN,-1) = error category=0 code=0x2
mixed(1,2,0.5,0.25) = 3.75
counter() = 1
counter() = 2
write_bytes(16,8,7) = 0
sum_bytes(16,8) = 56
write_bytes(65530,8,1) = 1
write_bytes(16,0xFFFFFFF0,1) = 1
write_bytes(0xFFFFFFF0,0x20,1) = 1
sum_bytes(65536,0) = 0
sum_bytes(65537,0) = -1
sum_bytes(0,0xFFFFFFFF) = -1
get_option(100,64,96) = 0
  written 2
  text "hi"
get_option(300,1,296) = 0
  written 1
  text "h"
get_option(65535,4,96) = 1
get_option(100,4,65533) = 1
get_option(100,0xFFFFFFF0,96) = 1
option_summary(400,256) = 48
  text "greeting=hi scale=3 verbose=1 ratio=0.5 tags=a,b"
option_summary(400,0xFFFFFFF0) = -1
memory_pages() = 1
grow_memory(1) = 2
grow_memory(1) = -1
grow_memory(0xFFFFFFFF) = -1
memory_pages() = 2
write_bytes(65530,8,1) = 0
fail() = error category=0 code=0x2
fail_user(42) = error category=1 code=0x2a
terminate() = error category=0 code=0x1
call_export(double_it,21) = 42
call_export(no_result,21) = -1
call_export(nope,1) = -1
call_export(0xFFFFFFF0,16,1) = -2
list_exports() = 2
no memory: write_bytes(0,1,1) = 1
no memory: write_bytes(0,0,1) = 1
no memory: sum_bytes(0,0) = -1
no memory: get_option(0,4,8) = 1
no memory: option_summary(0,4) = -1
no memory: memory_pages() = -1
no memory: grow_memory(1) = -1
no memory: call_export(0,1,1) = -2
no module: list_exports() = -1
survived
`;

describe('ws_fixture host functions through the stand-in (C level)', () => {
  it('every function returns exactly the documented values, including bad input', () => {
    const run = runDriver(['exercise', FIXTURE]);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.stdout).toBe(EXERCISE_OUTPUT);
    expect(run.status).toBe(0);
  });

  it('the finalizer appends to WS_FIXTURE_FINALIZER_LOG once per deleted module', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'ws-finalizer-'));
    try {
      const log = join(dir, 'finalizer.log');
      const run = runDriver(['exercise', FIXTURE], { WS_FIXTURE_FINALIZER_LOG: log });
      expect(run.status).toBe(0);
      // Two summary modules (counter untouched) and the exercised one (counter=2).
      expect(readFileSync(log, 'utf8')).toBe(
        'ws_fixture: finalizer ran (counter=0)\n'.repeat(2) + 'ws_fixture: finalizer ran (counter=2)\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
