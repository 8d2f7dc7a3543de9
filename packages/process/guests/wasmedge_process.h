/* Imports of module wasmedge_process (all i32), for the test guests. */
#ifndef WS_TEST_WASMEDGE_PROCESS_H
#define WS_TEST_WASMEDGE_PROCESS_H

#include <stdint.h>

#define WASMEDGE_PROCESS(name) __attribute__((import_module("wasmedge_process"), import_name("wasmedge_process_" #name)))

WASMEDGE_PROCESS(set_prog_name) void wasmedge_process_set_prog_name(const char *name, uint32_t length);
WASMEDGE_PROCESS(add_arg) void wasmedge_process_add_arg(const char *arg, uint32_t length);
WASMEDGE_PROCESS(add_env) void wasmedge_process_add_env(const char *name, uint32_t name_length, const char *value, uint32_t value_length);
WASMEDGE_PROCESS(add_stdin) void wasmedge_process_add_stdin(const void *bytes, uint32_t length);
WASMEDGE_PROCESS(set_timeout) void wasmedge_process_set_timeout(uint32_t milliseconds);
WASMEDGE_PROCESS(run) int32_t wasmedge_process_run(void);
WASMEDGE_PROCESS(get_exit_code) int32_t wasmedge_process_get_exit_code(void);
WASMEDGE_PROCESS(get_stdout_len) uint32_t wasmedge_process_get_stdout_len(void);
WASMEDGE_PROCESS(get_stdout) void wasmedge_process_get_stdout(void *buffer);
WASMEDGE_PROCESS(get_stderr_len) uint32_t wasmedge_process_get_stderr_len(void);
WASMEDGE_PROCESS(get_stderr) void wasmedge_process_get_stderr(void *buffer);

#endif
