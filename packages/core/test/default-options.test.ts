// A plug-in package's default options: files inside its dependencies, found
// from the package's own folder for this platform.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveDefaultOptions } from '../src/plugins/default-options.js';
import { readPluginManifest, type PluginManifest } from '../src/plugins/npm-manifest.js';
import { platformKey } from '../src/platform.js';

const key = platformKey()!;

function packageWithDependency(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-defaults-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'plugin-pkg', version: '1.0.0' }));
  const dep = join(dir, 'node_modules', '@scope', 'backend');
  mkdirSync(join(dep, 'lib'), { recursive: true });
  writeFileSync(join(dep, 'package.json'), JSON.stringify({ name: '@scope/backend', version: '1.0.0', exports: { '.': './index.js', './package.json': './package.json' } }));
  writeFileSync(join(dep, 'lib', 'libbackend.so'), '');
  return dir;
}

function manifest(packageDir: string, defaultOptions: PluginManifest['defaultOptions']): PluginManifest {
  return { plugin: 'p', modules: ['m'], apiVersion: 5, library: 'libp.so', packageName: 'plugin-pkg', packageVersion: '1.0.0', packageDir, defaultOptions };
}

describe('resolveDefaultOptions', () => {
  it('resolves a file inside a (scoped) dependency for this platform', () => {
    const dir = packageWithDependency();
    expect(resolveDefaultOptions(manifest(dir, { 'backend-library': { [key]: '@scope/backend/lib/libbackend.so' } }))).toEqual({
      'backend-library': join(dir, 'node_modules', '@scope', 'backend', 'lib', 'libbackend.so'),
    });
  });

  it('leaves out other platforms, missing files and missing dependencies', () => {
    const dir = packageWithDependency();
    expect(
      resolveDefaultOptions(
        manifest(dir, {
          other: { 'win32-x64': '@scope/backend/lib/libbackend.so' },
          missing: { [key]: '@scope/backend/lib/nope.so' },
          absent: { [key]: 'not-installed/lib.so' },
        }),
      ),
    ).toEqual({});
  });

  it("@ws/wasi-nn's manifest points nn-tflite-library at tfjs-tflite-node's TFLite C library", () => {
    const wasiNn = resolve(dirname(fileURLToPath(import.meta.url)), '../../wasi-nn');
    const resolved = resolveDefaultOptions(readPluginManifest(wasiNn)!);
    expect(resolved['nn-tflite-library']).toMatch(/tfjs-tflite-node\/cc_deps\/linux_amd64\/libtensorflowlite_c\.so$/);
  });
});
