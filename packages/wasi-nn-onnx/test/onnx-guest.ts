// Runs wasi-nn's nn_script guest (see packages/wasi-nn/guests/nn_script.c)
// against this package's ONNX models, which the guest sees under "m/".
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GuestRun, type GuestRunOptions, pluginDir, runGuest } from '../../wasi-nn/test/run-guest.js';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const modelDir = join(packageDir, 'test-models', 'build');
/** The plug-in directory: WS_NN_PLUGIN_DIR (a private build) or native/build/plugins. */
export const plugins = process.env.WS_NN_PLUGIN_DIR ?? pluginDir;
export const ONNX = '1';
export const AUTODETECT = '5';

/** nn_script with the models of Dir visible to the guest under "m/" (wasi-nn's own models under "test-models/"). */
export function runWithModels(dir: string, script: string[], options: GuestRunOptions = {}): Promise<GuestRun> {
  return runGuest(script, { pluginDir: plugins, ...options, cliArgs: ['--dir', `m:${dir}`, ...(options.cliArgs ?? [])] });
}

export const runOnnx = (script: string[], options: GuestRunOptions = {}) => runWithModels(modelDir, script, options);
