// The example prints the right classes for its two pictures, with the
// probabilities ONNX Runtime computes for the fixed-weight CNN.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(exampleDir, '..', '..');
const plugins = process.env.WS_NN_PLUGIN_DIR ?? join(root, 'native', 'build', 'plugins');

describe('examples/wasi-nn-onnx', () => {
  it('classifies the tomato as red and the sky as blue', () => {
    const output = execFileSync(
      process.execPath,
      [join(root, 'packages', 'core', 'dist', 'cli', 'main.js'), 'run', '--plugin-path', plugins, '--dir', 'build:build',
        '--nn-preload', 'colour:ONNX:CPU:build/colour_classifier.onnx', 'guests/build/classify_colour.wasm', 'build/tomato.ppm', 'build/sky.ppm'],
      { cwd: exampleDir, encoding: 'utf8' },
    );
    expect(output.trim().split('\n')).toEqual([
      'image: build/tomato.ppm (32x32)', '  red    87.2%', '  green   6.4%', '  blue    6.4%', 'class: red',
      'image: build/sky.ppm (32x24)', '  red     2.0%', '  green   2.1%', '  blue   95.8%', 'class: blue',
    ]);
  });
});
