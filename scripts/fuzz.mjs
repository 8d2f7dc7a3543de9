#!/usr/bin/env node
// libFuzzer harnesses of the plug-ins' host functions (docs/fuzzing.md).
//
//   node scripts/fuzz.mjs [--time SECONDS] [--build-only] [harness...]
//   pnpm fuzz -- --time 300 wasi_crypto
//
// Builds native/build-fuzz (clang, -DWS_FUZZ=ON: ASan + UBSan everywhere)
// under the native build lock, then runs each harness for --time seconds
// (default 60) on a working copy of its seed corpus (native/fuzz/corpus/<name>,
// new inputs go to native/build-fuzz/corpus/<name>). A crash leaves its input
// in native/build-fuzz/artifacts/<name>/ and makes the exit code 1.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const fuzzBuildDir = process.env.WS_FUZZ_BUILD_DIR ?? join(root, 'native', 'build-fuzz');
export const harnesses = ['process', 'wasi_crypto', 'wasi_nn', 'image', 'tensorflowlite'];
const lock = '/tmp/ws-native-build.lock';

/** Why this machine cannot build the fuzzers (clang or its libFuzzer/ASan runtime missing), or null. */
export function fuzzerToolchainMissing() {
  const clang = spawnSync('clang', ['-print-file-name=libclang_rt.fuzzer-x86_64.a'], { encoding: 'utf8' });
  if (clang.error) return 'clang is not installed (apt-get install clang libclang-rt-dev)';
  const path = clang.stdout.trim();
  if (!path.startsWith('/') || !existsSync(path)) {
    return "clang's libFuzzer runtime is missing (apt-get install libclang-rt-dev)";
  }
  return null;
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n');
    const errors = output.filter((l) => /error|\*\*\*/i.test(l)).slice(0, 20).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})\n${errors}\n${output.slice(-20).join('\n')}`);
  }
}

/** Configures and builds native/build-fuzz (incremental), holding the native build lock. */
export function buildFuzzers({ stdio = 'inherit' } = {}) {
  const configure = [
    '-S', join(root, 'native'), '-B', fuzzBuildDir,
    '-DWS_FUZZ=ON',
    '-DCMAKE_C_COMPILER=clang', '-DCMAKE_CXX_COMPILER=clang++',
    '-DCMAKE_BUILD_TYPE=RelWithDebInfo',
    // The plug-ins, the stand-in and its C tests; no Node addon, no other backends.
    '-DWS_NATIVE_ONLY=process;wasi-crypto;wasi-nn;image;tensorflow',
    // Outside Node the wasi_crypto plug-in links the system's libcrypto.
    '-DWASI_CRYPTO_LINK_LIBCRYPTO=ON',
  ];
  const jobs = String(Math.max(2, availableParallelism()));
  if (!existsSync(join(fuzzBuildDir, 'CMakeCache.txt'))) run('flock', [lock, 'cmake', ...configure], { stdio });
  run('flock', [lock, 'cmake', '--build', fuzzBuildDir, '-j', jobs], { stdio });
}

/** The shared ASan (+ UBSan) runtime the fuzz build links (-shared-libsan). */
export function asanRuntime() {
  return spawnSync('clang', ['-print-file-name=libclang_rt.asan-x86_64.so'], { encoding: 'utf8' }).stdout.trim();
}

/**
 * Environment for instrumented programs: fail on the first report, with
 * stacks. The runtime is preloaded: libFuzzer's libstdc++ would otherwise come
 * before it in the library list, which ASan refuses.
 */
export function sanitizerEnv(extra = {}) {
  return {
    ...process.env,
    LD_PRELOAD: asanRuntime(),
    ASAN_OPTIONS: 'abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1',
    UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1',
    ...extra,
  };
}

/**
 * Runs one harness for `seconds` on its corpus. Returns libFuzzer's exit
 * status and its output (stderr: statistics and any sanitizer report).
 */
export function runFuzzer(name, seconds, { stdio = 'pipe' } = {}) {
  const binary = join(fuzzBuildDir, 'fuzz', `fuzz_${name}`);
  const seeds = join(root, 'native', 'fuzz', 'corpus', name);
  const work = join(fuzzBuildDir, 'corpus', name);
  const artifacts = join(fuzzBuildDir, 'artifacts', name);
  mkdirSync(work, { recursive: true });
  mkdirSync(artifacts, { recursive: true });
  if (existsSync(seeds)) cpSync(seeds, work, { recursive: true });
  const args = [
    `-max_total_time=${seconds}`,
    '-timeout=10',
    '-rss_limit_mb=4096',
    '-max_len=70000',
    '-print_final_stats=1',
    `-artifact_prefix=${artifacts}/`,
    work,
  ];
  const result = spawnSync(binary, args, {
    cwd: root,
    encoding: 'utf8',
    env: sanitizerEnv(),
    stdio: stdio === 'inherit' ? ['ignore', 'inherit', 'inherit'] : 'pipe',
    maxBuffer: 64 * 1024 * 1024,
    timeout: (seconds + 120) * 1000,
  });
  return {
    status: result.status,
    signal: result.signal,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`,
    artifacts: existsSync(artifacts) ? readdirSync(artifacts).map((f) => join(artifacts, f)) : [],
  };
}

function main(argv) {
  let seconds = 60;
  let buildOnly = false;
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--time') seconds = Number(argv[++i]);
    else if (argv[i] === '--build-only') buildOnly = true;
    else if (argv[i] === '--') continue;
    else names.push(argv[i]);
  }
  if (!Number.isFinite(seconds) || seconds <= 0) {
    console.error('[ws] --time takes a number of seconds, e.g. --time 60');
    process.exit(2);
  }
  for (const name of names) {
    if (!harnesses.includes(name)) {
      console.error(`[ws] no harness "${name}"; harnesses: ${harnesses.join(', ')}`);
      process.exit(2);
    }
  }
  const missing = fuzzerToolchainMissing();
  if (missing) {
    console.error(`[ws] cannot build the fuzzers: ${missing}`);
    process.exit(2);
  }
  buildFuzzers();
  if (buildOnly) return;
  let failed = 0;
  for (const name of names.length ? names : harnesses) {
    console.log(`[ws] fuzz_${name}: ${seconds} s`);
    const result = runFuzzer(name, seconds, { stdio: 'inherit' });
    if (result.status !== 0) {
      failed++;
      console.error(`[ws] fuzz_${name} failed (exit ${result.status ?? result.signal}); inputs: ${result.artifacts.join(', ')}`);
    }
  }
  console.log(failed ? `[ws] ${failed} harness(es) found a crash` : '[ws] no crash');
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
