// Installed the way users install it (house style point 15): every package is
// published with the real publish script to a local registry (verdaccio, on
// 127.0.0.1), then fresh projects outside the workspace, with default
// settings and no config files (the registry is the user's default through
// npm_config_registry / pnpm_config_registry), run each package README's
// "Quick start" word for word with pnpm 12 and with the npm of this Node:
// install lines, C guests compiled against the shipped headers, `npx ws run`,
// scripts. Installs must exit 0 without a word about build scripts; sizes stay
// within their budgets; no installed package has an install script.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';
import { runQuickStart, type Manager } from './readme-blocks.js';
import { publishAll, startRegistry, type Registry } from './registry.js';
// @ts-expect-error: a plain .mjs script without declarations
import { installedBytes } from '../../scripts/installed-bytes.mjs';

const version = (JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')) as { version: string }).version;
const readme = (folder: string): string => join(root, 'packages', folder, 'README.md');
/** Size budgets of installed node_modules, in bytes (issue 14). */
const budgets = { coreProcess: 2 * 1024 * 1024, coreWasiNnTflite: 12 * 1024 * 1024 };
const backendsBuilt = ['onnx', 'pytorch', 'ggml'].filter((b) => existsSync(join(root, `native/build/wasi-nn-backends/libws_wasi_nn_${b}.so`)));
const exampleFile = (name: string, file: string): string => join(root, 'examples', name, file);
/** What each README's Quick start asks the user to bring, by README folder: name in the project → the file the test copies there. */
const userFiles: Record<string, Record<string, string>> = {
  image: { 'photo.jpg': exampleFile('image', 'fixtures/chelsea.jpg') },
  'wasi-nn-onnx': {
    'model.onnx': exampleFile('wasi-nn-onnx', 'build/colour_classifier.onnx'),
    'tomato.ppm': exampleFile('wasi-nn-onnx', 'build/tomato.ppm'),
    'sky.ppm': exampleFile('wasi-nn-onnx', 'build/sky.ppm'),
  },
  'wasi-nn-pytorch': {
    'model.pt': exampleFile('wasi-nn-pytorch', 'build/colour_classifier.pt'),
    'leaf.ppm': exampleFile('wasi-nn-pytorch', 'build/leaf.ppm'),
    'sunset.ppm': exampleFile('wasi-nn-pytorch', 'build/sunset.ppm'),
  },
  'wasi-nn-ggml': { 'model.gguf': exampleFile('wasi-nn-ggml', 'build/story.gguf') },
};

let work: string;
let registry: Registry;
const sizes: Record<string, number> = {};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ws-registry-'));
  registry = await startRegistry(work);
  publishAll(registry);
}, 900000);

afterAll(async () => {
  await registry?.stop();
  if (Object.keys(sizes).length) {
    // Merged into what earlier runs measured, so a run of some of the tests (-t) keeps the others' numbers.
    const file = join(root, 'test-results', 'install-sizes.json');
    mkdirSync(dirname(file), { recursive: true });
    const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
    writeFileSync(file, `${JSON.stringify({ ...earlier, ...sizes }, null, 2)}\n`);
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A new, empty project folder outside the workspace (only a package.json, as `npm init -y` makes). */
function newProject(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', private: true }, null, 2)}\n`);
  return dir;
}

/** Every word a package manager says about install or build scripts. */
const buildScriptWarning = /build script|install script|approve-builds|allow-?builds?|IGNORED_BUILDS|node-gyp|gyp info/i;

function expectQuietInstalls(steps: { command: string; stdout: string; stderr: string }[]): void {
  for (const step of steps.filter((s) => /^(npm install|pnpm add)\b/.test(s.command))) {
    expect(`${step.stdout}\n${step.stderr}`, step.command).not.toMatch(buildScriptWarning);
  }
}

/** What ws installs: node_modules without the model a Quick start takes from npm (13 MB of MediaPipe). */
function ourBytes(nodeModules: string): number {
  const model = join(nodeModules, '@mediapipe/face_detection');
  return installedBytes(nodeModules) - (existsSync(model) ? installedBytes(realpathSync(model)) : 0);
}

/** Every package.json under node_modules (pnpm's .pnpm store included). */
function installedManifests(nodeModules: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'package.json' && /node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(path)) found.push(path);
    }
  };
  walk(nodeModules);
  return found;
}

function run(project: string, command: string, env: NodeJS.ProcessEnv = registry.env(), cwd = project) {
  const result = spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8', timeout: 300000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOutputs(result: ReturnType<typeof runQuickStart>): void {
  expect(result.outputs.length).toBeGreaterThan(0);
  for (const output of result.outputs) expect(output.actual, output.commands.join('\n')).toBe(output.expected);
}

describe.each(['npm', 'pnpm'] as const)('installed from a registry with %s at default settings', (manager: Manager) => {
  it('core alone: its README Quick start (a WASI guest through ws run and a Runtime)', () => {
    const project = newProject(`${manager}-core`);
    const result = runQuickStart(readme('core'), project, manager, registry.env());
    expectQuietInstalls(result.steps);
    expectOutputs(result);
    sizes[`${manager}: @ws/core`] = ourBytes(join(project, 'node_modules'));
    // koffi is an optional peer: neither npm nor pnpm installs it.
    expect(installedPackages(project).filter((name) => /koffi/.test(name))).toEqual([]);
  }, 600000);

  it('core + process, then the root README\'s Use it, + wasi-crypto, + image: each README Quick start runs as written', () => {
    const project = newProject(`${manager}-plugins`);
    const process = runQuickStart(readme('process'), project, manager, registry.env());
    expectQuietInstalls(process.steps);
    expectOutputs(process);
    sizes[`${manager}: @ws/core + @ws/process`] = installedBytes(join(project, 'node_modules'));
    expect(sizes[`${manager}: @ws/core + @ws/process`]).toBeLessThanOrEqual(budgets.coreProcess);
    // A helper needs no set-up call and works from any working directory.
    expect(run(project, `node ${join(project, 'run-command.mjs')}`, registry.env(), tmpdir()).stdout).toBe('0 hello from the host\n');

    // The root README's "Use it": ws run and a Runtime, on the process Quick start's greet.wasm.
    const useIt = runQuickStart(join(root, 'README.md'), project, manager, registry.env(), {}, 'Use it');
    expectQuietInstalls(useIt.steps);
    expectOutputs(useIt);

    let installed = '@ws/core + @ws/process';
    for (const folder of ['wasi-crypto', 'image']) {
      const result = runQuickStart(readme(folder), project, manager, registry.env(), userFiles[folder]);
      expectQuietInstalls(result.steps);
      expectOutputs(result);
      installed += ` + @ws/${folder}`;
      sizes[`${manager}: ${installed}`] = ourBytes(join(project, 'node_modules'));
    }
  }, 600000);

  it('core + wasi-nn + the TensorFlow-Lite backend: README Quick start, within its size budget', () => {
    const project = newProject(`${manager}-wasi-nn`);
    const result = runQuickStart(readme('wasi-nn'), project, manager, registry.env());
    expectQuietInstalls(result.steps);
    expectOutputs(result);
    const nodeModules = join(project, 'node_modules');
    sizes[`${manager}: @ws/core + @ws/wasi-nn + @ws/wasi-nn-tflite`] = ourBytes(nodeModules);
    expect(sizes[`${manager}: @ws/core + @ws/wasi-nn + @ws/wasi-nn-tflite`]).toBeLessThanOrEqual(budgets.coreWasiNnTflite);
    // The runtime library comes in our own platform package: tfjs-tflite-node is not installed.
    expect(existsSync(join(nodeModules, 'tfjs-tflite-node'))).toBe(false);
  }, 600000);

  it.each(backendsBuilt)('the %s backend: README Quick start', (backend) => {
    const project = newProject(`${manager}-wasi-nn-${backend}`);
    const result = runQuickStart(readme(`wasi-nn-${backend}`), project, manager, registry.env(), userFiles[`wasi-nn-${backend}`]);
    expectQuietInstalls(result.steps);
    expectOutputs(result);
    for (const runtime of ['onnxruntime-node', 'node-llama-cpp', '@node-llama-cpp']) expect(existsSync(join(project, 'node_modules', runtime)), runtime).toBe(false);
    sizes[`${manager}: @ws/core + @ws/wasi-nn + @ws/wasi-nn-${backend}`] = ourBytes(join(project, 'node_modules'));
  }, 600000);

  it('tensorflow: README Quick start', () => {
    const project = newProject(`${manager}-tensorflow`);
    const result = runQuickStart(readme('tensorflow'), project, manager, registry.env());
    expectQuietInstalls(result.steps);
    expectOutputs(result);
    sizes[`${manager}: @ws/core + @ws/tensorflow`] = ourBytes(join(project, 'node_modules'));
  }, 600000);
});

/** Every package folder under node_modules (scoped included); pnpm's store entries by their names. */
function installedPackages(project: string): string[] {
  const top = join(project, 'node_modules');
  const names: string[] = [];
  for (const entry of readdirSync(top)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) for (const scoped of readdirSync(join(top, entry))) names.push(`${entry}/${scoped}`);
    else names.push(entry);
  }
  const store = join(top, '.pnpm');
  if (existsSync(store)) for (const entry of readdirSync(store)) if (entry !== 'node_modules' && !entry.startsWith('lock')) names.push(entry.replace(/^(@[^+]+)\+/, '$1/').replace(/@[0-9].*$/, ''));
  return [...new Set(names)].sort();
}

// Each WASI-NN backend is its own package with its own platform package (issue 10):
// a user of one backend never installs another, and each runs from its package.
describe.runIf(['pytorch', 'ggml'].every((b) => backendsBuilt.includes(b))).each(['npm', 'pnpm'] as const)('WASI-NN backends installed with %s', (manager: Manager) => {
  const example = (name: string, file: string): string => join(root, 'examples', name, file);

  it('@ws/wasi-nn with the PyTorch and GGML backends installs exactly those, and both run from their packages', () => {
    const project = newProject(`${manager}-pytorch-ggml`);
    const packages = '@ws/core @ws/wasi-nn @ws/wasi-nn-pytorch @ws/wasi-nn-ggml';
    const install = run(project, manager === 'npm' ? `npm install ${packages}` : `pnpm add ${packages}`);
    expect(install.status, install.stderr).toBe(0);
    expect(`${install.stdout}${install.stderr}`).not.toMatch(buildScriptWarning);
    expect(installedPackages(project).filter((name) => name.startsWith('@ws/'))).toEqual([
      '@ws/core', '@ws/core-linux-x64-gnu', '@ws/wasi-nn', '@ws/wasi-nn-ggml', '@ws/wasi-nn-ggml-linux-x64-gnu',
      '@ws/wasi-nn-linux-x64-gnu', '@ws/wasi-nn-pytorch', '@ws/wasi-nn-pytorch-linux-x64-gnu',
    ]);
    expect(installedPackages(project).filter((name) => /tflite|onnx|openvino|llama-cpp/.test(name))).toEqual([]);

    for (const file of ['guests/build/classify_colour_torch.wasm', 'build/colour_classifier.pt', 'build/leaf.ppm', 'build/sunset.ppm']) {
      cpSync(example('wasi-nn-pytorch', file), join(project, file.split('/').pop()!));
    }
    const torch = run(project, 'npx ws run --dir .:. classify_colour_torch.wasm colour_classifier.pt leaf.ppm sunset.ppm');
    expect(torch.stderr).toBe('');
    expect(torch.stdout.trim().split('\n')).toEqual([
      'image: leaf.ppm (24x24)', '  red    15.7%', '  green  68.5%', '  blue   15.7%', 'class: green',
      'image: sunset.ppm (32x16)', '  red    98.3%', '  green   0.8%', '  blue    0.8%', 'class: red',
    ]);

    cpSync(example('wasi-nn-ggml', 'guests/build/tell_story.wasm'), join(project, 'tell_story.wasm'));
    cpSync(example('wasi-nn-ggml', 'build/story.gguf'), join(project, 'story.gguf'));
    const story = run(project, "npx ws run --nn-preload story:GGML:AUTO:story.gguf tell_story.wasm 'Once upon a time'");
    expect(story.stderr).toBe('');
    expect(story.stdout).toContain('story: Once upon a time, there lived one tiny robot. It counted tokens all day!\n');

    const plugins = run(project, 'npx ws plugins').stdout;
    expect(plugins).toContain('\n  extended by @ws/wasi-nn-pytorch 0.1.0 (sets --nn-pytorch-backend)\n');
    expect(plugins).toContain('\n  extended by @ws/wasi-nn-ggml 0.1.0 (sets --nn-ggml-backend, --nn-ggml-library)\n');

    const doctor = run(project, 'npx ws doctor').stdout;
    expect(doctor).toMatch(/\n      PyTorch \(encoding 3\): loads, libtorch 1\.13\.\d+ .*\n        \/.*@ws\/wasi-nn-pytorch-linux-x64-gnu\/lib\/libws_wasi_nn_pytorch\.so\n/);
    // llama.cpp comes inside our own platform package now.
    expect(doctor).toMatch(/\n      GGML \/ llama\.cpp \(encoding 6\): loads, llama\.cpp libllama .*@ws\/wasi-nn-ggml-linux-x64-gnu\/lib\/libllama\.v0\.5\.0\.so\)\n        \/.*@ws\/wasi-nn-ggml-linux-x64-gnu\/lib\/libws_wasi_nn_ggml\.so\n/);
    expect(doctor).toContain('\n      TensorFlow-Lite (encoding 4): not installed (install @ws/wasi-nn-tflite)\n');
    expect(doctor).toContain('\n      ONNX (encoding 1): not installed (install @ws/wasi-nn-onnx)\n');
    expect(doctor).toContain('\n      OpenVINO (encoding 0): not installed (install @ws/wasi-nn-openvino)\n');

    if (manager === 'npm') {
      // As if the optional platform package had been left out (npm --omit=optional).
      rmSync(join(project, 'node_modules/@ws/wasi-nn-ggml-linux-x64-gnu'), { recursive: true });
      expect(run(project, 'npx ws doctor').stdout).toContain(
        '\n      GGML / llama.cpp (encoding 6): @ws/wasi-nn-ggml is installed but not its binary @ws/wasi-nn-ggml-linux-x64-gnu (optional dependencies omitted?): npm install @ws/wasi-nn-ggml-linux-x64-gnu\n',
      );
    }
  }, 600000);

  it('@ws/wasi-nn alone: a PyTorch guest is told which package to install', () => {
    const project = newProject(`${manager}-nn-only`);
    expect(run(project, manager === 'npm' ? 'npm install @ws/core @ws/wasi-nn' : 'pnpm add @ws/core @ws/wasi-nn').status).toBe(0);
    expect(installedPackages(project).filter((name) => name.startsWith('@ws/wasi-nn-'))).toEqual(['@ws/wasi-nn-linux-x64-gnu']);
    for (const file of ['guests/build/classify_colour_torch.wasm', 'build/colour_classifier.pt', 'build/leaf.ppm']) {
      cpSync(example('wasi-nn-pytorch', file), join(project, file.split('/').pop()!));
    }
    const classify = run(project, 'npx ws run --dir .:. classify_colour_torch.wasm colour_classifier.pt leaf.ppm');
    expect(classify.stderr).toMatch(/PyTorch backend not available: .*\. Install @ws\/wasi-nn-pytorch/m);
    expect(classify.status).not.toBe(0);
  }, 600000);
});

describe('every layout a user may have', () => {
  it('pnpm with node-linker=hoisted, and a project inside a pnpm workspace', () => {
    const hoisted = newProject('pnpm-hoisted');
    const env = registry.env({ pnpm_config_node_linker: 'hoisted' });
    expect(runQuickStart(readme('process'), hoisted, 'pnpm', env).outputs.map((o) => o.actual)).toEqual(
      runQuickStart(readme('process'), newProject('pnpm-isolated-reference'), 'pnpm', registry.env()).outputs.map((o) => o.actual),
    );

    const workspace = join(work, 'pnpm-workspace');
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'package.json'), '{ "name": "workspace-root", "private": true }\n');
    writeFileSync(join(workspace, 'pnpm-workspace.yaml'), 'packages:\n  - app\n');
    const app = join(workspace, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    expectOutputs(runQuickStart(readme('process'), app, 'pnpm', registry.env()));
  }, 600000);

  it('npm without optional dependencies: the exact checklist error, and WASI-only guests still run', () => {
    const project = newProject('npm-omit-optional');
    expect(run(project, 'npm install @ws/core @ws/process --omit=optional').status).toBe(0);
    cpSync(join(root, 'test/guests/build/wasi_only.wasm'), join(project, 'wasi_only.wasm'));
    cpSync(join(root, 'packages/process/guests/build/exec.wasm'), join(project, 'exec.wasm'));
    const missing = run(project, 'npx ws run --allow-command echo exec.wasm echo hi');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      [
        '[ws] WS_PLUGIN_NOT_FOUND: Could not load the wasmedge_process plug-in (@ws/process) for linux-x64-gnu:',
        '  - @ws/process-linux-x64-gnu: not installed',
        'Possible solutions:',
        '  - Install the prebuilt binary for linux-x64-gnu (an optional dependency of @ws/process: it is left out by npm --omit=optional, pnpm --no-optional or a lockfile made on another platform):',
        `      npm install @ws/core-linux-x64-gnu@${version} @ws/process-linux-x64-gnu@${version}`,
        '  - Or set WS_PROCESS_LIBRARY to the path of libwasmedgePluginWasmEdgeProcess.so.',
        '',
      ].join('\n'),
    );
    expect(run(project, 'npx ws run wasi_only.wasm a')).toEqual({ status: 0, stdout: 'argc 2\nargv[1] a\nWS_GREETING (unset)\n', stderr: '' });
  }, 600000);
});

describe('the whole published product', () => {
  it('installs every @ws package with no install script or binding.gyp anywhere in its dependency closure, and its types compile without the DOM lib', () => {
    const project = newProject('npm-everything');
    const published = readdirSync(join(root, 'packages'))
      .map((folder) => JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')) as { name: string; private?: boolean })
      .filter((manifest) => !manifest.private)
      .map((manifest) => manifest.name);
    const install = run(project, `npm install ${published.join(' ')}`);
    expect(install.status, install.stderr).toBe(0);
    const manifests = installedManifests(join(project, 'node_modules'));
    expect(manifests.length).toBeGreaterThan(published.length);
    const offenders = manifests.flatMap((path) => {
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; scripts?: Record<string, string> };
      const scripts = Object.keys(manifest.scripts ?? {}).filter((name) => /^(pre|post)?install$/.test(name));
      const gyp = existsSync(join(path, '..', 'binding.gyp')) ? ['binding.gyp'] : [];
      return [...scripts, ...gyp].map((what) => `${manifest.name}: ${what}`);
    });
    expect(offenders).toEqual([]);

    // The published declarations, compiled as a user with "lib": ["ES2022"] and @types/node only would.
    const typecheck = join(root, 'test/install/typecheck');
    if (existsSync(typecheck)) {
      cpSync(typecheck, join(project, 'typecheck'), { recursive: true });
      const typescript = JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')) as { version: string };
      const typesNode = JSON.parse(readFileSync(join(root, 'node_modules/@types/node/package.json'), 'utf8')) as { version: string };
      expect(run(project, `npm install --save-dev typescript@${typescript.version} @types/node@${typesNode.version}`).status).toBe(0);
      const tsc = run(project, 'npx tsc -p typecheck');
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    }
  }, 900000);
});
