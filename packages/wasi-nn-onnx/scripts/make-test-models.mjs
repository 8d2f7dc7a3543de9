#!/usr/bin/env node
// Writes the ONNX test models (scripts/models.mjs) and small test images
// (binary PPM) into test-models/build/. No network, no Python.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as models from './models.mjs';
import { ppm } from './ppm.mjs';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-models', 'build');
mkdirSync(outDir, { recursive: true });

const files = {
  'scale_shift.onnx': models.scaleShift(),
  'sum_product.onnx': models.twoInputsTwoOutputs(),
  'dynamic_relu.onnx': models.dynamicRelu(),
  'cast_u8.onnx': models.castU8(),
  'add_i32.onnx': models.addI32(),
  'identity_f16.onnx': models.identityF16(),
  'argmax.onnx': models.argMax(),
  'reshape_by_input.onnx': models.reshapeByInput(),
  'colour_classifier.onnx': models.colourClassifier(),
  'bench_cnn.onnx': models.benchCnn(),
};
// A truncated model: the protobuf ends inside the graph.
files['truncated.onnx'] = files['scale_shift.onnx'].subarray(0, 40);

// A tomato-like red disc on a pale background, and a sky-blue gradient.
files['red_disc.ppm'] = ppm(32, 32, (x, y) => ((x - 16) ** 2 + (y - 16) ** 2 < 144 ? [220, 40, 30] : [235, 230, 225]));
files['blue_sky.ppm'] = ppm(32, 24, (x, y) => [60 + y, 120 + y * 2, 230]);

for (const [name, bytes] of Object.entries(files)) writeFileSync(join(outDir, name), bytes);
console.log(`[ws] wrote ${Object.keys(files).length} ONNX test files to ${outDir}`);
