// The loader chain of an installed plug-in package (env var, platform
// package, local build) and its one checklist error, on real package
// layouts in temporary folders with the real fixture library.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PluginLoadError } from '../src/errors.js';
import { checklistMessage, requiredGlibc } from '../src/native/binary-checklist.js';
import { discoverPluginPackages, readPluginManifest } from '../src/plugins/npm-manifest.js';
import { Plugin } from '../src/plugins/plugin.js';
import { libraryEnvVar, loadPluginLibrary, pluginLibraryCandidates } from '../src/plugins/plugin-library.js';
import { fakeInstall, repoRoot } from './helpers/fake-install.js';

const localBuildLine = (library: string): string => `  - local build: ${repoRoot}/native/build/plugins/${library} does not exist (run pnpm build)`;
const mustNotLoad = (): never => {
  throw new Error('the chain tried to load a library although no candidate exists');
};

function chainError(app: string): PluginLoadError {
  const manifest = discoverPluginPackages(app).manifests.find((m) => m.packageName === '@ws/fixture')!;
  try {
    loadPluginLibrary(manifest, mustNotLoad);
  } catch (error) {
    expect(error).toBeInstanceOf(PluginLoadError);
    return error as PluginLoadError;
  }
  throw new Error('loading did not fail');
}

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.WS_FIXTURE_LIBRARY;
});

describe('candidates', () => {
  it('names the env var after the package', () => {
    expect(libraryEnvVar('@ws/wasi-nn')).toBe('WS_WASI_NN_LIBRARY');
    expect(libraryEnvVar('@ws/process')).toBe('WS_PROCESS_LIBRARY');
    expect(libraryEnvVar('wasmedge-thing')).toBe('WS_WASMEDGE_THING_LIBRARY');
  });

  it('finds the platform package next to the wrapper in a pnpm layout (through the symlink)', () => {
    const { app, platformDir } = fakeInstall({ layout: 'pnpm' });
    const manifest = discoverPluginPackages(app).manifests.find((m) => m.packageName === '@ws/fixture')!;
    expect(manifest).toMatchObject({ plugin: 'ws_fixture', modules: ['ws_fixture'], apiVersion: 5, library: 'libws_fixture.so', packageVersion: '0.1.0' });
    expect(pluginLibraryCandidates(manifest)[0]).toEqual({ source: '@ws/fixture-linux-x64-gnu', path: join(platformDir!, 'lib', 'libws_fixture.so') });
  });

  it('finds the platform package in an npm (hoisted) layout', () => {
    const { app, platformDir } = fakeInstall({ layout: 'npm' });
    const manifest = readPluginManifest(join(app, 'node_modules', '@ws', 'fixture'))!;
    expect(pluginLibraryCandidates(manifest)[0]).toEqual({ source: '@ws/fixture-linux-x64-gnu', path: join(platformDir!, 'lib', 'libws_fixture.so') });
  });
});

describe('the checklist error', () => {
  it('platform package not installed: the exact install commands', () => {
    const error = chainError(fakeInstall({ platform: null }).app);
    expect(error.code).toBe('WS_PLUGIN_NOT_FOUND');
    expect(error.cause).toEqual([
      { source: '@ws/fixture-linux-x64-gnu', kind: 'not-installed', detail: 'not installed' },
      { source: 'local build', kind: 'missing-file', detail: `${repoRoot}/native/build/plugins/libws_fixture.so does not exist (run pnpm build)` },
    ]);
    expect(error.message).toBe(
      [
        'Could not load the ws_fixture plug-in (@ws/fixture) for linux-x64-gnu:',
        '  - @ws/fixture-linux-x64-gnu: not installed',
        localBuildLine('libws_fixture.so'),
        'Possible solutions:',
        '  - Install the prebuilt binary for linux-x64-gnu (an optional dependency of @ws/fixture: it is left out by npm --omit=optional, pnpm --no-optional or a lockfile made on another platform):',
        '      npm install @ws/fixture-linux-x64-gnu@0.1.0',
        '  - Or set WS_FIXTURE_LIBRARY to the path of libws_fixture.so.',
      ].join('\n'),
    );
  });

  it('the install command is the project\'s package manager\'s (from its lockfile)', () => {
    const error = chainError(fakeInstall({ platform: null, layout: 'pnpm' }).app);
    expect(error.message).toContain('(an optional dependency of @ws/fixture: it is left out by npm --omit=optional, pnpm --no-optional or a lockfile made on another platform):\n      pnpm add @ws/fixture-linux-x64-gnu@0.1.0\n');
  });

  it('platform package installed without its binary', () => {
    const { app, platformDir } = fakeInstall({ withBinary: false });
    expect(chainError(app).message.split('\n')[1]).toBe(`  - @ws/fixture-linux-x64-gnu: ${platformDir}/lib/libws_fixture.so is missing (the package was installed without its binary)`);
  });

  it('wrapper and platform package versions differ: both numbers', () => {
    const error = chainError(fakeInstall({ version: '0.2.0', platformVersion: '0.1.0' }).app);
    expect(error.code).toBe('WS_PLUGIN_VERSION_MISMATCH');
    expect(error.message).toBe(
      [
        'Could not load the ws_fixture plug-in (@ws/fixture) for linux-x64-gnu:',
        '  - @ws/fixture-linux-x64-gnu: version 0.1.0 does not match @ws/fixture 0.2.0; both must be the same version',
        localBuildLine('libws_fixture.so'),
        'Possible solutions:',
        '  - Install matching versions: npm install @ws/fixture@0.2.0 @ws/fixture-linux-x64-gnu@0.2.0',
        '  - Or set WS_FIXTURE_LIBRARY to the path of libws_fixture.so.',
      ].join('\n'),
    );
  });

  it('unsupported plug-in API version: both numbers, before anything is loaded', () => {
    const error = chainError(fakeInstall({ apiVersion: 2 }).app);
    expect(error.code).toBe('WS_PLUGIN_API_MISMATCH');
    expect(error.message).toBe(
      '@ws/fixture@0.1.0 declares plug-in API version 2 (WasmEdge 0.11.1-0.13.5), but this @ws/core supports plug-in API versions 3, 4, 5. Install versions of @ws/fixture and @ws/core made for each other (the same release).',
    );
  });

  it('a platform package for another platform is named as such', () => {
    const error = chainError(fakeInstall({ platform: 'darwin-arm64' }).app);
    expect(error.message).toContain(
      '  - @ws/fixture-darwin-arm64 is installed, but it is for darwin-arm64, not linux-x64-gnu: node_modules was installed on another machine. Reinstall on this one (delete node_modules, then npm install).',
    );
    expect(error.message).toContain('  - @ws/fixture-linux-x64-gnu: not installed');
  });

  it('env var set but missing: a "[ws] Ignoring bad configuration" line, then the chain goes on', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    process.env.WS_FIXTURE_LIBRARY = '/nonexistent/libws_fixture.so';
    const error = chainError(fakeInstall({ platform: null }).app);
    expect(lines).toEqual(['[ws] Ignoring bad configuration: WS_FIXTURE_LIBRARY=/nonexistent/libws_fixture.so (no such file)']);
    expect(error.message.split('\n').slice(1, 3)).toEqual(['  - WS_FIXTURE_LIBRARY: /nonexistent/libws_fixture.so does not exist', '  - @ws/fixture-linux-x64-gnu: not installed']);
    expect(error.message.split('\n').at(-1)).toBe('  - Fix or unset WS_FIXTURE_LIBRARY.');
  });

  it('a library that fails to load: the dlopen message and the missing shared library', () => {
    const library = join(repoRoot, 'native/build/test-plugins/missing_dependency/libmissing_dependency.so');
    const { app, platformDir } = fakeInstall({ plugin: 'ws_missing_dependency', library });
    Plugin.discoverPackages(app);
    const plugin = Plugin.find('ws_missing_dependency')!;
    expect(plugin.loaded).toBe(false);
    let error: PluginLoadError | undefined;
    try {
      plugin.load();
    } catch (caught) {
      error = caught as PluginLoadError;
    }
    expect(error?.code).toBe('WS_PLUGIN_DLOPEN_FAILED');
    const lines = error!.message.split('\n');
    expect(lines[0]).toBe('Could not load the ws_missing_dependency plug-in (@ws/fixture) for linux-x64-gnu:');
    expect(lines[1]).toMatch(new RegExp(`^  - @ws/fixture-linux-x64-gnu: ${platformDir}/lib/libws_fixture.so: .*libws_gone.so: cannot open shared object file: No such file or directory`));
    expect(lines).toContain('  - A shared library it needs is missing: libws_gone.so. Install it with the system package manager.');
  });

  it('a library built for a newer glibc: glibc found vs required', () => {
    // A real "GLIBC_2.99 not found": link against a stub libc.so.6 that has that version node.
    const dir = mkdtempSync(join(tmpdir(), 'ws-glibc-'));
    mkdirSync(join(dir, 'stub'));
    writeFileSync(join(dir, 'stub.c'), 'int ws_glibc_probe(void) { return 1; }\n');
    writeFileSync(join(dir, 'stub.map'), 'GLIBC_2.99 { global: ws_glibc_probe; local: *; };\n');
    writeFileSync(join(dir, 'plugin.c'), 'extern int ws_glibc_probe(void);\nint ws_uses_new_glibc(void) { return ws_glibc_probe(); }\nconst void *WasmEdge_Plugin_GetDescriptor(void) { return 0; }\n');
    execFileSync('cc', ['-shared', '-fPIC', '-o', 'stub/libc.so.6', 'stub.c', '-Wl,--version-script=stub.map', '-Wl,-soname,libc.so.6'], { cwd: dir });
    execFileSync('cc', ['-shared', '-fPIC', '-o', 'libnew_glibc.so', 'plugin.c', '-Lstub', '-l:libc.so.6'], { cwd: dir });
    const { app } = fakeInstall({ plugin: 'ws_new_glibc', library: join(dir, 'libnew_glibc.so') });
    Plugin.discoverPackages(app);
    let error: PluginLoadError | undefined;
    try {
      Plugin.find('ws_new_glibc')!.load();
    } catch (caught) {
      error = caught as PluginLoadError;
    }
    expect(error?.code).toBe('WS_PLUGIN_DLOPEN_FAILED');
    expect(error!.message).toMatch(/  - @ws\/fixture-linux-x64-gnu: .*version `GLIBC_2\.99' not found/);
    const glibc = process.report.getReport() as { header: { glibcVersionRuntime: string } };
    expect(error!.message.split('\n')).toContain(
      `  - This system has glibc ${glibc.header.glibcVersionRuntime}, but the binary needs glibc 2.99 or newer: upgrade the operating system, or build from source and set WS_FIXTURE_LIBRARY.`,
    );
  });
});

describe('checklist hints from the evidence', () => {
  const base = { headline: 'Could not load the wasi_nn plug-in (@ws/wasi-nn)', packageName: '@ws/wasi-nn', version: '0.1.0', envVar: 'WS_WASI_NN_LIBRARY', fileName: 'libwasmedgePluginWasiNN.so', searchFrom: '/nonexistent' };

  it('glibc too old: found vs required', () => {
    const detail = "/x/libwasmedgePluginWasiNN.so: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found (required by /x/libwasmedgePluginWasiNN.so), version `GLIBC_2.34' not found";
    expect(requiredGlibc(detail)).toBe('2.38');
    const message = checklistMessage({ ...base, failures: [{ source: '@ws/wasi-nn-linux-x64-gnu', kind: 'load-failed', detail }], facts: { platform: 'linux', arch: 'x64', glibcVersion: '2.31' } });
    expect(message.split('\n').slice(2)).toEqual([
      'Possible solutions:',
      '  - This system has glibc 2.31, but the binary needs glibc 2.38 or newer: upgrade the operating system, or build from source and set WS_WASI_NN_LIBRARY.',
      '  - Or set WS_WASI_NN_LIBRARY to the path of libwasmedgePluginWasiNN.so.',
    ]);
  });

  it.each([
    [{ platform: 'darwin', arch: 'arm64' }, 'darwin-arm64'],
    [{ platform: 'linux', arch: 'x64' }, 'linux-x64-musl'],
    [{ platform: 'freebsd', arch: 'x64' }, 'freebsd-x64'],
  ] as const)('%o: no prebuilt binaries, build from source', (facts, where) => {
    const message = checklistMessage({ ...base, failures: [], facts });
    expect(message).toBe(
      [
        `Could not load the wasi_nn plug-in (@ws/wasi-nn) for ${where}:`,
        '  - no candidate was found',
        'Possible solutions:',
        `  - ws publishes no prebuilt @ws/wasi-nn for ${where} (prebuilt: linux-x64-gnu, linux-arm64-gnu). Build it from source: in a clone of the ws repository run "bash scripts/setup.sh --no-demo", then set WS_WASI_NN_LIBRARY to the built libwasmedgePluginWasiNN.so.`,
        '  - Or set WS_WASI_NN_LIBRARY to the path of libwasmedgePluginWasiNN.so.',
      ].join('\n'),
    );
  });

  it('names the Debian package of a known missing system library', () => {
    const detail = '/x/libwasmedgePluginWasmEdgeImage.so: libjpeg.so.62: cannot open shared object file: No such file or directory';
    const message = checklistMessage({ ...base, failures: [{ source: 'x', kind: 'load-failed', detail }], facts: { platform: 'linux', arch: 'x64', glibcVersion: '2.36' } });
    expect(message).toContain('  - A shared library it needs is missing: libjpeg.so.62. Install it with the system package manager (Debian/Ubuntu: apt-get install libjpeg62-turbo).');
  });
});

describe('the bridge chain', () => {
  it('WS_CORE_BRIDGE set but missing: the warning line, then the next candidate loads', () => {
    const script = join(fakeInstall({ platform: null }).app, 'bridge.mjs');
    writeFileSync(script, `import { loadBridge } from ${JSON.stringify(join(repoRoot, 'packages/core/dist/native/load-bridge.js'))};\nconsole.log(loadBridge().hostInfo().apiVersion);\n`);
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, WS_CORE_BRIDGE: '/nonexistent/ws_bridge.node' } });
    expect(result.stderr).toBe('[ws] Ignoring bad configuration: WS_CORE_BRIDGE=/nonexistent/ws_bridge.node (no such file)\n');
    expect(result.stdout).toBe('5\n');
    expect(result.status).toBe(0);
  });
});
