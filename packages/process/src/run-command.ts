import { ScratchMemory } from './guest-memory.js';
import { checkCount, type ProcessOptions } from './options.js';
import { createProcessModule } from './process-module.js';
import type { WasmedgeProcessFunctions } from './types.js';

/** A command for {@link runCommand}. */
export interface CommandRequest {
  /** Program string, as a guest passes it: a bare name (searched in the host PATH) or a path. */
  program: string;
  /** Arguments after the program name. */
  args?: readonly string[];
  /** The child's whole environment (nothing is inherited); LD_*, DYLD_* and NODE_OPTIONS are dropped. */
  env?: Readonly<Record<string, string>>;
  /** Bytes written to the child's stdin. */
  stdin?: string | Uint8Array;
  /** Kill the command's process group after this many ms. Default: the plug-in's (10000). */
  timeoutMs?: number;
}

/** What {@link runCommand} returns. */
export interface CommandResult {
  /**
   * WasmEdge's exit code: the exit status as a signed byte (255 → -1), 128 +
   * signal when killed, 110 (ETIMEDOUT) on timeout, -1 when denied or not found.
   */
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
}

const encoder = new TextEncoder();

/**
 * Runs one command through the native wasmedge_process plug-in, calling its
 * host functions in the order a guest would. Synchronous: it blocks until
 * the command ends or times out.
 *
 * `options` is the plug-in policy for this call; by default exactly
 * `request.program` is allowed (the caller is host code, not a guest).
 */
export function runCommand(request: CommandRequest, options: ProcessOptions = { allowCommands: [request.program] }): CommandResult {
  if (request.timeoutMs !== undefined) checkCount('timeoutMs', request.timeoutMs, 0xffffffff);
  const module = createProcessModule(options);
  try {
    const scratch = new ScratchMemory();
    const host = module.bind<WasmedgeProcessFunctions>(scratch.memory);
    host.wasmedge_process_set_prog_name(...scratch.write(encoder.encode(request.program)));
    for (const arg of request.args ?? []) host.wasmedge_process_add_arg(...scratch.write(encoder.encode(arg)));
    for (const [name, value] of Object.entries(request.env ?? {})) {
      host.wasmedge_process_add_env(...scratch.write(encoder.encode(name)), ...scratch.write(encoder.encode(value)));
    }
    if (request.stdin !== undefined) {
      const bytes = typeof request.stdin === 'string' ? encoder.encode(request.stdin) : request.stdin;
      host.wasmedge_process_add_stdin(...scratch.write(bytes));
    }
    if (request.timeoutMs !== undefined) host.wasmedge_process_set_timeout(request.timeoutMs);
    const exitCode = host.wasmedge_process_run();
    const stdoutLength = host.wasmedge_process_get_stdout_len() >>> 0;
    const stderrLength = host.wasmedge_process_get_stderr_len() >>> 0;
    scratch.ensure(Math.max(stdoutLength, stderrLength));
    host.wasmedge_process_get_stdout(0);
    const stdout = scratch.read(0, stdoutLength);
    host.wasmedge_process_get_stderr(0);
    const stderr = scratch.read(0, stderrLength);
    return { exitCode, stdout, stderr };
  } finally {
    module.dispose();
  }
}
