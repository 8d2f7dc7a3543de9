// src/types.ts is generated from the plug-in's descriptor (ws typegen wasi_nn)
// and committed: it must match the plug-in that is built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePluginTypes } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { loadWasiNnPlugin } from '../src/index.js';
import { packageDir } from './run-guest.js';

describe('generated types', () => {
  it('src/types.ts matches the descriptor of the built plug-in', () => {
    const plugin = loadWasiNnPlugin();
    expect(generatePluginTypes(plugin)).toBe(readFileSync(join(packageDir, 'src', 'types.ts'), 'utf8'));
  });

  it('the plug-in declares its options with their defaults', () => {
    const plugin = loadWasiNnPlugin();
    expect(plugin.options.map((o) => [o.name, o.type])).toEqual([
      ['nn-preload', 'string-list'],
      ['nn-threads', 'uint32'],
      ['nn-max-graphs', 'uint32'],
      ['nn-max-contexts', 'uint32'],
      ['nn-tflite-backend', 'string'],
      ['nn-tflite-library', 'string'],
      ['nn-onnx-backend', 'string'],
      ['nn-onnx-library', 'string'],
      ['nn-ggml-backend', 'string'],
      ['nn-ggml-library', 'string'],
      ['nn-pytorch-backend', 'string'],
      ['nn-openvino-backend', 'string'],
      ['nn-openvino-library', 'string'],
    ]);
    expect(plugin.listModules()).toEqual(['wasi_nn']);
  });
});
