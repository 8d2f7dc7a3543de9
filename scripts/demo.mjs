#!/usr/bin/env node
// `pnpm demo`: the wasi-nn example. A C guest decodes a photograph with the
// wasmedge_image plug-in and finds the faces in it with MediaPipe's
// TensorFlow-Lite face detector through wasi_ephemeral_nn (examples/wasi-nn).
// Needs `pnpm install && pnpm build` first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'wasi-nn');
const requireFromExample = createRequire(join(example, 'package.json'));
const model = join(dirname(requireFromExample.resolve('@mediapipe/face_detection/package.json')), 'face_detection_short_range.tflite');
const cli = join(root, 'packages', 'core', 'dist', 'cli', 'main.js');
const guest = join(example, 'guests', 'build', 'face_detect.wasm');
const image = relative(root, join(example, 'fixtures', 'astronaut.jpg'));

for (const [path, what] of [[cli, 'the ws CLI'], [guest, 'the face_detect guest'], [join(root, 'native', 'build', 'plugins'), 'the native plug-ins']]) {
  if (!existsSync(path)) {
    console.error(`[ws] demo: ${what} is missing (${path}). Run: pnpm install && pnpm build`);
    process.exit(1);
  }
}

const args = [cli, 'run', '--dir', `.:${root}`, '--plugin-path', join(root, 'native', 'build', 'plugins'),
  '--nn-preload', `face:TensorflowLite:CPU:${model}`, guest, 'face', image];
console.error(`$ ws run --dir .:. --plugin-path native/build/plugins --nn-preload face:TensorflowLite:CPU:${relative(root, model)} ${relative(root, guest)} face ${image}`);
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
