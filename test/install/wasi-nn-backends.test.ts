// Each WASI-NN backend is its own package with its own platform package, so a
// user of one backend never installs another (issue 10). Installed offline
// from the packed tarballs with npm and with pnpm: @ws/wasi-nn plus the
// PyTorch and GGML backends brings exactly those backends (no TensorFlow-Lite,
// ONNX or OpenVINO package, no tfjs-tflite-node or onnxruntime-node); the
// plug-in finds each backend through its package (the backend packages set
// nn-<backend>-backend / nn-<backend>-library) and the example guests print
// their exact results. @ws/wasi-nn alone names the package to install.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';
import { cleanEnv, installProject, packAll, type Manager, type Packed } from './pack.js';

const pytorchExample = join(root, 'examples/wasi-nn-pytorch');
const ggmlExample = join(root, 'examples/wasi-nn-ggml');
const backendsBuilt = ['pytorch', 'ggml'].every((b) => existsSync(join(root, `native/build/wasi-nn-backends/libws_wasi_nn_${b}.so`)));
let work: string;
let packed: Packed;

beforeAll(() => {
  if (!backendsBuilt) return;
  work = mkdtempSync(join(tmpdir(), 'ws-install-nn-'));
  packed = packAll(work, ['core', 'wasi-nn', 'wasi-nn-pytorch', 'wasi-nn-ggml'], { '@node-llama-cpp/linux-x64': 'wasi-nn-ggml' });
}, 180000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every package folder under node_modules (scoped included), pnpm's own store left out. */
function installedPackages(app: string): string[] {
  const top = join(app, 'node_modules');
  const names: string[] = [];
  for (const entry of readdirSync(top)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) for (const scoped of readdirSync(join(top, entry))) names.push(`${entry}/${scoped}`);
    else names.push(entry);
  }
  // pnpm keeps transitive packages under node_modules/.pnpm: their names are in the folder names.
  const store = join(top, '.pnpm');
  if (existsSync(store)) for (const entry of readdirSync(store)) if (entry !== 'node_modules' && !entry.startsWith('lock')) names.push(entry.replace(/^(@[^+]+)\+/, '$1/').replace(/@(file|[0-9]).*$/, ''));
  return [...new Set(names)].sort();
}

/** The installed `ws` CLI, run in the app's folder (where the guest files are copied). */
function ws(app: string, args: string[]) {
  const result = spawnSync(join(app, 'node_modules/.bin/ws'), args, { cwd: app, encoding: 'utf8', env: cleanEnv(), timeout: 120000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.runIf(backendsBuilt).each(['npm', 'pnpm'] as const)('WASI-NN backends installed with %s', (manager: Manager) => {
  it('@ws/wasi-nn with the PyTorch and GGML backends installs exactly those, and both run from their packages', () => {
    const app = installProject(work, packed, manager, `${manager}-pytorch-ggml`, ['@ws/core', '@ws/wasi-nn', '@ws/wasi-nn-pytorch', '@ws/wasi-nn-ggml'], manager === 'npm' ? ['--no-audit', '--no-fund'] : []);
    expect(installedPackages(app).filter((name) => name.startsWith('@ws/'))).toEqual([
      '@ws/core', '@ws/core-linux-x64-gnu', '@ws/wasi-nn', '@ws/wasi-nn-ggml', '@ws/wasi-nn-ggml-linux-x64-gnu',
      '@ws/wasi-nn-linux-x64-gnu', '@ws/wasi-nn-pytorch', '@ws/wasi-nn-pytorch-linux-x64-gnu',
    ]);
    expect(installedPackages(app).filter((name) => /tflite|onnx|openvino/.test(name))).toEqual([]);

    for (const file of ['guests/build/classify_colour_torch.wasm', 'build/colour_classifier.pt', 'build/leaf.ppm', 'build/sunset.ppm']) {
      copyFileSync(join(pytorchExample, file), join(app, file.split('/').pop()!));
    }
    const torch = ws(app, ['run', '--dir', '.:.', 'classify_colour_torch.wasm', 'colour_classifier.pt', 'leaf.ppm', 'sunset.ppm']);
    expect(torch.stderr).toBe('');
    expect(torch.stdout.trim().split('\n')).toEqual([
      'image: leaf.ppm (24x24)', '  red    15.7%', '  green  68.5%', '  blue   15.7%', 'class: green',
      'image: sunset.ppm (32x16)', '  red    98.3%', '  green   0.8%', '  blue    0.8%', 'class: red',
    ]);

    copyFileSync(join(ggmlExample, 'guests/build/tell_story.wasm'), join(app, 'tell_story.wasm'));
    copyFileSync(join(ggmlExample, 'build/story.gguf'), join(app, 'story.gguf'));
    const story = ws(app, ['run', '--nn-preload', 'story:GGML:AUTO:story.gguf', 'tell_story.wasm', 'Once upon a time']);
    expect(story.stdout).toContain('story: Once upon a time, there lived one tiny robot. It counted tokens all day!\n');

    const plugins = ws(app, ['plugins']).stdout;
    expect(plugins).toContain('\n  extended by @ws/wasi-nn-pytorch 0.1.0 (sets --nn-pytorch-backend)\n');
    expect(plugins).toContain('\n  extended by @ws/wasi-nn-ggml 0.1.0 (sets --nn-ggml-backend, --nn-ggml-library)\n');

    const doctor = ws(app, ['doctor']).stdout;
    expect(doctor).toMatch(/\n      PyTorch \(encoding 3\): loads, libtorch 1\.13\.\d+ .*\n        \/.*@ws\/wasi-nn-pytorch-linux-x64-gnu\/lib\/libws_wasi_nn_pytorch\.so\n/);
    expect(doctor).toMatch(/\n      GGML \/ llama\.cpp \(encoding 6\): loads, llama\.cpp libllama .*@node-llama-cpp\/linux-x64\/bins\/linux-x64\/libllama\.v0\.5\.0\.so\)\n        \/.*@ws\/wasi-nn-ggml-linux-x64-gnu\/lib\/libws_wasi_nn_ggml\.so\n/);
    expect(doctor).toContain('\n      TensorFlow-Lite (encoding 4): not installed (install @ws/wasi-nn-tflite)\n');
    expect(doctor).toContain('\n      ONNX (encoding 1): not installed (install @ws/wasi-nn-onnx)\n');
    expect(doctor).toContain('\n      OpenVINO (encoding 0): not installed (install @ws/wasi-nn-openvino)\n');

    if (manager === 'npm') {
      // As if the optional platform package had been left out (npm --omit=optional).
      rmSync(join(app, 'node_modules/@ws/wasi-nn-ggml-linux-x64-gnu'), { recursive: true });
      expect(ws(app, ['doctor']).stdout).toContain(
        '\n      GGML / llama.cpp (encoding 6): @ws/wasi-nn-ggml is installed but not its binary @ws/wasi-nn-ggml-linux-x64-gnu (optional dependencies omitted?): npm install @ws/wasi-nn-ggml-linux-x64-gnu\n',
      );
    }
  });

  it('@ws/wasi-nn alone: a PyTorch guest is told which package to install', () => {
    const app = installProject(work, packed, manager, `${manager}-nn-only`, ['@ws/core', '@ws/wasi-nn'], manager === 'npm' ? ['--no-audit', '--no-fund'] : []);
    expect(installedPackages(app).filter((name) => name.startsWith('@ws/wasi-nn-'))).toEqual(['@ws/wasi-nn-linux-x64-gnu']);
    for (const file of ['guests/build/classify_colour_torch.wasm', 'build/colour_classifier.pt', 'build/leaf.ppm']) {
      copyFileSync(join(pytorchExample, file), join(app, file.split('/').pop()!));
    }
    const run = ws(app, ['run', '--dir', '.:.', 'classify_colour_torch.wasm', 'colour_classifier.pt', 'leaf.ppm']);
    expect(run.stderr).toMatch(/^\[ws:wasi-nn\] PyTorch backend not available: .*\. Install @ws\/wasi-nn-pytorch \(npm i @ws\/wasi-nn-pytorch\) and libtorch/m);
    expect(run.status).not.toBe(0);
  });
});
