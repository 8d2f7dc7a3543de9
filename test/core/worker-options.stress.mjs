// Two worker_threads create modules with different plug-in options at the
// same time, many times (issue 15): one allows `echo` through wasmedge_process
// and names TFLite library A for wasi_nn, the other allows nothing and names
// library B (a copy: another file). Run as a child process by
// worker-options.test.ts, so the wasi_nn backend slot is this process's own.
// Prints one JSON line: per worker, how many iterations saw what.
//   node worker-options.stress.mjs <iterations> <tflite library A> <tflite library B>
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Plugin, Runtime } from '@ws/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pluginDir = join(root, 'native/build/plugins');
const execGuest = join(root, 'packages/process/guests/build/exec.wasm');
const nnGuest = join(root, 'packages/wasi-nn/guests/build/nn_script.wasm');
const modelDir = join(root, 'packages/wasi-nn/test-models/build');

/** Runs a guest with these plug-in options; returns its stdout and stderr. */
async function run(module, args, pluginOptions, files) {
  const out = openSync(files.outPath, 'w+');
  const err = openSync(files.errPath, 'w+');
  const runtime = new Runtime({ discoverPackages: false, args, pluginOptions, preopens: { models: modelDir }, stdout: out, stderr: err });
  try {
    await runtime.run(module);
  } finally {
    runtime.dispose();
    closeSync(out);
    closeSync(err);
  }
  return { stdout: readFileSync(files.outPath, 'utf8'), stderr: readFileSync(files.errPath, 'utf8') };
}

function openFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'ws-worker-options-'));
  return { outPath: join(dir, 'out'), errPath: join(dir, 'err') };
}

const nnArgs = ['nn_script.wasm', 'load', 'models/add_f32.tflite', '4', '0'];

if (isMainThread) {
  const [iterations, libraryA, libraryB] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
  Plugin.loadFromPath(pluginDir);
  // The backend is opened with library A before the workers start, so which
  // worker is refused is fixed: B names another file.
  const files = openFiles();
  const nn = new WebAssembly.Module(readFileSync(nnGuest));
  const first = await run(nn, nnArgs, { 'nn-tflite-library': libraryA }, files);
  const workers = [
    { name: 'allowed', allow: ['echo'], library: libraryA },
    { name: 'denied', allow: [], library: libraryB },
  ].map((setup) => new Promise((done, fail) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { ...setup, iterations } });
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`worker ${setup.name} exited with code ${code} before reporting`)));
  }));
  const results = await Promise.all(workers);
  process.stdout.write(`${JSON.stringify({ first: first.stdout, workers: results })}\n`);
} else {
  const { name, allow, library, iterations } = workerData;
  Plugin.loadFromPath(pluginDir);
  const files = openFiles();
  const exec = new WebAssembly.Module(readFileSync(execGuest));
  const nn = new WebAssembly.Module(readFileSync(nnGuest));
  const seen = { process: {}, nn: {} };
  const count = (table, key) => (table[key] = (table[key] ?? 0) + 1);
  for (let i = 0; i < iterations; ++i) {
    const options = allow.length > 0 ? { 'allow-command': allow } : {};
    const ran = await run(exec, ['exec.wasm', 'echo', `hi ${i}`], options, files);
    count(seen.process, `${ran.stdout === `hi ${i}\n` ? 'hi' : JSON.stringify(ran.stdout)} ${ran.stderr.trim().split('\n').at(-1)}`);
    const loaded = await run(nn, nnArgs, { 'nn-tflite-library': library }, files);
    count(seen.nn, loaded.stdout.trim());
  }
  parentPort.postMessage({ name, seen });
}
