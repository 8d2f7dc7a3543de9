// Runs the nn_script guest through the real `ws` CLI with the wasi_nn plug-in
// from this repository's native build, and returns its output lines.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packageDir, '..', '..');
export const pluginDir = join(repoRoot, 'native', 'build', 'plugins');
export const cliPath = join(dirname(createRequire(import.meta.url).resolve('@ws/core/package.json')), 'dist', 'cli', 'main.js');
export const models = join(packageDir, 'test-models', 'build');
export const faceModel = join(dirname(createRequire(import.meta.url).resolve('@mediapipe/face_detection/package.json')), 'face_detection_short_range.tflite');
/** Model paths as the guest sees them (the package folder is preopened as "."). */
export const guestModel = (file: string) => `test-models/build/${file}`;

export interface GuestRun {
  code: number;
  lines: string[];
  stderr: string;
}

export interface GuestRunOptions {
  preloads?: string[];
  cliArgs?: string[];
  pluginDir?: string;
  env?: Record<string, string>;
  wasm?: string;
}

/** `ws run --dir .:<package> --plugin-path <plugins> [--nn-preload P]... nn_script.wasm ...script` */
export function runGuest(script: string[], options: GuestRunOptions = {}): Promise<GuestRun> {
  const args = [cliPath, 'run', '--dir', `.:${packageDir}`, '--plugin-path', options.pluginDir ?? pluginDir];
  for (const preload of options.preloads ?? []) args.push('--nn-preload', preload);
  args.push(...(options.cliArgs ?? []));
  args.push(options.wasm ?? join(packageDir, 'guests', 'build', 'nn_script.wasm'), ...script);
  return new Promise((resolvePromise) => {
    execFile(process.execPath, args, { cwd: packageDir, env: { ...process.env, ...options.env }, timeout: 60000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolvePromise({ code, lines: stdout.split('\n').filter((line) => line.length > 0), stderr });
    });
  });
}
