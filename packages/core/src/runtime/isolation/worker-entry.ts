// Entry of the worker thread of Runtime({ isolation: 'worker' }): one run, then the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import { runRequest, type RunRequest } from './guest-side.js';

await runRequest(workerData as RunRequest, (message) => parentPort!.postMessage(message));
