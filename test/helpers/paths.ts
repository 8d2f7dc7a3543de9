// Paths and runners shared by the integration tests.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = join(root, 'packages/core/dist/cli/main.js');
export const testPlugins = join(root, 'native/build/test-plugins');
export const fixtureDir = (name: string): string => join(testPlugins, name);
export const FIXTURE_PLUGIN = join(testPlugins, 'ws_fixture', 'libws_fixture.so');
export const guest = (name: string): string => join(root, 'test/guests/build', `${name}.wasm`);
export const guestBytes = (name: string): Buffer => readFileSync(guest(name));

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `ws <args>` in a child process. */
export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env },
    timeout: 60000,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `fn` with a temporary file as the guest's stdout and returns what the
 * guest wrote (node:wasi writes to file descriptors, not to process.stdout).
 */
export async function captureStdout<T>(fn: (fd: number) => Promise<T>): Promise<{ value: T; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ws-test-'));
  const file = join(dir, 'stdout.txt');
  const fd = openSync(file, 'w+');
  try {
    const value = await fn(fd);
    return { value, stdout: readFileSync(file, 'utf8') };
  } finally {
    closeSync(fd);
  }
}
