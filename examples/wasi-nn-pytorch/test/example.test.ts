// The example prints the right classes for its two pictures with the
// probabilities libtorch computes for the fixed-weight CNN. It needs libtorch
// (Debian libtorch-dev and python3-torch, installed by scripts/setup.sh).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(exampleDir, '..', '..');
const plugins = process.env.WS_NN_PLUGIN_DIR ?? join(root, 'native', 'build', 'plugins');
const haveLibtorch = existsSync(join(plugins, '..', 'wasi-nn-backends', 'libws_wasi_nn_pytorch.so')) && existsSync(join(exampleDir, 'build', 'colour_classifier.pt'));

describe.runIf(haveLibtorch)('examples/wasi-nn-pytorch', () => {
  it('classifies the leaf as green and the sunset as red', () => {
    const output = execFileSync(
      process.execPath,
      [join(root, 'packages', 'core', 'dist', 'cli', 'main.js'), 'run', '--plugin-path', plugins, '--dir', 'build:build',
        'guests/build/classify_colour_torch.wasm', 'build/colour_classifier.pt', 'build/leaf.ppm', 'build/sunset.ppm'],
      { cwd: exampleDir, encoding: 'utf8' },
    );
    expect(output.trim().split('\n')).toEqual([
      'image: build/leaf.ppm (24x24)', '  red    15.7%', '  green  68.5%', '  blue   15.7%', 'class: green',
      'image: build/sunset.ppm (32x16)', '  red    98.3%', '  green   0.8%', '  blue    0.8%', 'class: red',
    ]);
  });
});
