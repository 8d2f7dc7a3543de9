// The plug-ins' bad-input suites once more, with the plug-ins of the ASan +
// UBSan build (native/build-fuzz) loaded into Node: the sanitizer runtime is
// preloaded into Node (LD_PRELOAD), WS_<PLUGIN>_LIBRARY points each package at
// its instrumented plug-in, and the bridge and the stand-in are the ordinary
// ones. LeakSanitizer is off here (Node does not free everything at exit by
// design); capi_tests and the fuzz harnesses run with it on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asanRuntime, buildFuzzers, fuzzBuildDir, fuzzerToolchainMissing, root } from '../../scripts/fuzz.mjs';

const missing: string | null = fuzzerToolchainMissing();
const skip = missing !== null && !process.env.CI;
if (skip) console.warn(`[ws] Node + ASan tests skipped: ${missing}`);

const plugins = join(fuzzBuildDir, 'plugins');
const libraries = {
  WS_PROCESS_LIBRARY: join(plugins, 'libwasmedgePluginWasmEdgeProcess.so'),
  WS_WASI_CRYPTO_LIBRARY: join(plugins, 'libwasmedgePluginWasiCrypto.so'),
  WS_IMAGE_LIBRARY: join(plugins, 'libwasmedgePluginWasmEdgeImage.so'),
  WS_WASI_NN_LIBRARY: join(plugins, 'libwasmedgePluginWasiNN.so'),
};

function asanNodeEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...libraries,
    LD_PRELOAD: asanRuntime(),
    ASAN_OPTIONS: 'detect_leaks=0:abort_on_error=1',
    UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1',
    NODE_NO_WARNINGS: '1',
  };
}

const sanitizerLine = /ERROR: AddressSanitizer|runtime error:|SUMMARY: (Address|UndefinedBehavior)Sanitizer/;
let work = '';

describe.skipIf(skip)('plug-in test suites in Node with ASan + UBSan plug-ins', () => {
  beforeAll(() => {
    if (missing) throw new Error(`cannot build the sanitizer build under CI: ${missing}`);
    buildFuzzers({ stdio: 'pipe' });
    work = mkdtempSync(join(tmpdir(), 'ws-node-asan-'));
  }, 600000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('Node really runs the instrumented plug-ins (their files and the ASan runtime are mapped)', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      const { createProcessModule } = await import(${JSON.stringify(join(root, 'packages/process/dist/index.js'))});
      const { createWasiCryptoModules } = await import(${JSON.stringify(join(root, 'packages/wasi-crypto/dist/index.js'))});
      const { createImageModule } = await import(${JSON.stringify(join(root, 'packages/image/dist/index.js'))});
      createProcessModule({}); createWasiCryptoModules(); createImageModule();
      const mapped = new Set(readFileSync('/proc/self/maps', 'utf8').split('\\n').map((l) => l.split(/\\s+/)[5]).filter(Boolean));
      console.log(JSON.stringify([...mapped]));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: asanNodeEnv(), timeout: 60000 });
    expect(result.status, result.stderr).toBe(0);
    const mapped: string[] = JSON.parse(result.stdout.trim().split('\n').pop() ?? '[]');
    expect(mapped).toContain(asanRuntime());
    expect(mapped).toContain(libraries.WS_PROCESS_LIBRARY);
    expect(mapped).toContain(libraries.WS_WASI_CRYPTO_LIBRARY);
    expect(mapped).toContain(libraries.WS_IMAGE_LIBRARY);
  });

  const suites: Array<[string, string[]]> = [
    ['process', ['packages/process/test/bad-input.test.ts']],
    ['wasi-crypto', ['packages/wasi-crypto/test/bad-input.test.ts', 'packages/wasi-crypto/test/every-function.test.ts']],
    ['image', ['packages/image/test/bad-input.test.ts']],
    ['@ws/wasi-nn', ['packages/wasi-nn/test/bad-input.test.ts']],
  ];
  for (const [project, files] of suites) {
    it(`${project}: ${files.map((f) => f.split('/').pop()).join(', ')} pass with no sanitizer report`, () => {
      const report = join(work, `${project.replace(/\W/g, '_')}.json`);
      const result = spawnSync(
        process.execPath,
        [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', project, '--reporter=json', `--outputFile=${report}`, ...files],
        { cwd: root, encoding: 'utf8', env: asanNodeEnv(), timeout: 300000, maxBuffer: 64 * 1024 * 1024 },
      );
      const output = `${result.stdout}\n${result.stderr}`;
      expect(output.split('\n').filter((l) => sanitizerLine.test(l)), output.slice(-6000)).toEqual([]);
      expect(result.status, output.slice(-6000)).toBe(0);
      const json = JSON.parse(readFileSync(report, 'utf8'));
      expect(json.numFailedTests, output.slice(-6000)).toBe(0);
      expect(json.numPassedTests).toBeGreaterThan(5);
    }, 320000);
  }
});
