#include "process_run.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "process_policy.h"
#include "process_spawn.h"

static const uint32_t failure_code = 0xFFFFFFFFu;

/* WasmEdge's exact text, which existing guests may compare against. */
static void report_denial(ws_process_env *Env) {
  ws_byte_buffer *err = &Env->stderr_data;
  const ws_byte_buffer *name = &Env->program;
  ws_byte_buffer_append_cstring(err, "Permission denied: Command \"");
  ws_byte_buffer_append(err, name->data, name->length);
  ws_byte_buffer_append_cstring(err, "\" is not in the white list. Please use --allow-command=");
  ws_byte_buffer_append(err, name->data, name->length);
  ws_byte_buffer_append_cstring(err, " or --allow-command-all to add \"");
  ws_byte_buffer_append(err, name->data, name->length);
  ws_byte_buffer_append_cstring(err, "\" command into the white list.\n");
}

static void report_cannot_run(ws_process_env *Env, const char *Program, int Error) {
  char message[512];
  const bool bare = strchr(Program, '/') == NULL;
  const char *reason;
  switch (Error) {
  case ENOENT:
    reason = bare ? "command not found in the host PATH. Install it or pass its absolute path"
                  : "no such file. Check the path";
    break;
  case EACCES:
    reason = "permission denied. Make the file executable (chmod +x) or pick another program";
    break;
  case ENOEXEC:
    reason = "not an executable format. No shell is used: give a script a #! line";
    break;
  default:
    reason = strerror(Error);
    break;
  }
  ws_byte_buffer_append_cstring(&Env->stderr_data, "wasmedge_process: cannot run \"");
  ws_byte_buffer_append_cstring(&Env->stderr_data, Program);
  snprintf(message, sizeof(message), "\": %s.\n", reason);
  ws_byte_buffer_append_cstring(&Env->stderr_data, message);
}

static void report_truncation(ws_process_env *Env, const char *Stream, uint64_t Limit,
                              uint64_t Discarded) {
  if (Discarded == 0) return;
  char message[256];
  snprintf(message, sizeof(message),
           "wasmedge_process: %s truncated to %" PRIu64 " bytes (%" PRIu64
           " bytes discarded). Raise the limit with --process-output-limit=BYTES.\n",
           Stream, Limit, Discarded);
  ws_byte_buffer_append_cstring(&Env->stderr_data, message);
}

static void report_input_limit(ws_process_env *Env) {
  char message[320];
  snprintf(message, sizeof(message),
           "wasmedge_process: the command's input (program name, arguments, variables and stdin) "
           "exceeds %" PRIu64 " bytes (%" PRIu64 " bytes queued); nothing was run. Raise the limit "
           "with --process-input-limit=BYTES.\n",
           Env->policy.input_limit_bytes, Env->queued_bytes);
  ws_byte_buffer_append_cstring(&Env->stderr_data, message);
}

static uint32_t exit_code_of(const ws_spawn_outcome *Outcome) {
  switch (Outcome->status) {
  case WS_SPAWN_EXITED:
    return (uint32_t)(int32_t)(int8_t)(uint8_t)Outcome->value;
  case WS_SPAWN_SIGNALED:
    return 128u + (uint32_t)Outcome->value;
  case WS_SPAWN_TIMED_OUT:
    return ETIMEDOUT;
  default:
    return failure_code;
  }
}

uint32_t ws_process_run(ws_process_env *Env) {
  ws_byte_buffer_release(&Env->stdout_data);
  ws_byte_buffer_release(&Env->stderr_data);
  Env->exit_code = failure_code;

  if (ws_process_env_over_input_limit(Env)) {
    /* The queued inputs were dropped when the limit was crossed. */
    report_input_limit(Env);
    ws_process_env_reset_inputs(Env);
    return failure_code;
  }
  char *checked_path = NULL;
  if (!ws_process_policy_allows(&Env->policy, &Env->program, &checked_path)) {
    report_denial(Env);
    ws_process_env_reset_inputs(Env);
    return failure_code;
  }

  char **argv = ws_process_build_argv(Env);
  char **envp = argv ? ws_process_build_envp(Env) : NULL;
  if (!envp) {
    ws_process_free_strings(argv);
    free(checked_path);
    return failure_code; /* out of host memory: inputs kept, as after a failed fork */
  }
  char *path = checked_path ? checked_path : ws_process_resolve_program(argv[0]);
  if (!path && errno == ENOMEM) {
    ws_process_free_strings(argv);
    ws_process_free_strings(envp);
    return failure_code;
  }
  if (!path) {
    report_cannot_run(Env, argv[0], errno);
  } else {
    ws_spawn_request request = {
        .path = path,
        .argv = argv,
        .envp = envp,
        .stdin_data = Env->stdin_data.data,
        .stdin_length = Env->stdin_data.length,
        .timeout_ms = Env->timeout_ms,
        .output_limit = Env->policy.output_limit_bytes,
    };
    ws_spawn_outcome outcome;
    ws_spawn_run(&request, &Env->stdout_data, &Env->stderr_data, &outcome);
    if (outcome.status == WS_SPAWN_SETUP_FAILED) {
      free(path);
      ws_process_free_strings(argv);
      ws_process_free_strings(envp);
      return failure_code; /* WasmEdge keeps the inputs when pipe/fork fail */
    }
    if (outcome.status == WS_SPAWN_EXEC_FAILED) report_cannot_run(Env, argv[0], outcome.value);
    report_truncation(Env, "stdout", request.output_limit, outcome.stdout_discarded);
    report_truncation(Env, "stderr", request.output_limit, outcome.stderr_discarded);
    Env->exit_code = exit_code_of(&outcome);
  }
  free(path);
  ws_process_free_strings(argv);
  ws_process_free_strings(envp);
  ws_process_env_reset_inputs(Env);
  return Env->exit_code;
}
