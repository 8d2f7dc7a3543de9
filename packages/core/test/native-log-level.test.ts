// The log level reaches the stand-in (where plug-ins read it with
// ws_log_level()), once per process: a worker thread's default does not undo
// the level the main thread set.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { setLogLevel, type LogLevel } from '../src/log.js';
import { NativeLogLevel } from '../src/native/addon-types.js';
import { loadBridge } from '../src/native/load-bridge.js';

// Loads the bridge in a fresh thread (its own @ws/core state, from the built
// dist/: a worker of Node 20 cannot import TypeScript), optionally sets a
// level there, and answers the stand-in's level.
function inWorker(level?: LogLevel): Promise<number> {
  const dist = new URL('../dist/', import.meta.url);
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { loadBridge } = await import(workerData.loadBridgeUrl);
      const { setLogLevel } = await import(workerData.logUrl);
      if (workerData.level) setLogLevel(workerData.level);
      parentPort.postMessage(loadBridge().getLogLevel());
    })();`;
  const workerData = { loadBridgeUrl: new URL('native/load-bridge.js', dist).href, logUrl: new URL('log.js', dist).href, level };
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData });
    worker.once('message', (value: number) => {
      resolve(value);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('native log level', () => {
  it('follows setLogLevel before and after the bridge loads', () => {
    setLogLevel('error');
    const bridge = loadBridge();
    expect(bridge.getLogLevel()).toBe(NativeLogLevel.error);
    setLogLevel('debug');
    expect(bridge.getLogLevel()).toBe(NativeLogLevel.debug);
    setLogLevel('off');
    expect(bridge.getLogLevel()).toBe(NativeLogLevel.off);
    setLogLevel('warning');
    expect(bridge.getLogLevel()).toBe(NativeLogLevel.warning);
  });

  it("is one per process: a worker's default leaves it, a level the worker sets wins", async () => {
    setLogLevel('error');
    const bridge = loadBridge();
    expect(await inWorker()).toBe(NativeLogLevel.error);
    expect(await inWorker('trace')).toBe(NativeLogLevel.trace);
    expect(bridge.getLogLevel()).toBe(NativeLogLevel.trace);
    setLogLevel('warning');
  });
});
