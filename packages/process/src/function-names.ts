/** The 11 import names of module `wasmedge_process`, in byte order (WasmEdge's listing order). */
export const wasmedgeProcessFunctionNames = [
  'wasmedge_process_add_arg',
  'wasmedge_process_add_env',
  'wasmedge_process_add_stdin',
  'wasmedge_process_get_exit_code',
  'wasmedge_process_get_stderr',
  'wasmedge_process_get_stderr_len',
  'wasmedge_process_get_stdout',
  'wasmedge_process_get_stdout_len',
  'wasmedge_process_run',
  'wasmedge_process_set_prog_name',
  'wasmedge_process_set_timeout',
] as const;
