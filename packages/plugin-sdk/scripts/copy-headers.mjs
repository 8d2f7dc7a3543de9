#!/usr/bin/env node
// Copies the WasmEdge-compatible C API headers from native/include/wasmedge
// (their only home in git) into this package's include/wasmedge, which is
// what the published package ships. Run by `pnpm build`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(packageDir, '../../native/include/wasmedge');
const target = join(packageDir, 'include', 'wasmedge');

if (!existsSync(join(source, 'wasmedge.h'))) {
  console.error(`[ws:plugin-sdk] ${source}/wasmedge.h is missing: build @ws/plugin-sdk from the ws repository checkout.`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const file of readdirSync(source).filter((name) => name.endsWith('.h')).sort()) {
  copyFileSync(join(source, file), join(target, file));
}
