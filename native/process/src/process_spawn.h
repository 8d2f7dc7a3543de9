/* Runs one program with pipes for stdin/stdout/stderr, without a shell.
 *
 * Fixes over WasmEdge's loop: the deadline starts at spawn and is checked
 * with CLOCK_MONOTONIC to the millisecond; stdin is written without blocking,
 * interleaved with reading output; the child leads a new process group and
 * the whole group is SIGKILLed on timeout and when the run ends (nothing the
 * command started in its group survives it); output beyond a limit is read
 * and discarded so the child never blocks on a full pipe. The wait also
 * ends, as at the deadline, when the guest's time limit fires
 * (ws_interrupt_requested, checked every 10 ms; ws hosts only). */
#ifndef WS_PROCESS_SPAWN_H
#define WS_PROCESS_SPAWN_H

#include "byte_buffer.h"

typedef struct ws_spawn_request {
  const char *path;    /* file to execute */
  char *const *argv;
  char *const *envp;
  const uint8_t *stdin_data;
  size_t stdin_length;
  uint32_t timeout_ms;
  uint64_t output_limit; /* bytes kept per stream */
} ws_spawn_request;

enum ws_spawn_status {
  WS_SPAWN_EXITED,      /* value = exit status 0..255 */
  WS_SPAWN_SIGNALED,    /* value = signal number */
  WS_SPAWN_TIMED_OUT,   /* the child was still running at the deadline or the guest's time limit */
  WS_SPAWN_EXEC_FAILED, /* value = errno of exec (ENOENT, EACCES, ENOEXEC...) */
  WS_SPAWN_SETUP_FAILED /* value = errno of pipe/spawn setup */
};

typedef struct ws_spawn_outcome {
  enum ws_spawn_status status;
  int value;
  uint64_t stdout_discarded; /* bytes read beyond output_limit */
  uint64_t stderr_discarded;
} ws_spawn_outcome;

void ws_spawn_run(const ws_spawn_request *Request, ws_byte_buffer *Stdout, ws_byte_buffer *Stderr,
                  ws_spawn_outcome *Outcome);

#endif
