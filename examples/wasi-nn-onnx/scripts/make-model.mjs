#!/usr/bin/env node
// Writes the example's model and images into build/: the ONNX colour
// classifier of @ws/wasi-nn-onnx and two small PPM pictures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { colourClassifier } from '../../../packages/wasi-nn-onnx/scripts/models.mjs';
import { ppm } from '../../../packages/wasi-nn-onnx/scripts/ppm.mjs';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'colour_classifier.onnx'), colourClassifier());
// A tomato-like red disc on a pale background, and a sky-blue gradient.
writeFileSync(join(outDir, 'tomato.ppm'), ppm(32, 32, (x, y) => ((x - 16) ** 2 + (y - 16) ** 2 < 144 ? [220, 40, 30] : [235, 230, 225])));
writeFileSync(join(outDir, 'sky.ppm'), ppm(32, 24, (x, y) => [60 + y, 120 + y * 2, 230]));
