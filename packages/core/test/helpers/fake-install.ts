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

export interface FakeInstallOptions {
  layout?: 'npm' | 'pnpm';
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
}

export interface FakeInstall {
  app: string;
  /** Where the wrapper package really is. */
  wrapperDir: string;
  platformDir?: string;
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
  const store = options.layout === 'pnpm' ? join(app, 'node_modules', '.pnpm', `@ws+fixture@${version}`, 'node_modules') : join(app, 'node_modules');
  const wrapperDir = join(store, '@ws', 'fixture');
  write(
    join(wrapperDir, 'package.json'),
    JSON.stringify({
      name: '@ws/fixture',
      version,
      wasmedge: { plugin: options.plugin ?? 'ws_fixture', modules: ['ws_fixture'], apiVersion: options.apiVersion ?? 5, library: 'libws_fixture.so' },
      optionalDependencies: key ? { [`@ws/fixture-${key}`]: version } : {},
    }),
  );
  let platformDir: string | undefined;
  if (key) {
    platformDir = join(store, '@ws', `fixture-${key}`);
    write(join(platformDir, 'package.json'), JSON.stringify({ name: `@ws/fixture-${key}`, version: options.platformVersion ?? version, main: './index.cjs' }));
    write(join(platformDir, 'index.cjs'), "const { join } = require('node:path');\nmodule.exports = { libraryPath: join(__dirname, 'lib', 'libws_fixture.so'), version: require('./package.json').version };\n");
    if (options.withBinary !== false) {
      mkdirSync(join(platformDir, 'lib'), { recursive: true });
      copyFileSync(options.library ?? FIXTURE_LIBRARY, join(platformDir, 'lib', 'libws_fixture.so'));
    }
  }
  if (options.layout === 'pnpm') {
    // pnpm links only direct dependencies into the app's node_modules.
    mkdirSync(join(app, 'node_modules', '@ws'), { recursive: true });
    symlinkSync(wrapperDir, join(app, 'node_modules', '@ws', 'fixture'));
  }
  return { app, wrapperDir, platformDir };
}
