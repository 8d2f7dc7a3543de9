// The helpers in a fresh Node process run outside the repository that never
// called Plugin.loadWithDefaultPaths(): both plug-ins of this package come
// from its own manifest through @ws/core (Plugin.forPackage).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Plugin } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { loadTensorflowLitePlugin, loadTensorflowPlugin } from '../src/modules.js';
import { modelsDir, packageDir } from './helpers.js';

const script = (entry: string) => `
import { readFileSync } from 'node:fs';
import { createTensorflowLiteModule, createTensorflowModule } from ${JSON.stringify(entry)};
const tflite = createTensorflowLiteModule();
const memory = new WebAssembly.Memory({ initial: 1 });
const f = tflite.bind(memory);
const bytes = new Uint8Array(memory.buffer);
const view = new DataView(memory.buffer);
const put = (at, data) => (bytes.set(data, at), [at, data.length]);
const text = (value) => new TextEncoder().encode(value);
const errnos = [f.create_session(...put(1024, readFileSync(process.argv[2])), 0)];
const session = view.getUint32(0, true);
errnos.push(f.append_input(session, ...put(256, text('x')), ...put(512, new Uint8Array(new Float32Array([10, 20, 30, 40]).buffer))));
errnos.push(f.run_session(session), f.get_output_tensor(session, ...put(256, text('y')), 4));
errnos.push(f.get_tensor_data(session, view.getUint32(4, true), 768, 16, 8));
console.log(errnos.join(','), [...new Float32Array(memory.buffer.slice(768, 784))].join(','));
tflite.dispose();
const tensorflow = createTensorflowModule();
console.log(tensorflow.listFunctions().length);
tensorflow.dispose();
`;

describe('the helpers in a fresh process', () => {
  it('find each plug-in of this package by name through Plugin.forPackage', () => {
    expect(loadTensorflowLitePlugin()).toBe(Plugin.forPackage(packageDir, 'wasmedge_tensorflowlite'));
    expect(loadTensorflowPlugin()).toBe(Plugin.forPackage(packageDir, 'wasmedge_tensorflow'));
  });

  it('createTensorflowLiteModule runs a model and createTensorflowModule has its functions, from another working directory, without loadWithDefaultPaths()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-tensorflow-helper-'));
    writeFileSync(join(dir, 'main.mjs'), script(pathToFileURL(join(packageDir, 'dist', 'index.js')).href));
    const env = { ...process.env };
    delete env.WS_TENSORFLOW_LIBRARY;
    delete env.NODE_PATH; // pnpm's bin shims point it at the workspace's hoisted packages
    const result = spawnSync(process.execPath, ['main.mjs', join(modelsDir, 'add_f32.tflite')], { cwd: dir, encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('0,0,0,0,0 11,22,33,44\n21\n');
    expect(result.status).toBe(0);
  });
});
