#!/usr/bin/env node
// Writes the example's TorchScript model and pictures into build/: the colour
// classifier of @ws/wasi-nn-pytorch (made with python3-torch; skipped with a
// note when it is not installed) and two small PPM pictures.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ppm } from '../../../packages/wasi-nn-onnx/scripts/ppm.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'build');
const torchPackage = join(here, '..', '..', '..', 'packages', 'wasi-nn-pytorch');
mkdirSync(outDir, { recursive: true });
execFileSync(process.execPath, [join(torchPackage, 'scripts', 'make-test-models.mjs')], { stdio: 'inherit' });
const model = join(torchPackage, 'test-models', 'build', 'colour_classifier.pt');
if (existsSync(model)) copyFileSync(model, join(outDir, 'colour_classifier.pt'));
// A leafy green square on white, and a red-orange sunset gradient.
writeFileSync(join(outDir, 'leaf.ppm'), ppm(24, 24, (x, y) => (x > 4 && x < 20 && y > 4 && y < 20 ? [40, 170, 60] : [250, 250, 250])));
writeFileSync(join(outDir, 'sunset.ppm'), ppm(32, 16, (x, y) => [240, 90 + y * 4, 40 + x]));
