#!/usr/bin/env node
// Writes the TorchScript test models into test-models/build/ with Debian's
// /usr/bin/python3 and python3-torch (scripts/make_models.py). Without them
// it writes nothing and says so: the PyTorch tests then report that
// libtorch is not installed instead of running.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(packageDir, 'test-models', 'build');
const script = join(packageDir, 'scripts', 'make_models.py');
const python = '/usr/bin/python3';
const marker = join(outDir, 'bench_cnn.pt');

function hasTorch() {
  try {
    execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(script).mtimeMs) process.exit(0);
if (!hasTorch()) {
  console.warn('[ws] python3-torch is not installed: no TorchScript test models (apt-get install python3-torch libtorch-dev).');
  process.exit(0);
}
mkdirSync(outDir, { recursive: true });
execFileSync(python, [script, outDir], { stdio: 'inherit' });
console.log(`[ws] wrote TorchScript test models to ${outDir}`);
