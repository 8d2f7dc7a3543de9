import { WsError } from '../errors.js';
import { logPrefix } from '../log.js';

/** Exit code for command-line usage errors, as many CLIs use. */
export const USAGE_EXIT_CODE = 2;
/** Exit code of a guest stopped by --time-limit: 124, as GNU timeout(1) uses (WasmEdge exits 134 for it, as for any trap). */
export const TIME_LIMIT_EXIT_CODE = 124;

export class UsageError extends WsError {
  constructor(message: string) {
    super('WS_USAGE', message);
    this.name = 'UsageError';
  }
}

/** Prints an error for people: `[ws] CODE: message`. */
export function printError(error: unknown): void {
  if (error instanceof WsError) {
    process.stderr.write(`${logPrefix()} ${error.code}: ${error.message}\n`);
  } else if (error instanceof WebAssembly.RuntimeError) {
    process.stderr.write(`${logPrefix()} the guest trapped: ${error.message}\n`);
  } else if (error instanceof Error) {
    process.stderr.write(`${logPrefix()} ${error.message}\n`);
  } else {
    process.stderr.write(`${logPrefix()} ${String(error)}\n`);
  }
}
