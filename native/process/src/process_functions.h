/* The 11 host functions of module wasmedge_process (WasmEdge's signatures:
 * every parameter and result is i32). Data is the module's ws_process_env. */
#ifndef WS_PROCESS_FUNCTIONS_H
#define WS_PROCESS_FUNCTIONS_H

#include <wasmedge/wasmedge.h>

typedef struct ws_process_function {
  const char *name;
  uint32_t param_count;
  uint32_t result_count;
  WasmEdge_HostFunc_t function;
} ws_process_function;

extern const ws_process_function ws_process_functions[];
extern const uint32_t ws_process_function_count;

#endif
