#!/usr/bin/env node
// Compiles the WebAssembly guests of one package from source:
//   <package>/guests/<name>.c        -> <package>/guests/build/<name>.wasm  (clang, wasm32-wasi)
//   <package>/guests/<name>/*.c      -> <package>/guests/build/<name>.wasm  (several files)
//   <package>/guests/<name>.wat      -> <package>/guests/build/<name>.wasm  (wabt)
// Usage: node scripts/build-guests.mjs [packageDir]   (default: the current directory)
// Include path: <package>/guests/include, test/guests/include (test helpers such
// as ws_read_file.h) and every packages/*/include (the public guest headers).
// Rebuilds only what is older than its sources or those headers. WS_WASM_CC
// overrides the compiler.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = resolve(process.argv[2] ?? process.cwd());
const guestsDir = join(packageDir, 'guests');
const outDir = join(guestsDir, 'build');
const compiler = process.env.WS_WASM_CC ?? 'clang';
const sharedInclude = join(root, 'test', 'guests', 'include');
// The public guest headers each wrapper package ships (packages/<pkg>/include,
// e.g. <wasmedge_process.h>): every guest of the repository compiles against
// that one copy, as a user's guest does with -I node_modules/@ws/<pkg>/include.
const packageIncludes = readdirSync(join(root, 'packages'))
  .sort()
  .map((name) => join(root, 'packages', name, 'include'))
  .filter((dir) => existsSync(dir));

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function upToDate(output, inputs) {
  const out = mtime(output);
  return out > 0 && inputs.every((input) => mtime(input) <= out);
}

// A C source may ask for extra compiler flags with a line
//   // ws-guest-cflags: -mmultivalue -Xclang -target-abi -Xclang experimental-mv
// (e.g. to call a host function with several results).
function sourceFlags(sources) {
  return sources.flatMap((source) => {
    const match = /^\/\/ ws-guest-cflags:(.*)$/m.exec(readFileSync(source, 'utf8'));
    return match ? match[1].trim().split(/\s+/).filter(Boolean) : [];
  });
}

function compileC(name, sources) {
  const output = join(outDir, `${name}.wasm`);
  const headers = [guestsDir, join(guestsDir, 'include'), sharedInclude, ...packageIncludes]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.h')).map((f) => join(dir, f)));
  if (upToDate(output, [...sources, ...headers])) return;
  const includes = [join(guestsDir, 'include'), sharedInclude, ...packageIncludes].filter(existsSync).map((d) => `-I${d}`);
  const extraFlags = sourceFlags(sources);
  try {
    execFileSync(compiler, ['--target=wasm32-wasi', '-O2', '-Wall', '-Werror=implicit-function-declaration', ...includes, ...extraFlags, '-o', output, ...sources], {
      stdio: 'inherit',
    });
  } catch (error) {
    console.error(`[ws] could not compile guest ${name} with ${compiler}. Run: apt-get install -y clang lld wasi-libc libclang-rt-dev-wasm32`);
    throw error;
  }
}

async function compileWat(name, source) {
  const output = join(outDir, `${name}.wasm`);
  if (upToDate(output, [source])) return;
  const require = createRequire(join(root, 'package.json'));
  const wabt = await require('wabt')();
  const module = wabt.parseWat(basename(source), readFileSync(source, 'utf8'), { multi_value: true, bulk_memory: true });
  module.validate();
  writeFileSync(output, Buffer.from(module.toBinary({}).buffer));
  module.destroy();
}

if (!existsSync(guestsDir)) process.exit(0);
mkdirSync(outDir, { recursive: true });
for (const entry of readdirSync(guestsDir).sort()) {
  const path = join(guestsDir, entry);
  if (entry === 'build' || entry === 'include') continue;
  if (statSync(path).isDirectory()) {
    const sources = readdirSync(path).filter((f) => f.endsWith('.c')).map((f) => join(path, f));
    if (sources.length > 0) compileC(entry, sources);
  } else if (extname(entry) === '.c') {
    compileC(basename(entry, '.c'), [path]);
  } else if (extname(entry) === '.wat') {
    await compileWat(basename(entry, '.wat'), path);
  }
}
