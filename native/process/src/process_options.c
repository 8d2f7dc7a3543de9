#include "process_options.h"

#include <stdlib.h>
#include <string.h>

#include <wasmedge/ws_extensions.h>

static WS_StringList allow_command_storage = {0, NULL};
static bool allow_command_all_storage = false;
static uint64_t output_limit_storage = WS_PROCESS_DEFAULT_OUTPUT_LIMIT;
static const uint64_t output_limit_implicit = WS_PROCESS_DEFAULT_OUTPUT_LIMIT;
static uint64_t input_limit_storage = WS_PROCESS_DEFAULT_INPUT_LIMIT;
static const uint64_t input_limit_implicit = WS_PROCESS_DEFAULT_INPUT_LIMIT;
static uint32_t timeout_storage = WS_PROCESS_DEFAULT_TIMEOUT_MS;
static const uint32_t timeout_implicit = WS_PROCESS_DEFAULT_TIMEOUT_MS;

WasmEdge_ProgramOption ws_process_program_options[] = {
    {.Name = "allow-command",
     .Description = "allow the guest to run this program (repeatable): the exact string the "
                    "guest passes, or an absolute path, which also allows a bare name that the "
                    "host PATH resolves to it",
     .Type = WS_ProgramOptionType_StringList,
     .Storage = &allow_command_storage,
     .DefaultValue = NULL},
    {.Name = "allow-command-all",
     .Description = "allow the guest to run any program (unsafe)",
     .Type = WasmEdge_ProgramOptionType_Toggle,
     .Storage = &allow_command_all_storage,
     .DefaultValue = NULL},
    {.Name = "process-output-limit",
     .Description = "bytes of stdout and of stderr kept per command (default 16777216); the "
                    "rest is discarded and the truncation is reported on the command's stderr",
     .Type = WasmEdge_ProgramOptionType_UInt64,
     .Storage = &output_limit_storage,
     .DefaultValue = &output_limit_implicit},
    {.Name = "process-input-limit",
     .Description = "bytes a guest may queue for one command: program name, arguments, "
                    "variables and stdin together (default 16777216); past it run returns -1 "
                    "without running anything",
     .Type = WasmEdge_ProgramOptionType_UInt64,
     .Storage = &input_limit_storage,
     .DefaultValue = &input_limit_implicit},
    {.Name = "process-timeout-ms",
     .Description = "timeout in milliseconds of a command whose guest sets none (default 10000)",
     .Type = WasmEdge_ProgramOptionType_UInt32,
     .Storage = &timeout_storage,
     .DefaultValue = &timeout_implicit},
};
const uint32_t ws_process_program_option_count =
    sizeof(ws_process_program_options) / sizeof(ws_process_program_options[0]);

static bool copy_command(ws_byte_buffer *Target, const char *Bytes, size_t Length) {
  memset(Target, 0, sizeof(*Target));
  return ws_byte_buffer_append(Target, Bytes, Length);
}

bool ws_process_options_snapshot(ws_process_policy *Policy) {
  memset(Policy, 0, sizeof(*Policy));
  if (allow_command_storage.Length > 0 && allow_command_storage.Items) {
    Policy->allowed_commands = calloc(allow_command_storage.Length, sizeof(ws_byte_buffer));
    if (!Policy->allowed_commands) return false;
  }
  for (uint32_t i = 0; i < allow_command_storage.Length && allow_command_storage.Items; ++i) {
    const WasmEdge_String item = allow_command_storage.Items[i];
    if (!copy_command(&Policy->allowed_commands[Policy->allowed_count], item.Buf, item.Length)) {
      ws_process_policy_release(Policy);
      return false;
    }
    Policy->allowed_count += 1;
  }
  Policy->allow_all = allow_command_all_storage;
  /* Captured lengths are reported to the guest as i32: keep them below 4 GiB. */
  Policy->output_limit_bytes = output_limit_storage > UINT32_MAX - 4096 ? UINT32_MAX - 4096
                                                                        : output_limit_storage;
  Policy->input_limit_bytes = input_limit_storage;
  Policy->default_timeout_ms = timeout_storage;
  return true;
}

void ws_process_policy_release(ws_process_policy *Policy) {
  for (size_t i = 0; i < Policy->allowed_count; ++i) ws_byte_buffer_release(&Policy->allowed_commands[i]);
  free(Policy->allowed_commands);
  Policy->allowed_commands = NULL;
  Policy->allowed_count = 0;
}
