#include "process_functions.h"

#include <stdint.h>
#include <string.h>

#include "process_env.h"
#include "process_run.h"

/* WasmEdge traps with HostFuncError when the caller has no memory. */
#define HOST_FUNC_ERROR WasmEdge_ResultGen(WasmEdge_ErrCategory_WASM, WasmEdge_ErrCode_HostFuncError)

static uint32_t param(const WasmEdge_Value *Params, int Index) {
  return (uint32_t)WasmEdge_ValueGetI32(Params[Index]);
}

static WasmEdge_MemoryInstanceContext *caller_memory(const WasmEdge_CallingFrameContext *Frame) {
  return WasmEdge_CallingFrameGetMemoryInstance(Frame, 0);
}

/* The guest span, or NULL when [Offset, Offset+Length) is outside memory
 * (callers then use WasmEdge's "treat as empty" rule). */
static const uint8_t *guest_span(WasmEdge_MemoryInstanceContext *Memory, uint32_t Offset, uint32_t Length) {
  return WasmEdge_MemoryInstanceGetPointerConst(Memory, Offset, Length);
}

/* Under the default policy (nothing allowed) every run is denied, and a
 * denial clears the pending inputs unseen: arguments, variables and stdin are
 * then not kept at all, and the program name only up to a size that no
 * runnable path reaches, so a guest without any permission cannot make the
 * host hold memory by queueing input in a loop. */
#define DENY_ALL_PROGRAM_NAME_LIMIT 65536u

static bool runs_nothing(const ws_process_env *Env) {
  return !Env->policy.allow_all && Env->policy.allowed_count == 0;
}

/* Appends at most Limit bytes in total of the guest span Params[0..1] to
 * Target; an out-of-range span adds nothing (WasmEdge's rule for
 * set_prog_name and add_stdin). */
static WasmEdge_Result append_span(ws_byte_buffer *Target, const WasmEdge_CallingFrameContext *Frame,
                                   const WasmEdge_Value *Params, size_t Limit) {
  WasmEdge_MemoryInstanceContext *memory = caller_memory(Frame);
  if (!memory) return HOST_FUNC_ERROR;
  uint32_t length = param(Params, 1);
  const uint8_t *bytes = guest_span(memory, param(Params, 0), length);
  if (!bytes) return WasmEdge_Result_Success;
  size_t room = Target->length < Limit ? Limit - Target->length : 0;
  size_t kept = length < room ? length : room;
  if (!ws_byte_buffer_append(Target, bytes, kept)) return WasmEdge_Result_Fail;
  return WasmEdge_Result_Success;
}

/* What each argument and variable costs the input limit besides its bytes:
 * the host's bookkeeping of one item (its slot and allocation), so that
 * empty items cannot be queued for free. */
#define QUEUED_ITEM_OVERHEAD 64u

/* append_span under the input limit (--process-input-limit): every byte
 * counts, and nothing more is kept once the pending command is over it. */
static WasmEdge_Result queue_span(ws_process_env *Env, ws_byte_buffer *Target,
                                  const WasmEdge_CallingFrameContext *Frame, const WasmEdge_Value *Params) {
  WasmEdge_MemoryInstanceContext *memory = caller_memory(Frame);
  if (!memory) return HOST_FUNC_ERROR;
  if (!guest_span(memory, param(Params, 0), param(Params, 1))) return WasmEdge_Result_Success;
  if (!ws_process_env_queue(Env, param(Params, 1))) return WasmEdge_Result_Success;
  return append_span(Target, Frame, Params, SIZE_MAX);
}

/* Appends, as WasmEdge does: a second call before run concatenates. */
static WasmEdge_Result set_prog_name(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                     const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  ws_process_env *env = Data;
  if (runs_nothing(env)) return append_span(&env->program, Frame, Params, DENY_ALL_PROGRAM_NAME_LIMIT);
  return queue_span(env, &env->program, Frame, Params);
}

static WasmEdge_Result add_arg(void *Data, const WasmEdge_CallingFrameContext *Frame,
                               const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  ws_process_env *env = Data;
  WasmEdge_MemoryInstanceContext *memory = caller_memory(Frame);
  if (!memory) return HOST_FUNC_ERROR;
  if (runs_nothing(env)) return WasmEdge_Result_Success;
  uint32_t length = param(Params, 1);
  const uint8_t *arg = guest_span(memory, param(Params, 0), length);
  if (!ws_process_env_queue(env, (uint64_t)(arg ? length : 0) + QUEUED_ITEM_OVERHEAD)) return WasmEdge_Result_Success;
  if (!ws_process_env_add_arg(env, arg, arg ? length : 0)) return WasmEdge_Result_Fail;
  return WasmEdge_Result_Success;
}

static WasmEdge_Result add_env(void *Data, const WasmEdge_CallingFrameContext *Frame,
                               const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  ws_process_env *env = Data;
  WasmEdge_MemoryInstanceContext *memory = caller_memory(Frame);
  if (!memory) return HOST_FUNC_ERROR;
  if (runs_nothing(env)) return WasmEdge_Result_Success;
  uint32_t name_length = param(Params, 1), value_length = param(Params, 3);
  const uint8_t *name = guest_span(memory, param(Params, 0), name_length);
  const uint8_t *value = guest_span(memory, param(Params, 2), value_length);
  const uint64_t queued = (uint64_t)(name ? name_length : 0) + (value ? value_length : 0) + QUEUED_ITEM_OVERHEAD;
  if (!ws_process_env_queue(env, queued)) return WasmEdge_Result_Success;
  if (!ws_process_env_add_env(env, name, name ? name_length : 0, value, value ? value_length : 0))
    return WasmEdge_Result_Fail;
  return WasmEdge_Result_Success;
}

static WasmEdge_Result add_stdin(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                 const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  ws_process_env *env = Data;
  if (runs_nothing(env)) return append_span(&env->stdin_data, Frame, Params, 0);
  return queue_span(env, &env->stdin_data, Frame, Params);
}

static WasmEdge_Result set_timeout(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                   const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  ((ws_process_env *)Data)->timeout_ms = param(Params, 0);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result run(void *Data, const WasmEdge_CallingFrameContext *Frame,
                           const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  Returns[0] = WasmEdge_ValueGenI32((int32_t)ws_process_run(Data));
  return WasmEdge_Result_Success;
}

static WasmEdge_Result get_exit_code(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                     const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  Returns[0] = WasmEdge_ValueGenI32((int32_t)((ws_process_env *)Data)->exit_code);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result get_stdout_len(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                      const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  Returns[0] = WasmEdge_ValueGenI32((int32_t)((ws_process_env *)Data)->stdout_data.length);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result get_stderr_len(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                      const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  Returns[0] = WasmEdge_ValueGenI32((int32_t)((ws_process_env *)Data)->stderr_data.length);
  return WasmEdge_Result_Success;
}

/* Copies the whole buffer only if it fits at Offset; otherwise copies nothing
 * and still succeeds (WasmEdge's behaviour). */
static WasmEdge_Result copy_out(const ws_byte_buffer *Captured, const WasmEdge_CallingFrameContext *Frame,
                                uint32_t Offset) {
  WasmEdge_MemoryInstanceContext *memory = caller_memory(Frame);
  if (!memory) return HOST_FUNC_ERROR;
  uint8_t *target = WasmEdge_MemoryInstanceGetPointer(memory, Offset, Captured->length);
  if (target && Captured->length > 0) memcpy(target, Captured->data, Captured->length);
  return WasmEdge_Result_Success;
}

static WasmEdge_Result get_stdout(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                  const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  return copy_out(&((ws_process_env *)Data)->stdout_data, Frame, param(Params, 0));
}

static WasmEdge_Result get_stderr(void *Data, const WasmEdge_CallingFrameContext *Frame,
                                  const WasmEdge_Value *Params, WasmEdge_Value *Returns) {
  return copy_out(&((ws_process_env *)Data)->stderr_data, Frame, param(Params, 0));
}

const ws_process_function ws_process_functions[] = {
    {"wasmedge_process_set_prog_name", 2, 0, set_prog_name},
    {"wasmedge_process_add_arg", 2, 0, add_arg},
    {"wasmedge_process_add_env", 4, 0, add_env},
    {"wasmedge_process_add_stdin", 2, 0, add_stdin},
    {"wasmedge_process_set_timeout", 1, 0, set_timeout},
    {"wasmedge_process_run", 0, 1, run},
    {"wasmedge_process_get_exit_code", 0, 1, get_exit_code},
    {"wasmedge_process_get_stdout_len", 0, 1, get_stdout_len},
    {"wasmedge_process_get_stdout", 1, 0, get_stdout},
    {"wasmedge_process_get_stderr_len", 0, 1, get_stderr_len},
    {"wasmedge_process_get_stderr", 1, 0, get_stderr},
};
const uint32_t ws_process_function_count = sizeof(ws_process_functions) / sizeof(ws_process_functions[0]);
