// Workers with different plug-in options never see each other's (issue 15):
// two worker_threads create wasmedge_process modules with different
// allow-command policies and wasi_nn modules naming different TFLite
// libraries, concurrently, 500 times each (worker-options.stress.mjs, run in
// a child process so the wasi_nn backend it opens is its own).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveExtensionOptions } from '@ws/core';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/paths.js';

const iterations = 500;

interface StressReport {
  first: string;
  workers: { name: string; seen: { process: Record<string, number>; nn: Record<string, number> } }[];
}

function runStress(libraryA: string, libraryB: string): Promise<{ report: StressReport; stderr: string }> {
  const script = join(root, 'test/core/worker-options.stress.mjs');
  return new Promise((resolvePromise, reject) => {
    // --no-concurrent-recompilation: seen twice in about ten runs, a worker's
    // exit hung in Node 20 itself (a background TurboFan job waiting for a GC
    // of the exiting worker's heap, no ws code on any stack); this test is
    // about plug-in options, not V8's compiler threads.
    execFile(process.execPath, ['--no-concurrent-recompilation', script, String(iterations), libraryA, libraryB], { cwd: root, timeout: 240000, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolvePromise({ report: JSON.parse(stdout) as StressReport, stderr });
    });
  });
}

describe('plug-in options across worker threads', () => {
  it('each worker sees its own process policy and its own wasi_nn backend library, every time', async () => {
    const libraryA = resolveExtensionOptions(join(root, 'packages/wasi-nn/node_modules/@ws/wasi-nn-tflite'), 'wasi_nn')['nn-tflite-library'];
    expect(libraryA).toMatch(/libtensorflowlite_c\.so$/);
    // Another file with the same contents: a second TFLite library the process would have to open.
    const libraryB = join(mkdtempSync(join(tmpdir(), 'ws-tflite-copy-')), 'libtensorflowlite_c.so');
    copyFileSync(libraryA!, libraryB);

    const { report, stderr } = await runStress(libraryA!, libraryB);
    expect(report.first).toBe('load 0 0\n');
    expect(report.workers).toEqual([
      // allow-command echo: the command runs; library A: the graph loads.
      { name: 'allowed', seen: { process: { 'hi exit_code=0': iterations }, nn: { 'load 0 0': iterations } } },
      // No policy: refused; library B while A is open: refused (1, InvalidArgument).
      { name: 'denied', seen: { process: { '"" exit_code=-1': iterations }, nn: { 'load 1 -1': iterations } } },
    ]);
    const refusals = stderr.split('\n').filter((line) => line.startsWith('[ws:wasi-nn] The TensorFlow-Lite backend of this process was opened with'));
    expect(refusals).toEqual([
      `[ws:wasi-nn] The TensorFlow-Lite backend of this process was opened with nn-tflite-backend (none: searched) and nn-tflite-library ${libraryA}; a module asks for nn-tflite-backend (none: searched) and nn-tflite-library ${libraryB}, which is refused (a backend and its runtime library are opened once per process): give every runtime of this process the same nn-tflite-backend and nn-tflite-library, or run the other one in its own process (isolation: 'process').`,
    ]);
  }, 300000);
});
