import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProcessModule } from '../src/process-module.js';
import { ScratchMemory } from '../src/guest-memory.js';
import type { ProcessOptions } from '../src/options.js';
import type { WasmedgeProcessFunctions } from '../src/types.js';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packageDir, '..', '..');
export const cliMain = join(repoRoot, 'packages', 'core', 'dist', 'cli', 'main.js');
/** The plug-in of this checkout's native build, for `ws run --plugin-path`. */
export const processLibrary = join(repoRoot, 'native', 'build', 'plugins', 'libwasmedgePluginWasmEdgeProcess.so');
export const ETIMEDOUT = 110;

export function guestPath(name: string): string {
  const path = join(packageDir, 'guests', 'build', `${name}.wasm`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run pnpm --filter @ws/process build`);
  return path;
}

/** WasmEdge's denial text, byte for byte. */
export function denial(program: string): string {
  return `Permission denied: Command "${program}" is not in the white list. Please use --allow-command=${program} or --allow-command-all to add "${program}" command into the white list.\n`;
}

export interface GuestRun {
  /** Exit status of `ws run` (the guest's). */
  status: number | null;
  stdout: string;
  /** The guest's stderr without the final exit_code line. */
  stderr: string;
  /** The N of the guest's last "exit_code=N" line. */
  exitCode: number | undefined;
  elapsedMs: number;
}

/** Runs guests/build/<guest>.wasm through the `ws` CLI with the real plug-in. */
export function runGuest(guest: string, wsFlags: string[], guestArgs: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): GuestRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cliMain, 'run', '--plugin-path', processLibrary, ...wsFlags, guestPath(guest), ...guestArgs], {
    encoding: 'utf8',
    env: options.env ?? process.env,
    cwd: options.cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  const elapsedMs = performance.now() - started;
  const match = /exit_code=(-?\d+)\n$/.exec(result.stderr);
  if (guest === 'exec' && !match) {
    // The guest always ends with that line: anything else is a failure of ws itself.
    throw new Error(`ws run ${guest} ${guestArgs.join(' ')} did not finish (status ${result.status}, signal ${result.signal}):\n${result.stderr}`);
  }
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: match ? result.stderr.slice(0, match.index) : result.stderr,
    exitCode: match ? Number(match[1]) : undefined,
    elapsedMs,
  };
}

/** A wasmedge_process module with a scratch memory, called directly like WasmEdge's gtests do. */
export class DirectModule {
  readonly scratch = new ScratchMemory();
  readonly module;
  readonly host: WasmedgeProcessFunctions;
  /** The same functions with no calling-frame memory (WasmEdge's DummyCallFrame). */
  readonly noMemory: WasmedgeProcessFunctions;

  constructor(options: ProcessOptions = {}) {
    this.module = createProcessModule(options);
    this.host = this.module.bind<WasmedgeProcessFunctions>(this.scratch.memory);
    this.noMemory = this.module.bind<WasmedgeProcessFunctions>();
  }

  /** Writes text (or bytes) into the scratch memory; returns [pointer, length]. */
  put(data: string | Uint8Array): [number, number] {
    return this.scratch.write(typeof data === 'string' ? new TextEncoder().encode(data) : data);
  }

  stdout(): string {
    const length = this.host.wasmedge_process_get_stdout_len() >>> 0;
    const [pointer] = this.put(new Uint8Array(length));
    this.host.wasmedge_process_get_stdout(pointer);
    return this.scratch.read(pointer, length).toString();
  }

  stderr(): string {
    const length = this.host.wasmedge_process_get_stderr_len() >>> 0;
    const [pointer] = this.put(new Uint8Array(length));
    this.host.wasmedge_process_get_stderr(pointer);
    return this.scratch.read(pointer, length).toString();
  }

  /** set_prog_name + add_arg for each argument. */
  command(program: string, ...args: string[]): void {
    this.host.wasmedge_process_set_prog_name(...this.put(program));
    for (const arg of args) this.host.wasmedge_process_add_arg(...this.put(arg));
  }

  dispose(): void {
    this.module.dispose();
  }
}

/** Pids of live processes whose command line contains `marker` (read from /proc). */
export function processesWithMarker(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (commandLine.includes(marker)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/**
 * Pids still matching `marker` after giving SIGKILLed processes up to
 * `graceMs` to finish dying (a killed orphan disappears asynchronously).
 */
export async function survivorsOf(marker: string, graceMs = 2000): Promise<number[]> {
  const deadline = performance.now() + graceMs;
  let pids = processesWithMarker(marker);
  while (pids.length > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    pids = processesWithMarker(marker);
  }
  return pids;
}
