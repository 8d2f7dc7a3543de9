// nn_script (packages/wasi-nn/guests/nn_script.c) with this package's
// TorchScript models under "m/". The models exist only where python3-torch
// is installed; libtorchPresent says whether the backend could be built.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GuestRunOptions } from '../../wasi-nn/test/run-guest.js';
import { plugins, runWithModels } from '../../wasi-nn-onnx/test/onnx-guest.js';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const modelDir = join(packageDir, 'test-models', 'build');
export const PYTORCH = '3';
export const backendLibrary = join(plugins, '..', 'wasi-nn-backends', 'libws_wasi_nn_pytorch.so');
/** libtorch headers were found at build time and the test models were made. */
export const libtorchPresent = existsSync(backendLibrary) && existsSync(join(modelDir, 'scale_shift.pt'));

export const runTorch = (script: string[], options: GuestRunOptions = {}) => runWithModels(modelDir, script, options);
