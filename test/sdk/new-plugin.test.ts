// `ws new-plugin` end to end: scaffold a plug-in package into a temp folder,
// link it to this checkout's @ws/core and @ws/plugin-sdk (what --local-deps +
// npm install do, without a registry), build it with CMake against the SDK,
// run the package's own node:test suite, and check the guest's exact output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, runCli } from '../helpers/paths.js';

const sdkDir = join(root, 'packages/plugin-sdk');
const coreDir = join(root, 'packages/core');

function sh(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ws new-plugin', () => {
  const work = mkdtempSync(join(tmpdir(), 'ws-new-plugin-'));
  const pkg = join(work, 'demo-plugin');
  let created: ReturnType<typeof runCli>;
  let templateTypes = '';

  beforeAll(() => {
    if (!existsSync(join(sdkDir, 'include/wasmedge/wasmedge.h'))) {
      throw new Error(`${sdkDir}/include is missing. Run: pnpm --filter @ws/plugin-sdk build`);
    }
    created = runCli(['new-plugin', 'demo_plugin', '--local-deps', '--dir', pkg]);
    templateTypes = readFileSync(join(pkg, 'types.d.ts'), 'utf8');
    // npm install with the file: specs of --local-deps makes exactly these links.
    mkdirSync(join(pkg, 'node_modules/@ws'), { recursive: true });
    symlinkSync(coreDir, join(pkg, 'node_modules/@ws/core'));
    symlinkSync(sdkDir, join(pkg, 'node_modules/@ws/plugin-sdk'));
  });

  it('writes the package with the "wasmedge" field and file: dependencies', () => {
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Created plug-in package demo-plugin in ${pkg}:`);
    const json = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    expect(json.wasmedge).toEqual({ plugin: 'demo_plugin', modules: ['demo_plugin'], apiVersion: 5, library: 'libdemo_plugin.so' });
    expect(json.devDependencies).toEqual({ '@ws/core': `file:${coreDir}`, '@ws/plugin-sdk': `file:${sdkDir}` });
    for (const file of ['CMakeLists.txt', 'src/demo_plugin.c', 'guests/demo_plugin_test.c', 'scripts/build.mjs', 'test/plugin.test.mjs', 'README.md', '.gitignore']) {
      expect(existsSync(join(pkg, file)), file).toBe(true);
    }
  });

  it('npm run build: CMake builds the plug-in against the SDK with no libwasmedge dependency; typegen rewrites the same types', () => {
    const build = sh('npm', ['run', 'build'], pkg);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const library = join(pkg, 'build/libdemo_plugin.so');
    expect(existsSync(library)).toBe(true);
    expect(sh('readelf', ['-d', library], pkg).stdout).not.toContain('libwasmedge');
    expect(sh('nm', ['-D', '--defined-only', library], pkg).stdout.trim().split('\n').map((l) => l.split(' ').pop())).toEqual(['WasmEdge_Plugin_GetDescriptor']);
    expect(readFileSync(join(pkg, 'types.d.ts'), 'utf8')).toBe(templateTypes);
  });

  it('the guest prints the exact expected text through ws run', () => {
    const run = runCli(['run', '--plugin-path', join(pkg, 'build/libdemo_plugin.so'), join(pkg, 'guests/build/demo_plugin_test.wasm'), 'stressed']);
    expect(run.stdout).toBe('desserts\ncalls=1\n');
    expect(run.status, run.stderr).toBe(0);
  });

  it("npm test: the package's own tests pass", () => {
    const test = sh('npm', ['test'], pkg);
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('# pass 5');
    expect(test.stdout).toContain('# fail 0');
  });

  it('refuses a name that is not a C identifier in lower case', () => {
    const run = runCli(['new-plugin', 'Bad-Name', '--dir', join(work, 'bad')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"Bad-Name" cannot name a plug-in: use lower case letters, digits and _');
    expect(existsSync(join(work, 'bad'))).toBe(false);
  });

  it('refuses a folder that is not empty', () => {
    const full = join(work, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'mine');
    const run = runCli(['new-plugin', 'other_plugin', '--dir', full]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${full} exists and is not empty. Choose another folder with --dir.`);
    expect(readFileSync(join(full, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
