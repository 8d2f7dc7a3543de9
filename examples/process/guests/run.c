/* Runs the command given on the command line on the host, through WasmEdge's
 * wasmedge_process module, and prints its output and exit code:
 *   ws run --allow-command echo run.wasm echo hello
 * The same .wasm runs unchanged on WasmEdge builds that ship the plug-in. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROCESS_IMPORT(name) __attribute__((import_module("wasmedge_process"), import_name("wasmedge_process_" #name)))

PROCESS_IMPORT(set_prog_name) void set_prog_name(const char *name, uint32_t length);
PROCESS_IMPORT(add_arg) void add_arg(const char *arg, uint32_t length);
PROCESS_IMPORT(set_timeout) void set_timeout(uint32_t milliseconds);
PROCESS_IMPORT(run) int32_t run(void);
PROCESS_IMPORT(get_stdout_len) uint32_t get_stdout_len(void);
PROCESS_IMPORT(get_stdout) void get_stdout(char *buffer);
PROCESS_IMPORT(get_stderr_len) uint32_t get_stderr_len(void);
PROCESS_IMPORT(get_stderr) void get_stderr(char *buffer);

/* Copies one captured stream out of the host and writes it to `stream`. */
static void print_captured(uint32_t length, void (*copy)(char *), FILE *stream) {
  char *buffer = malloc(length + 1);
  if (!buffer) return;
  copy(buffer);
  fwrite(buffer, 1, length, stream);
  free(buffer);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: run.wasm PROGRAM [ARG]...\n");
    return 2;
  }
  set_prog_name(argv[1], (uint32_t)strlen(argv[1]));
  for (int i = 2; i < argc; ++i) add_arg(argv[i], (uint32_t)strlen(argv[i]));
  set_timeout(5000);
  int32_t exit_code = run();
  print_captured(get_stdout_len(), get_stdout, stdout);
  print_captured(get_stderr_len(), get_stderr, stderr);
  printf("exit code: %d\n", exit_code);
  return 0;
}
