// Lazy by default (house style point 6), measured in /proc/self/maps of a
// fresh Node process: importing @ws/core and running a WASI-only guest maps
// no native library of ws (nor koffi), even with options of installed plug-ins;
// a guest importing wasmedge_process maps the bridge, the stand-in and exactly
// one plug-in library, although four plug-in packages are installed and
// options of three of them are given.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { guest, root } from '../helpers/paths.js';
import { compileWat, PROCESS_EXIT_CODE_GUEST } from '../helpers/wat.js';

const installed = ['core', 'process', 'image', 'wasi-nn', 'wasi-crypto'];

/** Files of ws (bridge, stand-in, plug-ins, backends) mapped into the process. */
const mappedScript = `
import { readFileSync } from 'node:fs';
export function mapped() {
  const files = readFileSync('/proc/self/maps', 'utf8').split('\\n').map((line) => line.split(/\\s+/)[5] ?? '');
  return [...new Set(files.filter((f) => /ws_bridge|libwasmedge|wasmedgePlugin|libws_|koffi/.test(f)).map((f) => f.split('/').pop()))].sort();
}
`;

const childScript = `
import { readFileSync } from 'node:fs';
import { mapped } from './mapped.mjs';
const report = {};
const { Runtime, Plugin } = await import('@ws/core');
report.afterImport = mapped();
const quiet = { stdout: 2 };
report.wasiOnlyExit = await new Runtime({ args: ['wasi_only'], ...quiet }).run(readFileSync(process.argv[2]));
report.afterWasiOnly = mapped();
// Options of installed plug-ins are checked against the catalogue: no library is loaded for them.
const pluginOptions = { 'allow-command': ['ls'], 'nn-threads': 1, 'image-max-pixels': 100 };
report.wasiOnlyWithOptionsExit = await new Runtime({ args: ['wasi_only'], pluginOptions, ...quiet }).run(readFileSync(process.argv[2]));
report.afterWasiOnlyWithOptions = mapped();
report.discovered = Plugin.all().map((p) => [p.name, p.packageName, p.loaded]);
report.processGuestExit = await new Runtime({ pluginOptions, ...quiet }).run(readFileSync(process.argv[3]));
report.afterProcessGuest = mapped();
report.loaded = Plugin.all().filter((p) => p.loaded).map((p) => p.name);
console.log(JSON.stringify(report));
`;

let app: string;
let processGuest: string;

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'ws-lazy-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'lazy-app', private: true, type: 'module' }));
  mkdirSync(join(app, 'node_modules', '@ws'), { recursive: true });
  for (const name of installed) symlinkSync(join(root, 'packages', name), join(app, 'node_modules', '@ws', name));
  writeFileSync(join(app, 'mapped.mjs'), mappedScript);
  writeFileSync(join(app, 'child.mjs'), childScript);
  processGuest = join(app, 'process_exit_code.wasm');
  writeFileSync(processGuest, await compileWat(PROCESS_EXIT_CODE_GUEST));
});

describe('lazy loading', () => {
  it('maps nothing native until a guest imports a plug-in module, then exactly that plug-in', () => {
    const result = spawnSync(process.execPath, ['child.mjs', guest('wasi_only'), processGuest], { cwd: app, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    expect(result.stderr.replace(/^argc.*\n|^WS_GREETING.*\n/gm, '')).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.afterImport).toEqual([]);
    expect(report.wasiOnlyExit).toBe(0);
    expect(report.afterWasiOnly).toEqual([]);
    expect(report.wasiOnlyWithOptionsExit).toBe(0);
    expect(report.afterWasiOnlyWithOptions).toEqual([]);
    expect(report.discovered).toEqual(
      expect.arrayContaining([
        ['wasmedge_process', '@ws/process', false],
        ['wasmedge_image', '@ws/image', false],
        ['wasi_nn', '@ws/wasi-nn', false],
        ['wasi_crypto', '@ws/wasi-crypto', false],
      ]),
    );
    expect(report.processGuestExit).toBe(0);
    // ws_bridge_v8_<abi>.so (the V8 host-call path) for this Node's ABI only, where it was built.
    const v8Library = `ws_bridge_v8_${process.versions.modules}.so`;
    const v8Path = existsSync(join(root, 'native/build/host', v8Library)) ? [v8Library] : [];
    expect(report.afterProcessGuest).toEqual(['libwasmedge.so.0', 'libwasmedgePluginWasmEdgeProcess.so', 'ws_bridge.node', ...v8Path]);
    expect(report.loaded).toEqual(['wasmedge_process']);
  });
});
