// `ws doctor` probes the optional backend libraries through the bridge that
// ships with @ws/core, never through koffi (an optional peer dependency now):
// with koffi impossible to load, the section keeps its format, and the TFLite
// candidate is whatever file the installed @ws/wasi-nn-tflite's
// `nn-tflite-library` option names.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { platformKey } from '../src/platform.js';
import { FIXTURE_LIBRARY, repoRoot } from './helpers/fake-install.js';

const cli = join(repoRoot, 'packages', 'core', 'dist', 'cli', 'main.js');
const app = mkdtempSync(join(tmpdir(), 'ws-doctor-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

// Makes every require('koffi') of the process fail as if it were not installed.
const blockKoffi = join(app, 'block-koffi.cjs');
write(
  blockKoffi,
  `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'koffi' || request.startsWith('koffi/')) {
    throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
  }
  return resolve.call(this, request, ...rest);
};
`,
);

describe('ws doctor: backend libraries (optional)', () => {
  it('probes through the bridge, without koffi, and takes TFLite C from @ws/wasi-nn-tflite', () => {
    const key = platformKey();
    expect(key).toBeDefined();
    const binaryPackage = `@ws/wasi-nn-tflite-${key}`;
    write(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    write(
      join(app, 'node_modules', '@ws', 'wasi-nn-tflite', 'package.json'),
      JSON.stringify({
        name: '@ws/wasi-nn-tflite',
        version: '0.1.0',
        wasmedge: { extends: 'wasi_nn', defaultOptions: { 'nn-tflite-library': { [key!]: `${binaryPackage}/lib/libtensorflowlite_c.so` } } },
      }),
    );
    write(join(app, 'node_modules', binaryPackage, 'package.json'), JSON.stringify({ name: binaryPackage, version: '0.1.0' }));
    // Any loadable library stands in for TFLite C: the probe only opens what the option names.
    const library = join(app, 'node_modules', binaryPackage, 'lib', 'libtensorflowlite_c.so');
    mkdirSync(dirname(library), { recursive: true });
    copyFileSync(FIXTURE_LIBRARY, library);

    expect(() => execFileSync(process.execPath, ['--require', blockKoffi, '-e', "require('koffi')"], { stdio: 'pipe' })).toThrow(/Cannot find module 'koffi'/);
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, ['--require', blockKoffi, cli, 'doctor'], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      stdout = (error as { stdout: string }).stdout; // exit 1 when some plug-in fails; the section is still printed
    }
    expect(stdout).not.toMatch(/koffi|not probed/);
    expect(stdout).toMatch(/\nbackend libraries \(optional\):\n(  [^\n]+ \([^\n]+\): (found \([^\n]+\)|not found)\n){7}$/);
    expect(stdout).toContain(`\n  TensorFlow Lite C (wasi_nn (TensorflowLite)): found (${library})\n`);
  });
});
