// Guests compiled from C run through the `ws` CLI: one written for WasmEdge
// 0.12 (legacy wasmedge_tensorflowlite_* imports) and one for 0.13+.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliMain, guestPath, modelsDir, packageDir, runGuest } from './helpers.js';

const models = ['/m/add_f32.tflite', '/m/two_outputs.tflite', '/m/noise.tflite'];

describe('guests', () => {
  it('a WasmEdge 0.12 guest (legacy names, u64 handles) runs unchanged', () => {
    const run = runGuest(guestPath(packageDir, 'tflite_legacy'), models, { dirs: [`/m:${modelsDir}`] });
    expect(run.stderr.replaceAll('ERROR: The model is not a valid Flatbuffer buffer\n', '')).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'run: 0',
        'y (16 bytes): 11 22 33 44',
        'run: 0',
        'sum (12 bytes): 3 4 5',
        'product (12 bytes): 2 4 6',
        'corrupt model session: 0',
        'unknown output tensor: 0',
        'len of tensor 0: 0',
        'run unknown session: 1',
        'run after bad inputs: 0',
        'y (16 bytes): 11 22 33 44',
        'run deleted session: 1',
        '',
      ].join('\n'),
    );
  });

  it('a WasmEdge 0.13+ guest gets the same results and the specified errnos', () => {
    const run = runGuest(guestPath(packageDir, 'tflite_current'), models, { dirs: [`/m:${modelsDir}`] });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'create: 0 id 0',
        'append_input: 0',
        'run: 0',
        'y (16 bytes): 11 22 33 44',
        'create: 0 id 1',
        'append_input: 0',
        'run: 0',
        'sum (12 bytes): 3 4 5',
        'product (12 bytes): 2 4 6',
        'corrupt model: 1',
        'unknown output: 1',
        'run unknown session: 1',
        'short input: 1',
        'input out of range: 3',
        'id pointer out of range: 3',
        'delete: 0',
        'run deleted session: 1',
        '',
      ].join('\n'),
    );
  });

  it('without --plugin-path, the package manifest ("wasmedge": [two plug-ins]) makes the CLI find both', () => {
    const listing = spawnSync(process.execPath, [cliMain, 'plugins'], { cwd: packageDir, encoding: 'utf8' });
    expect(listing.stdout).toContain('wasmedge_tensorflowlite from @ws/tensorflow');
    expect(listing.stdout).toContain('wasmedge_tensorflow from @ws/tensorflow');
    const run = spawnSync(process.execPath, [cliMain, 'run', '--dir', `/m:${modelsDir}`, guestPath(packageDir, 'tflite_legacy'), ...models], { cwd: packageDir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['run: 0', 'y (16 bytes): 11 22 33 44']);
  });
});
