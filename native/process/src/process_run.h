/* wasmedge_process_run: policy check, program lookup, spawn, exit-code mapping. */
#ifndef WS_PROCESS_RUN_H
#define WS_PROCESS_RUN_H

#include "process_env.h"

/* Runs the pending command; returns (and stores) the exit code:
 *   exit status s      -> (int8_t)s sign-extended (WasmEdge: exit 255 -> -1)
 *   killed by signal n -> 128 + n (WasmEdge reported 0)
 *   timeout            -> ETIMEDOUT (110 on Linux)
 *   denied / not found / not executable -> -1, with the reason on stderr. */
uint32_t ws_process_run(ws_process_env *Env);

#endif
