// @ws/plugin-sdk as a plug-in author uses it: the exported paths, the copied
// headers, and the CMake config building the C++ example outside the ws
// native build (no libwasmedge link), then running its guest through ws.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sdkDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(sdkDir, '../..');
const require = createRequire(import.meta.url);
const sdk = require('../index.js') as { includeDir: string; cppIncludeDir: string; cmakeDir: string; gyp: string; apiVersion: number };
const { runWs } = require('../testing.js') as typeof import('../testing.js');

function sh(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('@ws/plugin-sdk', () => {
  it('exports the paths of its headers, C++ wrapper, CMake config and gyp file', () => {
    expect(sdk.apiVersion).toBe(5);
    expect(existsSync(join(sdk.includeDir, 'wasmedge/wasmedge.h')), 'run pnpm --filter @ws/plugin-sdk build').toBe(true);
    expect(existsSync(join(sdk.cppIncludeDir, 'wasmedge_plugin.hpp'))).toBe(true);
    expect(existsSync(join(sdk.cmakeDir, 'WsPluginConfig.cmake'))).toBe(true);
    expect(existsSync(sdk.gyp)).toBe(true);
  });

  it('ships byte-identical copies of native/include/wasmedge', () => {
    const source = join(root, 'native/include/wasmedge');
    const headers = readdirSync(source).filter((f) => f.endsWith('.h')).sort();
    expect(readdirSync(join(sdk.includeDir, 'wasmedge')).sort()).toEqual(headers);
    for (const header of headers) {
      expect(readFileSync(join(sdk.includeDir, 'wasmedge', header), 'utf8'), header).toBe(readFileSync(join(source, header), 'utf8'));
    }
  });

  it('the published files list covers everything the entry points refer to', () => {
    const files = (JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.d.ts', 'testing.js', 'testing.d.ts', 'include', 'cpp', 'cmake', 'gyp']));
  });

  it('ws_plugin() builds the C++ example with no libwasmedge dependency, exporting only the descriptor, and ws runs it', () => {
    const build = mkdtempSync(join(tmpdir(), 'ws-sdk-cmake-'));
    const configure = sh('cmake', ['-S', join(root, 'examples/plugin-cpp/native'), '-B', build, `-DWsPlugin_DIR=${sdk.cmakeDir}`]);
    expect(configure.status, configure.out).toBe(0);
    const make = sh('cmake', ['--build', build]);
    expect(make.status, make.out).toBe(0);
    const library = join(build, 'libexample_cpp.so');
    expect(sh('readelf', ['-d', library]).out).not.toContain('libwasmedge');
    expect(sh('nm', ['-D', '--defined-only', library]).out.trim().split('\n').map((l) => l.split(' ').pop())).toEqual(['WasmEdge_Plugin_GetDescriptor']);
    const guest = join(build, 'greet.wasm');
    const compile = sh(process.env.WS_WASM_CC ?? 'clang', ['--target=wasm32-wasi', '-O2', '-o', guest, join(root, 'examples/plugin-cpp/guests/greet.c')]);
    expect(compile.status, compile.out).toBe(0);
    const run = runWs(['run', '--plugin-path', library, guest, 'SDK'], { cwd: sdkDir });
    expect(run.stdout).toBe('Hello, SDK!\nlength=11 calls=1\n');
    expect(run.status, run.stderr).toBe(0);
  });

  it('find_package(WsPlugin 0.2) is refused by the version file', () => {
    const project = mkdtempSync(join(tmpdir(), 'ws-sdk-version-'));
    const lists = join(project, 'CMakeLists.txt');
    require('node:fs').writeFileSync(lists, 'cmake_minimum_required(VERSION 3.20)\nproject(v C)\nfind_package(WsPlugin 0.2 REQUIRED CONFIG)\n');
    const configure = sh('cmake', ['-S', project, '-B', join(project, 'build'), `-DWsPlugin_DIR=${sdk.cmakeDir}`]);
    expect(configure.status).not.toBe(0);
    expect(configure.out).toContain('version: 0.1.0');
  });
});
