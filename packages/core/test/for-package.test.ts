// Plugin.forPackage(import.meta.url): a wrapper finds its own plug-in from its
// manifest, through the loader chain, in the layouts npm and pnpm make, from
// any working directory, without Plugin.loadWithDefaultPaths(). Layouts run in
// fresh Node processes (the registry is per process) against the built core.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WsError } from '../src/errors.js';
import { readPluginManifests } from '../src/plugins/npm-manifest.js';
import { pluginPackageRoot } from '../src/plugins/package-plugin.js';
import { Plugin } from '../src/plugins/plugin.js';
import { pluginLibraryCandidates } from '../src/plugins/plugin-library.js';
import { fakeInstall, FIXTURE_LIBRARY, repoRoot, SECOND_LIBRARY, secondPlugin } from './helpers/fake-install.js';

const coreIndex = join(repoRoot, 'packages/core/dist/index.js');

/** Run in a fresh process: forPackage, what is mapped before and after the first real use. */
const childScript = `
import { readFileSync } from 'node:fs';
const { Plugin } = await import(${JSON.stringify(pathToFileURL(coreIndex).href)});
const mapped = () => [...new Set(readFileSync('/proc/self/maps', 'utf8').split('\\n').map((line) => line.split(/\\s+/)[5] ?? '')
  .filter((file) => /ws_bridge|libwasmedge|wasmedgePlugin|libws_/.test(file)).map((file) => file.split('/').pop()))].sort();
const [url, name] = process.argv.slice(2);
const plugin = Plugin.forPackage(url, name || undefined);
const report = { name: plugin.name, packageName: plugin.packageName, loaded: plugin.loaded, mappedBefore: mapped(), same: Plugin.forPackage(url, name || undefined) === plugin };
report.extensions = plugin.extensions.map((extension) => extension.packageName);
report.modules = plugin.listModules();
report.path = plugin.path;
if (plugin.name === 'ws_fixture') report.configured = plugin.configure({});
report.mappedAfter = mapped().filter((file) => !/^ws_bridge/.test(file));
report.registered = Plugin.list();
console.log(JSON.stringify(report));
`;

function runChild(url: string, options: { cwd?: string; name?: string; env?: NodeJS.ProcessEnv } = {}): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'ws-for-package-script-'));
  writeFileSync(join(dir, 'child.mjs'), childScript);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.NODE_PATH; // pnpm's bin shims point it at the workspace's hoisted packages
  const result = spawnSync(process.execPath, [join(dir, 'child.mjs'), url, options.name ?? ''], { cwd: options.cwd ?? dir, encoding: 'utf8', env });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const entryUrl = (dir: string): string => pathToFileURL(join(dir, 'dist', 'index.js')).href;

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.WS_FIXTURE_LIBRARY;
});

describe('Plugin.forPackage in installed layouts', () => {
  it.each(['npm', 'pnpm', 'hoisted'] as const)('%s: registers lazily (nothing mapped), loads from the platform package on first use, sees the extension package', (layout) => {
    const { app, platformDir } = fakeInstall({ layout, extension: true });
    // The URL the wrapper sees: through the app's node_modules (a symlink under pnpm).
    const report = runChild(entryUrl(join(app, 'node_modules', '@ws', 'fixture')), { cwd: app });
    expect(report).toEqual({
      name: 'ws_fixture',
      packageName: '@ws/fixture',
      loaded: false,
      mappedBefore: [],
      same: true,
      extensions: ['@ws/fixture-ext'],
      modules: ['ws_fixture'],
      path: join(platformDir!, 'lib', 'libws_fixture.so'),
      configured: ['greeting'],
      mappedAfter: ['libwasmedge.so.0', 'libws_fixture.so'],
      registered: ['ws_fixture'],
    });
  });

  it('a script run from another working directory finds the plug-in and the extensions next to the wrapper', () => {
    const { app, platformDir } = fakeInstall({ layout: 'pnpm', extension: true });
    const elsewhere = mkdtempSync(join(tmpdir(), 'ws-elsewhere-'));
    const report = runChild(entryUrl(join(app, 'node_modules', '@ws', 'fixture')), { cwd: elsewhere });
    expect(report).toMatchObject({ loaded: false, mappedBefore: [], extensions: ['@ws/fixture-ext'], path: join(platformDir!, 'lib', 'libws_fixture.so'), configured: ['greeting'] });
  });

  it('the package folder itself (not a file URL) works too', () => {
    const { app, platformDir } = fakeInstall({ layout: 'npm' });
    const report = runChild(join(app, 'node_modules', '@ws', 'fixture'));
    expect(report).toMatchObject({ name: 'ws_fixture', extensions: [], path: join(platformDir!, 'lib', 'libws_fixture.so'), configured: [] });
  });

  it('two plug-ins in one package: each by name, from the same platform package folder', () => {
    const { app, platformDir } = fakeInstall({ layout: 'pnpm', twoPlugins: true });
    const url = entryUrl(join(app, 'node_modules', '@ws', 'fixture'));
    expect(runChild(url, { name: 'wasmedge_plugintest_c' })).toMatchObject({
      name: 'wasmedge_plugintest_c',
      loaded: false,
      mappedBefore: [],
      modules: ['wasmedge_plugintest_c_module'],
      path: join(platformDir!, 'lib', secondPlugin.library),
      mappedAfter: ['libwasmedge.so.0', secondPlugin.library],
      registered: ['wasmedge_plugintest_c'],
    });
    expect(runChild(url, { name: 'ws_fixture' })).toMatchObject({ name: 'ws_fixture', path: join(platformDir!, 'lib', 'libws_fixture.so') });
  });

  it('WS_<PACKAGE>_LIBRARY wins over the platform package', () => {
    const { app } = fakeInstall({ layout: 'npm' });
    const report = runChild(entryUrl(join(app, 'node_modules', '@ws', 'fixture')), { env: { WS_FIXTURE_LIBRARY: FIXTURE_LIBRARY } });
    expect(report).toMatchObject({ path: FIXTURE_LIBRARY, loaded: false, mappedBefore: [] });
  });
});

describe('Plugin.forPackage in this process', () => {
  it('returns a plug-in of that name that is already registered (loaded from a path)', () => {
    const [loaded] = Plugin.loadFromPath(FIXTURE_LIBRARY);
    const { app } = fakeInstall({ layout: 'pnpm' });
    const plugin = Plugin.forPackage(pathToFileURL(join(app, 'node_modules', '@ws', 'fixture', 'dist', 'index.js')));
    expect(plugin).toBe(loaded);
    expect(plugin.path).toBe(FIXTURE_LIBRARY);
    expect(Plugin.forPackage(join(app, 'node_modules', '@ws', 'fixture'))).toBe(loaded);
  });

  it('finds the package root through pnpm symlinks, as its real folder', () => {
    const { app, wrapperDir } = fakeInstall({ layout: 'pnpm' });
    expect(pluginPackageRoot(entryUrl(join(app, 'node_modules', '@ws', 'fixture')))).toBe(wrapperDir);
    expect(pluginPackageRoot(new URL(entryUrl(wrapperDir)))).toBe(wrapperDir);
  });

  it('several plug-ins and no name, or an unknown name: a coded error naming the choices', () => {
    const { wrapperDir } = fakeInstall({ layout: 'npm', twoPlugins: true });
    const url = entryUrl(wrapperDir);
    expect(() => Plugin.forPackage(url)).toThrow(
      new WsError('WS_USAGE', "@ws/fixture ships 2 plug-ins (ws_fixture, wasmedge_plugintest_c). Name the one you want: Plugin.forPackage(import.meta.url, 'ws_fixture')."),
    );
    expect(() => Plugin.forPackage(url, 'wasi_nn')).toThrow(
      new WsError('WS_PLUGIN_NOT_FOUND', '@ws/fixture has no plug-in named wasi_nn; it ships ws_fixture, wasmedge_plugintest_c. Pass one of those names to Plugin.forPackage().'),
    );
    for (const name of [undefined, 'wasi_nn']) {
      try {
        Plugin.forPackage(url, name);
      } catch (error) {
        expect((error as WsError).code).toBe(name ? 'WS_PLUGIN_NOT_FOUND' : 'WS_USAGE');
      }
    }
  });

  it('no "wasmedge" field anywhere above, or an extension package: a coded error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-no-manifest-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'plain' }));
    expect(() => Plugin.forPackage(dir)).toThrow(expect.objectContaining({ code: 'WS_PLUGIN_MANIFEST' }));
    expect(() => Plugin.forPackage(join(dir, 'missing.js'))).toThrow(expect.objectContaining({ code: 'WS_PLUGIN_MANIFEST' }));
    const { extensionDir } = fakeInstall({ layout: 'npm', extension: true });
    expect(() => Plugin.forPackage(extensionDir!)).toThrow(
      new WsError('WS_PLUGIN_NOT_FOUND', "@ws/fixture-ext ships no plug-in of its own: it extends ws_fixture. Call Plugin.forPackage() from the package of that plug-in, or Plugin.find('ws_fixture')."),
    );
  });
});

describe('WS_<PACKAGE>_LIBRARY for a package with several plug-ins', () => {
  const candidate = (manifestIndex: number) => pluginLibraryCandidates(readPluginManifests(fakeInstall({ platform: null, twoPlugins: true }).wrapperDir)[manifestIndex]!)[0];

  it('a folder: each plug-in by its own file name there', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ws-libraries-'));
    writeFileSync(join(folder, 'libws_fixture.so'), '');
    writeFileSync(join(folder, secondPlugin.library), '');
    process.env.WS_FIXTURE_LIBRARY = folder;
    expect(candidate(0)).toEqual({ source: 'WS_FIXTURE_LIBRARY', path: join(folder, 'libws_fixture.so') });
    expect(candidate(1)).toEqual({ source: 'WS_FIXTURE_LIBRARY', path: join(folder, secondPlugin.library) });
  });

  it('one of the libraries: the others from its folder', () => {
    process.env.WS_FIXTURE_LIBRARY = SECOND_LIBRARY;
    const folder = join(repoRoot, 'native/build/test-plugins/wasmedge_plugintest_c');
    expect(candidate(1)).toEqual({ source: 'WS_FIXTURE_LIBRARY', path: SECOND_LIBRARY });
    // libws_fixture.so is not in that folder: the variable is reported as bad and the chain goes on.
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    expect(candidate(0)).toEqual({ source: 'WS_FIXTURE_LIBRARY', kind: 'bad-env', detail: `${join(folder, 'libws_fixture.so')} does not exist` });
    expect(lines).toEqual([`[ws] Ignoring bad configuration: WS_FIXTURE_LIBRARY=${SECOND_LIBRARY} (no libws_fixture.so there)`]);
  });

  it('a package with one plug-in takes the file whatever its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-renamed-'));
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'custom.so'), '');
    process.env.WS_FIXTURE_LIBRARY = join(dir, 'lib', 'custom.so');
    const manifest = readPluginManifests(fakeInstall({ platform: null }).wrapperDir)[0]!;
    expect(pluginLibraryCandidates(manifest)[0]).toEqual({ source: 'WS_FIXTURE_LIBRARY', path: join(dir, 'lib', 'custom.so') });
  });
});

describe('a Runtime in a script run from another working directory', () => {
  it('registers the plug-in packages installed next to the script (lazily), not only those seen from the working directory', () => {
    const { app } = fakeInstall({ layout: 'pnpm' });
    writeFileSync(
      join(app, 'main.mjs'),
      `const { Plugin, Runtime } = await import(${JSON.stringify(pathToFileURL(coreIndex).href)});
await new Runtime().instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
console.log(JSON.stringify(Plugin.all().map((plugin) => [plugin.name, plugin.packageName, plugin.loaded])));
`,
    );
    const elsewhere = mkdtempSync(join(tmpdir(), 'ws-elsewhere-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_NO_WARNINGS: '1' };
    delete env.NODE_PATH; // else discovery would see the workspace's hoisted packages from anywhere
    const result = spawnSync(process.execPath, [join(app, 'main.mjs')], { cwd: elsewhere, encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([['ws_fixture', '@ws/fixture', false]]);
  });
});
