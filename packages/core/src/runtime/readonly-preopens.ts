/**
 * Read-only preopens (`ws run --dir GUEST:HOST:readonly`, `preopens: { '/data': { path: './data',
 * readonly: true } }`), as WasmEdge's. node:wasi has no read-only preopen, so the WASI functions
 * that can change something under one are wrapped here, per descriptor: the preopen's own and
 * every descriptor opened under it.
 *
 * What the guest sees is what WasmEdge 0.17 answers (checked with its binary and
 * test/guests/readonly_dir.c): opening a file for writing succeeds but without the write rights
 * (node:wasi then opens the host file read-only) and writing to it fails with EBADF; creating,
 * truncating, making or removing a folder, renaming, unlinking, linking, symlinking and setting
 * times or sizes fail with ENOTCAPABLE.
 */

import type { WasmMemoryLike } from '../wasm-types.js';

/** A preopen: the host folder, or the host folder and whether the guest may only read it. */
export type PreopenValue = string | { path: string; readonly?: boolean };

const ERRNO_BADF = 8;
const ERRNO_NOTCAPABLE = 76;
const ERRNO_SUCCESS = 0;

const OFLAGS_CREAT = 1;
const OFLAGS_TRUNC = 8;

/** Every right that lets a descriptor change a file or a folder (WASI preview1 rights bits). */
const WRITE_RIGHTS =
  (1n << 0n) | // fd_datasync
  (1n << 6n) | // fd_write
  (1n << 8n) | // fd_allocate
  (1n << 9n) | // path_create_directory
  (1n << 10n) | // path_create_file
  (1n << 11n) | // path_link_source
  (1n << 12n) | // path_link_target
  (1n << 16n) | // path_rename_source
  (1n << 17n) | // path_rename_target
  (1n << 19n) | // path_filestat_set_size
  (1n << 20n) | // path_filestat_set_times
  (1n << 22n) | // fd_filestat_set_size
  (1n << 23n) | // fd_filestat_set_times
  (1n << 24n) | // path_symlink
  (1n << 25n) | // path_remove_directory
  (1n << 26n); // path_unlink_file

/** node:wasi's preopens and the guest paths of the read-only ones. */
export function splitPreopens(preopens: Readonly<Record<string, PreopenValue>>): { hostPaths: Record<string, string>; readonlyGuestPaths: string[] } {
  const hostPaths: Record<string, string> = {};
  const readonlyGuestPaths: string[] = [];
  for (const [guestPath, value] of Object.entries(preopens)) {
    hostPaths[guestPath] = typeof value === 'string' ? value : value?.path;
    if (typeof value === 'object' && value?.readonly === true) readonlyGuestPaths.push(guestPath);
  }
  return { hostPaths, readonlyGuestPaths };
}

type WasiFunction = (...args: (number | bigint)[]) => number;

/**
 * `wasiImport` with the writing functions refusing under the read-only preopens. node:wasi
 * numbers preopens from 3 in the order of its `preopens` object, so the guest paths' positions
 * there give their descriptors. Returns `wasiImport` itself when there is none.
 */
export function readonlyWasiImport<ImportValue>(
  wasiImport: Readonly<Record<string, ImportValue>>,
  hostPaths: Readonly<Record<string, string>>,
  readonlyGuestPaths: readonly string[],
  memory: () => WasmMemoryLike | undefined,
): Record<string, ImportValue> {
  if (readonlyGuestPaths.length === 0) return { ...wasiImport };
  const order = Object.keys(hostPaths);
  const readonlyFds = new Set(readonlyGuestPaths.map((guestPath) => 3 + order.indexOf(guestPath)));
  const original = wasiImport as Readonly<Record<string, WasiFunction>>;
  const wrapped: Record<string, ImportValue | WasiFunction> = { ...wasiImport };
  const call = (name: string, args: (number | bigint)[]): number => original[name]!(...args);
  /** The function refuses with `errno` when the descriptor at argument `at` (or any of `also`) is read-only. */
  const refuse = (name: string, errno: number, ...positions: number[]): void => {
    if (!original[name]) return;
    wrapped[name] = (...args: (number | bigint)[]): number => (positions.some((p) => readonlyFds.has(Number(args[p]))) ? errno : call(name, args));
  };
  refuse('fd_write', ERRNO_BADF, 0);
  refuse('fd_pwrite', ERRNO_BADF, 0);
  refuse('fd_allocate', ERRNO_NOTCAPABLE, 0);
  refuse('fd_datasync', ERRNO_NOTCAPABLE, 0);
  refuse('fd_filestat_set_size', ERRNO_NOTCAPABLE, 0);
  refuse('fd_filestat_set_times', ERRNO_NOTCAPABLE, 0);
  refuse('path_create_directory', ERRNO_NOTCAPABLE, 0);
  refuse('path_remove_directory', ERRNO_NOTCAPABLE, 0);
  refuse('path_unlink_file', ERRNO_NOTCAPABLE, 0);
  refuse('path_filestat_set_times', ERRNO_NOTCAPABLE, 0);
  // path_rename(fd, old, old_len, new_fd, new, new_len); path_link(old_fd, flags, old, old_len, new_fd, new, new_len);
  // path_symlink(old, old_len, fd, new, new_len).
  refuse('path_rename', ERRNO_NOTCAPABLE, 0, 3);
  refuse('path_link', ERRNO_NOTCAPABLE, 0, 4);
  refuse('path_symlink', ERRNO_NOTCAPABLE, 2);

  // path_open(fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, opened_fd_pointer)
  wrapped.path_open = (...args: (number | bigint)[]): number => {
    if (!readonlyFds.has(Number(args[0]))) return call('path_open', args);
    if ((Number(args[4]) & (OFLAGS_CREAT | OFLAGS_TRUNC)) !== 0) return ERRNO_NOTCAPABLE;
    const readOnlyArgs = [...args];
    readOnlyArgs[5] = BigInt(args[5]!) & ~WRITE_RIGHTS;
    readOnlyArgs[6] = BigInt(args[6]!) & ~WRITE_RIGHTS;
    const errno = call('path_open', readOnlyArgs);
    const buffer = memory()?.buffer;
    if (errno === ERRNO_SUCCESS && buffer) readonlyFds.add(new DataView(buffer).getUint32(Number(args[8]) >>> 0, true));
    return errno;
  };
  // A descriptor number freed or moved takes its read-only state along.
  wrapped.fd_close = (...args: (number | bigint)[]): number => {
    const errno = call('fd_close', args);
    if (errno === ERRNO_SUCCESS) readonlyFds.delete(Number(args[0]));
    return errno;
  };
  wrapped.fd_renumber = (...args: (number | bigint)[]): number => {
    const errno = call('fd_renumber', args);
    if (errno === ERRNO_SUCCESS) {
      const [from, to] = [Number(args[0]), Number(args[1])];
      if (readonlyFds.delete(from)) readonlyFds.add(to);
      else readonlyFds.delete(to);
    }
    return errno;
  };
  return wrapped as Record<string, ImportValue>;
}
