#!/usr/bin/env node
// Installed size of ws next to sharp's and esbuild's (issue 14): bytes of the
// regular files under node_modules, each hard-linked file counted once.
// The ws numbers come from the registry install test (test/install/
// registry-install.test.ts writes test-results/install-sizes.json after
// installing from a local registry exactly what the READMEs say); sharp and
// esbuild are installed here from the registry npm is configured with.
//
//   node bench/install-size.bench.mjs [--write]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installedBytes } from '../scripts/installed-bytes.mjs';
import { machineLine, root, writeSection } from './results.mjs';

/** Installs `specs` with npm into a fresh project and measures node_modules. */
function measureNpm(specs) {
  const project = mkdtempSync(join(tmpdir(), 'ws-size-'));
  try {
    writeFileSync(join(project, 'package.json'), '{ "name": "size", "version": "1.0.0", "private": true }\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', ...specs], { cwd: project, stdio: 'pipe' });
    return installedBytes(join(project, 'node_modules'));
  } finally {
    rmSync(join(project), { recursive: true, force: true });
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const sizesFile = join(root, 'test-results', 'install-sizes.json');
if (!existsSync(sizesFile)) {
  console.error(`[ws] ${sizesFile} is missing: run the registry install test first (npx vitest run --project tests test/install/registry-install.test.ts).`);
  process.exit(1);
}
const ws = JSON.parse(readFileSync(sizesFile, 'utf8'));
const others = { 'sharp (npm install sharp)': measureNpm(['sharp']), 'esbuild (npm install esbuild)': measureNpm(['esbuild']) };
const rows = [...Object.entries(ws), ...Object.entries(others)].map(([what, bytes]) => `| ${what} | ${mb(bytes)} |`);
const body = [
  machineLine(),
  '',
  'Installed `node_modules`, every regular file once (pnpm hard-links its store), linux-x64-gnu.',
  'Budgets (asserted by test/install/registry-install.test.ts): core + process ≤ 2 MB;',
  'core + wasi-nn + wasi-nn-tflite ≤ 12 MB (3.7 MB of it is TensorFlow Lite\'s C library).',
  'Before the runtimes moved into our platform packages (as issue 14 measured them): core + process',
  '5 MB (koffi 4.1 MB of it), core + wasi-nn + wasi-nn-tflite 92 MB (tfjs-tflite-node, @tensorflow/tfjs-*).',
  'ONNX and GGML are the size of their runtimes (libonnxruntime 44 MB; libllama + every libggml-cpu variant 28 MB).',
  '',
  '| installed | size |',
  '|---|---|',
  ...rows,
].join('\n');
console.log(body);
if (process.argv.includes('--write')) writeSection('install sizes (issue 14)', body);
