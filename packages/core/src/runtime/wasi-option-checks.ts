/**
 * Checks of the options node:wasi is given, made before it sees them: its own
 * errors (`UVWASI_ENOENT, uvwasi_init`) name neither the option nor the fix.
 */
import { fstatSync, statSync } from 'node:fs';
import { WsError } from '../errors.js';
import type { RuntimeOptions } from './runtime.js';

/** node:wasi reports a bad preopen as `UVWASI_ENOENT, uvwasi_init`: say which one, and what to do. */
export function checkPreopens(preopens: Record<string, string>): void {
  for (const [guestPath, hostPath] of Object.entries(preopens)) {
    const stats = statSync(hostPath, { throwIfNoEntry: false });
    const problem = !stats ? 'does not exist' : !stats.isDirectory() ? 'is not a directory' : undefined;
    if (problem) {
      throw new WsError(
        'WS_PREOPEN',
        `The host directory ${hostPath} preopened as ${guestPath} ${problem}. Give an existing directory (ws run --dir GUEST:HOST, RuntimeOptions.preopens).`,
      );
    }
  }
}

/** node:wasi reports a closed descriptor as `UVWASI_EBADF, uvwasi_init`: say which option. */
export function checkStdio(options: Pick<RuntimeOptions, 'stdin' | 'stdout' | 'stderr'>): void {
  for (const stream of ['stdin', 'stdout', 'stderr'] as const) {
    const fd = options[stream];
    if (fd === undefined) continue;
    let open = Number.isInteger(fd) && fd >= 0;
    if (open) {
      try {
        fstatSync(fd);
      } catch {
        open = false;
      }
    }
    if (!open) {
      throw new WsError(
        'WS_USAGE',
        `RuntimeOptions.${stream} is ${String(fd)}, which is not an open file descriptor. Pass a descriptor from fs.openSync(), or leave ${stream} out to use the process's own.`,
      );
    }
  }
}
