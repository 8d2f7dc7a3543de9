// The "wasmedge" field of a plug-in package: one object, or an array when a
// package ships several plug-in libraries (e.g. @ws/tensorflow).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPluginPackages, readPackageManifests, readPluginManifest, readPluginManifests } from '../src/plugins/npm-manifest.js';

function app(packages: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'ws-manifest-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0' }));
  for (const [name, wasmedge] of Object.entries(packages)) {
    const dir = join(root, 'node_modules', ...name.split('/'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '0.2.0', wasmedge }));
  }
  return root;
}

const lite = { plugin: 'wasmedge_tensorflowlite', modules: ['wasmedge_tensorflowlite'], apiVersion: 5, library: 'libwasmedgePluginWasmEdgeTensorflowLite.so' };
const tf = { plugin: 'wasmedge_tensorflow', modules: ['wasmedge_tensorflow'], apiVersion: 5, library: 'libwasmedgePluginWasmEdgeTensorflow.so' };

describe('plug-in manifests', () => {
  it('an object field is one manifest (unchanged form)', () => {
    const dir = join(app({ '@x/one': lite }), 'node_modules', '@x', 'one');
    expect(readPluginManifests(dir)).toEqual([{ ...lite, packageName: '@x/one', packageVersion: '0.2.0', packageDir: dir, defaultOptions: {} }]);
    expect(readPluginManifest(dir)?.plugin).toBe('wasmedge_tensorflowlite');
  });

  it('an array field is one manifest per plug-in, in order; readPluginManifest gives the first', () => {
    const dir = join(app({ '@x/two': [lite, tf] }), 'node_modules', '@x', 'two');
    expect(readPluginManifests(dir).map((m) => [m.plugin, m.library, m.packageName])).toEqual([
      ['wasmedge_tensorflowlite', 'libwasmedgePluginWasmEdgeTensorflowLite.so', '@x/two'],
      ['wasmedge_tensorflow', 'libwasmedgePluginWasmEdgeTensorflow.so', '@x/two'],
    ]);
    expect(readPluginManifest(dir)?.plugin).toBe('wasmedge_tensorflowlite');
  });

  it('discovery registers every plug-in of an array field', () => {
    const { manifests, errors } = discoverPluginPackages(app({ '@x/two': [lite, tf] }));
    expect(errors).toEqual([]);
    const ours = manifests.filter((m) => m.packageName === '@x/two');
    expect(ours.map((m) => m.plugin).sort()).toEqual(['wasmedge_tensorflow', 'wasmedge_tensorflowlite']);
  });

  it('a dangling scope link or a stray file in node_modules does not stop discovery', () => {
    const root = app({ '@x/one': lite });
    symlinkSync(join(root, 'no-such-folder'), join(root, 'node_modules', '@gone'));
    writeFileSync(join(root, 'node_modules', '@stray'), 'not a folder');
    const { manifests, errors } = discoverPluginPackages(root);
    expect(errors).toEqual([]);
    expect(manifests.filter((m) => m.packageName === '@x/one').map((m) => m.plugin)).toEqual(['wasmedge_tensorflowlite']);
  });

  it('a bad entry in an array is reported like a bad object', () => {
    const root = app({ '@x/bad': [lite, { plugin: 3 }] });
    const errors = discoverPluginPackages(root).errors.filter((e) => e.message.includes(root));
    expect(errors.map((e) => e.code)).toEqual(['WS_PLUGIN_MANIFEST']);
    expect(errors[0]!.message).toContain('(or an array of them)');
  });

  it('an "extends" entry is an extension of another plug-in: options only, no library', () => {
    const backend = { extends: 'wasi_nn', defaultOptions: { 'nn-onnx-backend': { 'linux-x64-gnu': '@x/onnx-linux-x64-gnu/lib/libws_wasi_nn_onnx.so' } } };
    const root = app({ '@x/nn': { plugin: 'wasi_nn', modules: ['wasi_ephemeral_nn'], apiVersion: 5, library: 'libwasmedgePluginWasiNN.so' }, '@x/onnx': backend });
    const dir = join(root, 'node_modules', '@x', 'onnx');
    expect(readPackageManifests(dir)).toEqual({
      plugins: [],
      extensions: [{ ...backend, packageName: '@x/onnx', packageVersion: '0.2.0', packageDir: dir }],
    });
    expect(readPluginManifests(dir)).toEqual([]);
    const { manifests, extensions, errors } = discoverPluginPackages(root);
    expect(errors).toEqual([]);
    expect(manifests.filter((m) => m.packageName.startsWith('@x/')).map((m) => m.plugin)).toEqual(['wasi_nn']);
    expect(extensions.filter((e) => e.packageName.startsWith('@x/')).map((e) => [e.packageName, e.extends])).toEqual([['@x/onnx', 'wasi_nn']]);
  });

  it('an extension with malformed defaultOptions is reported, naming the file', () => {
    const root = app({ '@x/broken': { extends: 'wasi_nn', defaultOptions: { 'nn-onnx-backend': 'not-per-platform' } } });
    const errors = discoverPluginPackages(root).errors.filter((e) => e.message.includes(root));
    expect(errors.map((e) => e.code)).toEqual(['WS_PLUGIN_MANIFEST']);
    expect(errors[0]!.message).toMatch(/"defaultOptions" must map option names to .*Fix the package or reinstall it\.$/);
  });
});
