/*
 * wasmedge_process.h: guest-side imports of module "wasmedge_process"
 * (@ws/process; WasmEdge's wasmedge_process plug-in ABI).
 *
 *   #include <wasmedge_process.h>
 *   clang --target=wasm32-wasi -O2 -I node_modules/@ws/process/include -o app.wasm app.c
 *
 * A guest queues a command (program name, arguments, environment, stdin,
 * timeout), runs it with wasmedge_process_run(), then reads its exit code,
 * stdout and stderr. The host runs only programs its policy allows
 * (`ws run --allow-command NAME`); everything queued is cleared after each run.
 *
 * Pointers are addresses in the guest's linear memory; lengths are in bytes.
 * Strings are byte ranges and need no NUL terminator. An out-of-range pointer
 * is treated as empty input. A guest that has no memory traps.
 */
#ifndef WASMEDGE_PROCESS_H
#define WASMEDGE_PROCESS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WASMEDGE_PROCESS_IMPORT(name) \
  __attribute__((import_module("wasmedge_process"), import_name(#name)))

/* Appends `length` bytes to the program name of the next run (a second call
 * before run() concatenates). A bare name is searched in the host's PATH. */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_set_prog_name)
void wasmedge_process_set_prog_name(const char *name, uint32_t length);

/* Appends one argument (argv[1], argv[2], ...) for the next run. */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_add_arg)
void wasmedge_process_add_arg(const char *arg, uint32_t length);

/* Adds the variable NAME=VALUE to the child's environment, which holds only
 * the variables added this way. If NAME was added before, the first value
 * is kept. */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_add_env)
void wasmedge_process_add_env(const char *name, uint32_t name_length, const char *value, uint32_t value_length);

/* Appends bytes to what the child reads on its stdin. */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_add_stdin)
void wasmedge_process_add_stdin(const void *bytes, uint32_t length);

/* Timeout of the next run, in milliseconds (default 10000). When it expires
 * the command is killed and run() returns 110 (ETIMEDOUT). */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_set_timeout)
void wasmedge_process_set_timeout(uint32_t milliseconds);

/* Runs the queued command and blocks until it ends. Returns its exit status
 * as a signed byte (exit 255 -> -1); -1 when the command is not allowed
 * (stderr then holds "Permission denied: ...") or cannot be started; 110 on
 * timeout; 128 + n when killed by signal n. Clears the queued inputs. */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_run)
int32_t wasmedge_process_run(void);

/* The value the last run() returned (0 before any run). */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_get_exit_code)
int32_t wasmedge_process_get_exit_code(void);

/* Byte length of the stdout captured by the last run. */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_get_stdout_len)
uint32_t wasmedge_process_get_stdout_len(void);

/* Copies the whole captured stdout (get_stdout_len() bytes) to `buffer`;
 * copies nothing if that range is outside memory. Repeatable until the
 * next run. */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_get_stdout)
void wasmedge_process_get_stdout(void *buffer);

/* Byte length of the stderr captured by the last run. */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_get_stderr_len)
uint32_t wasmedge_process_get_stderr_len(void);

/* Copies the whole captured stderr (get_stderr_len() bytes) to `buffer`;
 * same rules as wasmedge_process_get_stdout(). */
WASMEDGE_PROCESS_IMPORT(wasmedge_process_get_stderr)
void wasmedge_process_get_stderr(void *buffer);

#undef WASMEDGE_PROCESS_IMPORT

#ifdef __cplusplus
}
#endif

#endif /* WASMEDGE_PROCESS_H */
