// The ws command itself: usage errors, non-wasm input, `ws plugins` with
// rejected files, `ws typegen`, and `ws run --help` listing plug-in options.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PLUGIN, fixtureDir, guest, root, runCli } from '../helpers/paths.js';

// An empty folder as cwd, and no NODE_PATH: installed workspace packages are not discovered.
// Install hints: with no lockfile above the temp folder, the package manager that started ws (pnpm here, whatever runs the tests).
const isolated = { cwd: mkdtempSync(join(tmpdir(), 'ws-cli-')), env: { NODE_PATH: '', WASMEDGE_PLUGIN_PATH: '', npm_config_user_agent: 'pnpm/12.4.2 npm/? node/v20.20.2 linux x64' } };

describe('ws run', () => {
  it('a file that is not WebAssembly gives a clear message and exit 1', () => {
    const file = join(isolated.cwd, 'script.wasm');
    writeFileSync(file, '#!/bin/sh\necho hi\n');
    const result = runCli(['run', file], isolated);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('[ws] WS_NOT_WASM: The input is not a WebAssembly binary (no \\0asm magic number). Pass a .wasm file compiled for wasm32-wasi.\n');
  });

  it('a missing file names it', () => {
    const result = runCli(['run', '/no/such/app.wasm'], isolated);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot read \/no\/such\/app\.wasm: ENOENT/);
  });

  it('an unknown option is a usage error (exit 2)', () => {
    const result = runCli(['run', '--no-such-option', guest('wasi_only')], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('[ws] WS_USAGE: unknown option --no-such-option. Run ws run --help for the options.\n');
  });

  it('an option of a known but missing plug-in names the package to install', () => {
    const result = runCli(['run', '--allow-command', 'ls', guest('wasi_only')], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--allow-command is an option of the wasmedge_process plug-in, which is not installed\. Install it: pnpm add @ws\/process/);
  });

  it('--help lists core options, loaded plug-in options and options of plug-ins not installed', () => {
    const result = runCli(['run', '--plugin-path', FIXTURE_PLUGIN, '--help'], isolated);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--dir GUEST:HOST/);
    expect(result.stdout).toMatch(/--greeting STRING .*\[ws_fixture\]/);
    expect(result.stdout).toMatch(/--allow-command CMD .*not installed, pnpm add @ws\/process/);
  });

  it('an option that took the guest path as its value says so', () => {
    const wasm = guest('fixture_calls');
    const result = runCli(['run', '--plugin-path', FIXTURE_PLUGIN, '--tags', wasm], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `[ws] WS_USAGE: no WebAssembly file given: --tags took ${wasm} as its value. Give --tags its value before the guest (--tags VALUE ${wasm}, or --tags=VALUE).\n`,
    );
    const dir = runCli(['run', '--dir', wasm], isolated);
    expect(dir.stderr).toMatch(/--dir took .*fixture_calls\.wasm as its value/);
    const none = runCli(['run', '--env', 'A=1'], isolated);
    expect(none.stderr).toBe('[ws] WS_USAGE: no WebAssembly file given. Usage: ws run [options] app.wasm [args...]\n');
  });

  it('a single-dash option is a usage error, not a file to read; -- runs such a file', () => {
    const result = runCli(['run', '-x', guest('wasi_only')], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      '[ws] WS_USAGE: unknown option -x: options start with two dashes (--name). Run ws run --help for the options, or put -- before a guest file whose name starts with a dash.\n',
    );
    const dashed = runCli(['run', '--', guest('wasi_only'), '-x'], isolated);
    expect(dashed.status).toBe(0);
    expect(dashed.stdout).toBe('argc 2\nargv[1] -x\nWS_GREETING (unset)\n');
  });

  it('--forbidden-plugin keeps the modules of that plug-in from the guest, like wasmedge', () => {
    const result = runCli(['run', '--plugin-path', FIXTURE_PLUGIN, '--forbidden-plugin', 'ws_fixture', guest('no_memory')], isolated);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[ws] WS_IMPORT_UNRESOLVED: The guest has 3 imports that did not resolve:\n');
    expect(result.stderr).toContain('  ws_fixture.add_i32: plug-in ws_fixture provides it, but it is forbidden (forbiddenPlugins / --forbidden-plugin)\n');
    const other = runCli(['run', '--plugin-path', FIXTURE_PLUGIN, '--forbidden-plugin', 'wasmedge_process', guest('no_memory')], isolated);
    expect(other.status).toBe(11);
  });

  it('an empty --dir, --env or --plugin-path value, or a --dir side left empty, is a usage error', () => {
    expect(runCli(['run', '--dir=', guest('wasi_only')], isolated).stderr).toBe('[ws] WS_USAGE: --dir needs a value.\n');
    expect(runCli(['run', '--env=', guest('wasi_only')], isolated).stderr).toBe('[ws] WS_USAGE: --env needs a value.\n');
    for (const dir of [':/tmp', '.:', '.:.:readonly:x', '.:.:ro']) {
      const result = runCli(['run', '--dir', dir, guest('wasi_only')], isolated);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`[ws] WS_USAGE: --dir takes HOST, GUEST:HOST or GUEST:HOST:readonly (e.g. --dir .:. or --dir /data:./data:readonly), got "${dir}".\n`);
    }
  });

  it('a plug-in option value the plug-in refuses is a usage error (exit 2)', () => {
    const result = runCli(['run', '--plugin-path', FIXTURE_PLUGIN, '--scale', 'abc', guest('fixture_calls')], isolated);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^\[ws\] WS_PLUGIN_OPTION: Plug-in ws_fixture: option --scale takes an integer, got "abc"/m);
  });

  it('a guest whose file name does not end in .wasm gets its own --help and --plugin-path arguments', () => {
    const file = join(isolated.cwd, 'wasi_only');
    copyFileSync(guest('wasi_only'), file);
    const help = runCli(['run', file, '--help'], isolated);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe('argc 2\nargv[1] --help\nWS_GREETING (unset)\n');
    const args = runCli(['run', file, 'a', '--plugin-path', '/no/such/plugins'], isolated);
    expect(args.status).toBe(0);
    expect(args.stderr).toBe('');
    expect(args.stdout).toBe('argc 4\nargv[1] a\nargv[2] --plugin-path\nargv[3] /no/such/plugins\nWS_GREETING (unset)\n');
  });

  it('--dir with a missing host directory names it (exit 1)', () => {
    const result = runCli(['run', '--dir', '.:/no/such/dir', guest('wasi_only')], isolated);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      '[ws] WS_PREOPEN: The host directory /no/such/dir preopened as . does not exist. Give an existing directory (ws run --dir GUEST:HOST, RuntimeOptions.preopens).\n',
    );
  });

  it('a broken --plugin-path is reported and the guest still runs', () => {
    const result = runCli(['run', '--plugin-path', fixtureDir('no_descriptor'), guest('wasi_only'), 'x'], isolated);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('argc 2\nargv[1] x\nWS_GREETING (unset)\n');
    expect(result.stderr).toMatch(/^\[ws\] WS_PLUGIN_NO_DESCRIPTOR: .*libno_descriptor\.so does not export WasmEdge_Plugin_GetDescriptor/m);
  });
});

describe('ws --version', () => {
  it('prints the version of @ws/core and the WasmEdge version its stand-in emulates (the header\'s)', () => {
    const version = (JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as { version: string }).version;
    const header = readFileSync(join(root, 'native/include/wasmedge/wasmedge.h'), 'utf8');
    const wasmedge = /#define WASMEDGE_VERSION "([^"]+)"/.exec(header)![1]!;
    const api = /#define WasmEdge_Plugin_CurrentAPIVersion (\d+)/.exec(header)![1]!;
    for (const flag of ['--version', '-v', 'version']) {
      const result = runCli([flag], isolated);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^ws ${version.replace(/\./g, '\\.')} \\(WasmEdge ${wasmedge.replace(/\./g, '\\.')} C API, plug-in API (\\d, )*${api}\\)\n$`));
    }
  });
});

describe('ws plugins', () => {
  it('lists loaded plug-ins and every rejected file with its reason', () => {
    const args = ['plugins', '--plugin-path', FIXTURE_PLUGIN];
    for (const broken of ['not_a_library', 'no_descriptor', 'cxx_plugin', 'duplicate_name']) args.push('--plugin-path', fixtureDir(broken));
    const result = runCli([...args, '--json'], isolated);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { plugins: { name: string; modules: string[] }[]; rejected: { path: string; code: string }[] };
    expect(report.plugins.map((p) => p.name)).toEqual(['ws_fixture', 'ws_duplicate']);
    expect(report.plugins[0]!.modules).toEqual(['ws_fixture']);
    expect(report.rejected.map((r) => [r.path.split('/').pop(), r.code]).sort()).toEqual([
      ['libcxx_plugin.so', 'WS_PLUGIN_CXX'],
      ['libdup_b.so', 'WS_PLUGIN_DUPLICATE'],
      ['libno_descriptor.so', 'WS_PLUGIN_NO_DESCRIPTOR'],
      ['libnot_a_library.so', 'WS_PLUGIN_NOT_SHARED_LIBRARY'],
    ]);
    const text = runCli(args, isolated);
    expect(text.stdout).toMatch(/^ws_fixture \d+\.\d+\.\d+\.\d+ \(plug-in API 5, WasmEdge 0\.17\)$/m);
    expect(text.stdout).toMatch(/^Rejected files:$/m);
    // Listed once, on stdout: not repeated as warnings on stderr.
    expect(text.stderr).toBe('');
    const file = runCli(['plugins', '--plugin-path', join(fixtureDir('no_descriptor'), 'libno_descriptor.so')], isolated);
    expect(file.stdout).toMatch(/^Rejected files:\n  .*libno_descriptor\.so\n    WS_PLUGIN_NO_DESCRIPTOR: /m);
    expect(file.stderr).toBe('');
  });
});

describe('ws typegen', () => {
  it('writes an interface per module with i64 as bigint and multi-value as a tuple', () => {
    const result = runCli(['typegen', 'ws_fixture', '--plugin-path', FIXTURE_PLUGIN], isolated);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('export interface WsFixtureFunctions {');
    expect(result.stdout).toContain('  add_i32(arg0: number, arg1: number): number;');
    expect(result.stdout).toContain('  add_i64(arg0: bigint, arg1: bigint): bigint;');
    expect(result.stdout).toContain('  divmod(arg0: number, arg1: number): [number, number];');
    expect(result.stdout).toContain('  mixed(arg0: number, arg1: bigint, arg2: number, arg3: number): number;');
    expect(result.stdout).toContain('  fail(): void;');
    expect(result.stdout).toContain('export interface WsFixtureImports {\n  ws_fixture: WsFixtureFunctions;\n}');
  });

  it('--out without a file, or into a missing folder, is an error with the fix', () => {
    const bare = runCli(['typegen', 'ws_fixture', '--plugin-path', FIXTURE_PLUGIN, '--out'], isolated);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toBe('[ws] WS_USAGE: --out needs a value.\n');
    const missing = runCli(['typegen', 'ws_fixture', '--plugin-path', FIXTURE_PLUGIN, '--out', '/no/such/dir/types.ts'], isolated);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^\[ws\] WS_USAGE: cannot write \/no\/such\/dir\/types\.ts: ENOENT\. Check that its folder exists and is writable\.$/m);
  });

  it('an unknown plug-in name says which were found', () => {
    const result = runCli(['typegen', 'nope', '--plugin-path', FIXTURE_PLUGIN], isolated);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No plug-in named nope was found \(found: ws_fixture\)/);
  });
});
