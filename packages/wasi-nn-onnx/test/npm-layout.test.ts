// Without the backend packages' options (a plug-in folder laid out by hand,
// backends in wasi-nn-backends/ next to the plug-in), the ONNX and GGML
// backends still find onnxruntime-node and @node-llama-cpp/linux-x64 by
// walking up to node_modules from their own location. This builds such a
// layout (copies of the plug-in and backend libraries, links to the runtime
// packages). The installed-package path is tested in test/install.
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelDir, plugins, runWithModels } from './onnx-guest.js';

const project = mkdtempSync(join(tmpdir(), 'ws-npm-layout-'));
const lib = join(project, 'node_modules', '@ws', 'wasi-nn-linux-x64-gnu', 'lib');
afterAll(() => rmSync(project, { recursive: true, force: true }));

function layout() {
  mkdirSync(join(lib, 'wasi-nn-backends'), { recursive: true });
  copyFileSync(join(plugins, 'libwasmedgePluginWasiNN.so'), join(lib, 'libwasmedgePluginWasiNN.so'));
  for (const backend of ['onnx', 'ggml']) {
    const file = `libws_wasi_nn_${backend}.so`;
    copyFileSync(join(plugins, '..', 'wasi-nn-backends', file), join(lib, 'wasi-nn-backends', file));
  }
  const packages = join(modelDir, '..', '..', '..');
  symlinkSync(realpathSync(join(packages, 'wasi-nn-onnx', 'node_modules', 'onnxruntime-node')), join(project, 'node_modules', 'onnxruntime-node'));
  mkdirSync(join(project, 'node_modules', '@node-llama-cpp'));
  symlinkSync(
    realpathSync(join(packages, 'wasi-nn-ggml', 'node_modules', '@node-llama-cpp', 'linux-x64')),
    join(project, 'node_modules', '@node-llama-cpp', 'linux-x64'),
  );
}

describe('backends installed from npm', () => {
  it('find onnxruntime-node and @node-llama-cpp/linux-x64 through node_modules', async () => {
    layout();
    const run = await runWithModels(modelDir, ['load', 'm/scale_shift.onnx', '1', 'init', '0', 'set', '0', '0', '1', '1,4', 'f32:1,2,3,4', 'compute', '0', 'get', '0', '0', '16', 'f32'], {
      pluginDir: lib,
      env: { WS_NN_PLUGIN_DIR: lib },
    });
    expect(run.lines).toEqual(['load 0 0', 'init 0 0', 'set 0', 'compute 0', 'get 0 16 ok 3 5 7 9']);
    const { execFileSync } = await import('node:child_process');
    const { cliPath } = await import('../../wasi-nn/test/run-guest.js');
    let output: string;
    try {
      // From the project, where no installed backend package sets nn-<backend>-library
      // (and without the NODE_PATH pnpm sets, which would show the workspace's packages).
      const env = { ...process.env };
      delete env.NODE_PATH;
      output = execFileSync(process.execPath, [cliPath, 'doctor', '--plugin-path', lib], { encoding: 'utf8', cwd: project, env });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    expect(output).toContain(`ONNX (encoding 1): loads, ONNX Runtime 1.30.0 (C API 30) (${project}/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1)`);
    expect(output).toContain(`(${project}/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64/libllama.v0.5.0.so)`);
  });
});
