// The stand-in libwasmedge.so.0, tested from C: native/host/capi/test builds
// capi_tests, which prints one line per check ("ok <name>" or
// "not ok <name>: <detail>"). Each line becomes one vitest test here, so a
// failure names the exact C API behaviour that broke.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { haveRealWasmedge, realLibwasmedge } from '../helpers/real-wasmedge.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const hostDir = join(root, 'native/build/host');
const capiTests = join(hostDir, 'capi_tests');
const library = join(hostDir, 'libwasmedge.so.0');
const buildHint = 'Run: node scripts/build-native.mjs';

interface Check {
  name: string;
  passed: boolean;
  detail: string;
}

const CHECK_LINE = /^(not ok|ok) (.*?)(?:: (.*))?$/;

function runCapiTests(): { checks: Check[]; status: number | null; output: string } {
  if (!existsSync(capiTests)) return { checks: [], status: null, output: `${capiTests} is missing. ${buildHint}` };
  // HOME and WASMEDGE_PLUGIN_PATH are set by the program itself where it
  // checks them; the rest of the environment is the caller's.
  const result = spawnSync(capiTests, [], { encoding: 'utf8', timeout: 60000 });
  const checks: Check[] = [];
  for (const line of result.stdout.split('\n')) {
    const match = CHECK_LINE.exec(line);
    if (!match) continue;
    checks.push({ name: match[2], passed: match[1] === 'ok', detail: match[3] ?? '' });
  }
  return { checks, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function readelf(args: string[], file = library): string {
  const result = spawnSync('readelf', [...args, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`readelf ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const run = runCapiTests();
const limitFunctions = ['LimitIsEqual', 'MemoryTypeCreate', 'MemoryTypeGetLimit', 'TableTypeCreate', 'TableTypeGetLimit'];

/** Names of a library's defined dynamic symbols with two or more editions (versions). */
function symbolsWithEditions(file: string, prefix: string): string[] {
  const counts = new Map<string, number>();
  for (const line of readelf(['--dyn-syms', '-W'], file).split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 8 || cols[6] === 'UND' || !cols[7]!.startsWith(prefix)) continue;
    const name = cols[7]!.split('@')[0]!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count > 1).map(([name]) => name).sort();
}

describe('capi_tests (C API semantics of libwasmedge.so.0)', () => {
  it('runs to completion and reports checks', () => {
    expect(run.checks.length, run.output).toBeGreaterThan(300);
    expect(run.status, run.output).toBe(0);
  });

  const seen = new Map<string, number>();
  for (const check of run.checks) {
    const count = (seen.get(check.name) ?? 0) + 1;
    seen.set(check.name, count);
    const title = count === 1 ? check.name : `${check.name} (#${count})`;
    it(title, () => {
      expect(check.passed, check.detail).toBe(true);
    });
  }
});

describe('libwasmedge.so.0 symbol versions (readelf)', () => {
  it('has SONAME libwasmedge.so.0', () => {
    expect(existsSync(library), `${library} is missing. ${buildHint}`).toBe(true);
    expect(readelf(['-d', '-W'])).toMatch(/\(SONAME\)\s+Library soname: \[libwasmedge\.so\.0\]/);
  });

  it('defines WASMEDGE_0.16, WASMEDGE_0.17 (parent 0.16), WASMEDGE_0.18 (parent 0.17), WS_EXT_1, WS_EXT_2 (parent WS_EXT_1) and WS_HOST_1', () => {
    const definitions = readelf(['-V', '-W']).split("Version needs section")[0];
    const names = [...definitions.matchAll(/Name: (\S+)/g)].map((m) => m[1]);
    expect(names).toEqual(['libwasmedge.so.0', 'WASMEDGE_0.16', 'WASMEDGE_0.17', 'WASMEDGE_0.18', 'WS_EXT_1', 'WS_EXT_2', 'WS_HOST_1']);
    expect(definitions).toMatch(/Name: WS_EXT_2\s+\S+: Parent 1: WS_EXT_1/);
    expect(definitions).toMatch(/Name: WASMEDGE_0\.17\s+\S+: Parent 1: WASMEDGE_0\.16/);
    expect(definitions).toMatch(/Name: WASMEDGE_0\.18\s+\S+: Parent 1: WASMEDGE_0\.17/);
  });

  it('exports every dynamic symbol in one of those nodes, with the ModuleInstanceAdd* pairs', () => {
    const symbols = readelf(['--dyn-syms', '-W'])
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols.length >= 8 && cols[6] !== 'UND' && /^(WasmEdge_|ws_host_|ws_log_level|ws_interrupt_requested)/.test(cols[7]))
      .map((cols) => cols[7]);
    const unversioned = symbols.filter((s) => !s.includes('@'));
    expect(unversioned).toEqual([]);
    const versionOf = (name: string) => symbols.filter((s) => s.startsWith(`${name}@`)).sort();
    expect(versionOf('WasmEdge_ValueGenI32')).toEqual(['WasmEdge_ValueGenI32@@WASMEDGE_0.16']);
    // The five functions plug-in API 5 changed: the API-4 edition at WASMEDGE_0.16, the default at 0.17.
    for (const name of limitFunctions) {
      expect(versionOf(`WasmEdge_${name}`)).toEqual([`WasmEdge_${name}@@WASMEDGE_0.17`, `WasmEdge_${name}@WASMEDGE_0.16`]);
    }
    for (const kind of ['Function', 'Table', 'Memory', 'Global']) {
      const name = `WasmEdge_ModuleInstanceAdd${kind}`;
      expect(versionOf(name)).toEqual([`${name}@@WASMEDGE_0.18`, `${name}@WASMEDGE_0.17`]);
    }
    expect(versionOf('ws_host_plugin_load_file')).toEqual(['ws_host_plugin_load_file@@WS_HOST_1']);
    expect(versionOf('ws_log_level')).toEqual(['ws_log_level@@WS_EXT_1']);
    expect(versionOf('ws_interrupt_requested')).toEqual(['ws_interrupt_requested@@WS_EXT_2']);
    expect(symbols.some((s) => s.startsWith('WasmEdge_Plugin_GetDescriptor'))).toBe(false);
    // Nothing but the C API, ws_host_* and the ws extensions leaks out (C++ internals stay local).
    const all = readelf(['--dyn-syms', '-W'])
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols.length >= 8 && /^\d+:$/.test(cols[0]) && cols[6] !== 'UND' && cols[7] !== '')
      .map((cols) => cols[7]);
    expect(all.filter((s) => !/^(WasmEdge_|ws_host_|ws_log_level@|ws_interrupt_requested@|WASMEDGE_0\.1[678]$|WS_HOST_1$|WS_EXT_[12]$)/.test(s))).toEqual([]);
  });
});

describe.runIf(existsSync(library) && haveRealWasmedge('the stand-in\'s symbol editions'))('symbol editions next to WasmEdge 0.17', () => {
  it('the same functions have two editions in both libraries', () => {
    const ours = symbolsWithEditions(library, 'WasmEdge_');
    expect(ours).toEqual(symbolsWithEditions(realLibwasmedge, 'WasmEdge_'));
    expect(ours).toEqual([...limitFunctions.map((name) => `WasmEdge_${name}`), 'WasmEdge_ModuleInstanceAddFunction', 'WasmEdge_ModuleInstanceAddGlobal', 'WasmEdge_ModuleInstanceAddMemory', 'WasmEdge_ModuleInstanceAddTable'].sort());
  });
});
