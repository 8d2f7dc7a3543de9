#!/usr/bin/env node
// `pnpm --filter @ws/example-tensorflow start [legacy]`: runs the face
// detector guest (current ABI, or the WasmEdge 0.12 one with `legacy`) on
// examples/wasi-nn/fixtures/astronaut.jpg. Needs `pnpm install && pnpm build`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const example = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(example, '..', '..');
const guestName = process.argv[2] === 'legacy' ? 'face_detect_legacy' : 'face_detect';
const model = join(dirname(createRequire(join(example, 'package.json')).resolve('@mediapipe/face_detection/package.json')), 'face_detection_short_range.tflite');
const cli = join(root, 'packages', 'core', 'dist', 'cli', 'main.js');
const guest = join(example, 'guests', 'build', `${guestName}.wasm`);
const plugins = process.env.WS_EXAMPLE_PLUGIN_DIR ?? join(root, 'native', 'build', 'plugins');
for (const [path, what] of [[cli, 'the ws CLI'], [guest, `the ${guestName} guest`], [plugins, 'the native plug-ins']]) {
  if (!existsSync(path)) {
    console.error(`[ws] example: ${what} is missing (${path}). Run: pnpm install && pnpm build`);
    process.exit(1);
  }
}
// The guest sees the repository as "."; both files are given relative to it.
const args = ['run', '--dir', `.:${root}`, '--plugin-path', plugins, guest, relative(root, model), 'examples/wasi-nn/fixtures/astronaut.jpg'];
console.error(`$ ws ${args.map((a) => a.replace(root, '.')).map((a) => (a.startsWith('/') ? relative(root, a) : a)).join(' ')}`);
const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
