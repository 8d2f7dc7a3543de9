/* Program options of the wasmedge_process plug-in (`ws run --allow-command ls`,
 * `pluginOptions: { 'allow-command': ['ls'] }`). The host writes the values
 * into static storage; a module copies them when it is created. */
#ifndef WS_PROCESS_OPTIONS_H
#define WS_PROCESS_OPTIONS_H

#include <wasmedge/wasmedge.h>

#include "process_env.h"

#define WS_PROCESS_DEFAULT_TIMEOUT_MS 10000u
#define WS_PROCESS_DEFAULT_OUTPUT_LIMIT (16ull * 1024 * 1024)
/* Bytes a guest may queue for one command: program name, arguments, variables, stdin. */
#define WS_PROCESS_DEFAULT_INPUT_LIMIT (16ull * 1024 * 1024)

extern WasmEdge_ProgramOption ws_process_program_options[];
extern const uint32_t ws_process_program_option_count;

/* Copies the current option values into Policy; false when memory runs out. */
bool ws_process_options_snapshot(ws_process_policy *Policy);
void ws_process_policy_release(ws_process_policy *Policy);

#endif
