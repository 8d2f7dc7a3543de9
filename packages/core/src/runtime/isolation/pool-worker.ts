// A worker of RuntimePool (loaded by piscina): registers the pool's plug-ins
// once, then runs each task on a new Runtime with captured stdout/stderr.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { Runtime } from '../runtime.js';
import { applyPluginSetup, type IsolatedRuntimeOptions, type PluginSetup } from './options.js';
import { serializeError, type SerializedError } from './serialized-error.js';

/** What the pool sends to each worker once. */
export interface PoolWorkerData {
  options: IsolatedRuntimeOptions;
  setup: PluginSetup;
}

/** One task as sent to a worker. */
export interface PoolWorkerTask {
  source: WebAssembly.Module | Uint8Array;
  args?: string[];
  env?: Record<string, string>;
  stdin?: Uint8Array;
  timeLimitMs?: number;
}

export type PoolWorkerResult = { exitCode: number; stdout: Uint8Array; stderr: Uint8Array } | { error: SerializedError };

const { options: poolOptions, setup } = workerData as PoolWorkerData;
const options = applyPluginSetup(setup, poolOptions);
// node:wasi writes to file descriptors: a task's output goes to files of this worker's own folder.
const folder = mkdtempSync(join(tmpdir(), 'ws-pool-'));
process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
let taskNumber = 0;

export default async function runTask(task: PoolWorkerTask): Promise<PoolWorkerResult> {
  const base = join(folder, String(taskNumber++));
  const files = { stdin: `${base}.in`, stdout: `${base}.out`, stderr: `${base}.err` };
  writeFileSync(files.stdin, task.stdin ?? new Uint8Array(0));
  const fds = { stdin: openSync(files.stdin, 'r'), stdout: openSync(files.stdout, 'w'), stderr: openSync(files.stderr, 'w') };
  const runtime = new Runtime({
    ...options,
    ...(task.args ? { args: task.args } : {}),
    ...(task.env ? { env: task.env } : {}),
    ...(task.timeLimitMs !== undefined ? { timeLimitMs: task.timeLimitMs } : {}),
    ...fds,
  } as IsolatedRuntimeOptions);
  try {
    const exitCode = await runtime.run(task.source);
    closeAll(fds);
    return { exitCode, stdout: readFileSync(files.stdout), stderr: readFileSync(files.stderr) };
  } catch (error) {
    closeAll(fds);
    return { error: serializeError(error) };
  } finally {
    runtime.dispose();
    for (const file of Object.values(files)) rmSync(file, { force: true });
  }
}

function closeAll(fds: Record<string, number>): void {
  for (const [name, fd] of Object.entries(fds)) {
    if (fd < 0) continue;
    closeSync(fd);
    fds[name] = -1;
  }
}
