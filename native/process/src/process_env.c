#include "process_env.h"

#include <stdlib.h>
#include <string.h>

#include "process_options.h"

ws_process_env *ws_process_env_create(void) {
  ws_process_env *env = calloc(1, sizeof(*env));
  if (!env) return NULL;
  if (!ws_process_options_snapshot(&env->policy)) {
    free(env);
    return NULL;
  }
  env->timeout_ms = env->policy.default_timeout_ms;
  return env;
}

static void release_args(ws_process_env *Env) {
  for (size_t i = 0; i < Env->arg_count; ++i) ws_byte_buffer_release(&Env->args[i]);
  free(Env->args);
  Env->args = NULL;
  Env->arg_count = 0;
}

static void release_envs(ws_process_env *Env) {
  for (size_t i = 0; i < Env->env_count; ++i) {
    ws_byte_buffer_release(&Env->envs[i].name);
    ws_byte_buffer_release(&Env->envs[i].value);
  }
  free(Env->envs);
  Env->envs = NULL;
  Env->env_count = 0;
}

void ws_process_env_reset_inputs(ws_process_env *Env) {
  ws_byte_buffer_release(&Env->program);
  release_args(Env);
  release_envs(Env);
  ws_byte_buffer_release(&Env->stdin_data);
  Env->timeout_ms = Env->policy.default_timeout_ms;
  Env->queued_bytes = 0;
}

bool ws_process_env_over_input_limit(const ws_process_env *Env) {
  return Env->queued_bytes > Env->policy.input_limit_bytes;
}

bool ws_process_env_queue(ws_process_env *Env, uint64_t Length) {
  Env->queued_bytes = Length > UINT64_MAX - Env->queued_bytes ? UINT64_MAX : Env->queued_bytes + Length;
  if (!ws_process_env_over_input_limit(Env)) return true;
  /* Nothing will run: give the memory back now, keep only the count. */
  ws_byte_buffer_release(&Env->program);
  release_args(Env);
  release_envs(Env);
  ws_byte_buffer_release(&Env->stdin_data);
  return false;
}

void ws_process_env_destroy(void *Opaque) {
  ws_process_env *env = Opaque;
  if (!env) return;
  ws_process_env_reset_inputs(env);
  ws_byte_buffer_release(&env->stdout_data);
  ws_byte_buffer_release(&env->stderr_data);
  ws_process_policy_release(&env->policy);
  free(env);
}

bool ws_process_env_add_arg(ws_process_env *Env, const uint8_t *Bytes, size_t Length) {
  ws_byte_buffer *grown = realloc(Env->args, (Env->arg_count + 1) * sizeof(*grown));
  if (!grown) return false;
  Env->args = grown;
  ws_byte_buffer *arg = &Env->args[Env->arg_count];
  memset(arg, 0, sizeof(*arg));
  if (!ws_byte_buffer_append(arg, Bytes, Length)) return false;
  Env->arg_count += 1;
  return true;
}

bool ws_process_env_add_env(ws_process_env *Env, const uint8_t *Name, size_t NameLength,
                            const uint8_t *Value, size_t ValueLength) {
  for (size_t i = 0; i < Env->env_count; ++i) {
    if (ws_byte_buffer_equals(&Env->envs[i].name, Name, NameLength)) return true;
  }
  ws_process_env_var *grown = realloc(Env->envs, (Env->env_count + 1) * sizeof(*grown));
  if (!grown) return false;
  Env->envs = grown;
  ws_process_env_var *var = &Env->envs[Env->env_count];
  memset(var, 0, sizeof(*var));
  if (!ws_byte_buffer_append(&var->name, Name, NameLength) ||
      !ws_byte_buffer_append(&var->value, Value, ValueLength)) {
    ws_byte_buffer_release(&var->name);
    ws_byte_buffer_release(&var->value);
    return false;
  }
  Env->env_count += 1;
  return true;
}
