/**
 * WASI functions WasmEdge adds to `wasi_snapshot_preview1` (its socket and
 * polling extensions) that node:wasi does not have. Guests built for WasmEdge
 * often import them without calling them; they resolve to functions that
 * return ENOSYS instead of failing instantiation.
 */
export const wasmEdgeExtraWasiFunctions = [
  'sock_open',
  'sock_bind',
  'sock_listen',
  'sock_accept',
  'sock_accept_v2',
  'sock_connect',
  'sock_recv',
  'sock_recv_from',
  'sock_send',
  'sock_send_to',
  'sock_shutdown',
  'sock_getsockopt',
  'sock_setsockopt',
  'sock_getlocaladdr',
  'sock_getpeeraddr',
  'sock_getaddrinfo',
  'epoll_oneoff',
] as const;

/** WASI errno "function not supported". */
export const WASI_ENOSYS = 52;

export function enosysFunction(): () => number {
  return () => WASI_ENOSYS;
}
