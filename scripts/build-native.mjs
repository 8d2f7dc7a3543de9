#!/usr/bin/env node
// Configures and builds native/ with CMake. Node-API headers come from the
// node-api-headers and node-addon-api packages; the headers of the official
// Node builds that get a V8 host-call library of their own (besides the
// system Node's) from scripts/fetch-node-headers.mjs (npm, cached in .cache/).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { fetchNodeHeaders } from './fetch-node-headers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = join(root, 'native');
const buildDir = process.env.WS_NATIVE_BUILD_DIR ?? join(nativeDir, 'build');
const require = createRequire(join(root, 'package.json'));

const nodeApiHeaders = require('node-api-headers').include_dir;
const nodeAddonApi = dirname(require.resolve('node-addon-api/package.json'));
const includeDirs = [nodeApiHeaders, nodeAddonApi].join(';');

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: 'inherit', cwd: nativeDir });
}

const configureArgs = ['-S', nativeDir, '-B', buildDir, `-DNODE_API_INCLUDE_DIRS=${includeDirs}`];
// WS_NATIVE_ONLY="process,image" builds the host and only those folders (empty: all).
configureArgs.push(`-DWS_NATIVE_ONLY=${(process.env.WS_NATIVE_ONLY ?? '').split(',').filter(Boolean).join(';')}`);
if (process.env.WS_NATIVE_TOOLCHAIN) configureArgs.push(`-DCMAKE_TOOLCHAIN_FILE=${process.env.WS_NATIVE_TOOLCHAIN}`);
// One ws_bridge_v8_<abi>.so per Node ABI. A cross build gets only the header
// dirs its caller names (WS_NATIVE_V8_HEADERS: the target's own Node, e.g. the
// arm64 Node of scripts/build-native-arm64.mjs), never the system's x64 ones.
if (process.env.WS_NATIVE_TOOLCHAIN) {
  configureArgs.push('-DWS_NODE_V8_INCLUDE_DIR=', `-DWS_NODE_V8_EXTRA_INCLUDE_DIRS=${process.env.WS_NATIVE_V8_HEADERS ?? ''}`);
} else {
  configureArgs.push(`-DWS_NODE_V8_EXTRA_INCLUDE_DIRS=${fetchNodeHeaders().join(';')}`);
}
run('cmake', configureArgs);
run('cmake', ['--build', buildDir, '-j', String(Math.max(2, availableParallelism()))]);
if (!existsSync(join(buildDir, 'host', 'libwasmedge.so.0'))) {
  console.error('[ws] native build finished without host/libwasmedge.so.0');
  process.exit(1);
}
