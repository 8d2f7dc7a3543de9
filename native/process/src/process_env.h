/* Per-module state of wasmedge_process (WasmEdge's WasmEdgeProcessEnvironment):
 * the pending command the guest builds, the result of the last run, and the
 * policy copied from the plug-in options when the module was created. */
#ifndef WS_PROCESS_ENV_H
#define WS_PROCESS_ENV_H

#include "byte_buffer.h"

typedef struct ws_process_env_var {
  ws_byte_buffer name;
  ws_byte_buffer value;
} ws_process_env_var;

typedef struct ws_process_policy {
  ws_byte_buffer *allowed_commands; /* exact program strings (and absolute paths) */
  size_t allowed_count;
  bool allow_all;
  uint64_t output_limit_bytes;      /* per stream */
  uint64_t input_limit_bytes;       /* queued for one command, all inputs together */
  uint32_t default_timeout_ms;      /* used when the guest sets no timeout */
} ws_process_policy;

typedef struct ws_process_env {
  /* Pending command, cleared after every run (and after a denial). */
  ws_byte_buffer program;
  ws_byte_buffer *args;
  size_t arg_count;
  ws_process_env_var *envs;
  size_t env_count;
  ws_byte_buffer stdin_data;
  uint32_t timeout_ms;
  /* Bytes the guest queued for the pending command (kept or not), saturating;
   * above policy.input_limit_bytes everything queued is dropped and run refuses. */
  uint64_t queued_bytes;
  /* Result of the last run, kept until the next run. */
  ws_byte_buffer stdout_data;
  ws_byte_buffer stderr_data;
  uint32_t exit_code;
  ws_process_policy policy;
} ws_process_env;

/* NULL when memory runs out. Reads the current plug-in options. */
ws_process_env *ws_process_env_create(void);
void ws_process_env_destroy(void *Env); /* the module finalizer */

bool ws_process_env_add_arg(ws_process_env *Env, const uint8_t *Bytes, size_t Length);
/* Keeps the first value of a name, as WasmEdge's unordered_map::emplace. */
bool ws_process_env_add_env(ws_process_env *Env, const uint8_t *Name, size_t NameLength,
                            const uint8_t *Value, size_t ValueLength);
/* Counts Length more queued bytes. False once the total exceeds the input
 * limit: the inputs queued so far are then released, and run refuses. */
bool ws_process_env_queue(ws_process_env *Env, uint64_t Length);
bool ws_process_env_over_input_limit(const ws_process_env *Env);
/* Forgets program, arguments, variables and stdin; timeout back to the default. */
void ws_process_env_reset_inputs(ws_process_env *Env);

#endif
