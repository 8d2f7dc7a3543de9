import { errnoName } from './enums.js';

/** Stable codes of the errors @ws/wasi-nn throws. */
export type WasiNnErrorCode = 'WS_NN_PRELOAD' | 'WS_NN_CALL_FAILED' | 'WS_NN_USAGE';

/** An error of @ws/wasi-nn; the message names the thing and ends with the fix. */
export class WasiNnError extends Error {
  readonly code: WasiNnErrorCode;
  /** The wasi-nn errno, for WS_NN_CALL_FAILED. */
  readonly errno: number | undefined;
  constructor(code: WasiNnErrorCode, message: string, options?: { cause?: unknown; errno?: number }) {
    super(message, options);
    this.name = 'WasiNnError';
    this.code = code;
    this.errno = options?.errno;
  }
}

/** The error for a host function that returned a non-zero errno. */
export function callFailed(fn: string, errno: number, hint: string): WasiNnError {
  return new WasiNnError('WS_NN_CALL_FAILED', `wasi_ephemeral_nn.${fn} failed with ${errnoName(errno)} (${errno}). ${hint}`, { errno });
}
