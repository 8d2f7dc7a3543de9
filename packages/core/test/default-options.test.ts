// A plug-in package's default options: files inside its dependencies, found
// from the package's own folder for this platform.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveDefaultOptions, resolveExtensionOptions } from '../src/plugins/default-options.js';
import type { PluginManifest } from '../src/plugins/npm-manifest.js';
import { platformKey } from '../src/platform.js';

const key = platformKey()!;

function packageWithDependency(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-defaults-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'plugin-pkg', version: '1.0.0' }));
  const dep = join(dir, 'node_modules', '@scope', 'backend');
  mkdirSync(join(dep, 'lib'), { recursive: true });
  writeFileSync(join(dep, 'package.json'), JSON.stringify({ name: '@scope/backend', version: '1.0.0', exports: { '.': './index.js' } }));
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

  it('takes the first installed file of a candidate list', () => {
    const dir = packageWithDependency();
    const installed = join(dir, 'node_modules', '@scope', 'backend', 'lib', 'libbackend.so');
    expect(resolveDefaultOptions(manifest(dir, { lib: { [key]: ['not-installed/lib.so', '@scope/backend/lib/nope.so', '@scope/backend/lib/libbackend.so'] } }))).toEqual({ lib: installed });
    expect(resolveDefaultOptions(manifest(dir, { lib: { [key]: ['@scope/backend/lib/libbackend.so', 'not-installed/lib.so'] } }))).toEqual({ lib: installed });
    expect(resolveDefaultOptions(manifest(dir, { lib: { [key]: [] } }))).toEqual({});
  });

  // In this checkout the platform packages carry no lib/ (package-binaries.mjs --copy does that for a
  // release), so each option falls back to the build-time package, a devDependency a user never installs.
  it("resolves from a linked package's real folder, where pnpm puts its dependencies", () => {
    // pnpm: project/node_modules/plugin-pkg → .pnpm/plugin-pkg/node_modules/plugin-pkg, whose dependencies sit beside it.
    const store = packageWithDependency();
    const project = mkdtempSync(join(tmpdir(), 'ws-defaults-project-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(store, join(project, 'node_modules', 'plugin-pkg'));
    expect(resolveDefaultOptions(manifest(join(project, 'node_modules', 'plugin-pkg'), { lib: { [key]: '@scope/backend/lib/libbackend.so' } }))).toEqual({
      lib: join(store, 'node_modules', '@scope', 'backend', 'lib', 'libbackend.so'),
    });
  });

  it("each WASI-NN backend package points the wasi_nn plug-in at its runtime library (hidden package.json included)", () => {
    const packages = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    const options = (name: string) => resolveExtensionOptions(join(packages, name), 'wasi_nn');
    expect(options('wasi-nn-tflite')['nn-tflite-library']).toMatch(/tfjs-tflite-node\/cc_deps\/linux_amd64\/libtensorflowlite_c\.so$/);
    expect(options('wasi-nn-onnx')['nn-onnx-library']).toMatch(/onnxruntime-node\/bin\/napi-v6\/linux\/x64\/libonnxruntime\.so\.1$/);
    // @node-llama-cpp/linux-x64's "exports" hide its package.json: found by folder.
    expect(options('wasi-nn-ggml')['nn-ggml-library']).toMatch(/@node-llama-cpp\/linux-x64\/bins\/linux-x64\/libllama\.v0\.5\.0\.so$/);
    expect(options('wasi-nn-pytorch')).toEqual({}); // its platform package has no binary in the repository
    expect(options('wasi-nn')).toEqual({}); // the plug-in package itself extends nothing
  });
});
