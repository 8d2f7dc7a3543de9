// Guests in parallel worker threads: the plug-in library is loaded once per
// process, module instances and host data are per runtime.
import { openSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXTURE_PLUGIN, guest, root } from '../helpers/paths.js';

const core = pathToFileURL(join(root, 'packages/core/dist/index.js')).href;

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
(async () => {
  const { Plugin, Runtime } = await import(workerData.core);
  Plugin.loadFromPath(workerData.plugin);
  const module = Plugin.find('ws_fixture').createModule('ws_fixture');
  const counter = module.bind().counter;
  const counts = [counter(), counter(), counter()];
  module.dispose();
  const runtime = new Runtime({ args: ['wasi_only.wasm', 'exit7'], discoverPackages: false, stdout: workerData.devnull });
  const code = await runtime.run(readFileSync(workerData.guest));
  runtime.dispose();
  parentPort.postMessage({ counts, code });
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

function runWorker(): Promise<{ counts?: number[]; code?: number; error?: string }> {
  const devnull = openSync('/dev/null', 'w');
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { core, plugin: FIXTURE_PLUGIN, guest: guest('wasi_only'), devnull } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('worker threads', () => {
  it('four workers load the same plug-in and run guests in parallel with their own host data', async () => {
    const results = await Promise.all([runWorker(), runWorker(), runWorker(), runWorker()]);
    for (const result of results) {
      expect(result.error).toBeUndefined();
      expect(result.counts).toEqual([1, 2, 3]);
      expect(result.code).toBe(7);
    }
  });
});
