// A plug-in built for plug-in API 4 (WasmEdge 0.14.1-0.16): native/test-plugins/api4_fixture,
// compiled against its own API-4 header and linked without symbol versions, calls the five
// limit functions whose signatures changed in API 5 through their old signatures; the guest
// (test/guests/api4_limits.wat) prints what each returned. The stand-in must bind it to the
// WASMEDGE_0.16 editions (struct by value) and read its 32-bit memory offsets as 32-bit.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixtureDir, guest, runCli } from '../helpers/paths.js';
import { haveRealWasmedge, realWasmedge } from '../helpers/real-wasmedge.js';

const plugin = fixtureDir('api4_fixture');

describe('an API-4 plug-in under ws run', () => {
  // The same source declaring API 3 (WasmEdge 0.14.0, the same C plug-in ABI) gives the same lines.
  it.each([['API 4', plugin], ['API 3', fixtureDir('api3_fixture')]])('%s: each changed function works through its old signature', (_api, path) => {
    const result = runCli(['run', '--plugin-path', path, guest('api4_limits')]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'limit_is_equal {has_max=1 shared=0 min=2 max=9} {has_max=1 shared=0 min=2 max=9} = 1',
        'limit_is_equal {has_max=1 shared=0 min=2 max=9} {has_max=1 shared=0 min=2 max=8} = 0',
        'limit_is_equal {has_max=1 shared=0 min=2 max=9} {has_max=0 shared=0 min=2 max=9} = 0',
        'memory_type {has_max=1 shared=0 min=1 max=3} -> {has_max=1 shared=0 min=1 max=3}',
        // Without a maximum the old getter reports the minimum as the maximum, as WasmEdge 0.16 did.
        'memory_type {has_max=0 shared=0 min=4 max=0} -> {has_max=0 shared=0 min=4 max=4}',
        'memory_type {has_max=1 shared=1 min=2 max=65536} -> {has_max=1 shared=1 min=2 max=65536}',
        'table_type funcref {has_max=1 shared=0 min=10 max=20} -> {has_max=1 shared=0 min=10 max=20}',
        'table_type funcref {has_max=0 shared=0 min=7 max=0} -> {has_max=0 shared=0 min=7 max=7}',
        'table_type i32 {has_max=1 shared=0 min=1 max=2} -> NULL',
        // GetPointer(offset, 1) called with garbage in the upper register halves still reads byte 100.
        'read_byte 100 -> 42',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(0);
  });

  it('ws plugins shows its API version and the WasmEdge releases that declare it', () => {
    const result = runCli(['plugins', '--plugin-path', plugin], { env: { WASMEDGE_PLUGIN_PATH: '' } });
    expect(result.stdout).toContain(
      `ws_api4_fixture 0.16.0.0 (plug-in API 4, WasmEdge 0.14.1-0.16)\n  path: ${plugin}/libws_api4_fixture.so\n  modules: ws_api4\n`,
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(runCli(['plugins', '--json', '--plugin-path', plugin]).stdout) as { plugins: { name: string; apiVersion: number }[] };
    expect(json.plugins.find((p) => p.name === 'ws_api4_fixture')?.apiVersion).toBe(4);
  });
});

// What ws does better: WasmEdge 0.17 keeps only plug-ins declaring exactly API 5 and drops this one
// without a word, so the guest's import does not resolve.
describe.runIf(haveRealWasmedge('an API-4 plug-in'))('the same plug-in under wasmedge 0.17', () => {
  it('is dropped: the guest fails to link', () => {
    const reference = spawnSync(realWasmedge, ['run', guest('api4_limits')], {
      encoding: 'utf8',
      env: { ...process.env, WASMEDGE_PLUGIN_PATH: plugin },
      timeout: 60000,
    });
    const log = reference.stdout + reference.stderr;
    expect(log).toContain('unknown import');
    expect(log).toContain('When linking module: "ws_api4"');
    expect(reference.status).not.toBe(0);
  });
});
