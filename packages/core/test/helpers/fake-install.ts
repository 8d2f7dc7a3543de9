// Builds a temporary application folder whose node_modules holds a plug-in
// package the way npm (hoisted) or pnpm (.pnpm + symlinks) installs it: the
// wrapper with its "wasmedge" field and its platform package carrying the
// real ws_fixture library. Files only, like a real install.
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const FIXTURE_LIBRARY = join(repoRoot, 'native/build/test-plugins/ws_fixture/libws_fixture.so');

export const SECOND_LIBRARY = join(repoRoot, 'native/build/test-plugins/wasmedge_plugintest_c/libwasmedgePluginTestModuleC.so');

/** A second plug-in in the same package (as @ws/tensorflow ships two). */
export const secondPlugin = { plugin: 'wasmedge_plugintest_c', modules: ['wasmedge_plugintest_c_module'], apiVersion: 5, library: 'libwasmedgePluginTestModuleC.so' };

export interface FakeInstallOptions {
  /** npm; pnpm's default isolated layout (.pnpm + symlinks); pnpm's node-linker=hoisted (flat, like npm). */
  layout?: 'npm' | 'pnpm' | 'hoisted';
  version?: string;
  /** Version of the platform package (default: the wrapper's). */
  platformVersion?: string;
  /** Install the platform package for this key (null: none). */
  platform?: string | null;
  /** Copy the library into the platform package. */
  withBinary?: boolean;
  apiVersion?: number;
  /** Plug-in name in the manifest (default ws_fixture). */
  plugin?: string;
  /** The file to ship as the library (default: the fixture plug-in). */
  library?: string;
  /** Also ship {@link secondPlugin} (the manifest becomes an array). */
  twoPlugins?: boolean;
  /**
   * Also install @ws/fixture-ext, an extension package of the plug-in (like a
   * WASI-NN backend package) whose default option `greeting` names its file
   * greeting.txt, as a dependency of the application.
   */
  extension?: boolean;
}

export interface FakeInstall {
  app: string;
  /** Where the wrapper package really is. */
  wrapperDir: string;
  platformDir?: string;
  /** Where @ws/fixture-ext really is, when installed. */
  extensionDir?: string;
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

export function fakeInstall(options: FakeInstallOptions = {}): FakeInstall {
  const version = options.version ?? '0.1.0';
  const key = options.platform === undefined ? 'linux-x64-gnu' : options.platform;
  const app = mkdtempSync(join(tmpdir(), 'ws-fake-install-'));
  write(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  // The lockfile its package manager leaves (install hints name that manager).
  write(join(app, options.layout === 'pnpm' || options.layout === 'hoisted' ? 'pnpm-lock.yaml' : 'package-lock.json'), '');
  const store = options.layout === 'pnpm' ? join(app, 'node_modules', '.pnpm', `@ws+fixture@${version}`, 'node_modules') : join(app, 'node_modules');
  const wrapperDir = join(store, '@ws', 'fixture');
  const first = { plugin: options.plugin ?? 'ws_fixture', modules: ['ws_fixture'], apiVersion: options.apiVersion ?? 5, library: 'libws_fixture.so' };
  write(
    join(wrapperDir, 'package.json'),
    JSON.stringify({
      name: '@ws/fixture',
      version,
      type: 'module',
      wasmedge: options.twoPlugins ? [first, secondPlugin] : first,
      optionalDependencies: key ? { [`@ws/fixture-${key}`]: version } : {},
    }),
  );
  // The wrapper's code: what passes its import.meta.url to Plugin.forPackage().
  write(join(wrapperDir, 'dist', 'index.js'), 'export const url = import.meta.url;\n');
  let platformDir: string | undefined;
  if (key) {
    platformDir = join(store, '@ws', `fixture-${key}`);
    write(join(platformDir, 'package.json'), JSON.stringify({ name: `@ws/fixture-${key}`, version: options.platformVersion ?? version, main: './index.cjs' }));
    write(join(platformDir, 'index.cjs'), "const { join } = require('node:path');\nmodule.exports = { libraryPath: join(__dirname, 'lib', 'libws_fixture.so'), version: require('./package.json').version };\n");
    if (options.withBinary !== false) {
      mkdirSync(join(platformDir, 'lib'), { recursive: true });
      copyFileSync(options.library ?? FIXTURE_LIBRARY, join(platformDir, 'lib', 'libws_fixture.so'));
      if (options.twoPlugins) copyFileSync(SECOND_LIBRARY, join(platformDir, 'lib', secondPlugin.library));
    }
  }
  let extensionDir: string | undefined;
  if (options.extension) {
    extensionDir =
      options.layout === 'pnpm' ? join(app, 'node_modules', '.pnpm', `@ws+fixture-ext@${version}`, 'node_modules', '@ws', 'fixture-ext') : join(app, 'node_modules', '@ws', 'fixture-ext');
    write(
      join(extensionDir, 'package.json'),
      JSON.stringify({ name: '@ws/fixture-ext', version, wasmedge: { extends: 'ws_fixture', defaultOptions: { greeting: { [key ?? 'linux-x64-gnu']: '@ws/fixture-ext/greeting.txt' } } } }),
    );
    write(join(extensionDir, 'greeting.txt'), 'hello\n');
  }
  if (options.layout === 'pnpm') {
    // pnpm links only direct dependencies into the app's node_modules.
    mkdirSync(join(app, 'node_modules', '@ws'), { recursive: true });
    symlinkSync(wrapperDir, join(app, 'node_modules', '@ws', 'fixture'));
    if (extensionDir) symlinkSync(extensionDir, join(app, 'node_modules', '@ws', 'fixture-ext'));
  }
  if (options.layout === 'hoisted') write(join(app, 'node_modules', '.modules.yaml'), 'nodeLinker: hoisted\n');
  return { app, wrapperDir, platformDir, extensionDir };
}
